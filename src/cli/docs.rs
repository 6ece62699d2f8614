//! `stance docs`: what was read.

use crate::cli::io::{Io, report_input_errors};
use clap::ValueEnum;
use stance::Engine;
use stance::report;

/// Output formats of `stance docs`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DocsFormat {
    /// A table.
    Table,
    /// A JSON array.
    Json,
}

pub(crate) fn run(engine: &Engine, paths: &[String], format: DocsFormat, io: &mut Io) -> u8 {
    let loaded = engine.ingest(paths);
    report_input_errors(&loaded.errors, io);
    let text = match format {
        DocsFormat::Table => report::docs::table(&loaded.docs, io.width),
        DocsFormat::Json => report::docs::json(&loaded.docs),
    };
    io.out.put(&text);
    if loaded.errors.is_empty() { 0 } else { 2 }
}
