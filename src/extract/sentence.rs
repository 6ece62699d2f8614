//! One sentence (or clause window) at a time: each verb cue finds its
//! speaker (before it, after it for postposed cues, around it for a
//! parenthetical) and its content; `according to X` attributes the clause
//! beside it.

use crate::attribute::MentionKind;
use crate::extract::cues::Cue;
use crate::extract::doc::Doc;
use crate::extract::subjects::Subject;
use crate::model::Speaker;
use crate::text::token::{CAP, QUOTE_AFTER};
use std::ops::Range;

/// How sure an attribution by a subject before its cue is.
const CONFIDENCE: f32 = 0.85;
/// A pronoun subject is resolved by guess: less sure.
const PRONOUN_CONFIDENCE: f32 = 0.7;
/// Most words before a postposed subject's mention that still belong to it
/// ("a school spokesman", "the Daily Post").
const MAX_SUBJECT_MODIFIERS: usize = 3;
/// A postposed attribution ("..., X said") after reported words is the most
/// reliable kind.
const POSTPOSED_CONFIDENCE: f32 = 0.9;
/// A parenthetical attribution covers a whole sentence: less sure of its extent.
const PARENTHETICAL_CONFIDENCE: f32 = 0.8;

/// A sentence being read, cue by cue.
struct Reading {
    /// The sentence's tokens.
    sent: Range<usize>,
    /// Where attributions begin (sorted).
    stops: Vec<usize>,
    /// Index of the sentence's first statement.
    first: usize,
    /// The speaker of the sentence's last statement.
    last_speaker: Option<Speaker>,
}

impl Reading {
    /// Where content starting after `from` ends: the next stop, or the sentence end.
    fn stop_after(&self, from: usize) -> usize {
        self.stops.iter().copied().find(|&s| s > from).unwrap_or(self.sent.end).min(self.sent.end)
    }
}

impl<'t, 'd> Doc<'t, 'd> {
    /// Processes one sentence (or clause window): each cue, then each source phrase.
    pub(crate) fn sentence(&mut self, sent: Range<usize>, cues: &[&Cue], sources: &[&Range<usize>]) {
        let (subjects, stops) = self.subjects_and_stops(&sent, cues, sources);
        let mut st = Reading { first: self.out.len(), sent, stops, last_speaker: None };
        for (c, subject) in cues.iter().copied().zip(subjects) {
            self.cue(c, subject, &mut st);
        }
        for s in sources {
            self.source_phrase(s, &st);
        }
    }

    /// The subject of each cue, and the stops: where each attribution
    /// begins, so that the content of an earlier one ends there.
    fn subjects_and_stops(&self, sent: &Range<usize>, cues: &[&Cue], sources: &[&Range<usize>]) -> (Vec<Subject>, Vec<usize>) {
        let mut stops: Vec<usize> = Vec::new();
        let mut subjects = Vec::new();
        for c in cues {
            let s = self.subject_before(c.toks.start, sent.start);
            let start = match &s {
                Subject::Mention(m) | Subject::Appos(m, _) => {
                    let ms = self.res.mentions[*m].toks.start;
                    let joint = self.prev(ms, sent.start).filter(|&p| matches!(self.key(p), "," | ";") || self.is_in(p, &self.vocab.grammar.clause_joiners));
                    if self.res.mentions[*m].kind == MentionKind::Pronoun && joint.is_none() && ms > sent.start {
                        // "told us they have been urging": a complement clause, not a new attribution.
                        None
                    } else {
                        // Include a comma or conjunction right before the subject.
                        Some(joint.unwrap_or(ms))
                    }
                }
                Subject::Noun(n) => Some(self.prev(*n, sent.start).unwrap_or(*n)),
                Subject::Coordinated => Some(self.prev(c.toks.start, sent.start).unwrap_or(c.toks.start)),
                // A participle after a comma (", adding that") also starts an attribution.
                Subject::None => self.prev(c.toks.start, sent.start).filter(|&p| self.key(p) == ","),
            };
            stops.extend(start);
            subjects.push(s);
        }
        for s in sources {
            stops.push(if self.prev(s.start, sent.start).is_some_and(|p| self.key(p) == ",") { s.start - 1 } else { s.start });
        }
        stops.sort_unstable();
        (subjects, stops)
    }

