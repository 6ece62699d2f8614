//! Transcript turns: who holds the floor, from the first word of the body
//! to the last.
//!
//! Transcripts with speaker labels (`HOST: ...`, `JANE DOE: ...`) are cut
//! at the labels. Speech-to-text transcripts have none, so the floor is
//! followed with the cues of `rules/transcript.toml`: the presenter
//! ("host") holds it until a question is answered (an answer opener such as
//! "well" or "I think" soon after a question, or the word after a `?`); a
//! guest holds it until a hand-back ("we'll leave it there", "thank you so
//! much") or the host's next question, whose preamble starts at an
//! acknowledgement ("right", "now") or at the nearest clause start before
//! it. Guests are named from their introductions ("X is with me now", "I'm
//! joined by X", "Dr X lectures on ..."), titles dropped. Each turn becomes
//! a [`Statement`] of kind `turn`; statements reported inside a turn are
//! still extracted on their own by [`crate::extract`].

use crate::attribute::MentionKind;
use crate::attribute::{ActorTable, Mention};
use crate::config::DataFile;
use crate::config::strict::Root;
use crate::error::Diagnostic;
use crate::model::{DocKind, Kind, Label, Speaker, Statement, Text};
use crate::pattern::compile_patterns;
use crate::pattern::{Env, Match, PatternGroups, PatternSet};
use crate::text::token::{CAP, TokKind};
use crate::text::vocab::{Vocabulary, WordSet, word_key};
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::ops::Range;
use std::sync::Arc;
use toml::Spanned;

/// A turn cut at a speaker label is nearly certain.
const LABELLED_CONFIDENCE: f32 = 0.95;
/// A turn followed through questions and answers in unlabelled speech is less so.
const FOLLOWED_CONFIDENCE: f32 = 0.7;
/// How far before a question, in words, an acknowledgement ("right, and ...") may open the host's turn.
const ACK_REACH: usize = 40;
/// How far before a question, in words, a clause start may open the host's turn.
const CLAUSE_REACH: usize = 25;

/// The parts of `rules/transcript.toml` turns read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranscript {
    /// Clause windows (read by [`crate::prepare`]).
    #[serde(rename = "clauses")]
    _clauses: IgnoredAny,
    /// Turn-taking cues.
    turns: RawTurns,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTurns {
    /// Phrases after a guest's name that introduce them.
    intro_after_name: Vec<Spanned<String>>,
    /// Phrases before a guest's name that introduce them.
    intro_before_name: Vec<Spanned<String>>,
    /// Question openers.
    questions: Vec<Spanned<String>>,
    /// Answer openers.
    answers: Vec<Spanned<String>>,
    /// Host hand-backs.
    handbacks: Vec<Spanned<String>>,
    /// Acknowledgements opening a host turn.
    acknowledgements: Vec<Spanned<String>>,
    /// What introduces a clip in a broadcast ("here's", "let's hear").
    clip_intros: Vec<Spanned<String>>,
    /// What opens the presenter's return after a clip ("meanwhile").
    clip_ends: Vec<Spanned<String>>,
    /// What opens a courtesy, not a statement ("thank you", "good afternoon").
    courtesies: Vec<Spanned<String>>,
    /// Speaker labels that name the presenter's side.
    host_labels: Vec<String>,
    /// Speaker labels that name a reporter asking from the floor.
    reporter_labels: Vec<String>,
    /// Words right before a question that belong to it.
    question_lead_ins: Vec<String>,
}

/// A list's matches by start position (matches of several patterns at one
/// start keep their order).
fn by_start(found: Vec<(usize, Match)>) -> Vec<Match> {
    let mut v: Vec<Match> = found.into_iter().map(|(_, m)| m).collect();
    v.sort_by_key(|m| m.start);
    v
}

/// The lists of [`Turns::cues`].
#[derive(Clone, Copy)]
enum Cue {
    Question,
    Answer,
    Handback,
    Ack,
    IntroAfterName,
    IntroBeforeName,
}

