//! `stance extract`: one record per statement.

use crate::cli::io::{Io, report_input_errors};
use clap::ValueEnum;
use stance::Engine;
use stance::report;

/// Output formats of `stance extract`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExtractFormat {
    /// One JSON object per line.
    Jsonl,
    /// A JSON array.
    Json,
    /// A table.
    Table,
    /// Comma-separated values.
    Csv,
}

pub(crate) fn run(engine: &Engine, paths: &[String], format: ExtractFormat, io: &mut Io) -> std::io::Result<u8> {
    let loaded = engine.ingest(paths);
    report_input_errors(&loaded.errors, io)?;
    let analyses = engine.analyze_all(&loaded.docs);
    let text = match format {
        ExtractFormat::Jsonl => report::records::jsonl(&analyses),
        ExtractFormat::Json => report::records::json(&analyses),
        ExtractFormat::Csv => report::records::csv(&analyses),
        ExtractFormat::Table => report::records::table(&analyses, io.width),
    };
    io.out.write_all(text.as_bytes())?;
    Ok(if loaded.errors.is_empty() { 0 } else { 2 })
}
