//! `stance check`: claims about the sources, for CI.

use crate::cli::compare::ByArg;
use crate::cli::io::{Io, report_diagnostics, report_input_errors};
use clap::ValueEnum;
use stance::Engine;
use stance::report;

/// Output formats of `stance check`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CheckFormat {
    /// Lines for people.
    Text,
    /// GitHub workflow annotations.
    Github,
    /// A JUnit XML report.
    Junit,
    /// JSON.
    Json,
}

pub(crate) fn run(engine: &Engine, claims: &std::path::Path, paths: &[String], format: CheckFormat, by: ByArg, io: &mut Io) -> std::io::Result<u8> {
    let shown = claims.display().to_string();
    let text = match std::fs::read_to_string(claims) {
        Ok(t) => t,
        Err(e) => {
            writeln!(io.err, "stance: {shown}: cannot read: {e}")?;
            return Ok(2);
        }
    };
    let file = stance::DataFile { name: shown.clone(), path: shown.clone(), text, builtin: false };
    let labels: Vec<String> = engine.rules().labels.iter().map(|l| l.name.clone()).collect();
    let expectations = match stance::check::parse(&file, &labels) {
        Ok(x) => x,
        Err(diags) => {
            report_diagnostics(&diags, io)?;
            return Ok(2);
        }
    };
    let loaded = engine.ingest(paths);
    report_input_errors(&loaded.errors, io)?;
    if loaded.docs.is_empty() {
        writeln!(io.err, "stance: no documents to check")?;
        return Ok(2);
    }
    let claims: Vec<Option<stance::check::Claim>> = expectations
        .iter()
        .map(|x| match &x.expect {
            stance::check::Expect::Claim { text, .. } => Some(engine.claim(text)),
            _ => None,
        })
        .collect();
    let judged = engine
        .analyze_each(&loaded.docs, |a, text, mentions| claims.iter().map(|c| c.as_ref().map(|c| engine.judge(c, a, text, mentions))).collect::<Vec<_>>());
    let (analyses, judgements): (Vec<_>, Vec<_>) = judged.into_iter().unzip();
    let by = match by {
        ByArg::Doc => stance::compare::By::Doc,
        ByArg::Source => stance::compare::By::Source,
    };
    let table = stance::compare::build(&analyses, by, engine.rules());
    let outcomes = stance::check::check(&expectations, &analyses, &judgements, &table);
    let doc_paths = loaded.docs.iter().map(|d| (d.name.clone(), d.origin.clone())).collect();
    let out = match format {
        CheckFormat::Text => report::check::text(&outcomes),
        CheckFormat::Github => report::check::github(&outcomes, &shown, &doc_paths),
        CheckFormat::Junit => report::check::junit(&outcomes, &shown),
        CheckFormat::Json => report::check::json(&outcomes),
    };
    io.out.write_all(out.as_bytes())?;
    if !loaded.errors.is_empty() {
        return Ok(2);
    }
    Ok(if outcomes.iter().all(|o| o.passed) { 0 } else { 1 })
}
