//! Who stands before a speech cue as its subject: a mention (skipping
//! adverbs, time adjuncts and a parenthesis), an office with a name in
//! apposition, a speech noun ("the statement said"), or a coordinated verb
//! ("... and said").

use crate::attribute::{Mention, MentionKind};
use crate::extract::cues::{Cue, Frame};
use crate::extract::doc::Doc;
use crate::model::Speaker;
use crate::text::token::{CAP, QUOTE_AFTER, QUOTE_BEFORE, TokKind};
use std::ops::Range;

/// How far back, in tokens, "the statement" looks for whose statement it was.
const OWNER_REACH: usize = 150;
/// Most adjunct words between a subject and its cue ("Iran on Monday also said").
const MAX_ADJUNCT_WORDS: usize = 7;
/// Most modifiers between an article and a name ("a visibly angry Whitcombe").
const MAX_NAME_MODIFIERS: usize = 2;
/// Most words of a subject the actor table does not know ("the county's
/// chief election officer").
const MAX_PHRASE_WORDS: usize = 6;
/// Most words of an aside set off by dashes between subject and verb.
const MAX_ASIDE_WORDS: usize = 24;

/// What stands before a cue as its subject.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Subject {
    Mention(usize),
    /// An office and the name given in apposition.
    Appos(usize, usize),
    Noun(usize),
    Coordinated,
    None,
}

impl<'t, 'd> Doc<'t, 'd> {
    /// The subject before a cue starting at `cue`.
    pub(crate) fn subject_before(&self, cue: usize, floor: usize) -> Subject {
        let mut p = match self.prev(cue, floor) {
            Some(p) => p,
            None => return Subject::None,
        };
        let mut skipped = 0;
        loop {
            if let Some(&m) = self.res.by_end.get(&(p + 1))
                && !(self.res.mentions[m].kind == MentionKind::Actor && self.key(p) == "the")
            {
                // "A spokesman for the campaign said": the noun the phrase modifies.
                // "An aide in the premier's office said": past the phrase's article.
                let mut ms = self.res.mentions[m].toks.start;
                if let Some(s) = self.prev(ms, floor).filter(|&s| self.key(s) == "'s") {
                    ms = self.possessor(s, floor).0;
                }
                let ms = self.prev(ms, floor).filter(|&d| self.is_in(d, &self.vocab.grammar.articles)).unwrap_or(ms);
                if self.res.mentions[m].actors.is_empty()
                    && let Some(h) = self.head_before(ms, floor)
                    && let Some(&hm) = self.res.by_end.get(&(h + 1))
                    && self.res.mentions[hm].kind != MentionKind::Pronoun
                {
                    return Subject::Mention(hm);
                }
                return Subject::Mention(m);
            }
            let k = self.key(p);
            if k == ")" {
                // A parenthesis between subject and verb: "The Israel Defense Forces (IDF) said".
                let mut q = p;
                let mut depth = 0;
                while q > floor {
                    q -= 1;
                    match self.key(q) {
                        ")" => depth += 1,
                        "(" if depth == 0 => break,
                        "(" => depth -= 1,
                        _ => {}
                    }
                }
                if self.key(q) == "("
                    && p - q <= 8
                    && let Some(r) = self.prev(q, floor)
                {
                    p = r;
                    continue;
                }
                return Subject::None;
            }
            if self.is_in(p, &self.vocab.grammar.coordinators) {
                return Subject::Coordinated;
            }
            if self.is_in(p, &self.vocab.grammar.relative_pronouns) && skipped <= 3 {
                // "Lebanese officials who told us ...", "Barkley, who said ...":
                // the mention before the relative pronoun.
                if let Some(q) = self.prev(p, floor).and_then(|q| if self.key(q) == "," { self.prev(q, floor) } else { Some(q) })
                    && let Some(&m) = self.res.by_end.get(&(q + 1))
                {
                    // "Sen. Jane Doe of Ohio, who said": the person, not the place.
                    let start = self.res.mentions[m].toks.start;
                    let of = self.prev(start, floor).filter(|&b| matches!(self.key(b), "of" | "from"));
                    if self.res.mentions[m].kind == MentionKind::Actor
                        && let Some(&owner) = of.and_then(|b| self.res.by_end.get(&b))
                        && matches!(self.res.mentions[owner].kind, MentionKind::Person | MentionKind::Name | MentionKind::Office)
                    {
                        return Subject::Mention(owner);
                    }
                    return Subject::Mention(m);
                }
                return Subject::None;
            }
            if self.lex.is_speech_noun_at(&self.text.toks, p) && self.text.toks.toks[p].is_word() {
                // "X in a statement said": the statement is X's, X the subject.
                return self.subject_before_phrase(p, floor).map_or(Subject::Noun(p), Subject::Mention);
            }
            if k == "-"
                && let Some(d) = self.dash_aside_open(p, floor)
                && let Some(q) = self.prev(d, floor)
            {
                // "Ames -- a judge since 2009 -- said": past the aside.
                p = q;
                continue;
            }
            if k == "," {
                // Apposition: "Raisi, Iran's president, said" or "..., and said".
                let mut q = p;
                let mut steps = 0;
                let mut commas = 0;
                let mut aside = None;
                while let Some(r) = self.prev(q, floor) {
                    steps += 1;
                    if steps > 16 + 4 * commas {
                        break;
                    }
                    if self.key(r) == "," {
                        if let Some(s) = self.prev(r, floor)
                            && let Some(&m) = self.res.by_end.get(&(s + 1))
                        {
                            // An office whose holder is named in the apposition: "Its foreign minister, Badr Albusaidi,".
                            let inner = self
                                .res
                                .by_start
                                .get(&(r + 1))
                                .copied()
                                .filter(|&a| self.res.mentions[a].toks.end == p && self.res.mentions[a].kind == MentionKind::Name);
                            return match inner {
                                Some(a) if self.res.mentions[m].kind == MentionKind::Office && self.res.mentions[m].person.is_none() => Subject::Appos(m, a),
                                _ => Subject::Mention(m),
                            };
                        }
                        // "The ministry, through its envoy, said": a prepositional
                        // phrase set off by commas stands between subject and verb.
                        if commas == 0 && self.next(r + 1, p).is_some_and(|t| self.is_in(t, &self.vocab.grammar.prepositions) && self.key(t) != "of") {
                            aside = self.prev(r, floor);
                        }
                        // "Ada Osei, 34, of Kumasi, said": more than one apposition.
                        commas += 1;
                        if commas >= 3 {
                            break;
                        }
                    }
                    q = r;
                }
                if let Some(before) = aside {
                    p = before;
                    continue;
                }
                if let Some(&m) = self.res.by_end.get(&(p)) {
                    return Subject::Mention(m);
                }
                return Subject::None;
            }
            let skippable = self.is_in(p, &self.vocab.clauses.adjuncts_before_cue) || self.adverb_in_ly(p) || self.text.toks.toks[p].kind == TokKind::Number;
            if !skippable || skipped >= MAX_ADJUNCT_WORDS {
                // "The coast guard in a website posting said": past a short
                // prepositional phrase to the mention before it.
                return self.subject_before_phrase(p, floor).map_or(Subject::None, Subject::Mention);
            }
            skipped += 1;
            p = match self.prev(p, floor) {
                Some(q) => q,
                None => return Subject::None,
            };
        }
    }

