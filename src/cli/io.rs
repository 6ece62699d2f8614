//! Where commands write, and the messages every command shares.
//!
//! Standard output goes through a [`Sink`] that remembers the first write
//! error instead of failing the command: a command always finishes with the
//! exit status it earned (1 for a failed check), and `main` then decides
//! what the error means (a closed pipe: stop quietly with that status; a
//! full disk: exit 2 with a message).

use stance::Engine;
use stance::Limits;
use stance::model::Analysis;
use stance::report::fmt::Paint;
use stance::report::stats::{self, Stats};
use stance::{Diagnostic, InputError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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
    /// Progress, statistics and warnings on standard error.
    pub feedback: Feedback,
    /// Colour on standard output.
    pub paint: Paint,
    /// Colour on standard error.
    pub err_paint: Paint,
    /// `--color`, as given.
    pub colour: ColorArg,
}

/// When to colour.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum ColorArg {
    /// On a terminal, unless `NO_COLOR` is set (or `TERM=dumb`).
    #[default]
    Auto,
    /// Always (even into a pipe or a file).
    Always,
    /// Never.
    Never,
}

impl ColorArg {
    /// Whether to colour an output that is (or is not) a terminal, given
    /// the `NO_COLOR` and `TERM` variables.
    pub(crate) fn paint(self, terminal: bool, no_color: Option<&std::ffi::OsStr>, term: Option<&std::ffi::OsStr>) -> Paint {
        let on = match self {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => terminal && no_color.is_none_or(|v| v.is_empty()) && term.is_none_or(|t| t != "dumb"),
        };
        Paint::new(on)
    }
}

/// When to show the progress line.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum ProgressArg {
    /// When standard error is a terminal and the run lasts over a second.
    #[default]
    Auto,
    /// Always (for logs and tests).
    Always,
    /// Never.
    Never,
}

/// What a command reports on standard error besides errors.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Feedback {
    /// `--stats`: a summary at the end (and the warnings of `-v`).
    pub stats: bool,
    /// `-v`: a warning for each document that yields nothing.
    pub verbose: bool,
    /// `--progress`.
    pub progress: ProgressArg,
    /// Whether standard error is a terminal.
    pub err_tty: bool,
}

/// Progress, statistics and warnings of a run over documents.
pub(crate) struct Monitor {
    stats: Stats,
    start: Instant,
    last_draw: Option<Instant>,
    progress: bool,
    forced: bool,
    total: Option<u64>,
    /// Redraw in place (a terminal), or one line per update (a log).
    in_place: bool,
    drawn: usize,
}

/// Least time between two progress lines.
const REDRAW: Duration = Duration::from_millis(100);
/// A run shorter than this shows no progress unless forced.
const QUIET: Duration = Duration::from_secs(1);

impl Monitor {
    pub(crate) fn new(engine: &Engine, paths: &[String], io: &Io) -> Monitor {
        let f = io.feedback;
        let forced = f.progress == ProgressArg::Always;
        let progress = forced || (f.progress == ProgressArg::Auto && f.err_tty);
        let total = if progress { total_bytes(paths, engine.limits().max_depth) } else { None };
        Monitor { stats: Stats::new(engine.rules()), start: Instant::now(), last_draw: None, progress, forced, total, in_place: f.err_tty, drawn: 0 }
    }

    /// A document finished.
    pub(crate) fn document(&mut self, a: &Analysis, io: &mut Io) {
        let warning = self.stats.add(a);
        if let Some(w) = warning.filter(|_| io.feedback.verbose || io.feedback.stats) {
            self.clear(io);
            let _ = writeln!(io.err, "{w}");
        }
        self.tick(io, false);
    }

    /// An input could not be read or analysed.
    pub(crate) fn problem(&mut self, io: &mut Io) {
        self.stats.problem();
        self.clear(io);
    }

    /// Ends the progress line and prints the summary of `--stats`.
    pub(crate) fn finish(mut self, io: &mut Io) {
        if self.drawn > 0 || self.forced {
            self.tick(io, true);
            if self.in_place {
                let _ = writeln!(io.err);
            }
        }
        if io.feedback.stats {
            let _ = write!(io.err, "{}", self.stats.summary(self.start.elapsed().as_secs_f64()));
        }
    }

