//! The compiled data of one run, and the first steps every document goes
//! through.
//!
//! [`Engine::load`] reads the data files once (defaults plus `--rules DIR`),
//! compiles each, and collects every diagnostic of every file so one run
//! reports them all. [`Engine::prepare`] turns a [`Document`] into a
//! [`Text`]: tokens, filler flags and sentences, the shared input of all
//! later stages. Nothing here is per-rule or per-pattern at document time.

use crate::attribute::ActorTable;
use crate::classify::Classifier;
use crate::classify::rules::RuleSet;
use crate::config::{DataFile, DataFiles};
use crate::error::Diagnostic;
use crate::extract::Extractor;
use crate::extract::cues::Lexicon;
use crate::extract::turns::Turns;
use crate::ingest::furniture::Furniture;
use crate::ingest::{self, Limits, Loaded};
use crate::model::{Analysis, Classified, Document, Kind, Statement, Text};
use crate::text::segment::Segmenter;
use crate::text::token::Tokens;
use std::path::Path;

/// Everything compiled from the data files.
#[derive(Debug, Clone)]
pub struct Engine {
    /// Site furniture detector.
    pub furniture: Furniture,
    /// Sentence and clause-window segmenter.
    pub segmenter: Segmenter,
    /// Filler words (folded keys).
    pub fillers: Vec<String>,
    /// Speech cues.
    pub lexicon: Lexicon,
    /// Actors, bodies, people, offices.
    pub actors: ActorTable,
    /// Transcript turn cues.
    pub turns: Turns,
    /// Stance labels and rules.
    pub rules: RuleSet,
    /// Input limits.
    pub limits: Limits,
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
        let transcript = need(files, "transcript.toml", &mut diags).and_then(|f| Turns::compile(f).map_err(|d| diags.extend(d)).ok());
        let fillers_for_cues = transcript.as_ref().map(|t| t.0.clone()).unwrap_or_default();

        let lexicon = need(files, "speech.toml", &mut diags).and_then(|f| Lexicon::compile(f, &fillers_for_cues).map_err(|d| diags.extend(d)).ok());
        let actors = match (need(files, "actors.toml", &mut diags), need(files, "words.txt", &mut diags)) {
            (Some(f), Some(w)) => ActorTable::compile(f, w).map_err(|d| diags.extend(d)).ok(),
            _ => None,
        };
        let rules = RuleSet::compile(files, &fillers_for_cues).map_err(|d| diags.extend(d)).ok();
        match (furniture, transcript, lexicon, actors, rules) {
            (Some(furniture), Some((fillers, segmenter, turns)), Some(lexicon), Some(actors), Some(rules)) if diags.is_empty() => {
                Ok(Engine { furniture, segmenter, fillers, lexicon, actors, turns, rules, limits })
            }
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

    /// The statements of a prepared document (turns excluded).
    pub fn statements(&self, text: &Text) -> Vec<Statement> {
        Extractor { lexicon: &self.lexicon, actors: &self.actors }.extract(text)
    }

    /// The turns of a transcript (empty for articles).
    pub fn turns(&self, text: &Text) -> Vec<Statement> {
        self.turns.turns(text, &self.actors, &self.actors.mentions(text))
    }

    /// Every statement of a prepared document, turns included, with stance
    /// labels, in document order.
    pub fn analyze(&self, text: &Text) -> Vec<Classified> {
        let mentions = self.actors.mentions(text);
        let mut statements = self.turns.turns(text, &self.actors, &mentions);
        statements.extend(Extractor { lexicon: &self.lexicon, actors: &self.actors }.extract_with(text, mentions));
        statements.sort_by_key(|a| (a.span.start, a.kind == Kind::Turn, a.span.end));
        self.classify(text, statements)
    }

    /// Analyses documents in parallel; the result is in input order whatever
    /// the number of threads.
    pub fn analyze_all<'d>(&self, docs: &'d [Document]) -> Vec<Analysis<'d>> {
        use rayon::prelude::*;
        docs.par_iter()
            .map(|doc| {
                let text = self.prepare(doc);
                Analysis { doc, statements: self.analyze(&text) }
            })
            .collect()
    }

    /// Stance labels for statements of a prepared document.
    pub fn classify(&self, text: &Text, statements: Vec<Statement>) -> Vec<Classified> {
        Classifier { rules: &self.rules }.classify(text, statements)
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
        let builtin = DataFiles::builtin().get("transcript.toml").unwrap().text.clone();
        let text = builtin.replacen("\"so\", \"but\"", "\"so\", \"at (the end\"", 1);
        files.insert(DataFile { name: "transcript.toml".into(), path: "t.toml".into(), text: text.clone(), builtin: false });
        let diags = Engine::from_files(&files, Limits::default()).unwrap_err();
        assert_eq!(diags.len(), 1);
        let line = text.lines().position(|l| l.contains("at (the end")).unwrap() + 1;
        assert_eq!(diags[0].line, line);
        assert_eq!(diags[0].col, text.lines().nth(line - 1).unwrap().find("(the").unwrap() + 1);
        assert!(diags[0].message.contains("unclosed"));
    }
}
