//! Attribution fixtures, each in our own words: one behaviour per test.

use crate::engine::Engine;
use crate::ingest::Document;
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::builtin);

/// (speaker name, actors, content) of every statement in an article.
fn said(body: &str) -> Vec<(String, String, String)> {
    said_in("article.txt", &format!("Headline\n\n1 March 2024\n\n{body}\n"))
}

fn said_in(name: &str, text: &str) -> Vec<(String, String, String)> {
    let doc = Document::from_text(name, text.to_string(), &ENGINE.furniture);
    let t = ENGINE.prepare(&doc);
    ENGINE
        .statements(&t)
        .into_iter()
        .map(|s| (s.speaker.name.unwrap_or_default(), s.speaker.actors.join("+"), doc.text[s.span].to_string()))
        .collect()
}

#[test]
fn speaker_before_said_that() {
    let s = said("The Egyptian foreign ministry said on Sunday that talks would resume next week.");
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1, "Egypt");
    assert_eq!(s[0].2, "talks would resume next week");
}

#[test]
#[ignore]
fn debug_seed_sentences() {
    for body in [
        "Any action by Israel or its allies will be met with a “severe, extensive and painful response,” Iranian President Ebrahim Raisi told Qatari Emir Sheikh Tamim bin Hamad al-Thani in a call a day after Israel said it will respond.",
        "Iran's foreign Ministry has called on European countries to quote stand against the war in Gaza the statement comes after",
    ] {
        let doc = Document::from_text("a.txt", format!("Headline\n\n1 March 2024\n\n{body}\n"), &ENGINE.furniture);
        let t = ENGINE.prepare(&doc);
        let ms = ENGINE.actors.mentions(&t);
        for m in &ms { eprintln!("mention {:?} {:?} {:?}", t.toks.norm_text(m.toks.clone()), m.kind, m.actors); }
        for c in ENGINE.lexicon.cues(&t) { eprintln!("cue {:?} {:?}", t.toks.norm_text(c.toks.clone()), c.frames); }
        for s in &t.seg.sentences { eprintln!("sent {:?}", t.toks.norm_text(s.clone())); }
        eprintln!("{:?}", said_in("a.txt", &doc.text));
    }
}
