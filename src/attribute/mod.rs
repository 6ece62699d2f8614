//! Actors and speakers: who a name, title or pronoun stands for.
//!
//! `rules/actors.toml` lists states and organisations (with their
//! capitals, adjectives and by-names: "Tehran", "Iranian", "the Jewish
//! state"), bodies that speak for them (armies, state media), people with
//! offices valid between dates, and the vocabulary of offices and
//! independent voices. [`ActorTable::mentions`] finds every mention in a
//! document: known names, office phrases ("Iran's foreign ministry", "the
//! new president jon smyht"), coordinated lists ("France, Germany
//! and the UK"), unknown proper names, pronouns; in transcripts, misspelt
//! names are matched fuzzily but never against ordinary English words.
//! [`ActorTable::speaker`] turns a mention into a [`Speaker`] on the
//! document's date. Choosing which mention is the speaker of a statement
//! (subjects, pronouns, relays) is [`crate::extract`]'s job.

use crate::config::DataFile;
use crate::config::strict::Root;
use crate::error::Diagnostic;
use crate::model::{DocKind, Speaker, Text};
use crate::text::date::Date;
use crate::text::normalize::fold_key;
use crate::text::token::{ALLCAPS, CAP, PARA, TokKind, Tokens};
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActors {
    /// Office and voice words.
    vocabulary: RawVocabulary,
    #[serde(rename = "actor")]
    _actor: Vec<IgnoredAny>,
    #[serde(rename = "body", default)]
    _body: Vec<IgnoredAny>,
    #[serde(rename = "person", default)]
    _person: Vec<IgnoredAny>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVocabulary {
    /// Offices held by one person.
    person_offices: Vec<String>,
    /// Bodies and groups that speak for an actor.
    group_offices: Vec<String>,
    /// Independent voices.
    independent: Vec<String>,
    /// First words of proper names that name no speaker.
    non_speaker_names: Vec<String>,
    /// Nouns referring back to the nearest organisation.
    organisation_anaphors: Vec<String>,
    /// Nouns referring back to the nearest state.
    state_anaphors: Vec<String>,
    /// Honorifics before names.
    titles: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActor {
    /// Canonical name.
    name: String,
    /// `state` (default) or `organisation`.
    kind: Option<String>,
    /// Names.
    aliases: Vec<String>,
    /// Capitals and seats used as metonyms.
    #[serde(default)]
    capitals: Vec<String>,
    /// Adjectives ("Iranian").
    #[serde(default)]
    adjectives: Vec<String>,
    /// By-names ("the Kremlin", "the Jewish state").
    #[serde(default)]
    bynames: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBody {
    /// Canonical name.
    name: String,
    /// The actor it speaks for.
    actor: toml::Spanned<String>,
    /// Names.
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    /// Canonical full name.
    name: String,
    /// The actor the person speaks for.
    actor: toml::Spanned<String>,
    /// `male` or `female`.
    gender: Option<String>,
    /// Names (full name, surname, transliterations).
    aliases: Vec<String>,
    /// Offices held, with dates.
    #[serde(default)]
    offices: Vec<RawOffice>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffice {
    /// One of `vocabulary.person_offices`.
    title: toml::Spanned<String>,
    /// The actor of the office, when not the person's.
    actor: Option<toml::Spanned<String>>,
    /// First day in office.
    from: Option<toml::Spanned<String>>,
    /// Last day in office.
    until: Option<toml::Spanned<String>>,
}

/// A state or organisation.
#[derive(Debug, Clone)]
pub struct Actor {
    /// Canonical name.
    pub name: String,
    /// Whether it is an organisation (else a state).
    pub organisation: bool,
}

/// A body that speaks for an actor (an army, a state news agency).
#[derive(Debug, Clone)]
pub struct Body {
    /// Canonical name.
    pub name: String,
    /// The actor it speaks for.
    pub actor: usize,
}

/// An office held between dates.
#[derive(Debug, Clone)]
pub struct Office {
    /// Office title (canonical form).
    pub title: String,
    /// The actor of the office.
    pub actor: usize,
    /// First day.
    pub from: Option<Date>,
    /// Last day.
    pub until: Option<Date>,
}

/// A person who speaks for an actor.
#[derive(Debug, Clone)]
pub struct Person {
    /// Canonical name.
    pub name: String,
    /// The actor the person speaks for.
    pub actor: usize,
    /// `Some(true)` male, `Some(false)` female.
    pub male: Option<bool>,
    /// Offices held.
    pub offices: Vec<Office>,
}

/// What a phrase of the table stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Actor(usize),
    Adjective(usize),
    Body(usize),
    /// A person; `true` when the alias is a single word (a surname).
    Person(usize, bool),
    PersonOffice(usize),
    GroupOffice(usize),
    Independent(usize),
    Title,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaseRule {
    Any,
    Capitalised,
    AllCaps,
}

#[derive(Debug, Clone)]
struct Phrase {
    keys: Vec<String>,
    entry: Entry,
    case: CaseRule,
}

/// The compiled actor table.
#[derive(Debug, Clone)]
pub struct ActorTable {
    /// States and organisations.
    pub actors: Vec<Actor>,
    /// Bodies.
    pub bodies: Vec<Body>,
    /// People.
    pub persons: Vec<Person>,
    person_offices: Vec<String>,
    /// Anaphoric nouns: key -> whether it refers to an organisation (else a state).
    anaphors: HashMap<String, bool>,
    /// First words of proper names that name no speaker.
    non_speaker_names: HashSet<String>,
    phrases: HashMap<String, Vec<Phrase>>,
    /// Single-word names for fuzzy matching, by first letter.
    fuzzy: HashMap<char, Vec<(String, Entry)>>,
    words: HashSet<String>,
}

/// What kind of thing a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A known person.
    Person,
    /// An office or group ("the Iranian president", "Israeli officials").
    Office,
    /// A state, organisation or body.
    Actor,
    /// Several actors ("France, Germany and the UK").
    Group,
    /// A proper name not in the table.
    Name,
    /// A personal pronoun.
    Pronoun,
}

/// A mention of a possible speaker.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Tokens of the mention.
    pub toks: Range<usize>,
    /// What it names.
    pub kind: MentionKind,
    /// Actors it speaks for (several for a group).
    pub actors: Vec<usize>,
    /// The person, if known.
    pub person: Option<usize>,
    /// The body, if any.
    pub body: Option<usize>,
    /// Person office title, if an office held by one person.
    pub title: Option<String>,
    /// Whether the mention is an independent voice (analyst, presenter).
    pub independent: bool,
    /// Tokens of a name the table does not know ("jon smyht").
    pub name: Option<Range<usize>>,
    /// Whether `'s` follows.
    pub possessive: bool,
    /// Whether it is the object of a preposition ("with the French president").
    pub in_pp: bool,
    /// Plural ("officials", "they", a group).
    pub plural: bool,
    /// Whether it was matched fuzzily (speech-to-text spelling).
    pub fuzzy: bool,
}

const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "your", "my"];
const PREPOSITIONS: &[&str] = &[
    "with", "to", "from", "by", "of", "for", "in", "on", "at", "against", "toward", "towards", "about", "between", "among", "during", "under", "over", "than",
    "like", "into", "onto", "upon", "via", "through", "across", "near", "behind", "beyond", "within", "without",
];
const MODIFIERS: &[&str] = &[
    "new", "former", "top", "senior", "acting", "deputy", "chief", "outgoing", "incoming", "current", "late", "then", "permanent", "joint", "official",
    "presidential", "military", "powerful", "hardline", "veteran", "longtime", "interim", "newly", "elected", "main", "lead", "leading", "influential",
    "prominent", "high-ranking", "highranking", "unnamed", "anonymous", "another", "other", "two", "three", "several", "many", "some", "most", "both", "all",
    "government", "state", "foreign", "defence", "defense", "security", "political", "religious", "military's", "regional", "local", "royal", "federal",
    "national", "supreme", "moderate", "conservative", "reformist", "war", "security", "emergency", "coalition", "caretaker", "transitional",
];
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "if", "in", "on", "at", "to", "of", "for", "with", "by", "from", "as", "is", "are", "was", "were", "be", "been",
    "it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "there", "here", "what", "who", "which", "when", "where", "why", "how",
    "not", "no", "so", "then", "now", "well", "thank", "thanks", "yes", "his", "her", "their", "its", "our", "my", "your", "has", "have", "had", "will",
    "would", "can", "could", "should", "may", "might", "must", "do", "does", "did", "after", "before", "while", "since", "amid", "however", "meanwhile",
    "although", "despite", "also", "just", "even", "still", "only", "all", "any", "some", "said", "says", "say", "told", "tell", "mr", "mrs", "ms", "dr",
    "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december", "good", "welcome", "hello", "okay",
];
/// Whether a key is a preposition.
pub fn is_preposition(k: &str) -> bool {
    PREPOSITIONS.contains(&k)
}

