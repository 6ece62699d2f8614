//! `stance explain`: how a text was attributed and classified.

use crate::cli::io::{Io, report_input_errors};
use stance::Engine;
use stance::report;

pub(crate) fn run(engine: &Engine, input: &str, at: Option<usize>, date: Option<&str>, io: &mut Io) -> u8 {
    let date = match date.map(|d| (d, stance::Date::parse_iso(d))) {
        None => None,
        Some((_, Some(d))) => Some(d),
        Some((d, None)) => {
            let _ = writeln!(io.err, "stance: --date {d:?} is not a date (YYYY-MM-DD)");
            return 2;
        }
    };
    let path = std::path::Path::new(input);
    let is_file = path.exists();
    if !is_file && looks_like_path(input) {
        let _ = writeln!(io.err, "stance: {input}: no such file (to explain a sentence, give the sentence itself)");
        return 2;
    }
    let doc = if is_file {
        let mut loaded = engine.ingest(&[input.to_string()]);
        report_input_errors(&loaded.errors, io);
        if loaded.docs.is_empty() {
            return 2;
        }
        let mut d = loaded.docs.remove(0);
        if date.is_some() {
            d.date = date;
        }
        d
    } else {
        if at.is_some() {
            let _ = writeln!(io.err, "stance: --at needs a file; {input:?} is not one");
            return 2;
        }
        stance::Document::snippet("text", input.to_string(), date)
    };
    let text = engine.prepare(&doc);
    let mut statements = engine.analyze(&text);
    if let Some(b) = at {
        if b > doc.text.len() {
            let _ = writeln!(io.err, "stance: --at {b} is past the end of {input} ({} bytes)", doc.text.len());
            return 2;
        }
        statements.retain(|c| {
            let s = &c.statement;
            (s.span.start <= b && b < s.span.end.max(s.span.start + 1)) || (s.sentence.start <= b && b < s.sentence.end && s.kind != stance::Kind::Turn)
        });
    }
    if statements.is_empty() && !is_file {
        // No attribution found: say so, then read the whole text as one
        // statement so that a rule author still sees what the rules do.
        io.out.put("no statement found: no speech cue, quotation or speaker label attributes these words\n");
        io.out.put("the rules on the whole text, read as one unattributed statement:\n\n");
        statements = engine.classify_as_one(&text);
    }
    io.out.put(&report::explain::text(&text, &statements, engine.rules()));
    0
}

/// Whether an argument that is not an existing file was meant as one: a
/// single word naming a document file or a path ("notes.txt", "dir/a").
fn looks_like_path(input: &str) -> bool {
    let one_word = !input.trim().contains(char::is_whitespace);
    let lower = input.to_ascii_lowercase();
    let document = [".txt", ".text", ".md", ".jsonl", ".ndjson"].iter().any(|e| lower.ends_with(e));
    one_word && (document || input.contains('/'))
}
