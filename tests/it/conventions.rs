//! Conventions shared by the commands: `--out` wherever a command writes,
//! `--format json` everywhere (`eval --json` kept as an alias).

use std::process::Command;

fn stance(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_stance")).args(args).output().expect("runs")
}

#[test]
fn extract_and_check_write_to_out_files() {
    let dir = std::env::temp_dir().join(format!("stance-out-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let records = dir.join("records.jsonl");
    let o = stance(&["extract", "corpus/seeds", "--out", records.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
    let piped = stance(&["extract", "corpus/seeds", "--format", "jsonl"]);
    assert_eq!(std::fs::read(&records).unwrap(), piped.stdout, "--out writes what stdout would");
    let junit = dir.join("check.xml");
    let o = stance(&["check", "claims/seeds.toml", "corpus/seeds", "--format", "junit", "--out", junit.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(std::fs::read_to_string(&junit).unwrap().starts_with("<?xml"));
    for args in [&["docs", "corpus/seeds", "--format", "json"][..], &["eval", "--gold", "../shared/eval/seeds.gold.toml", "corpus/seeds"][..]] {
        let file = dir.join("out.txt");
        let mut with_out = args.to_vec();
        with_out.extend(["--out", file.to_str().unwrap()]);
        let o = stance(&with_out);
        if args[0] == "eval" && !std::path::Path::new("../shared/eval/seeds.gold.toml").exists() {
            continue;
        }
        assert!(o.stdout.is_empty(), "{args:?}");
        assert_eq!(std::fs::read(&file).unwrap(), stance(args).stdout, "{args:?}: --out writes what stdout would");
    }
    // An unwritable place: exit 2, a message, nothing half-written.
    let o = stance(&["extract", "corpus/seeds", "--out", dir.join("missing/records.jsonl").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot write"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn eval_takes_format_json_like_the_other_commands() {
    let a = stance(&["eval", "--gold", "tests/fixtures/eval/seeds.gold.toml", "corpus/seeds", "--format", "json"]);
    let b = stance(&["eval", "--gold", "tests/fixtures/eval/seeds.gold.toml", "corpus/seeds", "--json"]);
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(a.stdout, b.stdout);
    assert!(serde_json::from_slice::<serde_json::Value>(&a.stdout).is_ok());
}

#[test]
fn every_report_command_takes_format_json() {
    for args in [
        &["compare", "corpus/seeds", "--format", "json"][..],
        &["extract", "corpus/seeds", "--format", "json"][..],
        &["check", "claims/seeds.toml", "corpus/seeds", "--format", "json"][..],
        &["docs", "corpus/seeds", "--format", "json"][..],
        &["rules", "list", "--format", "json"][..],
    ] {
        let o = stance(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(serde_json::from_slice::<serde_json::Value>(&o.stdout).is_ok(), "{args:?} is not JSON");
    }
    let rules: serde_json::Value = serde_json::from_slice(&stance(&["rules", "list", "--format", "json"]).stdout).unwrap();
    assert!(rules["rules"].as_array().unwrap().len() > 100 && rules["version"].as_str().unwrap().ends_with("built-in"));
}

#[test]
fn completions_and_man_page() {
    let bash = stance(&["completions", "bash"]);
    assert_eq!(bash.status.code(), Some(0));
    let text = String::from_utf8_lossy(&bash.stdout);
    assert!(text.contains("_stance()") && text.contains("compare") && text.contains("--records"), "{text}");
    let zsh = stance(&["completions", "zsh"]);
    assert!(String::from_utf8_lossy(&zsh.stdout).starts_with("#compdef stance"));
    let man = stance(&["man"]);
    assert_eq!(man.status.code(), Some(0));
    let text = String::from_utf8_lossy(&man.stdout);
    assert!(text.contains(".TH stance 1") && text.contains("extract"), "{text}");
    assert_eq!(stance(&["completions", "nosh"]).status.code(), Some(2));
}

#[test]
fn absent_means_no_source_supports_the_claim() {
    let claims = std::env::temp_dir().join(format!("stance-absent-{}.toml", std::process::id()));
    // One seed supports the interception figures, the other does not mention them.
    std::fs::write(&claims, "[[claim]]\nname = \"figures nowhere\"\ntext = \"Israel intercepted 99% of about 300 projectiles\"\nexpect = \"absent\"\n")
        .unwrap();
    let out = stance(&["check", claims.to_str().unwrap(), "corpus/seeds"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stdout));
    std::fs::write(&claims, "[[claim]]\nname = \"unknown weapon\"\ntext = \"Iran fired 40 hypersonic gliders at Cyprus\"\nexpect = \"absent\"\n").unwrap();
    let out = stance(&["check", claims.to_str().unwrap(), "corpus/seeds"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let _ = std::fs::remove_file(&claims);
}

#[test]
fn dumped_data_files_give_the_same_report_and_a_replacing_actor_file_replaces() {
    let dir = std::env::temp_dir().join(format!("stance-dump-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let d = dir.to_str().unwrap();
    let o = stance(&["rules", "dump", d]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(dir.join("lexicon/numbers.toml").is_file() && dir.join("actors.toml").is_file());
    // The dumped copy is the built-in data: the same report.
    let with_copy = stance(&["--rules", d, "compare", "corpus/seeds", "--format", "md"]);
    let builtin = stance(&["compare", "corpus/seeds", "--format", "md"]);
    assert_eq!(with_copy.stdout, builtin.stdout);
    // Its actors.toml replaces the built-in one: an actor renamed in it is
    // no longer known, and the messages name the copy.
    let actors = std::fs::read_to_string(dir.join("actors.toml")).unwrap();
    assert!(actors.contains("\nreplace = true\n"));
    std::fs::write(dir.join("actors.toml"), actors.replace("name = \"Hamas\"", "name = \"Hamas movement\"")).unwrap();
    let renamed = stance(&["--rules", d, "rules", "lint"]);
    let text = String::from_utf8_lossy(&renamed.stdout);
    assert_eq!(renamed.status.code(), Some(2));
    assert!(text.contains(&format!("{}:", dir.join("actors.toml").display())) && text.contains("unknown actor \"Hamas\""), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn colour_is_asked_for_or_off_and_never_in_piped_output() {
    let plain = stance(&["check", "claims/seeds.toml", "corpus/seeds"]);
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\x1b'));
    let coloured = stance(&["--color", "always", "check", "claims/seeds.toml", "corpus/seeds"]);
    let text = String::from_utf8_lossy(&coloured.stdout);
    assert!(text.contains("\x1b[32mPASS\x1b[0m"), "{text}");
    // Colour does not change what the words are.
    let stripped = text.replace("\x1b[32m", "").replace("\x1b[1;31m", "").replace("\x1b[0m", "");
    assert_eq!(stripped, String::from_utf8_lossy(&plain.stdout));
    let table = stance(&["--color", "always", "compare", "corpus/seeds", "--width", "120"]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("\x1b[31mdeterrence\x1b[0m ×2 (E1)") && text.contains("\x1b[34mrestraint\x1b[0m"), "{text}");
    // Widths count the letters, not the escape codes: every table line is as wide as the plain one.
    let plain_table = stance(&["compare", "corpus/seeds", "--width", "120"]);
    let first = |s: &str| s.lines().next().unwrap().chars().count();
    assert_eq!(first(&text), first(&String::from_utf8_lossy(&plain_table.stdout)));
    let never = stance(&["--color", "never", "compare", "corpus/seeds"]);
    assert!(!String::from_utf8_lossy(&never.stdout).contains('\x1b'));
    let err = stance(&["--color", "always", "check", "tests/fixtures/claims/bad.toml", "corpus/seeds"]);
    assert!(String::from_utf8_lossy(&err.stderr).contains("\x1b[1;31merror:\x1b[0m"));
}
