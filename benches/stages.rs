//! Per-stage benchmarks on the sample corpus (`cargo bench`): ingest
//! (document from text), prepare (normalise, tokenise, segment), extract
//! (statements), classify (stance rules), and the whole analysis. Whole-
//! binary throughput, rule scaling and memory: `scripts/bench.sh` and
//! BENCHMARKS.md.

use divan::{Bencher, black_box};
use stance::{Document, Engine};
use std::sync::LazyLock;

/// The binary's allocator, so that stage figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::builtin);

/// The sample documents and the layout fixtures: articles and transcripts.
static TEXTS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let mut out = Vec::new();
    for dir in ["corpus/seeds", "tests/fixtures/layouts"] {
        let mut paths: Vec<_> = std::fs::read_dir(dir).expect("corpus").flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if let Ok(text) = std::fs::read_to_string(&p) {
                out.push((p.file_name().unwrap().to_string_lossy().to_string(), text));
            }
        }
    }
    out
});

static DOCS: LazyLock<Vec<Document>> = LazyLock::new(|| TEXTS.iter().map(|(n, t)| ENGINE.document(n, t.clone())).collect());

fn bytes() -> u64 {
    TEXTS.iter().map(|(_, t)| t.len() as u64).sum()
}

fn main() {
    divan::main();
}

#[divan::bench]
fn ingest(b: Bencher) {
    b.counter(divan::counter::BytesCount::new(bytes())).bench(|| {
        for (n, t) in TEXTS.iter() {
            black_box(ENGINE.document(n, t.clone()));
        }
    });
}

#[divan::bench]
fn prepare(b: Bencher) {
    b.counter(divan::counter::BytesCount::new(bytes())).bench(|| {
        for d in DOCS.iter() {
            black_box(ENGINE.prepare(d));
        }
    });
}

#[divan::bench]
fn extract(b: Bencher) {
    let texts: Vec<_> = DOCS.iter().map(|d| ENGINE.prepare(d)).collect();
    b.counter(divan::counter::BytesCount::new(bytes())).bench(|| {
        for t in &texts {
            black_box(ENGINE.statements(t));
        }
    });
}

#[divan::bench]
fn classify(b: Bencher) {
    let prepared: Vec<_> = DOCS.iter().map(|d| ENGINE.prepare(d)).collect();
    let statements: Vec<_> = prepared.iter().map(|t| ENGINE.statements(t)).collect();
    b.counter(divan::counter::BytesCount::new(bytes())).bench(|| {
        for (t, s) in prepared.iter().zip(&statements) {
            black_box(ENGINE.classify(t, s.clone()));
        }
    });
}

#[divan::bench]
fn analyze(b: Bencher) {
    b.counter(divan::counter::BytesCount::new(bytes())).bench(|| {
        for d in DOCS.iter() {
            let t = ENGINE.prepare(d);
            black_box(ENGINE.analyze(&t));
        }
    });
}

#[divan::bench]
fn compile_rules(b: Bencher) {
    b.bench(|| black_box(Engine::builtin()));
}