    fn tick(&mut self, io: &mut Io, last: bool) {
        if !self.progress {
            return;
        }
        let now = Instant::now();
        let due = self.last_draw.is_none_or(|t| now.duration_since(t) >= REDRAW);
        let shown = self.forced || now.duration_since(self.start) >= QUIET;
        if (due && shown) || (last && (self.forced || self.drawn > 0)) {
            let line = stats::progress(self.stats.documents, self.stats.bytes, self.start.elapsed().as_secs_f64(), self.total);
            if self.in_place {
                let pad = self.drawn.saturating_sub(line.len());
                let _ = write!(io.err, "\r{line}{}", " ".repeat(pad));
                let _ = io.err.flush();
                self.drawn = line.len();
            } else {
                let _ = writeln!(io.err, "{line}");
            }
            self.last_draw = Some(now);
        }
    }

    /// Clears the progress line before another message.
    fn clear(&mut self, io: &mut Io) {
        if self.drawn > 0 {
            let _ = write!(io.err, "\r{}\r", " ".repeat(self.drawn));
            self.drawn = 0;
            self.last_draw = None;
        }
    }
}

/// Analyses the documents of `paths` (less `skip`) in input order: each
/// unreadable input gets its message, each analysis goes to `each` (which
/// may stop the run), and the monitor, if any, hears of both. Returns
/// whether some input could not be read.
pub(crate) fn each_document(
    engine: &Engine,
    paths: &[String],
    skip: &[std::path::PathBuf],
    mut monitor: Option<&mut Monitor>,
    io: &mut Io,
    mut each: impl FnMut(&Analysis, &mut Io) -> std::ops::ControlFlow<()>,
) -> bool {
    let mut problems = false;
    engine.run(
        engine.inputs(paths, skip).deferred(),
        |_, _, _| (),
        |item| match item {
            stance::engine::Item::Problem(e) => {
                problems = true;
                if let Some(m) = monitor.as_deref_mut() {
                    m.problem(io);
                }
                report_input_error(&e, io);
                std::ops::ControlFlow::Continue(())
            }
            stance::engine::Item::Analysed(a, _) => {
                let flow = each(a, io);
                if let Some(m) = monitor.as_deref_mut() {
                    m.document(a, io);
                }
                flow
            }
        },
    );
    problems
}

/// Total size of the regular files named or under the directories named
/// (standard input unknown: no total).
fn total_bytes(paths: &[String], max_depth: usize) -> Option<u64> {
    let mut total = 0;
    for p in paths {
        if p == "-" {
            return None;
        }
        for entry in walkdir::WalkDir::new(p).max_depth(max_depth).into_iter().flatten() {
            if let Ok(m) = entry.metadata()
                && m.is_file()
            {
                total += m.len();
            }
        }
    }
    Some(total)
}

/// Standard output that keeps the first write error and drops later writes.
pub(crate) struct Sink {
    inner: Box<dyn Write + Send>,
    error: Option<std::io::Error>,
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf).map(|()| buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if let Some(e) = &self.error {
            return Err(std::io::Error::new(e.kind(), e.to_string()));
        }
        self.inner.write_all(buf).inspect_err(|e| self.error = Some(std::io::Error::new(e.kind(), e.to_string())))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
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
    /// (Reports written piece by piece go through [`Write`] instead.)
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
        Ok(engine) => {
            let code = f(&engine, io);
            // The process ends right after: freeing every compiled rule,
            // pattern and table one by one would only delay the exit.
            std::mem::forget(engine);
            code
        }
        Err(diags) => {
            report_diagnostics(&diags, io);
            2
        }
    }
}

pub(crate) fn report_diagnostics(diags: &[Diagnostic], io: &mut Io) {
    for d in diags {
        let _ = writeln!(io.err, "{}", located(d, io.err_paint));
    }
    let _ = writeln!(io.err, "stance: {} problem(s) found", diags.len());
}