/// Offices whose "to X" names the host, not the actor ("Iran's mission to the UN").
const POSTED_TO: &[&str] = &["mission", "permanent mission", "ambassador", "envoy", "special envoy", "delegation", "representative", "embassy"];

fn canonical_title(t: &str) -> String {
    let t = fold_key(t).replace("defense", "defence").replace("advisor", "adviser").replace("secretary general", "secretary-general");
    match t.as_str() {
        "premier" => "prime minister".into(),
        "spokeswoman" | "spokesperson" => "spokesman".into(),
        _ => t,
    }
}

fn phrase_keys(s: &str) -> Vec<String> {
    let toks = Tokens::new(s, 0..s.len(), &[]);
    (0..toks.len()).map(|i| toks.key(i).to_string()).collect()
}

impl ActorTable {
    /// Compiles `actors.toml`; `words` is the common-word list (`words.txt`).
    pub fn compile(file: &DataFile, words: &DataFile) -> Result<ActorTable, Vec<Diagnostic>> {
        let root = Root::parse(file)?;
        let raw: RawActors = root.whole().map_err(|d| vec![d])?;
        let mut diags = Vec::new();
        let words: HashSet<String> = words.text.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
        let v = raw.vocabulary;
        let mut t = ActorTable {
            actors: Vec::new(),
            bodies: Vec::new(),
            persons: Vec::new(),
            person_offices: v.person_offices.iter().map(|s| canonical_title(s)).collect(),
            anaphors: v.organisation_anaphors.iter().map(|a| (fold_key(a), true)).chain(v.state_anaphors.iter().map(|a| (fold_key(a), false))).collect(),
            non_speaker_names: v.non_speaker_names.iter().map(|a| fold_key(a)).collect(),
            phrases: HashMap::new(),
            fuzzy: HashMap::new(),
            words,
        };
        // Vocabulary nouns also match their plurals ("economists", "ministers").
        for (i, o) in v.person_offices.iter().enumerate() {
            t.add_phrase(o, Entry::PersonOffice(i), false);
            for p in plurals(o) {
                t.add_phrase(&p, Entry::GroupOffice(0), false);
            }
        }
        for (i, o) in v.group_offices.iter().enumerate() {
            t.add_phrase(o, Entry::GroupOffice(i), false);
            for p in plurals(o) {
                t.add_phrase(&p, Entry::GroupOffice(i), false);
            }
        }
        for (i, o) in v.independent.iter().enumerate() {
            t.add_phrase(o, Entry::Independent(i), false);
            for p in plurals(o) {
                t.add_phrase(&p, Entry::Independent(i), false);
            }
        }
        for o in &v.titles {
            t.add_phrase(o, Entry::Title, false);
        }
        for a in v.organisation_anaphors.iter().chain(&v.state_anaphors) {
            t.add_phrase(a, Entry::GroupOffice(0), false);
        }
        let mut names: HashMap<String, usize> = HashMap::new();
        for (a, at) in root.items::<RawActor>("actor", &mut diags) {
            let id = t.actors.len();
            if names.insert(fold_key(&a.name), id).is_some() {
                diags.push(root.diag(at, format!("actor {:?} is listed twice", a.name)));
            }
            let organisation = match a.kind.as_deref() {
                None | Some("state") => false,
                Some("organisation" | "organization") => true,
                Some(k) => {
                    diags.push(root.diag(at, format!("unknown actor kind {k:?} (state or organisation)")));
                    false
                }
            };
            t.actors.push(Actor { name: a.name.clone(), organisation });
            for s in a.aliases.iter().chain(&a.capitals).chain(&a.bynames) {
                t.add_phrase(s, Entry::Actor(id), true);
            }
            for s in &a.adjectives {
                t.add_phrase(s, Entry::Adjective(id), false);
                // "the Iranians", "the Saudis" speak for the state.
                if s.ends_with('n') || s.ends_with('i') {
                    t.add_phrase(&format!("{s}s"), Entry::Actor(id), true);
                }
            }
        }
        let lookup = |t: &ActorTable, s: &toml::Spanned<String>, diags: &mut Vec<Diagnostic>| -> usize {
            match names.get(&fold_key(s.get_ref())) {
                Some(&id) => id,
                None => {
                    diags.push(root.diag(s.span().start, format!("unknown actor {:?}; list it as an [[actor]] first", s.get_ref())));
                    t.actors.len()
                }
            }
        };
        for (b, _) in root.items::<RawBody>("body", &mut diags) {
            let actor = lookup(&t, &b.actor, &mut diags);
            let id = t.bodies.len();
            t.bodies.push(Body { name: b.name.clone(), actor });
            t.add_phrase(&b.name, Entry::Body(id), true);
            for s in &b.aliases {
                t.add_phrase(s, Entry::Body(id), true);
            }
        }
        for (p, at) in root.items::<RawPerson>("person", &mut diags) {
            let actor = lookup(&t, &p.actor, &mut diags);
            let male = match p.gender.as_deref() {
                None => None,
                Some("male") => Some(true),
                Some("female") => Some(false),
                Some(g) => {
                    diags.push(root.diag(at, format!("unknown gender {g:?} (male or female)")));
                    None
                }
            };
            let mut offices = Vec::new();
            for o in &p.offices {
                let title = canonical_title(o.title.get_ref());
                if !t.person_offices.contains(&title) {
                    diags.push(root.diag(o.title.span().start, format!("office {:?} is not in vocabulary.person_offices", o.title.get_ref())));
                }
                let date = |d: &Option<toml::Spanned<String>>, diags: &mut Vec<Diagnostic>| {
                    d.as_ref().and_then(|d| {
                        let parsed = Date::parse_iso(d.get_ref());
                        if parsed.is_none() {
                            diags.push(root.diag(d.span().start, format!("bad date {:?} (YYYY-MM-DD)", d.get_ref())));
                        }
                        parsed
                    })
                };
                let office_actor = o.actor.as_ref().map_or(actor, |a| lookup(&t, a, &mut diags));
                offices.push(Office { title, actor: office_actor, from: date(&o.from, &mut diags), until: date(&o.until, &mut diags) });
            }
            let id = t.persons.len();
            t.persons.push(Person { name: p.name.clone(), actor, male, offices });
            t.add_phrase(&p.name, Entry::Person(id, false), true);
            for s in &p.aliases {
                let single = phrase_keys(s).len() == 1;
                t.add_phrase(s, Entry::Person(id, single), true);
            }
        }
        if diags.is_empty() { Ok(t) } else { Err(diags) }
    }

