//! `stance compare`: the position table, aggregated as documents finish.

use crate::cli::io::{Io, Monitor, emit_report, report_input_error};
use clap::ValueEnum;
use stance::Engine;
use stance::compare::{Builder, By};
use stance::engine::Item;
use stance::report;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

/// Columns of `stance compare`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ByArg {
    /// One column per document.
    Doc,
    /// One column per source or outlet.
    Source,
}

impl ByArg {
    pub(crate) fn by(self) -> By {
        match self {
            ByArg::Doc => By::Doc,
            ByArg::Source => By::Source,
        }
    }
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

pub(crate) fn run(engine: &Engine, paths: &[String], by: ByArg, format: CompareFormat, out: Option<&Path>, voices: bool, io: &mut Io) -> u8 {
    let mut builder = Builder::new(by.by());
    let mut problems = false;
    // A report written into the corpus is not read back as a source.
    let skip: Vec<PathBuf> = out.map(Path::to_path_buf).into_iter().collect();
    let mut monitor = Monitor::new(engine, paths, io);
    engine.run(
        engine.inputs(paths, &skip),
        |_, _, _| (),
        |item| {
            match item {
                Item::Problem(e) => {
                    problems = true;
                    monitor.problem(io);
                    report_input_error(&e, io);
                }
                Item::Analysed(a, _) => {
                    builder.add(a);
                    monitor.document(a, io);
                }
            }
            ControlFlow::Continue(())
        },
    );
    monitor.finish(io);
    let table = builder.finish(engine.rules());
    let text = match format {
        CompareFormat::Table => report::compare::table(&table, io.width, voices),
        CompareFormat::Md => report::compare::markdown(&table, voices),
        CompareFormat::Csv => report::compare::csv(&table),
        CompareFormat::Json => report::compare::json(&table),
        CompareFormat::Html => report::html::page(&table, voices),
    };
    if !emit_report(out, &text, io) || problems { 2 } else { 0 }
}