    /// One cue: a postposed attribution, a parenthetical one, or a speaker
    /// before the cue (a participle's is the clause's), then the content.
    fn cue(&mut self, c: &Cue, subject: Subject, st: &mut Reading) {
        let head = c.toks.start;
        // "-ing" after a form of "be" is a progressive verb ("have been urging"), not a participle.
        let progressive = self.prev(head, st.sent.start).is_some_and(|p| self.is_in(p, &self.vocab.grammar.be_forms));
        // "quoted X as saying" is no participle: X said it.
        let gerund = (self.key(c.toks.end - 1).ends_with("ing") || self.key(head).ends_with("ing")) && !progressive && self.key(head) != "as";
        if c.postposed && !gerund {
            let found = self.postposed_subject(c, subject, st).or_else(|| self.inverted_subject(c, st));
            if let Some((content, sp)) = found {
                self.postposed_statement(c, content, sp.clone(), st);
                self.split_rest(c, sp, st);
                return;
            }
        }
        if !gerund && self.parenthetical(c, subject, st) {
            return;
        }
        let found = if gerund { self.participle_speaker(c, subject, st).map(|s| (s, CONFIDENCE)) } else { self.preverbal_speaker(c, subject, st) };
        let Some((sp, confidence)) = found else { return };
        if sp.name.is_none() && sp.actors.is_empty() {
            return;
        }
        self.cue_content(c, sp, confidence, st);
    }

    /// "..., X said" / "“...” X said": the subject after the content.
    fn postposed_subject(&mut self, c: &Cue, subject: Subject, st: &Reading) -> Option<(Range<usize>, Speaker)> {
        let Subject::Mention(m) = subject else { return None };
        let sent = &st.sent;
        let ms = self.res.mentions[m].toks.start;
        let mut b = self.prev(ms, sent.start)?;
        // "..., the Daily Post said", "..., a school spokesman said", "...,"
        // Professor Ames told us": the subject's article, modifiers and title.
        for _ in 0..MAX_SUBJECT_MODIFIERS {
            let title = self.res.by_end.get(&(b + 1)).is_some_and(|&o| self.res.mentions[o].toks.end == ms);
            if !(self.is_in(b, &self.vocab.det) || self.noun_modifier(b) || title) || self.text.toks.toks[b].has(QUOTE_AFTER) || self.relay_verb(b) {
                break;
            }
            b = match self.res.by_end.get(&(b + 1)) {
                Some(&o) if title => self.prev(self.res.mentions[o].toks.start, sent.start)?,
                _ => self.prev(b, sent.start)?,
            };
        }
        // "“...,” the agency quoted Jane Doe as saying": past the relay and its subject.
        if self.relay_verb(b)
            && self.key(c.toks.start) == "as"
            && let Some(r) = (b.saturating_sub(MAX_SUBJECT_MODIFIERS + 2).max(sent.start + 1)..b)
                .rev()
                .find(|&r| self.key(r) == "," || self.text.toks.toks[r].has(QUOTE_AFTER))
        {
            b = r;
        }
        let after_quote = self.text.toks.toks[b].has(QUOTE_AFTER)
            || self
                .quote_index
                .overlapping(ms.saturating_sub(1)..ms)
                .into_iter()
                .map(|i| &self.quotes[i])
                .any(|q| q.outer.end <= self.text.toks.toks[ms].start as usize && q.toks.end == ms);
        let tail = self.postposed_tail(c.toks.end, sent.end) || (after_quote && self.split_quote(c.toks.end, sent.end).is_some());
        if !((self.key(b) == "," || after_quote) && b > sent.start && tail) {
            return None;
        }
        let content = self.postposed_content(sent.start, b + usize::from(self.key(b) != ","), st.first);
        let relay = self.out[st.first..].iter().any(|s| s.toks.end <= b);
        (relay || self.reported_content(&content)).then(|| (content, self.res.speaker_of(m)))
    }

