//! Numbers in claims and evidence: values, qualifiers ("about",
//! "more than") that widen them into ranges, and units.

use crate::model::Text;
use crate::text::token::TokKind;
use crate::text::vocab::{Numbers, WordSet};
use std::ops::Range;

/// "About 300" is 270 to 330: a tenth either way.
const APPROXIMATE: f64 = 0.1;
/// Longest qualifier before a number ("in excess of").
const MAX_QUALIFIER_WORDS: usize = 3;

/// A number as written: a range of values and a unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Quantity {
    pub(crate) lo: f64,
    pub(crate) hi: f64,
    pub(crate) percent: bool,
}

impl Quantity {
    pub(crate) fn agrees(&self, other: &Quantity) -> bool {
        let eps = 1e-9;
        self.lo <= other.hi + eps && other.lo <= self.hi + eps
    }
}

/// The numbers of a token range, with qualifiers and units.
pub(crate) fn quantities(text: &Text, range: Range<usize>, words: &Numbers) -> Vec<Quantity> {
    let toks = &text.toks;
    let mut out = Vec::new();
    for t in range.clone() {
        if toks.toks[t].kind != TokKind::Number {
            continue;
        }
        let Ok(mut n) = toks.key(t).replace(',', "").parse::<f64>() else { continue };
        let next = |k: usize| if t + k < range.end { toks.key(t + k) } else { "" };
        let mut percent = false;
        match next(1) {
            w if words.percent.contains(w) || words.percent.contains(&format!("{w} {}", next(2))) => percent = true,
            "thousand" => n *= 1e3,
            "million" => n *= 1e6,
            "billion" => n *= 1e9,
            "hundred" => n *= 1e2,
            _ => {}
        }
        // Qualifier: up to three words before, past "the" and "of".
        let mut before = Vec::new();
        let mut p = t;
        while p > range.start && before.len() < MAX_QUALIFIER_WORDS {
            p -= 1;
            let k = toks.key(p);
            if words.between.contains(k) {
                continue;
            }
            before.insert(0, k.to_string());
        }
        // The qualifier is the end of the words before: "about", "more than".
        let ends = |set: &WordSet| (0..before.len()).any(|i| set.contains(&before[i..].join(" ")));
        let (lo, hi) = if ends(&words.approximately) {
            (n * (1.0 - APPROXIMATE), n * (1.0 + APPROXIMATE))
        } else if ends(&words.nearly) {
            (n * (1.0 - APPROXIMATE), n)
        } else if ends(&words.more_than) {
            (n * (1.0 + 1e-9), f64::INFINITY)
        } else if ends(&words.at_least) {
            (n, f64::INFINITY)
        } else if ends(&words.at_most) {
            (0.0, n)
        } else if ends(&words.less_than) {
            (0.0, n * (1.0 - 1e-9))
        } else {
            (n, n)
        };
        out.push(Quantity { lo, hi, percent });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::model::Document;

    #[test]
    fn quantities_read_qualifiers_and_units() {
        let engine = Engine::builtin();
        let doc = Document::snippet("q", "about 300 drones, more than 20 percent and 1,500 troops".into(), None);
        let t = engine.prepare(&doc);
        let q = quantities(&t, 0..t.toks.len(), &engine.vocab.numbers);
        assert_eq!(q.len(), 3);
        assert!(q[0].lo < 300.0 && q[0].hi > 300.0 && !q[0].percent);
        assert!(q[1].percent && q[1].hi.is_infinite());
        assert_eq!((q[2].lo, q[2].hi), (1500.0, 1500.0));
    }
}
