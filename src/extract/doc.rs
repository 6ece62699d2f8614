//! The state of one document's extraction, and the content helpers every
//! phase shares: trimming reported words, telling direct from reported
//! speech, where reported words end in unpunctuated speech, and adding a
//! statement.

use crate::attribute::MentionKind;
use crate::attribute::resolve::Resolver;
use crate::extract::cues::Lexicon;
use crate::extract::quotes::{Mark, Quote};
use crate::model::{Kind, Speaker, Statement, Text};
use crate::text::token::{CAP, QUOTE_AFTER};
use crate::text::vocab::{Vocabulary, WordSet};
use std::ops::Range;

/// One document's extraction in progress.
pub(crate) struct Doc<'t, 'd> {
    pub(crate) text: &'t Text<'d>,
    pub(crate) lex: &'t Lexicon,
    pub(crate) vocab: &'t Vocabulary,
    /// Mentions and what they resolve to.
    pub(crate) res: Resolver<'t, 'd>,
    pub(crate) quotes: Vec<Quote>,
    /// The quotations' token ranges, for overlap queries.
    pub(crate) quote_index: Spans,
    /// Speech nouns with an owner: (noun token, owner speaker).
    pub(crate) owners: Vec<(usize, Speaker)>,
    /// Rejected calls: (statement index, token of the call noun).
    pub(crate) rejections: Vec<(usize, usize)>,
    /// Statements found so far.
    pub(crate) out: Vec<Statement>,
}

/// Token ranges sorted by start, with the running maximum of their ends,
/// so that the ranges overlapping a query are found without a scan of all.
#[derive(Debug, Default)]
pub(crate) struct Spans {
    /// (start, end, item index), sorted by start.
    ranges: Vec<(usize, usize, usize)>,
    /// For each position, the largest end of the ranges up to it.
    max_end: Vec<usize>,
}

impl Spans {
    /// Indexes ranges given in any order; `item` is each range's index in the caller's list.
    pub(crate) fn new(ranges: impl Iterator<Item = Range<usize>>) -> Spans {
        let mut ranges: Vec<(usize, usize, usize)> = ranges.enumerate().map(|(i, r)| (r.start, r.end, i)).collect();
        ranges.sort_unstable();
        let mut max_end = Vec::with_capacity(ranges.len());
        let mut m = 0;
        for r in &ranges {
            m = m.max(r.1);
            max_end.push(m);
        }
        Spans { ranges, max_end }
    }

    /// Indices of the ranges that overlap `r` (or contain `r.start` when `r` is empty), in ascending item order.
    pub(crate) fn overlapping(&self, r: Range<usize>) -> Vec<usize> {
        let hi = self.ranges.partition_point(|x| x.0 < r.end.max(r.start + 1));
        let mut out = Vec::new();
        for k in (0..hi).rev() {
            if self.max_end[k] <= r.start {
                break;
            }
            if self.ranges[k].1 > r.start {
                out.push(self.ranges[k].2);
            }
        }
        out.sort_unstable();
        out
    }

    /// Indices of the ranges starting at `start`, in ascending item order.
    pub(crate) fn starting_at(&self, start: usize) -> Vec<usize> {
        let lo = self.ranges.partition_point(|x| x.0 < start);
        let mut out: Vec<usize> = self.ranges[lo..].iter().take_while(|x| x.0 == start).map(|x| x.2).collect();
        out.sort_unstable();
        out
    }
}

impl<'t, 'd> Doc<'t, 'd> {
    pub(crate) fn key(&self, t: usize) -> &str {
        self.text.toks.key(t)
    }

    /// Whether token `t` is in a word list (by its key hash first).
    #[inline(always)]
    pub(crate) fn is_in(&self, t: usize, set: &WordSet) -> bool {
        self.text.toks.is_in(t, set)
    }

    pub(crate) fn n(&self) -> usize {
        self.text.toks.len()
    }

    /// Previous non-filler token before `t`, not before `floor`.
    pub(crate) fn prev(&self, t: usize, floor: usize) -> Option<usize> {
        let mut p = t;
        while p > floor {
            p -= 1;
            if !self.text.skip[p] {
                return Some(p);
            }
        }
        None
    }