    fn add_phrase(&mut self, s: &str, entry: Entry, fuzzy: bool) {
        let s = s.trim();
        let s = s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")).unwrap_or(s);
        let keys = phrase_keys(s);
        if keys.is_empty() {
            return;
        }
        let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
        let case = if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) && !s.contains('.') {
            CaseRule::AllCaps
        } else if keys.len() == 1 && self.words.contains(&keys[0]) && s.chars().next().is_some_and(char::is_uppercase) {
            CaseRule::Capitalised
        } else {
            CaseRule::Any
        };
        if fuzzy && keys.len() == 1 && keys[0].chars().count() >= 4 && case == CaseRule::Any {
            let first = keys[0].chars().next().unwrap_or(' ');
            self.fuzzy.entry(first).or_default().push((keys[0].clone(), entry));
        }
        let list = self.phrases.entry(keys[0].clone()).or_default();
        if !list.iter().any(|p| p.keys == keys && p.entry == entry) {
            list.push(Phrase { keys, entry, case });
        }
    }

    /// Index of an actor by canonical name.
    pub fn actor_id(&self, name: &str) -> Option<usize> {
        let k = fold_key(name);
        self.actors.iter().position(|a| fold_key(&a.name) == k)
    }

    /// Whether a key is a common English word.
    pub fn is_common_word(&self, key: &str) -> bool {
        self.words.contains(key)
    }

    /// The longest table phrase starting at token `i`.
    fn phrase_at(&self, toks: &Tokens, skip: &[bool], i: usize) -> Option<(usize, Entry)> {
        let cands = self.phrases.get(toks.key(i))?;
        let mut best: Option<(usize, Entry)> = None;
        for p in cands {
            let mut t = i;
            let mut ok = true;
            for (n, k) in p.keys.iter().enumerate() {
                while n > 0 && t < toks.len() && skip[t] {
                    t += 1;
                }
                if t >= toks.len() || toks.key(t) != k {
                    ok = false;
                    break;
                }
                let flags = toks.toks[t].flags;
                let case_ok = match p.case {
                    CaseRule::Any => true,
                    CaseRule::Capitalised => flags & CAP != 0,
                    CaseRule::AllCaps => flags & ALLCAPS != 0 || (toks.key(t).len() == 1),
                };
                if !case_ok {
                    ok = false;
                    break;
                }
                t += 1;
            }
            if ok && best.is_none_or(|(len, e)| t - i > len || (t - i == len && entry_rank(p.entry) < entry_rank(e))) {
                best = Some((t - i, p.entry));
            }
        }
        best
    }

    /// The actor an entry speaks for, if any.
    fn entry_actor(&self, e: Entry) -> Option<usize> {
        match e {
            Entry::Actor(a) | Entry::Adjective(a) => Some(a),
            Entry::Body(b) => Some(self.bodies[b].actor),
            Entry::Person(p, _) => Some(self.persons[p].actor),
            _ => None,
        }
    }

    /// A single-word name matched fuzzily (speech-to-text spelling): close in
    /// spelling, not an English word, and of an actor the document names.
    fn fuzzy_at(&self, toks: &Tokens, i: usize, named: &HashSet<usize>) -> Option<Entry> {
        let t = &toks.toks[i];
        let key = toks.key(i);
        if t.kind != TokKind::Word || key.chars().count() < 4 || self.words.contains(key) || FUNCTION_WORDS.contains(&key) {
            return None;
        }
        // Followed by another name-like word, it is part of someone's name ("Ismael hania").
        if let Some(next) = (i + 1..toks.len()).find(|&j| toks.toks[j].kind != TokKind::Punct) {
            let nk = toks.key(next);
            let nt = &toks.toks[next];
            let name_like = nt.is_word() && !FUNCTION_WORDS.contains(&nk) && (nt.has(CAP) || !self.words.contains(nk)) && !self.phrases.contains_key(nk);
            if name_like {
                return None;
            }
        }
        let first = key.chars().next()?;
        let mut best: Option<(usize, f64, Entry)> = None;
        for (alias, entry) in self.fuzzy.get(&first)? {
            let len = alias.chars().count();
            let lev = strsim::levenshtein(alias, key);
            let jw = strsim::jaro_winkler(alias, key);
            // Close in spelling, or the same consonants ("kamani" / "khamenei": k-m-n),
            // which is how speech-to-text tends to mangle names.
            let sound = skeleton(alias);
            let same_sound = len >= 6 && key.chars().count() >= 5 && sound.chars().count() >= 3 && sound == skeleton(key) && jw >= 0.8;
            let ok = (lev <= 1 && len >= 5) || (lev <= 2 && len >= 6 && jw >= 0.83) || same_sound;
            let known = self.entry_actor(*entry).is_some_and(|a| named.contains(&a));
            if ok && known && best.as_ref().is_none_or(|(l, j, _)| lev < *l || (lev == *l && jw > *j)) {
                best = Some((lev, jw, *entry));
            }
        }
        best.map(|(_, _, e)| e)
    }

    /// Every mention of a possible speaker in a document.
    pub fn mentions(&self, text: &Text) -> Vec<Mention> {
        let toks = &text.toks;
        let n = toks.len();
        let fuzzy = text.doc.kind == DocKind::Transcript;
        // 1. Atoms: table phrases, longest first, left to right.
        let mut atoms: Vec<(Range<usize>, Entry, bool)> = Vec::new();
        let mut i = 0;
        while i < n {
            if text.skip[i] {
                i += 1;
                continue;
            }
            if let Some((len, entry)) = self.phrase_at(toks, &text.skip, i)
                && self.surname_ok(toks, i, len, entry)
            {
                atoms.push((i..i + len, entry, false));
                i += len;
                continue;
            }
            i += 1;
        }
        // Misspelt names (speech-to-text) of actors the document names correctly elsewhere.
        if fuzzy {
            let named: HashSet<usize> = atoms.iter().filter_map(|a| self.entry_actor(a.1)).collect();
            let taken: HashSet<usize> = atoms.iter().flat_map(|a| a.0.clone()).collect();
            for i in 0..n {
                if taken.contains(&i) || text.skip[i] {
                    continue;
                }
                if let Some(entry) = self.fuzzy_at(toks, i, &named) {
                    atoms.push((i..i + 1, entry, true));
                }
            }
            atoms.sort_by_key(|a| a.0.start);
        }
        // Atoms indexed by first and one-past-last token.
        let mut starts: Vec<Option<usize>> = vec![None; n + 1];
        let mut ends: Vec<Option<usize>> = vec![None; n + 1];
        let mut in_atoms = vec![false; n];
        for (k, a) in atoms.iter().enumerate() {
            starts[a.0.start].get_or_insert(k);
            ends[a.0.end] = Some(k);
            if a.1 != Entry::Title {
                for f in in_atoms.iter_mut().take(a.0.end).skip(a.0.start) {
                    *f = true;
                }
            }
        }
        let atom_at_end = |end: usize| ends.get(end).copied().flatten();
        let atom_at_start = |start: usize| starts.get(start).copied().flatten();
        let mut used = vec![false; atoms.len()];
        let mut mentions: Vec<Mention> = Vec::new();
        let prev = |t: usize| -> Option<usize> {
            let mut p = t;
            while p > 0 {
                p -= 1;
                if !text.skip[p] {
                    return Some(p);
                }
            }
            None
        };
        // 2. Heads: people and offices, extended over titles, adjectives,
        // possessives and other offices ("Iranian foreign ministry spokesman");
        // the rightmost head of a phrase takes the whole phrase.
        for k in (0..atoms.len()).rev() {
            if used[k] {
                continue;
            }
            let (range, entry, fz) = atoms[k].clone();
            let (title, independent, group) = match entry {
                Entry::Person(..) => (None, false, false),
                Entry::PersonOffice(o) => (Some(self.person_offices[o].clone()), false, false),
                Entry::GroupOffice(_) => (None, false, true),
                Entry::Independent(_) => (None, true, false),
                _ => continue,
            };
            let mut m = Mention {
                toks: range.clone(),
                kind: if matches!(entry, Entry::Person(..)) { MentionKind::Person } else { MentionKind::Office },
                actors: Vec::new(),
                person: None,
                body: None,
                title,
                independent,
                name: None,
                possessive: false,
                in_pp: false,
                plural: group && toks.key(range.end - 1).ends_with('s'),
                fuzzy: fz,
            };
            if let Entry::Person(p, _) = entry {
                m.person = Some(p);
                m.actors = vec![self.persons[p].actor];
            }
            used[k] = true;
            // Left extension; at most one actor word ("Iranian", "Iran's").
            let mut pos = range.start;
            let mut modifiers = 0;
            let mut took_actor = false;
            while let Some(p) = prev(pos) {
                if let Some(a) = atom_at_end(p + 1) {
                    if used[a] {
                        break;
                    }
                    match atoms[a].1 {
                        Entry::Adjective(id) | Entry::Actor(id) if !took_actor && (m.actors.is_empty() || m.actors == [id]) => {
                            m.actors = vec![id];
                            used[a] = true;
                            took_actor = true;
                            pos = atoms[a].0.start;
                            continue;
                        }
                        Entry::Body(b) if !took_actor && (m.actors.is_empty() || m.actors == [self.bodies[b].actor]) => {
                            m.actors = vec![self.bodies[b].actor];
                            used[a] = true;
                            took_actor = true;
                            pos = atoms[a].0.start;
                            continue;
                        }
                        Entry::Title | Entry::PersonOffice(_) if m.person.is_some() || m.kind == MentionKind::Office => {
                            if m.title.is_none()
                                && let Entry::PersonOffice(o) = atoms[a].1
                            {
                                m.title = Some(self.person_offices[o].clone());
                            }
                            used[a] = true;
                            pos = atoms[a].0.start;
                            continue;
                        }
                        Entry::Independent(_) => {
                            m.independent = true;
                            used[a] = true;
                            pos = atoms[a].0.start;
                            continue;
                        }
                        Entry::GroupOffice(_) if m.kind == MentionKind::Office && m.title.is_some() => {
                            used[a] = true;
                            pos = atoms[a].0.start;
                            continue;
                        }
                        _ => {}
                    }
                }
                let key = toks.key(p);
                if key == "'s" {
                    if let Some(pp) = prev(p)
                        && let Some(a) = atom_at_end(pp + 1)
                    {
                        let owner = match atoms[a].1 {
                            Entry::Actor(id) | Entry::Adjective(id) => Some(id),
                            Entry::Body(b) => Some(self.bodies[b].actor),
                            Entry::Person(pid, _) => Some(self.persons[pid].actor),
                            _ => None,
                        };
                        if let Some(owner) = owner.filter(|_| !took_actor)
                            && (m.actors.is_empty() || m.actors == [owner])
                        {
                            m.actors = vec![owner];
                            used[a] = true;
                            pos = atoms[a].0.start;
                            continue;
                        }
                    }
                    break;
                }
                if modifiers < 3 && MODIFIERS.contains(&key) && toks.toks[p].is_word() {
                    modifiers += 1;
                    pos = p;
                    continue;
                }
                // A capitalised office is a name: "the Congressional Budget Office".
                let head_cap = toks.toks[range.start].has(CAP) && !toks.toks[range.start].has(PARA);
                if head_cap && modifiers < 3 && toks.toks[p].is_word() && toks.toks[p].has(CAP) && !FUNCTION_WORDS.contains(&key) && !toks.toks[pos].has(PARA) {
                    modifiers += 1;
                    pos = p;
                    continue;
                }
                if DETERMINERS.contains(&key) {
                    pos = p;
                }
                break;
            }
            m.toks.start = pos;
            // Right extension: "of/for ACTOR(S)", "to X", an unknown name.
            let mut end = m.toks.end;
            if m.person.is_none() {
                if let Some(next) = self.next_word(text, end) {
                    let key = toks.key(next);
                    let posted = m.title.as_deref().is_some_and(|t| POSTED_TO.contains(&t)) || POSTED_TO.contains(&toks.key_text(range.clone()));
                    if key == "of" || key == "for" || (key == "to" && posted) {
                        let (actors, stop) = self.coordinated_actors(text, &atoms, next + 1);
                        if !actors.is_empty() {
                            if key != "to" && m.actors.is_empty() {
                                m.actors = actors;
                            }
                            end = stop;
                            for (a, atom) in atoms.iter().enumerate().skip_while(|(_, x)| x.0.start <= next) {
                                if atom.0.start >= stop {
                                    break;
                                }
                                if atom.0.end <= stop {
                                    used[a] = true;
                                }
                            }
                        }
                    }
                }
                // A name after an office ("Emir Sheikh Tamim", "the president jon smyht").
                let mut q = self.next_word(text, end);
                while let Some(a) = q.and_then(&atom_at_start).filter(|&a| matches!(atoms[a].1, Entry::Title | Entry::PersonOffice(_))) {
                    q = self.next_word(text, atoms[a].0.end);
                }
                if let Some(a) = q.and_then(&atom_at_start)
                    && let Entry::Person(p, _) = atoms[a].1
                    && m.title.is_some()
                {
                    let (from, to) = (m.toks.end, atoms[a].0.start);
                    for (b, atom) in atoms.iter().enumerate().skip_while(|(_, x)| x.0.start < from) {
                        if atom.0.start >= to {
                            break;
                        }
                        if atom.0.end <= to {
                            used[b] = true;
                        }
                    }
                    m.person = Some(p);
                    m.kind = MentionKind::Person;
                    if m.actors.is_empty() {
                        m.actors = vec![self.persons[p].actor];
                    }
                    end = atoms[a].0.end;
                    used[a] = true;
                }
                if m.person.is_none() && m.title.is_some() {
                    let name = self.unknown_name(text, end, &atoms);
                    if !name.is_empty() {
                        end = name.end;
                        m.name = Some(name);
                    }
                    // "prime minister najib mikaty": a first name, then a known surname.
                    if let Some(a) = self.next_word(text, end).and_then(&atom_at_start)
                        && let Entry::Person(p, _) = atoms[a].1
                    {
                        m.person = Some(p);
                        m.kind = MentionKind::Person;
                        if m.actors.is_empty() {
                            m.actors = vec![self.persons[p].actor];
                        }
                        end = atoms[a].0.end;
                        used[a] = true;
                    }
                }
            }
            m.toks.end = end;
            mentions.push(m);
        }
        // 3. Actors and bodies not taken by a head.
        for k in 0..atoms.len() {
            if used[k] {
                continue;
            }
            let (range, entry, fz) = atoms[k].clone();
            let (actor, body) = match entry {
                Entry::Actor(id) => (id, None),
                Entry::Body(b) => (self.bodies[b].actor, Some(b)),
                _ => continue,
            };
            let start = match prev(range.start) {
                Some(p) if toks.key(p) == "the" => p,
                _ => range.start,
            };
            mentions.push(Mention {
                toks: start..range.end,
                kind: MentionKind::Actor,
                actors: vec![actor],
                person: None,
                body,
                title: None,
                independent: false,
                name: None,
                possessive: false,
                in_pp: false,
                plural: false,
                fuzzy: fz,
            });
        }
        // 4. Unknown proper names and titled names; pronouns.
        let mut covered_tok = vec![false; n];
        for m in &mentions {
            for f in covered_tok.iter_mut().take(m.toks.end.min(n)).skip(m.toks.start) {
                *f = true;
            }
        }
        let in_atom = |t: usize| in_atoms[t];
        let mut t = 0;
        while t < n {
            if covered_tok[t] || text.skip[t] {
                t += 1;
                continue;
            }
            let key = toks.key(t);
            if matches!(key, "he" | "she" | "they" | "it" | "we" | "i") {
                mentions.push(Mention {
                    toks: t..t + 1,
                    kind: MentionKind::Pronoun,
                    actors: Vec::new(),
                    person: None,
                    body: None,
                    title: None,
                    independent: false,
                    name: None,
                    possessive: false,
                    in_pp: false,
                    plural: matches!(key, "they" | "we"),
                    fuzzy: false,
                });
                t += 1;
                continue;
            }
            let titled = atom_at_start(t).is_some_and(|a| atoms[a].1 == Entry::Title);
            if !titled && in_atom(t) {
                t += 1;
                continue;
            }
            let name = if titled {
                let a = atom_at_start(t).expect("checked");
                let r = self.unknown_name(text, atoms[a].0.end, &atoms);
                (!r.is_empty()).then_some(t..r.end)
            } else {
                self.proper_name(text, t).filter(|r| !r.is_empty() && !self.non_speaker_names.contains(toks.key(r.start)))
            };
            if let Some(r) = name
                && !covered_tok[r.end - 1]
            {
                for f in covered_tok.iter_mut().take(r.end).skip(r.start) {
                    *f = true;
                }
                mentions.push(Mention {
                    toks: r.clone(),
                    kind: MentionKind::Name,
                    actors: Vec::new(),
                    person: None,
                    body: None,
                    title: None,
                    independent: false,
                    name: Some(if titled { atom_at_start(t).map_or(r.start, |a| atoms[a].0.end)..r.end } else { r.clone() }),
                    possessive: false,
                    in_pp: false,
                    plural: false,
                    fuzzy: false,
                });
                t = r.end;
                continue;
            }
            t += 1;
        }
        mentions.sort_by_key(|m| (m.toks.start, m.toks.end));
        // 5. Coordinated actors: "France, Germany and the UK".
        let mut merged: Vec<Mention> = Vec::with_capacity(mentions.len());
        for m in mentions {
            if let Some(last) = merged.last_mut()
                && matches!(last.kind, MentionKind::Actor | MentionKind::Group)
                && m.kind == MentionKind::Actor
                && self.coordinable(text, last.toks.end, m.toks.start)
            {
                // "A and B", or "A, B ..." / "A B ..." when the list goes on after B.
                let conj = (last.toks.end..m.toks.start).any(|t| matches!(toks.key(t), "and" | "or" | "&"));
                if conj || self.next_is_conjunct(text, &m) {
                    last.toks.end = m.toks.end;
                    last.kind = MentionKind::Group;
                    last.plural = true;
                    last.body = None;
                    for a in m.actors {
                        if !last.actors.contains(&a) {
                            last.actors.push(a);
                        }
                    }
                    continue;
                }
            }
            merged.push(m);
        }
        // 6. Possessives and prepositional objects.
        let mut last_in_pp_end: Option<usize> = None;
        for m in merged.iter_mut() {
            m.possessive = m.toks.end < n && toks.key(m.toks.end) == "'s";
            let mut p = m.toks.start;
            let mut before = None;
            while p > 0 {
                p -= 1;
                if text.skip[p] {
                    continue;
                }
                before = Some(p);
                break;
            }
            m.in_pp = match before {
                Some(b) => {
                    let k = toks.key(b);
                    PREPOSITIONS.contains(&k) || (matches!(k, "and" | "or") && last_in_pp_end.is_some_and(|e| b >= e && b - e <= 1))
                }
                None => false,
            };
            if m.in_pp {
                last_in_pp_end = Some(m.toks.end);
            }
        }
        merged
    }

    /// Whether the first word after a mention continues a coordination (ASR
    /// lists without commas: "France Germany and the UK").
    fn next_is_conjunct(&self, text: &Text, m: &Mention) -> bool {
        self.next_word(text, m.toks.end).is_some_and(|t| matches!(text.toks.key(t), "and" | "or" | ","))
    }

    /// Whether only list glue stands between two mentions.
    fn coordinable(&self, text: &Text, from: usize, to: usize) -> bool {
        if to < from || to - from > 4 {
            return false;
        }
        (from..to).all(|t| text.skip[t] || matches!(text.toks.key(t), "and" | "or" | "&" | "," | "the" | "as" | "well"))
    }

    /// Actors of a (coordinated) list starting at token `t`: returns them and the end token.
    fn coordinated_actors(&self, text: &Text, atoms: &[(Range<usize>, Entry, bool)], mut t: usize) -> (Vec<usize>, usize) {
        let mut actors = Vec::new();
        let mut end = t;
        loop {
            while t < text.toks.len() && (text.skip[t] || matches!(text.toks.key(t), "the" | "," | "and" | "or" | "&")) {
                t += 1;
            }
            let Some(a) = atoms.iter().find(|a| a.0.start == t) else { break };
            match a.1 {
                Entry::Actor(id) | Entry::Adjective(id) => actors.push(id),
                Entry::Body(b) => actors.push(self.bodies[b].actor),
                _ => break,
            }
            end = a.0.end;
            t = a.0.end;
            // An adjective must head a group office ("the Israeli army").
            if let Entry::Adjective(_) = a.1 {
                if let Some(b) = atoms.iter().find(|b| b.0.start == t && matches!(b.1, Entry::GroupOffice(_) | Entry::PersonOffice(_))) {
                    end = b.0.end;
                    t = end;
                } else {
                    actors.pop();
                    break;
                }
            }
        }
        (actors, end)
    }

    /// First non-filler token at or after `t`.
    fn next_word(&self, text: &Text, mut t: usize) -> Option<usize> {
        while t < text.toks.len() && text.skip[t] {
            t += 1;
        }
        (t < text.toks.len()).then_some(t)
    }

    /// Up to three name tokens from `t`: capitalised words, or in transcripts
    /// words that are not ordinary English ("jon smyht").
    fn unknown_name(&self, text: &Text, t: usize, atoms: &[(Range<usize>, Entry, bool)]) -> Range<usize> {
        let toks = &text.toks;
        let transcript = text.doc.kind == DocKind::Transcript;
        let mut end = t;
        let mut i = t;
        while i < toks.len() && end - t < 4 {
            if text.skip[i] {
                i += 1;
                continue;
            }
            let tok = &toks.toks[i];
            let key = toks.key(i);
            if tok.kind != TokKind::Word || FUNCTION_WORDS.contains(&key) || atoms.iter().any(|a| a.0.start == i && !matches!(a.1, Entry::Title)) {
                break;
            }
            let cap = tok.has(CAP) && !(i > 0 && toks.toks[i].has(PARA));
            let odd = transcript && !self.words.contains(key) && key.chars().all(char::is_alphabetic) && key.len() >= 3;
            if !(cap || odd) {
                break;
            }
            i += 1;
            end = i;
        }
        t..end
    }

    /// A proper name starting at `t` that the table does not know: two or
    /// more capitalised words ("Jane Doe-Smith"), or one capitalised
    /// word that is not an English word and does not start a sentence.
    fn proper_name(&self, text: &Text, t: usize) -> Option<Range<usize>> {
        let toks = &text.toks;
        let first = &toks.toks[t];
        if first.kind != TokKind::Word || !first.has(CAP) || first.has(ALLCAPS) || FUNCTION_WORDS.contains(&toks.key(t)) {
            return None;
        }
        let mut end = t + 1;
        while end < toks.len() && end - t < 4 {
            let tok = &toks.toks[end];
            let key = toks.key(end);
            let capitalised = tok.kind == TokKind::Word && tok.has(CAP) && !tok.has(PARA) && !FUNCTION_WORDS.contains(&key);
            let particle = matches!(key, "bin" | "al" | "ibn" | "abu" | "de" | "van" | "von" | "der" | "la" | "le" | "el")
                && end + 1 < toks.len()
                && toks.toks[end + 1].has(CAP);
            if capitalised || particle {
                end += 1;
            } else {
                break;
            }
        }
        let sentence_start = t == 0 || first.has(PARA) || matches!(toks.key(t - 1), "." | "!" | "?" | ":" | "\"");
        if end - t >= 2 {
            // Title case headings: all words capitalised and long runs are not names.
            return Some(t..end);
        }
        let key = toks.key(t);
        (!sentence_start && !self.words.contains(key) && !self.words.contains(&key.to_lowercase())).then_some(t..end)
    }

    /// Whether a single-word surname match stands alone (not part of another
    /// person's name, as "Cameron" in "Cameron Hughes").
    fn surname_ok(&self, toks: &Tokens, i: usize, len: usize, entry: Entry) -> bool {
        let Entry::Person(_, true) = entry else { return true };
        let next_cap = i + len < toks.len() && toks.toks[i + len].is_word() && toks.toks[i + len].has(CAP) && !self.phrases.contains_key(toks.key(i + len));
        let prev_cap = i > 0
            && toks.toks[i - 1].is_word()
            && toks.toks[i - 1].has(CAP)
            && !toks.toks[i].has(PARA)
            && !self.phrases.contains_key(toks.key(i - 1))
            && !FUNCTION_WORDS.contains(&toks.key(i - 1));
        !next_cap && !prev_cap
    }

    /// The person holding `title` for `actor` on `date`.
    pub fn holder(&self, title: &str, actor: usize, date: Option<Date>) -> Option<usize> {
        let title = canonical_title(title);
        let pick = |exact: bool| -> Option<usize> {
            let mut found: Vec<usize> = Vec::new();
            for (pid, p) in self.persons.iter().enumerate() {
                for o in &p.offices {
                    let title_ok = if exact { o.title == title } else { o.title.ends_with(&format!(" {title}")) };
                    if !title_ok || o.actor != actor {
                        continue;
                    }
                    let in_term = match date {
                        Some(d) => o.from.is_none_or(|f| f <= d) && o.until.is_none_or(|u| d <= u),
                        None => true,
                    };
                    if in_term && !found.contains(&pid) {
                        found.push(pid);
                    }
                }
            }
            (found.len() == 1).then(|| found[0])
        };
        pick(true).or_else(|| pick(false))
    }

    /// Resolves a mention (not a pronoun) to a speaker on `date`.
    pub fn speaker(&self, m: &Mention, text: &Text, date: Option<Date>) -> Speaker {
        let toks = &text.toks;
        let mut start = m.toks.start;
        while start < m.toks.end && DETERMINERS.contains(&toks.key(start)) {
            start += 1;
        }
        let surface = toks.norm_text(start..m.toks.end).to_string();
        let span = toks.span(m.toks.clone());
        let actor_names = |ids: &[usize]| ids.iter().filter_map(|&a| self.actors.get(a)).map(|a| a.name.clone()).collect::<Vec<_>>();
        let mut s = Speaker {
            name: None,
            mention: Some(toks.norm_text(m.toks.clone()).to_string()),
            span: Some(span),
            actors: actor_names(&m.actors),
            independent: m.independent,
        };
        if m.independent {
            s.actors.clear();
            s.name = Some(match &m.name {
                Some(r) => toks.norm_text(r.clone()).to_string(),
                None => surface,
            });
            return s;
        }
        match m.kind {
            MentionKind::Person => {
                let p = m.person.expect("person mention has a person");
                s.name = Some(self.persons[p].name.clone());
                // The actor an office-holder speaks for on the date (or their own).
                // The actor of the office held on the date; out of every listed
                // office on a known date (a candidate, a former minister) the
                // person speaks for no state.
                let person = &self.persons[p];
                let on_date = person.offices.iter().find(|o| match date {
                    Some(d) => o.from.is_none_or(|f| f <= d) && o.until.is_none_or(|u| d <= u),
                    None => false,
                });
                s.actors = match (on_date, date) {
                    (Some(o), _) => actor_names(&[o.actor]),
                    (None, Some(_)) if !person.offices.is_empty() => Vec::new(),
                    (None, _) => actor_names(&[person.actor]),
                };
            }
            MentionKind::Office => {
                let holder = match (&m.title, m.actors.as_slice()) {
                    (Some(title), [actor]) if !m.plural => self.holder(title, *actor, date),
                    _ => None,
                };
                let name_ok = |p: usize| match &m.name {
                    None => true,
                    Some(r) => {
                        let written = toks.key_text(r.clone()).to_string();
                        let real = fold_key(&self.persons[p].name);
                        let (w0, r0) = (written.split(' ').next().unwrap_or(""), real.split(' ').next().unwrap_or(""));
                        strsim::jaro_winkler(w0, r0) >= 0.8 || strsim::jaro_winkler(&written, &real) >= 0.8
                    }
                };
                s.name = match (holder, &m.name) {
                    (Some(p), _) if name_ok(p) => Some(self.persons[p].name.clone()),
                    (_, Some(r)) => Some(toks.norm_text(r.clone()).to_string()),
                    _ => Some(surface),
                };
            }
            MentionKind::Actor => {
                s.name = Some(match m.body {
                    Some(b) => self.bodies[b].name.clone(),
                    None => m.actors.first().map_or(surface, |&a| self.actors[a].name.clone()),
                });
            }
            MentionKind::Group => {
                let names = actor_names(&m.actors);
                s.name = Some(match names.len() {
                    0 => surface,
                    1 => names[0].clone(),
                    _ => format!("{} and {}", names[..names.len() - 1].join(", "), names[names.len() - 1]),
                });
            }
            MentionKind::Name => {
                s.name = Some(match &m.name {
                    Some(r) => toks.norm_text(r.clone()).to_string(),
                    None => surface,
                });
            }
            MentionKind::Pronoun => {
                s.name = None;
            }
        }
        s
    }

    /// For an anaphoric noun ("the group", "the country"): whether it refers to
    /// an organisation (`Some(true)`) or a state (`Some(false)`).
    pub fn anaphor(&self, m: &Mention, text: &Text) -> Option<bool> {
        // Only a bare "the group", "this country": a modifier makes a new referent ("the western nation").
        if m.kind != MentionKind::Office || !m.actors.is_empty() || m.toks.len() != 2 || !matches!(text.toks.key(m.toks.start), "the" | "this" | "that") {
            return None;
        }
        self.anaphors.get(text.toks.key(m.toks.end - 1)).copied()
    }

    /// Whether an actor is an organisation.
    pub fn is_organisation(&self, actor: usize) -> bool {
        self.actors.get(actor).is_some_and(|a| a.organisation)
    }

    /// Gender of a mention where known: `Some(true)` male.
    pub fn male(&self, m: &Mention) -> Option<bool> {
        m.person.and_then(|p| self.persons[p].male)
    }
}

