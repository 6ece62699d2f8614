//! JSON Lines corpora: one `{"id","title","date","source","kind","text"}`
//! object per line, each a document; offsets are into the record's `text`.

use crate::error::InputError;
use crate::ingest::furniture::Furniture;
use crate::ingest::input::{Limits, Loaded, Meta, long_line};
use crate::ingest::plain::parse_text;
use crate::model::DocKind;
use crate::text::date::{Date, find_date};
use serde::Deserialize;

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

pub(crate) fn add_jsonl(name: &str, shown: &str, text: &str, limits: Limits, furniture: &Furniture, out: &mut Loaded) {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let before = out.docs.len();
    for (i, line) in text.lines().enumerate() {
        let where_ = format!("{shown}:{}", i + 1);
        if line.trim().is_empty() {
            continue;
        }
        let rec: JsonDoc = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                out.errors.push(InputError { path: where_, message: format!("not a document record: {e} (expected an object with a \"text\" string)") });
                continue;
            }
        };
        if rec.text.trim().is_empty() {
            out.errors.push(InputError { path: where_, message: "empty \"text\"".into() });
            continue;
        }
        if let Some((l, len)) = long_line(&rec.text, limits.max_line_bytes) {
            out.errors.push(InputError {
                path: where_,
                message: format!("line {l} of \"text\" is {len} bytes long (limit {}); raise it with --max-line-bytes", limits.max_line_bytes),
            });
            continue;
        }
        let date = match rec.date.as_deref() {
            None | Some("") => None,
            Some(d) => match Date::parse_iso(d).or_else(|| find_date(d).map(|(d, _)| d)) {
                Some(d) => Some(d),
                None => {
                    out.errors.push(InputError { path: where_.clone(), message: format!("unreadable \"date\" {d:?} (use YYYY-MM-DD); date left empty") });
                    None
                }
            },
        };
        let kind = match rec.kind.as_deref() {
            None => None,
            Some("article") => Some(DocKind::Article),
            Some("transcript") => Some(DocKind::Transcript),
            Some(k) => {
                out.errors.push(InputError { path: where_.clone(), message: format!("unknown \"kind\" {k:?} (article or transcript); guessed from the text") });
                None
            }
        };
        let doc_name = match &rec.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{stem}#{}", i + 1),
        };
        let meta = Meta { title: rec.title.filter(|t| !t.trim().is_empty()), date, source: rec.source.filter(|s| !s.trim().is_empty()), kind };
        out.docs.push(parse_text(&doc_name, &where_, rec.text, meta, furniture));
    }
    if out.docs.len() == before && !out.errors.iter().any(|e| e.path.starts_with(&format!("{shown}:"))) {
        out.errors.push(InputError { path: shown.into(), message: "no document records".into() });
    }
}
