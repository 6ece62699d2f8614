//! The compiled data of one run, and the first steps every document goes
//! through.
//!
//! [`Engine::load`] reads the data files once (defaults plus `--rules DIR`),
//! compiles each, and collects every diagnostic of every file so one run
//! reports them all. [`Engine::prepare`] turns a [`Document`] into a
//! [`Text`]: tokens, filler flags and sentences, the shared input of all
//! later stages. Nothing here is per-rule or per-pattern at document time.

use crate::data::{DataFile, DataFiles};
use crate::error::Diagnostic;
use crate::furniture::Furniture;
use crate::ingest::{self, Document, Limits, Loaded};
use crate::pattern::Pattern;
use crate::segment::{Segmenter, Segments};
use crate::token::Tokens;
use crate::tomlfile::Root;
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

/// `rules/transcript.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranscript {
    /// Hesitation words skipped by every matcher.
    fillers: Vec<String>,
    /// Clause windows for unpunctuated speech.
    clauses: RawClauses,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClauses {
    /// Patterns that open a new clause window.
    markers: Vec<Spanned<String>>,
    /// Longest window in words.
    max_words: usize,
}

/// Everything compiled from the data files.
#[derive(Debug, Clone)]
pub struct Engine {
    /// Site furniture detector.
    pub furniture: Furniture,
    /// Sentence and clause-window segmenter.
    pub segmenter: Segmenter,
    /// Filler words (folded keys).
    pub fillers: Vec<String>,
    /// Input limits.
    pub limits: Limits,
}

/// A document prepared for analysis: tokens, filler flags, sentences.
#[derive(Debug, Clone)]
pub struct Text<'d> {
    /// The document.
    pub doc: &'d Document,
    /// Tokens of the body (furniture excluded).
    pub toks: Tokens,
    /// Filler flags, one per token.
    pub skip: Vec<bool>,
    /// Sentences (or clause windows) and paragraphs.
    pub seg: Segments,
}

/// Compiles a list of patterns written in a data file, reporting each bad one.
pub fn compile_patterns(root: &Root, list: &[Spanned<String>], fillers: &[String], diags: &mut Vec<Diagnostic>) -> Vec<Pattern> {
    let mut out = Vec::new();
    for p in list {
        match Pattern::parse(p.get_ref(), fillers) {
            Ok(pat) => out.push(pat),
            Err(e) => diags.push(root.diag(p.span().start + 1 + e.offset, format!("bad pattern {:?}: {}", p.get_ref(), e.message))),
        }
    }
    out
}

fn need<'a>(files: &'a DataFiles, name: &str, diags: &mut Vec<Diagnostic>) -> Option<&'a DataFile> {
    let f = files.get(name);
    if f.is_none() {
        diags.push(Diagnostic::file(name, "missing data file"));
    }
    f
}

impl Engine {
    /// Loads and compiles the data files (defaults overlaid with `dir`).
    pub fn load(dir: Option<&Path>, limits: Limits) -> Result<Engine, Vec<Diagnostic>> {
        let files = DataFiles::load(dir)?;
        Engine::from_files(&files, limits)
    }

    /// Compiles a set of data files, reporting every problem found.
    pub fn from_files(files: &DataFiles, limits: Limits) -> Result<Engine, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        let furniture = need(files, "boilerplate.toml", &mut diags).and_then(|f| Furniture::compile(f).map_err(|d| diags.extend(d)).ok());
        let transcript = need(files, "transcript.toml", &mut diags).and_then(|f| {
            let root = Root::parse(f).map_err(|d| diags.extend(d.clone())).ok()?;
            let raw: RawTranscript = root.whole().map_err(|d| diags.push(d)).ok()?;
            let fillers: Vec<String> = raw.fillers.iter().map(|w| crate::normalize::fold_key(w)).collect();
            let markers = compile_patterns(&root, &raw.clauses.markers, &fillers, &mut diags);
            Some((fillers, Segmenter::new(markers, raw.clauses.max_words)))
        });
        match (furniture, transcript) {
            (Some(furniture), Some((fillers, segmenter))) if diags.is_empty() => Ok(Engine { furniture, segmenter, fillers, limits }),
            _ => {
                diags.sort();
                diags.dedup();
                Err(diags)
            }
        }
    }

    /// The built-in data files, compiled (they are tested to compile).
    pub fn builtin() -> Engine {
        Engine::from_files(&DataFiles::builtin(), Limits::default()).expect("built-in data files compile")
    }

    /// Reads documents from paths.
    pub fn ingest(&self, paths: &[String]) -> Loaded {
        ingest::load(paths, self.limits, &self.furniture)
    }

    /// Tokenizes and segments a document's body.
    pub fn prepare<'d>(&self, doc: &'d Document) -> Text<'d> {
        let toks = Tokens::new(&doc.text, doc.body.clone(), &doc.excluded_ranges());
        let skip: Vec<bool> = (0..toks.len()).map(|i| self.fillers.iter().any(|f| f == toks.key(i))).collect();
        let seg = self.segmenter.segment(&toks, &doc.text, &skip, doc.punctuated);
        Text { doc, toks, skip, seg }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_compiles() {
        let e = Engine::builtin();
        assert!(e.fillers.iter().any(|f| f == "uh"));
    }

    #[test]
    fn bad_marker_is_reported_with_position() {
        let mut files = DataFiles::builtin();
        let text = "fillers = []\n[clauses]\nmarkers = [\"so\", \"at (the end\"]\nmax_words = 30\n";
        files.insert(DataFile { name: "transcript.toml".into(), path: "t.toml".into(), text: text.into(), builtin: false });
        let diags = Engine::from_files(&files, Limits::default()).unwrap_err();
        assert_eq!(diags.len(), 1);
        assert_eq!((diags[0].line, diags[0].col), (3, 22));
        assert!(diags[0].message.contains("unclosed"));
    }
}
