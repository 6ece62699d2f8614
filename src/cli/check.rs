//! `stance check`: claims about the sources, for CI. Claims are judged
//! while each document is analysed; only the tables and the verdicts are
//! kept. Expectations with an `about` are checked on the documents that
//! name those actors (their own table, so movement stays within a conflict).

use crate::cli::compare::{ByArg, Input};
use crate::cli::io::{Io, Monitor, report_diagnostics, report_input_error, write_atomic};
use clap::ValueEnum;
use stance::Engine;
use stance::check::{Claim, Expect, Expectation, Judgement, Outcome};
use stance::compare::Builder;
use stance::engine::Item;
use stance::model::{DocRecord, Record};
use stance::report;
use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

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
#[derive(Clone)]
pub(crate) struct Options {
    pub format: CheckFormat,
    pub by: ByArg,
    pub max_annotations: usize,
    /// Also write a JUnit XML report here, whatever the format.
    pub junit: Option<PathBuf>,
    /// Only documents that name one of these actors (canonical).
    pub about: Vec<String>,
}

/// The expectations that share an `about`, and the documents in their scope.
struct Scope {
    /// Indices of the expectations.
    members: Vec<usize>,
    builder: Builder,
    docs: Vec<String>,
    /// Per document, what it says of each member (None for non-claims).
    judgements: Vec<Vec<Option<Judgement>>>,
}

impl Scope {
    /// Adds a document if it is in scope, with what it says of every expectation.
    fn add(&mut self, doc: &DocRecord, records: &[Record], said: &[Option<Judgement>]) {
        if self.builder.add_records(doc, records) {
            self.docs.push(doc.doc.clone());
            self.judgements.push(self.members.iter().map(|&i| said.get(i).cloned().flatten()).collect());
        }
    }
}

/// One scope per distinct `about` of the expectations (the run's `--about` when none).
fn scopes(expectations: &[Expectation], opts: &Options) -> Vec<Scope> {
    let mut by_about: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
    for (i, x) in expectations.iter().enumerate() {
        by_about.entry(x.about.clone()).or_default().push(i);
    }
    by_about
        .into_iter()
        .map(|(about, members)| Scope { members, builder: Builder::new(opts.by.by()).about(about), docs: Vec::new(), judgements: Vec::new() })
        .collect()
}

pub(crate) fn run(engine: &Engine, claims: &Path, input: Input, opts: Options, io: &mut Io) -> u8 {
    let shown = claims.display().to_string();
    let text = match std::fs::read_to_string(claims) {
        Ok(t) => t,
        Err(e) => {
            let diags = vec![stance::Diagnostic::file(&shown, format!("cannot read: {e}"))];
            return bad_claims(&diags, &shown, &opts, io);
        }
    };
    let file = stance::DataFile { name: shown.clone(), path: shown.clone(), text, builtin: false };
    let labels: Vec<String> = engine.rules().labels.iter().map(|l| l.name.clone()).collect();
    let expectations = match stance::check::parse(&file, &labels, &|name| engine.actor(name)) {
        Ok(x) => x,
        Err(diags) => return bad_claims(&diags, &shown, &opts, io),
    };
    let claims: Vec<Option<Claim>> = expectations
        .iter()
        .map(|x| match &x.expect {
            Expect::Claim { text, .. } => Some(engine.claim(text)),
            _ => None,
        })
        .collect();
    let mut scopes = scopes(&expectations, &opts);
    let mut origins = BTreeMap::new();
    let mut in_scope = 0;
    let mut add = |doc: &DocRecord, records: &[Record], said: &[Option<Judgement>]| {
        if !doc.about(&opts.about, records) {
            return;
        }
        in_scope += 1;
        origins.insert(doc.doc.clone(), doc.origin.clone());
        for s in &mut scopes {
            s.add(doc, records, said);
        }
    };
    let mut problems = false;
    match input {
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
            match stance::ingest::records::read_paths(r, engine.limits().max_depth) {
                Ok(docs) => {
                    for (d, statements) in &docs {
                        add(d, statements, &[]);
                    }
                }
                Err(e) => {
                    report_input_error(&e, io);
                    return 2;
                }
            }
        }
        Input::Documents(paths) => {
            let mut monitor = Monitor::new(engine, paths, io);
            engine.run(
                engine.inputs(paths, &[]).deferred(),
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
                            let said = stance::check::best_of_windows(windows);
                            add(&DocRecord::of(a), &Record::all(a.doc, &a.statements), &said);
                        }
                    }
                    ControlFlow::Continue(())
                },
            );
            monitor.finish(io);
        }
    }
    if in_scope == 0 {
        let about = if opts.about.is_empty() { String::new() } else { format!(" naming {}", opts.about.join(" or ")) };
        let _ = writeln!(io.err, "stance: no documents{about} to check");
        return 2;
    }
    // Each scope's table; the outcomes in the order of the claims file.
    let mut outcomes: Vec<Option<Outcome>> = vec![None; expectations.len()];
    let mut unknown = Vec::new();
    for s in scopes {
        let table = s.builder.finish(engine.rules());
        let members: Vec<Expectation> = s.members.iter().map(|&i| expectations[i].clone()).collect();
        unknown.extend(stance::check::unknown_sources(&members, &table, &shown));
        for (o, &i) in stance::check::check(&members, &s.docs, &s.judgements, &table).into_iter().zip(&s.members) {
            outcomes[i] = Some(o);
        }
    }
    if !unknown.is_empty() {
        unknown.sort();
        return bad_claims(&unknown, &shown, &opts, io);
    }
    let outcomes: Vec<Outcome> = outcomes.into_iter().flatten().collect();
    finish(&outcomes, &shown, &origins, &opts, problems, io)
}

