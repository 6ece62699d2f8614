//! `stance eval`: accuracy against hand-made gold.

use crate::cli::io::{Io, report_input_errors};
use stance::Engine;

pub(crate) fn run(
    engine: &Engine,
    gold: &std::path::Path,
    paths: &[String],
    records: Option<&std::path::Path>,
    json: bool,
    io: &mut Io,
) -> std::io::Result<u8> {
    let shown = gold.display().to_string();
    let gold = match std::fs::read_to_string(gold) {
        Ok(text) => match stance::eval::Gold::parse(&shown, &text) {
            Ok(g) => g,
            Err(d) => {
                writeln!(io.err, "{d}")?;
                return Ok(2);
            }
        },
        Err(e) => {
            writeln!(io.err, "stance: {shown}: cannot read: {e}")?;
            return Ok(2);
        }
    };
    let loaded = engine.ingest(paths);
    report_input_errors(&loaded.errors, io)?;
    let texts = loaded.docs.iter().map(|d| (d.name.clone(), d.text.clone().into_bytes())).collect();
    let recs = match records {
        Some(path) => match std::fs::read_to_string(path).map_err(|e| e.to_string()).and_then(|t| stance::eval::read_records(&t)) {
            Ok(r) => r,
            Err(e) => {
                writeln!(io.err, "stance: {}: {e}", path.display())?;
                return Ok(2);
            }
        },
        None => engine.analyze_all(&loaded.docs).iter().flat_map(|a| a.statements.iter().map(|c| stance::Record::of(a.doc, c)).collect::<Vec<_>>()).collect(),
    };
    match stance::eval::score(&gold, &texts, &recs) {
        Ok(scores) => {
            let text = if json { stance::report::eval::json(&scores) } else { stance::report::eval::text(&scores) };
            io.out.write_all(text.as_bytes())?;
            Ok(if loaded.errors.is_empty() { 0 } else { 2 })
        }
        Err(e) => {
            writeln!(io.err, "stance: {shown}: {e}")?;
            Ok(2)
        }
    }
}