    /// Whether token `t` is a lower-case word that can modify a noun before
    /// it ("school" in "a school spokesman", "slim" in "a slim majority"):
    /// not a closed-class word, a finite verb form or a speech noun.
    pub(crate) fn noun_modifier(&self, t: usize) -> bool {
        let tok = &self.text.toks.toks[t];
        let k = self.key(t);
        tok.is_word() && !tok.has(CAP) && !self.is_in(t, &self.vocab.closed) && !self.finite_form(k) && !self.lex.is_speech_noun_at(&self.text.toks, t)
    }

    /// First non-filler token at or after `t`, before `ceil`.
    pub(crate) fn next(&self, t: usize, ceil: usize) -> Option<usize> {
        let mut p = t;
        while p < ceil {
            if !self.text.skip[p] {
                return Some(p);
            }
            p += 1;
        }
        None
    }

    pub(crate) fn sentence_span(&self, sent: &Range<usize>) -> Range<usize> {
        self.text.toks.span(sent.clone())
    }

    /// Trims trailing punctuation and fillers from a token range.
    pub(crate) fn trim(&self, r: Range<usize>) -> Range<usize> {
        let mut r = r;
        // Trailing punctuation, and a preposition or conjunction after a comma
        // left dangling before the next attribution ("offered to mediate, with
        // ..."); a particle that ends a clause stays ("would not stand by").
        let dangling = |k: &str| self.vocab.grammar.prepositions.contains(k) || self.vocab.grammar.coordinators.contains(k);
        while r.end > r.start
            && (self.text.skip[r.end - 1]
                || matches!(self.key(r.end - 1), "," | ";" | ":" | "." | "-" | "(")
                || (r.end >= r.start + 2
                    && self.key(r.end - 2) == ","
                    && dangling(self.key(r.end - 1))
                    && self.quote_index.overlapping(r.end - 1..r.end).is_empty()))
        {
            r.end -= 1;
        }
        while r.start < r.end
            && (self.text.skip[r.start]
                || matches!(self.key(r.start), "," | ":" | "-")
                || (self.key(r.start) == "that" && !self.text.toks.toks[r.start].has(CAP)))
        {
            r.start += 1;
        }
        r
    }

    /// Kind of a content range: direct if a quotation covers it, mixed if it holds one.
    pub(crate) fn kind_of(&self, r: &Range<usize>) -> Kind {
        let words = |r: &Range<usize>| (r.start..r.end).filter(|&t| self.text.toks.toks[t].is_word()).count();
        let total = words(r).max(1);
        let mut quoted = 0;
        let mut spoken = false;
        for qi in self.quote_index.overlapping(r.clone()) {
            let q = &self.quotes[qi];
            let a = q.toks.start.max(r.start);
            let b = q.toks.end.min(r.end);
            if a < b && (q.toks.start >= r.start || q.toks.end <= r.end || (q.toks.start <= r.start && r.end <= q.toks.end)) {
                quoted = quoted.max(words(&(a..b)));
                spoken |= q.mark == Mark::Spoken;
            }
        }
        if quoted * 10 >= total * 9 || (spoken && quoted > 0) {
            Kind::Direct
        } else if quoted > 0 {
            Kind::Mixed
        } else {
            Kind::Indirect
        }
    }

    /// In unpunctuated speech, where reported words end: before the people
    /// on air speak for themselves (first and second person), before
    /// "and/but" opening a new clause or an aside ("and sadly"), with
    /// trailing function words dropped. Quotations are left whole.
    pub(crate) fn speech_content(&self, r: Range<usize>) -> Range<usize> {
        if self.text.doc.punctuated || !self.quote_index.overlapping(r.start..r.start).is_empty() {
            return r;
        }
        let mut end = r.end;
        let mut words = 0;
        for t in r.clone() {
            if self.text.skip[t] {
                continue;
            }
            let k = self.key(t);
            if words >= 3 {
                let aside = self.is_in(t, &self.vocab.grammar.clause_joiners)
                    && self.next(t + 1, r.end).is_some_and(|n| self.key(n).ends_with("ly") && self.key(n).len() > 3);
                // "you know", "you see" are fillers, not the host being addressed.
                let filler = k == "you" && self.next(t + 1, r.end).is_some_and(|n| matches!(self.key(n), "know" | "see"));
                let person = (self.is_in(t, &self.vocab.grammar.speaker_pronouns) || self.is_in(t, &self.vocab.grammar.person_pronouns)) && !filler;
                if person || aside || self.new_clause(t, r.end) || self.run_in_subject(t, r.clone()) {
                    end = t;
                    break;
                }
            }
            if self.text.toks.toks[t].is_word() {
                words += 1;
            }
        }
        while end > r.start + 1
            && (self.text.skip[end - 1] || self.is_in(end - 1, &self.vocab.clauses.trailing_words) || self.is_in(end - 1, &self.vocab.grammar.prepositions))
        {
            end -= 1;
        }
        r.start..end
    }

