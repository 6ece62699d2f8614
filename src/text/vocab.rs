//! The vocabulary: English word classes the stages reason with, read from
//! `rules/lexicon/*.toml`.
//!
//! Code keeps the grammar (what a construction is: a subject before a
//! speech verb, a `that`-clause after it); the members of each word class
//! (which words are determiners, auxiliaries, clause verbs, honorifics,
//! abbreviations, irregular verb forms ...) are data, one list per class,
//! so that a linguist or a user can tune them without touching code. Each
//! file is read strictly (unknown keys are errors, every problem reported
//! with its line and column); words are stored as token keys (lowercase,
//! accents and hyphens folded), so a lookup is one hash probe.

use crate::config::strict::Root;
use crate::config::{DataFile, DataFiles};
use crate::error::Diagnostic;
use crate::text::hash::{Bits, key_hash};
use crate::text::normalize::fold_key;
use rustc_hash::FxHashSet;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use toml::Spanned;

/// A set of words (token keys; several words joined by one space).
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    words: FxHashSet<String>,
    /// The words' [`key_hash`]es: most tokens are let go on one bit.
    heads: Box<Bits<64>>,
}

impl WordSet {
    fn new(words: FxHashSet<String>) -> WordSet {
        let mut heads = Box::<Bits<64>>::default();
        for w in &words {
            heads.set(key_hash(w) as usize);
        }
        WordSet { words, heads }
    }

    /// Whether `key` (a token key, or keys joined by spaces) is in the set.
    #[inline]
    pub fn contains(&self, key: &str) -> bool {
        self.words.contains(key)
    }

    /// Whether a key whose [`key_hash`] is `hash` may be in the set (if
    /// not, it is not): [`crate::text::token::Tokens::is_in`] asks this first.
    #[inline]
    pub fn may_contain(&self, hash: u32) -> bool {
        self.heads.has(hash as usize)
    }

    /// Whether one of the words begins `key` (word lists of prefixes:
    /// "dismiss" covers "dismissed").
    pub fn has_prefix_of(&self, key: &str) -> bool {
        self.words.iter().any(|w| key.starts_with(w.as_str()))
    }

    /// The words, sorted (so that whatever is built from them is the same every run).
    pub fn sorted(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.words.iter().map(String::as_str).collect();
        v.sort_unstable();
        v
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// A set of the given words (as written in a data file).
    pub fn from_words<S: AsRef<str>>(words: &[S]) -> WordSet {
        WordSet::new(words.iter().map(|w| word_key(w.as_ref())).filter(|w| !w.is_empty()).collect())
    }

    /// The union of several sets.
    fn union(sets: &[&WordSet]) -> WordSet {
        WordSet::new(sets.iter().flat_map(|s| s.words.iter().cloned()).collect())
    }
}

/// A set of keys as they are (already folded).
impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(keys: I) -> WordSet {
        WordSet::new(keys.into_iter().collect())
    }
}

/// The key a word is stored under: folded like a token key (lowercase, no
/// accents, no hyphens between letters).
pub(crate) fn word_key(word: &str) -> String {
    let folded = fold_key(word.trim());
    let joined: Vec<String> =
        folded.split_whitespace().map(|w| if w.contains('-') && w.chars().any(char::is_alphabetic) { w.replace('-', "") } else { w.to_string() }).collect();
    joined.join(" ")
}

/// Reads a list of words into a set, reporting empty and repeated entries.
fn word_set(root: &Root, name: &str, list: &[Spanned<String>], diags: &mut Vec<Diagnostic>) -> WordSet {
    let mut set = FxHashSet::default();
    for w in list {
        let key = word_key(w.get_ref());
        if key.is_empty() {
            diags.push(root.diag(w.span().start, format!("empty word in `{name}`")));
        } else if !set.insert(key) {
            diags.push(root.diag(w.span().start, format!("{:?} is listed twice in `{name}`", w.get_ref())));
        }
    }
    WordSet::new(set)
}

