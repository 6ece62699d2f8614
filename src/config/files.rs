//! The tool's data files: defaults embedded in the binary, and a user's
//! `--rules DIR` that replaces or extends them.
//!
//! Every behaviour that users tune lives in a file under `rules/`: stance
//! rules (`stance.toml`), speech cues (`speech.toml`), actors and offices
//! (`actors.toml`), site furniture (`boilerplate.toml`), transcript cues
//! (`transcript.toml`) and the common-word list used to keep fuzzy name
//! matching honest (`words.txt`). The defaults are compiled in with
//! `include_str!`. A file in `--rules DIR` with the same name replaces the
//! default, except actor files: `actors.toml` and `actors-*.toml` in DIR
//! extend the built-in actors (or replace them with `replace = true`). Any
//! other `*.toml` in DIR is an extra stance rule file. This module only
//! finds and reads files; each stage parses its own.

use crate::error::Diagnostic;
use std::collections::BTreeMap;
use std::path::Path;

/// One data file, with the path shown in messages.
#[derive(Debug, Clone)]
pub struct DataFile {
    /// File name (`stance.toml`).
    pub name: String,
    /// Path shown in messages (`rules/stance.toml` for built-ins).
    pub path: String,
    /// Contents.
    pub text: String,
    /// Whether the file is a built-in default.
    pub builtin: bool,
}

/// Files with their own schema; every other `*.toml` holds stance rules.
pub(super) const SPECIAL: &[&str] = &["speech.toml", "actors.toml", "boilerplate.toml", "transcript.toml"];

const DEFAULTS: &[(&str, &str)] = &[
    ("stance.toml", include_str!("../../rules/stance.toml")),
    ("speech.toml", include_str!("../../rules/speech.toml")),
    ("actors.toml", include_str!("../../rules/actors.toml")),
    ("boilerplate.toml", include_str!("../../rules/boilerplate.toml")),
    ("transcript.toml", include_str!("../../rules/transcript.toml")),
    ("words.txt", include_str!("../../rules/words.txt")),
    ("lexicon/grammar.toml", include_str!("../../rules/lexicon/grammar.toml")),
    ("lexicon/clauses.toml", include_str!("../../rules/lexicon/clauses.toml")),
    ("lexicon/names.toml", include_str!("../../rules/lexicon/names.toml")),
    ("lexicon/numbers.toml", include_str!("../../rules/lexicon/numbers.toml")),
    ("lexicon/spelling.toml", include_str!("../../rules/lexicon/spelling.toml")),
];

/// The folder of word-class files (`lexicon/NAME.toml`).
pub(super) const LEXICON: &str = "lexicon/";

/// The set of data files in effect for a run.
#[derive(Debug, Clone)]
pub struct DataFiles {
    files: BTreeMap<String, DataFile>,
    /// The user's actor files, in name order (they extend `actors.toml`).
    user_actors: Vec<DataFile>,
}

/// Whether a file name is an actor file: `actors.toml` or `actors-NAME.toml`.
pub fn is_actor_file(name: &str) -> bool {
    name == "actors.toml" || (name.starts_with("actors-") && name.ends_with(".toml"))
}

/// The built-in data files, by name, as embedded in the binary (what
/// `stance rules dump` writes).
pub fn builtin_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    DEFAULTS.iter().copied()
}

impl DataFiles {
    /// The built-in defaults only.
    pub fn builtin() -> DataFiles {
        let files = DEFAULTS
            .iter()
            .map(|(name, text)| {
                let f = DataFile { name: name.to_string(), path: format!("rules/{name}"), text: text.to_string(), builtin: true };
                (name.to_string(), f)
            })
            .collect();
        DataFiles { files, user_actors: Vec::new() }
    }

    /// The defaults overlaid with the `*.toml` (and `words.txt`) files of
    /// `dir`, and the word-class files of `dir/lexicon/`.
    pub fn load(dir: Option<&Path>) -> Result<DataFiles, Vec<Diagnostic>> {
        let mut set = DataFiles::builtin();
        let Some(dir) = dir else { return Ok(set) };
        let shown = dir.display().to_string();
        let entries = std::fs::read_dir(dir).map_err(|e| vec![Diagnostic::file(&shown, format!("cannot read rules directory: {e}"))])?;
        let mut paths: Vec<(String, std::path::PathBuf)> =
            entries.filter_map(|e| e.ok().map(|e| e.path())).map(|p| (p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default(), p)).collect();
        if let Ok(lexicon) = std::fs::read_dir(dir.join(LEXICON)) {
            paths.extend(lexicon.filter_map(|e| e.ok().map(|e| e.path())).map(|p| {
                let name = format!("{LEXICON}{}", p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default());
                (name, p)
            }));
        }
        paths.sort();
        let mut errors = Vec::new();
        let mut read = 0;
        for (name, path) in paths {
            if !(name.ends_with(".toml") || name == "words.txt") {
                continue;
            }
            if !path.is_file() {
                let why =
                    if path.symlink_metadata().is_ok() && std::fs::metadata(&path).is_err() { "a symbolic link to nothing" } else { "not a regular file" };
                errors.push(Diagnostic::file(&path.display().to_string(), format!("cannot read: {why}")));
                continue;
            }
            read += 1;
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    let f = DataFile { name: name.clone(), path: path.display().to_string(), text, builtin: false };
                    if is_actor_file(&name) {
                        set.user_actors.push(f);
                    } else {
                        set.files.insert(name, f);
                    }
                }
                Err(e) => errors.push(Diagnostic::file(&path.display().to_string(), format!("cannot read: {e}"))),
            }
        }
        if read == 0 && errors.is_empty() {
            errors.push(Diagnostic::file(&shown, "no data files here (looked for *.toml, lexicon/*.toml and words.txt); is this the rules directory?"));
        }
        if errors.is_empty() { Ok(set) } else { Err(errors) }
    }

    /// Adds or replaces a file (an actor file of the user's is added to the actors).
    pub fn insert(&mut self, file: DataFile) {
        if is_actor_file(&file.name) && !file.builtin {
            self.user_actors.push(file);
        } else {
            self.files.insert(file.name.clone(), file);
        }
    }

    /// The actor files: the built-in `actors.toml`, then the user's in name order.
    pub fn actor_files(&self) -> Vec<&DataFile> {
        self.files.get("actors.toml").into_iter().chain(&self.user_actors).collect()
    }

    /// A file by name.
    pub fn get(&self, name: &str) -> Option<&DataFile> {
        self.files.get(name)
    }

    /// The stance rule files (`stance.toml` and every extra `*.toml`):
    /// built-in files first, then the user's, each in name order, so that a
    /// clash (a duplicate rule id) is reported in the user's file.
    pub fn rule_files(&self) -> impl Iterator<Item = &DataFile> {
        let mut files: Vec<&DataFile> = self
            .files
            .values()
            .filter(|f| f.name.ends_with(".toml") && !SPECIAL.contains(&f.name.as_str()) && !is_actor_file(&f.name) && !f.name.starts_with(LEXICON))
            .collect();
        files.sort_by_key(|f| (!f.builtin, &f.name));
        files.into_iter()
    }
}
