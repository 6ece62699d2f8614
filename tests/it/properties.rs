//! Properties that hold for any input (proptest, a few thousand cases per
//! `cargo test`): no panic anywhere; every span lies inside the document on
//! character boundaries and a record's `text` is exactly the file's bytes at
//! its `span`; the same input gives the same records; records are valid
//! JSON. A longer run: `PROPTEST_CASES=1000000 cargo test --release --test it properties`.

use proptest::prelude::*;
use stance::Engine;
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::builtin);

/// Pieces real and hostile text is made of: words that trip the
/// extraction, quote marks of every kind, line ends of every kind, symbols
/// glued to words, scripts other than Latin, control and zero-width
/// characters.
const PIECES: &[&str] = &[
    "Iran", "said", "told", "Tehran", "the", "minister", "warned", "he", "she", "they", "it", "we", "I", "you", "according to", "calls", "from", "to",
    "exercise", "restraint", "retaliate", "not", "never", "cannot", "won't", "Iran's", "U.S.", "Mr.", "Dr", "a.", "99%", "300", "40°C", "5€", "“", "”", "\"",
    "'", "‘", "’", "«", "»", "„", ",", ".", "?", "!", ":", ";", "—", "–", "-", "(", ")", "[", "]", "\n", "\n\n", "\r", "\r\n", "\u{2028}", "\u{2029}", " ",
    " ", " ", "\t", "uh", "quote", "unquote", "HOST:", "JANE DOE:", "Q:", "<doc>", "</doc>", "<video_title>", "Путин", "заявил", "رئيسي", "،", "中国", "。",
    "「", "」", "é", "Ã©", "😀", "\u{200B}", "\u{FEFF}", "\u{202E}", "ﬁ", "Ｘ", "2024-04-17", "17 April 2024", "Source: Wire", "# title: x", "---", "''", "``",
    "twelve", "thirty-day", "two dozen", "a third", "half of", "one", "hundred", "and", "million", "about", "more than", "sites",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..160).prop_map(|v| v.concat())
}

fn config() -> ProptestConfig {
    // A few thousand cases in all within `cargo test`; PROPTEST_CASES raises it.
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(600);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn records_point_at_their_words_and_are_stable(t in text()) {
        let doc = ENGINE.document("p.txt", t.clone());
        let records = stance::fuzzing::extract_text(&ENGINE, &t);
        for r in &records {
            prop_assert!(r.span[0] <= r.span[1] && r.span[1] <= doc.text.len(), "{:?} outside the text", r.span);
            prop_assert!(doc.text.is_char_boundary(r.span[0]) && doc.text.is_char_boundary(r.span[1]), "{:?} splits a character", r.span);
            prop_assert_eq!(&r.text, &doc.text[r.span[0]..r.span[1]]);
            prop_assert!(r.sentence[0] <= r.sentence[1] && r.sentence[1] <= doc.text.len());
            let json = serde_json::to_string(r).expect("serializable");
            let back: stance::Record = serde_json::from_str(&json).expect("valid JSON that reads back");
            prop_assert_eq!(&back, r);
        }
        prop_assert_eq!(stance::fuzzing::extract_text(&ENGINE, &t), records);
    }

    #[test]
    fn claims_are_judged_on_any_text(claim in text(), body in text()) {
        let c = ENGINE.claim(&claim);
        let docs = vec![ENGINE.document("p.txt", body)];
        let judged = ENGINE.analyze_each(&docs, |a, t, m| ENGINE.judge(&c, a, t, m));
        prop_assert_eq!(judged.len(), 1);
    }

    #[test]
    fn any_bytes_are_read_or_refused(b in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Some(doc) = stance::fuzzing::ingest_bytes(&ENGINE, &b) {
            prop_assert!(doc.body.end <= doc.text.len() && doc.text.is_char_boundary(doc.body.start));
        }
        let _ = stance::fuzzing::ingest_record(&ENGINE, &b);
    }

    #[test]
    fn any_pattern_parses_or_is_refused(s in "\\PC{0,80}|[a-z()\\[\\]|?*=~@_. ]{0,80}") {
        let _ = stance::fuzzing::parse_pattern(&s);
    }

    #[test]
    fn any_rule_or_claims_file_parses_or_is_refused(s in "(\\[\\[(rule|label|holds|claim)\\]\\]\n|(id|label|patterns|name|actor|text|threshold|in) = (\"[a-z @()|.]{0,12}\"|\\[\"[a-z]{0,6}\"\\]|[0-9.-]{1,4}|nan|inf)\n){0,12}") {
        let _ = stance::fuzzing::parse_rules(&s);
        let _ = stance::fuzzing::parse_claims(&ENGINE, &s);
        let _ = stance::fuzzing::parse_toml(&s);
    }
}