/// Declares a lexicon file: its raw (TOML) struct with one documented list
/// per word class, and the compiled struct with one [`WordSet`] per class.
macro_rules! lexicon_file {
    ($(#[$doc:meta])* $name:ident / $raw:ident { $($(#[$fdoc:meta])* $field:ident),* $(,)? }) => {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct $raw {
            $($(#[$fdoc])* $field: Vec<Spanned<String>>,)*
        }

        $(#[$doc])*
        #[derive(Debug, Clone, Default)]
        pub struct $name {
            $($(#[$fdoc])* pub $field: WordSet,)*
        }

        impl $name {
            fn compile(file: &DataFile, diags: &mut Vec<Diagnostic>) -> $name {
                let root = match Root::parse(file) {
                    Ok(r) => r,
                    Err(d) => {
                        diags.extend(d);
                        return $name::default();
                    }
                };
                match root.whole::<$raw>() {
                    Ok(raw) => $name { $($field: word_set(&root, stringify!($field), &raw.$field, diags),)* },
                    Err(d) => {
                        diags.push(d);
                        $name::default()
                    }
                }
            }
        }
    };
}

lexicon_file! {
    /// `lexicon/grammar.toml`: closed word classes of English.
    Grammar / RawGrammar {
        /// Hesitation words of speech, skipped by every matcher.
        fillers,
        /// Articles, demonstratives and possessive determiners.
        determiners,
        /// Articles: "a", "an", "the".
        articles,
        /// Quantifying determiners ("all", "both", "no").
        quantifiers,
        /// Count words that open a noun phrase ("one official", "several aides").
        counting_words,
        /// Words for a share of a group that stand as a subject ("a majority", "18%").
        proportion_words,
        /// Forms of "be".
        be_forms,
        /// Forms of "have" and "do" used as auxiliaries.
        auxiliaries,
        /// Modal verbs.
        modals,
        /// Negation words.
        negations,
        /// Personal pronouns that can be subjects.
        subject_pronouns,
        /// The pronoun of the one spoken to.
        addressee_pronouns,
        /// Plural subject pronouns.
        plural_pronouns,
        /// Pronouns of the people in the conversation itself (speaker and addressee).
        speaker_pronouns,
        /// Other first- and second-person forms (object and possessive).
        person_pronouns,
        /// Forms of the first person plural.
        first_plural,
        /// Pronouns that stand as objects.
        object_pronouns,
        /// "there" and other dummy subjects.
        expletives,
        /// Prepositions.
        prepositions,
        /// Coordinating conjunctions.
        coordinators,
        /// Conjunctions that open a new clause after a noun phrase.
        clause_joiners,
        /// Relative pronouns.
        relative_pronouns,
        /// Words that stand for an object moved before its verb ("what she called ...").
        relative_objects,
        /// Words that open a complement or question clause.
        complementizers,
        /// Words that open an adverbial clause or phrase.
        subordinators,
        /// Words a negation does not reach across.
        clause_breaks,
        /// Degree adverbs ("very well" is not the discourse word "well").
        degree_adverbs,
    }
}

lexicon_file! {
    /// `lexicon/clauses.toml`: words that show how a reported clause is built.
    Clauses / RawClauses {
        /// Verbs of saying that may come before their subject ("said the senator").
        inverting_cues,
        /// Adjectives joining a prepositional phrase to a subject noun ("familiar with").
        postmodifier_adjectives,
        /// Nouns of quantity whose "of" phrase holds the subject ("half of the voters").
        partitive_nouns,
        /// Conjunctions that may open the content of a verb of saying ("said if ...").
        condition_openers,
        /// Words that open reported questions ("asked whether ...").
        question_openers,
        /// Verb forms that show a clause has started (third person, past).
        clause_verbs,
        /// Base forms that are verbs only after a pronoun subject ("they want").
        base_verbs,
        /// Adverbs, time words and auxiliaries that may stand between a speaker and a speech verb.
        adjuncts_before_cue,
        /// Adverbs that may stand before a negated or hypothetical cue.
        cue_adverbs,
        /// Adverbs and conjunctions that may open a sentence before its subject.
        lead_adverbs,
        /// Words that end a noun-phrase content ("... amid", "..., saying").
        noun_phrase_ends,
        /// Function words dropped from the end of reported words in speech.
        trailing_words,
        /// Verbs of rejecting (prefixes: "dismiss" covers "dismissed").
        rejection_verbs,
        /// Cue verbs that also name a use of force (prefixes: "attack" covers "attacked").
        force_verbs,
        /// Things force is used on, not spoken of ("attacked radar sites").
        force_targets,
        /// Verbs that pass on someone's words ("the agency quoted X as saying").
        relay_verbs,
    }
}

lexicon_file! {
    /// `lexicon/names.toml`: words around names and offices.
    Names / RawNames {
        /// Words that never start or continue a proper name (besides the closed classes).
        not_names,
        /// Particles inside names ("bin", "al", "van").
        name_particles,
        /// Honorifics that may stand before a name, dropped from names.
        honorifics,
        /// Modifiers of an office ("former", "deputy", "senior").
        office_modifiers,
        /// Offices whose "to X" names the host, not the actor ("ambassador to the UN").
        posted_offices,
        /// Offices only a state's government holds ("foreign ministry spokeswoman").
        state_offices,
        /// Determiners of an anaphoric noun ("the group", "this country").
        anaphor_determiners,
    }
}

lexicon_file! {
    /// `lexicon/numbers.toml`: how claims and evidence write quantities.
    Numbers / RawNumbers {
        /// Words a claim's wording is not compared on.
        claim_stopwords,
        /// "about", "around": the number widens by a tenth either way.
        approximately,
        /// "nearly", "almost": up to the number.
        nearly,
        /// "more than", "over": above the number.
        more_than,
        /// "at least".
        at_least,
        /// "up to", "at most".
        at_most,
        /// "fewer than", "under".
        less_than,
        /// Words skipped between a qualifier and its number ("about the 300").
        between,
        /// Words after a number that make it a percentage.
        percent,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpelling {
    /// Abbreviations whose period does not end a sentence.
    abbreviations: Vec<Spanned<String>>,
    /// Irregular verbs: base form first, then the other forms.
    irregular: Vec<Vec<Spanned<String>>>,
    /// Words that are never inflected (function words in patterns).
    uninflected: Vec<Spanned<String>>,
    /// Titles written in several ways, to one canonical form.
    synonyms: BTreeMap<String, Spanned<String>>,
}

/// `lexicon/spelling.toml`: orthography and word forms.
#[derive(Debug, Clone, Default)]
pub struct Spelling {
    /// Abbreviations whose period does not end a sentence.
    pub abbreviations: WordSet,
    /// Irregular verbs: each form -> the index of its verb in `verbs`.
    irregular: HashMap<String, Vec<usize>>,
    /// The irregular verbs, all forms each.
    verbs: Vec<Vec<String>>,
    /// Words that are never inflected.
    pub uninflected: WordSet,
    /// Variant -> canonical form ("premier" -> "prime minister").
    pub synonyms: HashMap<String, String>,
    /// Forms already worked out ([`crate::text::inflect::forms`]): rules
    /// name the same words many times.
    pub(crate) forms_cache: FormsCache,
}

/// A word's forms by word, filled as patterns are compiled.
#[derive(Debug, Default)]
pub(crate) struct FormsCache(std::sync::Mutex<HashMap<String, Vec<String>>>);

impl FormsCache {
    /// The forms of `word`, worked out by `make` the first time.
    pub(crate) fn get_or(&self, word: &str, make: impl FnOnce() -> Vec<String>) -> Vec<String> {
        let mut cache = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(forms) = cache.get(word) {
            return forms.clone();
        }
        let forms = make();
        cache.insert(word.to_string(), forms.clone());
        forms
    }
}

impl Clone for FormsCache {
    /// A copy starts empty: what it is a cache of may then change.
    fn clone(&self) -> FormsCache {
        FormsCache::default()
    }
}

impl Spelling {
    fn compile(file: &DataFile, diags: &mut Vec<Diagnostic>) -> Spelling {
        let root = match Root::parse(file) {
            Ok(r) => r,
            Err(d) => {
                diags.extend(d);
                return Spelling::default();
            }
        };
        let raw: RawSpelling = match root.whole() {
            Ok(r) => r,
            Err(d) => {
                diags.push(d);
                return Spelling::default();
            }
        };
        let mut s = Spelling {
            abbreviations: word_set(&root, "abbreviations", &raw.abbreviations, diags),
            uninflected: word_set(&root, "uninflected", &raw.uninflected, diags),
            ..Spelling::default()
        };
        for forms in &raw.irregular {
            if forms.len() < 2 {
                let at = forms.first().map_or(0, |f| f.span().start);
                diags.push(root.diag(at, "an irregular verb lists its base form and at least one other form"));
                continue;
            }
            let id = s.verbs.len();
            s.verbs.push(forms.iter().map(|f| word_key(f.get_ref())).collect());
            for f in &s.verbs[id] {
                s.irregular.entry(f.clone()).or_default().push(id);
            }
        }
        for (variant, canonical) in &raw.synonyms {
            s.synonyms.insert(word_key(variant), word_key(canonical.get_ref()));
        }
        s
    }

    /// Every form of the irregular verbs that have `word` as a form.
    pub fn irregular_forms(&self, word: &str) -> impl Iterator<Item = &str> {
        self.irregular.get(word).into_iter().flatten().flat_map(|&v| self.verbs[v].iter().map(String::as_str))
    }
}

/// Every word class, compiled once per run.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Closed word classes.
    pub grammar: Grammar,
    /// Clause-building words.
    pub clauses: Clauses,
    /// Words around names.
    pub names: Names,
    /// Quantities in claims.
    pub numbers: Numbers,
    /// Orthography and word forms.
    pub spelling: Spelling,
    /// Auxiliaries of every kind: forms of "be", "have", "do" and modals.
    pub aux: WordSet,
    /// Determiners and quantifiers.
    pub det: WordSet,
    /// Closed-class words and other words that are not names.
    pub function: WordSet,
    /// Closed-class words only: determiners, auxiliaries, prepositions,
    /// conjunctions, pronouns ("people" is no name, but it is a noun).
    pub closed: WordSet,
}

/// The lexicon files, by name under `rules/`.
pub(crate) const FILES: &[&str] = &["lexicon/grammar.toml", "lexicon/clauses.toml", "lexicon/names.toml", "lexicon/numbers.toml", "lexicon/spelling.toml"];

impl Vocabulary {
    /// Compiles the lexicon files, reporting every problem.
    pub fn compile(files: &DataFiles) -> Result<Vocabulary, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        let mut get = |name: &str| {
            let f = files.get(name);
            if f.is_none() {
                diags.push(Diagnostic::file(name, "missing data file"));
            }
            f.cloned()
        };
        let (g, c, n, q, s) = (get(FILES[0]), get(FILES[1]), get(FILES[2]), get(FILES[3]), get(FILES[4]));
        let mut v = Vocabulary::default();
        if let Some(f) = g {
            v.grammar = Grammar::compile(&f, &mut diags);
        }
        if let Some(f) = c {
            v.clauses = Clauses::compile(&f, &mut diags);
        }
        if let Some(f) = n {
            v.names = Names::compile(&f, &mut diags);
        }
        if let Some(f) = q {
            v.numbers = Numbers::compile(&f, &mut diags);
        }
        if let Some(f) = s {
            v.spelling = Spelling::compile(&f, &mut diags);
        }
        let gr = &v.grammar;
        v.aux = WordSet::union(&[&gr.be_forms, &gr.auxiliaries, &gr.modals]);
        v.det = WordSet::union(&[&gr.determiners, &gr.quantifiers]);
        v.function = WordSet::union(&[
            &v.names.not_names, &v.det, &v.aux, &gr.coordinators, &gr.subject_pronouns, &gr.complementizers, &gr.prepositions, &gr.relative_pronouns,
            &gr.expletives, &gr.negations, &gr.person_pronouns,
        ]);
        v.closed = WordSet::union(&[
            &v.det, &v.aux, &gr.prepositions, &gr.coordinators, &gr.subject_pronouns, &gr.object_pronouns, &gr.complementizers, &gr.relative_pronouns,
        ]);
        if diags.is_empty() { Ok(v) } else { Err(diags) }
    }

    /// The built-in vocabulary (tests and examples).
    pub fn builtin() -> &'static Vocabulary {
        static BUILTIN: std::sync::LazyLock<Vocabulary> =
            std::sync::LazyLock::new(|| Vocabulary::compile(&DataFiles::builtin()).expect("built-in lexicon compiles"));
        &BUILTIN
    }

    /// Whether a key is a filler word of speech.
    pub fn is_filler(&self, key: &str) -> bool {
        self.grammar.fillers.contains(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_compiles() {
        let v = Vocabulary::builtin();
        assert!(v.grammar.determiners.contains("the"));
        assert!(v.aux.contains("would") && v.aux.contains("were"));
        assert!(v.spelling.irregular_forms("said").any(|f| f == "say"));
        assert!(v.spelling.abbreviations.contains("dr"));
        assert!(v.clauses.force_verbs.has_prefix_of("attacked") && !v.clauses.force_verbs.has_prefix_of("attention"));
    }

    fn with_names(text: String) -> Result<Vocabulary, Vec<Diagnostic>> {
        let mut files = DataFiles::builtin();
        files.insert(DataFile { name: "lexicon/names.toml".into(), path: "names.toml".into(), text, builtin: false });
        Vocabulary::compile(&files)
    }

    #[test]
    fn a_word_listed_twice_is_reported_where_it_repeats() {
        let builtin = DataFiles::builtin().get("lexicon/names.toml").unwrap().text.clone();
        let text = builtin.replacen("not_names = [", "not_names = [\"Good\", ", 1);
        let diags = with_names(text.clone()).unwrap_err();
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].message.contains("listed twice in `not_names`"), "{diags:?}");
        let line = text.lines().position(|l| l.contains("\"good\",")).unwrap() + 1;
        assert_eq!(diags[0].line, line);
    }

    #[test]
    fn an_unknown_word_class_is_an_error() {
        let text = DataFiles::builtin().get("lexicon/names.toml").unwrap().text.clone() + "\nbogus = []\n";
        let diags = with_names(text).unwrap_err();
        assert!(diags.iter().any(|d| d.message.contains("unknown field `bogus`")), "{diags:?}");
    }
}
