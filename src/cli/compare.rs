//! `stance compare`: the position table, aggregated as documents finish.

use crate::cli::io::{ColorArg, Io, Monitor, each_document, emit_report, report_input_error};
use clap::ValueEnum;
use stance::Engine;
use stance::compare::{Builder, By};
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

/// What a table is built from.
#[derive(Clone, Copy)]
pub(crate) enum Input<'a> {
    /// Documents to analyse.
    Documents(&'a [String]),
    /// Statement records `extract` wrote.
    Records(&'a [String]),
}

/// Adds the documents of record files to `builder`; false (the message
/// given) when they cannot be read.
fn add_records(paths: &[String], max_depth: usize, builder: &mut Builder, io: &mut Io) -> bool {
    match stance::ingest::records::read_paths(paths, max_depth) {
        Ok(docs) => {
            for (d, statements) in &docs {
                builder.add_records(d, statements);
            }
            true
        }
        Err(e) => {
            report_input_error(&e, io);
            false
        }
    }
}

/// What `compare` shows.
pub(crate) struct Options {
    pub by: ByArg,
    pub format: CompareFormat,
    pub voices: bool,
    /// Only documents that name one of these actors (canonical).
    pub about: Vec<String>,
}

pub(crate) fn run(engine: &Engine, input: Input, opts: Options, out: Option<&Path>, io: &mut Io) -> u8 {
    let Options { by, format, voices, about } = opts;
    let mut builder = Builder::new(by.by()).about(about);
    let paths = match input {
        Input::Documents(p) => p,
        Input::Records(r) => {
            if !add_records(r, engine.limits().max_depth, &mut builder, io) {
                return 2;
            }
            return render(engine, builder, format, out, voices, false, io);
        }
    };
    // A report written into the corpus is not read back as a source.
    let skip: Vec<PathBuf> = out.map(Path::to_path_buf).into_iter().collect();
    let mut monitor = Monitor::new(engine, paths, io);
    let problems = each_document(engine, paths, &skip, Some(&mut monitor), io, |a, _| {
        builder.add(a);
        ControlFlow::Continue(())
    });
    monitor.finish(io);
    render(engine, builder, format, out, voices, problems, io)
}

fn render(engine: &Engine, builder: Builder, format: CompareFormat, out: Option<&Path>, voices: bool, problems: bool, io: &mut Io) -> u8 {
    let table = builder.finish(engine.rules());
    if format == CompareFormat::Table && table.sources.len() > report::compare::MAX_COLUMNS {
        let _ = writeln!(
            io.err,
            "stance: {} sources: too many columns for a terminal, so each actor gets a block of its own; --by source groups documents by outlet, and --format md or html keeps one wide table",
            table.sources.len()
        );
    }
    // A report file gets no colour unless asked for everywhere.
    let paint = if out.is_none() || io.colour == ColorArg::Always { io.paint } else { stance::report::fmt::Paint::default() };
    let width = io.width;
    let written = emit_report(out, io, |w| match format {
        CompareFormat::Table => report::compare::table(&table, width, voices, paint, w),
        CompareFormat::Md => report::compare::markdown(&table, voices, w),
        CompareFormat::Csv => report::compare::csv(&table, w),
        CompareFormat::Json => report::compare::json(&table, w),
        CompareFormat::Html => {
            let rules = engine.rules();
            let info = report::html::PageInfo {
                generator: format!("stance {}", env!("CARGO_PKG_VERSION")),
                rules: format!("{} rules ({})", rules.rules.len(), rules.version),
                labels: rules.labels.iter().map(|l| l.name.clone()).collect(),
            };
            report::html::page(&table, voices, &info, w)
        }
    });
    if !written || problems { 2 } else { 0 }
}
