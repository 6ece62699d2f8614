//! Ingestion through the binary: inputs that cannot be data files in the
//! repository (a 50 MB line, standard input) and the seed metadata.

use std::io::Write;
use std::process::{Command, Stdio};

fn stance() -> Command {
    Command::new(env!("CARGO_BIN_EXE_stance"))
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("stance-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn huge_single_line_is_refused_and_others_still_listed() {
    let dir = temp_dir("huge");
    let huge = dir.join("huge.txt");
    let mut f = std::fs::File::create(&huge).unwrap();
    let chunk = "word ".repeat(1 << 16);
    for _ in 0..160 {
        f.write_all(chunk.as_bytes()).unwrap();
    }
    drop(f);
    assert!(std::fs::metadata(&huge).unwrap().len() >= 50 << 20);
    std::fs::write(dir.join("ok.txt"), "Title\n\nThe minister said talks went well.\n").unwrap();
    let out = stance().args(["docs", "--format", "json"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("huge.txt: line 1 is 52428800 bytes long"), "{err}");
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 1);
    assert_eq!(docs[0]["name"], "ok.txt");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn standard_input_is_a_document() {
    let mut child = stance().args(["docs", "-", "--format", "json"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all("Talks end\n\n4 May 2022\n\nThe envoy said the talks had ended.\n".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(docs[0]["name"], "stdin");
    assert_eq!(docs[0]["date"], "2022-05-04");
}

#[test]
fn json_lines_on_standard_input() {
    let mut child = stance().args(["docs", "-", "--format", "json"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"Two.\"}\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 2);
}

#[test]
fn seeds_metadata_and_furniture() {
    let out = stance().args(["docs", "corpus/seeds", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let article = &docs[0];
    assert_eq!(article["kind"], "article");
    assert_eq!(article["date"], "2024-04-17");
    let text = std::fs::read_to_string("corpus/seeds/000_71636f7864169cab.txt").unwrap();
    let excluded: Vec<(usize, usize, String)> = article["excluded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize, e["reason"].as_str().unwrap().to_string()))
        .collect();
    let covered = |needle: &str| {
        let at = text.find(needle).unwrap();
        excluded.iter().any(|(s, e, _)| *s <= at && at + needle.len() <= *e)
    };
    assert!(excluded.iter().any(|e| e.2.contains("Read also")));
    assert!(excluded.iter().any(|e| e.2.contains("Latest news")));
    // Every headline of both lists, including those with quote marks, is outside the body.
    for headline in ["Uncertainty over Russian border guard", "White House: “No surprise”", "“autonomous navigation”", "\"Green\" financing", "All news"]
    {
        assert!(covered(headline), "{headline} should be excluded");
    }
    // The standfirst, the byline and the crosshead are headings; the article's prose is not.
    for heading in ["Raisi calls Russia & Qatari leaders amid tension", "Fuad Muxtar-Agbabali", "The rhetoric of deterrence"] {
        assert!(excluded.iter().any(|(s, e, r)| r == "heading" && text[*s..*e] == *heading), "{heading} should be a heading");
    }
    assert!(!covered("President Raisi's stern warning underscores"));
    assert!(!covered("However, the risk of escalation remains"));
    let transcript = &docs[1];
    assert_eq!(transcript["kind"], "transcript");
    assert_eq!(transcript["date"], "2024-08-13");
    assert_eq!(transcript["title"], "Iran rejects calls to stand down retaliation | DW News");
}

#[test]
fn a_thousand_unbalanced_quote_marks_finish_without_error() {
    let dir = temp_dir("quotes");
    let mut text = String::from("Quotes everywhere\n\n3 May 2023\n\n");
    for i in 0..1000 {
        let mark = ["“", "\"", "‘", "«", "”"][i % 5];
        text.push_str(&format!("The minister said {mark}item {i} would follow. "));
        if i % 50 == 49 {
            text.push_str("\n\n");
        }
    }
    let path = dir.join("quotes.txt");
    std::fs::write(&path, text).unwrap();
    let out = stance().args(["extract", "--format", "jsonl"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let records = String::from_utf8(out.stdout).unwrap();
    assert!(records.lines().count() >= 500, "statements are still found between the stray marks");
    let _ = std::fs::remove_dir_all(&dir);
}