    /// Whether token `p` is an adverb in -ly ("quickly"), not a name
    /// ("Kelly said"): capitalised right before a verb with
    /// no comma between, an -ly word is a surname.
    fn adverb_in_ly(&self, p: usize) -> bool {
        let k = self.key(p);
        if !(k.ends_with("ly") && k.len() > 4) {
            return false;
        }
        let tok = &self.text.toks.toks[p];
        let name = tok.has(CAP)
            && !tok.has(crate::text::token::ALLCAPS)
            && !self.vocab.clauses.adjuncts_before_cue.contains(k)
            && self.next(p + 1, self.text.toks.len()).is_some_and(|n| self.key(n) != ",");
        !name
    }

    /// Speaker of a speech noun used as a subject ("this messages warn", "the statement said").
    pub(crate) fn noun_subject(&mut self, noun: usize) -> Option<Speaker> {
        if let Some(m) = self.noun_owner(noun) {
            let s = self.res.speaker_of(m);
            return s.name.is_some().then_some(s);
        }
        let det = self.prev(noun, 0).map(|p| self.key(p).to_string())?;
        if !self.vocab.names.anaphor_determiners.contains(&det) {
            return None;
        }
        let reach = noun.saturating_sub(OWNER_REACH);
        let at = self.owners.partition_point(|(t, _)| *t < noun);
        at.checked_sub(1).map(|i| &self.owners[i]).filter(|(t, _)| *t >= reach).map(|(_, s)| {
            let toks = &self.text.toks;
            Speaker { mention: Some(toks.norm_text(self.prev(noun, 0).unwrap_or(noun)..noun + 1).to_string()), ..s.clone() }
        })
    }

