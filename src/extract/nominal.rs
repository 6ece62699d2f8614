//! Speech nouns: who owns "the warning" or "calls from X", and the
//! statements they carry ("X's insistence that ...", "calls from X to ...").

use crate::attribute::MentionKind;
use crate::extract::cues::{Cue, Frame};
use crate::extract::doc::{Doc, Spans};
use crate::extract::subjects::Subject;

/// A statement carried by a speech noun ("X's insistence that ...") is less
/// sure than one with a verb: the noun may report an old or a hypothetical claim.
const NOMINAL_CONFIDENCE: f32 = 0.75;

impl<'t, 'd> Doc<'t, 'd> {
    /// Records owners of speech nouns: "Raisi's warning", "United States messages", "statement by X".
    pub(crate) fn find_owners(&mut self) {
        for t in 0..self.n() {
            if !self.lex.is_speech_noun_at(&self.text.toks, t) {
                continue;
            }
            if let Some(m) = self.noun_owner(t) {
                let s = self.res.speaker_of(m);
                if s.name.is_some() {
                    self.owners.push((t, s));
                }
            }
        }
    }

    /// The mention owning the speech noun at `t`, if any.
    pub(crate) fn noun_owner(&self, t: usize) -> Option<usize> {
        // Before: "X's (adj) NOUN" or "X NOUN".
        let mut p = self.prev(t, 0)?;
        let mut adjectives = 0;
        loop {
            if self.key(p) == "'s" {
                let q = self.prev(p, 0)?;
                return self.res.by_end.get(&(q + 1)).copied().filter(|&m| self.res.mentions[m].kind != MentionKind::Pronoun);
            }
            if let Some(&m) = self.res.by_end.get(&(p + 1)) {
                if adjectives == 0 && !matches!(self.res.mentions[m].kind, MentionKind::Pronoun) {
                    return Some(m);
                }
                break;
            }
            let k = self.key(p);
            if adjectives < 2
                && self.text.toks.toks[p].is_word()
                && !self.vocab.det.contains(k)
                && !self.vocab.aux.contains(k)
                && !self.vocab.grammar.prepositions.contains(k)
            {
                adjectives += 1;
                p = self.prev(p, 0)?;
                continue;
            }
            break;
        }
        // After: "NOUN from|by|of X".
        let q = self.next(t + 1, self.n())?;
        if matches!(self.key(q), "from" | "by") {
            let r = self.next(q + 1, self.n())?;
            return self.res.by_start.get(&r).copied().filter(|&m| self.res.mentions[m].kind != MentionKind::Pronoun);
        }
        None
    }

    /// Nominal statements: "X's insistence that ...", "calls from X to ...", "X's appeal for ...".
    #[allow(clippy::needless_range_loop)] // `t` is a token position, read through several tables
    pub(crate) fn nominals(&mut self, cues: &[Cue]) {
        let frames = self.lex.noun_frames.clone();
        let mut in_cue = vec![false; self.n()];
        for c in cues {
            for f in &mut in_cue[c.toks.start..c.toks.end.min(self.n())] {
                *f = true;
            }
        }
        // Statements found by verb cues, to see whether one already reports the content.
        let verbal = Spans::new(self.out.iter().map(|s| s.toks.clone()));
        for t in 0..self.n() {
            if !self.lex.is_speech_noun_at(&self.text.toks, t) || in_cue[t] {
                continue;
            }
            let Some(owner) = self.noun_owner(t) else { continue };
            if self.res.mentions[owner].kind == MentionKind::Pronoun {
                continue;
            }
            let si = self.text.seg.sentence_of(t);
            let sent = self.text.seg.sentences[si].clone();
            // After the noun and its holder phrase.
            let mut after = t + 1;
            if let Some(q) = self.next(after, sent.end)
                && matches!(self.key(q), "from" | "by")
                && self.res.mentions[owner].toks.start > t
            {
                after = self.res.mentions[owner].toks.end;
            }
            let Some(f0) = self.next(after, sent.end) else { continue };
            let k = self.key(f0).to_string();
            // Content ends at the next attribution in the sentence.
            let first_after = cues.partition_point(|c| c.toks.start <= f0);
            let limit = cues[first_after..]
                .iter()
                .take_while(|c| c.toks.start < sent.end)
                .map(|c| match self.subject_before(c.toks.start, sent.start) {
                    Subject::Mention(m) => self.res.mentions[m].toks.start,
                    _ => c.toks.start,
                })
                .min()
                .unwrap_or(sent.end);
            let content = if k == "that" && frames.contains(&Frame::That) && self.clause_starts(f0 + 1, limit) {
                Some(f0 + 1..limit)
            } else if k == "to" && frames.contains(&Frame::To) && self.infinitive(f0, limit) {
                Some(f0..limit)
            } else if k == "for" && frames.contains(&Frame::For) {
                Some(f0..self.np_end(f0 + 1, limit))
            } else if frames.contains(&Frame::ObjectTo) && self.res.by_start.contains_key(&f0) {
                let m = self.res.by_start[&f0];
                let e = self.res.mentions[m].toks.end;
                let to = self.next(e, limit);
                to.filter(|&to| self.infinitive(to, limit)).map(|_| f0..limit)
            } else {
                None
            };
            let Some(content) = content else { continue };
            // A statement already reported with this content (a verb cue's) wins.
            let span = self.trim(content.clone());
            let reported = verbal.overlapping(span.clone()).into_iter().map(|i| &self.out[i]);
            if reported.into_iter().any(|s| s.toks.start <= span.start && span.end <= s.toks.end && s.cue.as_ref().is_some_and(|c| c.start > t)) {
                continue;
            }
            let sp = self.res.speaker_of(owner);
            let holder_after = self.res.mentions[owner].toks.start > t;
            // "calls from X to ...": the statement runs from the holder.
            let content = if holder_after { self.res.mentions[owner].toks.start..content.end } else { content };
            self.push(content.clone(), Some(t..t + 1), Some(t..content.end), sp, None, &sent, NOMINAL_CONFIDENCE);
        }
    }
}
