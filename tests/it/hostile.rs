//! Hostile input and faults: each case runs the binary and checks the exit
//! status and the message. Inputs are in `tests/hostile/` or made here.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn stance(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stance")).args(args).output().expect("binary runs")
}

fn stance_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child =
        Command::new(env!("CARGO_BIN_EXE_stance")).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("binary ends");
    let _ = writer.join();
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn hostile(name: &str) -> String {
    format!("tests/hostile/{name}")
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stance-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("dirs");
    std::fs::write(path, text).expect("write");
}

const ARTICLE: &str = "Talks in Doha\n\nThe Egyptian foreign minister said on Monday that talks would resume next week.\n";

#[test]
fn symbols_glued_to_words_are_read_without_panic() {
    let o = stance(&["extract", &hostile("symbols.txt"), "--format", "jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"doc\":\"symbols.txt\""), "{}", stdout(&o));
}

#[test]
fn a_device_is_refused_not_read() {
    let o = stance(&["docs", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/dev/zero: a device"), "{}", stderr(&o));
}

#[test]
fn a_named_pipe_is_refused_not_waited_on() {
    let dir = scratch("fifo");
    let fifo = dir.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo here: nothing to test
    }
    let o = stance(&["docs", fifo.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("named pipe"), "{}", stderr(&o));
}

#[test]
fn standard_input_is_capped() {
    let big = "word ".repeat(2000);
    let o = stance_stdin(&["docs", "-", "--max-doc-bytes", "1000"], big.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("-: document is larger than the limit of 1000 bytes"), "{}", stderr(&o));
}

#[test]
fn standard_input_of_records_is_read_record_by_record() {
    let input = "{\"id\":\"a\",\"text\":\"The minister said talks would resume.\"}\n{\"id\":\"b\",\"text\":\"Iran said it would respond.\"}\n";
    let o = stance_stdin(&["docs", "-", "--format", "json"], input.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"name\": \"a\"") && stdout(&o).contains("\"name\": \"b\""), "{}", stdout(&o));
}

#[test]
fn a_file_over_the_document_limit_is_refused() {
    let dir = scratch("big");
    let f = dir.join("big.txt");
    write(&f, &format!("Title\n\n{}", "The minister said talks would resume. ".repeat(100)));
    let o = stance(&["docs", f.to_str().unwrap(), "--max-doc-bytes", "500"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("than the limit of 500 bytes; raise it with --max-doc-bytes"), "{}", stderr(&o));
}

#[test]
fn a_tree_nested_too_deep_loses_only_its_deep_part() {
    let dir = scratch("deep");
    write(&dir.join("top.txt"), ARTICLE);
    write(&dir.join("a/b/c/d/deep.txt"), ARTICLE);
    let o = stance(&["docs", dir.to_str().unwrap(), "--max-depth", "2", "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nested more than 2 directories deep"), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"name\": \"top.txt\""), "{}", stdout(&o));
}

#[test]
fn a_link_loop_is_one_message_and_the_rest_is_read() {
    let dir = scratch("loop");
    write(&dir.join("doc.txt"), ARTICLE);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    if std::os::unix::fs::symlink(&dir, dir.join("sub/back")).is_err() {
        return;
    }
    let o = stance(&["docs", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("loops back"), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"name\": \"doc.txt\""), "{}", stdout(&o));
}

#[test]
fn a_dangling_link_is_one_message_and_the_rest_is_read() {
    let dir = scratch("dangling");
    write(&dir.join("doc.txt"), ARTICLE);
    if std::os::unix::fs::symlink(dir.join("nowhere.txt"), dir.join("gone.txt")).is_err() {
        return;
    }
    let o = stance(&["docs", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("gone.txt"), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"name\": \"doc.txt\""), "{}", stdout(&o));
}

#[test]
fn too_many_threads_is_a_usage_error() {
    let o = stance(&["extract", "corpus/seeds", "--threads", "100000"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--threads 100000: give 1 to"), "{}", stderr(&o));
}

#[test]
fn regexes_too_large_together_are_a_diagnostic() {
    let dir = scratch("regexset");
    let mut rules = String::new();
    for i in 0..40 {
        rules.push_str(&format!("[[rule]]\nid = \"big.r{i}\"\nlabel = \"restraint\"\nregex = [\"(\\\\w{{1,80}}\\\\s){{1,40}}calm{i}\"]\n\n"));
    }
    write(&dir.join("big.toml"), &rules);
    let o = stance(&["rules", "lint", "--rules", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}{}", stdout(&o), stderr(&o));
    let all = stdout(&o) + &stderr(&o);
    assert!(all.contains("too large") || all.contains("bad regex"), "{all}");
}

#[test]
fn deeply_nested_brackets_are_a_located_error() {
    let dir = scratch("nested");
    let pattern = format!("{}calm{}", "(a | ".repeat(30), ")".repeat(30));
    write(&dir.join("deep.toml"), &format!("[[rule]]\nid = \"deep.one\"\nlabel = \"restraint\"\npatterns = [\"{pattern}\"]\n"));
    let o = stance(&["rules", "lint", "--rules", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("deep.toml:4:") && stdout(&o).contains("nest more than"), "{}", stdout(&o));
    let huge = format!("{}calm{}", "(".repeat(12_000), ")".repeat(12_000));
    write(&dir.join("deep.toml"), &format!("[[rule]]\nid = \"deep.one\"\nlabel = \"restraint\"\npatterns = [\"{huge}\"]\n"));
    let o = stance(&["rules", "lint", "--rules", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn a_failed_flush_is_exit_2() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else { return };
    let o = Command::new(env!("CARGO_BIN_EXE_stance")).args(["check", "tests/fixtures/claims/false.toml", "corpus/seeds"]).stdout(full).output().expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot write output"), "{}", stderr(&o));
}

#[test]
fn a_closed_pipe_keeps_a_failed_check_failing() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stance"))
        .args(["check", "tests/fixtures/claims/false.toml", "corpus/seeds"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    // Read one byte, then hang up, as `| head -c 1` does.
    let mut out = child.stdout.take().expect("stdout");
    let mut one = [0u8; 1];
    let _ = std::io::Read::read(&mut out, &mut one);
    drop(out);
    let status = child.wait().expect("ends");
    assert_eq!(status.code(), Some(1));
}

#[test]
fn a_report_is_not_read_back_as_a_source() {
    let dir = scratch("report");
    write(&dir.join("a.txt"), ARTICLE);
    let report = dir.join("report.md");
    let args = ["compare", dir.to_str().unwrap(), "--format", "md", "--out", report.to_str().unwrap()];
    assert_eq!(stance(&args).status.code(), Some(0));
    let first = std::fs::read_to_string(&report).unwrap();
    assert_eq!(stance(&args).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&report).unwrap(), first);
    assert!(!first.contains("report.md"), "{first}");
}

#[test]
fn a_failed_report_write_leaves_the_previous_report() {
    let dir = scratch("atomic");
    write(&dir.join("a.txt"), ARTICLE);
    let report = dir.join("missing-dir/report.md");
    let o = stance(&["compare", dir.to_str().unwrap(), "--format", "md", "--out", report.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot write"), "{}", stderr(&o));
    assert!(!report.exists());
}

#[test]
fn lone_cr_and_unicode_line_ends_keep_title_and_body_apart() {
    for f in ["lone-cr.txt", "separators.txt"] {
        let o = stance(&["docs", &hostile(f), "--format", "json"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v[0]["title"], "Border talks resume", "{f}");
        assert!(v[0]["body_bytes"].as_u64().unwrap() > 50, "{f}: {v}");
    }
}

#[test]
fn same_names_in_different_folders_stay_apart() {
    let dir = scratch("names");
    write(&dir.join("bbc/2024-04-17.txt"), ARTICLE);
    write(&dir.join("cnn/2024-04-17.txt"), ARTICLE);
    let o = stance(&["extract", dir.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("\"doc\":\"bbc/2024-04-17.txt\"") && out.contains("\"doc\":\"cnn/2024-04-17.txt\""), "{out}");
    let o = stance(&["compare", dir.to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let names: Vec<&str> = v["sources"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["bbc/2024-04-17.txt", "cnn/2024-04-17.txt"]);
}

#[test]
fn explaining_a_missing_file_says_so() {
    let o = stance(&["explain", "missing.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.txt: no such file"), "{}", stderr(&o));
}

#[test]
fn utf16_is_named_as_such() {
    let o = stance(&["docs", &hostile("utf16.txt")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("UTF-16LE text") && stderr(&o).contains("iconv"), "{}", stderr(&o));
}

#[test]
fn a_byte_order_mark_does_not_break_the_first_record() {
    let o = stance(&["docs", &hostile("bom.jsonl"), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"name\": \"r1\""), "{}", stdout(&o));
}

#[test]
fn thresholds_must_be_between_0_and_1() {
    for bad in ["nan", "inf", "0", "-1", "1.5"] {
        let dir = scratch(&format!("threshold{bad}"));
        write(&dir.join("labels.toml"), &format!("[[label]]\nname = \"mediation\"\ndescription = \"x\"\nthreshold = {bad}\n"));
        let o = stance(&["rules", "lint", "--rules", dir.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "threshold {bad}: {}", stdout(&o));
        assert!(stdout(&o).contains("labels.toml:4:13: threshold"), "threshold {bad}: {}", stdout(&o));
    }
}

#[test]
fn a_rules_directory_without_data_files_is_an_error() {
    let dir = scratch("norules");
    write(&dir.join("notes.txt"), "nothing here");
    let o = stance(&["rules", "lint", "--rules", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no data files here") || stdout(&o).contains("no data files here"), "{}", stderr(&o));
}

#[test]
fn claims_about_unknown_actors_or_nothing_are_errors() {
    let dir = scratch("claims");
    write(&dir.join("typo.toml"), "[[holds]]\nactor = \"Irann\"\nlabel = \"deterrence\"\nin = \"none\"\n");
    let o = stance(&["check", dir.join("typo.toml").to_str().unwrap(), "corpus/seeds"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("typo.toml:2:9: unknown actor \"Irann\"; did you mean \"Iran\"?"), "{}", stderr(&o));
    write(&dir.join("blank.toml"), "[[holds]]\nactor = \"\"\nlabel = \"deterrence\"\n\n[[movement]]\nactor = \"--\"\nis = \"consistent\"\n");
    let o = stance(&["check", dir.join("blank.toml").to_str().unwrap(), "corpus/seeds"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("blank.toml:2:9: unknown actor \"\"") && stderr(&o).contains("blank.toml:6:9"), "{}", stderr(&o));
    write(&dir.join("empty.toml"), "# nothing to check\n");
    let o = stance(&["check", dir.join("empty.toml").to_str().unwrap(), "corpus/seeds"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no expectations"), "{}", stderr(&o));
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let dir = scratch("threads");
    for i in 0..40 {
        write(
            &dir.join(format!("d{i:02}.txt")),
            &format!("Note {i}\n\nIran said on Monday it would retaliate {i}. \"We will not wait,\" the minister said.\n"),
        );
    }
    let d = dir.to_str().unwrap();
    for cmd in [vec!["extract", d, "--format", "jsonl"], vec!["compare", d, "--format", "json"], vec!["extract", "corpus/seeds", "--format", "jsonl"]] {
        let runs: Vec<Vec<u8>> = ["1", "2", "8"]
            .iter()
            .map(|n| {
                let mut args = cmd.clone();
                args.extend(["--threads", n]);
                stance(&args).stdout
            })
            .collect();
        assert!(!runs[0].is_empty());
        assert!(runs.iter().all(|r| r == &runs[0]), "{cmd:?} differs with the thread count");
    }
}

#[test]
fn stdin_json_lines_with_a_first_record_longer_than_a_buffer_are_records() {
    let long = "Kenya said it would respond to any attack. ".repeat(500);
    let input =
        format!("{}\n{}\n", serde_json::json!({"id": "long", "text": long}), serde_json::json!({"id": "short", "text": "Oman said it was ready to mediate."}));
    let out = stance_stdin(&["extract", "-", "--format", "jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let docs: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains("\"record\":\"document\""))
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(docs, ["long", "short"]);
}

#[test]
fn char_span_slices_the_text_by_characters() {
    let text = "Título\n\nNicolás Peña, the Chilean envoy, said “we will respond” to any attack on the ships.\n";
    let out = stance_stdin(&["extract", "-", "--format", "jsonl"], text.as_bytes());
    let chars: Vec<char> = text.chars().collect();
    let mut seen = 0;
    for line in String::from_utf8_lossy(&out.stdout).lines().filter(|l| l.contains("\"span\"")) {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        let [a, b] = [r["char_span"][0].as_u64().unwrap() as usize, r["char_span"][1].as_u64().unwrap() as usize];
        let [x, y] = [r["span"][0].as_u64().unwrap() as usize, r["span"][1].as_u64().unwrap() as usize];
        assert_eq!(chars[a..b].iter().collect::<String>(), text[x..y], "{line}");
        assert!(a < x, "{line}");
        seen += 1;
    }
    assert!(seen > 0, "{}", String::from_utf8_lossy(&out.stdout));
}
