//! Any text, analysed as a document: records must point at their words.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static ENGINE: LazyLock<stance::Engine> = LazyLock::new(stance::Engine::builtin);

fuzz_target!(|text: &str| {
    for r in stance::fuzzing::extract_text(&ENGINE, text) {
        let doc = ENGINE.document("fuzz.txt", text.to_string());
        assert_eq!(doc.text.get(r.span[0]..r.span[1]), Some(r.text.as_str()));
    }
});