    /// The mention opening a sentence (after lead adverbs and a dateline,
    /// "SEOUL –"), before `before`.
    pub(crate) fn sentence_subject(&self, sent: &Range<usize>, before: usize) -> Option<usize> {
        let dateline = |m: &crate::attribute::Mention| {
            self.text.toks.toks[m.toks.start].has(crate::text::token::ALLCAPS)
                && self.next(m.toks.end, before).is_some_and(|d| matches!(self.key(d), "-" | "–" | "—" | ":"))
        };
        let m = self.res.mentions_from(sent.start).take_while(|&m| self.res.mentions[m].toks.start < before).find(|&m| {
            let m = &self.res.mentions[m];
            m.toks.end <= before && !m.in_pp && !dateline(m)
        })?;
        let lead_ok = (sent.start..self.res.mentions[m].toks.start)
            .all(|t| self.text.skip[t] || !self.text.toks.toks[t].is_word() || self.key(t).ends_with("ly") || self.is_in(t, &self.vocab.clauses.lead_adverbs));
        let first_person =
            self.res.mentions[m].kind == MentionKind::Pronoun && self.is_in(self.res.mentions[m].toks.start, &self.vocab.grammar.speaker_pronouns);
        (lead_ok && !first_person).then_some(m)
    }

    /// The subject of the clause a participle hangs on (for ", adding that").
    pub(crate) fn subject_of_clause(&self, comma: usize, floor: usize) -> Subject {
        let mut p = comma;
        while let Some(q) = self.prev(p, floor) {
            if let Some(&m) = self.res.by_end.get(&(q + 1)) {
                let before = self.prev(self.res.mentions[m].toks.start, floor);
                if before.is_none() || before.is_some_and(|b| matches!(self.key(b), "," | "\"")) {
                    return Subject::Mention(m);
                }
            }
            p = q;
        }
        Subject::None
    }

    /// A speech noun up to 12 tokens before `t` ("a statement by X asking").
    pub(crate) fn speech_noun_before(&self, t: usize, floor: usize) -> Option<usize> {
        let mut p = t;
        for _ in 0..12 {
            p = self.prev(p, floor)?;
            if self.lex.is_speech_noun_at(&self.text.toks, p) {
                return Some(p);
            }
            if matches!(self.key(p), "." | ";" | "said" | "says") {
                return None;
            }
        }
        None
    }

    /// The noun a prepositional phrase starting at `start` modifies: the word
    /// before the preposition (past an adjective such as "familiar"), if it
    /// is a content word.
    fn head_before(&self, start: usize, floor: usize) -> Option<usize> {
        let prep = self.prev(start, floor)?;
        if !self.is_in(prep, &self.vocab.grammar.prepositions) {
            return None;
        }
        let mut h = self.prev(prep, floor)?;
        if self.is_in(h, &self.vocab.clauses.postmodifier_adjectives) {
            h = self.prev(h, floor)?;
        }
        let k = self.key(h);
        (self.text.toks.toks[h].is_word() && !self.vocab.closed.contains(k) && !k.ends_with("ly")).then_some(h)
    }

    /// Where the owner of the possessive `'s` at `s` starts, and its
    /// mention if one ends there ("Kenya's", "the party's", "Ruth Ames's").
    fn possessor(&self, s: usize, floor: usize) -> (usize, Option<usize>) {
        match self.res.by_end.get(&s) {
            Some(&o) => (self.res.mentions[o].toks.start, Some(o)),
            None => (self.phrase_start(s, floor, false), None),
        }
    }

    /// Where an aside set off by dashes and closed by the dash at `p` opens
    /// ("Ames -- a judge since 2009 -- said"): the first token of the
    /// opening dash (or dash pair).
    fn dash_aside_open(&self, p: usize, floor: usize) -> Option<usize> {
        let mut q = p;
        while let Some(r) = self.prev(q, floor).filter(|&r| self.key(r) == "-") {
            q = r;
        }
        let mut words = 0;
        loop {
            let r = self.prev(q, floor)?;
            let k = self.key(r);
            if k == "-" {
                break;
            }
            if matches!(k, ";" | ":" | "(" | ")") || self.text.toks.toks[r].has(QUOTE_AFTER) {
                return None;
            }
            words += 1;
            if words > MAX_ASIDE_WORDS {
                return None;
            }
            q = r;
        }
        let mut d = self.prev(q, floor)?;
        while let Some(r) = self.prev(d, floor).filter(|&r| self.key(r) == "-") {
            d = r;
        }
        (words > 0).then_some(d)
    }