/// Compiled turn cues.
#[derive(Debug, Clone)]
pub(crate) struct Turns {
    /// The cues of a transcript without labels, scanned together, in the
    /// order of [`Cue`].
    cues: PatternGroups,
    /// The cues of clips in a punctuated broadcast: ends, then intros.
    clip_cues: PatternGroups,
    vocab: Arc<Vocabulary>,
    host_labels: WordSet,
    reporter_labels: WordSet,
    question_lead_ins: WordSet,
    courtesies: PatternSet,
}

/// Longest mention, in tokens, that may hold a guest's name ("the former
/// Iranian deputy foreign minister Jane Roe").
const GUEST_MENTION_TOKENS: usize = 24;
/// Longest distance, in words, from a question to its answer's first word.
const ANSWER_REACH: usize = 45;
/// Shortest question: an opener and a few words ("what is the | I mean" is not one).
const MIN_QUESTION_WORDS: usize = 3;
/// Fewest words in a sentence of a turn taken as the speaker's statement
/// ("Thank you." and "Good afternoon." are not).
const MIN_STATEMENT_WORDS: usize = 4;
/// Longest clip, in sentences, when nothing ends it sooner.
const MAX_CLIP_SENTENCES: usize = 15;
/// How far back, in tokens, "what he had to say" looks for whom "he" is.
const CLIP_PRONOUN_REACH: usize = 120;
/// Words a guest speaks before a hand-back or question can end their turn.
const MIN_GUEST_WORDS: usize = 8;

impl Turns {
    /// Compiles the turn cues of `transcript.toml`; `fillers` may not appear in patterns.
    pub(crate) fn compile(file: &DataFile, vocab: &Arc<Vocabulary>) -> Result<Turns, Vec<Diagnostic>> {
        let root = Root::parse(file)?;
        let raw: RawTranscript = root.whole().map_err(|d| vec![d])?;
        let mut diags = Vec::new();
        let mut list = |list: &[Spanned<String>]| compile_patterns(&root, list, vocab, &mut diags);
        let t = raw.turns;
        // In the order of `Cue`.
        let cues = [&t.questions, &t.answers, &t.handbacks, &t.acknowledgements, &t.intro_after_name, &t.intro_before_name].map(|l| list(l));
        let turns = Turns {
            cues: PatternGroups::new(cues.into()),
            clip_cues: PatternGroups::new(vec![list(&t.clip_ends), list(&t.clip_intros)]),
            courtesies: PatternSet::new(list(&t.courtesies)),
            vocab: vocab.clone(),
            host_labels: WordSet::from_words(&t.host_labels),
            reporter_labels: WordSet::from_words(&t.reporter_labels),
            question_lead_ins: WordSet::from_words(&t.question_lead_ins),
        };
        if diags.is_empty() { Ok(turns) } else { Err(diags) }
    }

    /// The turns of a transcript, covering its whole body; empty for articles.
    pub(crate) fn turns(&self, text: &Text, actors: &ActorTable, mentions: &[Mention]) -> Vec<Statement> {
        if text.doc.kind != DocKind::Transcript || text.toks.is_empty() {
            return Vec::new();
        }
        let labelled = self.labelled(text, actors, mentions);
        if !labelled.is_empty() {
            return labelled;
        }
        if text.doc.punctuated {
            return self.clips(text, actors, mentions);
        }
        self.unlabelled(text, actors, mentions)
    }

    /// Turns cut at speaker labels.
    fn labelled(&self, text: &Text, actors: &ActorTable, mentions: &[Mention]) -> Vec<Statement> {
        let doc = text.doc;
        let region = text.region.clone();
        let labels: Vec<&Label> = doc.labels.iter().filter(|l| region.contains(&l.words)).collect();
        let mut out = Vec::new();
        for (i, label) in labels.iter().enumerate() {
            let end = labels.get(i + 1).map_or(region.end, |next| next.line.max(label.words));
            let toks = text.toks.token_starting_at_or_after(label.words)..text.toks.token_at_orig(end);
            if toks.is_empty() {
                continue;
            }
            let span = text.toks.span(toks.clone());
            out.push(turn(toks, span, self.label_speaker(&label.name, text, actors, mentions), LABELLED_CONFIDENCE));
        }
        out
    }

