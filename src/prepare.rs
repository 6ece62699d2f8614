//! Preparation: a [`Document`] becomes a [`Text`], the shared input of
//! every later stage.
//!
//! The body (furniture excluded) is normalised and tokenized, filler words
//! of speech (`uh`, `um`) are flagged so that every matcher skips them, and
//! the tokens are cut into sentences, or, in speech without punctuation,
//! into clause windows that open at the discourse cues of
//! `rules/transcript.toml` (`[clauses]`). This stage compiles those cues
//! once per run; it knows nothing about speakers or stance.

use crate::config::DataFile;
use crate::config::strict::Root;
use crate::error::Diagnostic;
use crate::model::{Document, Text};
use crate::pattern::{Env, PatternSet, compile_patterns};
use crate::text::segment::Segmenter;
use crate::text::token::Tokens;
use crate::text::vocab::Vocabulary;
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::sync::Arc;
use toml::Spanned;

/// The parts of `rules/transcript.toml` this stage reads.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranscript {
    /// Clause windows for unpunctuated speech.
    clauses: RawClauses,
    /// Turn-taking cues (read by the turns of [`crate::extract`]).
    #[serde(rename = "turns")]
    _turns: IgnoredAny,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClauses {
    /// Patterns that open a new clause window.
    markers: Vec<Spanned<String>>,
    /// Longest window in words.
    max_words: usize,
}

/// Compiled preparation settings.
#[derive(Debug, Clone)]
pub(crate) struct Preparer {
    vocab: Arc<Vocabulary>,
    markers: PatternSet,
    segmenter: Segmenter,
}

impl Preparer {
    /// Compiles the clause cues of `transcript.toml`.
    pub(crate) fn compile(file: &DataFile, vocab: Arc<Vocabulary>) -> Result<Preparer, Vec<Diagnostic>> {
        let root = Root::parse(file)?;
        let raw: RawTranscript = root.whole().map_err(|d| vec![d])?;
        let mut diags = Vec::new();
        let markers = compile_patterns(&root, &raw.clauses.markers, &vocab, &mut diags);
        if !diags.is_empty() {
            return Err(diags);
        }
        Ok(Preparer { vocab, markers: PatternSet::new(markers), segmenter: Segmenter::new(raw.clauses.max_words) })
    }

    /// Tokenizes, flags fillers and segments a document's body.
    pub(crate) fn prepare<'d>(&self, doc: &'d Document) -> Text<'d> {
        self.prepare_region(doc, doc.body.clone())
    }

    /// Tokenizes, flags fillers and segments one region of a document's
    /// body (a window of a very long document).
    pub(crate) fn prepare_region<'d>(&self, doc: &'d Document, region: std::ops::Range<usize>) -> Text<'d> {
        let toks = Tokens::new(&doc.text, region.clone(), &doc.excluded_ranges(), &self.vocab.spelling.abbreviations);
        let skip: Vec<bool> = (0..toks.len()).map(|i| toks.is_in(i, &self.vocab.grammar.fillers)).collect();
        let openers = if doc.punctuated { Vec::new() } else { self.window_openers(&toks, &skip) };
        let seg = self.segmenter.segment(&toks, &doc.text, doc.punctuated, &openers);
        Text { doc, region, toks, skip, seg }
    }

    /// Tokens where a clause cue opens a new window in unpunctuated speech.
    fn window_openers(&self, toks: &Tokens, skip: &[bool]) -> Vec<usize> {
        let env = Env { toks, skip, class: &|_, _| false };
        let hits = self.markers.hits(toks);
        self.markers.matches(&env, &hits, 0..toks.len()).into_iter().map(|(_, m)| m.start).collect()
    }
}
