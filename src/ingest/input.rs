//! What ingestion is given and gives back: limits on input, the documents
//! read with the inputs that failed, and metadata given outside a text.

use crate::error::InputError;
use crate::model::Document;

/// Limits that protect against input that is not a document.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Longest accepted line, in bytes.
    pub max_line_bytes: usize,
    /// Largest accepted document (a file, a JSON Lines record, standard
    /// input read as one text), in bytes. Reads stop there: a device or a
    /// runaway file never fills memory.
    pub max_doc_bytes: usize,
    /// Deepest directory nesting walked.
    pub max_depth: usize,
}

/// Default longest line: 1 MiB (prose lines are paragraphs, well under).
pub const MAX_LINE_BYTES: usize = 1 << 20;
/// Default largest document: 64 MiB (a long book is a few MiB).
pub const MAX_DOC_BYTES: usize = 64 << 20;
/// Default deepest directory nesting: deeper trees are link loops or dumps.
pub const MAX_DEPTH: usize = 32;

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_line_bytes: MAX_LINE_BYTES, max_doc_bytes: MAX_DOC_BYTES, max_depth: MAX_DEPTH }
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

pub(crate) use crate::model::Meta;

/// What went wrong reading, in words for a message.
pub(crate) fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot read: {e}"),
    }
}

/// The first line longer than the limit, as (1-based line number, length).
/// Every line end counts: `\n`, `\r\n`, a lone `\r`, U+2028 and U+2029.
pub(crate) fn long_line(text: &str, max: usize) -> Option<(usize, usize)> {
    crate::text::lines::lines(text).enumerate().find(|(_, l)| l.content.len() > max).map(|(i, l)| (i + 1, l.content.len()))
}

/// An input error for `path`.
pub(crate) fn input_error(path: impl Into<String>, message: impl Into<String>) -> InputError {
    InputError { path: path.into(), message: message.into() }
}
