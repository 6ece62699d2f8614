//! Quotations without a cue: long ones and whole quoted sentences belong
//! to the speaker in focus; short fragments are scare quotes.

use crate::attribute::MentionKind;
use crate::extract::doc::{Doc, Spans};
use crate::extract::quotes::Mark;
use crate::extract::quotes::Quote;
use crate::model::Speaker;
use crate::text::token::{CAP, LINE, PARA, QUOTE_BEFORE};
use std::ops::Range;

/// A quotation after "X was blunt:" names its speaker in the sentence.
const COLON_CONFIDENCE: f32 = 0.7;
/// A quotation signed with a dash ("“...” ― Jane Doe") names its speaker.
const DASH_CONFIDENCE: f32 = 0.8;
/// Most words of a name signing a quotation.
const MAX_SIGNATURE_WORDS: usize = 4;
/// A quotation given to the speaker in focus, with no cue at all, is a guess.
const FOCUS_CONFIDENCE: f32 = 0.6;
/// Fewer words than this in quotation marks are a scare quote or a title...
const MIN_QUOTE_WORDS: usize = 6;
/// ...unless they are a whole quoted sentence of at least this many words.
const MIN_SENTENCE_WORDS: usize = 3;

impl<'t, 'd> Doc<'t, 'd> {
    /// Quotations without a cue: long ones, and whole quoted sentences,
    /// belong to the speaker in focus (a subject before a colon, the last
    /// speaker, an owner of "words" or "warning", or the previous sentence's
    /// subject). Short fragments are scare quotes and stay unattributed.
    pub(crate) fn unattributed_quotes(&mut self) {
        let quotes = self.quotes.clone();
        let found = Spans::new(self.out.iter().map(|s| s.toks.clone()));
        // Statements by their end, to find the last one before a quotation.
        let mut by_end: Vec<(usize, usize)> = self.out.iter().enumerate().map(|(i, s)| (s.toks.end, i)).collect();
        by_end.sort_unstable();
        // Quotations attributed here, in order; the largest end among them.
        let mut taken_end = 0;
        for q in &quotes {
            if q.mark == Mark::Spoken {
                continue;
            }
            if taken_end > q.toks.start || !found.overlapping(q.toks.clone()).is_empty() {
                continue;
            }
            let words = (q.toks.start..q.toks.end).filter(|&t| self.text.toks.toks[t].is_word()).count();
            // “...” ― Jane Doe: a dash after the quotation names who said it.
            if words > 0
                && let Some(sp) = self.dash_signature(q)
            {
                let sent = self.text.seg.sentences[self.text.seg.sentence_of(q.toks.start)].clone();
                self.push_quote(q, sp, &sent, DASH_CONFIDENCE, &mut by_end, &mut taken_end);
                continue;
            }
            let inner = &self.text.doc.text[q.inner.clone()];
            // A quoted sentence stands where a sentence can: not after a
            // word ("on Channel Nine's “Meet the Morning Panel.”" is a title).
            let stands = self.prev(q.toks.start, 0).is_none_or(|p| {
                self.text.seg.sentence_of(p) != self.text.seg.sentence_of(q.toks.start) || (!self.text.toks.toks[p].is_word() && self.key(p) != "'s")
            });
            let whole_sentence = words >= MIN_SENTENCE_WORDS
                && stands
                && inner.chars().next().is_some_and(char::is_uppercase)
                && inner.trim_end_matches(['"', '\'', '”', '’', ' ']).ends_with(['.', '!', '?']);
            if words < MIN_QUOTE_WORDS && !whole_sentence {
                continue;
            }
            let si = self.text.seg.sentence_of(q.toks.start);
            let sent = self.text.seg.sentences[si].clone();
            // "X was blunt: “...”" — the subject before the colon, in this
            // sentence or closing the paragraph before.
            let colon = self.prev(q.toks.start, 0).filter(|&p| self.key(p) == ":");
            if let Some(c) = colon {
                let intro = self.text.seg.sentences[self.text.seg.sentence_of(c)].clone();
                let subject = self.res.mentions_from(intro.start).take_while(|&m| self.res.mentions[m].toks.start < c).find(|&m| {
                    let m = &self.res.mentions[m];
                    m.toks.end <= c && !m.in_pp && !self.is_in(m.toks.start, &self.vocab.grammar.speaker_pronouns)
                });
                if let Some(m) = subject {
                    let sp = self.res.speaker_of(m);
                    if sp.name.is_some() || !sp.actors.is_empty() {
                        self.push_quote(q, sp, &sent, COLON_CONFIDENCE, &mut by_end, &mut taken_end);
                        continue;
                    }
                }
            }
            let para = self.text.seg.paragraph_of(q.toks.start);
            let para_start = self.text.seg.paragraphs[para.saturating_sub(1)].start;
            // The last statement or speech-noun owner before the quote, within this or the previous paragraph.
            let last_statement = self.last_statement_before(&by_end, q.toks.start, para_start).map(|i| (self.out[i].toks.end, self.out[i].speaker.clone()));
            let owner_at = self.owners.partition_point(|(t, _)| *t < q.toks.start);
            let last_owner = owner_at.checked_sub(1).map(|i| &self.owners[i]).filter(|(t, _)| *t >= para_start).map(|(t, s)| (*t, s.clone()));
            let mut pick = match (last_statement, last_owner) {
                (Some(a), Some(b)) => Some(if a.0 >= b.0 { a } else { b }),
                (Some(a), None) => Some(a),
                (None, Some(b)) => Some(b),
                (None, None) => None,
            }
            .map(|(from, sp)| self.nearest_reference(sp, from, q.toks.start));
            if pick.is_none() && si > 0 {
                // The subject of the sentence before, if it names a speaker.
                let prev = self.text.seg.sentences[si - 1].clone();
                let m = self.res.mentions_from(prev.start).take_while(|&m| self.res.mentions[m].toks.start < prev.end).find(|&m| {
                    let m = &self.res.mentions[m];
                    m.toks.end <= prev.end
                        && !m.in_pp
                        && m.kind != MentionKind::Pronoun
                        && (m.person.is_some() || m.title.is_some() || matches!(m.kind, MentionKind::Actor | MentionKind::Name))
                });
                if let Some(m) = m.filter(|&m| self.res.subject_like(m)) {
                    let sp = self.res.speaker_of(m);
                    // A named person speaks for themselves; anything else must speak for an actor.
                    if !sp.actors.is_empty() || matches!(self.res.mentions[m].kind, MentionKind::Name | MentionKind::Person) {
                        pick = Some(sp);
                    }
                } else if let Some(sp) = self.opening_name(&prev) {
                    pick = Some(sp);
                }
            }
            if let Some(sp) = pick {
                self.push_quote(q, sp, &sent, FOCUS_CONFIDENCE, &mut by_end, &mut taken_end);
            }
        }
    }

