//! Where commands write, and the messages every command shares.

use stance::Engine;
use stance::Limits;
use stance::{Diagnostic, InputError};
use std::io::Write;
use std::path::PathBuf;

/// Where a command writes, and what it knows about the terminal.
pub(crate) struct Io<'a> {
    /// Standard output.
    pub out: &'a mut dyn Write,
    /// Standard error.
    pub err: &'a mut dyn Write,
    /// Table width (the terminal's, or `--width`), if any.
    pub width: Option<u16>,
    /// Whether standard output is a terminal (chooses default formats).
    pub tty: bool,
}

pub(crate) fn with_engine(
    rules: &Option<PathBuf>,
    limits: Limits,
    io: &mut Io,
    f: impl FnOnce(&Engine, &mut Io) -> std::io::Result<u8>,
) -> std::io::Result<u8> {
    match Engine::load(rules.as_deref(), limits) {
        Ok(engine) => f(&engine, io),
        Err(diags) => {
            report_diagnostics(&diags, io)?;
            Ok(2)
        }
    }
}

pub(crate) fn report_diagnostics(diags: &[Diagnostic], io: &mut Io) -> std::io::Result<()> {
    for d in diags {
        writeln!(io.err, "{d}")?;
    }
    writeln!(io.err, "stance: {} problem(s) found", diags.len())
}

pub(crate) fn report_input_errors(errors: &[InputError], io: &mut Io) -> std::io::Result<()> {
    for e in errors {
        writeln!(io.err, "stance: {e}")?;
    }
    Ok(())
}
