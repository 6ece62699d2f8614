//! `stance docs`: what was read, as a table or JSON.

use crate::model::{Document, Excluded};
use crate::report::fmt::{fit_columns, new_table};
use serde::Serialize;

/// One row of `stance docs --format json`.
#[derive(Serialize)]
struct DocRow<'a> {
    name: &'a str,
    title: Option<&'a str>,
    date: Option<String>,
    source: Option<&'a str>,
    url: Option<&'a str>,
    author: Option<&'a str>,
    kind: &'a str,
    kind_reason: &'a str,
    bytes: usize,
    body_bytes: usize,
    excluded: &'a [Excluded],
    notes: &'a [String],
}

fn doc_row(d: &Document) -> DocRow<'_> {
    DocRow {
        name: &d.name,
        title: d.title.as_deref(),
        date: d.date.map(|d| d.to_string()),
        source: d.source.as_deref(),
        url: d.url.as_deref(),
        author: d.author.as_deref(),
        kind: d.kind.as_str(),
        kind_reason: &d.kind_reason,
        bytes: d.text.len(),
        body_bytes: d.body_bytes(),
        excluded: &d.excluded,
        notes: &d.notes,
    }
}

/// `stance docs --format json`: an array of objects.
pub fn json(docs: &[Document]) -> String {
    let rows: Vec<DocRow> = docs.iter().map(doc_row).collect();
    let mut s = serde_json::to_string_pretty(&rows).expect("serializable");
    s.push('\n');
    s
}

/// `stance docs --format table`.
pub fn table(docs: &[Document], width: Option<u16>) -> String {
    let mut t = new_table(width);
    t.set_header(vec!["name", "title", "date", "source", "kind", "bytes", "body bytes", "excluded", "notes"]);
    for d in docs {
        let excluded = if d.excluded.is_empty() {
            "-".to_string()
        } else {
            d.excluded.iter().map(|e| format!("{}..{} {}", e.start, e.end, e.reason)).collect::<Vec<_>>().join("\n")
        };
        t.add_row(vec![
            d.name.clone(),
            d.title.clone().unwrap_or_else(|| "-".into()),
            d.date.map_or_else(|| "-".into(), |d| d.to_string()),
            d.source.clone().unwrap_or_else(|| "-".into()),
            format!("{} ({})", d.kind.as_str(), d.kind_reason),
            d.text.len().to_string(),
            d.body_bytes().to_string(),
            excluded,
            if d.notes.is_empty() { "-".into() } else { d.notes.join("\n") },
        ]);
    }
    fit_columns(&mut t, &[1, 7, 8]);
    format!("{t}\n")
}
