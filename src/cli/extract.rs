//! `stance extract`: one record per statement, written as documents finish.

use crate::cli::io::{Io, Monitor, each_document};
use clap::ValueEnum;
use stance::Engine;
use stance::report::records::{Format, Records};
use std::ops::ControlFlow;

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

pub(crate) fn run(engine: &Engine, paths: &[String], format: ExtractFormat, io: &mut Io) -> u8 {
    let format = match format {
        ExtractFormat::Jsonl => Format::Jsonl,
        ExtractFormat::Json => Format::Json,
        ExtractFormat::Table => Format::Table,
        ExtractFormat::Csv => Format::Csv,
    };
    let mut records = Records::new(format, io.width).painted(io.paint);
    io.out.put(&records.start());
    let mut monitor = Monitor::new(engine, paths, io);
    let problems = each_document(engine, paths, &[], Some(&mut monitor), io, |a, io| {
        io.out.put(&records.add(a));
        // Nobody reads any more: stop analysing.
        if io.out.failed() { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
    });
    io.out.put(&records.finish());
    monitor.finish(io);
    if problems { 2 } else { 0 }
}
