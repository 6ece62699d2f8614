//! Entry points for fuzzing and property tests: each takes arbitrary
//! input and runs one part of the tool on it, exactly as the command line
//! would. They must never panic; `fuzz/` (cargo-fuzz) and the property
//! tests of `tests/it/properties.rs` drive them.

use crate::config::strict::Root;
use crate::config::{DataFile, DataFiles};
use crate::engine::Engine;
use crate::ingest::read::check_bytes;
use crate::model::{Document, Record};
use crate::pattern::Pattern;
use crate::text::vocab::Vocabulary;

/// Reads arbitrary bytes as a file would be read: checks, header, furniture, kind.
pub fn ingest_bytes(engine: &Engine, bytes: &[u8]) -> Option<Document> {
    let text = check_bytes(bytes.to_vec()).ok()?;
    Some(engine.document("fuzz.txt", text))
}

/// Reads arbitrary bytes as one line of a JSON Lines corpus.
pub fn ingest_record(engine: &Engine, bytes: &[u8]) -> Vec<Document> {
    engine.records_of(bytes)
}

/// Analyses a text as a document and returns its records.
pub fn extract_text(engine: &Engine, text: &str) -> Vec<Record> {
    let doc = engine.document("fuzz.txt", text.to_string());
    let prepared = engine.prepare(&doc);
    Record::all(&doc, &engine.analyze(&prepared))
}

/// Parses a pattern of the rule language.
pub fn parse_pattern(src: &str) -> bool {
    Pattern::parse(src, Vocabulary::builtin()).is_ok()
}

/// Compiles a stance rule file in place of the built-in one.
pub fn parse_rules(text: &str) -> bool {
    let mut files = DataFiles::builtin();
    files.insert(DataFile { name: "stance.toml".into(), path: "stance.toml".into(), text: text.to_string(), builtin: false });
    crate::classify::rules::RuleSet::compile(&files, Vocabulary::builtin()).is_ok()
}

/// Parses a claims file.
pub fn parse_claims(engine: &Engine, text: &str) -> bool {
    let file = DataFile { name: "claims.toml".into(), path: "claims.toml".into(), text: text.to_string(), builtin: false };
    let labels: Vec<String> = engine.rules().labels.iter().map(|l| l.name.clone()).collect();
    crate::check::parse(&file, &labels, &|n| engine.actor(n)).is_ok()
}

/// Parses any TOML text strictly (the layer under every data file).
pub fn parse_toml(text: &str) -> bool {
    let file = DataFile { name: "any.toml".into(), path: "any.toml".into(), text: text.to_string(), builtin: false };
    Root::parse(&file).is_ok()
}
