//! The `stance` binary: parses arguments, runs the command, exits with its code.

mod cli;

use clap::Parser;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    stance::engine::contain_panics();
    let stdout = std::io::stdout();
    let tty = stdout.is_terminal();
    let width = if tty { comfy_table::Table::new().width() } else { None };
    let mut out = cli::Sink::new(Box::new(std::io::BufWriter::new(stdout)));
    let mut err = std::io::stderr();
    let code = {
        let feedback = cli::Feedback { stats: cli.stats, verbose: cli.verbose, progress: cli.progress, err_tty: std::io::stderr().is_terminal() };
        let (no_color, term) = (std::env::var_os("NO_COLOR"), std::env::var_os("TERM"));
        let paint = cli.color.paint(tty, no_color.as_deref(), term.as_deref());
        let err_paint = cli.color.paint(feedback.err_tty, no_color.as_deref(), term.as_deref());
        let mut io = cli::Io { out: &mut out, err: &mut err, width, tty, feedback, paint, err_paint, colour: cli.color };
        cli::run(cli, &mut io)
    };
    match out.finish() {
        None => ExitCode::from(code),
        // The reader went away (`| head`): stop quietly, with the status the run earned.
        Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(code),
        Some(e) => {
            let _ = writeln!(err, "stance: cannot write output: {e}");
            ExitCode::from(2)
        }
    }
}