    /// "..., said the minister.": an inverted subject after the cue.
    fn inverted_subject(&mut self, c: &Cue, st: &Reading) -> Option<(Range<usize>, Speaker)> {
        let sent = &st.sent;
        let b = self.prev(c.toks.start, sent.start)?;
        let after_quote = self.text.toks.toks[b].has(QUOTE_AFTER);
        if !((self.key(b) == "," || after_quote) && b > sent.start) {
            return None;
        }
        let m = *self.next(c.toks.end, sent.end).and_then(|t| self.res.by_start.get(&t))?;
        let ms = self.res.mentions[m].toks.start;
        let inverted = self.res.mentions[m].kind != MentionKind::Pronoun && !self.clause_starts(ms, sent.end);
        let content = self.postposed_content(sent.start, b + usize::from(self.key(b) != ","), st.first);
        let relay = self.out[st.first..].iter().any(|s| s.toks.end <= b);
        let me = self.res.mentions[m].toks.end;
        let tail = self.postposed_tail(me, sent.end) || (after_quote && self.split_quote(me, sent.end).is_some());
        let fits = inverted && tail && (relay || self.reported_content(&content));
        fits.then(|| (content, self.res.speaker_of(m)))
    }

    /// The quotation that goes on after a postposed attribution (`“A,” she
    /// said, “B.”`): `, “` right after `from` (the cue or the speaker after
    /// it). Returns its index.
    pub(crate) fn split_quote(&self, from: usize, end: usize) -> Option<usize> {
        let comma = self.next(from, end).filter(|&t| self.key(t) == ",")?;
        let open = self.next(comma + 1, end.max(comma + 2).min(self.text.len()))?;
        self.quote_index.starting_at(open).into_iter().max_by_key(|&q| self.quotes[q].toks.end)
    }

    /// The second half of a split quotation is the same speaker's words.
    fn split_rest(&mut self, c: &Cue, sp: Speaker, st: &mut Reading) {
        let mut from = c.toks.end;
        if let Some(&m) = self.next(from, st.sent.end).and_then(|t| self.res.by_start.get(&t)) {
            from = from.max(self.res.mentions[m].toks.end);
        }
        let Some(q) = self.split_quote(from, self.text.len()) else { return };
        let toks = self.quotes[q].toks.clone();
        if self.out.iter().any(|s| s.toks.start < toks.end && toks.start < s.toks.end) {
            return;
        }
        let sent = st.sent.start..toks.end.max(st.sent.end);
        self.push(toks.clone(), Some(c.toks.clone()), Some(toks), sp.clone(), None, &sent, POSTPOSED_CONFIDENCE);
        st.last_speaker = Some(sp);
    }

    /// A postposed attribution: a relay when the sentence already attributed
    /// its content, else a statement of the words before the cue.
    fn postposed_statement(&mut self, c: &Cue, content: Range<usize>, sp: Speaker, st: &mut Reading) {
        let earlier: Vec<usize> = (st.first..self.out.len()).filter(|&i| self.out[i].toks.start < c.toks.start).collect();
        if !earlier.is_empty() {
            let via = sp.mention.clone().or(sp.name.clone());
            for i in earlier {
                if self.out[i].via.is_none() {
                    self.out[i].via = via.clone();
                }
            }
            return;
        }
        let scope = Some(content.start..c.toks.end.max(content.end));
        let sent = st.sent.clone();
        self.push(content, Some(c.toks.clone()), scope, sp.clone(), None, &sent, POSTPOSED_CONFIDENCE);
        st.last_speaker = Some(sp);
    }