    /// `sp` named by the last mention of the same speaker between tokens
    /// `from` and `before` ("..., he said. “...”" is named by "he"): the
    /// words nearest the quotation that refer to its speaker.
    fn nearest_reference(&mut self, sp: Speaker, from: usize, before: usize) -> Speaker {
        if sp.name.is_none() {
            return sp;
        }
        let range = self.res.mentions_from(from);
        let end = range.start + self.res.mentions[range.clone()].partition_point(|m| m.toks.end <= before);
        for m in (range.start..end).rev() {
            if self.res.mentions[m].in_pp {
                continue;
            }
            let other = self.res.speaker_of(m);
            if other.name == sp.name && other.actors == sp.actors {
                return Speaker { mention: other.mention, span: other.span, ..sp };
            }
        }
        sp
    }

    /// The statement ending last at or before `before` that starts at or
    /// after `floor` (the latest found on ties): `by_end` is sorted by end.
    fn last_statement_before(&self, by_end: &[(usize, usize)], before: usize, floor: usize) -> Option<usize> {
        let hi = by_end.partition_point(|&(end, _)| end <= before);
        by_end[..hi].iter().rev().take_while(|&&(end, _)| end >= floor).map(|&(_, i)| i).find(|&i| self.out[i].toks.start >= floor)
    }

    /// Adds a quotation's statement and keeps the indexes of this pass current.
    /// The speaker a dash names right after a quotation (“...” ― Jane
    /// Doe), the way epigraphs and collected reactions are signed: one to
    /// four capitalised words that end the line or the sentence.
    fn dash_signature(&mut self, q: &Quote) -> Option<Speaker> {
        let n = self.text.toks.len();
        let d = self.next(q.toks.end, n)?;
        let text = &self.text.doc.text;
        let toks = &self.text.toks.toks;
        // The dash follows the closing mark on the same line.
        let gap = &text[q.outer.end.min(toks[d].start as usize)..toks[d].start as usize];
        if !matches!(self.key(d), "―" | "—" | "–" | "-" | "--") || gap.contains('\n') {
            return None;
        }
        let first = self.next(d + 1, n)?;
        let mut end = first;
        let same_line = |t: usize| t == first || !(toks[t].has(LINE) || toks[t].has(PARA) || toks[t].has(QUOTE_BEFORE));
        while end < n
            && end - first < MAX_SIGNATURE_WORDS
            && same_line(end)
            && toks[end].is_word()
            && (toks[end].has(CAP) || self.is_in(end, &self.vocab.names.name_particles))
        {
            end += 1;
        }
        if end == first || !toks[end - 1].has(CAP) {
            return None;
        }
        // Nothing else on the line after the name but a full stop.
        let after = &text[toks[end - 1].end as usize..];
        let rest = after.split('\n').next().unwrap_or("").trim();
        if !(rest.is_empty() || rest == ".") {
            return None;
        }
        let name = self.text.toks.norm_text(first..end).to_string();
        let sp = match self.res.by_start.get(&first).copied().filter(|&m| self.res.mentions[m].toks.end <= end) {
            Some(m) => self.res.speaker_of(m),
            None => Speaker { name: Some(name.clone()), ..Speaker::default() },
        };
        Some(Speaker { mention: Some(name), span: Some(self.text.toks.span(first..end)), ..sp })
    }

    fn push_quote(&mut self, q: &Quote, sp: Speaker, sent: &Range<usize>, confidence: f32, by_end: &mut Vec<(usize, usize)>, taken_end: &mut usize) {
        if let Some(i) = self.push(q.toks.clone(), None, None, sp, None, sent, confidence) {
            let key = (self.out[i].toks.end, i);
            let at = by_end.partition_point(|&x| x < key);
            by_end.insert(at, key);
            *taken_end = (*taken_end).max(self.out[i].toks.end);
        }
    }
}
