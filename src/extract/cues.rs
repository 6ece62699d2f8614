//! The speech-cue lexicon: which words report speech, and what follows
//! them, compiled from `rules/speech.toml`.
//!
//! Verb cues are patterns (`say`, `call on|upon`, `make it clear`), all
//! scanned in one pass per document; each carries the frames it takes
//! (`that`-clause, addressee + infinitive, noun-phrase object ...) and
//! whether it may follow its content (`"...," she said`). Speech nouns
//! (`insistence`, `calls`, `statement`) and source phrases (`according to`)
//! are listed here too, with exclusions (`needless to say`, `it tells me`)
//! that silence a cue. This module finds cues; [`crate::extract`] decides
//! who spoke and what was said.

use crate::config::DataFile;
use crate::config::strict::Root;
use crate::error::Diagnostic;
use crate::model::Text;
use crate::pattern::compile_patterns;
use crate::pattern::{Env, PatternSet};
use crate::text::inflect;
use crate::text::vocab::{Vocabulary, WordSet};
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::ops::Range;
use toml::Spanned;

/// What may follow a speech cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frame {
    /// `X said (adjuncts) that CLAUSE`.
    That,
    /// `X said CLAUSE`.
    Clause,
    /// `X told Y (that) CLAUSE`.
    ObjectThat,
    /// `X urged Y to VP`.
    ObjectTo,
    /// `X vowed to VP`.
    To,
    /// `X warned Y of NP`.
    ObjectOf,
    /// `X warned of NP`.
    Of,
    /// `X announced NP`.
    Object,
    /// `X called for NP`.
    For,
    /// `X warned against NP`.
    Against,
    /// `X called Y Z`, `X described Y as Z`, `what X called "Z"`.
    Naming,
    /// `X said "..."`.
    Quote,
    /// `X said: ...`.
    Colon,
}

impl Frame {
    fn parse(s: &str) -> Option<Frame> {
        Some(match s {
            "that" => Frame::That,
            "clause" => Frame::Clause,
            "object-that" => Frame::ObjectThat,
            "object-to" => Frame::ObjectTo,
            "to" => Frame::To,
            "object-of" => Frame::ObjectOf,
            "of" => Frame::Of,
            "object" => Frame::Object,
            "for" => Frame::For,
            "against" => Frame::Against,
            "naming" => Frame::Naming,
            "quote" => Frame::Quote,
            "colon" => Frame::Colon,
            _ => return None,
        })
    }
}

