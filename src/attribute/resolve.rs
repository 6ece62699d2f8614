//! Following references back: pronouns ("he", "they"), bare titles ("the
//! minister"), possessives ("its foreign minister") and anaphoric nouns
//! ("the group", "the country") resolve to the nearest compatible earlier
//! mention that is not the object of a preposition. The mentions of a
//! document are indexed by first and last token here, once.

use crate::attribute::mention::{Mention, MentionKind};
use crate::attribute::table::ActorTable;
use crate::model::{Speaker, Text};
use crate::text::date::Date;
use rustc_hash::FxHashMap as HashMap;

/// How far back, in tokens, "the group" or "the country" looks for what it names.
const ANAPHOR_REACH: usize = 150;
/// How far back, in tokens, "the ministry" looks for the same body named
/// with its state ("China's foreign ministry").
const BODY_REACH: usize = 600;
/// How far back, in tokens, a pronoun looks for its antecedent (about five
/// sentences of news prose)...
const PRONOUN_REACH: usize = 120;
/// ...and in unpunctuated speech, where the floor changes hands more often.
const SPEECH_PRONOUN_REACH: usize = 80;
/// A dateline opens one of the first sentences of a story.
const DATELINE_SENTENCES: usize = 4;

/// Mentions that give a name, in order, by the words a bare one-word
/// reference may repeat.
#[derive(Debug, Default)]
struct NameIndex {
    /// By the name's last word.
    by_surname: HashMap<String, Vec<usize>>,
    /// Persons' names of two words or more, by their first word after honorifics.
    by_first: HashMap<String, Vec<usize>>,
}

/// Mentions indexed by a token position.
#[derive(Debug, Clone)]
pub(crate) struct TokIndex(Vec<Option<usize>>);

impl TokIndex {
    /// The mention at token `t`, if any.
    pub(crate) fn get(&self, t: &usize) -> Option<&usize> {
        self.0.get(*t).and_then(Option::as_ref)
    }

    /// Whether a mention is indexed at token `t`.
    pub(crate) fn contains_key(&self, t: &usize) -> bool {
        self.get(t).is_some()
    }
}

impl std::ops::Index<&usize> for TokIndex {
    type Output = usize;
    fn index(&self, t: &usize) -> &usize {
        self.get(t).expect("indexed mention")
    }
}

/// The mentions of one document and what they resolve to.
pub(crate) struct Resolver<'t, 'd> {
    /// The document.
    pub text: &'t Text<'d>,
    /// The actor table.
    pub table: &'t ActorTable,
    /// The document's date (offices are resolved on it).
    pub date: Option<Date>,
    /// Every mention, in token order.
    pub mentions: Vec<Mention>,
    /// Mention index by end token (the longest mention ending there).
    pub by_end: TokIndex,
    /// Mention index by start token (the first mention starting there).
    pub by_start: TokIndex,
    /// Resolved pronoun mentions: mention index -> speaker.
    resolved: HashMap<usize, Option<Speaker>>,
    /// Mentions naming someone with a title, by title.
    by_title: HashMap<String, std::rc::Rc<Vec<usize>>>,
    /// Mentions that give a name, by its last and first word; built on first use.
    names: Option<NameIndex>,
    /// The actors of the dateline's place ("SEOUL –"), for offices named without a state.
    dateline: Option<Vec<String>>,
}

impl<'t, 'd> Resolver<'t, 'd> {
    /// Indices of the mentions starting at or after token `t`, in order.
    pub fn mentions_from(&self, t: usize) -> std::ops::Range<usize> {
        self.mentions.partition_point(|m| m.toks.start < t)..self.mentions.len()
    }

    /// Indexes the mentions of a document.
    pub(crate) fn new(text: &'t Text<'d>, table: &'t ActorTable, mentions: Vec<Mention>) -> Self {
        let (by_end, by_start) = Self::index(text, &mentions);
        let dateline = Self::dateline(text, table, &mentions);
        Resolver {
            text,
            table,
            date: text.doc.date,
            mentions,
            by_end,
            by_start,
            resolved: HashMap::default(),
            by_title: HashMap::default(),
            names: None,
            dateline,
        }
    }

