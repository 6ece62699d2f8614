//! `stance explain`: how a text was attributed and classified.

use crate::cli::io::{Io, report_input_errors};
use stance::Engine;
use stance::report;

pub(crate) fn run(engine: &Engine, input: &str, at: Option<usize>, date: Option<&str>, io: &mut Io) -> std::io::Result<u8> {
    let date = match date.map(|d| (d, stance::Date::parse_iso(d))) {
        None => None,
        Some((_, Some(d))) => Some(d),
        Some((d, None)) => {
            writeln!(io.err, "stance: --date {d:?} is not a date (YYYY-MM-DD)")?;
            return Ok(2);
        }
    };
    let is_file = std::path::Path::new(input).is_file();
    let doc = if is_file {
        let mut loaded = engine.ingest(&[input.to_string()]);
        report_input_errors(&loaded.errors, io)?;
        if loaded.docs.is_empty() {
            return Ok(2);
        }
        let mut d = loaded.docs.remove(0);
        if date.is_some() {
            d.date = date;
        }
        d
    } else {
        if at.is_some() {
            writeln!(io.err, "stance: --at needs a file; {input:?} is not one")?;
            return Ok(2);
        }
        stance::Document::snippet("text", input.to_string(), date)
    };
    let text = engine.prepare(&doc);
    let mut statements = engine.analyze(&text);
    if let Some(b) = at {
        if b > doc.text.len() {
            writeln!(io.err, "stance: --at {b} is past the end of {input} ({} bytes)", doc.text.len())?;
            return Ok(2);
        }
        statements.retain(|c| {
            let s = &c.statement;
            (s.span.start <= b && b < s.span.end.max(s.span.start + 1)) || (s.sentence.start <= b && b < s.sentence.end && s.kind != stance::Kind::Turn)
        });
    }
    if statements.is_empty() && !is_file {
        // No attribution found: read the whole text as one statement, so the rules still show.
        statements = engine.classify_as_one(&text);
    }
    io.out.write_all(report::explain::text(&text, &statements, engine.rules()).as_bytes())?;
    Ok(0)
}
