//! Statements: who said what, for whom.
//!
//! Works sentence by sentence (clause window by clause window in
//! unpunctuated speech) over the cues of [`cues`], the mentions of
//! [`crate::attribute`] and the quotations of [`quotes`]:
//!
//! - a verb cue finds its speaker before it (`Iran said`, skipping
//!   auxiliaries, adverbs and time adjuncts; a name or description the
//!   actor table does not know, `Whitcombe said`, `the judge said`, becomes
//!   a mention), or after it for postposed
//!   cues (`"...," said the minister`), and its content after it through
//!   the cue's frames (`that`-clause, addressee + infinitive, noun phrase,
//!   quotation);
//! - a postposed cue after a sentence that already has an attribution is a
//!   relay: the statement keeps its speaker and gets the relay as `via`;
//! - speech nouns give nominal statements (`Israel's insistence that`,
//!   `calls from France to`), and rejecting a call (`Iran dismissed calls
//!   from France to exercise restraint`) gives two statements, one per
//!   holder;
//! - `according to X` attributes the clause or quotation beside it;
//! - a long quotation with no cue belongs to the speaker in focus (the last
//!   speaker, or an owner of "words"/"warning" just mentioned); short
//!   unattributed quotations are scare quotes and are left alone;
//! - pronouns and bare titles ("he", "the minister") resolve to the nearest
//!   compatible earlier mention that is not the object of a preposition.
//!
//! Turn records of transcripts come from [`turns`].

pub(crate) mod cues;
mod doc;
mod finish;
mod frames;
mod issued;
mod nominal;
pub(crate) mod quotes;
mod sentence;
mod subjects;
pub(crate) mod turns;
mod unattributed;

use crate::attribute::resolve::Resolver;
use crate::attribute::{ActorTable, Mention, MentionKind};
use crate::extract::cues::{Cue, Frame, Lexicon};
use crate::extract::doc::{Doc, Spans};
use crate::model::{DocKind, Speaker, Statement, Text};
use crate::text::vocab::Vocabulary;
use std::ops::Range;

/// Extracts statements from prepared documents.
pub(crate) struct Extractor<'a> {
    /// Speech cues.
    pub lexicon: &'a Lexicon,
    /// Actors.
    pub actors: &'a ActorTable,
    /// Word classes.
    pub vocab: &'a Vocabulary,
}

impl<'a> Extractor<'a> {
    /// All statements of a document (transcript turns excluded), in order,
    /// given the document's mentions.
    /// `issuer` speaks every sentence no attribution covers (a communiqué).
    pub(crate) fn extract(&self, text: &Text, mentions: Vec<Mention>, issuer: Option<Speaker>) -> Vec<Statement> {
        let mut d = Doc {
            text,
            lex: self.lexicon,
            vocab: self.vocab,
            res: Resolver::new(text, self.actors, mentions),
            quote_index: Spans::default(),
            quotes: crate::extract::quotes::find(text, self.lexicon),
            owners: Vec::new(),
            rejections: Vec::new(),
            out: Vec::new(),
        };
        d.quote_index = Spans::new(d.quotes.iter().map(|q| q.toks.clone()));
        let (cues, sources) = self.lexicon.cues_and_sources(text);
        let cues = self.reporting_cues(&d, cues);
        let subjects = d.subject_phrases(&cues);
        d.res.add(subjects);
        let objects = d.object_phrases(&cues);
        d.res.add(objects);
        d.find_owners();
        // Cues and sources are in token order: each sentence takes the next run of them.
        let (mut ci, mut si) = (0, 0);
        for sent in &text.seg.sentences {
            let c0 = ci;
            while ci < cues.len() && cues[ci].toks.start < sent.end {
                ci += 1;
            }
            let s0 = si;
            while si < sources.len() && sources[si].start < sent.end {
                si += 1;
            }
            let sent_cues: Vec<&Cue> = cues[c0..ci].iter().filter(|c| c.toks.start >= sent.start).collect();
            let sent_sources: Vec<&Range<usize>> = sources[s0..si].iter().filter(|s| s.start >= sent.start).collect();
            if !sent_cues.is_empty() || !sent_sources.is_empty() {
                d.sentence(sent.clone(), &sent_cues, &sent_sources);
            }
        }
        d.nominals(&cues);
        d.unattributed_quotes();
        if text.doc.kind == DocKind::Article {
            d.issued(issuer);
        }
        d.finish()
    }

    /// The cues that report speech here: not negated, hypothetical,
    /// infinitival, used as nouns, or part of a name.
    fn reporting_cues(&self, d: &Doc, cues: Vec<Cue>) -> Vec<Cue> {
        let text = d.text;
        let mut in_name = vec![false; text.len()];
        for m in d.res.mentions.iter().filter(|m| m.kind != MentionKind::Pronoun) {
            for f in &mut in_name[m.toks.start..m.toks.end.min(text.len())] {
                *f = true;
            }
        }
        cues.into_iter()
            .filter(|c| {
                let floor = text.seg.sentences[text.seg.sentence_of(c.toks.start)].start;
                // Inside quotation marks only a verb of saying reports a statement
                // ("“Iran said it would respond,” ..."); "“Both sides agree ...”" is the
                // quoted speaker's own account.
                let quoted = !d.quote_index.overlapping(c.toks.start..c.toks.start + 1).is_empty();
                let saying = c.frames.iter().any(|f| matches!(f, Frame::Clause | Frame::ObjectThat | Frame::Colon));
                !in_name[c.toks.start] && !d.cue_blocked(&c.toks, floor) && !d.nominal_use(c.toks.start, floor) && (!quoted || saying)
            })
            .collect()
    }
}

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod tests;
