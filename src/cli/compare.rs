//! `stance compare`: the position table.

use crate::cli::io::{Io, report_input_errors};
use clap::ValueEnum;
use stance::Engine;
use stance::report;

/// Columns of `stance compare`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ByArg {
    /// One column per document.
    Doc,
    /// One column per source or outlet.
    Source,
}

/// Output formats of `stance compare`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CompareFormat {
    /// A terminal table and the evidence list.
    Table,
    /// Markdown (what reports/ holds).
    Md,
    /// One line per actor, source and label.
    Csv,
    /// The whole comparison as JSON.
    Json,
    /// One self-contained HTML page.
    Html,
}

pub(crate) fn run(
    engine: &Engine,
    paths: &[String],
    by: ByArg,
    format: CompareFormat,
    out: Option<&std::path::Path>,
    voices: bool,
    io: &mut Io,
) -> std::io::Result<u8> {
    let loaded = engine.ingest(paths);
    report_input_errors(&loaded.errors, io)?;
    let analyses = engine.analyze_all(&loaded.docs);
    let by = match by {
        ByArg::Doc => stance::compare::By::Doc,
        ByArg::Source => stance::compare::By::Source,
    };
    let table = stance::compare::build(&analyses, by, engine.rules());
    let text = match format {
        CompareFormat::Table => report::compare::table(&table, io.width, voices),
        CompareFormat::Md => report::compare::markdown(&table, voices),
        CompareFormat::Csv => report::compare::csv(&table),
        CompareFormat::Json => report::compare::json(&table),
        CompareFormat::Html => report::html::page(&table, voices),
    };
    match out {
        Some(path) => {
            if let Err(e) = std::fs::write(path, text) {
                writeln!(io.err, "stance: {}: cannot write: {e}", path.display())?;
                return Ok(2);
            }
        }
        None => io.out.write_all(text.as_bytes())?,
    }
    Ok(if loaded.errors.is_empty() { 0 } else { 2 })
}
