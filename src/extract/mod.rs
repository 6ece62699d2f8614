//! Statements: who said what, for whom.
//!
//! Works sentence by sentence (clause window by clause window in
//! unpunctuated speech) over the cues of [`crate::lexicon`], the mentions
//! of [`crate::actors`] and the quotations of [`crate::quotes`]:
//!
//! - a verb cue finds its speaker before it (`Iran said`, skipping
//!   auxiliaries, adverbs and time adjuncts), or after it for postposed
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
//! Turn records of transcripts come from [`crate::turns`].

pub mod cues;
pub mod quotes;
pub mod turns;

use crate::attribute::{ActorTable, Mention, MentionKind};
use crate::extract::cues::{Cue, Frame, Lexicon};
use crate::extract::quotes::{Mark, Quote};
use crate::model::{Kind, Speaker, Statement, Text};
use crate::text::date::Date;
use crate::text::token::{CAP, QUOTE_AFTER, TokKind};
use std::collections::HashMap;
use std::ops::Range;

const AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could",
    "may", "might", "must",
];
const MODALS: &[&str] = &["would", "could", "might", "may", "should", "will", "shall", "can", "must"];
const SKIP_BEFORE_CUE: &[&str] = &[
    "also", "repeatedly", "again", "previously", "already", "reportedly", "publicly", "privately", "later", "earlier", "then", "once", "now", "just",
    "recently", "separately", "further", "meanwhile", "still", "even", "only", "really", "basically", "first", "last", "often", "always", "has", "have", "had",
    "is", "are", "was", "were", "been", "being", "reported", "you", "know", "in", "a", "an", "the", "statement", "on", "this", "week", "yesterday", "today",
    "tonight", "morning", "afternoon", "evening", "night", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "late", "early",
    "day", "month", "year", "both", "all", "each", "themselves", "himself", "herself", "itself", "too",
];
const DETERMINERS: &[&str] =
    &["the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "all", "both", "some", "any", "no", "every", "each", "such"];
const PRONOUN_SUBJECTS: &[&str] = &["he", "she", "it", "they", "we", "i", "you", "there"];
/// Pronouns of the people in the conversation itself (the speaker and the one spoken to).
const ON_AIR: &[&str] = &["i", "we", "you"];
const NP_END: &[&str] = &[
    ",", ";", ":", ".", "!", "?", "amid", "as", "while", "after", "before", "because", "despite", "following", "saying", "adding", "which", "who", "whom",
    "where", "when", "but", "so",
];
/// Verbs that show a clause has started (third person forms, unambiguous).
const CLAUSE_VERBS: &[&str] = &[
    "wants", "seeks", "plans", "needs", "intends", "hopes", "remains", "stands", "believes", "considers", "supports", "rejects", "expects", "knows", "sees",
    "says", "thinks", "holds", "reserves", "retains", "regards", "views", "sought", "thought", "knew", "saw", "held", "stood", "meant", "felt", "kept", "left",
    "told", "said",
];
/// Base forms that are verbs only after a pronoun subject ("they want"), nouns elsewhere ("support").
const BASE_VERBS: &[&str] = &[
    "want", "seek", "plan", "need", "intend", "hope", "remain", "stand", "believe", "consider", "support", "reject", "expect", "know", "see", "say", "think",
    "hold", "reserve", "retain", "regard", "view",
];

/// Extracts statements from prepared documents.
pub struct Extractor<'a> {
    /// Speech cues.
    pub lexicon: &'a Lexicon,
    /// Actors.
    pub actors: &'a ActorTable,
}

struct Doc<'t, 'd> {
    text: &'t Text<'d>,
    lex: &'t Lexicon,
    actors: &'t ActorTable,
    date: Option<Date>,
    mentions: Vec<Mention>,
    /// Mention index by end token (the longest mention ending there).
    by_end: TokIndex,
    /// Mention index by start token (the first mention starting there).
    by_start: TokIndex,
    quotes: Vec<Quote>,
    /// Speech nouns with an owner: (noun token, owner speaker).
    owners: Vec<(usize, Speaker)>,
    /// Resolved pronoun mentions: mention index -> speaker.
    resolved: HashMap<usize, Option<Speaker>>,
    /// Rejected calls: (statement index, token of the call noun).
    rejections: Vec<(usize, usize)>,
    out: Vec<Statement>,
}

/// What a frame yields: content tokens, addressee, and the scope for rules when not the default.
type FrameContent = (Range<usize>, Option<String>, Option<Range<usize>>);

/// Mentions indexed by a token position.
struct TokIndex(Vec<Option<usize>>);

impl TokIndex {
    fn get(&self, t: &usize) -> Option<&usize> {
        self.0.get(*t).and_then(Option::as_ref)
    }

    fn contains_key(&self, t: &usize) -> bool {
        self.get(t).is_some()
    }
}

impl std::ops::Index<&usize> for TokIndex {
    type Output = usize;
    fn index(&self, t: &usize) -> &usize {
        self.get(t).expect("indexed mention")
    }
}

/// What stands before a cue as its subject.
enum Subject {
    Mention(usize),
    /// An office and the name given in apposition.
    Appos(usize, usize),
    Noun(usize),
    Coordinated,
    None,
}

