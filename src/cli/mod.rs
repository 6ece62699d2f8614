//! The command line: arguments (clap derive) and one function per command.
//! Commands read inputs through the library, render with [`stance::report`],
//! and write to the writers they are given; [`run`] returns the exit code
//! (0 ok, 1 a check failed, 2 usage or input error).

mod check;
mod compare;
mod docs;
mod eval;
mod explain;
mod extract;
mod io;
mod rules;

pub(crate) use crate::cli::io::{Feedback, Io, Sink};
use crate::cli::io::{with_engine, with_out_file};
use clap::{Parser, Subcommand};
use stance::Limits;
use std::path::PathBuf;

/// Who said what, for whom, with which stance: quote attribution and
/// stance comparison across news sources.
#[derive(Parser, Debug)]
#[command(name = "stance", version, about, max_term_width = 100)]
pub(crate) struct Cli {
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
    #[arg(long, global = true, value_name = "BYTES", default_value_t = stance::ingest::MAX_LINE_BYTES)]
    pub max_line_bytes: usize,
    /// Largest accepted document (a file, a JSON Lines record, standard input), in bytes.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = stance::ingest::MAX_DOC_BYTES)]
    pub max_doc_bytes: usize,
    /// Deepest directory nesting read.
    #[arg(long, global = true, value_name = "N", default_value_t = stance::ingest::MAX_DEPTH)]
    pub max_depth: usize,
    /// Table width in characters (default: the terminal's; no wrapping when not a terminal).
    #[arg(long, global = true, value_name = "COLUMNS")]
    pub width: Option<u16>,
    /// Print a summary on standard error at the end of extract, compare and
    /// check: documents, bytes, statements per label, unresolved speakers,
    /// excluded furniture, seconds and MB/s (with the warnings of -v).
    #[arg(long, global = true)]
    pub stats: bool,
    /// Warn on standard error about each document that yields nothing (empty body, no statement).
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Progress line on standard error: auto (a terminal, runs over a second), always, never.
    #[arg(long, global = true, value_enum, default_value_t = io::ProgressArg::Auto, value_name = "WHEN")]
    pub progress: io::ProgressArg,
    /// Colour for labels, passes, failures and errors: auto (a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t = io::ColorArg::Auto, value_name = "WHEN")]
    pub color: io::ColorArg,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// List documents: title, date, kind, sizes and excluded site furniture.
    Docs {
        /// Files, directories, or - for standard input.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = docs::DocsFormat::Table)]
        format: docs::DocsFormat,
        /// Write the list to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Print one record per attributed statement: who said what, for whom, with which stance.
    Extract {
        /// Files, directories, or - for standard input.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Output format (default: table on a terminal, jsonl otherwise).
        #[arg(long, value_enum)]
        format: Option<extract::ExtractFormat>,
        /// Write the records to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Line up who holds which position in which source: the main report.
    Compare {
        /// Files, directories, or - for standard input.
        #[arg(required_unless_present = "records", conflicts_with = "records")]
        paths: Vec<String>,
        /// Build the table from `extract --format jsonl` records instead of documents
        /// (files, directories of record files, or - for standard input).
        #[arg(long, value_name = "PATH", num_args = 1..)]
        records: Option<Vec<String>>,
        /// One column per document, or per source/outlet.
        #[arg(long, value_enum, default_value_t = compare::ByArg::Doc)]
        by: compare::ByArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = compare::CompareFormat::Table)]
        format: compare::CompareFormat,
        /// Write the report to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Also list statements of independent voices (analysts, presenters).
        #[arg(long)]
        voices: bool,
        /// Only documents that name one of these actors (comma-separated):
        /// columns and movement stay within one conflict.
        #[arg(long, value_name = "ACTOR", value_delimiter = ',')]
        about: Vec<String>,
    },
    /// Check claims about the sources (for CI): positions held, movement, factual claims.
    Check {
        /// The claims file (TOML).
        claims: PathBuf,
        /// Files, directories, or - for standard input.
        #[arg(required_unless_present = "records", conflicts_with = "records")]
        paths: Vec<String>,
        /// Check `extract --format jsonl` records instead of documents (claims
        /// about what was said need the documents).
        #[arg(long, value_name = "PATH", num_args = 1..)]
        records: Option<Vec<String>>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = check::CheckFormat::Text)]
        format: check::CheckFormat,
        /// One source per document, or per outlet.
        #[arg(long, value_enum, default_value_t = compare::ByArg::Doc)]
        by: compare::ByArg,
        /// Write the outcomes to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// With --format github: evidence annotations per failed expectation.
        #[arg(long, value_name = "N", default_value_t = 3)]
        max_annotations: usize,
        /// Also write a JUnit XML report to this file, whatever the format.
        #[arg(long, value_name = "FILE")]
        junit: Option<PathBuf>,
        /// Only documents that name one of these actors (comma-separated).
        #[arg(long, value_name = "ACTOR", value_delimiter = ',')]
        about: Vec<String>,
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
        /// Print the metrics as JSON (same as `--format json`).
        #[arg(long)]
        json: bool,
        /// Output format: the scorer's text, or JSON.
        #[arg(long, value_enum, default_value_t = eval::EvalFormat::Text)]
        format: eval::EvalFormat,
        /// Write the metrics to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Check, test and list the stance rules.
    Rules {
        /// What to do with the rules.
        #[command(subcommand)]
        action: rules::RulesAction,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff; `stance man | man -l -`).
    Man,
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
        /// Write the explanation to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

