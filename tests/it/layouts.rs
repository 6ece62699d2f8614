//! Documents as people have them (tests/fixtures/layouts): what `docs`
//! reads from each layout, and what `extract` makes of them. The JSON of
//! `docs` is also pinned whole by the trycmd case `docs_layouts_json`.

fn stance() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_stance"))
}
use serde_json::Value;

fn docs() -> Vec<Value> {
    let out = stance().args(["docs", "tests/fixtures/layouts", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().clone()
}

fn doc<'a>(all: &'a [Value], name: &str) -> &'a Value {
    all.iter().find(|d| d["name"] == name).unwrap_or_else(|| panic!("no document {name}"))
}

fn records(path: &str) -> Vec<Value> {
    let out = stance().args(["extract", path, "--format", "jsonl"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    // Statement records only: the document record before them is not one.
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str::<Value>(l).unwrap()).filter(|r| r.get("span").is_some()).collect()
}

#[test]
fn header_styles_give_metadata_and_leave_the_body() {
    let all = docs();
    let d = doc(&all, "yaml_front_matter.md");
    assert_eq!((d["title"].as_str(), d["date"].as_str()), (Some("Harbour talks resume after a week of silence"), Some("2024-02-11")));
    assert_eq!((d["source"].as_str(), d["author"].as_str()), (Some("Coastal Ledger"), Some("Mira Osei")));
    assert_eq!(d["url"], "https://ledger.example/harbour-talks");
    let d = doc(&all, "yaml_front_matter_transcript.md");
    assert_eq!((d["kind"].as_str(), d["kind_reason"].as_str()), (Some("transcript"), Some("given")));
    let d = doc(&all, "hash_header_lines.txt");
    assert_eq!((d["source"].as_str(), d["date"].as_str()), (Some("example-news.org"), Some("2024-02-11")));
    assert_eq!(d["title"], "Harbour talks resume after a week of silence");
    let d = doc(&all, "key_value_header.txt");
    assert_eq!((d["title"].as_str(), d["source"].as_str(), d["author"].as_str()), (Some("Harbour talks resume"), Some("Example Wire"), Some("Jo Bloggs")));
    let d = doc(&all, "header_only.txt");
    assert_eq!(d["body_bytes"], 0);
    assert!(d["notes"].as_array().unwrap().iter().any(|n| n.as_str().unwrap().starts_with("empty body")));
}

#[test]
fn a_first_line_is_a_title_only_when_it_looks_like_one() {
    let all = docs();
    for (name, title) in [
        ("title_then_blank.txt", "Harbour talks resume"),
        ("title_after_chrome.txt", "Harbour talks resume after a week of silence"),
        ("title_after_date_line.txt", "Harbour talks resume after a week of silence"),
        ("title_question.txt", "Will the harbour strike end this week?"),
        ("title_with_quotes.txt", "‘Nothing lost’: port authority upbeat as harbour talks resume"),
        ("with-title", "Harbour talks resume"),
        ("section_over_headline.txt", "Statement on the resumption of harbour talks"),
    ] {
        assert_eq!(doc(&all, name)["title"], title, "{name}");
    }
    for name in ["one_paragraph.txt", "first_line_sentence.txt", "hash_header_then_prose.txt", "no-title", "unclosed_front_matter.txt", "caption_over_body.txt"]
    {
        assert_eq!(doc(&all, name)["title"], Value::Null, "{name}");
        assert!(doc(&all, name)["body_bytes"].as_u64().unwrap() > 60, "{name} keeps its text");
    }
    assert_eq!(doc(&all, "title_after_date_line.txt")["date"], "2024-03-03");
}

#[test]
fn transcripts_are_told_by_layout_and_say_why() {
    let all = docs();
    for (name, why) in [
        ("labels_inline.txt", "speaker labels"),
        ("labels_own_line_times.txt", "speaker labels"),
        ("labels_interpreter.txt", "speaker labels"),
        ("qa_briefing.txt", "speaker labels"),
        ("double_chevron.txt", "speaker labels"),
        ("timed_lines.txt", "timed lines"),
        ("bracketed_times.txt", "timed lines"),
        ("marked_transcript.txt", "marked as a transcript"),
        ("unpunctuated_captions.txt", "no sentence punctuation"),
    ] {
        let d = doc(&all, name);
        assert_eq!(d["kind"], "transcript", "{name}");
        assert!(d["kind_reason"].as_str().unwrap().starts_with(why), "{name}: {}", d["kind_reason"]);
    }
    for name in ["dateline_not_label.txt", "furniture_lines_not_labels.txt", "update_and_note_lines.txt", "crossheads_and_captions.txt"] {
        assert_eq!(doc(&all, name)["kind"], "article", "{name}");
    }
}

#[test]
fn furniture_lines_and_headings_are_left_out() {
    let all = docs();
    let reasons =
        |name: &str| -> Vec<String> { doc(&all, name)["excluded"].as_array().unwrap().iter().map(|e| e["reason"].as_str().unwrap().to_string()).collect() };
    assert_eq!(reasons("furniture_lines_not_labels.txt"), ["page chrome", "page chrome", "page chrome", "share bar"]);
    assert_eq!(reasons("page_chrome.txt"), ["page chrome", "page chrome", "page chrome"]);
    assert_eq!(reasons("crossheads_and_captions.txt"), ["heading", "heading"]);
}

#[test]
fn turns_name_their_speakers() {
    let turns = |path: &str| -> Vec<String> {
        records(path).iter().filter(|r| r["kind"] == "turn").map(|r| r["speaker"]["name"].as_str().unwrap_or("-").to_string()).collect()
    };
    assert_eq!(turns("tests/fixtures/layouts/labels_inline.txt"), ["host", "Ana Pires", "host", "Ana Pires"]);
    assert_eq!(turns("tests/fixtures/layouts/labels_own_line_times.txt"), ["Ana Pires", "Speaker 1", "Ana Pires"]);
    assert_eq!(turns("tests/fixtures/layouts/qa_briefing.txt"), ["Costa", "reporter", "Costa", "reporter", "Costa"]);
    assert_eq!(turns("tests/fixtures/layouts/marked_transcript.txt"), ["host", "Ana Pires", "host"]);
}

#[test]
fn headings_and_crossheads_hold_no_statements() {
    let rs = records("tests/fixtures/layouts/crossheads_and_captions.txt");
    let text = std::fs::read_to_string("tests/fixtures/layouts/crossheads_and_captions.txt").unwrap();
    let heading = text.find("‘Nothing lost’").unwrap();
    assert!(rs.iter().all(|r| r["span"][1].as_u64().unwrap() as usize <= heading || r["span"][0].as_u64().unwrap() as usize > heading + 30), "{rs:?}");
    assert!(rs.iter().any(|r| r["text"] == "We have lost a week, but nothing that cannot be made up"));
}

#[test]
fn a_statement_in_its_issuers_own_voice_is_the_issuers() {
    let all = docs();
    let note = |name: &str| doc(&all, name)["notes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert!(note("joint_statement.txt").contains(&"a statement issued by Kenya, Tanzania and Uganda".to_string()), "{:?}", note("joint_statement.txt"));
    let rs = records("tests/fixtures/layouts/joint_statement.txt");
    assert_eq!(rs.len(), 3, "{rs:?}");
    for r in &rs {
        assert_eq!(r["speaker"]["actor"], serde_json::json!(["Kenya", "Tanzania", "Uganda"]), "{r}");
    }
    // The line announcing the statement is not part of it.
    let rs = records("tests/fixtures/layouts/issued_by_line.txt");
    assert_eq!(rs.len(), 2, "{rs:?}");
    assert!(rs.iter().all(|r| r["speaker"]["actor"] == "Kenya"), "{rs:?}");
    let rs = records("tests/fixtures/layouts/opening_first_person_plural.txt");
    assert_eq!(rs.len(), 3, "{rs:?}");
    assert!(rs.iter().all(|r| r["speaker"]["name"] == "Tanzania"), "{rs:?}");
    // An ordinary article has no issuer: its unattributed sentences are nobody's.
    assert_eq!(records("tests/fixtures/layouts/first_line_sentence.txt").len(), 1);
}

#[test]
fn answers_in_a_printed_interview_are_the_guests_words() {
    let e = stance::Engine::builtin();
    let doc = e.document(
        "interview.txt",
        "Mayor on the flood\n\n2 May 2024\n\nThe mayor spoke to our reporter on Friday.\n\nQ: Will the barrier be ready before the winter?\n\nOSEI: I think the barrier will be finished by November. The council has the money.\n\nQ: And the farmers?\n\nOSEI: The engineer said the fields would drain within a week. We will pay for the pumps ourselves.\n".to_string(),
    );
    let s: Vec<(String, String, String)> = e
        .analyze(&e.prepare(&doc))
        .into_iter()
        .filter(|c| c.statement.kind != stance::Kind::Turn)
        .map(|c| (c.statement.speaker.name.unwrap_or_default(), String::new(), doc.text[c.statement.span].to_string()))
        .collect();
    let guest: Vec<&str> = s.iter().filter(|x| x.0 == "Osei").map(|x| x.2.as_str()).collect();
    assert_eq!(guest, ["I think the barrier will be finished by November.", "The council has the money.", "We will pay for the pumps ourselves."], "{s:?}");
    // The reported sentence is the engineer's, and the questions are nobody's statement.
    assert!(s.iter().any(|x| x.0.contains("engineer") && x.2 == "the fields would drain within a week"), "{s:?}");
    assert!(!s.iter().any(|x| x.2.contains("Will the barrier")), "{s:?}");
}
