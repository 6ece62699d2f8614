//! Reading one input's bytes safely: only regular files (and standard
//! input) are read, never past the document limit, and the bytes must be
//! UTF-8 text. FIFOs, devices and sockets are refused before they are
//! opened, so `stance docs /dev/zero` or a named pipe cannot hang or fill
//! memory.

use crate::ingest::input::{Limits, io_message};
use std::io::Read;
use std::path::Path;

/// What kind of file system object a path is, when it is not a regular file or directory.
fn odd_kind(meta: &std::fs::Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let ft = meta.file_type();
    if ft.is_fifo() {
        Some("a named pipe (FIFO)")
    } else if ft.is_char_device() || ft.is_block_device() {
        Some("a device")
    } else if ft.is_socket() {
        Some("a socket")
    } else if !ft.is_file() && !ft.is_dir() {
        Some("not a regular file")
    } else {
        None
    }
}

/// The message for a path that is not something stance reads, if so.
pub(crate) fn refuse(meta: &std::fs::Metadata) -> Option<String> {
    odd_kind(meta).map(|k| format!("{k}: stance reads regular files, directories and standard input (-)"))
}

/// Reads a regular file, at most `limits.max_doc_bytes`.
pub(crate) fn read_file(path: &Path, limits: &Limits) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| io_message(&e))?;
    if let Some(m) = refuse(&meta) {
        return Err(m);
    }
    if meta.len() > limits.max_doc_bytes as u64 {
        return Err(too_large(meta.len() as usize, limits));
    }
    let file = std::fs::File::open(path).map_err(|e| io_message(&e))?;
    read_capped(file, limits)
}

/// Reads at most `limits.max_doc_bytes` from a reader (a file that grew, standard input).
pub(crate) fn read_capped(reader: impl Read, limits: &Limits) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    reader.take(limits.max_doc_bytes as u64 + 1).read_to_end(&mut bytes).map_err(|e| io_message(&e))?;
    if bytes.len() > limits.max_doc_bytes {
        return Err(too_large(bytes.len(), limits));
    }
    Ok(bytes)
}

fn too_large(len: usize, limits: &Limits) -> String {
    let shown = if len > limits.max_doc_bytes + 1 { format!("{len} bytes") } else { "larger".to_string() };
    format!("document is {shown} than the limit of {} bytes; raise it with --max-doc-bytes", limits.max_doc_bytes)
}

/// Checks that bytes are a text document: not empty, not UTF-16, not
/// binary, UTF-8. A UTF-8 byte-order mark is kept (offsets stay those of
/// the file); later stages read it as nothing.
pub(crate) fn check_bytes(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let order = if bytes[0] == 0xFF { "UTF-16LE" } else { "UTF-16BE" };
        return Err(format!(
            "{order} text (it starts with a UTF-16 byte-order mark); stance reads UTF-8 so that spans are byte offsets into the file: convert it, e.g. `iconv -f UTF-16 -t UTF-8`"
        ));
    }
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes); stance reads UTF-8 text".into());
    }
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("not valid UTF-8 (first bad byte at offset {}); convert the file to UTF-8", e.utf8_error().valid_up_to()))?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err("empty file (only whitespace)".into());
    }
    Ok(text)
}