/// Most worker threads per core: more only adds start-up time and memory.
const THREADS_PER_CORE: usize = 16;

/// Runs a parsed command line; returns the exit code.
pub(crate) fn run(cli: Cli, io: &mut Io) -> u8 {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let threads = cli.threads.unwrap_or(cores);
    let most = cores * THREADS_PER_CORE;
    if threads == 0 || threads > most {
        let _ = writeln!(io.err, "stance: --threads {threads}: give 1 to {most} (this machine has {cores} cores)");
        return 2;
    }
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(io.err, "stance: cannot start {threads} worker threads: {e}; try a smaller --threads");
            return 2;
        }
    };
    if let Some(w) = cli.width {
        io.width = Some(w);
    }
    let limits = Limits { max_line_bytes: cli.max_line_bytes, max_doc_bytes: cli.max_doc_bytes, max_depth: cli.max_depth };
    pool.install(|| command(cli, limits, io))
}

/// The canonical names of `--about` actors; None (with a message naming the
/// closest known actor) when one is unknown.
fn canonical_actors(engine: &stance::Engine, names: &[String], io: &mut Io) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for n in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        match engine.actor(n) {
            Ok(c) => out.push(c),
            Err(m) => {
                let _ = writeln!(io.err, "stance: --about: {m}");
                return None;
            }
        }
    }
    Some(out)
}

fn command(cli: Cli, limits: Limits, io: &mut Io) -> u8 {
    match cli.command {
        Command::Docs { paths, format, out } => {
            with_engine(&cli.rules, limits, io, |e, io| with_out_file(out.as_deref(), io, |io| docs::run(e, &paths, format, io)))
        }
        Command::Extract { paths, format, out } => with_engine(&cli.rules, limits, io, |e, io| {
            let format = format.unwrap_or(if io.tty && out.is_none() { extract::ExtractFormat::Table } else { extract::ExtractFormat::Jsonl });
            with_out_file(out.as_deref(), io, |io| extract::run(e, &paths, format, io))
        }),
        Command::Compare { paths, records, by, format, out, voices, about } => with_engine(&cli.rules, limits, io, |e, io| {
            let input = match &records {
                Some(r) => compare::Input::Records(r),
                None => compare::Input::Documents(&paths),
            };
            let Some(about) = canonical_actors(e, &about, io) else { return 2 };
            compare::run(e, input, compare::Options { by, format, voices, about }, out.as_deref(), io)
        }),
        Command::Check { claims, paths, records, format, by, out, max_annotations, junit, about } => with_engine(&cli.rules, limits, io, |e, io| {
            let input = match &records {
                Some(r) => compare::Input::Records(r),
                None => compare::Input::Documents(&paths),
            };
            let Some(about) = canonical_actors(e, &about, io) else { return 2 };
            let opts = check::Options { format, by, max_annotations, junit, about };
            with_out_file(out.as_deref(), io, |io| check::run(e, &claims, input, opts, io))
        }),
        Command::Eval { gold, paths, records, json, format, out } => {
            let json = json || format == eval::EvalFormat::Json;
            with_engine(&cli.rules, limits, io, |e, io| with_out_file(out.as_deref(), io, |io| eval::run(e, &gold, &paths, records.as_deref(), json, io)))
        }
        Command::Rules { action: rules::RulesAction::Lint } => rules::lint(&cli.rules, limits, io),
        Command::Rules { action: rules::RulesAction::Test } => with_engine(&cli.rules, limits, io, rules::test),
        Command::Rules { action: rules::RulesAction::List { format } } => with_engine(&cli.rules, limits, io, |e, io| rules::list(e, format, io)),
        Command::Rules { action: rules::RulesAction::Dump { dir, force } } => rules::dump(&dir, force, io),
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut <Cli as clap::CommandFactory>::command(), "stance", &mut buf);
            io.out.put(&String::from_utf8_lossy(&buf));
            0
        }
        Command::Man => {
            let mut buf = Vec::new();
            match clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut buf) {
                Ok(()) => {
                    io.out.put(&String::from_utf8_lossy(&buf));
                    0
                }
                Err(e) => {
                    let _ = writeln!(io.err, "stance: cannot render the manual page: {e}");
                    2
                }
            }
        }
        Command::Explain { input, at, date, out } => {
            with_engine(&cli.rules, limits, io, |e, io| with_out_file(out.as_deref(), io, |io| explain::run(e, &input, at, date.as_deref(), io)))
        }
    }
}