impl<'a> Extractor<'a> {
    /// All statements of a document (transcript turns excluded), in order,
    /// given the document's mentions.
    pub fn extract(&self, text: &Text, mentions: Vec<Mention>) -> Vec<Statement> {
        let n = text.toks.len();
        let mut by_end = TokIndex(vec![None; n + 1]);
        let mut by_start = TokIndex(vec![None; n + 1]);
        for (i, m) in mentions.iter().enumerate() {
            let e = by_end.0[m.toks.end].get_or_insert(i);
            if mentions[*e].toks.len() < m.toks.len() {
                *e = i;
            }
            by_start.0[m.toks.start].get_or_insert(i);
        }
        let mut d = Doc {
            text,
            lex: self.lexicon,
            actors: self.actors,
            date: text.doc.date,
            mentions,
            by_end,
            by_start,
            quotes: crate::extract::quotes::find(text),
            owners: Vec::new(),
            resolved: HashMap::new(),
            rejections: Vec::new(),
            out: Vec::new(),
        };
        d.find_owners();
        // Cues that report nothing here: negated, hypothetical, infinitival or used as nouns.
        let cues: Vec<Cue> = self
            .lexicon
            .cues(text)
            .into_iter()
            .filter(|c| {
                let floor = text.seg.sentences[text.seg.sentence_of(c.toks.start)].start;
                let in_name = d.mentions.iter().any(|m| m.toks.start <= c.toks.start && c.toks.start < m.toks.end && m.kind != MentionKind::Pronoun);
                !in_name && !d.cue_blocked(&c.toks, floor) && !d.nominal_use(c.toks.start, floor)
            })
            .collect();
        let sources = self.lexicon.sources(text);
        for (si, sent) in text.seg.sentences.iter().enumerate() {
            let sent_cues: Vec<&Cue> = cues.iter().filter(|c| c.toks.start >= sent.start && c.toks.start < sent.end).collect();
            let sent_sources: Vec<&Range<usize>> = sources.iter().filter(|s| s.start >= sent.start && s.start < sent.end).collect();
            d.sentence(si, sent.clone(), &sent_cues, &sent_sources);
        }
        d.nominals(&cues);
        d.unattributed_quotes();
        d.finish()
    }
}

impl<'t, 'd> Doc<'t, 'd> {
    fn key(&self, t: usize) -> &str {
        self.text.toks.key(t)
    }

    fn n(&self) -> usize {
        self.text.toks.len()
    }

    /// Previous non-filler token before `t`, not before `floor`.
    fn prev(&self, t: usize, floor: usize) -> Option<usize> {
        let mut p = t;
        while p > floor {
            p -= 1;
            if !self.text.skip[p] {
                return Some(p);
            }
        }
        None
    }

    /// First non-filler token at or after `t`, before `ceil`.
    fn next(&self, t: usize, ceil: usize) -> Option<usize> {
        let mut p = t;
        while p < ceil {
            if !self.text.skip[p] {
                return Some(p);
            }
            p += 1;
        }
        None
    }

    fn sentence_span(&self, sent: &Range<usize>) -> Range<usize> {
        self.text.toks.span(sent.clone())
    }

    /// Records owners of speech nouns: "Raisi's warning", "United States messages", "statement by X".
    fn find_owners(&mut self) {
        for t in 0..self.n() {
            if !self.lex.is_speech_noun(self.key(t)) {
                continue;
            }
            if let Some(m) = self.noun_owner(t) {
                let s = self.speaker_of(m);
                if s.name.is_some() {
                    self.owners.push((t, s));
                }
            }
        }
    }

