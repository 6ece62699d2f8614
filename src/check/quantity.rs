//! Numbers in claims and evidence: values written in digits or in words
//! ("twelve", "thirty-day", "two dozen", "a third"), qualifiers ("about",
//! "more than") that widen them into ranges, and what they count (the
//! noun after them), so that "nine sites" is compared with "12 sites" and
//! not with "nine days".

use crate::model::Text;
use crate::text::token::TokKind;
use crate::text::vocab::{Vocabulary, WordSet};
use std::ops::Range;

/// "About 300" is 270 to 330: a tenth either way.
const APPROXIMATE: f64 = 0.1;
/// Longest qualifier before a number ("in excess of").
const MAX_QUALIFIER_WORDS: usize = 3;
/// A fraction in words ("a third") is a share, read to a percentage point either way.
const FRACTION_SLACK: f64 = 1.0;
/// Words after a number that say what it counts ("300 ballistic missiles").
const MAX_UNIT_WORDS: usize = 2;

/// A number as written: a range of values, whether it is a share, and what it counts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Quantity {
    pub(crate) lo: f64,
    pub(crate) hi: f64,
    pub(crate) percent: bool,
    /// Words after the number, singular ("sites", "day" of "thirty-day").
    pub(crate) unit: Vec<String>,
}

impl Quantity {
    /// Whether the two ranges meet.
    pub(crate) fn agrees(&self, other: &Quantity) -> bool {
        let eps = 1e-9;
        self.lo <= other.hi + eps && other.lo <= self.hi + eps
    }

    /// Whether the two count the same thing: both shares or both counts, of
    /// the same noun when both name one.
    pub(crate) fn same_unit(&self, other: &Quantity) -> bool {
        self.percent == other.percent && (self.unit.is_empty() || other.unit.is_empty() || self.unit.iter().any(|u| other.unit.contains(u)))
    }
}

/// Value of a cardinal number word.
fn cardinal(w: &str) -> Option<f64> {
    const ONES: [&str; 20] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
        "sixteen", "seventeen", "eighteen", "nineteen",
    ];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    if let Some(i) = ONES.iter().position(|x| *x == w) {
        return Some(i as f64);
    }
    TENS.iter().position(|x| *x == w).map(|i| (i as f64 + 2.0) * 10.0)
}

/// Multiplier of a scale word.
fn scale(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        "dozen" => Some(12.0),
        _ => None,
    }
}

/// Denominator of a fraction word ("third", "quarters").
fn denominator(w: &str) -> Option<f64> {
    match w.strip_suffix('s').unwrap_or(w) {
        "half" | "halve" => Some(2.0),
        "third" => Some(3.0),
        "quarter" => Some(4.0),
        "fifth" => Some(5.0),
        "tenth" => Some(10.0),
        _ => None,
    }
}

/// Whether "one" between these words is a pronoun, not a count: after a
/// determiner ("no one", "the one"), or before what cannot follow a count
/// ("one of them", "one who", "one another", "one is").
fn pronoun_one(prev: &str, next: &str, vocab: &Vocabulary) -> bool {
    let g = &vocab.grammar;
    vocab.det.contains(prev)
        || g.relative_pronouns.contains(prev)
        || next.is_empty()
        || g.prepositions.contains(next)
        || g.relative_pronouns.contains(next)
        || g.complementizers.contains(next)
        || g.coordinators.contains(next)
        || g.counting_words.contains(next)
        || vocab.aux.contains(next)
}

/// A number read at one token.
struct Read {
    value: f64,
    fraction: bool,
    /// First token after the number.
    next: usize,
    /// The rest of a hyphenated word ("day" of "thirty-day").
    unit: Option<String>,
}

/// The parts of a token for number reading: its surface, lowercase, split at hyphens.
fn parts(text: &Text, t: usize) -> Vec<String> {
    text.toks.surface(t).to_lowercase().split(['-', '‐', '‑', '–']).map(str::to_string).collect()
}

/// Reads the number (digits or words) starting at token `t`, if any.
fn read_number(text: &Text, t: usize, end: usize, vocab: &Vocabulary) -> Option<Read> {
    let toks = &text.toks;
    let word = |i: usize| if i < end { toks.key(i) } else { "" };
    let (mut total, mut current, mut seen) = (0.0_f64, 0.0_f64, false);
    let mut i = t;
    let mut unit = None;
    // "a" counts one before a scale or a fraction: "a dozen", "a third", "a million".
    if word(t) == "a" || word(t) == "an" {
        let next = word(t + 1);
        if scale(next).is_none() && denominator(next).is_none() {
            return None;
        }
        current = 1.0;
        seen = true;
        i += 1;
    }
    while i < end {
        let tok = &toks.toks[i];
        if tok.kind == TokKind::Number {
            if seen {
                break;
            }
            current = toks.key(i).replace(',', "").parse::<f64>().ok()?;
            seen = true;
            i += 1;
            continue;
        }
        if tok.kind != TokKind::Word {
            break;
        }
        let ps = parts(text, i);
        let mut used = 0;
        for p in &ps {
            if let Some(v) = cardinal(p) {
                // "twenty five" is one number; "seven ten" is two.
                if current % 100.0 != 0.0 && (v >= 10.0 || current % 10.0 != 0.0) {
                    break;
                }
                current += v;
            } else if let Some(s) = scale(p) {
                if s >= 1e3 {
                    total += current.max(1.0) * s;
                    current = 0.0;
                } else {
                    current = current.max(1.0) * s;
                }
            } else if let Ok(v) = p.replace(',', "").parse::<f64>() {
                if seen || used > 0 {
                    break;
                }
                current = v;
            } else {
                break;
            }
            used += 1;
            seen = true;
        }
        if used == 0 {
            // "one hundred and twenty": "and" inside a number.
            if seen && word(i) == "and" && word(i + 1).split('-').next().and_then(cardinal).is_some() && current >= 100.0 {
                i += 1;
                continue;
            }
            // A fraction: "a third", "two thirds", "one half".
            if seen
                && total == 0.0
                && current > 0.0
                && current < 10.0
                && ps.len() == 1
                && let Some(d) = denominator(&ps[0])
            {
                return Some(Read { value: current / d * 100.0, fraction: true, next: i + 1, unit: None });
            }
            break;
        }
        if used < ps.len() {
            unit = Some(ps[used..].join(" "));
            i += 1;
            break;
        }
        i += 1;
    }
    if !seen {
        // "half of the sites".
        if word(t) == "half" && word(t + 1) == "of" {
            return Some(Read { value: 50.0, fraction: true, next: t + 1, unit: None });
        }
        return None;
    }
    let value = total + current;
    // "one" alone is more often a pronoun than a count.
    if i == t + 1 && word(t) == "one" && unit.is_none() {
        let prev = if t > 0 { toks.key(t - 1) } else { "" };
        if pronoun_one(prev, word(t + 1), vocab) {
            return None;
        }
    }
    Some(Read { value, fraction: false, next: i, unit })
}

