//! One factual claim judged in one document: a sentence is a candidate
//! when its wording is close to the claim's (fuzzy, by content word) and it
//! names the claim's actors; it supports the claim when every number
//! agrees and contradicts it when a number of the same unit disagrees.

use crate::attribute::{ActorTable, Mention};
use crate::check::expect::{EvidenceRef, Verdict};
use crate::check::quantity::{Quantity, quantities};
use crate::model::{Analysis, Text};
use crate::text::date::find_date;
use crate::text::vocab::Vocabulary;
use std::ops::Range;

/// Share of a claim's content words and numbers a sentence must match to be
/// its candidate evidence.
const MIN_CLAIM_MATCH: f64 = 0.5;
/// Two words this close in spelling (Jaro-Winkler) count as nearly the same...
const NEAR_SPELLING: f64 = 0.9;
/// ...and are worth this much of a match.
const NEAR_SPELLING_CREDIT: f64 = 0.8;

/// What one document says of a claim.
#[derive(Debug, Clone)]
pub struct Judgement {
    /// Supported, contradicted or absent.
    pub verdict: Verdict,
    /// The sentence behind the verdict, if any.
    pub evidence: Option<EvidenceRef>,
}

/// 1-based line of byte `at` in `text`.
pub(crate) fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

/// A prepared claim.
#[derive(Debug, Clone)]
pub struct Claim {
    words: Vec<String>,
    numbers: Vec<Quantity>,
    actors: Vec<usize>,
    dates: Vec<crate::text::date::Date>,
    /// The actors of the claim's subject, when an actor opens it ("Ukraine
    /// was ready ..."), and the first word of what is said of it.
    subject: Option<(Vec<usize>, String)>,
}

impl Claim {
    /// A claim from its prepared text and the mentions in it.
    pub fn new(t: &Text, mentions: &[Mention], vocab: &Vocabulary) -> Claim {
        let numbers = quantities(t, 0..t.toks.len(), vocab);
        let actors = actors_in(mentions, 0..t.toks.len());
        let words = (0..t.toks.len())
            .filter(|&i| t.toks.toks[i].is_word() && !vocab.numbers.claim_stopwords.contains(t.toks.key(i)))
            .filter(|&i| !mentions.iter().any(|m| m.toks.start <= i && i < m.toks.end && !m.actors.is_empty()))
            .map(|i| t.toks.key(i).to_string())
            .collect();
        let dates = find_date(t.doc.text.as_str()).map(|(d, _)| vec![d]).unwrap_or_default();
        let subject = Self::subject(t, mentions, vocab);
        Claim { words, numbers, actors, dates, subject }
    }

    /// The subject of a claim: an actor named before any other content word,
    /// and the first content word after it (its predicate).
    fn subject(t: &Text, mentions: &[Mention], vocab: &Vocabulary) -> Option<(Vec<usize>, String)> {
        let content = |i: usize| t.toks.toks[i].is_word() && !vocab.numbers.claim_stopwords.contains(t.toks.key(i));
        let m = mentions.iter().filter(|m| !m.actors.is_empty()).min_by_key(|m| m.toks.start)?;
        if (0..m.toks.start).any(content) {
            return None;
        }
        let predicate = (m.toks.end..t.toks.len()).find(|&i| content(i) && !mentions.iter().any(|o| o.toks.contains(&i)))?;
        Some((m.actors.clone(), t.toks.key(predicate).to_string()))
    }

    /// Whether a sentence says the claim of the claim's subject: the actor
    /// named last before the predicate's word (not as the object of a
    /// preposition), else the speaker of the statement holding it, must be
    /// the claim's subject. "Russia was ready for talks with Ukraine" is not
    /// evidence that Ukraine was ready.
    fn about_subject(&self, text: &Text, s: &Range<usize>, mentions: &[Mention], speakers: &[usize]) -> bool {
        let Some((actors, predicate)) = &self.subject else { return true };
        let at = (s.start..s.end).find(|&i| text.toks.toks[i].is_word() && word_similarity(predicate, text.toks.key(i)) >= 1.0);
        let Some(at) = at else { return true };
        let before = mentions.iter().filter(|m| m.toks.start >= s.start && m.toks.end <= at && !m.actors.is_empty() && !m.in_pp).max_by_key(|m| m.toks.end);
        let subject: &[usize] = match before {
            Some(m) => &m.actors,
            None => speakers,
        };
        subject.is_empty() || subject.iter().any(|a| actors.contains(a))
    }

