//! Rule tests: every rule carries sentences it must label (`examples`)
//! and sentences it must leave alone (`counterexamples`); `stance rules
//! test` and a unit test run them all.

use crate::classify::rules::RuleSet;
use crate::model::{Classified, Hit, Kind};

/// What a test sentence must do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// A rule's example: the rule must give its label.
    Example,
    /// A rule's counterexample: the rule must not give its label.
    Counterexample,
    /// An analytic sentence of `neutral`: no rule may label it.
    Neutral,
}

/// A failed inline test of a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleTestFailure {
    /// Rule id.
    pub rule: String,
    /// File defining the rule.
    pub file: String,
    /// The sentence.
    pub sentence: String,
    /// What the sentence is.
    pub case: Case,
    /// What the rule did instead.
    pub detail: String,
}

/// Runs every rule's examples (the rule must give its label) and
/// counterexamples (it must not); returns the number of cases and the failures.
///
/// `classify` reads a sentence as one statement of the given kind and
/// classifies it (the engine prepares and classifies; this module only
/// knows what each case expects).
pub(crate) fn run(rules: &RuleSet, classify: &(dyn Fn(&str, Kind) -> Classified + Sync)) -> (usize, Vec<RuleTestFailure>) {
    use rayon::prelude::*;
    let cases: Vec<(usize, &String, bool)> = rules
        .rules
        .iter()
        .enumerate()
        .flat_map(|(ri, r)| r.examples.iter().map(move |s| (ri, s, true)).chain(r.counterexamples.iter().map(move |s| (ri, s, false))))
        .collect();
    let failures: Vec<RuleTestFailure> = cases
        .par_iter()
        .filter_map(|&(ri, sentence, example)| {
            let rule = &rules.rules[ri];
            let kind = match rule.kinds.first().map(String::as_str) {
                Some("direct") => Kind::Direct,
                Some("mixed") => Kind::Mixed,
                Some("turn") => Kind::Turn,
                _ => Kind::Indirect,
            };
            let classified = classify(sentence, kind);
            let mine: Vec<&Hit> = classified.hits.iter().filter(|h| h.rule == ri).collect();
            let labels = mine.iter().any(|h| h.gives.as_deref() == Some(rule.label.as_str()));
            if labels == example {
                return None;
            }
            let detail = match mine.first() {
                None => "the rule does not match".to_string(),
                Some(h) if h.cancelled.is_some() => h.cancelled.map(|c| c.reason()).unwrap_or_default().to_string(),
                Some(h) => match (&h.negated, &h.gives) {
                    (Some((class, span)), gives) => {
                        format!("negated by {:?} ({class}), giving {}", &sentence[span.clone()], gives.as_deref().unwrap_or("nothing"))
                    }
                    (None, Some(g)) => format!("matched {:?} and gave {g}", &sentence[h.span.clone()]),
                    (None, None) => format!("matched {:?} but gave nothing (polarity {:?})", &sentence[h.span.clone()], rule.polarity),
                },
            };
            let case = if example { Case::Example } else { Case::Counterexample };
            Some(RuleTestFailure { rule: rule.id.clone(), file: rule.file.clone(), sentence: sentence.clone(), case, detail })
        })
        .collect();
    let neutral: Vec<RuleTestFailure> = rules
        .neutral
        .par_iter()
        .filter_map(|(sentence, file)| {
            let classified = classify(sentence, Kind::Indirect);
            if classified.labels.is_empty() {
                return None;
            }
            let detail = format!("labelled {} by {}", classified.labels.join(", "), classified.rules.join(", "));
            Some(RuleTestFailure { rule: classified.rules.join(","), file: file.clone(), sentence: sentence.clone(), case: Case::Neutral, detail })
        })
        .collect();
    let total = cases.len() + rules.neutral.len();
    (total, failures.into_iter().chain(neutral).collect())
}
