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

impl<'t, 'd> Doc<'t, 'd> {
    /// Processes one sentence (or clause window).
    pub(crate) fn sentence(&mut self, sent: Range<usize>, cues: &[&Cue], sources: &[&Range<usize>]) {
        // Stops: where each later attribution begins, so earlier content ends there.
        let mut stops: Vec<usize> = Vec::new();
        let mut subjects: Vec<Option<Subject>> = Vec::new();
        for c in cues {
            let s = self.subject_before(c.toks.start, sent.start);
            let start = match &s {
                Subject::Mention(m) | Subject::Appos(m, _) => {
                    let ms = self.res.mentions[*m].toks.start;
                    let joint = self.prev(ms, sent.start).filter(|&p| matches!(self.key(p), "," | "and" | "while" | "but" | ";"));
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
            subjects.push(Some(s));
        }
        for s in sources {
            stops.push(if self.prev(s.start, sent.start).is_some_and(|p| self.key(p) == ",") { s.start - 1 } else { s.start });
        }
        stops.sort_unstable();
        let stop_after = |from: usize| stops.iter().copied().find(|&s| s > from).unwrap_or(sent.end).min(sent.end);
        let first_in_sentence = self.out.len();
        let mut last_speaker: Option<Speaker> = None;
        for (ci, c) in cues.iter().copied().enumerate() {
            let subject = subjects[ci].take().expect("one subject per cue");
            let head = c.toks.start;
            // "-ing" after a form of "be" is a progressive verb ("have been urging"), not a participle.
            let progressive = self.prev(head, sent.start).is_some_and(|p| self.vocab.grammar.be_forms.contains(self.key(p)));
            let gerund = (self.key(c.toks.end - 1).ends_with("ing") || self.key(head).ends_with("ing")) && !progressive;
            let mut speaker: Option<Speaker> = None;
            let mut confidence = 0.85;
            let mut postposed_content: Option<Range<usize>> = None;
            // Postposed: "..., X said" / "“...” X said" / "..., said X".
            if c.postposed && !gerund {
                if let Subject::Mention(m) = subject {
                    let ms = self.res.mentions[m].toks.start;
                    let before = self.prev(ms, sent.start);
                    let after_quote = before.is_some_and(|b| self.text.toks.toks[b].has(QUOTE_AFTER))
                        || self.quotes.iter().any(|q| q.outer.end <= self.text.toks.toks[ms].start as usize && q.toks.end == ms);
                    if let Some(b) = before
                        && (self.key(b) == "," || after_quote)
                        && b > sent.start
                        && self.postposed_tail(c.toks.end, sent.end)
                    {
                        let content = self.postposed_content(sent.start, b + usize::from(self.key(b) != ","), first_in_sentence);
                        let relay = self.out[first_in_sentence..].iter().any(|st| st.toks.end <= b);
                        if relay || self.reported_content(&content) {
                            postposed_content = Some(content);
                            speaker = Some(self.res.speaker_of(m));
                        }
                    }
                }
                if postposed_content.is_none() {
                    // "..., said the minister."
                    if let Some(b) = self.prev(head, sent.start) {
                        let after_quote = self.text.toks.toks[b].has(QUOTE_AFTER);
                        if (self.key(b) == "," || after_quote)
                            && b > sent.start
                            && let Some(&m) = self.next(c.toks.end, sent.end).and_then(|t| self.res.by_start.get(&t))
                        {
                            let ms = self.res.mentions[m].toks.start;
                            let inverted = self.res.mentions[m].kind != MentionKind::Pronoun && !self.clause_starts(ms, sent.end);
                            let content = self.postposed_content(sent.start, b + usize::from(self.key(b) != ","), first_in_sentence);
                            let relay = self.out[first_in_sentence..].iter().any(|st| st.toks.end <= b);
                            if inverted && self.postposed_tail(self.res.mentions[m].toks.end, sent.end) && (relay || self.reported_content(&content)) {
                                postposed_content = Some(content);
                                speaker = Some(self.res.speaker_of(m));
                            }
                        }
                    }
                }
            }
            // A parenthetical attribution: "The agreement, officials said, would be signed".
            if postposed_content.is_none()
                && !gerund
                && let Subject::Mention(m) = subject
            {
                let ms = self.res.mentions[m].toks.start;
                let comma_before = self.prev(ms, sent.start).is_some_and(|b| self.key(b) == "," && b > sent.start);
                let after = self.next(c.toks.end, sent.end).filter(|&a| self.key(a) == ",");
                if let (true, Some(a)) = (comma_before, after) {
                    let continues = self.next(a + 1, sent.end).is_some_and(|t| self.vocab.aux.contains(self.key(t))) || self.clause_starts(a + 1, sent.end);
                    let sp = self.res.speaker_of(m);
                    if continues && (sp.name.is_some() || !sp.actors.is_empty()) {
                        self.push(sent.clone(), Some(c.toks.clone()), None, sp.clone(), None, &sent, 0.8);
                        last_speaker = Some(sp);
                        continue;
                    }
                }
            }
            if let (Some(content), Some(sp)) = (postposed_content, speaker.clone()) {
                // A relay when the sentence already attributed its content.
                let earlier: Vec<usize> = (first_in_sentence..self.out.len()).filter(|&i| self.out[i].toks.start < head).collect();
                if !earlier.is_empty() {
                    let via = sp.mention.clone().or(sp.name.clone());
                    for i in earlier {
                        if self.out[i].via.is_none() {
                            self.out[i].via = via.clone();
                        }
                    }
                    continue;
                }
                // A quotation whose words start with another attribution: "“X said ...,” according to Y".
                let cue_range = Some(c.toks.clone());
                let scope = Some(content.start..c.toks.end.max(content.end));
                self.push(content, cue_range, scope, sp.clone(), None, &sent, 0.9);
                last_speaker = Some(sp);
                continue;
            }
            // Preverbal speaker.
            if gerund {
                // "..., adding that", "a statement by X asking Y to".
                let b = self.prev(head, sent.start);
                let after_comma = b.is_some_and(|b| self.key(b) == ",");
                let after_prep = b.is_some_and(|b| self.vocab.grammar.prepositions.contains(self.key(b)) || self.key(b) == "by");
                if after_prep {
                    continue;
                }
                if after_comma {
                    speaker = last_speaker.clone().or_else(|| self.out[first_in_sentence..].last().map(|s| s.speaker.clone()));
                    if speaker.is_none()
                        && let Some(bb) = b
                        && let Subject::Mention(m) = self.subject_of_clause(bb, sent.start)
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
                    && matches!(subject, Subject::Mention(_))
                    && let Subject::Mention(m) = subject
                {
                    speaker = Some(self.res.speaker_of(m));
                }
            } else {
                match subject {
                    Subject::Mention(m) => {
                        let mk = self.res.mentions[m].kind;
                        let pron = self.key(self.res.mentions[m].toks.start).to_string();
                        // First and second person: the author, the turn holder, or
                        // inside a quotation the quoted speaker; not a new statement.
                        if mk == MentionKind::Pronoun && self.vocab.grammar.speaker_pronouns.contains(pron.as_str()) {
                            continue;
                        }
                        if mk == MentionKind::Pronoun {
                            confidence = 0.7;
                            // Inside the content of a statement made earlier in the
                            // sentence, a pronoun's cue repeats that statement.
                            if self.out[first_in_sentence..].iter().any(|st| st.toks.start <= head && head < st.toks.end) {
                                continue;
                            }
                        }
                        speaker = Some(self.res.speaker_of(m));
                    }
                    Subject::Appos(m, a) => {
                        let mut sp = self.res.speaker_of(m);
                        let name = self.text.toks.norm_text(self.res.mentions[a].toks.clone()).to_string();
                        sp.name = Some(name);
                        speaker = Some(sp);
                    }
                    Subject::Noun(n) => speaker = self.noun_subject(n),
                    Subject::Coordinated => {
                        speaker = last_speaker.clone().or_else(|| self.out[first_in_sentence..].last().map(|s| s.speaker.clone()));
                        if speaker.is_none() {
                            // "X called the demand a stunt and said ...": the sentence's subject.
                            if let Some(m) = self.sentence_subject(&sent, head) {
                                speaker = Some(self.res.speaker_of(m));
                            }
                        }
                    }
                    Subject::None => {}
                }
            }
            let Some(sp) = speaker else { continue };
            if sp.name.is_none() && sp.actors.is_empty() {
                continue;
            }
            // Content after the cue, through the frames.
            let limit = stop_after(c.toks.end);
            if let Some((content, addressee, scope)) = self.frame_content(c, limit, &sent) {
                let rejected_call = self.rejected_call(c, &content);
                match rejected_call {
                    Some(noun) => {
                        // "Iran dismissed calls from France to ...": Iran's statement is the rejection.
                        let head_span = c.toks.start..noun + 1;
                        if let Some(i) = self.push(head_span, Some(c.toks.clone()), Some(c.toks.start..content.end), sp.clone(), None, &sent, confidence) {
                            self.rejections.push((i, noun));
                        }
                    }
                    None => {
                        self.push(content, Some(c.toks.clone()), scope, sp.clone(), addressee, &sent, confidence);
                    }
                }
                last_speaker = Some(sp);
            }
        }
        // Source phrases: "according to X".
        for s in sources {
            let first = self.next(s.end, sent.end);
            let (sp, mend) = match first.and_then(|t| self.res.by_start.get(&t)).copied() {
                Some(m) => (self.res.speaker_of(m), self.res.mentions[m].toks.end),
                None => {
                    // An anonymous source: "according to two people familiar with the talks".
                    let Some(t0) = first else { continue };
                    let e = self.np_end(t0, sent.end);
                    if e <= t0 || !(t0..e).any(|t| self.text.toks.toks[t].is_word()) {
                        continue;
                    }
                    let name = self.text.toks.norm_text(t0..e).to_string();
                    let span = self.text.toks.span(t0..e);
                    (Speaker { name: Some(name.clone()), mention: Some(name), span: Some(span), actors: Vec::new(), independent: false }, e)
                }
            };
            let before = self.prev(s.start, sent.start);
            let content = if before.is_some_and(|b| self.key(b) == "," || self.text.toks.toks[b].has(QUOTE_AFTER)) || s.start > sent.start + 2 {
                self.postposed_content(sent.start, s.start, self.out.len())
            } else {
                let c0 = self.next(mend, sent.end).map_or(mend, |t| if self.key(t) == "," { t + 1 } else { t });
                c0..stop_after(c0)
            };
            // Statements already covering this content: the source is their channel.
            let covered: Vec<usize> =
                (first_in_sentence..self.out.len()).filter(|&i| self.out[i].toks.start < content.end && content.start < self.out[i].toks.end).collect();
            if !covered.is_empty() {
                for i in covered {
                    if self.out[i].via.is_none() {
                        self.out[i].via = sp.mention.clone().or(sp.name.clone());
                    }
                }
                continue;
            }
            self.push(content.clone(), Some((*s).clone()), Some(content.start..s.end.max(content.end)), sp, None, &sent, 0.85);
        }
    }

    /// Whether what follows a postposed subject+cue fits a postposed cue:
    /// anything but a new content (a `that`-clause, a clause, an infinitive
    /// or a quotation), since the content came before.
    pub(crate) fn postposed_tail(&self, from: usize, end: usize) -> bool {
        let Some(t) = self.next(from, end) else { return true };
        let k = self.key(t);
        if matches!(k, "." | "," | ";" | "!" | "?") {
            return true;
        }
        if k == "that" || k == ":" || self.infinitive(t, end) || self.quotes.iter().any(|q| q.toks.start == t) || self.clause_starts(t, end) {
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
        if self.quotes.iter().any(|q| q.toks.start < r.end && r.start < q.toks.end) {
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
        s..end
    }
}