    /// "The agreement, officials said, would be signed": the whole sentence
    /// is the statement. Returns whether it was one.
    fn parenthetical(&mut self, c: &Cue, subject: Subject, st: &mut Reading) -> bool {
        let Subject::Mention(m) = subject else { return false };
        let sent = st.sent.clone();
        let ms = self.res.mentions[m].toks.start;
        let comma_before = self.prev(ms, sent.start).is_some_and(|b| self.key(b) == "," && b > sent.start);
        let Some(a) = self.next(c.toks.end, sent.end).filter(|&a| self.key(a) == ",") else { return false };
        if !comma_before {
            return false;
        }
        // "Later, X said, “...”": the quotation is the content, not the
        // sentence; but "“The plan,” X said, “is dead.”" is one quotation split.
        let quote_after = self.next(a + 1, sent.end).is_some_and(|q| !self.quote_index.starting_at(q).is_empty());
        let quote_before = self.prev(ms, sent.start).is_some_and(|b| self.quotation_ending_at(b).is_some() || self.text.toks.toks[b].has(QUOTE_AFTER));
        if quote_after && !quote_before {
            return false;
        }
        let continues =
            self.next(a + 1, sent.end).is_some_and(|t| self.is_in(t, &self.vocab.aux) || self.resumes_with_verb(t)) || self.clause_starts(a + 1, sent.end);
        let sp = self.res.speaker_of(m);
        if !(continues && (sp.name.is_some() || !sp.actors.is_empty())) {
            return false;
        }
        self.push(sent.clone(), Some(c.toks.clone()), None, sp.clone(), None, &sent, PARENTHETICAL_CONFIDENCE);
        st.last_speaker = Some(sp);
        true
    }

    /// Whether `t` is the verb of a clause whose subject came before a
    /// parenthesis ("Cutting rates, economists say, slowed growth"): a
    /// lower-case past or third-person form.
    fn resumes_with_verb(&self, t: usize) -> bool {
        let tok = &self.text.toks.toks[t];
        let k = self.key(t);
        if !tok.is_word() || tok.has(CAP) {
            return false;
        }
        let past = k.len() > 4 && k.ends_with("ed");
        past || self.finite_form(k) || self.vocab.clauses.clause_verbs.contains(k)
    }

    /// The speaker of a participle cue: "..., adding that" (the clause's
    /// speaker), "a statement by X asking Y to" (the noun's owner).
    fn participle_speaker(&mut self, c: &Cue, subject: Subject, st: &Reading) -> Option<Speaker> {
        let sent = &st.sent;
        let head = c.toks.start;
        let b = self.prev(head, sent.start);
        if b.is_some_and(|b| self.is_in(b, &self.vocab.grammar.prepositions) || self.key(b) == "by") {
            return None;
        }
        let mut speaker = None;
        if b.is_some_and(|b| self.key(b) == ",") {
            speaker = st.last_speaker.clone().or_else(|| self.out[st.first..].last().map(|s| s.speaker.clone()));
            // The sentence's subject ("Ames spoke in Dover, Kent, arguing"),
            // else the nearest mention opening a clause before the comma.
            if speaker.is_none()
                && let Some(bb) = b
                && let Some(m) = self.sentence_subject(sent, bb).or_else(|| match self.subject_of_clause(bb, sent.start) {
                    Subject::Mention(m) => Some(m),
                    _ => None,
                })
            {
                speaker = Some(self.res.speaker_of(m));
            }
        } else if let Some(noun) = self.speech_noun_before(head, sent.start) {
            if let Some(m) = self.noun_owner(noun) {
                speaker = Some(self.res.speaker_of(m));
            } else if let Subject::Mention(m) = self.subject_before(noun.saturating_sub(2).max(sent.start), sent.start) {
                speaker = Some(self.res.speaker_of(m));
            }
        }
        if speaker.is_none()
            && !c.frames.is_empty()
            && let Subject::Mention(m) = subject
        {
            speaker = Some(self.res.speaker_of(m));
        }
        speaker
    }

