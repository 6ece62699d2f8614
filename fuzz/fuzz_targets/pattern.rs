//! Any text as a pattern of the rule language.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = stance::fuzzing::parse_pattern(text);
});
