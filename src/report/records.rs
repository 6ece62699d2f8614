//! `stance extract`: statement records as JSON Lines, JSON, CSV or a table.
//!
//! [`Records`] renders document by document, so records are written as
//! documents finish and nothing but the current document is held (the
//! table, which must measure every row, is the exception).

use crate::model::{Analysis, Classified, DocRecord, Document, Record};
use crate::report::fmt::{Paint, clip, csv_field, fit_columns, new_table, short_name};
use comfy_table::Table;

/// One JSON line of `value` at the end of `lines`.
fn push_line<T: serde::Serialize>(lines: &mut Vec<u8>, value: &T) {
    serde_json::to_writer(&mut *lines, value).expect("serializable");
    lines.push(b'\n');
}

/// Output formats of statement records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// One JSON array.
    Json,
    /// Comma-separated values with a header.
    Csv,
    /// A table (rendered at the end).
    Table,
}

/// Records rendered as documents come.
pub struct Records {
    format: Format,
    /// Records written so far.
    count: usize,
    table: Option<Table>,
    /// Colour for the table's labels.
    paint: Paint,
}

const CSV_HEADER: &str = "doc,start,end,kind,speaker,mention,actor,via,stance,rules,text\n";

impl Records {
    /// A renderer; `width` wraps the table.
    pub fn new(format: Format, width: Option<u16>) -> Records {
        let table = (format == Format::Table).then(|| {
            let mut t = new_table(width);
            t.set_header(vec!["where", "speaker\nactor", "stance", "statement"]);
            t
        });
        Records { format, count: 0, table, paint: Paint::default() }
    }

    /// The same renderer with the table's labels in colour.
    pub fn painted(mut self, paint: Paint) -> Records {
        self.paint = paint;
        self
    }

    /// What comes before the first record.
    pub fn start(&self) -> String {
        match self.format {
            Format::Csv => CSV_HEADER.to_string(),
            _ => String::new(),
        }
    }

    /// The records of one document.
    pub fn add(&mut self, a: &Analysis) -> String {
        let mut out = String::new();
        let records = if matches!(self.format, Format::Jsonl | Format::Json) { Record::all(a.doc, &a.statements) } else { Vec::new() };
        if self.format == Format::Jsonl {
            // Serialised straight into one buffer: the document's own record
            // first (what compare --records needs of it), then its statements'.
            let mut lines = Vec::new();
            push_line(&mut lines, &DocRecord::of(a));
            records.iter().for_each(|r| push_line(&mut lines, r));
            self.count += records.len();
            return String::from_utf8(lines).expect("serde_json writes UTF-8");
        }
        for (i, c) in a.statements.iter().enumerate() {
            match self.format {
                // Written whole above.
                Format::Jsonl => {}
                Format::Json => {
                    out.push_str(if self.count == 0 { "[\n" } else { ",\n" });
                    let pretty = serde_json::to_string_pretty(&records[i]).expect("serializable");
                    for (i, line) in pretty.lines().enumerate() {
                        if i > 0 {
                            out.push('\n');
                        }
                        out.push_str("  ");
                        out.push_str(line);
                    }
                }
                Format::Csv => out.push_str(&csv_row(a.doc, c)),
                Format::Table => {
                    if let Some(t) = &mut self.table {
                        t.add_row(table_row(a.doc, c, self.paint));
                    }
                }
            }
            self.count += 1;
        }
        out
    }

    /// What comes after the last record.
    pub fn finish(self) -> String {
        match self.format {
            Format::Json if self.count == 0 => "[]\n".to_string(),
            Format::Json => "\n]\n".to_string(),
            Format::Table => self.table.map_or_else(String::new, |mut t| {
                // The statement's words take the spare width.
                fit_columns(&mut t, &[3]);
                format!("{t}\n")
            }),
            _ => String::new(),
        }
    }
}

fn csv_row(doc: &Document, c: &Classified) -> String {
    let st = &c.statement;
    let fields = [
        doc.name.clone(),
        st.span.start.to_string(),
        st.span.end.to_string(),
        st.kind.as_str().to_string(),
        st.speaker.name.clone().unwrap_or_default(),
        st.speaker.mention.clone().unwrap_or_default(),
        st.speaker.actors.join("; "),
        st.via.clone().unwrap_or_default(),
        c.labels.join("; "),
        c.rules.join("; "),
        doc.text[st.span.clone()].to_string(),
    ];
    let mut line = fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",");
    line.push('\n');
    line
}

fn table_row(doc: &Document, c: &Classified, paint: Paint) -> Vec<String> {
    let st = &c.statement;
    // Four columns, so that the words get the width: where (document,
    // bytes, kind), who (speaker, actor), stance, words.
    vec![
        format!("{}\n{}..{}\n{}", short_name(&doc.name), st.span.start, st.span.end, st.kind.as_str()),
        format!(
            "{}\n{}",
            st.speaker.name.clone().unwrap_or_else(|| "?".into()),
            if st.speaker.actors.is_empty() { "-".into() } else { st.speaker.actors.join(", ") }
        ),
        if c.labels.is_empty() { "-".into() } else { c.labels.iter().map(|l| paint.label(l)).collect::<Vec<_>>().join("\n") },
        clip(&doc.text[st.span.clone()], 160),
    ]
}

/// All records of analysed documents in one format (for callers that have them all).
pub fn render(analyses: &[Analysis], format: Format, width: Option<u16>) -> String {
    let mut r = Records::new(format, width);
    let mut out = r.start();
    for a in analyses {
        out.push_str(&r.add(a));
    }
    out.push_str(&r.finish());
    out
}
