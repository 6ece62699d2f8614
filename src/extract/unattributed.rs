//! Quotations without a cue: long ones and whole quoted sentences belong
//! to the speaker in focus; short fragments are scare quotes.

use crate::attribute::MentionKind;
use crate::extract::doc::Doc;
use crate::extract::quotes::Mark;

/// A quotation after "X was blunt:" names its speaker in the sentence.
const COLON_CONFIDENCE: f32 = 0.7;
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
        for q in &quotes {
            if q.mark == Mark::Spoken {
                continue;
            }
            let words = (q.toks.start..q.toks.end).filter(|&t| self.text.toks.toks[t].is_word()).count();
            let inner = &self.text.doc.text[q.inner.clone()];
            let whole_sentence = words >= MIN_SENTENCE_WORDS
                && inner.chars().next().is_some_and(char::is_uppercase)
                && inner.trim_end_matches(['"', '\'', '”', '’', ' ']).ends_with(['.', '!', '?']);
            if words < MIN_QUOTE_WORDS && !whole_sentence {
                continue;
            }
            if self.out.iter().any(|s| s.toks.start < q.toks.end && q.toks.start < s.toks.end) {
                continue;
            }
            let si = self.text.seg.sentence_of(q.toks.start);
            let sent = self.text.seg.sentences[si].clone();
            // "X was blunt: “...”" — the subject before the colon, in this
            // sentence or closing the paragraph before.
            let colon = self.prev(q.toks.start, 0).filter(|&p| self.key(p) == ":");
            if let Some(c) = colon {
                let intro = self.text.seg.sentences[self.text.seg.sentence_of(c)].clone();
                let subject = self.res.mentions.iter().position(|m| {
                    m.toks.start >= intro.start && m.toks.end <= c && !m.in_pp && !self.vocab.grammar.speaker_pronouns.contains(self.key(m.toks.start))
                });
                if let Some(m) = subject {
                    let sp = self.res.speaker_of(m);
                    if sp.name.is_some() || !sp.actors.is_empty() {
                        self.push(q.toks.clone(), None, None, sp, None, &sent, COLON_CONFIDENCE);
                        continue;
                    }
                }
            }
            let para = self.text.seg.paragraph_of(q.toks.start);
            let para_start = self.text.seg.paragraphs[para.saturating_sub(1)].start;
            // The last statement or speech-noun owner before the quote, within this or the previous paragraph.
            let last_statement = self
                .out
                .iter()
                .filter(|s| s.toks.end <= q.toks.start && s.toks.start >= para_start)
                .max_by_key(|s| s.toks.end)
                .map(|s| (s.toks.end, s.speaker.clone()));
            let last_owner = self.owners.iter().filter(|(t, _)| *t < q.toks.start && *t >= para_start).max_by_key(|(t, _)| *t).map(|(t, s)| (*t, s.clone()));
            let mut pick = match (last_statement, last_owner) {
                (Some(a), Some(b)) => Some(if a.0 >= b.0 { a.1 } else { b.1 }),
                (Some(a), None) => Some(a.1),
                (None, Some(b)) => Some(b.1),
                (None, None) => None,
            };
            if pick.is_none() && si > 0 {
                // The subject of the sentence before, if it names a speaker.
                let prev = self.text.seg.sentences[si - 1].clone();
                let m = self.res.mentions.iter().position(|m| {
                    m.toks.start >= prev.start
                        && m.toks.end <= prev.end
                        && !m.in_pp
                        && m.kind != MentionKind::Pronoun
                        && (m.person.is_some() || m.title.is_some() || m.kind == MentionKind::Actor)
                });
                if let Some(m) = m.filter(|&m| self.res.subject_like(m)) {
                    let sp = self.res.speaker_of(m);
                    if !sp.actors.is_empty() {
                        pick = Some(sp);
                    }
                }
            }
            if let Some(sp) = pick {
                self.push(q.toks.clone(), None, None, sp, None, &sent, FOCUS_CONFIDENCE);
            }
        }
    }
}
