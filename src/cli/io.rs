//! Where commands write, and the messages every command shares.
//!
//! Standard output goes through a [`Sink`] that remembers the first write
//! error instead of failing the command: a command always finishes with the
//! exit status it earned (1 for a failed check), and `main` then decides
//! what the error means (a closed pipe: stop quietly with that status; a
//! full disk: exit 2 with a message).

use stance::Engine;
use stance::Limits;
use stance::{Diagnostic, InputError};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where a command writes, and what it knows about the terminal.
pub(crate) struct Io<'a> {
    /// Standard output.
    pub out: &'a mut Sink,
    /// Standard error.
    pub err: &'a mut (dyn Write + Send),
    /// Table width (the terminal's, or `--width`), if any.
    pub width: Option<u16>,
    /// Whether standard output is a terminal (chooses default formats).
    pub tty: bool,
}

/// Standard output that keeps the first write error and drops later writes.
pub(crate) struct Sink {
    inner: Box<dyn Write + Send>,
    error: Option<std::io::Error>,
}

impl Sink {
    pub(crate) fn new(inner: Box<dyn Write + Send>) -> Sink {
        Sink { inner, error: None }
    }

    /// Writes all of `text`, unless an earlier write failed.
    pub(crate) fn put(&mut self, text: &str) {
        if self.error.is_none()
            && let Err(e) = self.inner.write_all(text.as_bytes())
        {
            self.error = Some(e);
        }
    }

    /// Whether writing has failed (the reader went away, the disk is full).
    pub(crate) fn failed(&self) -> bool {
        self.error.is_some()
    }

    /// Flushes, and gives the first write error, if any.
    pub(crate) fn finish(mut self) -> Option<std::io::Error> {
        if self.error.is_none()
            && let Err(e) = self.inner.flush()
        {
            self.error = Some(e);
        }
        self.error
    }
}

pub(crate) fn with_engine(rules: &Option<PathBuf>, limits: Limits, io: &mut Io, f: impl FnOnce(&Engine, &mut Io) -> u8) -> u8 {
    match Engine::load(rules.as_deref(), limits) {
        Ok(engine) => f(&engine, io),
        Err(diags) => {
            report_diagnostics(&diags, io);
            2
        }
    }
}

pub(crate) fn report_diagnostics(diags: &[Diagnostic], io: &mut Io) {
    for d in diags {
        let _ = writeln!(io.err, "{d}");
    }
    let _ = writeln!(io.err, "stance: {} problem(s) found", diags.len());
}

pub(crate) fn report_input_error(e: &InputError, io: &mut Io) {
    let _ = writeln!(io.err, "stance: {e}");
}

pub(crate) fn report_input_errors(errors: &[InputError], io: &mut Io) {
    for e in errors {
        report_input_error(e, io);
    }
}

/// Writes `text` to `path` atomically: into a temporary file beside it,
/// then renamed over it, so a failure (a full disk) leaves the previous
/// file as it was.
pub(crate) fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(|| "out".into(), |n| n.to_string_lossy().to_string());
    let tmp = dir.join(format!(".{name}.stance-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Writes a report to `--out` (atomically) or to standard output; returns
/// false when the file could not be written (the message is given).
pub(crate) fn emit_report(out: Option<&Path>, text: &str, io: &mut Io) -> bool {
    match out {
        Some(path) => match write_atomic(path, text) {
            Ok(()) => true,
            Err(e) => {
                let _ = writeln!(io.err, "stance: {}: cannot write: {e}; the previous file, if any, is unchanged", path.display());
                false
            }
        },
        None => {
            io.out.put(text);
            true
        }
    }
}