    /// Who a label names: "host" for the presenter's side, "reporter" for
    /// questions from the floor, or the fullest mention in the document
    /// with the label's surname ("Dr Doe:" is "Foreign Minister Jane
    /// Doe", with her state; one whose state is known before one whose is
    /// not), else the label in title case.
    fn label_speaker(&self, label: &str, text: &Text, actors: &ActorTable, mentions: &[Mention]) -> Speaker {
        let key = word_key(label);
        let first = key.split(' ').next().unwrap_or("");
        let role = |name: &str| Speaker { name: Some(name.to_string()), mention: Some(label.to_string()), independent: true, ..Speaker::default() };
        if self.host_labels.contains(&key) {
            return role("host");
        }
        if self.reporter_labels.contains(&key) {
            return role("reporter");
        }
        let words: Vec<&str> = key.split(" ").filter(|w| !self.vocab.names.honorifics.contains(w.trim_end_matches('.'))).collect();
        let Some(surname) = words.last().copied().filter(|w| w.chars().any(char::is_alphabetic) && !self.reporter_labels.contains(first)) else {
            return role(&title_case(label));
        };
        let toks = &text.toks;
        let best = mentions
            .iter()
            .filter(|m| matches!(m.kind, MentionKind::Person | MentionKind::Office | MentionKind::Name) && !m.toks.is_empty())
            .filter(|m| {
                let own = m.name.clone().unwrap_or(m.toks.clone());
                !own.is_empty() && toks.key(own.end - 1) == surname
            })
            .max_by_key(|m| (m.kind == MentionKind::Person, !m.actors.is_empty(), m.toks.len(), std::cmp::Reverse(m.toks.start)));
        match best {
            Some(m) => Speaker { mention: Some(label.to_string()), span: None, ..actors.speaker(m, text, text.doc.date) },
            None => Speaker { name: Some(title_case(&words.join(" "))), mention: Some(label.to_string()), ..Speaker::default() },
        }
    }

    fn all(&self, set: &PatternSet, text: &Text) -> Vec<Match> {
        let env = Env { toks: &text.toks, skip: &text.skip, class: &|_, _| false };
        let hits = set.hits(&text.toks);
        by_start(set.matches(&env, &hits, 0..text.toks.len()))
    }