    /// Whether a name at `t` opens a new sentence run into the last one
    /// without punctuation ("... the Golan Heights Hezbollah has vowed ..."):
    /// the name follows another capitalised word and a verb follows it.
    pub(crate) fn run_in_subject(&self, t: usize, r: Range<usize>) -> bool {
        let Some(&m) = self.res.by_start.get(&t) else { return false };
        let after_name = self.prev(t, r.start).is_some_and(|p| {
            let tok = &self.text.toks.toks[p];
            tok.is_word() && tok.has(CAP) && !self.is_in(p, &self.vocab.grammar.prepositions)
        });
        after_name
            && self
                .next(self.res.mentions[m].toks.end, r.end)
                .is_some_and(|v| self.is_in(v, &self.vocab.aux) || self.is_in(v, &self.vocab.clauses.clause_verbs))
    }

    /// Content that reaches the end of a clause window cut only for length
    /// runs on through the next window (`speech_content` then finds its end).
    pub(crate) fn run_on(&self, content: Range<usize>, sent: &Range<usize>) -> (Range<usize>, Range<usize>) {
        let seg = &self.text.seg;
        let si = seg.sentence_of(sent.start);
        if !self.text.doc.punctuated && content.end >= sent.end && seg.capped.get(si) == Some(&true) && si + 1 < seg.sentences.len() {
            let next = seg.sentences[si + 1].end;
            return (content.start..next, sent.start..next);
        }
        (content, sent.clone())
    }

