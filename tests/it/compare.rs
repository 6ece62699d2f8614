//! The comparison report: the committed report is current, the rendered
//! table is stable, and output does not depend on the thread count.

use std::process::Command;

fn stance(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_stance")).args(args).output().expect("runs")
}

#[test]
fn committed_seed_report_is_current() {
    let out = stance(&["compare", "corpus/seeds", "--format", "md"]);
    assert_eq!(out.status.code(), Some(0));
    let committed = std::fs::read_to_string("reports/seeds.md").expect("reports/seeds.md exists");
    assert!(
        committed == String::from_utf8_lossy(&out.stdout),
        "reports/seeds.md is stale; regenerate it with: cargo run --release -- compare corpus/seeds --format md --out reports/seeds.md"
    );
}

#[test]
fn seed_table_snapshot() {
    let out = stance(&["compare", "corpus/seeds", "--width", "120"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn narrow_tables_break_between_words_and_give_the_words_the_width() {
    let out = stance(&["compare", "corpus/seeds", "--width", "70"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let table: String = text.split("\n\nEvidence").next().unwrap().to_string();
    // Labels are never cut: every label word in a cell is whole.
    for line in table.lines() {
        for part in line.split('┆') {
            let part = part.trim_matches(|c: char| c == '│' || c.is_whitespace());
            for word in part.split_whitespace() {
                assert!(!["deterren", "escala", "restra"].iter().any(|cut| word.ends_with(cut)), "cut word {word:?} in\n{table}");
            }
        }
        assert!(line.chars().count() <= 70, "line wider than 70:\n{line}");
    }
    // Long document names are shortened in the heads, whole in the evidence list.
    assert!(table.contains("000_…cab.txt") && !table.contains("000_71636f7864169cab.txt"), "{table}");
    assert!(text.contains("· 000_71636f7864169cab.txt 1498..1641 ·"));
    insta::assert_snapshot!(table);

    let out = stance(&["extract", "corpus/seeds", "--format", "table", "--width", "100"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let head = text.lines().nth(1).unwrap();
    let statement = head.split('┆').next_back().unwrap().trim_end_matches('│').chars().count();
    assert!(statement >= 40, "statement column {statement} wide:\n{text}");
}

#[test]
fn many_sources_are_shown_one_block_per_actor() {
    let dir = std::env::temp_dir().join(format!("stance-many-sources-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for i in 1..=13 {
        let body = if i % 2 == 0 { "Iran said it would respond firmly to any attack." } else { "Iran called on all sides to exercise restraint." };
        std::fs::write(dir.join(format!("report_{i:02}.txt")), format!("Report {i}\n\n{i} May 2024\n\n{body}\n")).unwrap();
    }
    let out = stance(&["compare", dir.to_str().unwrap(), "--width", "80"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("13 sources") && err.contains("--by source"), "{err}");
    assert!(text.starts_with("Iran — shifted and back (restraint → deterrence → restraint)"), "{text}");
    assert_eq!(text.matches("report_").count() - text.matches("· report_").count(), 13, "{text}");
    assert!(text.lines().filter(|l| l.starts_with(['┌', '│', '╞', '└'])).all(|l| l.chars().count() <= 80), "{text}");
    let md = stance(&["compare", dir.to_str().unwrap(), "--format", "md"]);
    assert!(String::from_utf8_lossy(&md.stdout).lines().any(|l| l.starts_with("| actor |") && l.matches(" | ").count() == 14));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    for args in [
        vec!["extract", "corpus/seeds", "tests/fixtures/docs", "--format", "jsonl"],
        vec!["compare", "corpus/seeds", "tests/fixtures/docs", "--format", "json"],
    ] {
        let mut one = args.clone();
        one.extend(["--threads", "1"]);
        let mut four = args.clone();
        four.extend(["--threads", "4"]);
        let a = stance(&one);
        let b = stance(&four);
        assert!(!a.stdout.is_empty());
        assert_eq!(a.stdout, b.stdout, "{args:?}");
    }
}

#[test]
fn seed_positions_are_backed_by_evidence() {
    let out = stance(&["compare", "corpus/seeds", "--format", "json"]);
    let t: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = t["rows"].as_array().unwrap();
    let holds = |actor: &str, col: usize| -> Vec<String> {
        let r = rows.iter().find(|r| r["actor"] == actor).unwrap_or_else(|| panic!("row {actor}"));
        r["cells"][col]["labels"].as_array().unwrap().iter().map(|l| l["label"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(holds("Iran", 0), ["deterrence", "de-escalation"]);
    assert_eq!(holds("Iran", 1), ["deterrence", "de-escalation"]);
    assert_eq!(holds("Israel", 0), ["deterrence"]);
    assert_eq!(holds("Russia", 0), ["restraint"]);
    assert_eq!(holds("United States", 1), ["deterrence"]);
    for a in ["France", "Germany", "United Kingdom"] {
        assert_eq!(holds(a, 1), ["restraint"]);
    }
    assert_eq!(holds("Hamas", 1), ["de-escalation"]);
    // Every cell's evidence exists and speaks for that actor.
    let evidence = t["evidence"].as_array().unwrap();
    for r in rows {
        for c in r["cells"].as_array().unwrap() {
            for l in c["labels"].as_array().unwrap() {
                let e = &evidence[l["evidence"].as_u64().unwrap() as usize - 1];
                assert!(e["actors"].as_array().unwrap().contains(&r["actor"]), "{e}");
                assert!(e["labels"].as_array().unwrap().contains(&l["label"]));
            }
        }
    }
}

#[test]
fn the_table_from_records_is_the_table_from_documents() {
    let records = stance(&["extract", "corpus/seeds", "--format", "jsonl"]);
    assert_eq!(records.status.code(), Some(0));
    let path = std::env::temp_dir().join(format!("stance-records-{}.jsonl", std::process::id()));
    std::fs::write(&path, &records.stdout).unwrap();
    let p = path.to_str().unwrap();
    let from_records = stance(&["compare", "--records", p, "--format", "md"]);
    assert_eq!(from_records.status.code(), Some(0), "{}", String::from_utf8_lossy(&from_records.stderr));
    let committed = std::fs::read_to_string("reports/seeds.md").unwrap();
    assert!(committed == String::from_utf8_lossy(&from_records.stdout), "compare --records differs from reports/seeds.md");
    // Records in any order (partitions of a cluster job) give the same table.
    let mut lines: Vec<&str> = std::str::from_utf8(&records.stdout).unwrap().lines().collect();
    lines.reverse();
    std::fs::write(&path, lines.join("\n")).unwrap();
    for format in ["json", "csv"] {
        let a = stance(&["compare", "--records", p, "--format", format]);
        let b = stance(&["compare", "corpus/seeds", "--format", format]);
        assert_eq!(a.stdout, b.stdout, "{format}");
    }
    // check on records: positions and movement work; claims about the text are refused by name.
    let checked = stance(&["check", "claims/seeds.toml", "--records", p]);
    assert_eq!(checked.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&checked.stderr).contains("is about what the documents say"), "{}", String::from_utf8_lossy(&checked.stderr));
    let claims = std::env::temp_dir().join(format!("stance-records-claims-{}.toml", std::process::id()));
    std::fs::write(&claims, "[[holds]]\nactor = \"Iran\"\nlabel = \"deterrence\"\nin = \"every\"\n\n[[movement]]\nactor = \"Iran\"\nis = \"mixed\"\n").unwrap();
    let checked = stance(&["check", claims.to_str().unwrap(), "--records", p]);
    assert_eq!(checked.status.code(), Some(0), "{}{}", String::from_utf8_lossy(&checked.stdout), String::from_utf8_lossy(&checked.stderr));
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_file(&claims);
}
