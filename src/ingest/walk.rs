//! Walking a directory argument: every document file under it, in path
//! order, each with its id (its path relative to the argument). An
//! unreadable entry, a link loop or a tree nested too deep is one message
//! for that entry; the rest of the directory is still read. Hidden entries
//! (`.git`, `.cache`) are skipped, and so are files the run writes (a
//! report written into the corpus by `--out`).

use crate::error::InputError;
use crate::ingest::input::{input_error, io_message};
use crate::ingest::read::refuse;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Extensions of document files (and files without one).
const EXTENSIONS: &[&str] = &["txt", "text", "md", "jsonl", "ndjson"];

/// A document file found under a directory.
pub(crate) struct Found {
    /// The file.
    pub(crate) path: PathBuf,
    /// Its path relative to the directory argument, with `/` between parts.
    pub(crate) id: String,
}

/// The files and problems of one directory argument, lazily.
pub(crate) struct DirWalk {
    root: PathBuf,
    shown: String,
    walker: walkdir::IntoIter,
    max_depth: usize,
    skip: Vec<PathBuf>,
    /// Documents and problems found so far.
    found: usize,
    /// Whether the empty-directory message has been given.
    done: bool,
}

/// What the walk yields next.
pub(crate) enum Step {
    File(Found),
    Problem(InputError),
}

impl DirWalk {
    /// Starts walking `root` (shown as `shown` in messages); `skip` are
    /// canonical paths of files not to read.
    pub(crate) fn new(root: &Path, shown: &str, max_depth: usize, skip: Vec<PathBuf>) -> DirWalk {
        let walker = WalkDir::new(root).follow_links(true).max_depth(max_depth + 1).sort_by_file_name().into_iter();
        DirWalk { root: root.to_path_buf(), shown: shown.to_string(), walker, max_depth, skip, found: 0, done: false }
    }

    fn shown_path(&self, p: &Path) -> String {
        match p.strip_prefix(&self.root) {
            Ok(rel) if !rel.as_os_str().is_empty() => format!("{}/{}", self.shown.trim_end_matches('/'), rel.display()),
            _ => self.shown.clone(),
        }
    }

    fn is_skipped(&self, p: &Path) -> bool {
        !self.skip.is_empty() && p.canonicalize().is_ok_and(|c| self.skip.contains(&c))
    }
}

fn hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

impl Iterator for DirWalk {
    type Item = Step;

    fn next(&mut self) -> Option<Step> {
        loop {
            let Some(entry) = self.walker.next() else {
                if self.found == 0 && !self.done {
                    self.done = true;
                    return Some(Step::Problem(input_error(
                        &self.shown,
                        format!(
                            "directory holds no documents (looked for {} and files without extension)",
                            EXTENSIONS.iter().map(|e| format!("*.{e}")).collect::<Vec<_>>().join(", ")
                        ),
                    )));
                }
                return None;
            };
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e.path().map_or(self.shown.clone(), |p| self.shown_path(p));
                    let message = match (e.loop_ancestor(), e.io_error()) {
                        (Some(_), _) => "a symbolic link loops back to a directory above it; not followed".to_string(),
                        (None, Some(io)) => io_message(io),
                        (None, None) => e.to_string(),
                    };
                    self.found += 1;
                    return Some(Step::Problem(input_error(path, message)));
                }
            };
            if entry.depth() > 0 && hidden(entry.file_name()) {
                if entry.file_type().is_dir() {
                    self.walker.skip_current_dir();
                }
                continue;
            }
            if entry.file_type().is_dir() {
                if entry.depth() > self.max_depth {
                    self.walker.skip_current_dir();
                    self.found += 1;
                    return Some(Step::Problem(input_error(
                        self.shown_path(entry.path()),
                        format!("nested more than {} directories deep; not read (raise the limit with --max-depth)", self.max_depth),
                    )));
                }
                continue;
            }
            let path = entry.path();
            let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
            if !ext.as_deref().is_none_or(|e| EXTENSIONS.contains(&e)) || self.is_skipped(path) {
                continue;
            }
            let shown = self.shown_path(path);
            self.found += 1;
            match entry.metadata().map(|m| refuse(&m)) {
                Ok(None) => {}
                Ok(Some(m)) => return Some(Step::Problem(input_error(shown, m))),
                Err(e) => return Some(Step::Problem(input_error(shown, e.io_error().map_or_else(|| e.to_string(), io_message)))),
            }
            let id = path.strip_prefix(&self.root).unwrap_or(path).iter().map(|p| p.to_string_lossy()).collect::<Vec<_>>().join("/");
            return Some(Step::File(Found { path: path.to_path_buf(), id }));
        }
    }
}