/// A diagnostic with its location in bold (and the message as it is).
pub(crate) fn located(d: &Diagnostic, paint: Paint) -> String {
    if !paint.on {
        return d.to_string();
    }
    let at = if d.line == 0 { d.file.clone() } else { format!("{}:{}:{}", d.file, d.line, d.col) };
    format!("{}: {} {}", paint.bold(&at), paint.fail("error:"), d.message)
}

pub(crate) fn report_input_error(e: &InputError, io: &mut Io) {
    let _ = writeln!(io.err, "stance: {}{}", if io.err_paint.on { io.err_paint.fail("error: ") } else { String::new() }, e);
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
    write_atomic_with(path, |w| w.write_all(text.as_bytes()))
}

/// Writes what `render` writes to `path` through a temporary file beside
/// it, renamed over it at the end: a reader never sees half a file.
pub(crate) fn write_atomic_with(path: &Path, render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> std::io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(|| "out".into(), |n| n.to_string_lossy().to_string());
    let tmp = dir.join(format!(".{name}.stance-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        render(&mut f)?;
        let f = f.into_inner().map_err(std::io::IntoInnerError::into_error)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Runs a command with its standard output going to `path` instead: written
/// to a temporary file beside it as the command goes, renamed over it at
/// the end; on failure the previous file, if any, is unchanged.
pub(crate) fn with_out_file(path: Option<&Path>, io: &mut Io, f: impl FnOnce(&mut Io) -> u8) -> u8 {
    let Some(path) = path else { return f(io) };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(|| "out".into(), |n| n.to_string_lossy().to_string());
    let tmp = dir.join(format!(".{name}.stance-{}.tmp", std::process::id()));
    let file = match std::fs::File::create(&tmp) {
        Ok(f) => f,
        Err(e) => {
            let _ = writeln!(io.err, "stance: {}: cannot write: {e}", path.display());
            return 2;
        }
    };
    let mut sink = Sink::new(Box::new(std::io::BufWriter::new(file)));
    let code = {
        // A file gets no colour unless asked for everywhere (--color always).
        let paint = if io.colour == ColorArg::Always { io.paint } else { Paint::default() };
        let mut inner =
            Io { out: &mut sink, err: &mut *io.err, width: io.width, tty: false, feedback: io.feedback, paint, err_paint: io.err_paint, colour: io.colour };
        f(&mut inner)
    };
    match sink.finish().map_or_else(|| std::fs::rename(&tmp, path), Err) {
        Ok(()) => code,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            let _ = writeln!(io.err, "stance: {}: cannot write: {e}; the previous file, if any, is unchanged", path.display());
            2
        }
    }
}

/// Writes a report to `--out` (atomically) or to standard output; returns
/// false when the file could not be written (the message is given).
pub(crate) fn emit_report(out: Option<&Path>, io: &mut Io, render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> bool {
    match out {
        Some(path) => match write_atomic_with(path, render) {
            Ok(()) => true,
            Err(e) => {
                let _ = writeln!(io.err, "stance: {}: cannot write: {e}; the previous file, if any, is unchanged", path.display());
                false
            }
        },
        None => match render(&mut *io.out) {
            Ok(()) => true,
            // A failed write to standard output is reported when the run ends.
            Err(_) if io.out.failed() => true,
            Err(e) => {
                let _ = writeln!(io.err, "stance: cannot write the report: {e}");
                false
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn colour_follows_the_terminal_no_color_and_the_flag() {
        let set = Some(OsStr::new("1"));
        assert!(ColorArg::Auto.paint(true, None, None).on);
        assert!(!ColorArg::Auto.paint(false, None, None).on, "not a terminal");
        assert!(!ColorArg::Auto.paint(true, set, None).on, "NO_COLOR");
        assert!(ColorArg::Auto.paint(true, Some(OsStr::new("")), None).on, "NO_COLOR empty is unset");
        assert!(!ColorArg::Auto.paint(true, None, Some(OsStr::new("dumb"))).on, "TERM=dumb");
        assert!(ColorArg::Always.paint(false, set, None).on);
        assert!(!ColorArg::Never.paint(true, None, None).on);
    }
}
