//! The actor table: states and organisations, the bodies and people who
//! speak for them, and the words for offices and independent voices,
//! compiled from `rules/actors.toml` (with `words.txt`, the common English
//! words that keep fuzzy and proper-name matching honest) and the user's
//! actor files, which extend it: a new name adds an actor, body or person;
//! a name already listed in an earlier file adds its aliases (and offices);
//! `[vocabulary]` lists are appended. A user file with `replace = true`
//! replaces the built-in file instead.

use crate::attribute::mention::{Mention, MentionKind};
use crate::config::DataFile;
use crate::config::strict::Root;
use crate::error::Diagnostic;
use crate::model::Text;
use crate::text::date::Date;
use crate::text::hash::{Bits, key_hash};
use crate::text::normalize::{fold_key, skeleton};
use crate::text::token::{ALLCAPS, CAP, Tokens};
use crate::text::vocab::Vocabulary;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::sync::Arc;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActors {
    /// This file replaces the built-in actors instead of extending them.
    #[serde(default)]
    replace: bool,
    /// Office and voice words (required in the first file; appended from the others).
    vocabulary: Option<RawVocabulary>,
    #[serde(rename = "actor", default)]
    _actor: Vec<IgnoredAny>,
    #[serde(rename = "body", default)]
    _body: Vec<IgnoredAny>,
    #[serde(rename = "person", default)]
    _person: Vec<IgnoredAny>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawVocabulary {
    /// Offices held by one person.
    #[serde(default)]
    person_offices: Vec<String>,
    /// Bodies and groups that speak for an actor.
    #[serde(default)]
    group_offices: Vec<String>,
    /// Independent voices.
    #[serde(default)]
    independent: Vec<String>,
    /// First words of proper names that name no speaker.
    #[serde(default)]
    non_speaker_names: Vec<String>,
    /// Nouns referring back to the nearest organisation.
    #[serde(default)]
    organisation_anaphors: Vec<String>,
    /// Nouns referring back to the nearest state.
    #[serde(default)]
    state_anaphors: Vec<String>,
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
pub(crate) enum Entry {
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
pub(crate) enum CaseRule {
    Any,
    Capitalised,
    AllCaps,
}

impl CaseRule {
    /// Whether token `t` is written in a way this rule accepts.
    pub(crate) fn accepts(self, toks: &Tokens, t: usize) -> bool {
        let flags = toks.toks[t].flags;
        match self {
            CaseRule::Any => true,
            CaseRule::Capitalised => flags & CAP != 0,
            CaseRule::AllCaps => flags & ALLCAPS != 0 || (toks.key(t).len() == 1),
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub(crate) keys: Vec<String>,
    pub(crate) entry: Entry,
    pub(crate) case: CaseRule,
}

/// A one-word name that a misspelling may stand for.
#[derive(Debug, Clone)]
pub(crate) struct FuzzyName {
    /// The name's key.
    pub(crate) name: String,
    /// What it names.
    pub(crate) entry: Entry,
    /// Its length in characters.
    pub(crate) len: usize,
    /// Its [`skeleton`].
    pub(crate) sound: String,
}

impl FuzzyName {
    pub(crate) fn new(name: String, entry: Entry) -> FuzzyName {
        FuzzyName { len: name.chars().count(), sound: skeleton(&name), name, entry }
    }
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
    /// Person office titles, canonical forms.
    pub(crate) person_offices: Vec<String>,
    /// Anaphoric nouns: key -> whether it refers to an organisation (else a state).
    pub(crate) anaphors: HashMap<String, bool>,
    /// First words of proper names that name no speaker.
    pub(crate) non_speaker_names: HashSet<String>,
    /// Table phrases by their first key.
    pub(crate) phrases: HashMap<String, Vec<Phrase>>,
    /// The [`key_hash`]es of the first keys of `phrases`: most tokens open no phrase.
    pub(crate) phrase_heads: Box<Bits<1024>>,
    /// Single-word names for fuzzy matching, by first letter.
    pub(crate) fuzzy: HashMap<char, Vec<FuzzyName>>,
    /// Common English words (`words.txt`).
    pub(crate) words: HashSet<String>,
    /// Word classes.
    pub(crate) vocab: Arc<Vocabulary>,
}

/// The canonical form of an office title: folded, each word then the
/// whole title mapped through the spelling synonyms ("defense minister" is
/// "defence minister", "premier" is "prime minister").
pub(crate) fn canonical_title(vocab: &Vocabulary, t: &str) -> String {
    let syn = &vocab.spelling.synonyms;
    let words: Vec<String> = fold_key(t).split(' ').map(|w| syn.get(w).cloned().unwrap_or_else(|| w.to_string())).collect();
    let joined = words.join(" ");
    syn.get(&joined).cloned().unwrap_or(joined)
}

/// The token keys of a phrase written in a data file.
fn phrase_keys(s: &str, vocab: &Vocabulary) -> Vec<String> {
    let toks = Tokens::phrase(s, vocab);
    (0..toks.len()).map(|i| toks.key(i).to_string()).collect()
}

/// Actor names already compiled: folded name -> actor id.
type ActorIds = HashMap<String, usize>;

impl ActorTable {
    /// Compiles actor files in order: the built-in `actors.toml`, then the
    /// user's, which extend it (or, with `replace = true`, replace the
    /// built-in file). `words` is the common-word list (`words.txt`).
    pub fn compile(files: &[&DataFile], words: &DataFile, vocab: Arc<Vocabulary>) -> Result<ActorTable, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        let mut parsed = Vec::new();
        for f in files {
            match Root::parse(f) {
                Ok(root) => match root.whole::<RawActors>() {
                    Ok(raw) => parsed.push((root, raw)),
                    Err(d) => diags.push(d),
                },
                Err(d) => diags.extend(d),
            }
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        // A user file that replaces the built-in actors drops it (and any file before it).
        if let Some(last) = parsed.iter().rposition(|(r, raw)| raw.replace && !r.builtin()) {
            parsed.drain(..last);
        }
        let words: HashSet<String> = words.text.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
        let mut t = ActorTable {
            actors: Vec::new(),
            bodies: Vec::new(),
            persons: Vec::new(),
            person_offices: Vec::new(),
            anaphors: HashMap::default(),
            non_speaker_names: HashSet::default(),
            phrases: HashMap::default(),
            phrase_heads: Box::default(),
            fuzzy: HashMap::default(),
            words,
            vocab,
        };
        let mut ids = ActorIds::default();
        let mut honorifics = true;
        for (i, (root, raw)) in parsed.iter_mut().enumerate() {
            match raw.vocabulary.take() {
                Some(v) => t.add_vocabulary(&v, std::mem::take(&mut honorifics)),
                None if i == 0 => diags.push(Diagnostic::file(root.path(), "the first actor file needs a [vocabulary] table (offices, groups, voices)")),
                None => {}
            }
            t.add_actors(root, &mut ids, &mut diags);
            t.add_bodies(root, &ids, &mut diags);
            t.add_persons(root, &ids, &mut diags);
        }
        if diags.is_empty() { Ok(t) } else { Err(diags) }
    }

    /// A `[vocabulary]`: its lists are added to those of earlier files.
    fn add_vocabulary(&mut self, v: &RawVocabulary, honorifics: bool) {
        let vocab = self.vocab.clone();
        let first_office = self.person_offices.len();
        self.person_offices.extend(v.person_offices.iter().map(|s| canonical_title(&vocab, s)));
        self.anaphors.extend(v.organisation_anaphors.iter().map(|a| (fold_key(a), true)).chain(v.state_anaphors.iter().map(|a| (fold_key(a), false))));
        self.non_speaker_names.extend(v.non_speaker_names.iter().map(|a| fold_key(a)));
        self.add_office_words(v, first_office, honorifics);
    }

    /// Office, group and voice nouns (with their plurals: "economists",
    /// "ministers"), honorifics (once) and anaphoric nouns.
    fn add_office_words(&mut self, v: &RawVocabulary, first_office: usize, honorifics: bool) {
        for (i, o) in v.person_offices.iter().enumerate() {
            self.add_phrase(o, Entry::PersonOffice(first_office + i), false);
            for p in plurals(o) {
                self.add_phrase(&p, Entry::GroupOffice(0), false);
            }
        }
        for (i, o) in v.group_offices.iter().enumerate() {
            self.add_phrase(o, Entry::GroupOffice(i), false);
            for p in plurals(o) {
                self.add_phrase(&p, Entry::GroupOffice(i), false);
            }
        }
        for (i, o) in v.independent.iter().enumerate() {
            self.add_phrase(o, Entry::Independent(i), false);
            for p in plurals(o) {
                self.add_phrase(&p, Entry::Independent(i), false);
            }
        }
        let vocab = self.vocab.clone();
        if honorifics {
            for o in vocab.names.honorifics.sorted() {
                self.add_phrase(o, Entry::Title, false);
            }
        }
        for a in v.organisation_anaphors.iter().chain(&v.state_anaphors) {
            self.add_phrase(a, Entry::GroupOffice(0), false);
        }
    }

    /// `[[actor]]`: states and organisations with their names, capitals,
    /// adjectives and by-names. An actor an earlier file listed gets the
    /// names added; one listed twice in the same file is an error.
    fn add_actors(&mut self, root: &Root, ids: &mut ActorIds, diags: &mut Vec<Diagnostic>) {
        let mut here = HashSet::default();
        for (a, at) in root.items::<RawActor>("actor", diags) {
            let key = fold_key(&a.name);
            if !here.insert(key.clone()) {
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
            let id = match ids.get(&key) {
                Some(&id) => {
                    if a.kind.is_some() && self.actors[id].organisation != organisation {
                        diags.push(root.diag(at, format!("actor {:?} is already listed with another kind", a.name)));
                    }
                    id
                }
                None => {
                    ids.insert(key, self.actors.len());
                    self.actors.push(Actor { name: a.name.clone(), organisation });
                    self.actors.len() - 1
                }
            };
            for s in a.aliases.iter().chain(&a.capitals).chain(&a.bynames) {
                self.add_phrase(s, Entry::Actor(id), true);
            }
            for s in &a.adjectives {
                self.add_phrase(s, Entry::Adjective(id), false);
                // "the Iranians", "the Saudis" speak for the state.
                if s.ends_with('n') || s.ends_with('i') {
                    self.add_phrase(&format!("{s}s"), Entry::Actor(id), true);
                }
            }
        }
    }

    /// The id of an actor named in a data file; an unknown name is a diagnostic.
    fn lookup(&self, root: &Root, ids: &ActorIds, s: &toml::Spanned<String>, diags: &mut Vec<Diagnostic>) -> usize {
        match ids.get(&fold_key(s.get_ref())) {
            Some(&id) => id,
            None => {
                diags.push(root.diag(s.span().start, format!("unknown actor {:?}; list it as an [[actor]] first", s.get_ref())));
                self.actors.len()
            }
        }
    }

    /// `[[body]]`: armies, agencies and media that speak for an actor.
    fn add_bodies(&mut self, root: &Root, ids: &ActorIds, diags: &mut Vec<Diagnostic>) {
        let earlier = self.bodies.len();
        for (b, _) in root.items::<RawBody>("body", diags) {
            let actor = self.lookup(root, ids, &b.actor, diags);
            // A body an earlier file listed for the same actor gets the aliases.
            let known = self.bodies[..earlier].iter().position(|x| x.actor == actor && fold_key(&x.name) == fold_key(&b.name));
            let id = known.unwrap_or(self.bodies.len());
            if known.is_none() {
                self.bodies.push(Body { name: b.name.clone(), actor });
            }
            self.add_phrase(&b.name, Entry::Body(id), true);
            for s in &b.aliases {
                self.add_phrase(s, Entry::Body(id), true);
            }
        }
    }

    /// `[[person]]`: people, their aliases and their offices with dates.
    fn add_persons(&mut self, root: &Root, ids: &ActorIds, diags: &mut Vec<Diagnostic>) {
        let earlier = self.persons.len();
        for (p, at) in root.items::<RawPerson>("person", diags) {
            let actor = self.lookup(root, ids, &p.actor, diags);
            let male = match p.gender.as_deref() {
                None => None,
                Some("male") => Some(true),
                Some("female") => Some(false),
                Some(g) => {
                    diags.push(root.diag(at, format!("unknown gender {g:?} (male or female)")));
                    None
                }
            };
            let offices: Vec<Office> = p.offices.iter().map(|o| self.office(root, ids, o, actor, diags)).collect();
            // A person an earlier file listed for the same actor gets the aliases and offices.
            let known = self.persons[..earlier].iter().position(|x| x.actor == actor && fold_key(&x.name) == fold_key(&p.name));
            let id = match known {
                Some(id) => {
                    let person = &mut self.persons[id];
                    person.offices.extend(offices);
                    person.male = male.or(person.male);
                    id
                }
                None => {
                    self.persons.push(Person { name: p.name.clone(), actor, male, offices });
                    self.persons.len() - 1
                }
            };
            self.add_phrase(&p.name, Entry::Person(id, false), true);
            for s in &p.aliases {
                let single = phrase_keys(s, &self.vocab).len() == 1;
                self.add_phrase(s, Entry::Person(id, single), true);
            }
        }
    }

    /// One office of a person: a known title, its actor, its dates.
    fn office(&self, root: &Root, ids: &ActorIds, o: &RawOffice, actor: usize, diags: &mut Vec<Diagnostic>) -> Office {
        let title = canonical_title(&self.vocab, o.title.get_ref());
        if !self.person_offices.contains(&title) {
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
        let office_actor = o.actor.as_ref().map_or(actor, |a| self.lookup(root, ids, a, diags));
        Office { title, actor: office_actor, from: date(&o.from, diags), until: date(&o.until, diags) }
    }

    fn add_phrase(&mut self, s: &str, entry: Entry, fuzzy: bool) {
        let s = s.trim();
        let s = s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")).unwrap_or(s);
        let keys = phrase_keys(s, &self.vocab);
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
            self.fuzzy.entry(first).or_default().push(FuzzyName::new(keys[0].clone(), entry));
        }
        self.phrase_heads.set(key_hash(&keys[0]) as usize);
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

    /// The actor an entry speaks for, if any.
    pub(crate) fn entry_actor(&self, e: Entry) -> Option<usize> {
        match e {
            Entry::Actor(a) | Entry::Adjective(a) => Some(a),
            Entry::Body(b) => Some(self.bodies[b].actor),
            Entry::Person(p, _) => Some(self.persons[p].actor),
            _ => None,
        }
    }

    /// Whether a key is a common English word.
    pub fn is_common_word(&self, key: &str) -> bool {
        self.words.contains(key)
    }

    /// The person holding `title` for `actor` on `date`.
    pub fn holder(&self, title: &str, actor: usize, date: Option<Date>) -> Option<usize> {
        let title = canonical_title(&self.vocab, title);
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

    /// For an anaphoric noun ("the group", "the country"): whether it refers to
    /// an organisation (`Some(true)`) or a state (`Some(false)`).
    pub fn anaphor(&self, m: &Mention, text: &Text) -> Option<bool> {
        // Only a bare "the group", "this country": a modifier makes a new referent ("the western nation").
        if m.kind != MentionKind::Office
            || !m.actors.is_empty()
            || m.toks.len() != 2
            || !self.vocab.names.anaphor_determiners.contains(text.toks.key(m.toks.start))
        {
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

impl Entry {
    /// Preference among entries for the same words: actors before adjectives.
    pub(crate) fn rank(self) -> u8 {
        match self {
            Entry::Person(..) => 0,
            Entry::Body(_) => 1,
            Entry::Actor(_) => 2,
            Entry::PersonOffice(_) | Entry::GroupOffice(_) | Entry::Independent(_) => 3,
            Entry::Adjective(_) => 4,
            Entry::Title => 5,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{DataFile, DataFiles};
    use crate::engine::Engine;
    use crate::ingest::Limits;

    fn engine_with(name: &str, text: &str) -> Result<Engine, Vec<crate::error::Diagnostic>> {
        let mut files = DataFiles::builtin();
        files.insert(DataFile { name: name.into(), path: name.into(), text: text.into(), builtin: false });
        Engine::from_files(&files, Limits::default())
    }

    #[test]
    fn an_actor_file_extends_the_builtin_actors() {
        let e = engine_with(
            "actors-extra.toml",
            "[[actor]]\nname = \"Iran\"\naliases = [\"Persia\"]\n\n[[actor]]\nname = \"Westland\"\naliases = [\"Westland\"]\n",
        )
        .unwrap();
        assert_eq!(e.actor("Persia").as_deref(), Ok("Iran"));
        assert_eq!(e.actor("Tehran").as_deref(), Ok("Iran"));
        assert_eq!(e.actor("Westland").as_deref(), Ok("Westland"));
        assert_eq!(e.actor("Israel").as_deref(), Ok("Israel"));
    }

    #[test]
    fn a_replacing_actor_file_replaces_and_duplicates_in_one_file_are_errors() {
        let own = "replace = true\n[vocabulary]\nperson_offices = [\"president\"]\n\n[[actor]]\nname = \"Westland\"\naliases = [\"Westland\"]\n";
        let e = engine_with("actors.toml", own).unwrap();
        assert!(e.actor("Iran").is_err());
        assert_eq!(e.actor("Westland").as_deref(), Ok("Westland"));
        let twice = "[[actor]]\nname = \"Westland\"\naliases = []\n\n[[actor]]\nname = \"Westland\"\naliases = []\n";
        let diags = engine_with("actors-twice.toml", twice).unwrap_err();
        assert!(diags.iter().any(|d| d.file == "actors-twice.toml" && d.line == 5 && d.message.contains("listed twice")), "{diags:?}");
        let no_vocabulary = engine_with("actors.toml", "replace = true\n[[actor]]\nname = \"Westland\"\naliases = []\n").unwrap_err();
        assert!(no_vocabulary[0].message.contains("[vocabulary]"), "{no_vocabulary:?}");
    }
}
