//! The command line: arguments (clap derive) and one function per command.
//! Commands read inputs through the library, render with [`stance::report`],
//! and write to the writers they are given; [`run`] returns the exit code
//! (0 ok, 1 a check failed, 2 usage or input error).

use clap::{Parser, Subcommand, ValueEnum};
use stance::engine::Engine;
use stance::error::{Diagnostic, InputError};
use stance::ingest::Limits;
use stance::report;
use std::io::Write;
use std::path::PathBuf;

/// Who said what, for whom, with which stance: quote attribution and
/// stance comparison across news sources.
#[derive(Parser, Debug)]
#[command(name = "stance", version, about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Directory of data files replacing (same name) or extending (other
    /// *.toml: extra stance rules) the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Worker threads for document analysis (default: one per core).
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
    /// Longest accepted line of a document, in bytes.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = 1 << 20)]
    pub max_line_bytes: usize,
    /// Table width in characters (default: the terminal's; no wrapping when not a terminal).
    #[arg(long, global = true, value_name = "COLUMNS")]
    pub width: Option<u16>,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// List documents: title, date, kind, sizes and excluded site furniture.
    Docs {
        /// Files, directories, or - for standard input.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DocsFormat::Table)]
        format: DocsFormat,
    },
    /// Print one record per attributed statement: who said what, for whom, with which stance.
    Extract {
        /// Files, directories, or - for standard input.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Output format (default: table on a terminal, jsonl otherwise).
        #[arg(long, value_enum)]
        format: Option<ExtractFormat>,
    },
    /// Line up who holds which position in which source: the main report.
    Compare {
        /// Files, directories, or - for standard input.
        #[arg(required = true)]
        paths: Vec<String>,
        /// One column per document, or per source/outlet.
        #[arg(long, value_enum, default_value_t = ByArg::Doc)]
        by: ByArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
        format: CompareFormat,
        /// Write the report to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Also list statements of independent voices (analysts, presenters).
        #[arg(long)]
        voices: bool,
    },
    /// Check claims about the sources (for CI): positions held, movement, factual claims.
    Check {
        /// The claims file (TOML).
        claims: PathBuf,
        /// Files, directories, or - for standard input.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// One source per document, or per outlet.
        #[arg(long, value_enum, default_value_t = ByArg::Doc)]
        by: ByArg,
    },
    /// Score the tool (or a records file) against a hand-made gold file.
    Eval {
        /// The gold file (TOML, see the evaluation format).
        #[arg(long, value_name = "GOLD.toml")]
        gold: PathBuf,
        /// The documents the gold file annotates.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Score these statement records (JSON Lines) instead of running the tool.
        #[arg(long, value_name = "FILE")]
        records: Option<PathBuf>,
        /// Print the metrics as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check, test and list the stance rules.
    Rules {
        /// What to do with the rules.
        #[command(subcommand)]
        action: RulesAction,
    },
    /// Show how a text (or the statements of a file) is attributed and classified, rule by rule.
    Explain {
        /// A sentence in quotes, or a file.
        input: String,
        /// With a file: explain the statements covering this byte offset.
        #[arg(long, value_name = "BYTE")]
        at: Option<usize>,
        /// Date of the text, YYYY-MM-DD (offices are resolved on it).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
}

/// Columns of `stance compare`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ByArg {
    /// One column per document.
    Doc,
    /// One column per source or outlet.
    Source,
}

/// Output formats of `stance compare`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareFormat {
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

/// Output formats of `stance check`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckFormat {
    /// Lines for people.
    Text,
    /// GitHub workflow annotations.
    Github,
    /// A JUnit XML report.
    Junit,
    /// JSON.
    Json,
}

/// `stance rules` actions.
#[derive(Subcommand, Debug)]
pub enum RulesAction {
    /// Check every data file strictly; print every problem as file:line:col.
    Lint,
    /// Run every rule's examples and counterexamples.
    Test,
    /// List labels and rules.
    List,
}

