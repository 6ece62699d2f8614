//! Renderers: values from the pipeline turned into table, JSON, CSV,
//! Markdown or HTML text. Renderers return strings; the binary writes them.
//! Tables are rendered without colour and, when a width is given, wrapped
//! to it, so that the same input gives the same bytes.

use crate::extract::Statement;
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

/// The `speaker` object of a record.
#[derive(Serialize)]
struct SpeakerRecord<'a> {
    name: Option<&'a str>,
    mention: Option<&'a str>,
    /// `null`, one actor name, or a list for several actors.
    actor: serde_json::Value,
}

/// One statement record (`stance extract`), in the schema of the evaluation format.
#[derive(Serialize)]
pub struct Record<'a> {
    doc: &'a str,
    span: [usize; 2],
    text: &'a str,
    kind: &'static str,
    speaker: SpeakerRecord<'a>,
    addressee: Option<&'a str>,
    via: Option<&'a str>,
    cue: Option<&'a str>,
    sentence: [usize; 2],
    confidence: f64,
    stance: Vec<&'a str>,
    rules: Vec<&'a str>,
}

impl<'a> Record<'a> {
    /// The record of a statement of `doc`, with its labels and rule ids.
    pub fn new(doc: &'a Document, st: &'a Statement, cue: Option<&'a str>, stance: Vec<&'a str>, rules: Vec<&'a str>) -> Record<'a> {
        let actor = match st.speaker.actors.as_slice() {
            [] => serde_json::Value::Null,
            [one] => serde_json::Value::String(one.clone()),
            many => serde_json::Value::Array(many.iter().map(|a| serde_json::Value::String(a.clone())).collect()),
        };
        Record {
            doc: &doc.name,
            span: [st.span.start, st.span.end],
            text: &doc.text[st.span.clone()],
            kind: st.kind.as_str(),
            speaker: SpeakerRecord { name: st.speaker.name.as_deref(), mention: st.speaker.mention.as_deref(), actor },
            addressee: st.addressee.as_deref(),
            via: st.via.as_deref(),
            cue,
            sentence: [st.sentence.start, st.sentence.end],
            confidence: (f64::from(st.confidence) * 100.0).round() / 100.0,
            stance,
            rules,
        }
    }
}
