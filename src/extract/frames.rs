//! What follows a speech cue: its content through the cue's frames
//! (`that`-clause, bare clause, addressee + infinitive, noun phrase,
//! quotation, colon), and the tests for where a clause starts and a noun
//! phrase ends.

use crate::extract::cues::{Cue, Frame};
use crate::extract::doc::Doc;
use crate::extract::quotes::Mark;
use crate::text::token::{CAP, TokKind};
use std::ops::Range;

/// What a frame yields: content tokens, addressee, and the scope for rules when not the default.
pub(crate) type FrameContent = (Range<usize>, Option<String>, Option<Range<usize>>);

impl<'t, 'd> Doc<'t, 'd> {
    /// Content after a cue, trying its frames in order: (content, addressee, scope).
    pub(crate) fn frame_content(&mut self, c: &Cue, limit: usize, sent: &Range<usize>) -> Option<FrameContent> {
        let after = c.toks.end;
        let end = limit.max(after);
        for f in &c.frames {
            match f {
                Frame::Quote | Frame::Colon => {
                    let mut t = self.next(after, end)?;
                    // "said bluntly:", "put it simply:".
                    let mut adverbs = 0;
                    while adverbs < 3 && self.key(t) != ":" && (self.key(t).ends_with("ly") || matches!(self.key(t), "this" | "way" | "it")) {
                        t = self.next(t + 1, end)?;
                        adverbs += 1;
                    }
                    if matches!(self.key(t), ":" | ",") {
                        if *f == Frame::Colon && self.key(t) == ":" {
                            return Some((t + 1..end, None, None));
                        }
                        t = self.next(t + 1, end)?;
                    }
                    if let Some(q) = self
                        .quote_index
                        .starting_at(t)
                        .into_iter()
                        .chain(self.quote_index.starting_at(t + 1))
                        .map(|i| &self.quotes[i])
                        .find(|q| (q.toks.start == t && q.mark != Mark::Spoken) || (q.mark == Mark::Spoken && q.toks.start == t + 1))
                    {
                        let qe = q.toks.end.min(sent.end.max(q.toks.end));
                        return Some((q.toks.start..qe, None, None));
                    }
                }
                Frame::That => {
                    let mut t = after;
                    let mut n = 0;
                    while t < end && n < 9 {
                        let k = self.key(t);
                        if k == "that" {
                            return Some((t + 1..end, None, None));
                        }
                        if self.vocab.aux.contains(k) || matches!(k, "." | ";" | "!" | "?") || (n == 0 && self.clause_starts(t, end)) {
                            break;
                        }
                        if !self.text.skip[t] {
                            n += 1;
                        }
                        t += 1;
                    }
                }
                Frame::Clause => {
                    let t = self.next(after, end)?;
                    let t = if self.key(t) == "," { self.next(t + 1, end)? } else { t };
                    if self.clause_starts(t, end) {
                        return Some((t..end, None, None));
                    }
                }
                Frame::ObjectThat | Frame::ObjectTo | Frame::ObjectOf => {
                    let Some((who, aend)) = self.addressee(after, end) else { continue };
                    let Some(t) = self.next(aend, end) else { continue };
                    let k = self.key(t).to_string();
                    match f {
                        Frame::ObjectThat if k == "that" => return Some((t + 1..end, who, None)),
                        Frame::ObjectThat if self.clause_starts(t, end) => return Some((t..end, who, None)),
                        Frame::ObjectTo if self.infinitive(t, end) => return Some((self.next(after, end).unwrap_or(after)..end, who, None)),
                        Frame::ObjectOf if k == "of" || k == "about" || k == "against" => {
                            let e = self.np_end(t + 1, end);
                            return Some((self.next(after, end).unwrap_or(after)..e, who, None));
                        }
                        _ => {}
                    }
                }
                Frame::To => {
                    let t = self.next(after, end)?;
                    if self.infinitive(t, end) {
                        return Some((t..end, None, None));
                    }
                }
                Frame::Of | Frame::For | Frame::Against => {
                    let t = self.next(after, end)?;
                    let want = match f {
                        Frame::Of => "of",
                        Frame::For => "for",
                        _ => "against",
                    };
                    if self.key(t) == want || (want == "of" && self.key(t) == "about") {
                        return Some((t..self.np_end(t + 1, end), None, None));
                    }
                }
                Frame::Object => {
                    let t = self.next(after, end)?;
                    let k = self.key(t);
                    let tok = &self.text.toks.toks[t];
                    if tok.is_word() && !self.vocab.aux.contains(k) && !(k == "to" || k == "that" || self.vocab.grammar.object_pronouns.contains(k)) {
                        let e = self.np_end(t, end);
                        // A bare pronoun or one word is not content.
                        if e > t + 1 || self.lex.is_speech_noun(k) || !self.vocab.det.contains(k) {
                            return Some((t..e, None, None));
                        }
                    }
                }
            }
        }
        None
    }

