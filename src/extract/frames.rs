//! What follows a speech cue: its content through the cue's frames
//! (`that`-clause, bare clause, addressee + infinitive, noun phrase,
//! quotation, colon), and the tests for where a clause starts and a noun
//! phrase ends.

use crate::extract::cues::{Cue, Frame};
use crate::extract::doc::Doc;
use crate::extract::quotes::Mark;
use crate::text::token::{CAP, TokKind};
use std::ops::Range;

/// How far a naming verb looks for what is named, and back for "what" or
/// "which" standing for it, in tokens.
const NAMING_REACH: usize = 14;
/// Most words of a reported clause's subject before its verb ("the drift of
/// attention away from the race this spring helped").
const MAX_SUBJECT_WORDS: usize = 10;
/// Most words of a prepositional phrase between a cue and its quotation
/// ("said of her rival, “...”").
const MAX_ASIDE_WORDS: usize = 6;
/// Most words of a time or place adjunct between a cue and its clause
/// ("said in a letter to parents the school would close").
const MAX_ADJUNCT_WORDS: usize = 6;

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
                    // "said of the plan, “...”", "wrote in a letter: “...”": a short
                    // prepositional phrase, then the punctuation before the quotation.
                    if self.is_in(t, &self.vocab.grammar.prepositions)
                        && let Some(p) = (t + 1..end.min(t + 1 + MAX_ASIDE_WORDS)).find(|&p| matches!(self.key(p), ":" | ","))
                        && self.next(p + 1, end).is_some_and(|q| !self.quote_index.starting_at(q).is_empty())
                        && (t + 1..p).all(|w| self.text.toks.toks[w].is_word() || self.key(w) == "'s")
                    {
                        t = p;
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
                    // "asked whether the vote would pass".
                    if let Some(t) = self.next(after, end)
                        && c.frames.contains(&Frame::ObjectThat)
                        && self.is_in(t, &self.vocab.clauses.question_openers)
                        && self.clause_starts(t + 1, end)
                    {
                        return Some((t..end, None, None));
                    }
                    let mut t = after;
                    let mut n = 0;
                    while t < end && n < 9 {
                        let k = self.key(t);
                        if k == "that" {
                            return Some((t + 1..end, None, None));
                        }
                        if self.vocab.aux.contains(k)
                            || self.vocab.grammar.subordinators.contains(k)
                            || matches!(k, "." | ";" | "!" | "?")
                            || (n == 0 && self.clause_starts(t, end))
                        {
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
                    // A verb that also takes an addressee ("warned local traders")
                    // needs a plain verb in the clause.
                    let addressed = c.frames.contains(&Frame::ObjectOf);
                    if if addressed { self.clause_starts_strictly(t, end) } else { self.clause_starts(t, end) } {
                        return Some((t..end, None, None));
                    }
                    // "said if the vote passed, she would resign".
                    if self.is_in(t, &self.vocab.clauses.condition_openers) && self.clause_starts(t + 1, end) {
                        return Some((t..end, None, None));
                    }
                    // "said on Monday the ferry would run", "said last week the ...".
                    if let Some(u) = self.past_time_or_place(t, end) {
                        return Some((u..end, None, None));
                    }
                    // "a deal that Whitcombe said was fair": the cue inside a relative
                    // clause, its content the verb phrase after it.
                    if self.is_in(t, &self.vocab.aux) && self.relative_subject_before(c.toks.start, sent.start) {
                        return Some((t..end, None, None));
                    }
                }
                Frame::ObjectThat | Frame::ObjectTo | Frame::ObjectOf => {
                    let Some((who, aend)) = self.addressee(after, end) else { continue };
                    let Some(t) = self.next(aend, end) else { continue };
                    let k = self.key(t).to_string();
                    match f {
                        Frame::ObjectThat if k == "that" => return Some((t + 1..end, who, None)),
                        // "told the committee: the law was never meant for this".
                        Frame::ObjectThat if k == ":" && self.next(t + 1, end).is_some() => return Some((t + 1..end, who, None)),
                        // "asked reporters whether ...".
                        Frame::ObjectThat if self.vocab.clauses.question_openers.contains(&k) && self.clause_starts(t + 1, end) => {
                            return Some((t..end, who, None));
                        }
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
                Frame::Naming => {
                    if let Some(content) = self.naming(c.toks.start, after, end, sent.start) {
                        return Some((content, None, None));
                    }
                }
                Frame::Object => {
                    let t = self.next(after, end)?;
                    let k = self.key(t);
                    let tok = &self.text.toks.toks[t];
                    if tok.is_word() && !self.vocab.aux.contains(k) && !(k == "to" || k == "that" || self.vocab.grammar.object_pronouns.contains(k)) {
                        let ne = self.np_end(t, end);
                        // "cited Jones as saying ...": Jones is the speaker, not the content.
                        if ne + 1 < end && self.key(ne) == "as" && self.key(ne + 1).ends_with("ing") {
                            continue;
                        }
                        let e = self.judged_as(ne, end);
                        if self.force_used(c, t..e) {
                            continue;
                        }
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

    /// Where a reported clause starts after a short time or place adjunct
    /// opening at `t` ("on Monday", "in a letter to parents", "last
    /// week"): a determiner, pronoun or name not inside the adjunct's own
    /// phrase, opening a clause with a plain verb.
    fn past_time_or_place(&self, t: usize, end: usize) -> Option<usize> {
        let g = &self.vocab.grammar;
        let k = self.key(t);
        // "after the vote": a subordinator used as a preposition.
        let prep = |k: &str| g.prepositions.contains(k) || g.subordinators.contains(k);
        // Not a passive's agent ("echoed by ...") or an infinitive.
        if !(prep(k) || self.vocab.clauses.adjuncts_before_cue.contains(k)) || g.complementizers.contains(k) || matches!(k, "by" | "to") {
            return None;
        }
        for u in t + 1..end.min(t + 1 + MAX_ADJUNCT_WORDS) {
            let uk = self.key(u);
            let tok = &self.text.toks.toks[u];
            if !(tok.is_word() || tok.kind == TokKind::Number)
                || g.relative_pronouns.contains(uk)
                || g.subordinators.contains(uk)
                || g.complementizers.contains(uk)
            {
                return None;
            }
            let opener = self.vocab.det.contains(uk) || g.subject_pronouns.contains(uk) || tok.has(CAP);
            let inside = self.prev(u, 0).is_some_and(|b| prep(self.key(b)) || self.is_in(b, &self.vocab.det) || self.key(b) == "'s");
            if opener && !inside && self.clause_starts_strictly(u, end) {
                return Some(u);
            }
        }
        None
    }

    /// Where the object of a judging verb ends that goes on with what it
    /// was judged as, past an aside set off by commas: "denounced the
    /// raid, near the coast, as “reckless”". Else `e`.
    fn judged_as(&self, e: usize, end: usize) -> usize {
        let mut t = e;
        if t < end && self.key(t) == "," {
            let Some(close) = (t + 1..end.min(t + 1 + MAX_ASIDE_WORDS * 2)).find(|&p| self.key(p) == ",") else { return e };
            t = close + 1;
        }
        if t + 1 >= end || self.key(t) != "as" {
            return e;
        }
        match self.quotation_at(t + 1) {
            Some(q) => q.end,
            None => self.np_end(t + 1, end),
        }
    }

    /// Whether a cue that also names a use of force has for its object
    /// (up to a preposition) a thing force is used on: "attacked radar
    /// sites in the north" is no statement, "attacked the senator" is.
    fn force_used(&self, c: &Cue, object: Range<usize>) -> bool {
        let clauses = &self.vocab.clauses;
        let verb = self.key(c.toks.start);
        if !clauses.force_verbs.has_prefix_of(verb) {
            return false;
        }
        object.take_while(|&w| !self.is_in(w, &self.vocab.grammar.prepositions)).any(|w| {
            let k = self.key(w);
            clauses.force_targets.contains(k) || k.strip_suffix('s').is_some_and(|b| clauses.force_targets.contains(b))
        })
    }

    /// The content of a naming verb: the thing named and what it is called
    /// ("called the plan a stunt", "described it as reckless", "called the
    /// move “a disgrace”"), or the quotation alone when the thing named went
    /// before ("what she called “a disgrace”"). One noun phrase alone
    /// ("called Clinton", "a group called Citizens First") is a telephone
    /// call or a name, not a statement.
    fn naming(&self, head: usize, after: usize, end: usize, floor: usize) -> Option<Range<usize>> {
        let t = self.next(after, end)?;
        // "what she called ...": the thing named went before; only a quotation says what it was called.
        let extracted = (head.saturating_sub(NAMING_REACH).max(floor)..head).any(|p| self.is_in(p, &self.vocab.grammar.relative_objects));
        if let Some(q) = self.quotation_at(t) {
            // "what it called “rebel” camps": the quoted word is part of a
            // noun phrase, a label in scare quotes rather than words said.
            let modifier = q.end < end && self.text.toks.toks[q.end].is_word() && !self.text.toks.toks[q.end].has(CAP);
            return (extracted && !modifier).then_some(q);
        }
        if extracted {
            return None;
        }
        let pronoun = self.is_in(t, &self.vocab.grammar.object_pronouns);
        let mut p = t + 1;
        while p < end && p - t <= NAMING_REACH {
            let k = self.key(p);
            let tok = &self.text.toks.toks[p];
            if let Some(q) = self.quotation_at(p) {
                return Some(t..q.end);
            }
            let prev = self.key(p - 1);
            let after_head = !self.vocab.grammar.prepositions.contains(prev) && !self.vocab.det.contains(prev) && prev != "'s";
            if k == "as"
                || (after_head && self.vocab.grammar.articles.contains(k))
                || (pronoun && p == t + 1 && tok.is_word() && !self.vocab.grammar.prepositions.contains(k))
            {
                let second = if k == "as" { p + 1 } else { p };
                return (second < end).then(|| t..self.np_end(second, end));
            }
            // "called the raid reckless": a lowercase word closing the clause after the thing named.
            if p >= t + 2 && tok.is_word() && !tok.has(CAP) && self.closes_clause(p + 1, end) && self.predicate_word(k) {
                return Some(t..p + 1);
            }
            if matches!(k, "." | ";" | ":" | "," | "!" | "?")
                || self.infinitive(p, end)
                || self.vocab.grammar.subordinators.contains(k)
                || self.vocab.grammar.complementizers.contains(k)
                || self.new_clause(p, end)
            {
                return None;
            }
            p += 1;
        }
        None
    }

    /// Whether the clause ends at `p`: the sentence ends, or a comma or
    /// coordinator follows.
    fn closes_clause(&self, p: usize, end: usize) -> bool {
        self.next(p, end).is_none_or(|n| matches!(self.key(n), "." | "," | ";" | "!" | "?") || self.is_in(n, &self.vocab.grammar.coordinators))
    }

    /// Whether a word can say what something is called ("bold",
    /// "outrageous"): not a function word, an adverb or a time word.
    fn predicate_word(&self, k: &str) -> bool {
        !self.vocab.function.contains(k) && !k.ends_with("ly") && !self.vocab.clauses.adjuncts_before_cue.contains(k)
    }

    /// The quoted words of a quotation (not one said aloud) opening at `t`.
    fn quotation_at(&self, t: usize) -> Option<Range<usize>> {
        self.quote_index.starting_at(t).into_iter().map(|i| &self.quotes[i]).find(|q| q.mark != Mark::Spoken).map(|q| q.toks.clone())
    }

    /// Addressee text of a mention or short noun phrase starting at `t`; returns (name, end).
    pub(crate) fn addressee(&mut self, t: usize, end: usize) -> Option<(Option<String>, usize)> {
        let t = self.next(t, end)?;
        // "asked whether ...": a question, not someone asked.
        let k = self.key(t);
        if self.vocab.clauses.question_openers.contains(k) || self.vocab.grammar.complementizers.contains(k) || self.vocab.grammar.subordinators.contains(k) {
            return None;
        }
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
            // "told the agency his firm had ...": a clause starts after the addressee.
            if p > t && self.vocab.det.contains(k) {
                let pk = self.key(p - 1);
                if !self.vocab.det.contains(pk) && !self.vocab.grammar.prepositions.contains(pk) && self.clause_starts(p, end) {
                    break;
                }
            }
            p += 1;
        }
        if named.is_some() && p == self.res.mentions[self.res.by_start[&t]].toks.end {
            return Some((named, p));
        }
        (p > t).then(|| (Some(self.text.toks.norm_text(t..p).to_string()), p))
    }

    /// Whether the subject before a cue at `cue` opens a relative clause:
    /// a relative pronoun or complementizer ("which", "that"), then a name
    /// or a short description, then the cue.
    fn relative_subject_before(&self, cue: usize, floor: usize) -> bool {
        let mut q = cue;
        for _ in 0..5 {
            let Some(p) = self.prev(q, floor) else { return false };
            let k = self.key(p);
            if (self.vocab.grammar.relative_pronouns.contains(k) || self.vocab.grammar.complementizers.contains(k)) && q < cue {
                return true;
            }
            let tok = &self.text.toks.toks[p];
            if !tok.is_word() || self.vocab.aux.contains(k) || self.vocab.grammar.prepositions.contains(k) {
                return false;
            }
            q = p;
        }
        false
    }

    /// Whether tokens from `t` start a clause: a subject and a verb soon after.
    pub(crate) fn clause_starts(&self, t: usize, end: usize) -> bool {
        self.clause_starts_with(t, end, true)
    }

    /// `clause_starts` with an auxiliary, modal, past or listed verb: not
    /// a third-person form only, which an addressee's plural can look like
    /// ("warned local traders").
    fn clause_starts_strictly(&self, t: usize, end: usize) -> bool {
        self.clause_starts_with(t, end, false)
    }

    fn clause_starts_with(&self, t: usize, end: usize, loose: bool) -> bool {
        let Some(t) = self.next(t, end) else { return false };
        let k = self.key(t);
        let tok = &self.text.toks.toks[t];
        let g = &self.vocab.grammar;
        // "said because the plan is popular, it will pass": a subordinate
        // clause opening the reported one.
        if matches!(k, "because" | "if" | "when" | "although" | "unless") && t + 1 < end {
            return self.clause_starts_with(t + 1, end, loose);
        }
        if self.is_in(t, &self.vocab.aux)
            || self.is_in(t, &g.prepositions)
            || k == "to"
            || self.is_in(t, &g.complementizers)
            || self.is_in(t, &g.subordinators)
            || self.is_in(t, &g.relative_pronouns)
        {
            return false;
        }
        if !(tok.is_word() || tok.kind == TokKind::Number) {
            return false;
        }
        // A participle does not open a clause as its subject ("and carried out ...").
        if tok.is_word() && !tok.has(CAP) && (k.ends_with("ed") || k.ends_with("ing")) && k.len() > 4 {
            return false;
        }
        let pronoun_subject = self.is_in(t, &self.vocab.grammar.plural_pronouns) || self.is_in(t, &self.vocab.grammar.speaker_pronouns);
        let mut seen = 0;
        let mut p = t + 1;
        while p < end && seen < MAX_SUBJECT_WORDS {
            if self.text.skip[p] {
                p += 1;
                continue;
            }
            let k = self.key(p);
            // A past form counts unless a determiner makes it an adjective ("its alleged promises").
            let past = k.ends_with("ed") && k.len() > 4 && !self.is_in(p - 1, &self.vocab.det) && !matches!(self.key(p - 1), "'s");
            if self.is_in(p, &self.vocab.aux)
                || self.is_in(p, &self.vocab.clauses.clause_verbs)
                || (pronoun_subject && self.is_in(p, &self.vocab.clauses.base_verbs))
                || past
                || k == "not"
                // "he's", "it's", "there's": the contracted verb.
                || (k == "'s" && p == t + 1 && (self.is_in(t, &g.subject_pronouns) || self.is_in(t, &g.expletives)))
                || (loose && self.finite_verb_after_subject(p))
            {
                return true;
            }
            // "the bridge, which she called unsafe, would ...": a relative clause
            // set off by commas inside the subject.
            if k == ","
                && p + 1 < end
                && matches!(self.key(p + 1), "which" | "who")
                && let Some(close) = (p + 2..end.min(p + 2 + MAX_SUBJECT_WORDS * 2)).find(|&q| self.key(q) == ",")
            {
                p = close + 1;
                seen += 1;
                continue;
            }
            if matches!(k, "." | ";" | "," | ":" | "that") || self.is_in(p, &self.vocab.grammar.subordinators) {
                return false;
            }
            seen += 1;
            p += 1;
        }
        false
    }

    /// Whether token `p`, right after a word of a subject, reads as a finite
    /// verb: a third-person form ("it underscores", "the plan includes") or
    /// an irregular past ("the talks broke down"), in lower case.
    pub(crate) fn finite_verb_after_subject(&self, p: usize) -> bool {
        let tok = &self.text.toks.toks[p];
        let Some(prev) = self.prev(p, 0) else { return false };
        let pk = self.key(prev);
        // Not a plural noun after a gerund or participle ("seeking alliances").
        let after_subject = self.text.toks.toks[prev].is_word()
            && !pk.ends_with("ing")
            && !pk.ends_with("ed")
            && !self.is_in(prev, &self.vocab.det)
            && !self.is_in(prev, &self.vocab.grammar.prepositions)
            && !self.is_in(prev, &self.vocab.grammar.coordinators);
        if !tok.is_word() || tok.has(CAP) || !after_subject {
            return false;
        }
        self.finite_form(self.key(p))
    }

    /// Whether a lower-case word reads as a finite verb form: third person
    /// in `-s` ("underscores") or an irregular past ("broke").
    pub(crate) fn finite_form(&self, k: &str) -> bool {
        let irregular_past = self.vocab.spelling.irregular_forms(k).next().is_some_and(|base| base != k) && !k.ends_with("ing");
        ends_in_s_form(k) || irregular_past
    }

    /// Whether `t` is "to" followed by a verb (an infinitive, not "to the").
    pub(crate) fn infinitive(&self, t: usize, end: usize) -> bool {
        if self.key(t) != "to" {
            return false;
        }
        let Some(v) = self.next(t + 1, end) else { return false };
        let k = self.key(v);
        let tok = &self.text.toks.toks[v];
        // A one-word lowercase mention may be the verb ("to host", "to head").
        let verb_like = !tok.has(CAP) && !k.ends_with('s') && self.res.by_start.get(&v).is_some_and(|&m| self.res.mentions[m].toks.len() == 1);
        let names_someone = (self.res.by_start.contains_key(&v) && !verb_like) || (tok.has(CAP) && k != "quote");
        let subject = self.vocab.grammar.subject_pronouns.contains(k) || self.vocab.grammar.expletives.contains(k);
        tok.is_word() && !self.vocab.det.contains(k) && !subject && !names_someone && !plural_noun_like(k)
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
        self.is_in(p, &self.vocab.grammar.clause_joiners) && p + 1 < end && self.clause_starts(p + 1, end.min(p + 9))
    }

    /// For a rejection cue whose object is a speech noun ("dismissed calls"), the noun token.
    pub(crate) fn rejected_call(&self, c: &Cue, content: &Range<usize>) -> Option<usize> {
        let verb = self.key(c.toks.start);
        let rejecting = self.vocab.clauses.rejection_verbs.has_prefix_of(verb);
        if !rejecting {
            return None;
        }
        let mut t = content.start;
        while t < content.end && self.is_in(t, &self.vocab.det) {
            t += 1;
        }
        (t < content.end && self.lex.is_speech_noun_at(&self.text.toks, t)).then_some(t)
    }
}

/// Whether a word ends in an inflectional `-s` (a plural or a third
/// person), not in the `-ss`, `-us` or `-is` of a stem ("discuss", "focus").
fn ends_in_s_form(k: &str) -> bool {
    k.len() > 3 && k.ends_with('s') && !k.ends_with("ss") && !k.ends_with("us") && !k.ends_with("is")
}

/// A word an infinitive cannot start with: a plural in `-s` ("a warning to
/// neighbours", "a call to arms"). A verb after "to" is in its base form,
/// and base forms end in `-s` only as stems ("discuss", "focus", "bias").
fn plural_noun_like(word: &str) -> bool {
    ends_in_s_form(word) && !word.ends_with("as") && !word.ends_with("'s")
}