    /// The speaker before a cue, with the confidence of the attribution.
    fn preverbal_speaker(&mut self, c: &Cue, subject: Subject, st: &Reading) -> Option<(Speaker, f32)> {
        let head = c.toks.start;
        match subject {
            Subject::Mention(m) => {
                let mention = &self.res.mentions[m];
                if mention.kind != MentionKind::Pronoun {
                    let from = mention.toks.end;
                    let mut sp = self.res.speaker_of(m);
                    // "Ruth Ames, who said": like a pronoun, the words that name the
                    // speaker at the cue are "who"; the name is Ruth Ames's.
                    if let Some(r) = (from..head).find(|&t| self.is_in(t, &self.vocab.grammar.relative_pronouns))
                        && (from..r).all(|t| self.text.skip[t] || self.key(t) == ",")
                        && self.key(r) != "that"
                    {
                        sp.mention = Some(self.text.toks.norm_text(r..r + 1).to_string());
                        sp.span = Some(self.text.toks.span(r..r + 1));
                    }
                    return Some((sp, CONFIDENCE));
                }
                // First and second person: the author, the turn holder, or
                // inside a quotation the quoted speaker; not a new statement.
                if self.is_in(mention.toks.start, &self.vocab.grammar.speaker_pronouns) {
                    return None;
                }
                // Inside the content of a statement made earlier in the
                // sentence, a pronoun's cue repeats that statement.
                if self.out[st.first..].iter().any(|s| s.toks.start <= head && head < s.toks.end) {
                    return None;
                }
                Some((self.res.speaker_of(m), PRONOUN_CONFIDENCE))
            }
            Subject::Appos(m, a) => {
                let mut sp = self.res.speaker_of(m);
                sp.name = Some(self.text.toks.norm_text(self.res.mentions[a].toks.clone()).to_string());
                Some((sp, CONFIDENCE))
            }
            Subject::Noun(n) => self.noun_subject(n).map(|s| (s, CONFIDENCE)),
            Subject::Coordinated => {
                let speaker = st.last_speaker.clone().or_else(|| self.out[st.first..].last().map(|s| s.speaker.clone()));
                // "X called the demand a stunt and said ...": the sentence's subject.
                let speaker = speaker.or_else(|| self.sentence_subject(&st.sent, head).map(|m| self.res.speaker_of(m)));
                let speaker = speaker.or_else(|| self.continued_speaker(st));
                speaker.map(|s| (s, CONFIDENCE))
            }
            Subject::None => None,
        }
    }

    /// "... calls the raid reckless / and warns ...": a clause window
    /// opening with a conjunction where a line break, not a full stop, ended
    /// the one before goes on with the last statement's speaker, when that
    /// statement was in the window before.
    fn continued_speaker(&self, st: &Reading) -> Option<Speaker> {
        let start = st.sent.start;
        let opens_with_conjunction = self.is_in(self.next(start, st.sent.end)?, &self.vocab.grammar.coordinators);
        let i = self.text.seg.sentence_of(start).checked_sub(1)?;
        let before = self.text.seg.sentences[i].clone();
        let last_word = (before.start..before.end).rev().find(|&t| !self.text.skip[t])?;
        let unfinished = !matches!(self.key(last_word), "." | "!" | "?" | ":" | ";") && !self.text.toks.toks[last_word].has(QUOTE_AFTER);
        let last = self.out.last().filter(|s| s.toks.end > before.start && s.toks.end <= before.end)?;
        (opens_with_conjunction && unfinished).then(|| last.speaker.clone())
    }