    /// A name opening the clause and followed only by comma-set appositions
    /// (an age, a place, a description) up to the comma at `comma` before
    /// the cue: "Ada Osei, 34, of Kumasi, said".
    fn name_before_appositions(&self, comma: usize, floor: usize) -> Option<Mention> {
        let mut commas = 1;
        let mut q = comma;
        let mut last_comma = comma;
        for _ in 0..MAX_PHRASE_WORDS * 3 {
            let Some(r) = self.prev(q, floor) else { break };
            let k = self.key(r);
            if self.vocab.aux.contains(k) || self.vocab.clauses.clause_verbs.contains(k) || self.text.toks.toks[r].has(QUOTE_AFTER) || matches!(k, ";" | ":") {
                return None;
            }
            if k == "," {
                commas += 1;
                if commas > 4 {
                    return None;
                }
                last_comma = r;
            }
            q = r;
        }
        // The first comma after the clause start closes the name.
        let start = (floor..last_comma).find(|&t| self.text.toks.toks[t].is_word() && !self.text.skip[t])?;
        let tok = &self.text.toks.toks[start];
        if commas < 2 || !tok.has(CAP) || self.prev(start, floor).is_some() || self.res.by_start.contains_key(&start) {
            return None;
        }
        let mut end = start;
        while end < last_comma && self.text.toks.toks[end].is_word() && self.text.toks.toks[end].has(CAP) && end - start < MAX_PHRASE_WORDS {
            end += 1;
        }
        (end == last_comma && end - start >= 2 && !(start..end).any(|t| self.is_in(t, &self.vocab.function)))
            .then(|| Mention::subject(start..end, start..end, true, false))
    }

    /// The head of a subject whose noun is followed by prepositional phrases
    /// ending at `p` ("people with direct knowledge of the talks", "officials
    /// familiar with the plan"): the noun before the first of them, or `p`.
    fn skip_postmodifiers(&self, p: usize, floor: usize) -> usize {
        // A determiner or a number before the cue: the cue is a noun ("in the three states that ...").
        if self.is_in(p, &self.vocab.det) || self.is_in(p, &self.vocab.grammar.counting_words) || self.text.toks.toks[p].kind == TokKind::Number {
            return p;
        }
        let (mut q, mut best) = (p, p);
        // Where the noun phrase after the current preposition ends.
        let mut segment_end = p + 1;
        for _ in 0..MAX_PHRASE_WORDS * 2 {
            let tok = &self.text.toks.toks[q];
            let k = self.key(q);
            if !(tok.is_word() || k == "'s" || tok.kind == TokKind::Number) || self.is_in(q, &self.vocab.aux) || self.is_in(q, &self.vocab.grammar.coordinators)
            {
                break;
            }
            if q != p && self.is_in(q, &self.vocab.grammar.prepositions) {
                // The phrase after it is a noun phrase: a determiner and a few
                // words ("of the rebel-held town"), or one or two bare words
                // ("with children", "with direct knowledge"), not a clause
                // ("for example ends up").
                let words = segment_end - (q + 1);
                let determined =
                    self.is_in(q + 1, &self.vocab.det) || self.text.toks.toks[q + 1].kind == TokKind::Number || self.text.toks.toks[q + 1].has(CAP);
                if words == 0 || words > if determined { MAX_PHRASE_WORDS - 1 } else { 2 } {
                    break;
                }
                let Some(h) = self.head_before(q + 1, floor) else { break };
                if self.key(h) == "'s" || (k == "of" && self.is_in(h, &self.vocab.clauses.partitive_nouns)) {
                    break;
                }
                best = h;
                segment_end = if self.is_in(self.prev(q, floor).unwrap_or(q), &self.vocab.clauses.postmodifier_adjectives) { q - 1 } else { q };
            }
            let Some(r) = self.prev(q, floor) else { break };
            q = r;
        }
        best
    }

    /// A mention ending right before a short prepositional phrase that
    /// ends at `p` ("Iran [in a statement] said", "the ministry [on its
    /// website] said"): the phrase has no comma, verb form or mention.
    fn subject_before_phrase(&self, p: usize, floor: usize) -> Option<usize> {
        // "Officials familiar with the talks said", "voters with children said".
        let head = self.skip_postmodifiers(p, floor);
        if head != p
            && let Some(&m) = self.res.by_end.get(&(head + 1))
            && self.res.mentions[m].kind != MentionKind::Pronoun
        {
            return Some(m);
        }
        let mut q = p;
        for _ in 0..MAX_PHRASE_WORDS {
            let tok = &self.text.toks.toks[q];
            if !tok.is_word() || self.res.by_end.contains_key(&(q + 1)) || self.is_in(q, &self.vocab.aux) || self.is_in(q, &self.vocab.grammar.coordinators) {
                return None;
            }
            if self.is_in(q, &self.vocab.grammar.prepositions) {
                // The phrase opens with a determiner, a possessive or a name ("in a
                // statement", "on its website", "at Monday's briefing"), not "for example".
                let n = self.next(q + 1, p + 1)?;
                if !(self.is_in(n, &self.vocab.det) || self.is_in(n, &self.vocab.grammar.first_plural) || self.text.toks.toks[n].has(CAP)) {
                    return None;
                }
                let b = self.prev(q, floor)?;
                let m = *self.res.by_end.get(&(b + 1))?;
                return (self.res.mentions[m].kind != MentionKind::Pronoun || q + 1 < p).then_some(m);
            }
            q = self.prev(q, floor)?;
        }
        None
    }

