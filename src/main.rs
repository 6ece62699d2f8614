//! The `stance` binary: parses arguments, runs the command, exits with its code.

mod cli;

use clap::Parser;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let stdout = std::io::stdout();
    let tty = stdout.is_terminal();
    let width = if tty { comfy_table::Table::new().width() } else { None };
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr().lock();
    let code = {
        let mut io = cli::Io { out: &mut out, err: &mut err, width, tty };
        cli::run(cli, &mut io)
    };
    let _ = out.flush();
    ExitCode::from(code)
}
