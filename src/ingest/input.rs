//! What ingestion is given and gives back: limits on input, the documents
//! read with the inputs that failed, and metadata given outside a text.

use crate::error::InputError;
use crate::model::{DocKind, Document};
use crate::text::date::Date;

/// Limits that protect against input that is not a document.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Longest accepted line, in bytes.
    pub max_line_bytes: usize,
    /// Largest accepted file, in bytes.
    pub max_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_line_bytes: 1 << 20, max_file_bytes: 1 << 30 }
    }
}

/// Documents read, and the inputs that failed.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Documents, in input order.
    pub docs: Vec<Document>,
    /// One error per input that could not be used.
    pub errors: Vec<InputError>,
}

/// Metadata given outside the text (JSON Lines fields).
#[derive(Debug, Default, Clone)]
pub(crate) struct Meta {
    pub(crate) title: Option<String>,
    pub(crate) date: Option<Date>,
    pub(crate) source: Option<String>,
    pub(crate) kind: Option<DocKind>,
}

pub(crate) fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot read: {e}"),
    }
}

/// The first line longer than the limit, as (1-based line number, length).
pub(crate) fn long_line(text: &str, max: usize) -> Option<(usize, usize)> {
    text.split('\n').enumerate().find(|(_, l)| l.len() > max).map(|(i, l)| (i + 1, l.len()))
}
