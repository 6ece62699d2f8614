//! Renderers: values from the pipeline turned into table, JSON, CSV,
//! Markdown or HTML text. Renderers return strings; the binary writes them.
//! Tables are rendered without colour and, when a width is given, wrapped
//! to it, so that the same input gives the same bytes.

use crate::ingest::{Document, Excluded};
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

/// A new table in the house style, wrapped to `width` when given.
pub fn new_table(width: Option<u16>) -> Table {
    let mut t = Table::new();
    t.force_no_tty().load_style(presets::UTF8_FULL_CONDENSED);
    match width {
        Some(w) => {
            t.set_content_arrangement(ContentArrangement::Dynamic).set_width(w);
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    t
}

/// One row of `stance docs --format json`.
#[derive(Serialize)]
struct DocRow<'a> {
    name: &'a str,
    title: Option<&'a str>,
    date: Option<String>,
    kind: &'a str,
    bytes: usize,
    body_bytes: usize,
    excluded: &'a [Excluded],
}

fn doc_row(d: &Document) -> DocRow<'_> {
    DocRow {
        name: &d.name,
        title: d.title.as_deref(),
        date: d.date.map(|d| d.to_string()),
        kind: d.kind.as_str(),
        bytes: d.text.len(),
        body_bytes: d.body_bytes(),
        excluded: &d.excluded,
    }
}

/// `stance docs --format json`: an array of objects.
pub fn docs_json(docs: &[Document]) -> String {
    let rows: Vec<DocRow> = docs.iter().map(doc_row).collect();
    let mut s = serde_json::to_string_pretty(&rows).expect("serializable");
    s.push('\n');
    s
}

/// `stance docs --format table`.
pub fn docs_table(docs: &[Document], width: Option<u16>) -> String {
    let mut t = new_table(width);
    t.set_header(vec!["name", "title", "date", "kind", "bytes", "body bytes", "excluded"]);
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
            d.kind.as_str().to_string(),
            d.text.len().to_string(),
            d.body_bytes().to_string(),
            excluded,
        ]);
    }
    format!("{t}\n")
}
