//! The `stance` binary: parses arguments, runs the command, exits with its code.

mod cli;

use clap::Parser;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// mimalloc: the pipeline makes many small, short-lived allocations per
/// document (tokens, mentions, matches, records); the system allocator spent
/// about a tenth of `extract`'s instructions on them.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_arena_eager_commit` (the fifth option of
/// `mi_option_e` in its v2 `mimalloc.h`; the Rust bindings do not name it).
#[cfg(target_os = "linux")]
const ARENA_EAGER_COMMIT: std::ffi::c_int = 4;

/// Has the allocator commit its arenas page by page, as they are used,
/// instead of whole at once, so that memory a run frees goes back to the
/// system: peak memory stays what the system allocator gives (the 1 GB runs
/// must stay under 200 MB), at no measurable cost in speed. It must run
/// before the first allocation reserves an arena, so it is a constructor of
/// the executable, run before `main` and before Rust's own start-up.
#[cfg(target_os = "linux")]
extern "C" fn commit_memory_lazily() {
    // SAFETY: `mi_option_set` only stores an option value, which mimalloc
    // reads when it reserves an arena; nothing else runs yet.
    unsafe { libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0) };
}

#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static COMMIT_MEMORY_LAZILY: extern "C" fn() = commit_memory_lazily;

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