    /// The verdict of one document, with the sentence behind it.
    pub fn judge(&self, a: &Analysis, text: &Text, mentions: &[Mention], table: &ActorTable, vocab: &Vocabulary) -> Judgement {
        let mut best: Option<(f64, Range<usize>, Vec<Quantity>)> = None;
        for s in &text.seg.sentences {
            // Actors named in the sentence, or speaking it.
            let mut named: Vec<usize> = mentions.iter().filter(|m| m.toks.start >= s.start && m.toks.end <= s.end).flat_map(|m| m.actors.clone()).collect();
            let span = text.toks.span(s.clone());
            let mut speakers = Vec::new();
            for c in &a.statements {
                if c.statement.span.start < span.end && span.start < c.statement.span.end {
                    speakers.extend(c.statement.speaker.actors.iter().filter_map(|n| table.actor_id(n)));
                }
            }
            named.extend(&speakers);
            if !self.actors.iter().all(|x| named.contains(x)) || !self.about_subject(text, s, mentions, &speakers) {
                continue;
            }
            let keys: Vec<&str> = (s.start..s.end).filter(|&i| text.toks.toks[i].is_word()).map(|i| text.toks.key(i)).collect();
            let matched: f64 = self.words.iter().map(|w| keys.iter().map(|k| word_similarity(w, k)).fold(0.0, f64::max)).sum();
            let numbers_here = quantities(text, s.clone(), vocab);
            let number_hits = self.numbers.iter().filter(|q| numbers_here.iter().any(|n| n.same_unit(q))).count();
            let total = self.words.len() + self.numbers.len();
            let score = if total == 0 { 0.0 } else { (matched + number_hits as f64) / total as f64 };
            if score >= MIN_CLAIM_MATCH && best.as_ref().is_none_or(|(b, _, _)| score > *b) {
                best = Some((score, s.clone(), numbers_here));
            }
        }
        let Some((_, s, numbers_here)) = best else { return Judgement { verdict: Verdict::Absent, evidence: None } };
        let span = text.toks.span(s.clone());
        let ev = EvidenceRef {
            doc: a.doc.name.clone(),
            span: [span.start, span.end],
            line: line_of(&a.doc.text, span.start),
            text: a.doc.text[span.clone()].to_string(),
        };
        let mut unknown = false;
        for q in &self.numbers {
            let same_unit: Vec<&Quantity> = numbers_here.iter().filter(|n| n.same_unit(q)).collect();
            if same_unit.is_empty() {
                unknown = true;
            } else if !same_unit.iter().any(|n| n.agrees(q)) {
                return Judgement { verdict: Verdict::Contradicted, evidence: Some(ev) };
            }
        }
        if !self.dates.is_empty() {
            let here: Vec<crate::text::date::Date> = crate::text::date::find_date(&ev.text).map(|(d, _)| vec![d]).unwrap_or_default();
            if !here.is_empty() && !self.dates.iter().any(|d| here.contains(d)) {
                return Judgement { verdict: Verdict::Contradicted, evidence: Some(ev) };
            }
        }
        Judgement { verdict: if unknown { Verdict::Absent } else { Verdict::Supported }, evidence: Some(ev) }
    }
}

/// Actor ids named in a token range.
fn actors_in(mentions: &[Mention], range: Range<usize>) -> Vec<usize> {
    let mut v: Vec<usize> = mentions.iter().filter(|m| m.toks.start >= range.start && m.toks.end <= range.end).flat_map(|m| m.actors.iter().copied()).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// How close two word keys are: 1 for the same word or stem, less for near spellings.
fn word_similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    if shorter >= 4 && common >= 5.min(shorter) && common * 5 >= shorter * 4 {
        return 1.0;
    }
    let jw = strsim::jaro_winkler(a, b);
    if jw >= NEAR_SPELLING { NEAR_SPELLING_CREDIT } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use std::sync::LazyLock;

    static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::builtin);

    fn verdict(claim: &str, body: &str) -> Verdict {
        let doc = ENGINE.document("a.txt", format!("Headline\n\n1 May 2024\n\n{body}\n"));
        let docs = std::slice::from_ref(&doc);
        let claim = ENGINE.claim(claim);
        let (_, j) = ENGINE.analyze_each(docs, |a, text, mentions| ENGINE.judge(&claim, a, text, mentions)).pop().unwrap();
        j.verdict
    }

    const CLAIM: &str = "Israel intercepted 99% of about 300 projectiles";

    #[test]
    fn same_numbers_support() {
        assert_eq!(verdict(CLAIM, "The army said Israel intercepted 99 percent of the nearly 300 projectiles."), Verdict::Supported);
        assert_eq!(verdict(CLAIM, "Israel intercepted 99% of more than 300 projectiles fired overnight."), Verdict::Supported);
    }

    #[test]
    fn different_number_contradicts() {
        assert_eq!(verdict(CLAIM, "Israel intercepted only 70% of the 300 projectiles, officials admitted."), Verdict::Contradicted);
    }

    #[test]
    fn numbers_in_words_are_numbers() {
        let claim = "Inspectors visited nine nuclear sites";
        assert_eq!(verdict(claim, "The agency said inspectors visited twelve nuclear sites last month."), Verdict::Contradicted);
        assert_eq!(verdict(claim, "The agency said inspectors visited nine nuclear sites last month."), Verdict::Supported);
        assert_eq!(verdict(claim, "The agency said nine inspectors visited 12 nuclear sites."), Verdict::Contradicted);
        let truce = "Ukraine accepted a 30-day ceasefire";
        assert_eq!(verdict(truce, "Officials said Ukraine accepted a thirty-day ceasefire on Tuesday."), Verdict::Supported);
        assert_eq!(verdict(truce, "Officials said Ukraine accepted a sixty-day ceasefire on Tuesday."), Verdict::Contradicted);
    }

    #[test]
    fn evidence_about_another_actor_is_no_support() {
        let claim = "Ukraine was ready for a 30-day ceasefire";
        assert_eq!(verdict(claim, "Russia was ready for a 30-day ceasefire with Ukraine, the Kremlin said."), Verdict::Absent);
        assert_eq!(verdict(claim, "The Kremlin said Ukraine was ready for a 30-day ceasefire."), Verdict::Supported);
        assert_eq!(verdict(claim, "\"We are ready for a 30-day ceasefire,\" Zelensky told reporters in Kyiv."), Verdict::Supported);
    }

    #[test]
    fn other_actor_or_topic_is_absent() {
        assert_eq!(verdict(CLAIM, "Ukraine intercepted 99% of about 300 projectiles."), Verdict::Absent);
        assert_eq!(verdict(CLAIM, "Israel held a cabinet meeting on Sunday."), Verdict::Absent);
    }
}
