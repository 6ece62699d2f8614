//! `stance docs`: what was read.

use crate::cli::io::{Io, each_document};
use clap::ValueEnum;
use stance::Engine;
use stance::report;
use std::ops::ControlFlow;

/// Output formats of `stance docs`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DocsFormat {
    /// A table.
    Table,
    /// A JSON array.
    Json,
}

pub(crate) fn run(engine: &Engine, paths: &[String], format: DocsFormat, io: &mut Io) -> u8 {
    // Each document is analysed too, so that one yielding no statement says so.
    let mut docs = Vec::new();
    let problems = each_document(engine, paths, &[], None, io, |a, _| {
        let mut doc = a.doc.clone();
        if a.statements.is_empty() && doc.body_bytes() > 0 {
            doc.notes.push("no statement found: no speech cue, quotation or speaker label".into());
        }
        docs.push(doc);
        ControlFlow::Continue(())
    });
    let text = match format {
        DocsFormat::Table => report::docs::table(&docs, io.width),
        DocsFormat::Json => report::docs::json(&docs),
    };
    io.out.put(&text);
    if problems { 2 } else { 0 }
}