    /// Turns of a transcript without labels.
    fn unlabelled(&self, text: &Text, actors: &ActorTable, mentions: &[Mention]) -> Vec<Statement> {
        let toks = &text.toks;
        let n = toks.len();
        let env = Env { toks: &text.toks, skip: &text.skip, class: &|_, _| false };
        let found: Vec<Vec<Match>> = self.cues.matches(&env).into_iter().map(by_start).collect();
        let starts = |cue: Cue| found[cue as usize].iter().map(|m| m.start).collect::<Vec<usize>>();
        let questions = starts(Cue::Question);
        let answers: Vec<usize> = found[Cue::Answer as usize]
            .iter()
            .map(|m| m.start)
            .filter(|&a| !(toks.key(a) == "well" && a > 0 && self.vocab.grammar.degree_adverbs.contains(toks.key(a - 1))))
            .collect();
        let handbacks = starts(Cue::Handback);
        let acks = starts(Cue::Ack);
        let mut intros: Vec<(usize, Range<usize>)> = Vec::new();
        for m in &found[Cue::IntroAfterName as usize] {
            let name = self.name_before(text, actors, m.start);
            if !name.is_empty() {
                intros.push((m.start, name));
            }
        }
        for m in &found[Cue::IntroBeforeName as usize] {
            let name = self.name_after(text, actors, m.end);
            if !name.is_empty() {
                intros.push((m.start, name));
            }
        }
        intros.sort_by_key(|i| i.0);
        // The answer to a question at q: an answer opener soon after, or the word after a "?".
        let answer_to = |q: usize| -> Option<usize> {
            let reach = (q + ANSWER_REACH).min(n);
            let opener = answers.get(answers.partition_point(|&a| a < q + MIN_QUESTION_WORDS)).copied().filter(|&a| a <= reach);
            let mark = (q..reach).find(|&t| toks.key(t) == "?").map(|t| t + 1).filter(|&t| t < n);
            match (opener, mark) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            }
        };
        let mut bounds: Vec<(usize, bool)> = vec![(0, true)]; // (start, host?)
        let mut pos = 0;
        let mut host = true;
        loop {
            if host {
                let Some((_, a)) = questions[questions.partition_point(|&q| q < pos)..].iter().find_map(|&q| answer_to(q).map(|a| (q, a))) else { break };
                bounds.push((a, false));
                pos = a;
                host = false;
            } else {
                let floor = pos + MIN_GUEST_WORDS;
                let h = handbacks.get(handbacks.partition_point(|&h| h < floor)).copied();
                let qa = questions[questions.partition_point(|&q| q < floor)..].iter().find_map(|&q| answer_to(q).map(|a| (q, a)));
                // A hand-back before the next question ends the guest's turn first;
                // the question's preamble never reaches back past it.
                let q_start = qa.map(|(q, _)| self.preamble(text, mentions, &acks, q, h.filter(|&h| h < q).unwrap_or(pos)));
                match (h, qa, q_start) {
                    (Some(h), Some((q, _)), _) if h < q => {
                        bounds.push((h, true));
                        pos = h;
                        host = true;
                    }
                    (Some(h), None, _) => {
                        bounds.push((h, true));
                        pos = h;
                        host = true;
                    }
                    (_, Some((_, a)), Some(qs)) => {
                        bounds.push((qs, true));
                        bounds.push((a, false));
                        pos = a;
                    }
                    _ => break,
                }
            }
        }
        bounds.dedup_by(|b, a| b.0 == a.0);
        let mut out = Vec::new();
        for (i, &(start, is_host)) in bounds.iter().enumerate() {
            let end = bounds.get(i + 1).map_or(n, |b| b.0);
            if end <= start {
                continue;
            }
            let speaker = if is_host {
                Speaker { name: Some("host".into()), mention: None, independent: true, ..Speaker::default() }
            } else {
                match intros.partition_point(|(at, _)| *at < start).checked_sub(1).map(|i| &intros[i]) {
                    Some((_, name)) => self.guest(text, actors, mentions, name.clone()),
                    None => Speaker { name: Some("guest".into()), independent: true, ..Speaker::default() },
                }
            };
            let span = toks.span(start..end);
            out.push(turn(start..end, span, speaker, FOLLOWED_CONFIDENCE));
        }
        out
    }

    /// Turns of a punctuated broadcast without labels: the presenter holds
    /// the floor, and a clip introduced by "Here's X." or "Let's hear what
    /// he had to say." is X's, from the next sentence until a sentence
    /// that opens with a return to the presenter ("Meanwhile, ..."), names
    /// X again, or introduces the next clip.
    fn clips(&self, text: &Text, actors: &ActorTable, mentions: &[Mention]) -> Vec<Statement> {
        let seg = &text.seg;
        let n = text.toks.len();
        let env = Env { toks: &text.toks, skip: &text.skip, class: &|_, _| false };
        let [clip_ends, intros]: [Vec<Match>; 2] =
            self.clip_cues.matches(&env).into_iter().map(by_start).collect::<Vec<_>>().try_into().expect("two lists of clip cues");
        let ends: std::collections::HashSet<usize> = clip_ends.iter().map(|m| m.start).collect();
        let host = || Speaker { name: Some("host".into()), mention: None, independent: true, ..Speaker::default() };
        let mut out = Vec::new();
        let mut pos = 0;
        for (i, m) in intros.iter().enumerate() {
            let si = seg.sentence_of(m.start);
            let Some(first) = seg.sentences.get(si + 1).map(|s| s.start).filter(|&f| f >= pos) else { continue };
            let Some(who) = self.clip_speaker(mentions, m.start, seg.sentences[si].clone()) else { continue };
            let next_intro = intros.get(i + 1).map_or(n, |x| seg.sentences[seg.sentence_of(x.start)].start);
            let own = mentions.iter().filter(|c| c.kind != MentionKind::Pronoun).map(|c| c.toks.start).collect::<std::collections::HashSet<_>>();
            let names_again = |s: &Range<usize>| (s.start..s.end).any(|t| own.contains(&t) && text.toks.key(t) == text.toks.key(who.toks.end - 1));
            let end = seg.sentences[si + 1..]
                .iter()
                .take(MAX_CLIP_SENTENCES)
                .skip(1)
                .find(|s| s.start >= next_intro || ends.contains(&first_word(text, s)) || names_again(s))
                .map_or_else(|| seg.sentences[(si + MAX_CLIP_SENTENCES).min(seg.sentences.len() - 1)].end.min(next_intro), |s| s.start);
            if first > pos {
                out.push(turn(pos..first, text.toks.span(pos..first), host(), FOLLOWED_CONFIDENCE));
            }
            if end > first {
                let speaker = Speaker { mention: Some(text.toks.norm_text(who.toks.clone()).to_string()), ..actors.speaker(&who, text, text.doc.date) };
                out.push(turn(first..end, text.toks.span(first..end), speaker, FOLLOWED_CONFIDENCE));
            }
            pos = end.max(first);
        }
        if pos < n {
            out.push(turn(pos..n, text.toks.span(pos..n), host(), FOLLOWED_CONFIDENCE));
        }
        out
    }

    /// Who speaks in a clip: the first name after the introduction in its
    /// sentence ("Here's the foreign minister, Jane Doe."), or for a pronoun
    /// ("Let's hear what he had to say.") the last person named before it.
    fn clip_speaker(&self, mentions: &[Mention], after: usize, sent: Range<usize>) -> Option<Mention> {
        let named = |m: &&Mention| matches!(m.kind, MentionKind::Person | MentionKind::Office | MentionKind::Name) && !m.independent;
        let at = mentions.partition_point(|m| m.toks.start < after);
        if let Some(m) = mentions[at..].iter().take_while(|m| m.toks.start < sent.end).find(named) {
            return Some(m.clone());
        }
        let pronoun = mentions[at..]
            .iter()
            .take_while(|m| m.toks.start < sent.end)
            .find(|m| m.kind == MentionKind::Pronoun)
            .or_else(|| mentions[..at].iter().rev().take_while(|m| m.toks.start >= sent.start).find(|m| m.kind == MentionKind::Pronoun));
        pronoun?;
        let reach = sent.start.saturating_sub(CLIP_PRONOUN_REACH);
        mentions[..at].iter().rev().take_while(|m| m.toks.start >= reach).find(|m| named(m) && m.person.is_some() || m.kind == MentionKind::Name).cloned()
    }

    /// Where the host's turn holding question `q` starts: an acknowledgement
    /// ("right", "now") within 40 words, else the nearest clause start (a
    /// speaker-like mention followed by a verb) within 25 words, else the
    /// question itself. Never before `floor` + 3 words.
    fn preamble(&self, text: &Text, mentions: &[Mention], acks: &[usize], q: usize, floor: usize) -> usize {
        let toks = &text.toks;
        // "so is there ...?", "and do you think ...?": the host starts with the conjunction.
        if q > floor + 3 && self.question_lead_ins.contains(toks.key(q - 1)) {
            return q - 1;
        }
        let lo = (floor + 3).max(q.saturating_sub(ACK_REACH));
        let ack = acks[acks.partition_point(|&a| a < lo)..]
            .iter()
            .copied()
            .take_while(|&a| a < q)
            .find(|&a| !(toks.key(a) == "now" && toks.is_any(a + 1, &["and", "or", ","])));
        if let Some(a) = ack {
            return a;
        }
        let lo = (floor + 3).max(q.saturating_sub(CLAUSE_REACH));
        let verb = |t: usize| (t..(t + 2).min(q)).any(|u| self.vocab.aux.contains(toks.key(u)));
        let from = mentions.partition_point(|m| m.toks.start < lo);
        mentions[from..]
            .iter()
            .take_while(|m| m.toks.start < q)
            .filter(|m| m.toks.end < q && !m.in_pp && verb(m.toks.end))
            .map(|m| m.toks.start)
            .max()
            .unwrap_or(q)
    }

    fn is_name_word(&self, text: &Text, actors: &ActorTable, t: usize) -> bool {
        let tok = &text.toks.toks[t];
        let key = text.toks.key(t);
        tok.kind == TokKind::Word
            && !self.vocab.function.contains(key)
            && key.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && (tok.has(CAP) || !actors.is_common_word(key) || self.vocab.names.honorifics.contains(key))
    }

    /// Up to three name words (and titles) ending right before `t`. An
    /// introduction fixes the slot, so when no word looks like a name
    /// (speech-to-text writes names in lowercase, and some are ordinary
    /// words: "jane roe"), the two words before it are taken.
    fn name_before(&self, text: &Text, actors: &ActorTable, t: usize) -> Range<usize> {
        let mut start = t;
        let mut words = 0;
        while start > 0 && words < 4 {
            let p = start - 1;
            if text.skip[p] {
                start = p;
                continue;
            }
            if !self.is_name_word(text, actors, p) {
                break;
            }
            start = p;
            words += 1;
        }
        if words == 0 {
            let plain = |p: usize| text.toks.toks[p].kind == TokKind::Word && !self.vocab.function.contains(text.toks.key(p));
            while start > 0 && words < 2 && plain(start - 1) {
                start -= 1;
                words += 1;
            }
        }
        self.strip_titles(text, start..t)
    }

    /// Up to three name words (after titles) starting at `t`.
    fn name_after(&self, text: &Text, actors: &ActorTable, t: usize) -> Range<usize> {
        let mut end = t;
        let mut words = 0;
        while end < text.toks.len() && words < 4 {
            if text.skip[end] {
                end += 1;
                continue;
            }
            if !self.is_name_word(text, actors, end) {
                break;
            }
            end += 1;
            words += 1;
        }
        self.strip_titles(text, t..end)
    }

    fn strip_titles(&self, text: &Text, mut r: Range<usize>) -> Range<usize> {
        while r.start < r.end && (text.skip[r.start] || self.vocab.names.honorifics.contains(text.toks.key(r.start))) {
            r.start += 1;
        }
        r
    }

    /// A guest as a speaker: a known person or office keeps its actor.
    fn guest(&self, text: &Text, actors: &ActorTable, mentions: &[Mention], name: Range<usize>) -> Speaker {
        let surface = text.toks.norm_text(name.clone()).to_string();
        let from = mentions.partition_point(|m| m.toks.start + GUEST_MENTION_TOKENS < name.start);
        let known = mentions[from..].iter().take_while(|m| m.toks.start <= name.start).find(|m| name.end <= m.toks.end && !m.actors.is_empty());
        match known {
            Some(m) => actors.speaker(m, text, text.doc.date),
            None => Speaker { name: Some(surface.clone()), mention: Some(surface), span: Some(text.toks.span(name)), actors: Vec::new(), independent: true },
        }
    }
}

