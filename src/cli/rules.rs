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
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Write the built-in data files into DIR for editing (use them with --rules DIR).
    Dump {
        /// Directory to write (created if missing).
        dir: PathBuf,
        /// Overwrite files that already exist.
        #[arg(long)]
        force: bool,
    },
}

/// Output formats of `stance rules list`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ListFormat {
    /// Tables for people.
    Table,
    /// JSON.
    Json,
}

/// The line a dumped `actors.toml` gets before its `[vocabulary]`: a full
/// copy replaces the built-in actors (an actor file without it extends them).
const DUMPED_ACTORS: &str = "# A full copy of the built-in actors: it replaces them. To add actors or\n# aliases instead, keep only those in a file without this line.\nreplace = true\n\n";

/// `stance rules dump DIR`: every built-in data file, ready to edit.
pub(crate) fn dump(dir: &std::path::Path, force: bool, io: &mut Io) -> u8 {
    let files: Vec<(std::path::PathBuf, String)> = stance::builtin_files()
        .map(|(name, text)| {
            let text = if name == "actors.toml" {
                match text.find("\n[vocabulary]") {
                    Some(at) => format!("{}\n{DUMPED_ACTORS}{}", &text[..at], &text[at + 1..]),
                    None => format!("{DUMPED_ACTORS}{text}"),
                }
            } else {
                text.to_string()
            };
            (dir.join(name), text)
        })
        .collect();
    let existing: Vec<String> = files.iter().filter(|(p, _)| p.exists()).map(|(p, _)| p.display().to_string()).collect();
    if !existing.is_empty() && !force {
        for p in &existing {
            let _ = writeln!(io.err, "stance: {p}: already exists");
        }
        let _ = writeln!(io.err, "stance: nothing written; give --force to overwrite, or another directory");
        return 2;
    }
    for (path, text) in &files {
        let written = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(path, text));
        if let Err(e) = written {
            let _ = writeln!(io.err, "stance: {}: cannot write: {e}", path.display());
            return 2;
        }
        io.out.put(&format!("{}\n", path.display()));
    }
    let _ = writeln!(io.err, "stance: wrote {} data files; edit them and run with --rules {}", files.len(), dir.display());
    0
}

pub(crate) fn lint(rules: &Option<PathBuf>, limits: Limits, io: &mut Io) -> u8 {
    match Engine::load(rules.as_deref(), limits) {
        Ok(engine) => {
            let code = lint_report(&engine, io);
            // As in `with_engine`: the process ends right after.
            std::mem::forget(engine);
            code
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

/// What `rules lint` says about compiled data files.
fn lint_report(engine: &Engine, io: &mut Io) -> u8 {
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

pub(crate) fn list(engine: &Engine, format: ListFormat, io: &mut Io) -> u8 {
    match format {
        ListFormat::Table => io.out.put(&report::rules::table(engine.rules(), io.width)),
        ListFormat::Json => io.out.put(&report::rules::json(engine.rules())),
    }
    0
}
