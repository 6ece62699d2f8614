//! Any bytes, read as a file and as a JSON Lines record.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static ENGINE: LazyLock<stance::Engine> = LazyLock::new(stance::Engine::builtin);

fuzz_target!(|data: &[u8]| {
    let _ = stance::fuzzing::ingest_bytes(&ENGINE, data);
    let _ = stance::fuzzing::ingest_record(&ENGINE, data);
});
