//! Whatever the text, the pipeline does not panic, and every span it
//! reports is a byte range on character boundaries of the original text.

use stance::Engine;

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "Iran", "said", "told", "Tehran", "the", "minister", "warned", "“", "”", "\"", "'", "‘", "’", "«", "»", "„", ",", ".", "?", ":", ";", "—", "–", "-", "(",
    ")", "\n", "\n\n", " ", " ", " ", "uh", "quote", "unquote", "according to", "Iran’s", "won't", "cannot", "not", "retaliate", "restraint", "calls", "from",
    "France", "and", "the UK", "to", "exercise", "99%", "300", "Путин", "заявил", "رئيسي", "中国", "é", "\u{200B}", "\u{FEFF}", "ﬁ", "Ｘ", "<doc>", "</doc>",
    "he", "they", "Dr", "is with me now", "well", "I think", "thank you so much", "what do you", "right", "2024-04-17", "17 April 2024",
];

#[test]
fn random_text_never_panics_and_spans_are_valid() {
    let engine = Engine::builtin();
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    for round in 0..300 {
        let len = 1 + (rng.next() % 400) as usize;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(rng.pick(PIECES));
            if rng.next().is_multiple_of(3) {
                text.push(' ');
            }
        }
        let doc = engine.document(&format!("r{round}.txt"), text);
        let prepared = engine.prepare(&doc);
        let analysed = engine.analyze(&prepared);
        for c in &analysed {
            let st = &c.statement;
            for r in [Some(&st.span), Some(&st.sentence), st.cue_span.as_ref(), st.speaker.span.as_ref()].into_iter().flatten() {
                assert!(r.start <= r.end && r.end <= doc.text.len(), "round {round}: {r:?} outside the text");
                assert!(doc.text.is_char_boundary(r.start) && doc.text.is_char_boundary(r.end), "round {round}: {r:?} splits a character");
            }
            for h in &c.hits {
                assert!(doc.text.is_char_boundary(h.span.start) && doc.text.is_char_boundary(h.span.end));
            }
        }
        let a = stance::Analysis { doc: &doc, statements: analysed, actors: Vec::new() };
        let table = stance::compare::build(std::slice::from_ref(&a), stance::compare::By::Doc, engine.rules());
        stance::report::html::page(&table, true, &Default::default(), &mut std::io::sink()).expect("rendered");
    }
}