    /// A name the table does not know opening a sentence ("Whitcombe is
    /// upbeat about ..."): capitalised words, not function words, followed
    /// by a lowercase word.
    pub(crate) fn opening_name(&self, sent: &Range<usize>) -> Option<Speaker> {
        let first = self.next(sent.start, sent.end)?;
        let mut end = first;
        while end < sent.end && end - first < MAX_PHRASE_WORDS {
            let tok = &self.text.toks.toks[end];
            if !(tok.is_word() && tok.has(CAP)) || self.is_in(end, &self.vocab.function) {
                break;
            }
            end += 1;
        }
        let next = self.next(end, sent.end)?;
        let next_tok = &self.text.toks.toks[next];
        let single_word = end == first + 1 && self.res.table.is_common_word(self.key(first));
        if end == first || single_word || !next_tok.is_word() || next_tok.has(CAP) || self.res.by_start.contains_key(&first) {
            return None;
        }
        let name = self.text.toks.norm_text(first..end).to_string();
        Some(Speaker { name: Some(name.clone()), mention: Some(name), span: Some(self.text.toks.span(first..end)), ..Speaker::default() })
    }

    /// Subjects of cues that the actor table does not know: a proper name
    /// or a description right before the cue ("Whitfield said", "the judge
    /// said", "most voters say", "Barkley, who said"), as mentions, so that
    /// pronouns and later cues find them too.
    pub(crate) fn subject_phrases(&self, cues: &[Cue]) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::new();
        for c in cues {
            let floor = self.text.seg.sentences[self.text.seg.sentence_of(c.toks.start)].start;
            // Inside someone's quoted words a description is not a new speaker.
            let quoted = !self.quote_index.overlapping(c.toks.start..c.toks.start + 1).is_empty();
            if quoted {
                continue;
            }
            match self.subject_before(c.toks.start, floor) {
                Subject::None => {}
                Subject::Mention(m) => {
                    if let Some(m) = self.modified_office(m, floor)
                        && out.last().is_none_or(|l| l.toks.end <= m.toks.start)
                    {
                        out.push(m);
                    }
                    continue;
                }
                _ => continue,
            }
            // A description is a speaker only with a verb of saying: "the
            // report says that ...", not "the figures highlight ...".
            let saying = c.frames.iter().any(|f| matches!(f, Frame::Clause | Frame::Colon | Frame::ObjectThat | Frame::ObjectTo));
            if let Some(m) = self.subject_phrase(c.toks.start, floor)
                && (saying || m.kind == MentionKind::Name)
                && out.last().is_none_or(|l| l.toks.end <= m.toks.start)
            {
                out.push(m);
            }
        }
        out
    }

    /// A group or office word the table knows, with the words before it
    /// that say which ("Harbour safety experts", "the Okafor campaign",
    /// "Police officials"): the same mention over the whole phrase.
    fn modified_office(&self, m: usize, floor: usize) -> Option<Mention> {
        let mention = &self.res.mentions[m];
        let head = mention.toks.end - 1;
        let bare = mention.kind == MentionKind::Office
            && mention.actors.is_empty()
            && mention.person.is_none()
            && mention.name.is_none()
            && (mention.toks.start..head).all(|t| self.is_in(t, &self.vocab.det));
        let quoted = !self.quote_index.overlapping(head..head + 1).is_empty();
        // A capitalised head inside a phrase is part of a name.
        let in_name = self.text.toks.toks[head].has(CAP) && self.prev(head, floor).is_some();
        if !bare || quoted || in_name {
            return None;
        }
        let first = self.prev(head, floor)?;
        let k = self.key(first);
        if self.vocab.clauses.adjuncts_before_cue.contains(k)
            || self.res.by_end.get(&(first + 1)).is_some_and(|&o| self.res.mentions[o].kind == MentionKind::Pronoun)
        {
            return None;
        }
        let mut start = self.phrase_start(head, floor, false).min(head);
        if start == head {
            return None;
        }
        if let Some(d) = self.prev(start, floor).filter(|&d| self.is_in(d, &self.vocab.det)) {
            start = d;
        }
        (start < mention.toks.start && self.clause_opens_at(start, floor)).then(|| Mention { toks: start..mention.toks.end, ..mention.clone() })
    }

    /// Speakers after postposed cues that the actor table does not know:
    /// `"...," said the Florida senator`, `said one former aide`, `said a
    /// strategist for the group`, `said Leon, who ...`. Right after a quote
    /// or a comma and a verb of saying, a name or a determiner-led noun
    /// phrase can only be the speaker.
    pub(crate) fn object_phrases(&self, cues: &[Cue]) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::new();
        for c in cues.iter().filter(|c| c.postposed && self.is_in(c.toks.start, &self.vocab.clauses.inverting_cues)) {
            let sent = &self.text.seg.sentences[self.text.seg.sentence_of(c.toks.start)];
            let quoted = !self.quote_index.overlapping(c.toks.start..c.toks.start + 1).is_empty();
            let Some(b) = self.prev(c.toks.start, sent.start) else { continue };
            if quoted || !(self.key(b) == "," || self.text.toks.toks[b].has(QUOTE_AFTER)) {
                continue;
            }
            let Some(first) = self.next(c.toks.end, sent.end) else { continue };
            if self.res.by_start.contains_key(&first) || self.res.mentions.iter().any(|m| m.toks.start < first && first < m.toks.end) {
                continue;
            }
            if let Some(m) = self.object_phrase(first, sent.end)
                && out.last().is_none_or(|l| l.toks.end <= m.toks.start)
            {
                out.push(m);
            }
        }
        out
    }

    /// The speaker phrase starting at `first` after a postposed cue.
    fn object_phrase(&self, first: usize, end: usize) -> Option<Mention> {
        let toks = &self.text.toks;
        let word = |t: usize| toks.toks[t].is_word() && !toks.toks[t].has(QUOTE_BEFORE);
        let k0 = self.key(first);
        let cap = |t: usize| toks.toks[t].has(CAP) && !self.is_in(t, &self.vocab.function);
        // A name: capitalised words (honorifics and particles inside), "Ms. Leon", "Cuban".
        if word(first) && (cap(first) || self.vocab.names.honorifics.contains(k0)) {
            let mut last = first;
            while last + 1 < end && last + 1 - first < MAX_PHRASE_WORDS {
                let t = last + 1;
                let k = self.key(t);
                let part = word(t) && (cap(t) || self.vocab.names.name_particles.contains(k));
                if !part {
                    break;
                }
                last = t;
            }
            // The honorific alone is no name.
            if last == first && self.vocab.names.honorifics.contains(k0) {
                return None;
            }
            return self.phrase_ends(last + 1, end).then(|| Mention::subject(first..last + 1, first..last + 1, true, false));
        }
        // A description: a determiner, then up to five words, the last one
        // its head ("that" after a verb of saying opens a clause instead).
        if self.vocab.grammar.complementizers.contains(k0) {
            return None;
        }
        if !self.vocab.det.contains(k0) && !self.vocab.grammar.counting_words.contains(k0) && toks.toks[first].kind != TokKind::Number {
            return None;
        }
        let mut last = None;
        let mut t = first + 1;
        while t < end && t - first <= MAX_PHRASE_WORDS {
            let k = self.key(t);
            let content = (word(t) && !self.vocab.function.contains(k) && !k.ends_with("ly")) || k == "'s" || toks.toks[t].kind == TokKind::Number;
            if !content {
                break;
            }
            last = Some(t);
            t += 1;
        }
        let last = last?;
        let head = self.key(last);
        // "said the statement of the secretary": a document speaks for whoever issued it.
        let singular = head.strip_suffix('s').unwrap_or(head);
        if head == "'s" || self.lex.is_speech_noun(head) || self.lex.is_speech_noun(singular) || !self.phrase_ends(last + 1, end) {
            return None;
        }
        let plural = head.ends_with('s') && !head.ends_with("ss");
        Some(Mention::subject(first..last + 1, first + 1..last + 1, false, plural))
    }

    /// Whether a speaker phrase may end before `t`: at the sentence's end,
    /// a comma or stop, a quotation, a relative clause or a prepositional
    /// phrase ("a strategist for the group", "Leon, who ...").
    fn phrase_ends(&self, t: usize, end: usize) -> bool {
        let Some(t) = self.next(t, end) else { return true };
        let k = self.key(t);
        let g = &self.vocab.grammar;
        matches!(k, "." | "," | ";" | "!" | "?" | "(" | "-")
            || !self.quote_index.starting_at(t).is_empty()
            || g.prepositions.contains(k)
            || g.relative_pronouns.contains(k)
            || g.subordinators.contains(k)
            || g.coordinators.contains(k)
    }

    /// The unknown subject before a cue at `cue`, if one stands there.
    fn subject_phrase(&self, cue: usize, floor: usize) -> Option<Mention> {
        let mut p = self.prev(cue, floor)?;
        if self.key(p) == "-"
            && let Some(d) = self.dash_aside_open(p, floor)
        {
            return self.subject_phrase(d, floor);
        }
        if self.key(p) == "," {
            // "Ada Osei, 34, of Kumasi, said": a name, then appositions.
            return self.name_before_appositions(p, floor);
        }
        for _ in 0..MAX_ADJUNCT_WORDS {
            let k = self.key(p);
            if !(self.vocab.clauses.adjuncts_before_cue.contains(k) || self.adverb_in_ly(p)) {
                break;
            }
            p = self.prev(p, floor)?;
        }
        if self.is_in(p, &self.vocab.grammar.relative_pronouns) {
            p = self.prev(p, floor)?;
            if self.key(p) == "," {
                p = self.prev(p, floor)?;
            }
        }
        // "A slim majority of voters say", "one in five say", "18% who said".
        if let Some(start) = self.proportion_subject(p, floor) {
            return Some(Mention::subject(start..p + 1, start..p + 1, false, true));
        }
        // "People with direct knowledge of the talks said": the noun they modify.
        // Reached past a prepositional phrase, an unknown singular noun is
        // more often a thing ("the condemnation of X underscores") than a
        // speaker; a plural or a name is a speaker ("voters with children").
        let head = self.skip_postmodifiers(p, floor);
        let hk = self.key(head);
        let modified = head != p
            && !self.res.by_end.contains_key(&(head + 1))
            && !self.vocab.closed.contains(hk)
            && (hk.ends_with('s') || self.text.toks.toks[head].has(CAP));
        if modified {
            p = head;
        }
        let tok = &self.text.toks.toks[p];
        let k = self.key(p);
        let not_a_noun = if modified { false } else { self.vocab.function.contains(k) };
        if !tok.is_word() || tok.has(QUOTE_AFTER) || self.res.by_end.contains_key(&(p + 1)) || not_a_noun || self.adverb_in_ly(p) {
            return None;
        }
        let mut proper = tok.has(CAP);
        let mut start = self.phrase_start(p, floor, proper);
        // One capitalised plural opening a sentence is a common noun
        // ("Officials said"); a singular one is a name ("Cook said").
        if proper && start == p && self.prev(p, floor).is_none() && self.res.table.is_common_word(k) && k.ends_with('s') {
            proper = false;
            start = self.phrase_start(p, floor, false);
        }
        let named = start;
        let mut det = false;
        // "A teary-eyed Whitcombe said": up to two modifiers between an article and a name.
        if proper {
            let mut q = start;
            for _ in 0..MAX_NAME_MODIFIERS {
                match self.prev(q, floor) {
                    Some(r)
                        if self.text.toks.toks[r].is_word()
                            && !self.text.toks.toks[r].has(CAP)
                            && !self.is_in(r, &self.vocab.function)
                            && !self.relay_verb(r) =>
                    {
                        q = r
                    }
                    _ => break,
                }
            }
            if q != start && self.prev(q, floor).is_some_and(|d| self.is_in(d, &self.vocab.grammar.articles)) {
                start = q;
            }
        }
        if let Some(q) = self.prev(start, floor)
            && self.is_in(q, &self.vocab.det)
        {
            (start, det) = (q, true);
        }
        // "Kenya's Treasury said": a body of a state the table knows speaks for it.
        // "Ruth Ames's lawyer said": a possessive name is a determiner.
        let mut owner_actors = None;
        if let Some(s) = self.prev(start, floor).filter(|&s| self.key(s) == "'s").or_else(|| (start..p).find(|&s| self.key(s) == "'s")) {
            let (owner_start, owner) = self.possessor(s, floor);
            match owner.map(|o| &self.res.mentions[o]) {
                Some(o) if o.kind != MentionKind::Pronoun => {
                    start = start.min(owner_start);
                    det = true;
                    if o.kind == MentionKind::Actor && !o.actors.is_empty() {
                        owner_actors = Some(o.actors.clone());
                    }
                }
                None if s > floor && self.text.toks.toks[s - 1].has(CAP) => {
                    start = start.min(owner_start);
                    det = true;
                }
                _ => {}
            }
        }
        // "half of the voters", "some of his aides".
        if !proper
            && let Some(of) = self.prev(start, floor).filter(|&q| self.key(q) == "of")
            && let Some(q) =
                self.prev(of, floor).filter(|&q| self.text.toks.toks[q].is_word() && !self.is_in(q, &self.vocab.function) || self.is_in(q, &self.vocab.det))
        {
            start = self.prev(q, floor).filter(|&d| self.is_in(d, &self.vocab.det)).unwrap_or(q);
            det = true;
        }
        // "quoted Smith as saying": the relay's object says it.
        let opens = self.clause_opens_at(start, floor) || self.prev(start, floor).is_some_and(|b| self.relay_verb(b));
        let plural = k.ends_with('s') && !k.ends_with("ss") && !proper;
        if !(opens && (proper || det || plural)) {
            return None;
        }
        let mut m = Mention::subject(start..p + 1, named..p + 1, proper, plural);
        if let Some(actors) = owner_actors {
            m.actors = actors;
        }
        // "the head of NATO air policing": an office the table knows, said more fully.
        if !proper
            && let Some(&o) = self.res.by_start.get(&start)
            && let office = &self.res.mentions[o]
            && office.kind == MentionKind::Office
            && office.toks.end <= m.toks.end
            && !office.actors.is_empty()
        {
            m.actors = office.actors.clone();
            m.title = office.title.clone();
        }
        // "Kenya and the head of the mission said": both speak.
        if let Some(and) = self.prev(start, floor).filter(|&a| matches!(self.key(a), "and" | "&"))
            && let Some(&o) = self.res.by_end.get(&and)
            && let first = &self.res.mentions[o]
            && !first.actors.is_empty()
            && matches!(first.kind, MentionKind::Actor | MentionKind::Office | MentionKind::Person)
            && self.prev(first.toks.start, floor).is_none_or(|b| matches!(self.key(b), "," | ";" | ":"))
        {
            let mut actors = first.actors.clone();
            actors.extend(m.actors.iter().filter(|a| !first.actors.contains(a)));
            m = Mention { actors, plural: true, title: None, ..Mention::subject(first.toks.start..p + 1, named..p + 1, false, true) };
        }
        Some(m)
    }

    /// Whether a clause can open at `start` (so a subject can start there):
    /// at the sentence's start, or after punctuation that ends a phrase, a
    /// quotation, a conjunction or a leading adverb.
    fn clause_opens_at(&self, start: usize, floor: usize) -> bool {
        let g = &self.vocab.grammar;
        self.prev(start, floor).is_none_or(|b| {
            let bk = self.key(b);
            matches!(bk, "," | ";" | ":" | "(" | "—" | "-")
                || self.text.toks.toks[b].has(QUOTE_AFTER)
                || g.coordinators.contains(bk)
                || g.complementizers.contains(bk)
                || g.subordinators.contains(bk)
                || self.vocab.clauses.lead_adverbs.contains(bk)
        })
    }

    /// First token of a share of a group ending at `p`, as a subject: "a
    /// slim majority (of likely voters)", "one in five", "nearly 18%",
    /// "others". Only where a clause can open before it.
    fn proportion_subject(&self, p: usize, floor: usize) -> Option<usize> {
        let g = &self.vocab.grammar;
        let count = |t: usize| self.text.toks.toks[t].kind == TokKind::Number || self.is_in(t, &g.counting_words);
        // The share itself: "a majority", "18%", or "one in five", "six in 10".
        let share = |q: usize| {
            if self.is_in(q, &g.proportion_words) {
                return Some(q);
            }
            let i = self.prev(q, floor).filter(|&i| count(q) && self.key(i) == "in")?;
            self.prev(i, floor).filter(|&n| count(n))
        };
        let mut start = match share(p) {
            Some(s) => s,
            None => {
                // "of likely voters": back to the share the group is counted by.
                let mut r = p;
                for _ in 0..4 {
                    r = self.prev(r, floor)?;
                    if self.key(r) == "of" {
                        break;
                    }
                    if !self.text.toks.toks[r].is_word() || self.is_in(r, &self.vocab.function) && !self.is_in(r, &self.vocab.det) {
                        return None;
                    }
                }
                if self.key(r) != "of" {
                    return None;
                }
                share(self.prev(r, floor)?)?
            }
        };
        // "18%", "30 percent".
        if let Some(n) = self.prev(start, floor).filter(|&n| count(n)) {
            start = n;
        }
        let opens = |start: usize| self.clause_opens_at(start, floor);
        // Then up to three modifiers and determiners: "a slim", "nearly a".
        for _ in 0..3 {
            if opens(start) {
                return Some(start);
            }
            match self.prev(start, floor) {
                // Nor a past form ("the study showed 40 percent ...").
                Some(r) if self.is_in(r, &self.vocab.det) || (self.noun_modifier(r) && !self.key(r).ends_with("ed")) => start = r,
                _ => return None,
            }
        }
        opens(start).then_some(start)
    }

    /// First token of the words of a subject phrase ending at `p`: a run
    /// of capitalised words for a name, of content words for a description.
    fn phrase_start(&self, p: usize, floor: usize, proper: bool) -> usize {
        let mut start = p;
        while p + 1 - start < MAX_PHRASE_WORDS {
            let Some(q) = self.prev(start, floor) else { break };
            let tok = &self.text.toks.toks[q];
            let k = self.key(q);
            let part = if proper {
                (tok.is_word() && tok.has(CAP) && !self.vocab.function.contains(k)) || self.vocab.names.name_particles.contains(k)
            } else {
                (tok.is_word() && !self.vocab.function.contains(k) && !k.ends_with("ly")) || k == "'s" || tok.kind == TokKind::Number
            };
            if !part || tok.has(QUOTE_AFTER) {
                break;
            }
            start = q;
        }
        start
    }
}
