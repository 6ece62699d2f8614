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
use crate::pattern::{Env, Match, PatternGroups};
use crate::text::inflect;
use crate::text::token::Tokens;
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
    /// Verb cues, exclusion phrases and source phrases, scanned together.
    cues: PatternGroups,
    /// For each verb pattern: (frames, postposed).
    verb_info: Vec<(Vec<Frame>, bool)>,
    nouns: WordSet,
    /// Plain and -s forms of cue verbs that are also nouns ("attack", "states").
    homographs: HashSet<String>,
    /// Frames of speech nouns.
    pub noun_frames: Vec<Frame>,
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
            // In the order `cues_and_sources` reads them.
            cues: PatternGroups::new(vec![patterns, exclude, sources]),
            verb_info,
            nouns,
            homographs,
            noun_frames,
            spoken_open: WordSet::from_words(&raw.spoken_quotes.open),
            spoken_close: WordSet::from_words(&raw.spoken_quotes.close),
        })
    }

    /// Every verb cue in a document, in order (the longest cue wins where
    /// cues overlap, and cues inside an exclusion phrase are dropped), and
    /// the source phrases (`according to`), in order.
    pub(crate) fn cues_and_sources(&self, text: &Text) -> (Vec<Cue>, Vec<Range<usize>>) {
        let env = Env { toks: &text.toks, skip: &text.skip, class: &|_, _| false };
        let [verbs, exclude, sources]: [Vec<(usize, Match)>; 3] = self.cues.matches(&env).try_into().expect("three lists of cues");
        let mut found: Vec<Cue> = Vec::new();
        for (pi, m) in verbs {
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
        let mut excluded = vec![false; text.toks.len()];
        for (_, m) in exclude {
            for f in &mut excluded[m.start..m.end] {
                *f = true;
            }
        }
        merged.retain(|c| !excluded[c.toks.clone()].contains(&true));
        let mut sources: Vec<Range<usize>> = sources.into_iter().map(|(_, m)| m.start..m.end).collect();
        sources.sort_by_key(|r| r.start);
        (merged, sources)
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

    /// Whether token `t` is a speech noun.
    #[inline(always)]
    pub(crate) fn is_speech_noun_at(&self, toks: &Tokens, t: usize) -> bool {
        toks.is_in(t, &self.nouns)
    }
}