    /// The mention owning the speech noun at `t`, if any.
    fn noun_owner(&self, t: usize) -> Option<usize> {
        // Before: "X's (adj) NOUN" or "X NOUN".
        let mut p = self.prev(t, 0)?;
        let mut adjectives = 0;
        loop {
            if self.key(p) == "'s" {
                let q = self.prev(p, 0)?;
                return self.by_end.get(&(q + 1)).copied().filter(|&m| self.mentions[m].kind != MentionKind::Pronoun);
            }
            if let Some(&m) = self.by_end.get(&(p + 1)) {
                if adjectives == 0 && !matches!(self.mentions[m].kind, MentionKind::Pronoun) {
                    return Some(m);
                }
                break;
            }
            let k = self.key(p);
            if adjectives < 2 && self.text.toks.toks[p].is_word() && !DETERMINERS.contains(&k) && !AUX.contains(&k) && !crate::attribute::is_preposition(k) {
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
            return self.by_start.get(&r).copied().filter(|&m| self.mentions[m].kind != MentionKind::Pronoun);
        }
        None
    }

    /// Resolves a mention to a speaker (pronouns, bare titles, speech nouns).
    fn speaker_of(&mut self, m: usize) -> Speaker {
        let mention = &self.mentions[m];
        match mention.kind {
            MentionKind::Pronoun => {
                let r = mention.toks.clone();
                let s = self.antecedent(m).unwrap_or_default();
                let toks = &self.text.toks;
                Speaker { mention: Some(toks.norm_text(r.clone()).to_string()), span: Some(toks.span(r)), ..s }
            }
            MentionKind::Office if self.actors.anaphor(mention, self.text).is_some() => {
                // "the group said": the nearest organisation (or state) named before.
                let organisation = self.actors.anaphor(mention, self.text).expect("checked");
                let start = mention.toks.start;
                let own = self.ex_speaker(m);
                let found = self.mentions[..m]
                    .iter()
                    .rev()
                    .take_while(|c| c.toks.end + 150 > start)
                    .find(|c| matches!(c.kind, MentionKind::Actor) && c.actors.len() == 1 && self.actors.is_organisation(c.actors[0]) == organisation)
                    .cloned();
                match found {
                    Some(c) => Speaker { mention: own.mention, span: own.span, ..self.actors.speaker(&c, self.text, self.date) },
                    None => own,
                }
            }
            MentionKind::Office if mention.actors.is_empty() && matches!(self.key(mention.toks.start), "its" | "their" | "his" | "her") => {
                // "Its foreign minister", "Her campaign": whom the possessive stands for.
                let own = self.ex_speaker(m);
                let pronoun = match self.key(mention.toks.start) {
                    "his" => "he",
                    "her" => "she",
                    "its" => "it",
                    _ => "they",
                };
                match self.antecedent_of(pronoun, m) {
                    Some(owner) if !owner.actors.is_empty() || owner.name.is_some() => {
                        let mut with_actor = self.mentions[m].clone();
                        with_actor.actors = owner.actors.iter().filter_map(|a| self.actors.actor_id(a)).collect();
                        let mut sp = self.actors.speaker(&with_actor, self.text, self.date);
                        // A group of a person ("her campaign") is named after the person.
                        if self.mentions[m].title.is_none() {
                            let head = self.text.toks.norm_text(self.mentions[m].toks.start + 1..self.mentions[m].toks.end).to_string();
                            sp.name = owner.name.map(|n| format!("{n}'s {head}"));
                        }
                        sp.mention = own.mention;
                        sp.span = own.span;
                        sp
                    }
                    _ => own,
                }
            }
            MentionKind::Office
                if mention.actors.is_empty() && !mention.independent && mention.person.is_none() && mention.title.is_some() && !mention.plural =>
            {
                // A bare title ("the minister"): the last mention with that title.
                let own = self.actors.speaker(mention, self.text, self.date);
                let title = mention.title.clone();
                for k in (0..m).rev() {
                    let other = &self.mentions[k];
                    if other.actors.is_empty() || other.kind == MentionKind::Pronoun {
                        continue;
                    }
                    let same_title = other.title == title;
                    let holder = match (&title, other.person) {
                        (Some(t), Some(p)) => self.actors.persons[p].offices.iter().any(|o| &o.title == t),
                        _ => false,
                    };
                    if same_title || holder {
                        let s = self.actors.speaker(other, self.text, self.date);
                        return Speaker { mention: own.mention, span: own.span, ..s };
                    }
                }
                own
            }
            _ => self.ex_speaker(m),
        }
    }

    fn ex_speaker(&self, m: usize) -> Speaker {
        self.actors.speaker(&self.mentions[m], self.text, self.date)
    }

    /// The antecedent of a pronoun mention.
    fn antecedent(&mut self, m: usize) -> Option<Speaker> {
        if let Some(r) = self.resolved.get(&m) {
            return r.clone();
        }
        let key = self.key(self.mentions[m].toks.start).to_string();
        let result = self.antecedent_of(&key, m);
        self.resolved.insert(m, result.clone());
        result
    }

    /// The antecedent a pronoun (`he`, `she`, `it`, `they`) standing at mention `m` refers to.
    fn antecedent_of(&mut self, key: &str, m: usize) -> Option<Speaker> {
        let pron = self.mentions[m].clone();
        let reach = if self.text.doc.punctuated { 120 } else { 80 };
        let floor = pron.toks.start.saturating_sub(reach);
        // Compatible candidates, nearest first.
        let mut candidates: Vec<usize> = Vec::new();
        for k in (0..m).rev() {
            let c = &self.mentions[k];
            if c.toks.end > pron.toks.start {
                continue;
            }
            if c.toks.start < floor {
                break;
            }
            if c.in_pp || c.independent {
                continue;
            }
            let ok = match key {
                "he" | "she" => {
                    let want_male = key == "he";
                    match c.kind {
                        MentionKind::Person => self.actors.male(c).is_none_or(|m| m == want_male),
                        MentionKind::Office => c.title.is_some() && !c.plural,
                        MentionKind::Name => true,
                        MentionKind::Pronoun => self.key(c.toks.start) == key,
                        _ => false,
                    }
                }
                "they" => match c.kind {
                    MentionKind::Office | MentionKind::Group => c.plural || c.title.is_none(),
                    MentionKind::Actor => true,
                    MentionKind::Pronoun => self.key(c.toks.start) == "they",
                    _ => false,
                },
                "it" => match c.kind {
                    MentionKind::Actor => true,
                    MentionKind::Office => !c.plural && c.title.is_none(),
                    MentionKind::Pronoun => self.key(c.toks.start) == "it",
                    _ => false,
                },
                _ => false,
            };
            if ok {
                candidates.push(k);
            }
        }
        // Prefer a subject that names someone, then anyone who is named, then the nearest.
        let named = |c: &Mention| !c.actors.is_empty() || c.person.is_some() || c.kind == MentionKind::Pronoun;
        let found = candidates
            .iter()
            .copied()
            .find(|&k| named(&self.mentions[k]) && self.subject_like(k))
            .or_else(|| candidates.iter().copied().find(|&k| named(&self.mentions[k])))
            .or_else(|| candidates.first().copied());
        found.map(|k| self.speaker_of(k)).filter(|s| s.name.is_some())
    }

    /// Whether a mention looks like the subject of its clause: it opens its
    /// sentence, or a verb follows it.
    fn subject_like(&self, m: usize) -> bool {
        let r = &self.mentions[m].toks;
        let sent = &self.text.seg.sentences[self.text.seg.sentence_of(r.start)];
        let opens = (sent.start..r.start).all(|t| {
            self.text.skip[t]
                || !self.text.toks.toks[t].is_word()
                || self.key(t).ends_with("ly")
                || matches!(self.key(t), "later" | "then" | "earlier" | "but" | "and" | "meanwhile")
        });
        let verb_follows = self.next(r.end, self.n()).is_some_and(|t| {
            let k = self.key(t);
            AUX.contains(&k)
                || CLAUSE_VERBS.contains(&k)
                || (k.ends_with("ed") && k.len() > 3)
                || (k.ends_with('s') && !k.ends_with("ss") && self.text.toks.toks[t].is_word() && k != "'s")
        });
        opens || verb_follows
    }

    /// The subject before a cue starting at `cue`.
    fn subject_before(&self, cue: usize, floor: usize) -> Subject {
        let mut p = match self.prev(cue, floor) {
            Some(p) => p,
            None => return Subject::None,
        };
        let mut skipped = 0;
        loop {
            if let Some(&m) = self.by_end.get(&(p + 1))
                && !(self.mentions[m].kind == MentionKind::Actor && self.key(p) == "the")
            {
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
            if matches!(k, "and" | "or" | "but" | "yet") {
                return Subject::Coordinated;
            }
            if matches!(k, "who" | "which") && skipped <= 3 {
                // "Lebanese officials who told us ...": the mention before the relative pronoun.
                if let Some(q) = self.prev(p, floor)
                    && let Some(&m) = self.by_end.get(&(q + 1))
                {
                    return Subject::Mention(m);
                }
                return Subject::None;
            }
            if self.lex.is_speech_noun(k) && self.text.toks.toks[p].is_word() {
                return Subject::Noun(p);
            }
            if k == "," {
                // Apposition: "Raisi, Iran's president, said" or "..., and said".
                let mut q = p;
                let mut steps = 0;
                while let Some(r) = self.prev(q, floor) {
                    steps += 1;
                    if steps > 12 {
                        break;
                    }
                    if self.key(r) == "," {
                        if let Some(s) = self.prev(r, floor)
                            && let Some(&m) = self.by_end.get(&(s + 1))
                        {
                            // An office whose holder is named in the apposition: "Its foreign minister, Badr Albusaidi,".
                            let inner =
                                self.by_start.get(&(r + 1)).copied().filter(|&a| self.mentions[a].toks.end == p && self.mentions[a].kind == MentionKind::Name);
                            return match inner {
                                Some(a) if self.mentions[m].kind == MentionKind::Office && self.mentions[m].person.is_none() => Subject::Appos(m, a),
                                _ => Subject::Mention(m),
                            };
                        }
                        break;
                    }
                    q = r;
                }
                if let Some(&m) = self.by_end.get(&(p)) {
                    return Subject::Mention(m);
                }
                return Subject::None;
            }
            let skippable = SKIP_BEFORE_CUE.contains(&k) || (k.ends_with("ly") && k.len() > 4) || self.text.toks.toks[p].kind == TokKind::Number;
            if !skippable || skipped >= 7 {
                return Subject::None;
            }
            skipped += 1;
            p = match self.prev(p, floor) {
                Some(q) => q,
                None => return Subject::None,
            };
        }
    }

    /// Speaker of a speech noun used as a subject ("this messages warn", "the statement said").
    fn noun_subject(&mut self, noun: usize) -> Option<Speaker> {
        if let Some(m) = self.noun_owner(noun) {
            let s = self.speaker_of(m);
            return s.name.is_some().then_some(s);
        }
        let det = self.prev(noun, 0).map(|p| self.key(p).to_string())?;
        if !matches!(det.as_str(), "this" | "that" | "these" | "those" | "the" | "such") {
            return None;
        }
        let reach = noun.saturating_sub(150);
        self.owners.iter().rev().find(|(t, _)| *t < noun && *t >= reach).map(|(_, s)| {
            let toks = &self.text.toks;
            Speaker { mention: Some(toks.norm_text(self.prev(noun, 0).unwrap_or(noun)..noun + 1).to_string()), ..s.clone() }
        })
    }

    /// Whether a cue is negated, hypothetical or a question ("did not say", "would say").
    fn cue_blocked(&self, cue: &Range<usize>, floor: usize) -> bool {
        let mut p = cue.start;
        for _ in 0..3 {
            let Some(q) = self.prev(p, floor) else { return false };
            let k = self.key(q);
            if matches!(k, "not" | "never" | "to") || MODALS.contains(&k) {
                return true;
            }
            if !(k.ends_with("ly") || matches!(k, "also" | "still" | "even" | "just" | "really")) {
                return false;
            }
            p = q;
        }
        false
    }

    /// Whether a cue word at `t` is used as a noun ("a warning", "Raisi's warning", "his stern warning").
    fn nominal_use(&self, t: usize, floor: usize) -> bool {
        let Some(p) = self.prev(t, floor) else { return false };
        let k = self.key(p);
        if k == "'s" || DETERMINERS.contains(&k) {
            return true;
        }
        let Some(pp) = self.prev(p, floor) else { return false };
        let kk = self.key(pp);
        self.key(t).ends_with("ing") && (kk == "'s" || DETERMINERS.contains(&kk)) && !self.by_end.contains_key(&(p + 1)) && !AUX.contains(&k)
    }

    /// Whether tokens from `t` start a clause: a subject and a verb soon after.
    fn clause_starts(&self, t: usize, end: usize) -> bool {
        let Some(t) = self.next(t, end) else { return false };
        let k = self.key(t);
        let tok = &self.text.toks.toks[t];
        if AUX.contains(&k) || crate::attribute::is_preposition(k) || matches!(k, "to" | "that" | "whether" | "if" | "why" | "how" | "when" | "what" | "where")
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
        let pronoun_subject = matches!(k, "they" | "we" | "i" | "you");
        let mut seen = 0;
        let mut p = t + 1;
        while p < end && seen < 7 {
            if self.text.skip[p] {
                p += 1;
                continue;
            }
            let k = self.key(p);
            // A past form counts unless a determiner makes it an adjective ("its alleged promises").
            let past = k.ends_with("ed") && k.len() > 4 && !DETERMINERS.contains(&self.key(p - 1)) && !matches!(self.key(p - 1), "'s" | "my" | "your");
            if AUX.contains(&k) || CLAUSE_VERBS.contains(&k) || (pronoun_subject && BASE_VERBS.contains(&k)) || past || k == "not" {
                return true;
            }
            if matches!(k, "." | ";" | "," | ":" | "that") {
                return false;
            }
            seen += 1;
            p += 1;
        }
        false
    }

    /// Whether `t` is "to" followed by a verb (an infinitive, not "to the").
    fn infinitive(&self, t: usize, end: usize) -> bool {
        if self.key(t) != "to" {
            return false;
        }
        let Some(v) = self.next(t + 1, end) else { return false };
        let k = self.key(v);
        let tok = &self.text.toks.toks[v];
        let names_someone = self.by_start.contains_key(&v) || (tok.has(CAP) && k != "quote");
        tok.is_word() && !DETERMINERS.contains(&k) && !PRONOUN_SUBJECTS.contains(&k) && !names_someone
    }

    /// End of a noun-phrase content starting at `t`.
    fn np_end(&self, t: usize, end: usize) -> usize {
        let mut p = t;
        while p < end {
            let k = self.key(p);
            if p > t && (NP_END.contains(&k) || self.new_clause(p, end)) {
                break;
            }
            p += 1;
        }
        p
    }

    /// Whether a new clause starts at `p`: "and|but + subject + verb".
    fn new_clause(&self, p: usize, end: usize) -> bool {
        matches!(self.key(p), "and" | "but" | "while" | "whereas") && p + 1 < end && self.clause_starts(p + 1, end.min(p + 9))
    }

    /// Trims trailing punctuation and fillers from a token range.
    fn trim(&self, r: Range<usize>) -> Range<usize> {
        let mut r = r;
        while r.end > r.start && (self.text.skip[r.end - 1] || matches!(self.key(r.end - 1), "," | ";" | ":" | "." | "-" | "(")) {
            r.end -= 1;
        }
        while r.start < r.end
            && (self.text.skip[r.start]
                || matches!(self.key(r.start), "," | ":" | "-")
                || (self.key(r.start) == "that" && !self.text.toks.toks[r.start].has(CAP)))
        {
            r.start += 1;
        }
        r
    }

    /// Kind of a content range: direct if a quotation covers it, mixed if it holds one.
    fn kind_of(&self, r: &Range<usize>) -> Kind {
        let words = |r: &Range<usize>| (r.start..r.end).filter(|&t| self.text.toks.toks[t].is_word()).count();
        let total = words(r).max(1);
        let mut quoted = 0;
        let mut spoken = false;
        for q in &self.quotes {
            let a = q.toks.start.max(r.start);
            let b = q.toks.end.min(r.end);
            if a < b && (q.toks.start >= r.start || q.toks.end <= r.end || (q.toks.start <= r.start && r.end <= q.toks.end)) {
                quoted = quoted.max(words(&(a..b)));
                spoken |= q.mark == Mark::Spoken;
            }
        }
        if quoted * 10 >= total * 9 || (spoken && quoted > 0) {
            Kind::Direct
        } else if quoted > 0 {
            Kind::Mixed
        } else {
            Kind::Indirect
        }
    }

    /// In unpunctuated speech, where reported words end: before the people
    /// on air speak for themselves (first and second person), before
    /// "and/but" opening a new clause or an aside ("and sadly"), with
    /// trailing function words dropped. Quotations are left whole.
    fn speech_content(&self, r: Range<usize>) -> Range<usize> {
        if self.text.doc.punctuated || self.quotes.iter().any(|q| q.toks.start <= r.start && r.start < q.toks.end) {
            return r;
        }
        let mut end = r.end;
        let mut words = 0;
        for t in r.clone() {
            if self.text.skip[t] {
                continue;
            }
            let k = self.key(t);
            if words >= 3 {
                let aside = matches!(k, "and" | "but") && self.next(t + 1, r.end).is_some_and(|n| self.key(n).ends_with("ly") && self.key(n).len() > 3);
                // "you know", "you see" are fillers, not the host being addressed.
                let filler = k == "you" && self.next(t + 1, r.end).is_some_and(|n| matches!(self.key(n), "know" | "see"));
                let person = (ON_AIR.contains(&k) || matches!(k, "me" | "us" | "my" | "our" | "your")) && !filler;
                if person || aside || self.new_clause(t, r.end) || self.run_in_subject(t, r.clone()) {
                    end = t;
                    break;
                }
            }
            if self.text.toks.toks[t].is_word() {
                words += 1;
            }
        }
        const TRAILING: &[&str] = &["to", "which", "that", "who", "and", "or", "but", "the", "a", "an", "as", "so", "then"];
        while end > r.start + 1 && (self.text.skip[end - 1] || TRAILING.contains(&self.key(end - 1)) || crate::attribute::is_preposition(self.key(end - 1))) {
            end -= 1;
        }
        r.start..end
    }

    /// Whether a name at `t` opens a new sentence run into the last one
    /// without punctuation ("... the Golan Heights Hezbollah has vowed ..."):
    /// the name follows another capitalised word and a verb follows it.
    fn run_in_subject(&self, t: usize, r: Range<usize>) -> bool {
        let Some(&m) = self.by_start.get(&t) else { return false };
        let after_name = self.prev(t, r.start).is_some_and(|p| {
            let tok = &self.text.toks.toks[p];
            tok.is_word() && tok.has(CAP) && !crate::attribute::is_preposition(self.key(p))
        });
        after_name && self.next(self.mentions[m].toks.end, r.end).is_some_and(|v| AUX.contains(&self.key(v)) || CLAUSE_VERBS.contains(&self.key(v)))
    }

    /// Content that reaches the end of a clause window cut only for length
    /// runs on through the next window (`speech_content` then finds its end).
    fn run_on(&self, content: Range<usize>, sent: &Range<usize>) -> (Range<usize>, Range<usize>) {
        let seg = &self.text.seg;
        let si = seg.sentence_of(sent.start);
        if !self.text.doc.punctuated && content.end >= sent.end && seg.capped.get(si) == Some(&true) && si + 1 < seg.sentences.len() {
            let next = seg.sentences[si + 1].end;
            return (content.start..next, sent.start..next);
        }
        (content, sent.clone())
    }

    /// Adds a statement (content trimmed; empty content is dropped).
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        content: Range<usize>,
        cue: Option<Range<usize>>,
        scope: Option<Range<usize>>,
        speaker: Speaker,
        addressee: Option<String>,
        sent: &Range<usize>,
        confidence: f32,
    ) -> Option<usize> {
        let (content, sent) = self.run_on(content, sent);
        let sent = &sent;
        let content = self.trim(self.speech_content(content));
        if content.is_empty() || !(content.start..content.end).any(|t| self.text.toks.toks[t].is_word()) {
            return None;
        }
        if speaker.name.is_none() && speaker.actors.is_empty() {
            return None;
        }
        let scope = scope.unwrap_or_else(|| match &cue {
            Some(c) => c.start.min(content.start)..c.end.max(content.end),
            None => content.clone(),
        });
        let st = Statement {
            kind: self.kind_of(&content),
            span: self.text.toks.span(content.clone()),
            toks: content,
            scope,
            cue_span: cue.as_ref().map(|c| self.text.toks.span(c.clone())),
            cue,
            speaker,
            addressee,
            via: None,
            sentence: self.sentence_span(sent),
            confidence,
        };
        self.out.push(st);
        Some(self.out.len() - 1)
    }

    /// Addressee text of a mention or short noun phrase starting at `t`; returns (name, end).
    fn addressee(&mut self, t: usize, end: usize) -> Option<(Option<String>, usize)> {
        let t = self.next(t, end)?;
        let mut p = t;
        let mut named = None;
        if let Some(&m) = self.by_start.get(&t) {
            let s = self.speaker_of(m);
            named = s.name.or(s.mention);
            p = self.mentions[m].toks.end;
        }
        // The rest of a short noun phrase: up to 8 words without verbs.
        while p < end && p - t < 8 {
            let k = self.key(p);
            if k == "to" || k == "that" || k == "of" || AUX.contains(&k) || matches!(k, "," | "." | ";" | ":") || (p > t && PRONOUN_SUBJECTS.contains(&k)) {
                break;
            }
            p += 1;
        }
        if named.is_some() && p == self.mentions[self.by_start[&t]].toks.end {
            return Some((named, p));
        }
        (p > t).then(|| (Some(self.text.toks.norm_text(t..p).to_string()), p))
    }

    /// Processes one sentence (or clause window).
    fn sentence(&mut self, _si: usize, sent: Range<usize>, cues: &[&Cue], sources: &[&Range<usize>]) {
        // Stops: where each later attribution begins, so earlier content ends there.
        let mut stops: Vec<usize> = Vec::new();
        let mut subjects: Vec<Option<Subject>> = Vec::new();
        for c in cues {
            let s = self.subject_before(c.toks.start, sent.start);
            let start = match &s {
                Subject::Mention(m) | Subject::Appos(m, _) => {
                    let ms = self.mentions[*m].toks.start;
                    let joint = self.prev(ms, sent.start).filter(|&p| matches!(self.key(p), "," | "and" | "while" | "but" | ";"));
                    if self.mentions[*m].kind == MentionKind::Pronoun && joint.is_none() && ms > sent.start {
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
            let progressive = self.prev(head, sent.start).is_some_and(|p| matches!(self.key(p), "is" | "are" | "was" | "were" | "be" | "been" | "am"));
            let gerund = (self.key(c.toks.end - 1).ends_with("ing") || self.key(head).ends_with("ing")) && !progressive;
            let mut speaker: Option<Speaker> = None;
            let mut confidence = 0.85;
            let mut postposed_content: Option<Range<usize>> = None;
            // Postposed: "..., X said" / "“...” X said" / "..., said X".
            if c.postposed && !gerund {
                if let Subject::Mention(m) = subject {
                    let ms = self.mentions[m].toks.start;
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
                            speaker = Some(self.speaker_of(m));
                        }
                    }
                }
                if postposed_content.is_none() {
                    // "..., said the minister."
                    if let Some(b) = self.prev(head, sent.start) {
                        let after_quote = self.text.toks.toks[b].has(QUOTE_AFTER);
                        if (self.key(b) == "," || after_quote)
                            && b > sent.start
                            && let Some(&m) = self.next(c.toks.end, sent.end).and_then(|t| self.by_start.get(&t))
                        {
                            let ms = self.mentions[m].toks.start;
                            let inverted = self.mentions[m].kind != MentionKind::Pronoun && !self.clause_starts(ms, sent.end);
                            let content = self.postposed_content(sent.start, b + usize::from(self.key(b) != ","), first_in_sentence);
                            let relay = self.out[first_in_sentence..].iter().any(|st| st.toks.end <= b);
                            if inverted && self.postposed_tail(self.mentions[m].toks.end, sent.end) && (relay || self.reported_content(&content)) {
                                postposed_content = Some(content);
                                speaker = Some(self.speaker_of(m));
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
                let ms = self.mentions[m].toks.start;
                let comma_before = self.prev(ms, sent.start).is_some_and(|b| self.key(b) == "," && b > sent.start);
                let after = self.next(c.toks.end, sent.end).filter(|&a| self.key(a) == ",");
                if let (true, Some(a)) = (comma_before, after) {
                    let continues = self.next(a + 1, sent.end).is_some_and(|t| AUX.contains(&self.key(t))) || self.clause_starts(a + 1, sent.end);
                    let sp = self.speaker_of(m);
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
                let after_prep = b.is_some_and(|b| crate::attribute::is_preposition(self.key(b)) || self.key(b) == "by");
                if after_prep {
                    continue;
                }
                if after_comma {
                    speaker = last_speaker.clone().or_else(|| self.out[first_in_sentence..].last().map(|s| s.speaker.clone()));
                    if speaker.is_none()
                        && let Some(bb) = b
                        && let Subject::Mention(m) = self.subject_of_clause(bb, sent.start)
                    {
                        speaker = Some(self.speaker_of(m));
                    }
                } else if let Some(noun) = self.speech_noun_before(head, sent.start) {
                    if let Some(m) = self.noun_owner(noun) {
                        speaker = Some(self.speaker_of(m));
                    } else if let Subject::Mention(m) = self.subject_before(noun.saturating_sub(2).max(sent.start), sent.start) {
                        speaker = Some(self.speaker_of(m));
                    }
                }
                if speaker.is_none()
                    && !c.frames.is_empty()
                    && matches!(subject, Subject::Mention(_))
                    && let Subject::Mention(m) = subject
                {
                    speaker = Some(self.speaker_of(m));
                }
            } else {
                match subject {
                    Subject::Mention(m) => {
                        let mk = self.mentions[m].kind;
                        let pron = self.key(self.mentions[m].toks.start).to_string();
                        // First and second person: the author, the turn holder, or
                        // inside a quotation the quoted speaker; not a new statement.
                        if mk == MentionKind::Pronoun && ON_AIR.contains(&pron.as_str()) {
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
                        speaker = Some(self.speaker_of(m));
                    }
                    Subject::Appos(m, a) => {
                        let mut sp = self.speaker_of(m);
                        let name = self.text.toks.norm_text(self.mentions[a].toks.clone()).to_string();
                        sp.name = Some(name);
                        speaker = Some(sp);
                    }
                    Subject::Noun(n) => speaker = self.noun_subject(n),
                    Subject::Coordinated => {
                        speaker = last_speaker.clone().or_else(|| self.out[first_in_sentence..].last().map(|s| s.speaker.clone()));
                        if speaker.is_none() {
                            // "X called the demand a stunt and said ...": the sentence's subject.
                            if let Some(m) = self.sentence_subject(&sent, head) {
                                speaker = Some(self.speaker_of(m));
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
            let (sp, mend) = match first.and_then(|t| self.by_start.get(&t)).copied() {
                Some(m) => (self.speaker_of(m), self.mentions[m].toks.end),
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

    /// The mention opening a sentence (after lead adverbs), before `before`.
    fn sentence_subject(&self, sent: &Range<usize>, before: usize) -> Option<usize> {
        let m = self.mentions.iter().position(|m| m.toks.start >= sent.start && m.toks.end <= before && !m.in_pp)?;
        let lead_ok = (sent.start..self.mentions[m].toks.start).all(|t| {
            self.text.skip[t]
                || !self.text.toks.toks[t].is_word()
                || self.key(t).ends_with("ly")
                || matches!(self.key(t), "but" | "and" | "then" | "meanwhile" | "later" | "earlier")
        });
        let first_person = self.mentions[m].kind == MentionKind::Pronoun && ON_AIR.contains(&self.key(self.mentions[m].toks.start));
        (lead_ok && !first_person).then_some(m)
    }

    /// The subject of the clause a participle hangs on (for ", adding that").
    fn subject_of_clause(&self, comma: usize, floor: usize) -> Subject {
        let mut p = comma;
        while let Some(q) = self.prev(p, floor) {
            if let Some(&m) = self.by_end.get(&(q + 1)) {
                let before = self.prev(self.mentions[m].toks.start, floor);
                if before.is_none() || before.is_some_and(|b| matches!(self.key(b), "," | "\"")) {
                    return Subject::Mention(m);
                }
            }
            p = q;
        }
        Subject::None
    }

    /// A speech noun up to 12 tokens before `t` ("a statement by X asking").
    fn speech_noun_before(&self, t: usize, floor: usize) -> Option<usize> {
        let mut p = t;
        for _ in 0..12 {
            p = self.prev(p, floor)?;
            if self.lex.is_speech_noun(self.key(p)) {
                return Some(p);
            }
            if matches!(self.key(p), "." | ";" | "said" | "says") {
                return None;
            }
        }
        None
    }

    /// Whether what follows a postposed subject+cue fits a postposed cue:
    /// anything but a new content (a `that`-clause, a clause, an infinitive
    /// or a quotation), since the content came before.
    fn postposed_tail(&self, from: usize, end: usize) -> bool {
        let Some(t) = self.next(from, end) else { return true };
        let k = self.key(t);
        if matches!(k, "." | "," | ";" | "!" | "?") {
            return true;
        }
        if k == "that" || k == ":" || self.infinitive(t, end) || self.quotes.iter().any(|q| q.toks.start == t) || self.clause_starts(t, end) {
            return false;
        }
        // An addressee, then anything but a clause ("told Qatari Emir ... in a call").
        if let Some(&m) = self.by_start.get(&t) {
            let after = self.mentions[m].toks.end;
            return self.next(after, end).is_none_or(|a| self.key(a) != "that" && !self.clause_starts(a, end));
        }
        !self.clause_starts(t, end)
    }

    /// Whether words before a postposed cue are a statement: a quotation, or
    /// a clause (a verb), not an adverbial lead ("According to X,", "On Monday,").
    fn reported_content(&self, r: &Range<usize>) -> bool {
        if r.is_empty() {
            return false;
        }
        if self.quotes.iter().any(|q| q.toks.start < r.end && r.start < q.toks.end) {
            return true;
        }
        let lead = self.key(r.start);
        if crate::attribute::is_preposition(lead)
            || matches!(
                lead,
                "according" | "while" | "as" | "after" | "before" | "when" | "if" | "although" | "because" | "since" | "despite" | "amid" | "following"
            )
        {
            return false;
        }
        let words = (r.start..r.end).filter(|&t| self.text.toks.toks[t].is_word()).count();
        words >= 3
            && (r.start..r.end).any(|t| {
                let k = self.key(t);
                AUX.contains(&k)
                    || CLAUSE_VERBS.contains(&k)
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
    fn postposed_content(&self, sent_start: usize, end: usize, first_in_sentence: usize) -> Range<usize> {
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
            && (s..c).all(|t| self.text.toks.toks[t].is_word() && !self.by_start.contains_key(&t))
            && c - s <= 2
        {
            s = c + 1;
        }
        s..end
    }

    /// Content after a cue, trying its frames in order: (content, addressee, scope).
    fn frame_content(&mut self, c: &Cue, limit: usize, sent: &Range<usize>) -> Option<FrameContent> {
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
                    if matches!(self.key(t), ":" | ",") {
                        if *f == Frame::Colon && self.key(t) == ":" {
                            return Some((t + 1..end, None, None));
                        }
                        t = self.next(t + 1, end)?;
                    }
                    if let Some(q) =
                        self.quotes.iter().find(|q| (q.toks.start == t && q.mark != Mark::Spoken) || (q.mark == Mark::Spoken && q.toks.start == t + 1))
                    {
                        let qe = q.toks.end.min(sent.end.max(q.toks.end));
                        return Some((q.toks.start..qe, None, None));
                    }
                }
                Frame::That => {
                    let mut t = after;
                    let mut n = 0;
                    while t < end && n < 9 {
                        let k = self.key(t);
                        if k == "that" {
                            return Some((t + 1..end, None, None));
                        }
                        if AUX.contains(&k) || matches!(k, "." | ";" | "!" | "?") || (n == 0 && self.clause_starts(t, end)) {
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
                    if self.clause_starts(t, end) {
                        return Some((t..end, None, None));
                    }
                }
                Frame::ObjectThat | Frame::ObjectTo | Frame::ObjectOf => {
                    let Some((who, aend)) = self.addressee(after, end) else { continue };
                    let Some(t) = self.next(aend, end) else { continue };
                    let k = self.key(t).to_string();
                    match f {
                        Frame::ObjectThat if k == "that" => return Some((t + 1..end, who, None)),
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
                Frame::Object => {
                    let t = self.next(after, end)?;
                    let k = self.key(t);
                    let tok = &self.text.toks.toks[t];
                    if tok.is_word() && !AUX.contains(&k) && !matches!(k, "to" | "that" | "it" | "them" | "him" | "her" | "this" | "me" | "us") {
                        let e = self.np_end(t, end);
                        // A bare pronoun or one word is not content.
                        if e > t + 1 || self.lex.is_speech_noun(k) || !DETERMINERS.contains(&k) {
                            return Some((t..e, None, None));
                        }
                    }
                }
            }
        }
        None
    }

    /// For a rejection cue whose object is a speech noun ("dismissed calls"), the noun token.
    fn rejected_call(&self, c: &Cue, content: &Range<usize>) -> Option<usize> {
        let verb = self.key(c.toks.start);
        let rejecting = ["dismiss", "reject", "rebuff", "spurn", "brush", "shrug", "ignore", "defy", "refuse"].iter().any(|r| verb.starts_with(r));
        if !rejecting {
            return None;
        }
        let mut t = content.start;
        while t < content.end && DETERMINERS.contains(&self.key(t)) {
            t += 1;
        }
        (t < content.end && self.lex.is_speech_noun(self.key(t))).then_some(t)
    }

    /// Nominal statements: "X's insistence that ...", "calls from X to ...", "X's appeal for ...".
    fn nominals(&mut self, cues: &[Cue]) {
        let frames = self.lex.noun_frames.clone();
        for t in 0..self.n() {
            if !self.lex.is_speech_noun(self.key(t)) || cues.iter().any(|c| c.toks.start <= t && t < c.toks.end) {
                continue;
            }
            let Some(owner) = self.noun_owner(t) else { continue };
            if self.mentions[owner].kind == MentionKind::Pronoun {
                continue;
            }
            let si = self.text.seg.sentence_of(t);
            let sent = self.text.seg.sentences[si].clone();
            // After the noun and its holder phrase.
            let mut after = t + 1;
            if let Some(q) = self.next(after, sent.end)
                && matches!(self.key(q), "from" | "by")
                && self.mentions[owner].toks.start > t
            {
                after = self.mentions[owner].toks.end;
            }
            let Some(f0) = self.next(after, sent.end) else { continue };
            let k = self.key(f0).to_string();
            // Content ends at the next attribution in the sentence.
            let limit = cues
                .iter()
                .filter(|c| c.toks.start > f0 && c.toks.start < sent.end)
                .map(|c| match self.subject_before(c.toks.start, sent.start) {
                    Subject::Mention(m) => self.mentions[m].toks.start,
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
            } else if frames.contains(&Frame::ObjectTo) && self.by_start.contains_key(&f0) {
                let m = self.by_start[&f0];
                let e = self.mentions[m].toks.end;
                let to = self.next(e, limit);
                to.filter(|&to| self.infinitive(to, limit)).map(|_| f0..limit)
            } else {
                None
            };
            let Some(content) = content else { continue };
            // A statement already reported with this content (a verb cue's) wins.
            let span = self.trim(content.clone());
            if self.out.iter().any(|s| s.toks.start <= span.start && span.end <= s.toks.end && s.cue.as_ref().is_some_and(|c| c.start > t)) {
                continue;
            }
            let sp = self.speaker_of(owner);
            let holder_after = self.mentions[owner].toks.start > t;
            // "calls from X to ...": the statement runs from the holder.
            let content = if holder_after { self.mentions[owner].toks.start..content.end } else { content };
            self.push(content.clone(), Some(t..t + 1), Some(t..content.end), sp, None, &sent, 0.75);
        }
    }

    /// Quotations without a cue: long ones, and whole quoted sentences,
    /// belong to the speaker in focus (a subject before a colon, the last
    /// speaker, an owner of "words" or "warning", or the previous sentence's
    /// subject). Short fragments are scare quotes and stay unattributed.
    fn unattributed_quotes(&mut self) {
        let quotes = self.quotes.clone();
        for q in &quotes {
            if q.mark == Mark::Spoken {
                continue;
            }
            let words = (q.toks.start..q.toks.end).filter(|&t| self.text.toks.toks[t].is_word()).count();
            let inner = &self.text.doc.text[q.inner.clone()];
            let whole_sentence = words >= 3
                && inner.chars().next().is_some_and(char::is_uppercase)
                && inner.trim_end_matches(['"', '\'', '”', '’', ' ']).ends_with(['.', '!', '?']);
            if words < 6 && !whole_sentence {
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
                let subject =
                    self.mentions.iter().position(|m| m.toks.start >= intro.start && m.toks.end <= c && !m.in_pp && !ON_AIR.contains(&self.key(m.toks.start)));
                if let Some(m) = subject {
                    let sp = self.speaker_of(m);
                    if sp.name.is_some() || !sp.actors.is_empty() {
                        self.push(q.toks.clone(), None, None, sp, None, &sent, 0.7);
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
                let m = self.mentions.iter().position(|m| {
                    m.toks.start >= prev.start
                        && m.toks.end <= prev.end
                        && !m.in_pp
                        && m.kind != MentionKind::Pronoun
                        && (m.person.is_some() || m.title.is_some() || m.kind == MentionKind::Actor)
                });
                if let Some(m) = m.filter(|&m| self.subject_like(m)) {
                    let sp = self.speaker_of(m);
                    if !sp.actors.is_empty() {
                        pick = Some(sp);
                    }
                }
            }
            if let Some(sp) = pick {
                self.push(q.toks.clone(), None, None, sp, None, &sent, 0.6);
            }
        }
    }

    /// Orders statements and removes duplicates.
    fn finish(mut self) -> Vec<Statement> {
        // A rejection's frame runs to the end of the call it rejects, so the
        // rules see what was rejected ("... to exercise restraint").
        for &(i, noun) in &self.rejections {
            let end = self.out.iter().filter(|s| s.cue.as_ref().is_some_and(|c| c.start == noun)).map(|s| s.toks.end).max();
            if let Some(end) = end {
                let st = &mut self.out[i];
                st.scope.end = st.scope.end.max(end);
            }
        }
        self.out.sort_by_key(|a| (a.span.start, a.span.end));
        self.out.dedup_by(|a, b| a.span == b.span && a.speaker.name == b.speaker.name);
        // A statement whose content is a quotation beginning with another
        // attribution ("“X said ...,” according to Y") is X's, relayed by Y.
        let mut relayed: Vec<usize> = Vec::new();
        for i in 0..self.out.len() {
            for j in 0..self.out.len() {
                if i == j {
                    continue;
                }
                let (outer, inner) = (&self.out[i], &self.out[j]);
                let inner_cue_at_start = inner.cue.as_ref().is_some_and(|c| c.start >= outer.toks.start && c.start <= outer.toks.start + 6);
                if outer.kind == Kind::Direct
                    && inner_cue_at_start
                    && outer.toks.start <= inner.toks.start
                    && inner.toks.end <= outer.toks.end
                    && outer.toks != inner.toks
                    && outer.cue.as_ref().is_some_and(|c| c.start >= outer.toks.end || c.end <= outer.toks.start)
                {
                    relayed.push(i);
                    let via = outer.speaker.mention.clone().or(outer.speaker.name.clone());
                    let kind = if outer.kind == Kind::Direct { Kind::Direct } else { inner.kind };
                    let inner = &mut self.out[j];
                    if inner.via.is_none() {
                        inner.via = via;
                    }
                    inner.kind = kind;
                }
            }
        }
        relayed.sort_unstable();
        relayed.dedup();
        for i in relayed.into_iter().rev() {
            self.out.remove(i);
        }
        self.out
    }
}

#[cfg(test)]
mod tests;
