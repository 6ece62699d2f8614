//! Any text as a claims file.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static ENGINE: LazyLock<stance::Engine> = LazyLock::new(stance::Engine::builtin);

fuzz_target!(|text: &str| {
    let _ = stance::fuzzing::parse_claims(&ENGINE, text);
});
