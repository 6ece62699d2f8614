//! `stance rules lint|test|list`.

use crate::cli::io::Io;
use clap::Subcommand;
use stance::Case;
use stance::Engine;
use stance::Limits;
use stance::report;
use std::path::PathBuf;

/// `stance rules` actions.
#[derive(Subcommand, Debug)]
pub(crate) enum RulesAction {
    /// Check every data file strictly; print every problem as file:line:col.
    Lint,
    /// Run every rule's examples and counterexamples.
    Test,
    /// List labels and rules.
    List,
}

pub(crate) fn lint(rules: &Option<PathBuf>, limits: Limits, io: &mut Io) -> u8 {
    match Engine::load(rules.as_deref(), limits) {
        Ok(engine) => {
            let r = engine.rules();
            if !r.unused_classes.is_empty() {
                for d in &r.unused_classes {
                    io.out.put(&format!("{d}\n"));
                }
                let _ = writeln!(io.err, "stance: {} problem(s) found", r.unused_classes.len());
                return 2;
            }
            let patterns = r.rules.iter().map(|x| x.pattern_count).sum::<usize>();
            io.out.put(&format!("ok: {} labels, {} classes, {} rules, {} patterns\n", r.labels.len(), r.classes.len(), r.rules.len(), patterns));
            0
        }
        Err(diags) => {
            for d in &diags {
                io.out.put(&format!("{d}\n"));
            }
            let _ = writeln!(io.err, "stance: {} problem(s) found", diags.len());
            2
        }
    }
}

pub(crate) fn test(engine: &Engine, io: &mut Io) -> u8 {
    let (cases, failures) = engine.test_rules();
    for f in &failures {
        let what = match f.case {
            Case::Example => "example not labelled",
            Case::Counterexample => "counterexample labelled",
            Case::Neutral => "neutral sentence labelled",
        };
        io.out.put(&format!("FAIL {} ({}): {what}: {:?}\n     {}\n", f.rule, f.file, f.sentence, f.detail));
    }
    io.out.put(&format!("{} rules, {cases} cases, {} failed\n", engine.rules().rules.len(), failures.len()));
    if failures.is_empty() { 0 } else { 1 }
}

pub(crate) fn list(engine: &Engine, io: &mut Io) -> u8 {
    io.out.put(&report::rules::table(engine.rules(), io.width));
    0
}