    /// Addressee text of a mention or short noun phrase starting at `t`; returns (name, end).
    pub(crate) fn addressee(&mut self, t: usize, end: usize) -> Option<(Option<String>, usize)> {
        let t = self.next(t, end)?;
        let mut p = t;
        let mut named = None;
        if let Some(&m) = self.res.by_start.get(&t) {
            let s = self.res.speaker_of(m);
            named = s.name.or(s.mention);
            p = self.res.mentions[m].toks.end;
        }
        // The rest of a short noun phrase: up to 8 words without verbs.
        while p < end && p - t < 8 {
            let k = self.key(p);
            if k == "to"
                || k == "that"
                || k == "of"
                || self.vocab.aux.contains(k)
                || matches!(k, "," | "." | ";" | ":")
                || (p > t && (self.vocab.grammar.subject_pronouns.contains(k) || self.vocab.grammar.expletives.contains(k)))
            {
                break;
            }
            p += 1;
        }
        if named.is_some() && p == self.res.mentions[self.res.by_start[&t]].toks.end {
            return Some((named, p));
        }
        (p > t).then(|| (Some(self.text.toks.norm_text(t..p).to_string()), p))
    }

    /// Whether tokens from `t` start a clause: a subject and a verb soon after.
    pub(crate) fn clause_starts(&self, t: usize, end: usize) -> bool {
        let Some(t) = self.next(t, end) else { return false };
        let k = self.key(t);
        let tok = &self.text.toks.toks[t];
        if self.vocab.aux.contains(k) || self.vocab.grammar.prepositions.contains(k) || (k == "to" || self.vocab.grammar.complementizers.contains(k)) {
            return false;
        }
        if !(tok.is_word() || tok.kind == TokKind::Number) {
            return false;
        }
        // A participle does not open a clause as its subject ("and carried out ...").
        if tok.is_word() && !tok.has(CAP) && (k.ends_with("ed") || k.ends_with("ing")) && k.len() > 4 {
            return false;
        }
        let pronoun_subject = self.vocab.grammar.plural_pronouns.contains(k) || self.vocab.grammar.speaker_pronouns.contains(k);
        let mut seen = 0;
        let mut p = t + 1;
        while p < end && seen < 7 {
            if self.text.skip[p] {
                p += 1;
                continue;
            }
            let k = self.key(p);
            // A past form counts unless a determiner makes it an adjective ("its alleged promises").
            let past = k.ends_with("ed") && k.len() > 4 && !self.vocab.det.contains(self.key(p - 1)) && !matches!(self.key(p - 1), "'s");
            if self.vocab.aux.contains(k)
                || self.vocab.clauses.clause_verbs.contains(k)
                || (pronoun_subject && self.vocab.clauses.base_verbs.contains(k))
                || past
                || k == "not"
            {
                return true;
            }
            if matches!(k, "." | ";" | "," | ":" | "that") {
                return false;
            }
            seen += 1;
            p += 1;
        }
        false
    }

    /// Whether `t` is "to" followed by a verb (an infinitive, not "to the").
    pub(crate) fn infinitive(&self, t: usize, end: usize) -> bool {
        if self.key(t) != "to" {
            return false;
        }
        let Some(v) = self.next(t + 1, end) else { return false };
        let k = self.key(v);
        let tok = &self.text.toks.toks[v];
        let names_someone = self.res.by_start.contains_key(&v) || (tok.has(CAP) && k != "quote");
        let subject = self.vocab.grammar.subject_pronouns.contains(k) || self.vocab.grammar.expletives.contains(k);
        tok.is_word() && !self.vocab.det.contains(k) && !subject && !names_someone
    }

    /// End of a noun-phrase content starting at `t`.
    pub(crate) fn np_end(&self, t: usize, end: usize) -> usize {
        let mut p = t;
        while p < end {
            let k = self.key(p);
            if p > t && (self.vocab.clauses.noun_phrase_ends.contains(k) || self.new_clause(p, end)) {
                break;
            }
            p += 1;
        }
        p
    }

    /// Whether a new clause starts at `p`: "and|but + subject + verb".
    pub(crate) fn new_clause(&self, p: usize, end: usize) -> bool {
        self.vocab.grammar.clause_joiners.contains(self.key(p)) && p + 1 < end && self.clause_starts(p + 1, end.min(p + 9))
    }

    /// For a rejection cue whose object is a speech noun ("dismissed calls"), the noun token.
    pub(crate) fn rejected_call(&self, c: &Cue, content: &Range<usize>) -> Option<usize> {
        let verb = self.key(c.toks.start);
        let rejecting = self.vocab.clauses.rejection_verbs.sorted().iter().any(|r| verb.starts_with(r));
        if !rejecting {
            return None;
        }
        let mut t = content.start;
        while t < content.end && self.vocab.det.contains(self.key(t)) {
            t += 1;
        }
        (t < content.end && self.lex.is_speech_noun(self.key(t))).then_some(t)
    }
}