fn title_case(label: &str) -> String {
    label
        .split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            let mut c = lower.chars();
            c.next().map_or(String::new(), |f| f.to_uppercase().collect::<String>() + c.as_str())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Turns {
    /// What speakers say in their turns: each sentence of a turn whose
    /// speaker speaks for an actor (a minister's answer, a spokesperson's
    /// briefing) is that speaker's statement, as a quotation is. Questions,
    /// sentences under four words and courtesies ("Thanks for joining us
    /// today.", "Sorry for the delay.") are not.
    ///
    /// A labelled turn by someone who speaks for no actor ("BARLOW:", an
    /// interviewee's "A:") is their words too, sentence by sentence, except
    /// a sentence reporting someone else's words (in `found`): that is the
    /// other speaker's statement.
    pub(crate) fn turn_statements(&self, text: &Text, turns: &[Statement], found: &[Statement]) -> Vec<Statement> {
        let reported = crate::extract::doc::Spans::new(found.iter().map(|s| s.toks.clone()));
        let toks = &text.toks;
        let mut out = Vec::new();
        let courtesy: std::collections::HashSet<usize> = self.all(&self.courtesies, text).iter().map(|m| m.start).collect();
        // A labelled turn names who speaks ("BARLOW:"), actor or not.
        let labelled = !text.doc.labels.is_empty();
        for t in turns.iter().filter(|t| (!t.speaker.actors.is_empty() || (labelled && t.speaker.name.is_some())) && !t.speaker.independent) {
            let first = text.seg.sentence_of(t.toks.start);
            for sent in text.seg.sentences[first..].iter().take_while(|s| s.start < t.toks.end) {
                let r = sent.start.max(t.toks.start)..sent.end.min(t.toks.end);
                let words = r.clone().filter(|&k| toks.toks[k].is_word() && !text.skip[k]).count();
                let question = r.clone().rev().find(|&k| !text.skip[k]).is_some_and(|k| toks.key(k) == "?");
                let voice = t.speaker.actors.is_empty();
                if voice && !reported.overlapping(r.clone()).is_empty() {
                    continue;
                }
                if words < MIN_STATEMENT_WORDS || question || courtesy.contains(&first_word(text, &r)) {
                    continue;
                }
                let span = toks.span(r.clone());
                out.push(Statement { kind: Kind::Direct, ..turn(r, span, t.speaker.clone(), LABELLED_CONFIDENCE) });
            }
        }
        out
    }
}

/// The first word of a sentence (past fillers).
fn first_word(text: &Text, s: &Range<usize>) -> usize {
    (s.start..s.end).find(|&t| !text.skip[t] && text.toks.toks[t].is_word()).unwrap_or(s.start)
}

fn turn(toks: Range<usize>, span: Range<usize>, speaker: Speaker, confidence: f32) -> Statement {
    Statement {
        kind: Kind::Turn,
        scope: toks.clone(),
        toks,
        sentence: span.clone(),
        span,
        cue: None,
        cue_span: None,
        speaker,
        addressee: None,
        via: None,
        confidence,
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;
    use crate::model::Document;

    fn turns(body: &str) -> Vec<(String, String)> {
        let engine = Engine::builtin();
        let text = format!("<video_title>Test | Example TV</video_title>\n<publish_date>20230101</publish_date>\n<doc>\n{body}\n</doc>");
        let doc = Document::from_text("t.txt", text, &engine.furniture);
        let t = engine.prepare(&doc);
        engine.turns(&t).into_iter().map(|s| (s.speaker.name.unwrap_or_default(), doc.text[s.span].to_string())).collect()
    }

    const NEWS: &str = "the border talks collapsed today after both delegations walked out of the meeting and the ministers traded accusations over the water rights that have divided the two countries for decades";

    #[test]
    fn host_question_guest_answer_handback() {
        let t = turns(&format!(
            "{NEWS} jane roe is with me now she is a professor of politics jane what happens next well I think both sides will return to the table within weeks because neither can afford a long stand off jane roe thank you so much we will be back after the break"
        ));
        let names: Vec<&str> = t.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["host", "jane roe", "host"]);
        assert!(t[1].1.starts_with("well I think"));
        assert!(t[2].1.starts_with("thank you so much") || t[2].1.starts_with("jane roe thank you"));
    }

    #[test]
    fn follow_up_question_with_preamble() {
        let t = turns(&format!(
            "{NEWS} joining me now is professor Ali Novak from the university of Somewhere what do you make of it well I think it was expected given the long history of failed rounds and the pressure at home on both leaders right and given that pressure do you think a deal is possible this year I think it is possible but only with outside help"
        ));
        let names: Vec<&str> = t.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["host", "Ali Novak", "host", "Ali Novak"]);
        assert!(t[2].1.starts_with("right and given that pressure"));
    }

    #[test]
    fn labelled_transcripts_cut_at_labels() {
        let engine = Engine::builtin();
        let text = "Interview\n\nHOST: Welcome. What now?\nJANE DOE: Talks, I hope.\nHOST: Thank you.\n".to_string();
        let doc = Document::from_text("l.txt", text, &engine.furniture);
        let t = engine.prepare(&doc);
        let names: Vec<String> = engine.turns(&t).into_iter().map(|s| s.speaker.name.unwrap_or_default()).collect();
        assert_eq!(names, ["host", "Jane Doe", "host"]);
    }

    #[test]
    fn articles_have_no_turns() {
        let engine = Engine::builtin();
        let doc = Document::from_text("a.txt", "Title\n\nThe minister said talks would resume.\n".to_string(), &engine.furniture);
        assert!(engine.turns(&engine.prepare(&doc)).is_empty());
    }
}