    /// The actor of a wire dateline opening one of the first sentences
    /// ("SEOUL – ...", "KYIV — ..."): a capital in capitals, then a dash.
    fn dateline(text: &Text, table: &ActorTable, mentions: &[Mention]) -> Option<Vec<String>> {
        let seg = &text.seg;
        let first = seg.sentences.iter().take(DATELINE_SENTENCES).map(|s| s.start).collect::<Vec<_>>();
        let m = mentions.iter().take_while(|m| first.last().is_some_and(|&l| m.toks.start <= l)).find(|m| {
            m.kind == MentionKind::Actor
                && m.actors.len() == 1
                && first.contains(&m.toks.start)
                && text.toks.toks[m.toks.start].has(crate::text::token::ALLCAPS)
                && (m.toks.end..text.toks.len()).find(|&t| !text.skip[t]).is_some_and(|d| matches!(text.key(d), "-" | "–" | "—"))
        })?;
        let sp = table.speaker(m, text, text.doc.date);
        (!sp.actors.is_empty()).then_some(sp.actors)
    }

    /// Resolves a mention to a speaker; an office named without a state
    /// ("the presidential office", "the defence ministry") in a story
    /// datelined in a capital speaks for that capital's state.
    pub(crate) fn speaker_of(&mut self, m: usize) -> Speaker {
        let sp = self.speaker_of_mention(m);
        self.with_dateline(sp, m)
    }

    /// `sp`, resolved from mention `m`, with the dateline's state when `m`
    /// is an office named without one.
    fn with_dateline(&self, mut sp: Speaker, m: usize) -> Speaker {
        let mention = &self.mentions[m];
        // Not someone else's office ("the North's foreign ministry").
        let owned = mention.toks.start > 0 && self.text.key(mention.toks.start - 1) == "'s";
        if let Some(actors) = self
            .dateline
            .as_ref()
            .filter(|_| sp.actors.is_empty() && !sp.independent && mention.kind == MentionKind::Office && mention.body.is_none() && !owned)
        {
            sp.actors = actors.clone();
        }
        sp
    }

    /// Adds mentions found later (subjects of speech verbs) and indexes
    /// again; call before resolving anything.
    pub(crate) fn add(&mut self, extra: Vec<Mention>) {
        if extra.is_empty() {
            return;
        }
        self.mentions.extend(extra);
        self.mentions.sort_by_key(|m| (m.toks.start, m.toks.end));
        (self.by_end, self.by_start) = Self::index(self.text, &self.mentions);
        self.resolved.clear();
        self.by_title.clear();
        self.names = None;
    }

    /// The by-end and by-start indexes of mentions in token order.
    fn index(text: &Text, mentions: &[Mention]) -> (TokIndex, TokIndex) {
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
        (by_end, by_start)
    }

