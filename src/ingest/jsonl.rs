//! JSON Lines corpora: one `{"id","title","date","source","kind","text"}`
//! object per line, each a document; offsets are into the record's `text`.
//!
//! The file is read a line at a time (a corpus of gigabytes is never held
//! whole), each line at most the document limit; a byte-order mark before
//! the first record is skipped. A bad line is one message naming the file
//! and line, and the next line is read.

use crate::error::InputError;
use crate::ingest::furniture::Furniture;
use crate::ingest::input::{Limits, Meta, input_error, io_message, long_line};
use crate::ingest::plain::{parse_text, unread};
use crate::model::{DocKind, Document};
use crate::text::date::{Date, find_date};
use serde::Deserialize;
use std::io::BufRead;

/// One JSON Lines record; only `text` is required, unknown fields are ignored.
#[derive(Deserialize)]
struct JsonDoc {
    id: Option<serde_json::Value>,
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    kind: Option<String>,
    text: String,
}

/// The records of one JSON Lines input, read lazily.
pub(crate) struct Records {
    reader: Box<dyn BufRead + Send>,
    /// Name stem for records without an `id` (`corpus#12`).
    stem: String,
    /// The input as shown in messages.
    shown: String,
    line: usize,
    limits: Limits,
    /// Whether any record or problem came out.
    produced: bool,
    finished: bool,
    /// A document held back while a warning about it is given first.
    held: Option<Document>,
}

/// One line, at most `cap` bytes: `Ok(None)` at the end, `Err(len)` for a longer line (skipped).
fn read_line_capped(reader: &mut dyn BufRead, cap: usize, buf: &mut Vec<u8>) -> std::io::Result<Option<Result<(), usize>>> {
    buf.clear();
    let mut len = 0;
    let mut any = false;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(any.then_some(if len > cap { Err(len) } else { Ok(()) }));
        }
        any = true;
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], i + 1),
            None => (chunk, chunk.len()),
        };
        if len + part.len() <= cap {
            buf.extend_from_slice(part);
        }
        len += part.len();
        let newline = done > part.len();
        reader.consume(done);
        if newline {
            return Ok(Some(if len > cap { Err(len) } else { Ok(()) }));
        }
    }
}

impl Records {
    /// Records of `reader`, named after `name` (a file name or `stdin`).
    pub(crate) fn new(reader: Box<dyn BufRead + Send>, name: &str, shown: &str, limits: Limits) -> Records {
        let base = name.rsplit('/').next().unwrap_or(name);
        let stem = base.rsplit_once('.').map_or(base, |(s, _)| s).to_string();
        Records { reader, stem, shown: shown.to_string(), line: 0, limits, produced: false, finished: false, held: None }
    }

    /// The next document or problem, with the furniture detector for plain text.
    /// With `defer`, the document's layout is left to [`crate::ingest::ready`].
    pub(crate) fn next_item(&mut self, furniture: &Furniture, defer: bool) -> Option<Result<Document, InputError>> {
        if let Some(doc) = self.held.take() {
            return Some(Ok(doc));
        }
        let mut buf = Vec::new();
        while !self.finished {
            let read = read_line_capped(&mut *self.reader, self.limits.max_doc_bytes, &mut buf);
            self.line += 1;
            let where_ = format!("{}:{}", self.shown, self.line);
            match read {
                Err(e) => {
                    self.finished = true;
                    self.produced = true;
                    return Some(Err(input_error(where_, io_message(&e))));
                }
                Ok(None) => {
                    self.finished = true;
                    if !self.produced {
                        return Some(Err(input_error(&self.shown, "no document records")));
                    }
                    return None;
                }
                Ok(Some(Err(len))) => {
                    self.produced = true;
                    return Some(Err(input_error(
                        where_,
                        format!("record is {len} bytes, over the limit of {} bytes; raise it with --max-doc-bytes", self.limits.max_doc_bytes),
                    )));
                }
                Ok(Some(Ok(()))) => {}
            }
            let bytes = if self.line == 1 { buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf) } else { &buf[..] };
            let Ok(line) = std::str::from_utf8(bytes) else {
                self.produced = true;
                return Some(Err(input_error(where_, "not valid UTF-8")));
            };
            if line.trim().is_empty() {
                continue;
            }
            self.produced = true;
            return Some(match self.record(line, where_, furniture, defer) {
                Ok((doc, None)) => Ok(doc),
                Ok((doc, Some(warning))) => {
                    self.held = Some(doc);
                    Err(warning)
                }
                Err(e) => Err(e),
            });
        }
        None
    }

    /// One record as a document, with a warning about a field left out.
    fn record(&self, line: &str, where_: String, furniture: &Furniture, defer: bool) -> Result<(Document, Option<InputError>), InputError> {
        let rec: JsonDoc =
            serde_json::from_str(line).map_err(|e| input_error(&where_, format!("not a document record: {e} (expected an object with a \"text\" string)")))?;
        if rec.text.trim().is_empty() {
            return Err(input_error(where_, "empty \"text\""));
        }
        if let Some((l, len)) = long_line(&rec.text, self.limits.max_line_bytes) {
            return Err(input_error(
                where_,
                format!("line {l} of \"text\" is {len} bytes long (limit {}); raise it with --max-line-bytes", self.limits.max_line_bytes),
            ));
        }
        let mut warning = None;
        let date = match rec.date.as_deref() {
            None | Some("") => None,
            Some(d) => Date::parse_iso(d).or_else(|| find_date(d).map(|(d, _)| d)).or_else(|| {
                warning = Some(input_error(&where_, format!("unreadable \"date\" {d:?} (use YYYY-MM-DD); date left empty")));
                None
            }),
        };
        let kind = match rec.kind.as_deref() {
            None => None,
            Some("article") => Some(DocKind::Article),
            Some("transcript") => Some(DocKind::Transcript),
            Some(k) => {
                warning = Some(input_error(&where_, format!("unknown \"kind\" {k:?} (article or transcript); guessed from the text")));
                None
            }
        };
        let doc_name = match &rec.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{}#{}", self.stem, self.line),
        };
        let meta = Meta { title: rec.title.filter(|t| !t.trim().is_empty()), date, source: rec.source.filter(|s| !s.trim().is_empty()), kind, record: true };
        if defer {
            return Ok((unread(&doc_name, &where_, rec.text, Some(meta)), warning));
        }
        Ok((parse_text(&doc_name, &where_, rec.text, meta, furniture), warning))
    }
}

/// Whether a first line reads as a JSON Lines record (an object with a `text` string).
pub(crate) fn is_record(line: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(line.trim_start_matches('\u{feff}')).is_ok_and(|v| v.get("text").is_some_and(serde_json::Value::is_string))
}
