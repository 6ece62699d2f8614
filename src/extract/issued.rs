//! Statements in an issuer's own voice: a communiqué, a joint statement or
//! a readout says what its issuer holds without "said". When ingestion
//! found the issuer in the title or an opening line ("Joint Statement from
//! A, B and C on ..."), or the document opens with an actor speaking in the
//! first person plural ("The United States stands with our allies ..."),
//! every sentence that no attribution covers is the issuer's.

use crate::extract::doc::{Doc, Spans};
use crate::model::{Kind, Speaker, Statement};

/// Fewest words in a sentence taken as the issuer's statement.
const MIN_ISSUED_WORDS: usize = 6;
/// How an issuer-voice attribution rates: the document says who speaks, the
/// sentence does not.
const ISSUED_CONFIDENCE: f32 = 0.75;

impl<'t, 'd> Doc<'t, 'd> {
    /// Adds the issuer's statements: every sentence of at least six words,
    /// not a question, that no statement found so far overlaps.
    pub(crate) fn issued(&mut self, issuer: Option<Speaker>) {
        let Some(speaker) = issuer.or_else(|| self.opening_voice()) else { return };
        let covered = Spans::new(self.out.iter().map(|s| s.toks.clone()));
        let toks = &self.text.toks;
        let mut found = Vec::new();
        for sent in &self.text.seg.sentences {
            let words = sent.clone().filter(|&t| toks.toks[t].is_word() && !self.text.skip[t]).count();
            let last = sent.clone().rev().find(|&t| !self.text.skip[t]);
            // A question asks, and a sentence ending in a colon introduces.
            if words < MIN_ISSUED_WORDS || last.is_some_and(|t| matches!(toks.key(t), "?" | ":")) || !covered.overlapping(sent.clone()).is_empty() {
                continue;
            }
            let r = self.trim(sent.clone());
            if r.is_empty() {
                continue;
            }
            found.push(Statement {
                kind: Kind::Direct,
                span: toks.span(r.clone()),
                scope: r.clone(),
                toks: r,
                cue: None,
                cue_span: None,
                speaker: speaker.clone(),
                addressee: None,
                via: None,
                sentence: self.sentence_span(sent),
                confidence: ISSUED_CONFIDENCE,
            });
        }
        self.out.extend(found);
    }

    /// The actor a document opens with when it speaks in the first person
    /// plural in its first sentence and nothing there is attributed to
    /// anyone else ("The Ministry reaffirms our commitment ...").
    fn opening_voice(&mut self) -> Option<Speaker> {
        let first = self.text.seg.sentences.first()?.clone();
        let we = first.clone().any(|t| self.is_in(t, &self.vocab.grammar.first_plural));
        if !we {
            return None;
        }
        let m = self.sentence_subject(&first, first.end)?;
        let sp = self.res.speaker_of(m);
        // What is attributed in the first sentence is the subject's own ("... reaffirms our commitment").
        let others = self.out.iter().any(|s| s.toks.start < first.end && s.speaker.name != sp.name);
        (!others && !sp.actors.is_empty() && !sp.independent).then_some(sp)
    }
}
