//! `stance eval`: accuracy against hand-made gold.

use crate::cli::io::{Io, each_document};
use stance::{Engine, Record};
use std::collections::BTreeMap;
use std::ops::ControlFlow;

/// Output formats of `stance eval`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EvalFormat {
    /// The reference scorer's text.
    Text,
    /// JSON.
    Json,
}

pub(crate) fn run(engine: &Engine, gold: &std::path::Path, paths: &[String], records: Option<&std::path::Path>, json: bool, io: &mut Io) -> u8 {
    let shown = gold.display().to_string();
    let gold = match std::fs::read_to_string(gold) {
        Ok(text) => match stance::eval::Gold::parse(&shown, &text) {
            Ok(g) => g,
            Err(d) => {
                let _ = writeln!(io.err, "{d}");
                return 2;
            }
        },
        Err(e) => {
            let _ = writeln!(io.err, "stance: {shown}: cannot read: {e}");
            return 2;
        }
    };
    let given = match records {
        Some(path) => match std::fs::read_to_string(path).map_err(|e| e.to_string()).and_then(|t| stance::eval::read_records(&t)) {
            Ok(r) => Some(r),
            Err(e) => {
                let _ = writeln!(io.err, "stance: {}: {e}", path.display());
                return 2;
            }
        },
        None => None,
    };
    // Only the documents the gold annotates are kept (their bytes anchor the gold).
    let wanted: std::collections::BTreeSet<&str> = gold.doc.iter().map(|d| d.name.as_str()).collect();
    let mut texts: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut made: Vec<Record> = Vec::new();
    let analyse = given.is_none();
    let problems = each_document(engine, paths, &[], None, io, |a, _| {
        let base = a.doc.name.rsplit('/').next().unwrap_or(&a.doc.name);
        if wanted.contains(base) || wanted.contains(a.doc.name.as_str()) {
            texts.insert(base.to_string(), a.doc.text.clone().into_bytes());
        }
        if analyse {
            made.extend(Record::all(a.doc, &a.statements).into_iter().map(|mut r| {
                r.doc = base.to_string();
                r
            }));
        }
        ControlFlow::Continue(())
    });
    let recs = given.unwrap_or(made);
    match stance::eval::score(&gold, &texts, &recs) {
        Ok(scores) => {
            let text = if json { stance::report::eval::json(&scores) } else { stance::report::eval::text(&scores) };
            io.out.put(&text);
            if problems { 2 } else { 0 }
        }
        Err(e) => {
            let _ = writeln!(io.err, "stance: {shown}: {e}");
            2
        }
    }
}
