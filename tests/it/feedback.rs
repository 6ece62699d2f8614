//! Feedback on standard error: the progress line (forced on), `--stats`
//! and the warnings of `-v` for documents that yield nothing.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_stance")).args(args).output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn dir_with_a_silent_document(test: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("stance-feedback-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("quiet.txt"), "Harbour notes\n\nThe tide came in late and the ferries waited.\n").unwrap();
    std::fs::write(d.join("loud.txt"), "Harbour talks\n\nThe Kenyan navy said it would respond to any incursion.\n").unwrap();
    std::fs::write(d.join("header-only.txt"), "# source: https://wire.example/story/9\n# title: Nothing yet\n").unwrap();
    d
}

#[test]
fn stats_summarise_the_run_and_warn_about_silent_documents() {
    let d = dir_with_a_silent_document("stats");
    let (code, out, err) = run(&["extract", d.to_str().unwrap(), "--format", "jsonl", "--stats"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().filter(|l| l.contains("\"span\"")).count(), 1, "{out}");
    assert_eq!(out.lines().filter(|l| l.starts_with("{\"record\":\"document\"")).count(), 3, "{out}");
    assert!(err.contains("stats: 3 documents"), "{err}");
    assert!(err.contains("stats: 1 statements, 0 turns; by label: deterrence 1, restraint 0, de-escalation 0"), "{err}");
    assert!(err.contains("1 documents with an empty body, 1 with no statement"), "{err}");
    assert!(err.contains("quiet.txt: no statement found"), "{err}");
    assert!(err.contains("header-only.txt: empty body"), "{err}");
    assert!(err.lines().any(|l| l.starts_with("stats: ") && l.ends_with(" MB/s")), "{err}");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn verbose_warns_without_a_summary_and_quiet_runs_say_nothing() {
    let d = dir_with_a_silent_document("verbose");
    let (_, _, err) = run(&["compare", d.to_str().unwrap(), "-v"]);
    assert!(err.contains("quiet.txt: no statement found") && !err.contains("stats:"), "{err}");
    let (_, _, err) = run(&["compare", d.to_str().unwrap()]);
    assert!(err.is_empty(), "{err}");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn the_progress_line_can_be_forced_on() {
    let (code, _, err) = run(&["check", "claims/seeds.toml", "corpus/seeds", "--progress", "always"]);
    assert_eq!(code, 0, "{err}");
    let last = err.lines().rfind(|l| l.starts_with("stance: ")).unwrap_or_else(|| panic!("no progress line: {err}"));
    assert!(last.starts_with("stance: 2 documents, 0.0 MB, ") && last.contains(" MB/s, 100% of 0.0 MB"), "{last}");
    // Piped and not forced: nothing.
    let (_, _, err) = run(&["check", "claims/seeds.toml", "corpus/seeds"]);
    assert!(!err.contains("documents,"), "{err}");
}

#[test]
fn docs_notes_a_document_that_yields_no_statement() {
    let d = dir_with_a_silent_document("docs");
    let (code, out, _) = run(&["docs", d.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let notes = |name: &str| v.as_array().unwrap().iter().find(|x| x["name"] == name).unwrap()["notes"].to_string();
    assert!(notes("quiet.txt").contains("no statement found"), "{out}");
    assert!(!notes("loud.txt").contains("no statement found"), "{out}");
    assert!(notes("header-only.txt").contains("empty body"), "{out}");
    let _ = std::fs::remove_dir_all(&d);
}
