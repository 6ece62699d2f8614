//! Classification: stance labels for statements, with provenance.
//!
//! Each statement is read by the rules whose scope fits: its content, its
//! frame (the cue and the content: "called on Y to exercise restraint"),
//! or its sentence. A match is negated when an odd number of negators
//! (`not`, `never`, `rather than`; `dismissed`, `rejected` ...) stand in
//! the negator's reach before it, in the same sentence, not counting words
//! the pattern itself names: "cannot afford not to retaliate" holds two
//! negations and stays affirmed. The rule then drops, keeps or switches its
//! label, by negator class. Labels whose rule weights reach the label's
//! threshold are assigned; every hit keeps its rule id and spans for
//! `stance explain`.

pub(crate) mod rules;
pub mod ruletest;

use crate::classify::rules::{NEGATOR_PATTERNS, Outcome, Polarity, RULE_PATTERNS, RuleSet, Scope};
use crate::model::{Cancel, Classified, Hit, Kind, Statement, Text};
use crate::pattern::{Env, Hits, Match};
use crate::text::vocab::Vocabulary;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// Applies a [`RuleSet`] to the statements of one document.
pub(crate) struct Classifier<'a> {
    /// The rules.
    pub rules: &'a RuleSet,
    /// Word classes.
    pub vocab: &'a Vocabulary,
}

/// A negator occurrence: tokens and class index.
struct Negator {
    toks: Range<usize>,
    class: usize,
}

/// Punctuation a negation does not reach across (and the words of the
/// vocabulary's `clause_breaks`).
const BREAKS: &[&str] = &[".", ";", "!", "?"];

impl<'a> Classifier<'a> {
    /// Classifies the statements of a prepared document.
    pub(crate) fn classify(&self, text: &Text, statements: Vec<Statement>) -> Vec<Classified> {
        let env = Env { toks: &text.toks, skip: &text.skip, class: &|_, _| false };
        let hits = self.rules.patterns.hits(&text.toks);
        let mut negators: Vec<Negator> = self
            .rules
            .patterns
            .matches_of(NEGATOR_PATTERNS, &env, &hits, 0..text.toks.len())
            .into_iter()
            .map(|(pi, m)| Negator { toks: m.start..m.end, class: self.rules.negator_class[pi] })
            .collect();
        negators.sort_by_key(|n| (n.toks.start, n.toks.end, n.class));
        // Words matched by several negator patterns count once.
        negators.dedup_by(|b, a| b.toks.start < a.toks.end);
        // Statements of one sentence share their widest scope: match it once.
        let mut cache: HashMap<(usize, usize), Vec<(usize, Match)>> = HashMap::new();
        statements.into_iter().map(|st| self.one(text, &env, &hits, &negators, &mut cache, st)).collect()
    }