const FRAME_NAMES: &str = "that, clause, object-that, object-to, to, object-of, of, object, for, against, naming, quote, colon";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpeech {
    /// Verb cue groups (checked item by item with [`Root::items`]).
    #[serde(rename = "verb")]
    _verb: Vec<IgnoredAny>,
    /// Speech nouns.
    nouns: RawNouns,
    /// Source phrases.
    sources: RawSources,
    /// Cue verbs that are also nouns.
    homographs: RawHomographs,
    /// Phrases that silence a cue.
    exclude: RawExclude,
    /// Quotation marks said aloud.
    spoken_quotes: RawSpokenQuotes,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpokenQuotes {
    /// Words that open a quotation in speech.
    open: Vec<String>,
    /// Words (or two-word phrases) that close it.
    close: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVerb {
    /// Cue patterns.
    cues: Vec<Spanned<String>>,
    /// Frames, in order of preference.
    frames: Vec<Spanned<String>>,
    /// Whether the cue may follow its content.
    postposed: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNouns {
    /// Nouns (every inflection matches).
    cues: Vec<String>,
    /// Frames the nouns take.
    frames: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSources {
    /// Source phrase patterns.
    cues: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHomographs {
    /// Verbs (their plain and -s forms are the homographs).
    cues: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExclude {
    /// Exclusion patterns.
    patterns: Vec<Spanned<String>>,
}

/// A verb cue found in a document.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    /// Tokens of the cue (`called on`, `made it very clear`).
    pub toks: Range<usize>,
    /// Frames it takes, in order of preference.
    pub frames: Vec<Frame>,
    /// Whether it may follow its content.
    pub postposed: bool,
}

/// The compiled lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    verbs: PatternSet,
    /// For each verb pattern: (frames, postposed).
    verb_info: Vec<(Vec<Frame>, bool)>,
    nouns: HashSet<String>,
    /// Plain and -s forms of cue verbs that are also nouns ("attack", "states").
    homographs: HashSet<String>,
    /// Frames of speech nouns.
    pub noun_frames: Vec<Frame>,
    sources: PatternSet,
    exclude: PatternSet,
    /// Words that open a quotation in speech ("quote").
    pub spoken_open: WordSet,
    /// Words or two-word phrases that close it ("unquote", "end quote").
    pub spoken_close: WordSet,
}

fn frames(root: &Root, list: &[Spanned<String>], diags: &mut Vec<Diagnostic>) -> Vec<Frame> {
    let mut out = Vec::new();
    for f in list {
        match Frame::parse(f.get_ref()) {
            Some(fr) => out.push(fr),
            None => diags.push(root.diag(f.span().start, format!("unknown frame {:?} (known: {FRAME_NAMES})", f.get_ref()))),
        }
    }
    out
}

impl Lexicon {
    /// Compiles `speech.toml`.
    pub(crate) fn compile(file: &DataFile, vocab: &Vocabulary) -> Result<Lexicon, Vec<Diagnostic>> {
        let root = Root::parse(file)?;
        let mut diags = Vec::new();
        let raw: RawSpeech = root.whole().map_err(|d| vec![d])?;
        let mut patterns = Vec::new();
        let mut verb_info = Vec::new();
        for (v, _) in root.items::<RawVerb>("verb", &mut diags) {
            let fr = frames(&root, &v.frames, &mut diags);
            for p in compile_patterns(&root, &v.cues, vocab, &mut diags) {
                patterns.push(p);
                verb_info.push((fr.clone(), v.postposed));
            }
        }
        let noun_frames = frames(&root, &raw.nouns.frames, &mut diags);
        let nouns = raw.nouns.cues.iter().flat_map(|n| inflect::forms(&crate::text::normalize::fold_key(n), &vocab.spelling)).collect();
        let homographs = raw
            .homographs
            .cues
            .iter()
            .flat_map(|n| inflect::forms(&crate::text::normalize::fold_key(n), &vocab.spelling))
            .filter(|f| !f.ends_with("ed") && !f.ends_with("ing"))
            .collect();
        let sources = compile_patterns(&root, &raw.sources.cues, vocab, &mut diags);
        let exclude = compile_patterns(&root, &raw.exclude.patterns, vocab, &mut diags);
        if !diags.is_empty() {
            return Err(diags);
        }
        Ok(Lexicon {
            verbs: PatternSet::new(patterns),
            verb_info,
            nouns,
            homographs,
            noun_frames,
            sources: PatternSet::new(sources),
            exclude: PatternSet::new(exclude),
            spoken_open: WordSet::from_words(&raw.spoken_quotes.open),
            spoken_close: WordSet::from_words(&raw.spoken_quotes.close),
        })
    }

    /// Every verb cue in a document, in order; the longest cue wins where
    /// cues overlap, and cues inside an exclusion phrase are dropped.
    pub(crate) fn cues(&self, text: &Text) -> Vec<Cue> {
        let env = Env { toks: &text.toks, skip: &text.skip, class: &|_, _| false };
        let all = 0..text.toks.len();
        let hits = self.verbs.hits(&text.toks);
        let mut found: Vec<Cue> = Vec::new();
        for (pi, m) in self.verbs.matches(&env, &hits, all.clone()) {
            let (frames, postposed) = &self.verb_info[pi];
            found.push(Cue { toks: m.start..m.end, frames: frames.clone(), postposed: *postposed });
        }
        // Longest first at each start; merge frames of identical spans.
        found.sort_by_key(|a| (a.toks.start, std::cmp::Reverse(a.toks.end)));
        let mut merged: Vec<Cue> = Vec::with_capacity(found.len());
        for c in found {
            if let Some(last) = merged.last_mut() {
                if last.toks == c.toks {
                    for f in c.frames {
                        if !last.frames.contains(&f) {
                            last.frames.push(f);
                        }
                    }
                    last.postposed |= c.postposed;
                    continue;
                }
                if c.toks.start < last.toks.end {
                    continue; // inside a longer cue
                }
            }
            merged.push(c);
        }
        let ex_hits = self.exclude.hits(&text.toks);
        let mut excluded = vec![false; text.toks.len()];
        for (_, m) in self.exclude.matches(&env, &ex_hits, all) {
            for f in &mut excluded[m.start..m.end] {
                *f = true;
            }
        }
        merged.retain(|c| !excluded[c.toks.clone()].contains(&true));
        merged
    }

    /// Source phrases (`according to`) in a document.
    pub(crate) fn sources(&self, text: &Text) -> Vec<Range<usize>> {
        let env = Env { toks: &text.toks, skip: &text.skip, class: &|_, _| false };
        let hits = self.sources.hits(&text.toks);
        let mut out: Vec<Range<usize>> = self.sources.matches(&env, &hits, 0..text.toks.len()).into_iter().map(|(_, m)| m.start..m.end).collect();
        out.sort_by_key(|r| r.start);
        out
    }

    /// Whether a token key is the plain or -s form of a cue verb that is
    /// also a noun (`attack`, `states`).
    pub(crate) fn is_homograph(&self, key: &str) -> bool {
        self.homographs.contains(key)
    }

    /// Whether a token key is a speech noun (`statement`, `calls`).
    pub(crate) fn is_speech_noun(&self, key: &str) -> bool {
        self.nouns.contains(key)
    }
}