    /// Resolves a mention to a speaker (pronouns, bare titles, speech nouns).
    fn speaker_of_mention(&mut self, m: usize) -> Speaker {
        let mention = &self.mentions[m];
        match mention.kind {
            MentionKind::Pronoun => {
                let r = mention.toks.clone();
                let s = self.antecedent(m).unwrap_or_default();
                let toks = &self.text.toks;
                Speaker { mention: Some(toks.norm_text(r.clone()).to_string()), span: Some(toks.span(r)), ..s }
            }
            MentionKind::Office if self.table.anaphor(mention, self.text).is_some() => {
                // "the group said": the nearest organisation (or state) named before.
                let organisation = self.table.anaphor(mention, self.text).expect("checked");
                let start = mention.toks.start;
                let own = self.ex_speaker(m);
                let found = self.mentions[..m]
                    .iter()
                    .rev()
                    .take_while(|c| c.toks.end + ANAPHOR_REACH > start)
                    .find(|c| matches!(c.kind, MentionKind::Actor) && c.actors.len() == 1 && self.table.is_organisation(c.actors[0]) == organisation)
                    .cloned();
                match found {
                    Some(c) => Speaker { mention: own.mention, span: own.span, ..self.table.speaker(&c, self.text, self.date) },
                    None => own,
                }
            }
            MentionKind::Office if mention.actors.is_empty() && matches!(self.text.key(mention.toks.start), "its" | "their" | "his" | "her") => {
                // "Its foreign minister", "Her campaign": whom the possessive stands for.
                let own = self.ex_speaker(m);
                let pronoun = match self.text.key(mention.toks.start) {
                    "his" => "he",
                    "her" => "she",
                    "its" => "it",
                    _ => "they",
                };
                match self.antecedent_of(pronoun, m) {
                    Some(owner) if !owner.actors.is_empty() || owner.name.is_some() => {
                        let mut with_actor = self.mentions[m].clone();
                        with_actor.actors = owner.actors.iter().filter_map(|a| self.table.actor_id(a)).collect();
                        let mut sp = self.table.speaker(&with_actor, self.text, self.date);
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
                let own = self.table.speaker(mention, self.text, self.date);
                let title = mention.title.clone().unwrap_or_default();
                let holders = self.titled(&title);
                match holders.partition_point(|&k| k < m).checked_sub(1).map(|i| holders[i]) {
                    Some(k) => {
                        let s = self.table.speaker(&self.mentions[k], self.text, self.date);
                        Speaker { mention: own.mention, span: own.span, ..s }
                    }
                    // Only a state's own officials: a spokesperson or a minister, not a
                    // title that other bodies use too ("the Secretary").
                    None if own.actors.is_empty() && self.table.vocab.names.state_offices.contains(&title) => match self.state_in_focus(m) {
                        // "China on Wednesday urged ... “...,” foreign ministry spokeswoman Mao Ning said."
                        Some(state) => Speaker { actors: vec![state], ..own },
                        None => own,
                    },
                    None => own,
                }
            }
            MentionKind::Office
                if mention.actors.is_empty()
                    && !mention.independent
                    && mention.person.is_none()
                    && mention.title.is_none()
                    && self.text.key(mention.toks.start) == "the" =>
            {
                // "the Foreign Ministry" after "China's Foreign Ministry": the same body.
                let own = self.ex_speaker(m);
                let head = self.text.key(mention.toks.end - 1).to_string();
                let start = mention.toks.start;
                let earlier = self.mentions[..m]
                    .iter()
                    .rev()
                    .take_while(|c| c.toks.end + BODY_REACH > start)
                    .find(|c| c.kind == MentionKind::Office && !c.actors.is_empty() && self.text.key(c.toks.end - 1) == head)
                    .cloned();
                match earlier {
                    Some(c) => Speaker { actors: self.table.speaker(&c, self.text, self.date).actors, ..own },
                    None => own,
                }
            }
            MentionKind::Name => {
                // A bare surname: the fullest earlier mention of that name ("Doe" is "Jane Doe").
                let own = self.ex_speaker(m);
                match self.fuller_name(m) {
                    Some(f) => {
                        let mut full = self.ex_speaker(f);
                        let title = self.mentions[f].title.as_deref().filter(|t| self.table.vocab.names.state_offices.contains(t));
                        if full.actors.is_empty()
                            && title.is_some()
                            && let Some(state) = self.state_in_focus(f)
                        {
                            // "Prime Minister Jane Doe" in a sentence about her state.
                            full.actors = vec![state];
                        }
                        if full.actors.is_empty() {
                            // "The Prime Minister of Kosovo, Albin Kurti, ...": the office in apposition.
                            full.actors = self.appositive_actors(f);
                        }
                        Speaker { mention: own.mention, span: own.span, ..self.with_dateline(full, f) }
                    }
                    None => own,
                }
            }
            _ => self.ex_speaker(m),
        }
    }

    /// The state a sentence or the one before it is about: the state named
    /// first in it, as its subject. A title given without a state ("the
    /// foreign ministry spokeswoman") speaks for that state.
    fn state_in_focus(&self, m: usize) -> Option<String> {
        let seg = &self.text.seg;
        let here = seg.sentence_of(self.mentions[m].toks.start);
        let from = seg.sentences[here.saturating_sub(1)].start;
        let opener = |c: &Mention| {
            let s = &seg.sentences[seg.sentence_of(c.toks.start)];
            (s.start..c.toks.start).all(|t| self.text.skip[t] || !self.text.toks.toks[t].is_word()) || c.toks.start == s.start
        };
        self.mentions[..m]
            .iter()
            .rev()
            .take_while(|c| c.toks.start >= from)
            .filter(|c| c.kind == MentionKind::Actor && c.actors.len() == 1 && !self.table.is_organisation(c.actors[0]) && !c.possessive)
            .find(|c| opener(c))
            .map(|c| self.table.actors[c.actors[0]].name.clone())
    }

    /// The actors of an office set beside a name by commas: "Kosovo's prime
    /// minister, Albin Kurti," or "Albin Kurti, Kosovo's prime minister,".
    fn appositive_actors(&self, f: usize) -> Vec<String> {
        let name = &self.mentions[f];
        let comma = |t: usize| t < self.text.toks.len() && self.text.key(t) == ",";
        let before = f.checked_sub(1).map(|k| &self.mentions[k]).filter(|o| name.toks.start >= 1 && o.toks.end + 1 == name.toks.start && comma(o.toks.end));
        let after = self.mentions.get(f + 1).filter(|o| comma(name.toks.end) && o.toks.start == name.toks.end + 1);
        before
            .into_iter()
            .chain(after)
            .find(|o| o.kind == MentionKind::Office && !o.actors.is_empty() && o.person.is_none())
            .map(|o| self.table.speaker(o, self.text, self.date).actors)
            .unwrap_or_default()
    }

    /// The last word of the name a mention gives (its own name, or its words).
    fn surname(&self, m: &Mention) -> Option<String> {
        let r = m.name.clone().unwrap_or(m.toks.clone());
        (!r.is_empty()).then(|| self.text.key(r.end - 1).to_string())
    }

    /// An earlier mention that names the same person more fully than `m`:
    /// same last word, more words or an actor. The nearest such one before
    /// `m`, else the first after it.
    fn fuller_name(&mut self, m: usize) -> Option<usize> {
        if self.names.is_none() {
            self.names = Some(self.name_index());
        }
        let names = self.names.as_ref()?;
        let me = &self.mentions[m];
        let key = self.surname(me)?;
        let words = |c: &Mention| c.name.clone().unwrap_or(c.toks.clone()).len();
        let fuller = |c: &Mention| words(c) > words(me) || (!c.actors.is_empty() && me.actors.is_empty()) || c.person.is_some();
        if let Some(list) = names.by_surname.get(&key) {
            let at = list.partition_point(|&k| k < m);
            if let Some(k) = list[..at].iter().rev().chain(list[at..].iter()).copied().find(|&k| k != m && fuller(&self.mentions[k])) {
                return Some(k);
            }
        }
        // One word that opened a longer name of a person: a leader called by
        // the given name ("Aziz" for "Prime Minister Aziz Rahman") or by
        // the family name written first ("Zhao" for "Colonel Zhao Ming").
        if words(me) != 1 {
            return None;
        }
        let list = names.by_first.get(&key)?;
        list[..list.partition_point(|&k| k < m)].last().copied()
    }

    /// The mentions that give a name, by its last word, and the persons'
    /// names of two words or more, by their first word after honorifics.
    fn name_index(&self) -> NameIndex {
        let mut index = NameIndex::default();
        let honorific = |t: usize| self.table.vocab.names.honorifics.contains(self.text.key(t).trim_end_matches('.'));
        for (k, c) in self.mentions.iter().enumerate() {
            let named = matches!(c.kind, MentionKind::Person | MentionKind::Name) || (c.kind == MentionKind::Office && c.name.is_some());
            if named && let Some(key) = self.surname(c) {
                index.by_surname.entry(key).or_default().push(k);
            }
            let r = c.name.clone().unwrap_or(c.toks.clone());
            // The name after its honorifics ("Colonel Zhao Ming").
            let from = r.clone().find(|&t| !honorific(t)).unwrap_or(r.end);
            let titled = from > r.start || (c.toks.start..r.start).any(honorific);
            // A person: known to the table, named with an office or a rank,
            // or given a state by an apposition.
            let person = c.kind == MentionKind::Person
                || (c.kind == MentionKind::Office && c.name.is_some())
                || (c.kind == MentionKind::Name && (titled || !c.actors.is_empty()));
            // Only a name ("Texas Sen. Jane Doe" does not start with one).
            if person && r.end - from >= 2 && !(from..r.end).any(honorific) {
                index.by_first.entry(self.text.key(from).to_string()).or_default().push(k);
            }
        }
        index
    }

    /// The mentions, in order, that name someone with a title: an office
    /// mention with that title and an actor, or a person who holds such an
    /// office. Computed once per title and document.
    fn titled(&mut self, title: &str) -> std::rc::Rc<Vec<usize>> {
        if let Some(v) = self.by_title.get(title) {
            return v.clone();
        }
        let list: Vec<usize> = (0..self.mentions.len())
            .filter(|&k| {
                let other = &self.mentions[k];
                if other.actors.is_empty() || other.kind == MentionKind::Pronoun {
                    return false;
                }
                let same_title = other.title.as_deref() == Some(title);
                let holder = other.person.is_some_and(|p| self.table.persons[p].offices.iter().any(|o| o.title == title));
                same_title || holder
            })
            .collect();
        let list = std::rc::Rc::new(list);
        self.by_title.insert(title.to_string(), list.clone());
        list
    }

    pub(crate) fn ex_speaker(&self, m: usize) -> Speaker {
        self.table.speaker(&self.mentions[m], self.text, self.date)
    }

    /// The antecedent of a pronoun mention.
    pub(crate) fn antecedent(&mut self, m: usize) -> Option<Speaker> {
        if let Some(r) = self.resolved.get(&m) {
            return r.clone();
        }
        let key = self.text.key(self.mentions[m].toks.start).to_string();
        let result = self.antecedent_of(&key, m);
        self.resolved.insert(m, result.clone());
        result
    }

    /// The antecedent a pronoun (`he`, `she`, `it`, `they`) standing at mention `m` refers to.
    pub(crate) fn antecedent_of(&mut self, key: &str, m: usize) -> Option<Speaker> {
        let pron = self.mentions[m].clone();
        let reach = if self.text.doc.punctuated { PRONOUN_REACH } else { SPEECH_PRONOUN_REACH };
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
                        MentionKind::Person => self.table.male(c).is_none_or(|m| m == want_male),
                        MentionKind::Office => c.title.is_some() && !c.plural,
                        MentionKind::Name => true,
                        MentionKind::Pronoun => self.text.key(c.toks.start) == key,
                        _ => false,
                    }
                }
                "they" => match c.kind {
                    MentionKind::Office | MentionKind::Group => c.plural || c.title.is_none(),
                    MentionKind::Actor => true,
                    MentionKind::Pronoun => self.text.key(c.toks.start) == "they",
                    _ => false,
                },
                "it" => match c.kind {
                    MentionKind::Actor => true,
                    MentionKind::Office => !c.plural && c.title.is_none(),
                    MentionKind::Pronoun => self.text.key(c.toks.start) == "it",
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
            // A person the table does not know who is a subject comes before
            // anyone named as an object ("Ames met the Norwegian minister. She said").
            .or_else(|| candidates.iter().copied().find(|&k| matches!(key, "he" | "she") && self.mentions[k].kind == MentionKind::Name && self.subject_like(k)))
            .or_else(|| candidates.iter().copied().find(|&k| named(&self.mentions[k])))
            .or_else(|| candidates.first().copied());
        found.map(|k| self.speaker_of(k)).filter(|s| s.name.is_some())
    }

    /// Whether a mention looks like the subject of its clause: it opens its
    /// sentence, or a verb follows it.
    pub(crate) fn subject_like(&self, m: usize) -> bool {
        let r = &self.mentions[m].toks;
        let sent = &self.text.seg.sentences[self.text.seg.sentence_of(r.start)];
        let opens = (sent.start..r.start).all(|t| {
            self.text.skip[t]
                || !self.text.toks.toks[t].is_word()
                || self.text.key(t).ends_with("ly")
                || self.table.vocab.clauses.lead_adverbs.contains(self.text.key(t))
        });
        let verb_follows = self.text.next(r.end, self.text.len()).is_some_and(|t| {
            let k = self.text.key(t);
            self.table.vocab.aux.contains(k)
                || self.table.vocab.clauses.clause_verbs.contains(k)
                || (k.ends_with("ed") && k.len() > 3)
                || (k.ends_with('s') && !k.ends_with("ss") && self.text.toks.toks[t].is_word() && k != "'s")
        });
        opens || verb_follows
    }
}