    fn one(
        &self,
        text: &Text,
        env: &Env,
        hits: &Hits,
        negators: &[Negator],
        cache: &mut HashMap<(usize, usize), Vec<(usize, Match)>>,
        st: Statement,
    ) -> Classified {
        let seg = &text.seg;
        let n = text.toks.len();
        let (sent_range, content, frame) = if n == 0 || st.scope.is_empty() {
            (0..0, 0..0, 0..0)
        } else {
            let s0 = seg.sentences[seg.sentence_of(st.scope.start)].start;
            let s1 = seg.sentences[seg.sentence_of(st.scope.end - 1)].end;
            (s0.min(st.toks.start)..s1.max(st.toks.end), st.toks.clone(), st.scope.clone())
        };
        let widest = sent_range.start.min(frame.start)..sent_range.end.max(frame.end);
        let range_of = |s: Scope| match s {
            Scope::Content => content.clone(),
            Scope::Frame => frame.clone(),
            Scope::Sentence => widest.clone(),
        };
        let kind = st.kind.as_str();
        // Matches of the cache are borrowed, the others owned.
        let mut found: Vec<(usize, Cow<Match>)> = cache
            .entry((widest.start, widest.end))
            .or_insert_with(|| self.rules.patterns.matches_of(RULE_PATTERNS, env, hits, widest.clone()))
            .iter()
            .map(|(pi, m)| (self.rules.pattern_rule[*pi], Cow::Borrowed(m)))
            .collect();
        // Regular expressions over the normalised text of the widest scope.
        if !self.rules.regex_list.is_empty() && !widest.is_empty() {
            let toks = &text.toks;
            let base = toks.toks[widest.start].nstart as usize;
            let hay = toks.norm_text(widest.clone());
            for ri in self.rules.regexes.matches(hay).iter() {
                let (re, rule) = &self.rules.regex_list[ri];
                for m in re.find_iter(hay) {
                    let a = toks.toks.partition_point(|t| (t.nend as usize) <= base + m.start());
                    let b = toks.toks.partition_point(|t| (t.nstart as usize) < base + m.end());
                    if a < b {
                        found.push((*rule, Cow::Owned(Match { start: a, end: b, literals: (a..b).collect() })));
                    }
                }
            }
        }
        // What the cue itself says: rules on the cue alone fire on it.
        let cue_ok = |ri: usize| {
            let rule = &self.rules.rules[ri];
            rule.cue.is_empty() || st.cue.as_ref().is_some_and(|c| rule.cue.iter().any(|p| p.match_at(env, c.start, c).is_some()))
        };
        if let Some(c) = &st.cue {
            found.extend(
                self.rules
                    .cue_rules
                    .iter()
                    .filter(|&&ri| cue_ok(ri))
                    .map(|&ri| (ri, Cow::Owned(Match { start: c.start, end: c.end, literals: c.clone().collect() }))),
            );
        }
        let mut out_hits = Vec::new();
        for (ri, m) in found {
            let rule = &self.rules.rules[ri];
            let range = if self.rules.cue_rules.contains(&ri) { m.start..m.end } else { range_of(rule.scope) };
            if m.start < range.start || m.end > range.end || !cue_ok(ri) {
                continue;
            }
            if !rule.kinds.is_empty() && !rule.kinds.iter().any(|k| k == kind) {
                continue;
            }
            let cancelled = if rule.unless.iter().any(|p| p.is_found(env, range.clone())) {
                Some(Cancel::Unless)
            } else if !rule.requires.is_empty() && !rule.requires.iter().any(|p| p.is_found(env, widest.clone())) {
                Some(Cancel::Unmet)
            } else {
                None
            };
            let negated = self.negation(text, negators, &m, &range);
            let gives = match (rule.polarity, &negated) {
                (Polarity::Any, _) | (Polarity::Affirmed, None) => Some(rule.label.clone()),
                (Polarity::Negated, Some(_)) => Some(rule.label.clone()),
                (Polarity::Negated, None) => None,
                (Polarity::Affirmed, Some((class, _))) => match rule.negated.get(class) {
                    Some(Outcome::Keep) => Some(rule.label.clone()),
                    Some(Outcome::Switch(l)) => Some(l.clone()),
                    Some(Outcome::Drop) | None => None,
                },
            };
            let negated = negated.map(|(c, r)| (c, text.toks.span(r)));
            out_hits.push(Hit {
                rule: ri,
                span: text.toks.span(m.start..m.end),
                toks: m.start..m.end,
                negated,
                gives: if cancelled.is_some() { None } else { gives },
                cancelled,
                mapped: None,
            });
        }
        // The cue's kind maps labels: an appeal asks of others what it names.
        let mapping = st.cue.as_ref().and_then(|c| {
            self.rules
                .mappings
                .iter()
                .position(|m| m.cue.iter().any(|p| p.match_at(env, c.start, c).is_some()) && !m.unless.iter().any(|p| p.is_found(env, frame.clone())))
        });
        if let Some(mi) = mapping {
            let map = &self.rules.mappings[mi].map;
            for h in &mut out_hits {
                let Some(g) = &h.gives else { continue };
                if let Some((_, o)) = map.iter().find(|(from, _)| from == g) {
                    h.gives = match o {
                        Outcome::Switch(l) => Some(l.clone()),
                        _ => None,
                    };
                    h.mapped = Some(mi);
                }
            }
        }
        out_hits.sort_by_key(|h| (h.toks.start, h.rule));
        // Weights per label; labels that reach their threshold are assigned.
        let mut weight: BTreeMap<&str, f64> = BTreeMap::new();
        for h in &out_hits {
            if let Some(l) = &h.gives {
                *weight.entry(l.as_str()).or_insert(0.0) += self.rules.rules[h.rule].weight;
            }
        }
        let labels: Vec<String> =
            self.rules.labels.iter().filter(|l| weight.get(l.name.as_str()).is_some_and(|w| *w + 1e-9 >= l.threshold)).map(|l| l.name.clone()).collect();
        let mut rules: Vec<String> =
            out_hits.iter().filter(|h| h.gives.as_ref().is_some_and(|g| labels.contains(g))).map(|h| self.rules.rules[h.rule].id.clone()).collect();
        rules.sort();
        rules.dedup();
        Classified { statement: st, labels, rules, hits: out_hits }
    }

