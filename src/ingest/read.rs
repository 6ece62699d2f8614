//! Reading files and standard input: directories walked in path order,
//! bytes checked to be a UTF-8 text document, JSON Lines told apart from
//! plain text.

use crate::error::InputError;
use crate::ingest::furniture::Furniture;
use crate::ingest::input::{Limits, Loaded, Meta, io_message, long_line};
use crate::ingest::jsonl::add_jsonl;
use crate::ingest::plain::parse_text;
use std::path::{Path, PathBuf};

pub(crate) fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        let ft = entry.file_type()?;
        if ft.is_dir() {
            walk(&path, out)?;
        } else if ft.is_file() || (ft.is_symlink() && path.is_file()) {
            let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
            if matches!(ext.as_deref(), None | Some("txt" | "text" | "md" | "jsonl" | "ndjson")) {
                out.push(path);
            }
        }
    }
    Ok(())
}

pub(crate) fn add_file(path: &Path, limits: Limits, furniture: &Furniture, out: &mut Loaded) {
    let shown = path.display().to_string();
    let size = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) => {
            out.errors.push(InputError { path: shown, message: io_message(&e) });
            return;
        }
    };
    if size > limits.max_file_bytes {
        out.errors.push(InputError { path: shown, message: format!("file is {size} bytes; the limit is {} bytes", limits.max_file_bytes) });
        return;
    }
    match std::fs::read(path) {
        Ok(bytes) => {
            let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| shown.clone());
            add_bytes(&name, &shown, bytes, limits, furniture, out);
        }
        Err(e) => out.errors.push(InputError { path: shown, message: io_message(&e) }),
    }
}

/// Checks that bytes are a text document: not empty, not binary, UTF-8.
pub(crate) fn check_bytes(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes); stance reads UTF-8 text".into());
    }
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("not valid UTF-8 (first bad byte at offset {}); convert the file to UTF-8", e.utf8_error().valid_up_to()))?;
    if text.trim().is_empty() {
        return Err("empty file (only whitespace)".into());
    }
    Ok(text)
}

pub(crate) fn add_bytes(name: &str, shown: &str, bytes: Vec<u8>, limits: Limits, furniture: &Furniture, out: &mut Loaded) {
    let text = match check_bytes(bytes) {
        Ok(t) => t,
        Err(message) => {
            out.errors.push(InputError { path: shown.into(), message });
            return;
        }
    };
    let lower = name.to_ascii_lowercase();
    let jsonl = lower.ends_with(".jsonl") || lower.ends_with(".ndjson") || (name == "stdin" && looks_like_jsonl(&text));
    if jsonl {
        add_jsonl(name, shown, &text, limits, furniture, out);
        return;
    }
    if let Some((line, len)) = long_line(&text, limits.max_line_bytes) {
        out.errors.push(InputError {
            path: shown.into(),
            message: format!("line {line} is {len} bytes long (limit {}); not a text document? raise the limit with --max-line-bytes", limits.max_line_bytes),
        });
        return;
    }
    out.docs.push(parse_text(name, shown, text, Meta::default(), furniture));
}

fn looks_like_jsonl(text: &str) -> bool {
    text.lines().filter(|l| !l.trim().is_empty()).all(|l| l.trim_start().starts_with('{'))
}
