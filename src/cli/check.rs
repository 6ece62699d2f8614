//! `stance check`: claims about the sources, for CI. Claims are judged
//! while each document is analysed; only the table and the verdicts are kept.

use crate::cli::compare::{ByArg, Input, add_records};
use crate::cli::io::{Io, Monitor, report_diagnostics, report_input_error};
use clap::ValueEnum;
use stance::Engine;
use stance::check::{Claim, Expect};
use stance::compare::Builder;
use stance::engine::Item;
use stance::report;
use std::ops::ControlFlow;

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

/// How `check` reports.
#[derive(Clone, Copy)]
pub(crate) struct Options {
    pub format: CheckFormat,
    pub by: ByArg,
    pub max_annotations: usize,
}

pub(crate) fn run(engine: &Engine, claims: &std::path::Path, input: Input, opts: Options, io: &mut Io) -> u8 {
    let Options { by, .. } = opts;
    let shown = claims.display().to_string();
    let text = match std::fs::read_to_string(claims) {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(io.err, "stance: {shown}: cannot read: {e}");
            return 2;
        }
    };
    let file = stance::DataFile { name: shown.clone(), path: shown.clone(), text, builtin: false };
    let labels: Vec<String> = engine.rules().labels.iter().map(|l| l.name.clone()).collect();
    let expectations = match stance::check::parse(&file, &labels, &|name| engine.actor(name)) {
        Ok(x) => x,
        Err(diags) => {
            report_diagnostics(&diags, io);
            // The CI reader sees the problem where it looks: annotations, or a failed test case.
            match opts.format {
                CheckFormat::Github => io.out.put(&report::check::github_diagnostics(&diags)),
                CheckFormat::Junit => io.out.put(&report::check::junit_diagnostics(&diags, &shown)),
                _ => {}
            }
            return 2;
        }
    };
    let claims: Vec<Option<Claim>> = expectations
        .iter()
        .map(|x| match &x.expect {
            Expect::Claim { text, .. } => Some(engine.claim(text)),
            _ => None,
        })
        .collect();
    let mut builder = Builder::new(by.by());
    let (mut docs, mut judgements, mut origins) = (Vec::new(), Vec::new(), std::collections::BTreeMap::new());
    let paths = match input {
        Input::Documents(p) => p,
        Input::Records(r) => {
            // Positions and movement come from the records; what was said needs the text.
            if let Some(x) = expectations.iter().find(|x| matches!(x.expect, Expect::Claim { .. })) {
                let _ = writeln!(
                    io.err,
                    "stance: {shown}:{}: claim {:?} is about what the documents say; check it on the documents, not on records",
                    x.line, x.name
                );
                return 2;
            }
            let ok = add_records(
                r,
                engine.limits().max_depth,
                &mut builder,
                |d| {
                    docs.push(d.doc.clone());
                    origins.insert(d.doc.clone(), d.origin.clone());
                    judgements.push(vec![None; expectations.len()]);
                },
                io,
            );
            if !ok {
                return 2;
            }
            return finish(engine, &expectations, &docs, &judgements, builder, &shown, &origins, opts, false, io);
        }
    };
    let mut problems = false;
    let mut monitor = Monitor::new(engine, paths, io);
    engine.run(
        engine.inputs(paths, &[]),
        |a, text, mentions| claims.iter().map(|c| c.as_ref().map(|c| engine.judge(c, a, text, mentions))).collect::<Vec<_>>(),
        |item| {
            match item {
                Item::Problem(e) => {
                    problems = true;
                    monitor.problem(io);
                    report_input_error(&e, io);
                }
                Item::Analysed(a, windows) => {
                    monitor.document(a, io);
                    builder.add(a);
                    docs.push(a.doc.name.clone());
                    origins.insert(a.doc.name.clone(), a.doc.origin.clone());
                    judgements.push(stance::check::best_of_windows(windows));
                }
            }
            ControlFlow::Continue(())
        },
    );
    monitor.finish(io);
    finish(engine, &expectations, &docs, &judgements, builder, &shown, &origins, opts, problems, io)
}

/// Judges the expectations on the finished table and prints the outcomes.
#[allow(clippy::too_many_arguments)]
fn finish(
    engine: &Engine,
    expectations: &[stance::check::Expectation],
    docs: &[String],
    judgements: &[Vec<Option<stance::check::Judgement>>],
    builder: Builder,
    shown: &str,
    origins: &std::collections::BTreeMap<String, String>,
    opts: Options,
    problems: bool,
    io: &mut Io,
) -> u8 {
    if docs.is_empty() {
        let _ = writeln!(io.err, "stance: no documents to check");
        return 2;
    }
    let table = builder.finish(engine.rules());
    let outcomes = stance::check::check(expectations, docs, judgements, &table);
    let out = match opts.format {
        CheckFormat::Text => report::check::text(&outcomes),
        CheckFormat::Github => {
            let gh = report::check::GithubOptions { max_annotations: opts.max_annotations, notices: io.feedback.verbose };
            report::check::github(&outcomes, shown, origins, gh)
        }
        CheckFormat::Junit => report::check::junit(&outcomes, shown),
        CheckFormat::Json => report::check::json(&outcomes),
    };
    io.out.put(&out);
    // On GitHub Actions, a Markdown summary of the run for the job's page.
    if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
        use std::io::Write as _;
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut f| f.write_all(report::check::markdown(&outcomes, shown).as_bytes()));
        if let Err(e) = written {
            let _ = writeln!(io.err, "stance: {}: cannot append the step summary: {e}", std::path::Path::new(&path).display());
        }
    }
    if problems {
        return 2;
    }
    if outcomes.iter().all(|o| o.passed) { 0 } else { 1 }
}