/// A claims file that cannot be checked: its problems on stderr, and where
/// the CI reader looks (annotations, or a failed test case in the JUnit report).
fn bad_claims(diags: &[stance::Diagnostic], shown: &str, opts: &Options, io: &mut Io) -> u8 {
    report_diagnostics(diags, io);
    match opts.format {
        CheckFormat::Github => io.out.put(&report::check::github_diagnostics(diags)),
        CheckFormat::Junit => io.out.put(&report::check::junit_diagnostics(diags, shown)),
        _ => {}
    }
    if let Some(path) = &opts.junit {
        write_junit(path, &report::check::junit_diagnostics(diags, shown), io);
    }
    2
}

/// Writes the `--junit` report; false (with a message) when it cannot.
fn write_junit(path: &Path, xml: &str, io: &mut Io) -> bool {
    match write_atomic(path, xml) {
        Ok(()) => true,
        Err(e) => {
            let _ = writeln!(io.err, "stance: {}: cannot write the JUnit report: {e}", path.display());
            false
        }
    }
}

/// Prints the outcomes (and the JUnit file and GitHub step summary, when asked).
fn finish(outcomes: &[Outcome], shown: &str, origins: &BTreeMap<String, String>, opts: &Options, problems: bool, io: &mut Io) -> u8 {
    let out = match opts.format {
        CheckFormat::Text => report::check::text(outcomes, io.paint),
        CheckFormat::Github => {
            let gh = report::check::GithubOptions { max_annotations: opts.max_annotations, notices: io.feedback.verbose };
            report::check::github(outcomes, shown, origins, gh)
        }
        CheckFormat::Junit => report::check::junit(outcomes, shown),
        CheckFormat::Json => report::check::json(outcomes),
    };
    io.out.put(&out);
    let junit_ok = opts.junit.as_deref().is_none_or(|p| write_junit(p, &report::check::junit(outcomes, shown), io));
    // On GitHub Actions, a Markdown summary of the run for the job's page.
    if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
        use std::io::Write as _;
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut f| f.write_all(report::check::markdown(outcomes, shown).as_bytes()));
        if let Err(e) = written {
            let _ = writeln!(io.err, "stance: {}: cannot append the step summary: {e}", Path::new(&path).display());
        }
    }
    if problems || !junit_ok {
        return 2;
    }
    if outcomes.iter().all(|o| o.passed) { 0 } else { 1 }
}