    /// Adds a statement (content trimmed; empty content is dropped).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn push(
        &mut self,
        content: Range<usize>,
        cue: Option<Range<usize>>,
        scope: Option<Range<usize>>,
        speaker: Speaker,
        addressee: Option<String>,
        sent: &Range<usize>,
        confidence: f32,
    ) -> Option<usize> {
        let (content, sent) = self.run_on(content, sent);
        let sent = &sent;
        let content = self.trim(self.speech_content(content));
        if content.is_empty() || !(content.start..content.end).any(|t| self.text.toks.toks[t].is_word()) {
            return None;
        }
        if speaker.name.is_none() && speaker.actors.is_empty() {
            return None;
        }
        let scope = scope.unwrap_or_else(|| match &cue {
            Some(c) => c.start.min(content.start)..c.end.max(content.end),
            None => content.clone(),
        });
        let st = Statement {
            kind: self.kind_of(&content),
            span: self.text.toks.span(content.clone()),
            toks: content,
            scope,
            cue_span: cue.as_ref().map(|c| self.text.toks.span(c.clone())),
            cue,
            speaker,
            addressee,
            via: None,
            sentence: self.sentence_span(sent),
            confidence,
        };
        self.out.push(st);
        Some(self.out.len() - 1)
    }

    /// Whether a cue is negated, hypothetical or a question ("did not say", "would say").
    pub(crate) fn cue_blocked(&self, cue: &Range<usize>, floor: usize) -> bool {
        let mut p = cue.start;
        for _ in 0..3 {
            let Some(q) = self.prev(p, floor) else { return false };
            let k = self.key(q);
            if (self.is_in(q, &self.vocab.grammar.negations) || k == "to") || self.is_in(q, &self.vocab.grammar.modals) {
                return true;
            }
            if !(k.ends_with("ly") || self.is_in(q, &self.vocab.clauses.cue_adverbs)) {
                return false;
            }
            p = q;
        }
        false
    }

    /// Whether a cue word at `t` is used as a noun ("a warning", "Raisi's
    /// warning", "his stern warning", "in terms of", "all 50 states").
    pub(crate) fn nominal_use(&self, t: usize, floor: usize) -> bool {
        if self.homograph_noun(t, floor) {
            return true;
        }
        let Some(p) = self.prev(t, floor) else { return false };
        let k = self.key(p);
        if k == "'s" || self.vocab.det.contains(k) {
            return true;
        }
        let Some(pp) = self.prev(p, floor) else { return false };
        let kk = self.key(pp);
        self.key(t).ends_with("ing") && (kk == "'s" || self.vocab.det.contains(kk)) && !self.res.by_end.contains_key(&(p + 1)) && !self.vocab.aux.contains(k)
    }

    /// Whether a cue word that is also a noun ("attack", "states", "calls")
    /// reads as the noun: no subject stands before it. A plain form needs a
    /// plural subject, a pronoun or an auxiliary ("they attack", "did not
    /// attack"); an -s form needs a head word that is not a modifier inside
    /// a longer noun phrase ("the Orlando attack", "other New England states").
    fn homograph_noun(&self, t: usize, floor: usize) -> bool {
        let k = self.key(t);
        if !self.lex.is_homograph(k) {
            return false;
        }
        let Some(p) = self.prev(t, floor) else { return true };
        let pk = self.key(p);
        let ptok = &self.text.toks.toks[p];
        let g = &self.vocab.grammar;
        if ptok.has(QUOTE_AFTER) || g.subject_pronouns.contains(pk) || self.vocab.aux.contains(pk) || g.modals.contains(pk) || g.negations.contains(pk) {
            return false;
        }
        // After a modifier or a verb form it is the noun: "in terms of",
        // "dismissed calls".
        if !ptok.is_word() || self.is_modifier(pk) || ((pk.ends_with("ed") || pk.ends_with("ing")) && !ptok.has(CAP)) {
            return true;
        }
        let plain = !k.ends_with('s');
        if plain {
            let plural = pk.ends_with('s') && !pk.ends_with("ss") && pk != "'s";
            return !(plural || pk.ends_with("ly") || self.vocab.clauses.cue_adverbs.contains(pk));
        }
        // A lowercase subject is a noun after its determiner ("the report
        // states"); "peace talks", "host talks" are compounds.
        if !ptok.has(CAP) {
            let determined = |q: usize| self.is_in(q, &self.vocab.det) || self.key(q) == "'s";
            // "Kenya's foreign minister calls": a speaker's whole description.
            let described = self
                .subject_mention(p, floor)
                .is_some_and(|m| m.kind != MentionKind::Pronoun && (m.toks.len() >= 2 || self.prev(m.toks.start, floor).is_some_and(determined)));
            return !(described || self.prev(p, floor).is_some_and(determined));
        }
        // "Kenya's Foreign Minister calls": a person or office the table knows.
        if self.subject_mention(p, floor).is_some_and(|m| matches!(m.kind, MentionKind::Office | MentionKind::Person) && m.toks.len() >= 2) {
            return false;
        }
        // Back over a capitalised name: what stands before the name decides.
        let mut q = p;
        while self.text.toks.toks[q].has(CAP) {
            match self.prev(q, floor) {
                Some(r) if self.text.toks.toks[r].is_word() || self.key(r) == "." => q = r,
                _ => return false,
            }
        }
        q != p && self.is_modifier(self.key(q))
    }

    /// Whether token `t` is a verb passing on someone's words ("quoted",
    /// "citing").
    pub(crate) fn relay_verb(&self, t: usize) -> bool {
        self.is_in(t, &self.vocab.clauses.relay_verbs)
    }

    /// The mention ending at `p` if it can be a subject: not the object of
    /// a preposition ("according to state media reports").
    fn subject_mention(&self, p: usize, floor: usize) -> Option<&crate::attribute::Mention> {
        let m = &self.res.mentions[*self.res.by_end.get(&(p + 1))?];
        self.prev(m.toks.start, floor).is_none_or(|b| !self.is_in(b, &self.vocab.grammar.prepositions)).then_some(m)
    }

    /// Whether a word can only stand inside a noun phrase before its head:
    /// a determiner, quantifier, number, preposition or possessive.
    fn is_modifier(&self, k: &str) -> bool {
        let g = &self.vocab.grammar;
        k == "'s" || self.vocab.det.contains(k) || g.quantifiers.contains(k) || g.prepositions.contains(k) || k.bytes().all(|b| b.is_ascii_digit())
    }
}
