//! `stance rules lint|test|list`.

use crate::cli::io::Io;
use clap::Subcommand;
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

pub(crate) fn lint(rules: &Option<PathBuf>, limits: Limits, io: &mut Io) -> std::io::Result<u8> {
    match Engine::load(rules.as_deref(), limits) {
        Ok(engine) => {
            let r = engine.rules();
            let patterns = r.rules.iter().map(|x| x.pattern_count).sum::<usize>();
            writeln!(io.out, "ok: {} labels, {} rules, {} patterns", r.labels.len(), r.rules.len(), patterns)?;
            Ok(0)
        }
        Err(diags) => {
            for d in &diags {
                writeln!(io.out, "{d}")?;
            }
            writeln!(io.err, "stance: {} problem(s) found", diags.len())?;
            Ok(2)
        }
    }
}

pub(crate) fn test(engine: &Engine, io: &mut Io) -> std::io::Result<u8> {
    let (cases, failures) = engine.test_rules();
    for f in &failures {
        let what = if f.example { "example not labelled" } else { "counterexample labelled" };
        writeln!(io.out, "FAIL {} ({}): {what}: {:?}\n     {}", f.rule, f.file, f.sentence, f.detail)?;
    }
    writeln!(io.out, "{} rules, {cases} cases, {} failed", engine.rules().rules.len(), failures.len())?;
    Ok(if failures.is_empty() { 0 } else { 1 })
}

pub(crate) fn list(engine: &Engine, io: &mut Io) -> std::io::Result<u8> {
    io.out.write_all(report::rules::table(engine.rules(), io.width).as_bytes())?;
    Ok(0)
}