/// Output formats of `stance extract`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtractFormat {
    /// One JSON object per line.
    Jsonl,
    /// A JSON array.
    Json,
    /// A table.
    Table,
    /// Comma-separated values.
    Csv,
}

/// Output formats of `stance docs`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocsFormat {
    /// A table.
    Table,
    /// A JSON array.
    Json,
}

/// Where a command writes, and what it knows about the terminal.
pub struct Io<'a> {
    /// Standard output.
    pub out: &'a mut dyn Write,
    /// Standard error.
    pub err: &'a mut dyn Write,
    /// Table width (the terminal's, or `--width`), if any.
    pub width: Option<u16>,
    /// Whether standard output is a terminal (chooses default formats).
    pub tty: bool,
}

/// Runs a parsed command line; returns the exit code.
pub fn run(cli: Cli, io: &mut Io) -> u8 {
    if let Some(n) = cli.threads {
        if n == 0 {
            let _ = writeln!(io.err, "stance: --threads must be at least 1");
            return 2;
        }
        // Fails only if a pool exists already (tests running several commands).
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n).build_global();
    }
    if let Some(w) = cli.width {
        io.width = Some(w);
    }
    let limits = Limits { max_line_bytes: cli.max_line_bytes, ..Limits::default() };
    let result = match cli.command {
        Command::Docs { paths, format } => with_engine(&cli.rules, limits, io, |e, io| docs(e, &paths, format, io)),
        Command::Extract { paths, format } => with_engine(&cli.rules, limits, io, |e, io| {
            let format = format.unwrap_or(if io.tty { ExtractFormat::Table } else { ExtractFormat::Jsonl });
            extract(e, &paths, format, io)
        }),
        Command::Compare { paths, by, format, out, voices } => {
            with_engine(&cli.rules, limits, io, |e, io| compare(e, &paths, by, format, out.as_deref(), voices, io))
        }
        Command::Check { claims, paths, format, by } => with_engine(&cli.rules, limits, io, |e, io| check(e, &claims, &paths, format, by, io)),
        Command::Eval { gold, paths, records, json } => with_engine(&cli.rules, limits, io, |e, io| eval(e, &gold, &paths, records.as_deref(), json, io)),
        Command::Rules { action: RulesAction::Lint } => rules_lint(&cli.rules, limits, io),
        Command::Rules { action: RulesAction::Test } => with_engine(&cli.rules, limits, io, rules_test),
        Command::Rules { action: RulesAction::List } => with_engine(&cli.rules, limits, io, |e, io| {
            io.out.write_all(report::rules_table(e.rules(), io.width).as_bytes())?;
            Ok(0)
        }),
        Command::Explain { input, at, date } => with_engine(&cli.rules, limits, io, |e, io| explain(e, &input, at, date.as_deref(), io)),
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(io.err, "stance: cannot write output: {e}");
            2
        }
    }
}

fn with_engine(rules: &Option<PathBuf>, limits: Limits, io: &mut Io, f: impl FnOnce(&Engine, &mut Io) -> std::io::Result<u8>) -> std::io::Result<u8> {
    match Engine::load(rules.as_deref(), limits) {
        Ok(engine) => f(&engine, io),
        Err(diags) => {
            report_diagnostics(&diags, io)?;
            Ok(2)
        }
    }
}

fn report_diagnostics(diags: &[Diagnostic], io: &mut Io) -> std::io::Result<()> {
    for d in diags {
        writeln!(io.err, "{d}")?;
    }
    writeln!(io.err, "stance: {} problem(s) found", diags.len())
}

fn report_input_errors(errors: &[InputError], io: &mut Io) -> std::io::Result<()> {
    for e in errors {
        writeln!(io.err, "stance: {e}")?;
    }
    Ok(())
}