    /// The content after a cue, through its frames; a rejected call ("Iran
    /// dismissed calls from France to ...") makes the rejection the speaker's
    /// statement.
    fn cue_content(&mut self, c: &Cue, sp: Speaker, confidence: f32, st: &mut Reading) {
        let limit = st.stop_after(c.toks.end);
        let sent = st.sent.clone();
        let Some((content, addressee, scope)) = self.frame_content(c, limit, &sent) else { return };
        match self.rejected_call(c, &content) {
            Some(noun) => {
                let head_span = c.toks.start..noun + 1;
                if let Some(i) = self.push(head_span, Some(c.toks.clone()), Some(c.toks.start..content.end), sp.clone(), None, &sent, confidence) {
                    self.rejections.push((i, noun));
                }
            }
            None => {
                self.push(content, Some(c.toks.clone()), scope, sp.clone(), addressee, &sent, confidence);
            }
        }
        st.last_speaker = Some(sp);
    }

    /// "according to X": the clause or quotation beside it is X's, or X is
    /// the channel of statements already covering it.
    fn source_phrase(&mut self, s: &Range<usize>, st: &Reading) {
        let sent = st.sent.clone();
        let first = self.next(s.end, sent.end);
        let (sp, mend) = match first.and_then(|t| self.res.by_start.get(&t)).copied() {
            Some(m) => (self.res.speaker_of(m), self.res.mentions[m].toks.end),
            None => {
                // An anonymous source: "according to two people familiar with the talks".
                let Some(t0) = first else { return };
                let e = self.np_end(t0, sent.end);
                if e <= t0 || !(t0..e).any(|t| self.text.toks.toks[t].is_word()) {
                    return;
                }
                let name = self.text.toks.norm_text(t0..e).to_string();
                let span = self.text.toks.span(t0..e);
                (Speaker { name: Some(name.clone()), mention: Some(name), span: Some(span), actors: Vec::new(), independent: false }, e)
            }
        };
        // "according to state media reports, ...": the rest of the source's noun phrase.
        let mut mend = mend;
        if let Some(e) = (mend..(mend + 4).min(sent.end)).find(|&t| self.key(t) == ",")
            && (mend..e).all(|t| self.text.toks.toks[t].is_word() && !self.is_in(t, &self.vocab.function))
        {
            mend = e;
        }
        let before = self.prev(s.start, sent.start);
        // "The cuts, according to the report, slowed growth": the clause goes on after the source.
        let resumes = self.next(mend, sent.end).filter(|&a| self.key(a) == ",").and_then(|a| self.next(a + 1, sent.end));
        let parenthesis = before.is_some_and(|b| self.key(b) == "," && b > sent.start)
            && resumes.is_some_and(|t| self.is_in(t, &self.vocab.aux) || self.resumes_with_verb(t));
        let content = if parenthesis {
            let head = self.postposed_content(sent.start, s.start, self.out.len());
            head.start..st.stop_after(resumes.unwrap_or(mend))
        } else if before.is_some_and(|b| self.key(b) == "," || self.text.toks.toks[b].has(QUOTE_AFTER)) || s.start > sent.start + 2 {
            self.postposed_content(sent.start, s.start, self.out.len())
        } else {
            let c0 = self.next(mend, sent.end).map_or(mend, |t| if self.key(t) == "," { t + 1 } else { t });
            c0..st.stop_after(c0)
        };
        // Statements already covering this content: the source is their channel.
        let covered: Vec<usize> =
            (st.first..self.out.len()).filter(|&i| self.out[i].toks.start < content.end && content.start < self.out[i].toks.end).collect();
        if !covered.is_empty() {
            for i in covered {
                if self.out[i].via.is_none() {
                    self.out[i].via = sp.mention.clone().or(sp.name.clone());
                }
            }
            return;
        }
        self.push(content.clone(), Some(s.clone()), Some(content.start..s.end.max(content.end)), sp, None, &sent, CONFIDENCE);
    }