    /// The negation of a match: (class, tokens of the nearest negator) when an
    /// odd number of negators reach it from within the same clause.
    fn negation(&self, text: &Text, negators: &[Negator], m: &Match, range: &Range<usize>) -> Option<(String, Range<usize>)> {
        // Clause windows of unpunctuated speech are cut at cues, not at
        // sentence ends: there only the reach and explicit breaks limit a negator.
        let floor = if text.doc.punctuated { text.seg.sentences[text.seg.sentence_of(m.start)].start } else { 0 };
        // No negator starting before `lowest` can reach the match: more words than any reach lie between.
        let widest = self.rules.negators.iter().map(|c| c.scope).max().unwrap_or(0);
        let mut lowest = m.start;
        let mut words = 0;
        while lowest > 0 && words <= widest {
            lowest -= 1;
            words += usize::from(!text.skip[lowest] && text.toks.toks[lowest].is_word());
        }
        let from = range.start.max(floor).max(lowest.saturating_sub(self.rules.negator_tokens));
        let mut count = 0;
        let mut nearest: Option<&Negator> = None;
        for neg in &negators[negators.partition_point(|n| n.toks.start < from)..] {
            if neg.toks.start >= m.end {
                break;
            }
            let reach = self.rules.negators[neg.class].scope;
            // Before the match within reach (counted in words), or inside it but not part of it.
            if neg.toks.start < range.start || neg.toks.start < floor {
                continue;
            }
            if m.literals.iter().any(|l| neg.toks.contains(l)) {
                continue;
            }
            let inside = neg.toks.start >= m.start;
            if !inside {
                let words = (neg.toks.end..m.start).filter(|&t| !text.skip[t] && text.toks.toks[t].is_word()).count();
                // A negator closing an elided clause ("if they do not, ...") negates that clause only.
                let elided = neg.toks.end < m.start && text.toks.key(neg.toks.end) == ",";
                if words > reach
                    || elided
                    || (neg.toks.end..m.start).any(|t| BREAKS.contains(&text.toks.key(t)) || self.vocab.grammar.clause_breaks.contains(text.toks.key(t)))
                {
                    continue;
                }
            }
            count += 1;
            if nearest.is_none_or(|n| neg.toks.start >= n.toks.start) {
                nearest = Some(neg);
            }
        }
        (count % 2 == 1).then(|| {
            let n = nearest.expect("odd count has a negator");
            (self.rules.negators[n.class].class.clone(), n.toks.clone())
        })
    }
}

/// A statement covering a whole sentence, for rule tests and `explain`.
pub(crate) fn whole_text_statement(text: &Text) -> Statement {
    let n = text.toks.len();
    let span = text.toks.span(0..n);
    Statement {
        kind: Kind::Indirect,
        toks: 0..n,
        span: span.clone(),
        scope: 0..n,
        cue: None,
        cue_span: None,
        speaker: Default::default(),
        addressee: None,
        via: None,
        sentence: span,
        confidence: 1.0,
    }
}

#[cfg(test)]
mod tests;
