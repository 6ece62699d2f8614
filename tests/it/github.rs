//! `check --format github` as GitHub Actions reads it: annotations at the
//! real file and line (a JSON Lines record's own line), a cap on evidence
//! annotations, notices only with -v, a summary line and the step summary.

use std::process::Command;

#[test]
fn annotations_point_at_records_are_capped_and_summarised() {
    let dir = std::env::temp_dir().join(format!("stance-github-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = dir.join("corpus.jsonl");
    let mut lines = vec![serde_json::json!({"id": "calm", "text": "The ferries ran on time."}).to_string()];
    for i in 0..4 {
        lines.push(
            serde_json::json!({"id": format!("d{i}"), "text": format!("Note {i}\n\nKenya urged both sides to show restraint at the border.")}).to_string(),
        );
    }
    std::fs::write(&corpus, lines.join("\n") + "\n").unwrap();
    let claims = dir.join("claims.toml");
    std::fs::write(
        &claims,
        "[[holds]]\nactor = \"Kenya\"\nlabel = \"restraint\"\nin = \"none\"\n\n[[holds]]\nactor = \"Kenya\"\nlabel = \"restraint\"\nin = [\"d0\"]\n",
    )
    .unwrap();
    let summary = dir.join("summary.md");
    let run = |extra: &[&str]| {
        let mut args = vec!["check", claims.to_str().unwrap(), corpus.to_str().unwrap(), "--format", "github", "--max-annotations", "2"];
        args.extend_from_slice(extra);
        Command::new(env!("CARGO_BIN_EXE_stance")).args(&args).env("GITHUB_STEP_SUMMARY", &summary).output().unwrap()
    };
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let warnings: Vec<&str> = text.lines().filter(|l| l.starts_with("::warning")).collect();
    assert_eq!(warnings.len(), 2, "{text}");
    // d0 is the second record of the file: line 2 of corpus.jsonl.
    assert!(warnings[0].contains(&format!("file={},line=2,", corpus.display())), "{text}");
    assert!(text.contains("2 more pieces of evidence not annotated"), "{text}");
    assert!(!text.contains("::notice"), "{text}");
    assert!(text.ends_with("2 expectations, 1 passed, 1 failed\n"), "{text}");
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(md.contains("### stance check") && md.contains("| ❌ |") && md.contains("| ✅ |"), "{md}");
    // -v adds notices for what holds.
    let verbose = run(&["-v"]);
    assert!(String::from_utf8_lossy(&verbose.stdout).contains("::notice"), "{}", String::from_utf8_lossy(&verbose.stdout));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_claims_file_is_an_error_annotation_and_a_failed_junit_case() {
    let dir = std::env::temp_dir().join(format!("stance-github-bad-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let claims = dir.join("claims.toml");
    std::fs::write(&claims, "[[holds]]\nactor = \"Irann\"\nlabel = \"deterrence\"\n").unwrap();
    let run = |format: &str| {
        Command::new(env!("CARGO_BIN_EXE_stance")).args(["check", claims.to_str().unwrap(), "corpus/seeds", "--format", format]).output().unwrap()
    };
    let gh = run("github");
    assert_eq!(gh.status.code(), Some(2));
    let text = String::from_utf8_lossy(&gh.stdout);
    assert!(text.starts_with(&format!("::error file={},line=2,col=9,", claims.display())) && text.contains("did you mean"), "{text}");
    let junit = run("junit");
    assert_eq!(junit.status.code(), Some(2));
    let xml = String::from_utf8_lossy(&junit.stdout);
    assert!(xml.starts_with("<?xml") && xml.contains("failures=\"1\"") && xml.contains("unknown actor"), "{xml}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn junit_file_is_written_beside_the_text_output() {
    let dir = std::env::temp_dir().join(format!("stance-junit-file-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let xml = dir.join("report.xml");
    let run =
        |claims: &str| Command::new(env!("CARGO_BIN_EXE_stance")).args(["check", claims, "corpus/seeds", "--junit", xml.to_str().unwrap()]).output().unwrap();
    // Failing expectations: the text on stdout, the XML in the file, exit 1.
    let o = run("tests/fixtures/claims/false.toml");
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("FAIL holds") && !text.contains("<?xml"), "{text}");
    let report = std::fs::read_to_string(&xml).unwrap();
    assert!(report.starts_with("<?xml") && report.contains("tests=\"2\" failures=\"2\""), "{report}");
    // A bad claims file: a failed case naming the problem, exit 2.
    let o = run("tests/fixtures/claims/bad.toml");
    assert_eq!(o.status.code(), Some(2));
    let report = std::fs::read_to_string(&xml).unwrap();
    assert!(report.contains("failures=\"1\"") && report.contains("bad.toml:"), "{report}");
    let _ = std::fs::remove_dir_all(&dir);
}