    /// Whether what follows a postposed subject+cue fits a postposed cue:
    /// anything but a new content (a `that`-clause, a clause, an infinitive
    /// or a quotation), since the content came before.
    pub(crate) fn postposed_tail(&self, from: usize, end: usize) -> bool {
        let Some(t) = self.next(from, end) else { return true };
        let k = self.key(t);
        // "X said, “...”": the quotation after the comma is the content.
        if k == "," && self.next(t + 1, end).is_some_and(|q| !self.quote_index.starting_at(q).is_empty()) {
            return false;
        }
        if matches!(k, "." | "," | ";" | "!" | "?") {
            return true;
        }
        if k == "that" || k == ":" || self.infinitive(t, end) || !self.quote_index.starting_at(t).is_empty() || self.clause_starts(t, end) {
            return false;
        }
        // An addressee, then anything but a clause ("told Qatari Emir ... in a call").
        if let Some(&m) = self.res.by_start.get(&t) {
            let after = self.res.mentions[m].toks.end;
            return self.next(after, end).is_none_or(|a| self.key(a) != "that" && !self.clause_starts(a, end));
        }
        !self.clause_starts(t, end)
    }

    /// Whether words before a postposed cue are a statement: a quotation, or
    /// a clause (a verb), not an adverbial lead ("According to X,", "On Monday,").
    pub(crate) fn reported_content(&self, r: &Range<usize>) -> bool {
        if r.is_empty() {
            return false;
        }
        if !self.quote_index.overlapping(r.clone()).is_empty() {
            return true;
        }
        let lead = self.key(r.start);
        if self.vocab.grammar.prepositions.contains(lead) || self.vocab.grammar.subordinators.contains(lead) {
            return false;
        }
        let words = (r.start..r.end).filter(|&t| self.text.toks.toks[t].is_word()).count();
        words >= 3
            && (r.start..r.end).any(|t| {
                let k = self.key(t);
                self.vocab.aux.contains(k)
                    || self.vocab.clauses.clause_verbs.contains(k)
                    || (k.ends_with("ed") && k.len() > 4)
                    || (k.ends_with('s')
                        && !k.ends_with("ss")
                        && t > r.start
                        && self.text.toks.toks[t].is_word()
                        && !self.text.toks.toks[t].has(CAP)
                        && k != "'s")
            })
    }

    /// Content of a postposed cue: from the end of the previous statement in
    /// the sentence (or the sentence start) up to `end` (exclusive).
    pub(crate) fn postposed_content(&self, sent_start: usize, end: usize, first_in_sentence: usize) -> Range<usize> {
        let mut start = sent_start;
        for st in &self.out[first_in_sentence..] {
            if st.toks.end <= end {
                start = start.max(st.toks.end);
            }
        }
        // A quotation ending at `end` starts the content when paraphrase precedes it only as lead-in.
        let mut s = start;
        while s < end && (matches!(self.key(s), "," | ":" | "-") || self.text.skip[s]) {
            s += 1;
        }
        // Lead adverbials: "Further, ..." .
        if let Some(c) = (s..end.min(s + 4)).find(|&t| self.key(t) == ",")
            && (s..c).all(|t| self.text.toks.toks[t].is_word() && !self.res.by_start.contains_key(&t))
            && c - s <= 2
        {
            s = c + 1;
        }
        // "“A. B. C,” she said.": a quotation that began sentences earlier is
        // the content whole, not just its last sentence.
        if start == sent_start
            && let Some(q) = self.quotation_ending_at(end)
        {
            s = s.min(q.start);
        }
        s..end
    }

    /// The tokens of the outermost quotation whose words end at `end` (or
    /// just after it, when a comma closes the words inside the marks).
    pub(crate) fn quotation_ending_at(&self, end: usize) -> Option<Range<usize>> {
        if end == 0 {
            return None;
        }
        self.quote_index
            .overlapping(end - 1..end)
            .into_iter()
            .map(|i| self.quotes[i].toks.clone())
            .filter(|q| q.end == end || q.end == end + 1)
            .min_by_key(|q| q.start)
    }
}