fn docs(engine: &Engine, paths: &[String], format: DocsFormat, io: &mut Io) -> std::io::Result<u8> {
    let loaded = engine.ingest(paths);
    report_input_errors(&loaded.errors, io)?;
    let text = match format {
        DocsFormat::Table => report::docs_table(&loaded.docs, io.width),
        DocsFormat::Json => report::docs_json(&loaded.docs),
    };
    io.out.write_all(text.as_bytes())?;
    Ok(if loaded.errors.is_empty() { 0 } else { 2 })
}

fn extract(engine: &Engine, paths: &[String], format: ExtractFormat, io: &mut Io) -> std::io::Result<u8> {
    let loaded = engine.ingest(paths);
    report_input_errors(&loaded.errors, io)?;
    let analyses = engine.analyze_all(&loaded.docs);
    let text = match format {
        ExtractFormat::Jsonl => report::records_jsonl(&analyses),
        ExtractFormat::Json => report::records_json(&analyses),
        ExtractFormat::Csv => report::records_csv(&analyses),
        ExtractFormat::Table => report::records_table(&analyses, io.width),
    };
    io.out.write_all(text.as_bytes())?;
    Ok(if loaded.errors.is_empty() { 0 } else { 2 })
}

fn rules_lint(rules: &Option<PathBuf>, limits: Limits, io: &mut Io) -> std::io::Result<u8> {
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

fn rules_test(engine: &Engine, io: &mut Io) -> std::io::Result<u8> {
    let (cases, failures) = engine.test_rules();
    for f in &failures {
        let what = if f.example { "example not labelled" } else { "counterexample labelled" };
        writeln!(io.out, "FAIL {} ({}): {what}: {:?}\n     {}", f.rule, f.file, f.sentence, f.detail)?;
    }
    writeln!(io.out, "{} rules, {cases} cases, {} failed", engine.rules().rules.len(), failures.len())?;
    Ok(if failures.is_empty() { 0 } else { 1 })
}

fn explain(engine: &Engine, input: &str, at: Option<usize>, date: Option<&str>, io: &mut Io) -> std::io::Result<u8> {
    let date = match date.map(|d| (d, stance::text::date::Date::parse_iso(d))) {
        None => None,
        Some((_, Some(d))) => Some(d),
        Some((d, None)) => {
            writeln!(io.err, "stance: --date {d:?} is not a date (YYYY-MM-DD)")?;
            return Ok(2);
        }
    };
    let is_file = std::path::Path::new(input).is_file();
    let doc = if is_file {
        let mut loaded = engine.ingest(&[input.to_string()]);
        report_input_errors(&loaded.errors, io)?;
        if loaded.docs.is_empty() {
            return Ok(2);
        }
        let mut d = loaded.docs.remove(0);
        if date.is_some() {
            d.date = date;
        }
        d
    } else {
        if at.is_some() {
            writeln!(io.err, "stance: --at needs a file; {input:?} is not one")?;
            return Ok(2);
        }
        stance::model::Document::snippet("text", input.to_string(), date)
    };
    let text = engine.prepare(&doc);
    let mut statements = engine.analyze(&text);
    if let Some(b) = at {
        if b > doc.text.len() {
            writeln!(io.err, "stance: --at {b} is past the end of {input} ({} bytes)", doc.text.len())?;
            return Ok(2);
        }
        statements.retain(|c| {
            let s = &c.statement;
            (s.span.start <= b && b < s.span.end.max(s.span.start + 1)) || (s.sentence.start <= b && b < s.sentence.end && s.kind != stance::model::Kind::Turn)
        });
    }
    if statements.is_empty() && !is_file {
        // No attribution found: read the whole text as one statement, so the rules still show.
        let st = stance::classify::whole_text_statement(&text);
        statements = engine.classify(&text, vec![st]);
    }
    io.out.write_all(report::explain_text(&text, &statements, engine.rules()).as_bytes())?;
    Ok(0)
}

fn compare(
    engine: &Engine,
    paths: &[String],
    by: ByArg,
    format: CompareFormat,
    out: Option<&std::path::Path>,
    voices: bool,
    io: &mut Io,
) -> std::io::Result<u8> {
    let loaded = engine.ingest(paths);
    report_input_errors(&loaded.errors, io)?;
    let analyses = engine.analyze_all(&loaded.docs);
    let by = match by {
        ByArg::Doc => stance::compare::By::Doc,
        ByArg::Source => stance::compare::By::Source,
    };
    let table = stance::compare::build(&analyses, by, engine.rules());
    let text = match format {
        CompareFormat::Table => report::compare_table(&table, io.width, voices),
        CompareFormat::Md => report::compare_markdown(&table, voices),
        CompareFormat::Csv => report::compare_csv(&table),
        CompareFormat::Json => report::compare_json(&table),
        CompareFormat::Html => report::compare_html(&table, voices),
    };
    match out {
        Some(path) => {
            if let Err(e) = std::fs::write(path, text) {
                writeln!(io.err, "stance: {}: cannot write: {e}", path.display())?;
                return Ok(2);
            }
        }
        None => io.out.write_all(text.as_bytes())?,
    }
    Ok(if loaded.errors.is_empty() { 0 } else { 2 })
}

fn eval(engine: &Engine, gold: &std::path::Path, paths: &[String], records: Option<&std::path::Path>, json: bool, io: &mut Io) -> std::io::Result<u8> {
    let shown = gold.display().to_string();
    let gold = match std::fs::read_to_string(gold) {
        Ok(text) => match stance::eval::Gold::parse(&shown, &text) {
            Ok(g) => g,
            Err(d) => {
                writeln!(io.err, "{d}")?;
                return Ok(2);
            }
        },
        Err(e) => {
            writeln!(io.err, "stance: {shown}: cannot read: {e}")?;
            return Ok(2);
        }
    };
    let loaded = engine.ingest(paths);
    report_input_errors(&loaded.errors, io)?;
    let texts = loaded.docs.iter().map(|d| (d.name.clone(), d.text.clone().into_bytes())).collect();
    let recs = match records {
        Some(path) => match std::fs::read_to_string(path).map_err(|e| e.to_string()).and_then(|t| stance::eval::read_records(&t)) {
            Ok(r) => r,
            Err(e) => {
                writeln!(io.err, "stance: {}: {e}", path.display())?;
                return Ok(2);
            }
        },
        None => {
            engine.analyze_all(&loaded.docs).iter().flat_map(|a| a.statements.iter().map(|c| stance::model::Record::of(a.doc, c)).collect::<Vec<_>>()).collect()
        }
    };
    match stance::eval::score(&gold, &texts, &recs) {
        Ok(scores) => {
            let text = if json { stance::eval::render_json(&scores) } else { stance::eval::render(&scores) };
            io.out.write_all(text.as_bytes())?;
            Ok(if loaded.errors.is_empty() { 0 } else { 2 })
        }
        Err(e) => {
            writeln!(io.err, "stance: {shown}: {e}")?;
            Ok(2)
        }
    }
}

fn check(engine: &Engine, claims: &std::path::Path, paths: &[String], format: CheckFormat, by: ByArg, io: &mut Io) -> std::io::Result<u8> {
    let shown = claims.display().to_string();
    let text = match std::fs::read_to_string(claims) {
        Ok(t) => t,
        Err(e) => {
            writeln!(io.err, "stance: {shown}: cannot read: {e}")?;
            return Ok(2);
        }
    };
    let file = stance::config::DataFile { name: shown.clone(), path: shown.clone(), text, builtin: false };
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
        CheckFormat::Text => report::check_text(&outcomes),
        CheckFormat::Github => report::check_github(&outcomes, &shown, &doc_paths),
        CheckFormat::Junit => report::check_junit(&outcomes, &shown),
        CheckFormat::Json => report::check_json(&outcomes),
    };
    io.out.write_all(out.as_bytes())?;
    if !loaded.errors.is_empty() {
        return Ok(2);
    }
    Ok(if outcomes.iter().all(|o| o.passed) { 0 } else { 1 })
}