/// The singular of a plural noun key ("sites" -> "site"), for comparing units.
fn singular(w: &str) -> String {
    if let Some(s) = w.strip_suffix("ies").filter(|s| s.len() > 2) {
        format!("{s}y")
    } else if w.ends_with("ss") || w.len() <= 3 {
        w.to_string()
    } else {
        w.strip_suffix('s').unwrap_or(w).to_string()
    }
}

/// The numbers of a token range, with qualifiers and units.
pub(crate) fn quantities(text: &Text, range: Range<usize>, vocab: &Vocabulary) -> Vec<Quantity> {
    let words = &vocab.numbers;
    let toks = &text.toks;
    let mut out = Vec::new();
    let mut t = range.start;
    while t < range.end {
        let Some(read) = read_number(text, t, range.end, vocab) else {
            t += 1;
            continue;
        };
        let Read { value: mut n, fraction, next: after, unit: hyphen_unit } = read;
        let next = |k: usize| if after + k < range.end { toks.key(after + k) } else { "" };
        let mut percent = fraction;
        let mut unit_from = after;
        if !fraction && hyphen_unit.is_none() {
            match next(0) {
                w if words.percent.contains(w) => {
                    percent = true;
                    unit_from += 1;
                }
                w if words.percent.contains(&format!("{w} {}", next(1))) => {
                    percent = true;
                    unit_from += 2;
                }
                _ => {}
            }
        }
        // A share's unit is not the words after it ("of the vote").
        let mut unit: Vec<String> = hyphen_unit.iter().map(|u| singular(u)).collect();
        if !percent && unit.is_empty() {
            let mut u = unit_from;
            while u < range.end && unit.len() < MAX_UNIT_WORDS && toks.toks[u].is_word() && !words.claim_stopwords.contains(toks.key(u)) {
                unit.push(singular(toks.key(u)));
                u += 1;
            }
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
        let slack = if fraction { FRACTION_SLACK } else { 0.0 };
        if fraction {
            n = (n * 100.0).round() / 100.0;
        }
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
        out.push(Quantity { lo: lo - slack, hi: hi + slack, percent, unit });
        t = after.max(t + 1);
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
        let q = quantities(&t, 0..t.toks.len(), &engine.vocab);
        assert_eq!(q.len(), 3);
        assert!(q[0].lo < 300.0 && q[0].hi > 300.0 && !q[0].percent);
        assert!(q[1].percent && q[1].hi.is_infinite());
        assert_eq!((q[2].lo, q[2].hi), (1500.0, 1500.0));
    }

    fn read(s: &str) -> Vec<(f64, bool, Vec<String>)> {
        let engine = Engine::builtin();
        let doc = Document::snippet("q", s.into(), None);
        let t = engine.prepare(&doc);
        quantities(&t, 0..t.toks.len(), &engine.vocab).into_iter().map(|q| ((q.lo + q.hi) / 2.0, q.percent, q.unit)).collect()
    }

    #[test]
    fn numbers_written_in_words() {
        assert_eq!(read("twelve sites"), vec![(12.0, false, vec!["site".to_string()])]);
        assert_eq!(read("a thirty-day truce"), vec![(30.0, false, vec!["day".to_string()])]);
        assert_eq!(read("a 30-day truce"), vec![(30.0, false, vec!["day".to_string()])]);
        assert_eq!(read("two dozen drones"), vec![(24.0, false, vec!["drone".to_string()])]);
        assert_eq!(read("twenty-five"), vec![(25.0, false, vec![])]);
        assert_eq!(read("one hundred and twenty tanks")[0].0, 120.0);
        assert_eq!(read("3 million people")[0].0, 3e6);
        assert_eq!(read("two hundred thousand")[0].0, 2e5);
        let third = read("a third of the missiles");
        assert!(third[0].1 && (third[0].0 - 33.33).abs() < 0.01);
        assert_eq!(read("half of the sites")[0], (50.0, true, vec![]));
    }

    #[test]
    fn one_as_a_pronoun_and_ordinals_are_not_numbers() {
        assert!(read("no one knows, and one of them left").is_empty());
        assert!(read("the third day of talks").is_empty());
        assert_eq!(read("one site was hit").len(), 1);
    }
}
