//! `stance extract`: statement records as JSON Lines, JSON, CSV or a table.

use crate::model::{Analysis, Record};
use crate::report::fmt::{clip, csv_field, new_table};

/// `stance extract --format jsonl`: one record per line.
pub fn jsonl(analyses: &[Analysis]) -> String {
    let mut out = String::new();
    for a in analyses {
        for c in &a.statements {
            out.push_str(&serde_json::to_string(&Record::of(a.doc, c)).expect("serializable"));
            out.push('\n');
        }
    }
    out
}

/// `stance extract --format json`: an array of records.
pub fn json(analyses: &[Analysis]) -> String {
    let recs: Vec<Record> = analyses.iter().flat_map(|a| a.statements.iter().map(|c| Record::of(a.doc, c))).collect();
    let mut s = serde_json::to_string_pretty(&recs).expect("serializable");
    s.push('\n');
    s
}

/// `stance extract --format csv`.
pub fn csv(analyses: &[Analysis]) -> String {
    let mut out = String::from("doc,start,end,kind,speaker,mention,actor,via,stance,rules,text\n");
    for a in analyses {
        for c in &a.statements {
            let st = &c.statement;
            let fields = [
                a.doc.name.clone(),
                st.span.start.to_string(),
                st.span.end.to_string(),
                st.kind.as_str().to_string(),
                st.speaker.name.clone().unwrap_or_default(),
                st.speaker.mention.clone().unwrap_or_default(),
                st.speaker.actors.join("; "),
                st.via.clone().unwrap_or_default(),
                c.labels.join("; "),
                c.rules.join("; "),
                a.doc.text[st.span.clone()].to_string(),
            ];
            out.push_str(&fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
            out.push('\n');
        }
    }
    out
}

/// `stance extract --format table`.
pub fn table(analyses: &[Analysis], width: Option<u16>) -> String {
    let mut t = new_table(width);
    t.set_header(vec!["doc", "bytes", "kind", "speaker", "actor", "stance", "statement"]);
    for a in analyses {
        for c in &a.statements {
            let st = &c.statement;
            t.add_row(vec![
                a.doc.name.clone(),
                format!("{}..{}", st.span.start, st.span.end),
                st.kind.as_str().to_string(),
                st.speaker.name.clone().unwrap_or_else(|| "?".into()),
                if st.speaker.actors.is_empty() { "-".into() } else { st.speaker.actors.join(", ") },
                if c.labels.is_empty() { "-".into() } else { c.labels.join(", ") },
                clip(&a.doc.text[st.span.clone()], 160),
            ]);
        }
    }
    format!("{t}\n")
}