/// The consonant skeleton of a word: vowels, h, w and y dropped, doubled
/// letters collapsed ("khamenei" and "kamani" are both "kmn").
fn skeleton(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        if matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'h' | 'w' | 'y' | '\'' | '-') {
            continue;
        }
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Plural forms of a phrase's last word ("foreign minister" -> "foreign ministers").
fn plurals(phrase: &str) -> Vec<String> {
    let (head, last) = match phrase.rsplit_once(' ') {
        Some((h, l)) => (format!("{h} "), l),
        None => (String::new(), phrase),
    };
    if last.ends_with('s') || !last.chars().all(|c| c.is_ascii_alphabetic()) {
        return Vec::new();
    }
    let form = if let Some(stem) = last.strip_suffix("man") {
        format!("{stem}men")
    } else if last.ends_with('y') && !last.ends_with("ey") && !last.ends_with("ay") && !last.ends_with("oy") {
        format!("{}ies", &last[..last.len() - 1])
    } else if last.ends_with("ch") || last.ends_with("sh") || last.ends_with('x') {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    vec![format!("{head}{form}")]
}

/// Preference among entries for the same words: actors before adjectives.
fn entry_rank(e: Entry) -> u8 {
    match e {
        Entry::Person(..) => 0,
        Entry::Body(_) => 1,
        Entry::Actor(_) => 2,
        Entry::PersonOffice(_) | Entry::GroupOffice(_) | Entry::Independent(_) => 3,
        Entry::Adjective(_) => 4,
        Entry::Title => 5,
    }
}
