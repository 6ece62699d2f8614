//! Any text as a stance rule file.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = stance::fuzzing::parse_rules(text);
    let _ = stance::fuzzing::parse_toml(text);
});
