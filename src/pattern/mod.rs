//! The pattern language: word sequences people can write without knowing
//! regular expressions, compiled once and matched against token streams.
//!
//! | syntax | meaning |
//! | --- | --- |
//! | `respond` | the word in any inflection (`responds`, `responded`, ...) and spelling (`defence`/`defense`) |
//! | `=respond` | exactly this form |
//! | `retaliat*` | any word starting with `retaliat` |
//! | `~deterrence` | a fuzzy word (speech-to-text misspellings: `deterrance`) |
//! | `will\|would` | one word out of several (no spaces around `\|`) |
//! | `(carry out \| launch)` | one sequence out of several (spaces around `\|`) |
//! | `[very]`, `very?` | optional words |
//! | `...`, `...6` | a gap of up to 4 (or 6) words |
//! | `_` | any one word |
//! | `@pronoun`, `@number`, `@cap` | a pronoun, a number, a capitalised word |
//!
//! Matching folds case and accents, skips filler words (`uh`, `um`) and
//! never lets a gap cross the end of a sentence. Every pattern needs one
//! plain word to anchor on (its rarest): a [`PatternSet`] looks each token
//! of a document up once in a hash table of the anchors of all its
//! patterns, then verifies each pattern only where its anchor occurs, so
//! adding rules adds little cost. This module knows nothing about labels or speakers.

use crate::config::strict::Root;
use crate::error::Diagnostic;
use crate::text::hash::{Bits, key_hash};
use crate::text::inflect;
use crate::text::token::{CAP, TokKind, Tokens};
use crate::text::vocab::Vocabulary;
use std::ops::Range;
use toml::Spanned;

/// Deepest nesting of `( )` and `[ ]` in a pattern (matching recurses
/// through groups; real patterns nest two or three deep).
pub const MAX_NESTING: usize = 16;
/// Longest pattern, in bytes (matching recurses once per element; real
/// patterns are a line).
pub const MAX_PATTERN_BYTES: usize = 1000;

/// Longest gap a pattern may ask for.
pub(crate) const MAX_GAP: usize = 12;

/// A problem in a pattern, at a character offset of the pattern string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// Byte offset in the pattern text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

/// Classes of tokens a pattern can name with `@`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Class {
    /// A subject pronoun (`he`, `she`, `it`, `they`, `we`, `i`, `you`: the
    /// class `subject_pronouns` of the vocabulary).
    Pronoun(Vec<String>),
    /// A number.
    Number,
    /// A capitalised word.
    Cap,
    /// A class the caller decides (`@actor`: a word inside an actor's name).
    Context(String),
}

#[derive(Debug, Clone)]
enum Atom {
    /// Any of these keys.
    Word(Forms),
    /// A key prefix.
    Prefix(String),
    /// A key within a small edit distance of one of these forms.
    Fuzzy(Vec<String>),
    Class(Class),
    Any,
}

#[derive(Debug, Clone)]
enum Elem {
    /// One token matching any of the atoms.
    Atoms(Vec<Atom>),
    /// One of several sequences; the words they and each can open with.
    Alt(Vec<Vec<Elem>>, Box<AltFirst>),
    /// An optional sequence.
    Opt(Vec<Elem>),
    /// Up to n tokens; the words what follows can open with, when known.
    Gap(usize, Option<Box<First>>),
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The pattern as written.
    pub source: String,
    elems: Vec<Elem>,
    /// The words the pattern is found by (none: it is tried at every token).
    anchors: Vec<Anchor>,
    /// Every word (and word start) a match can begin with, when that is
    /// known: a start with another word is refused at once.
    first: Option<First>,
}

/// The keys one word of a pattern stands for, with their hashes
/// ([`key_hash`]): a token is compared with a key only when the hashes agree.
#[derive(Debug, Clone)]
struct Forms {
    hashes: Vec<u32>,
    words: Vec<String>,
}

impl Forms {
    fn new(words: Vec<String>) -> Forms {
        Forms { hashes: words.iter().map(|w| key_hash(w)).collect(), words }
    }

    /// Whether token `t` is one of the forms.
    fn matches(&self, toks: &Tokens, t: usize) -> bool {
        let hash = toks.toks[t].hash;
        self.hashes.iter().zip(&self.words).any(|(&h, w)| h == hash && w == toks.key(t))
    }
}

/// The bit of [`First::prefix_heads`] for the first one or two bytes of a prefix.
fn prefix_head(head: &[u8]) -> usize {
    match head {
        [b] => usize::from(*b),
        [_, _, ..] => 256 + head_bit(head),
        [] => 0,
    }
}

/// The words a pattern's match can begin with.
#[derive(Debug, Clone, Default)]
struct First {
    /// The words' hashes modulo 1024: most tokens are refused on them.
    bloom: Bits<16>,
    /// The words' [`key_hash`]es. A word that shares a hash with one of
    /// them is let through, to be refused by the match itself: this only
    /// spares work. Sorted.
    words: Vec<u32>,
    prefixes: Vec<String>,
    /// The first two bytes of the prefixes (modulo 4096), or for a one-byte
    /// prefix its byte alone: most tokens are refused on them. (A prefix
    /// is never empty: the parser refuses an empty word.)
    prefix_heads: Bits<64>,
}

impl First {
    fn add(&mut self, word: &str) {
        let hash = key_hash(word);
        self.bloom.set(hash as usize);
        if let Err(at) = self.words.binary_search(&hash) {
            self.words.insert(at, hash);
        }
    }

    /// Whether token `t` may open a match (a hash shared by chance lets a
    /// token through; the match refuses it).
    #[inline(always)]
    fn admits(&self, toks: &Tokens, t: usize) -> bool {
        let hash = toks.toks[t].hash;
        if self.bloom.has(hash as usize) && self.words.binary_search(&hash).is_ok() {
            return true;
        }
        if self.prefixes.is_empty() {
            return false;
        }
        // The token's first two bytes give both heads; the key is read only
        // when one of them is a prefix's.
        let tok = &toks.toks[t];
        let [b0, b1] = tok.head.to_be_bytes();
        let head = match tok.key_len() {
            0 => false,
            1 => self.prefix_heads.has(prefix_head(&[b0])),
            _ => self.prefix_heads.has(prefix_head(&[b0])) || self.prefix_heads.has(prefix_head(&[b0, b1])),
        };
        head && self.has_prefix_of(toks.key(t))
    }

    /// Whether `key` starts with one of the prefixes.
    fn has_prefix_of(&self, key: &str) -> bool {
        self.prefixes.iter().any(|p| key.starts_with(p.as_str()))
    }

    /// Adds the words and prefixes of `other`.
    fn merge(&mut self, other: &First) {
        for &hash in &other.words {
            self.bloom.set(hash as usize);
            if let Err(at) = self.words.binary_search(&hash) {
                self.words.insert(at, hash);
            }
        }
        other.prefixes.iter().for_each(|p| self.add_prefix(p));
    }

    fn add_prefix(&mut self, prefix: &str) {
        let b = prefix.as_bytes();
        self.prefix_heads.set(prefix_head(&b[..b.len().min(2)]));
        self.prefixes.push(prefix.to_string());
    }
}

/// The plain words and prefixes a sequence's first token must be, if only
/// such atoms can open it (optional elements add theirs and look further).
fn first_words(seq: &[Elem], out: &mut First) -> bool {
    for e in seq {
        match e {
            Elem::Atoms(atoms) => {
                for a in atoms {
                    match a {
                        Atom::Word(forms) => forms.words.iter().for_each(|w| out.add(w)),
                        Atom::Prefix(p) => out.add_prefix(p),
                        _ => return false,
                    }
                }
                return true;
            }
            // An alternation already guarded: its first words are known.
            Elem::Alt(alts, g) if g.each.len() == alts.len() => {
                return g.all.as_ref().is_some_and(|all| {
                    out.merge(all);
                    true
                });
            }
            Elem::Alt(alts, _) => {
                for alt in alts {
                    if min_len(alt) == 0 || !first_words(alt, out) {
                        return false;
                    }
                }
                return true;
            }
            Elem::Opt(inner) => {
                if !first_words(inner, out) {
                    return false;
                }
            }
            Elem::Gap(..) => return false,
        }
    }
    false
}

/// The first words of a sequence, if only words and prefixes can open it.
fn first_of(seq: &[Elem]) -> Option<Box<First>> {
    let mut f = First::default();
    first_words(seq, &mut f).then(|| Box::new(f))
}

/// Gives each gap the first words of what follows it, and each `( | )`
/// those of its alternatives, so matching refuses a position on one look.
fn guard(seq: &mut [Elem]) {
    for i in 0..seq.len() {
        let (this, rest) = seq[i..].split_first_mut().expect("i is in range");
        match this {
            Elem::Gap(_, g) => *g = first_of(rest),
            Elem::Alt(alts, g) => {
                alts.iter_mut().for_each(|a| guard(a));
                let firsts: Vec<Option<Box<First>>> = alts.iter().map(|a| if min_len(a) > 0 { first_of(a) } else { None }).collect();
                let all = firsts.iter().all(Option::is_some).then(|| {
                    let mut all = First::default();
                    firsts.iter().flatten().for_each(|f| all.merge(f));
                    all
                });
                let each = firsts.iter().map(|f| f.as_deref().map(Opener::of)).collect();
                **g = AltFirst { all, each };
            }
            Elem::Opt(inner) => guard(inner),
            Elem::Atoms(_) => {}
        }
    }
}

/// The words a `( | )` can open with, when known: all its alternatives'
/// (a position none can open is refused on one look), and each one's (the
/// alternatives that cannot open at a position are not tried there).
#[derive(Debug, Clone, Default)]
struct AltFirst {
    all: Option<First>,
    each: Vec<Option<Opener>>,
}

/// The words and prefixes one alternative can open with: a [`First`]
/// without its filters (an alternative opens with a few words, and a
/// `First` takes 700 bytes).
#[derive(Debug, Clone)]
struct Opener {
    /// The words' [`key_hash`]es, sorted.
    words: Vec<u32>,
    prefixes: Vec<String>,
}

impl Opener {
    fn of(first: &First) -> Opener {
        Opener { words: first.words.clone(), prefixes: first.prefixes.clone() }
    }

    /// Whether token `t` may open the alternative ([`First::admits`]).
    #[inline]
    fn admits(&self, toks: &Tokens, t: usize) -> bool {
        let [b0, _] = toks.toks[t].head.to_be_bytes();
        self.words.binary_search(&toks.toks[t].hash).is_ok() || self.prefixes.iter().any(|p| p.as_bytes()[0] == b0 && toks.key(t).starts_with(p.as_str()))
    }
}

/// Where a pattern matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Tokens matched by words of the pattern (not by gaps or `_`).
    pub literals: Vec<usize>,
}

/// What the matcher needs to know about a document besides its tokens.
pub struct Env<'a> {
    /// The tokens.
    pub toks: &'a Tokens,
    /// Tokens to skip (filler words), one flag per token.
    pub skip: &'a [bool],
    /// Contextual classes (`@actor`).
    pub class: &'a dyn Fn(&str, usize) -> bool,
}

const SENTENCE_END: &[&str] = &[".", "!", "?", ";"];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '-' | '.' | '%' | '$' | '’')
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    vocab: &'a Vocabulary,
    /// Groups open around the current position.
    depth: usize,
}

impl<'a> Parser<'a> {
    fn err<T>(&self, offset: usize, message: impl Into<String>) -> Result<T, PatternError> {
        Err(PatternError { offset, message: message.into() })
    }

    fn skip_ws(&mut self) {
        while let Some(c) = self.src[self.pos..].chars().next() {
            if c.is_whitespace() {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
    }

    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    /// Opens a group at `at`, unless groups nest too deep.
    fn enter(&mut self, at: usize) -> Result<(), PatternError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return self.err(at, format!("groups nest more than {MAX_NESTING} deep"));
        }
        Ok(())
    }

    /// A sequence up to `)` / `]` / ` | ` (inside groups) or the end.
    fn seq(&mut self, in_group: bool) -> Result<Vec<Elem>, PatternError> {
        let mut out = Vec::new();
        loop {
            self.skip_ws();
            let Some(c) = self.peek() else { break };
            match c {
                ')' | ']' => break,
                '|' if in_group => break,
                '|' => return self.err(self.pos, "`|` with spaces around it separates sequences inside ( ); between single words write `a|b`"),
                '(' => {
                    let open = self.pos;
                    self.pos += 1;
                    self.enter(open)?;
                    let mut alts = vec![self.seq(true)?];
                    loop {
                        self.skip_ws();
                        match self.peek() {
                            Some('|') => {
                                self.pos += 1;
                                alts.push(self.seq(true)?);
                            }
                            Some(')') => {
                                self.pos += 1;
                                self.depth -= 1;
                                break;
                            }
                            _ => return self.err(open, "unclosed `(`"),
                        }
                    }
                    if alts.iter().any(Vec::is_empty) {
                        return self.err(open, "empty alternative in `( )`");
                    }
                    let optional = self.peek() == Some('?');
                    if optional {
                        self.pos += 1;
                    }
                    let e = Elem::Alt(alts, Box::default());
                    out.push(if optional { Elem::Opt(vec![e]) } else { e });
                }
                '[' => {
                    let open = self.pos;
                    self.pos += 1;
                    self.enter(open)?;
                    let inner = self.seq(false)?;
                    self.depth -= 1;
                    self.skip_ws();
                    if self.peek() != Some(']') {
                        return self.err(open, "unclosed `[`");
                    }
                    self.pos += 1;
                    if inner.is_empty() {
                        return self.err(open, "empty `[ ]`");
                    }
                    out.push(Elem::Opt(inner));
                }
                '.' if self.src[self.pos..].starts_with("...") => {
                    let at = self.pos;
                    self.pos += 3;
                    let digits: String = self.src[self.pos..].chars().take_while(char::is_ascii_digit).collect();
                    self.pos += digits.len();
                    let n = if digits.is_empty() { 4 } else { digits.parse().unwrap_or(usize::MAX) };
                    if n == 0 || n > MAX_GAP {
                        return self.err(at, format!("a gap is 1 to {MAX_GAP} words (`...` is 4, `...6` is 6)"));
                    }
                    out.push(Elem::Gap(n, None));
                }
                _ => out.push(self.atoms()?),
            }
        }
        Ok(out)
    }

    /// `a|b|c` with an optional trailing `?`.
    fn atoms(&mut self) -> Result<Elem, PatternError> {
        let mut alts: Vec<Vec<Elem>> = Vec::new();
        loop {
            let at = self.pos;
            let word: String = self.src[self.pos..].chars().take_while(|&c| !c.is_whitespace() && !matches!(c, '|' | '(' | ')' | '[' | ']')).collect();
            self.pos += word.len();
            if word.is_empty() {
                return self.err(at, "expected a word");
            }
            let (word, optional_tail) = match word.strip_suffix('?') {
                Some(w) if !w.is_empty() => (w.to_string(), true),
                _ => (word, false),
            };
            if optional_tail && self.peek() == Some('|') {
                return self.err(at, "put `?` after the last alternative: `a|b?`");
            }
            alts.push(self.atom(&word, at)?);
            if self.peek() == Some('|') {
                self.pos += 1;
                if self.peek().is_none_or(char::is_whitespace) {
                    return self.err(self.pos - 1, "`|` needs a word on both sides");
                }
                continue;
            }
            let single: Option<Vec<Atom>> = alts
                .iter()
                .map(|a| match a.as_slice() {
                    [Elem::Atoms(x)] if x.len() == 1 => Some(x[0].clone()),
                    _ => None,
                })
                .collect();
            let e = match single {
                Some(atoms) => Elem::Atoms(atoms),
                None => Elem::Alt(alts, Box::default()),
            };
            return Ok(if optional_tail { Elem::Opt(vec![e]) } else { e });
        }
    }

    /// One written word: `word`, `=word`, `word*`, `~word`, `_`, `@class`.
    /// Returns the token sequence it stands for.
    fn atom(&self, word: &str, at: usize) -> Result<Vec<Elem>, PatternError> {
        if word == "_" {
            return Ok(vec![Elem::Atoms(vec![Atom::Any])]);
        }
        if let Some(class) = word.strip_prefix('@') {
            let c = match class {
                "pronoun" => Class::Pronoun(self.vocab.grammar.subject_pronouns.sorted().into_iter().map(str::to_string).collect()),
                "number" => Class::Number,
                "cap" => Class::Cap,
                "actor" => Class::Context("actor".into()),
                _ => return self.err(at, format!("unknown class `@{class}` (known: @pronoun, @number, @cap, @actor)")),
            };
            return Ok(vec![Elem::Atoms(vec![Atom::Class(c)])]);
        }
        let (mode, body) = match word.chars().next() {
            Some('=') => ('=', &word[1..]),
            Some('~') => ('~', &word[1..]),
            _ => (' ', word),
        };
        let (body, prefix) = match body.strip_suffix('*') {
            Some(b) => (b, true),
            None => (body, false),
        };
        if body.is_empty() {
            return self.err(at, "empty word");
        }
        if body.contains('*') {
            return self.err(at, "`*` may only end a word (`retaliat*`)");
        }
        if prefix && mode != ' ' {
            return self.err(at, "`*` cannot be combined with `=` or `~`");
        }
        if let Some(bad) = body.chars().find(|&c| !is_word_char(c) && !matches!(c, ',' | ':' | '?' | '!' | '"')) {
            return self.err(at, format!("unexpected character `{bad}` in a word"));
        }
        if body.chars().any(|c| c == '"') {
            return self.err(at, "quote marks are not words and never match; leave them out");
        }
        // Tokenize the word the way documents are tokenized.
        let toks = Tokens::phrase(body, self.vocab);
        if toks.is_empty() {
            return self.err(at, format!("`{word}` contains no word characters and can never match"));
        }
        let keys: Vec<String> = (0..toks.len()).map(|i| toks.key(i).to_string()).collect();
        for k in &keys {
            if self.vocab.is_filler(k) {
                return self.err(at, format!("`{k}` is a filler word, skipped in text, so it can never match"));
            }
        }
        let n = keys.len();
        let mut seq = Vec::with_capacity(n);
        for (i, k) in keys.iter().enumerate() {
            let last = i + 1 == n;
            let atom = if last && prefix {
                Atom::Prefix(k.clone())
            } else if mode == '=' || toks.toks[i].kind != TokKind::Word {
                Atom::Word(Forms::new(vec![k.clone()]))
            } else if mode == '~' {
                Atom::Fuzzy(inflect::forms(k, &self.vocab.spelling))
            } else {
                Atom::Word(Forms::new(inflect::forms(k, &self.vocab.spelling)))
            };
            seq.push(Elem::Atoms(vec![atom]));
        }
        // A hyphenated word also matches its parts written apart: "self-defence" ~ "self defence".
        if n == 1 && body.contains('-') && mode != '=' {
            let parts: Vec<&str> = body.split('-').filter(|p| !p.is_empty()).collect();
            if parts.len() > 1 {
                let mut split = Vec::new();
                for (i, p) in parts.iter().enumerate() {
                    let last = i + 1 == parts.len();
                    let k = crate::text::normalize::fold_key(p);
                    split.push(Elem::Atoms(vec![if last && prefix {
                        Atom::Prefix(k)
                    } else if last {
                        Atom::Word(Forms::new(inflect::forms(&k, &self.vocab.spelling)))
                    } else {
                        Atom::Word(Forms::new(vec![k]))
                    }]));
                }
                return Ok(vec![Elem::Alt(vec![seq, split], Box::default())]);
            }
        }
        Ok(seq)
    }
}

/// Longest number of tokens a sequence can take.
fn max_len(seq: &[Elem]) -> usize {
    seq.iter()
        .map(|e| match e {
            Elem::Atoms(_) => 1,
            Elem::Alt(alts, _) => alts.iter().map(|a| max_len(a)).max().unwrap_or(0),
            Elem::Opt(inner) => max_len(inner),
            Elem::Gap(n, _) => *n,
        })
        .sum()
}

/// Shortest number of tokens a sequence can take.
fn min_len(seq: &[Elem]) -> usize {
    seq.iter()
        .map(|e| match e {
            Elem::Atoms(_) => 1,
            Elem::Alt(alts, _) => alts.iter().map(|a| min_len(a)).min().unwrap_or(0),
            Elem::Opt(_) | Elem::Gap(..) => 0,
        })
        .sum()
}

/// A word a pattern is found by: every match holds one of its anchors.
#[derive(Debug, Clone)]
struct Anchor {
    /// The key, or a key prefix.
    lit: String,
    prefix: bool,
    /// The most tokens the match can take before it.
    before: usize,
}

/// How common a literal is, as an anchor: a function word ("in", "will",
/// "not") occurs at every other token, a content word seldom.
fn anchor_cost(lit: &str, prefix: bool, vocab: &Vocabulary) -> usize {
    // Clitics ("'s", "'ll") and punctuation are as common as function words.
    if lit.starts_with('\'') || !lit.chars().any(char::is_alphanumeric) {
        return COMMON_ANCHOR;
    }
    match (vocab.function.contains(lit), prefix) {
        // Words listed only as never being names ("said", "welcome",
        // "monday") are common, but far from "to" or "the".
        (true, _) if vocab.names.not_names.contains(lit) && !vocab.closed.contains(lit) => COMMON_ANCHOR / 10,
        (true, _) => COMMON_ANCHOR,
        (false, true) if lit.len() <= 3 => COMMON_ANCHOR / 2,
        _ => 1,
    }
}

/// The cheapest anchors of a sequence (each with the tokens before it in
/// the sequence) and their summed cost: one mandatory element's literals.
fn sequence_anchors(seq: &[Elem], vocab: &Vocabulary) -> Option<(Vec<Anchor>, usize)> {
    let mut best: Option<(Vec<Anchor>, usize)> = None;
    let mut before = 0;
    for e in seq {
        let mandatory = !matches!(e, Elem::Opt(_) | Elem::Gap(..));
        if let Some((mut lits, cost)) = element_anchors(e, vocab).filter(|_| mandatory)
            && best.as_ref().is_none_or(|(_, b)| cost < *b)
        {
            for a in &mut lits {
                a.before += before;
            }
            best = Some((lits, cost));
        }
        before += max_len(std::slice::from_ref(e));
    }
    best
}

/// The literal keys and prefixes a token matching this element must be or
/// start with (for `( | )`, the cheapest of each alternative), and their cost.
fn element_anchors(e: &Elem, vocab: &Vocabulary) -> Option<(Vec<Anchor>, usize)> {
    match e {
        Elem::Atoms(atoms) => {
            let mut out = Vec::new();
            for a in atoms {
                match a {
                    Atom::Word(forms) => out.extend(forms.words.iter().map(|f| Anchor { lit: f.clone(), prefix: false, before: 0 })),
                    Atom::Prefix(p) => out.push(Anchor { lit: p.clone(), prefix: true, before: 0 }),
                    _ => return None,
                }
            }
            let cost = out.iter().map(|a| anchor_cost(&a.lit, a.prefix, vocab)).sum();
            Some((out, cost))
        }
        Elem::Alt(alts, _) => {
            let mut out = Vec::new();
            let mut cost = 0;
            for a in alts {
                let (lits, c) = sequence_anchors(a, vocab)?;
                out.extend(lits);
                cost += c;
            }
            Some((out, cost))
        }
        _ => None,
    }
}

impl Pattern {
    /// Parses a pattern; `vocab` gives the fillers (which patterns may not
    /// name), word forms and abbreviations.
    pub fn parse(src: &str, vocab: &Vocabulary) -> Result<Pattern, PatternError> {
        if src.len() > MAX_PATTERN_BYTES {
            return Err(PatternError { offset: 0, message: format!("a pattern is at most {MAX_PATTERN_BYTES} bytes; split it into several") });
        }
        let mut p = Parser { src, pos: 0, vocab, depth: 0 };
        let elems = p.seq(false)?;
        p.skip_ws();
        if p.pos < src.len() {
            return p.err(p.pos, format!("unexpected `{}`", &src[p.pos..p.pos + 1]));
        }
        if elems.is_empty() {
            return p.err(0, "empty pattern");
        }
        if matches!(elems.first(), Some(Elem::Gap(..))) || matches!(elems.last(), Some(Elem::Gap(..))) {
            return p.err(0, "a pattern cannot start or end with a gap `...`");
        }
        if min_len(&elems) == 0 {
            return p.err(0, "every part of this pattern is optional, so it matches nothing in particular");
        }
        // Anchor on the mandatory element whose words are rarest, so
        // "(will | would) ...2 respond" is found through "respond"; inside
        // `( | )`, on the rarest words of each alternative.
        let anchors = sequence_anchors(&elems, vocab).map(|(a, _)| a).unwrap_or_default();
        let first = first_of(&elems).map(|f| *f);
        let mut elems = elems;
        guard(&mut elems);
        Ok(Pattern { source: src.to_string(), elems, anchors, first })
    }

    /// The most tokens a match can take (fillers and punctuation inside gaps aside).
    pub(crate) fn max_tokens(&self) -> usize {
        max_len(&self.elems)
    }

    /// Whether the pattern has a plain word to anchor on (else it is tried at every token).
    pub fn is_anchored(&self) -> bool {
        !self.anchors.is_empty()
    }

    /// The match starting at token `start`, within `limit`, if any.
    /// (Inlined: most starts are refused on their first word, without a call.)
    #[inline(always)]
    pub fn match_at(&self, env: &Env, start: usize, limit: &Range<usize>) -> Option<Match> {
        if start >= limit.end || start < limit.start || env.skip.get(start).copied().unwrap_or(false) {
            return None;
        }
        if self.first.as_ref().is_some_and(|f| !f.admits(env.toks, start)) {
            return None;
        }
        self.match_from(env, start, limit)
    }

    /// [`Pattern::match_at`] past its first-word filter.
    fn match_from(&self, env: &Env, start: usize, limit: &Range<usize>) -> Option<Match> {
        // Most attempts fail: the literal positions go to a buffer kept for
        // the thread, and only a match gets its own copy.
        let mut lits = LITERALS.take();
        lits.clear();
        let found = match_seq(env, &self.elems, None, start, limit, &mut lits).map(|end| (end, lits.clone()));
        LITERALS.set(lits);
        let (mut end, literals) = found?;
        // Trim trailing skipped tokens from the end.
        while end > start + 1 && env.skip.get(end - 1).copied().unwrap_or(false) {
            end -= 1;
        }
        Some(Match { start, end, literals })
    }

    /// Whether the pattern matches anywhere within `scope` (stops at the first match).
    pub fn is_found(&self, env: &Env, scope: Range<usize>) -> bool {
        scope.clone().any(|t| self.match_at(env, t, &scope).is_some())
    }

    /// Every match within `scope`, leftmost first, non-overlapping (slow path, no prefilter).
    pub fn find_all(&self, env: &Env, scope: Range<usize>) -> Vec<Match> {
        let mut out: Vec<Match> = Vec::new();
        let mut t = scope.start;
        while t < scope.end {
            if let Some(m) = self.match_at(env, t, &scope) {
                t = m.end.max(t + 1);
                out.push(m);
            } else {
                t += 1;
            }
        }
        out
    }
}

/// Advances from `t` past skipped tokens.
fn skip_fillers(env: &Env, mut t: usize, limit: &Range<usize>) -> usize {
    while t < limit.end && env.skip.get(t).copied().unwrap_or(false) {
        t += 1;
    }
    t
}

fn atom_matches(env: &Env, a: &Atom, t: usize) -> bool {
    let key = env.toks.key(t);
    match a {
        Atom::Word(forms) => forms.matches(env.toks, t),
        Atom::Prefix(p) => key.as_bytes().first() == p.as_bytes().first() && key.starts_with(p.as_str()),
        Atom::Fuzzy(forms) => {
            env.toks.toks[t].is_word()
                && forms.iter().any(|f| {
                    let allowed = match f.chars().count() {
                        0..=4 => 0,
                        5..=7 => 1,
                        _ => 2,
                    };
                    f == key || (key.len() + 3 > f.len() && letters_within(f, key, allowed) && strsim::damerau_levenshtein(f, key) <= allowed)
                })
        }
        Atom::Class(Class::Pronoun(words)) => words.iter().any(|w| w == key),
        Atom::Class(Class::Number) => env.toks.toks[t].kind == TokKind::Number,
        Atom::Class(Class::Cap) => env.toks.toks[t].is_word() && env.toks.toks[t].has(CAP),
        Atom::Class(Class::Context(name)) => (env.class)(name, t),
        Atom::Any => env.toks.toks[t].kind != TokKind::Punct || !SENTENCE_END.contains(&key),
    }
}

thread_local! {
    /// Literal token positions of the match being tried ([`Pattern::match_at`]).
    static LITERALS: std::cell::Cell<Vec<usize>> = const { std::cell::Cell::new(Vec::new()) };
}

/// What is left to match after the current sequence: a linked list of
/// sequences living on the call stack (no allocation per step).
struct Cont<'a> {
    seq: &'a [Elem],
    next: Option<&'a Cont<'a>>,
}

/// Matches `seq`, then the continuation, from token `t`; returns the end.
fn match_seq(env: &Env, seq: &[Elem], cont: Option<&Cont>, t: usize, limit: &Range<usize>, lits: &mut Vec<usize>) -> Option<usize> {
    let Some((e, tail)) = seq.split_first() else {
        return match cont {
            None => Some(t),
            Some(c) => match_seq(env, c.seq, c.next, t, limit, lits),
        };
    };
    match e {
        Elem::Atoms(atoms) => {
            let t = skip_fillers(env, t, limit);
            if t >= limit.end || !atoms.iter().any(|a| atom_matches(env, a, t)) {
                return None;
            }
            let literal = atoms.iter().all(|a| !matches!(a, Atom::Any));
            if literal {
                lits.push(t);
            }
            let r = match_seq(env, tail, cont, t + 1, limit, lits);
            if r.is_none() && literal {
                lits.pop();
            }
            r
        }
        Elem::Gap(n, next) => {
            // Up to n words; punctuation inside a gap is free, sentence ends stop it.
            let mut pos = t;
            let mut words = 0;
            loop {
                let mark = lits.len();
                let open = next.as_ref().is_none_or(|f| {
                    let p = skip_fillers(env, pos, limit);
                    p < limit.end && f.admits(env.toks, p)
                });
                if open && let Some(r) = match_seq(env, tail, cont, pos, limit, lits) {
                    return Some(r);
                }
                lits.truncate(mark);
                pos = skip_fillers(env, pos, limit);
                if pos >= limit.end || (env.toks.toks[pos].kind == TokKind::Punct && SENTENCE_END.contains(&env.toks.key(pos))) {
                    return None;
                }
                if env.toks.toks[pos].kind != TokKind::Punct {
                    words += 1;
                    if words > *n {
                        return None;
                    }
                }
                pos += 1;
            }
        }
        Elem::Opt(inner) => {
            let after = Cont { seq: tail, next: cont };
            let mark = lits.len();
            if let Some(r) = match_seq(env, inner, Some(&after), t, limit, lits) {
                return Some(r);
            }
            lits.truncate(mark);
            match_seq(env, tail, cont, t, limit, lits)
        }
        Elem::Alt(alts, first) => {
            let p = skip_fillers(env, t, limit);
            let open = |f: &First| p < limit.end && f.admits(env.toks, p);
            if first.all.as_ref().is_some_and(|f| !open(f)) {
                return None;
            }
            let after = Cont { seq: tail, next: cont };
            for (i, alt) in alts.iter().enumerate() {
                if first.each.get(i).and_then(Option::as_ref).is_some_and(|o| !(p < limit.end && o.admits(env.toks, p))) {
                    continue;
                }
                let mark = lits.len();
                if let Some(r) = match_seq(env, alt, Some(&after), t, limit, lits) {
                    return Some(r);
                }
                lits.truncate(mark);
            }
            None
        }
    }
}

/// Whether ASCII words `a` and `b` may be `k` edits apart by their letters
/// alone: an insertion, deletion or substitution takes at most one letter
/// from what one word has more of than the other, a transposition none, so
/// the distance is at least that surplus. Most words are told apart on it
/// before any distance is computed (other text always passes).
fn letters_within(a: &str, b: &str, k: usize) -> bool {
    if !a.is_ascii() || !b.is_ascii() {
        return true;
    }
    let mut count = [0i32; 128];
    a.bytes().for_each(|c| count[usize::from(c)] += 1);
    b.bytes().for_each(|c| count[usize::from(c)] -= 1);
    let (more_a, more_b) = count.iter().fold((0, 0), |(x, y), &c| if c > 0 { (x + c, y) } else { (x, y - c) });
    more_a.max(more_b) as usize <= k
}

/// The anchoring cost of a function word against a content word's 1.
const COMMON_ANCHOR: usize = 100;

/// Many patterns, scanned together.
#[derive(Debug, Clone)]
pub struct PatternSet {
    patterns: Vec<Pattern>,
    /// Anchor words by [`key_hash`]: (word, index into `targets`).
    words: rustc_hash::FxHashMap<u32, Vec<(Box<str>, usize)>>,
    /// The [`key_hash`]es in `words`, modulo 2^16.
    word_heads: Box<Bits<1024>>,
    /// Anchor prefixes of two bytes or more, by their first two bytes.
    prefixes: rustc_hash::FxHashMap<[u8; 2], Vec<(Box<str>, usize)>>,
    /// The first two bytes of `prefixes`: most tokens are let go on them.
    prefix_heads: Box<Bits<1024>>,
    /// Anchor prefixes of one byte.
    short_prefixes: Vec<(Box<str>, usize)>,
    /// For each anchor: (pattern index, tokens before the anchor).
    targets: Vec<Vec<(usize, usize)>>,
    /// Patterns without an anchor, tried at every token.
    unanchored: Vec<usize>,
}

/// Where the anchors of a [`PatternSet`] occur in one document: (token, pattern, tokens before anchor).
#[derive(Debug, Clone, Default)]
pub struct Hits {
    hits: Vec<(usize, usize, usize)>,
}

/// A key's first two bytes as one number (for `prefix_heads`).
fn head_bit(key: &[u8]) -> usize {
    usize::from(key[0]) << 8 | usize::from(key[1])
}

impl PatternSet {
    /// Builds the prefilter over all patterns.
    pub fn new(patterns: Vec<Pattern>) -> PatternSet {
        let mut index: std::collections::HashMap<(&str, bool), usize> = std::collections::HashMap::new();
        let mut set = PatternSet {
            patterns: Vec::new(),
            words: Default::default(),
            prefixes: Default::default(),
            word_heads: Box::default(),
            prefix_heads: Box::default(),
            short_prefixes: Vec::new(),
            targets: Vec::new(),
            unanchored: Vec::new(),
        };
        for (pi, p) in patterns.iter().enumerate() {
            if p.anchors.is_empty() {
                set.unanchored.push(pi);
                continue;
            }
            for &Anchor { ref lit, prefix, before } in &p.anchors {
                let id = *index.entry((lit.as_str(), prefix)).or_insert_with(|| {
                    let id = set.targets.len();
                    set.targets.push(Vec::new());
                    let b = lit.as_bytes();
                    let entry = (Box::from(lit.as_str()), id);
                    if !prefix {
                        let hash = key_hash(lit);
                        set.word_heads.set(hash as usize);
                        set.words.entry(hash).or_default().push(entry);
                    } else if b.len() >= 2 {
                        set.prefix_heads.set(head_bit(b));
                        set.prefixes.entry([b[0], b[1]]).or_default().push(entry);
                    } else {
                        set.short_prefixes.push(entry);
                    }
                    id
                });
                if !set.targets[id].contains(&(pi, before)) {
                    set.targets[id].push((pi, before));
                }
            }
        }
        // Sorted, so that a token with one anchor adds its hits in order.
        set.targets.iter_mut().for_each(|t| t.sort_unstable());
        set.patterns = patterns;
        set
    }

    /// Looks every token up once for every anchor.
    pub fn hits(&self, toks: &Tokens) -> Hits {
        let mut hits = Vec::new();
        if !self.targets.is_empty() {
            for t in 0..toks.len() {
                let tok = &toks.toks[t];
                let from = hits.len();
                let mut anchors = 0;
                let mut hit = |id: usize| {
                    anchors += 1;
                    hits.extend(self.targets[id].iter().map(|&(pi, before)| (t, pi, before)));
                };
                // The key is read only when a filter lets the token through.
                if self.word_heads.has(tok.hash as usize)
                    && let Some(list) = self.words.get(&tok.hash)
                {
                    list.iter().filter(|(w, _)| **w == *toks.key(t)).for_each(|&(_, id)| hit(id));
                }
                if tok.key_len() >= 2
                    && self.prefix_heads.has(usize::from(tok.head))
                    && let Some(list) = self.prefixes.get(&tok.head.to_be_bytes())
                {
                    list.iter().filter(|(p, _)| toks.key(t).starts_with(&**p)).for_each(|&(_, id)| hit(id));
                }
                self.short_prefixes.iter().filter(|(p, _)| toks.key(t).starts_with(&**p)).for_each(|&(_, id)| hit(id));
                // Tokens come in order: sorting each token's hits sorts them
                // all (one anchor's targets are sorted already).
                if anchors > 1 {
                    hits[from..].sort_unstable();
                }
            }
        }
        hits.dedup();
        Hits { hits }
    }

    /// Every match of every pattern within `scope`: (pattern index, match),
    /// ordered by pattern, then position; matches of one pattern do not overlap.
    pub fn matches(&self, env: &Env, hits: &Hits, scope: Range<usize>) -> Vec<(usize, Match)> {
        self.matches_among(env, hits, scope, 0..self.patterns.len())
    }

    /// [`PatternSet::matches`] of the patterns in `among` only.
    fn matches_among(&self, env: &Env, hits: &Hits, scope: Range<usize>, among: Range<usize>) -> Vec<(usize, Match)> {
        let lo = hits.hits.partition_point(|h| h.0 < scope.start);
        let mut found: Vec<(usize, Match)> = Vec::new();
        for &(t, pi, before) in hits.hits[lo..].iter().take_while(|h| h.0 < scope.end).filter(|h| among.contains(&h.1)) {
            // Candidate starts: the anchor token, and up to `before` earlier
            // tokens; punctuation, which a gap passes over for free, and
            // fillers are not counted.
            let mut start = t;
            let mut k = 0;
            loop {
                if let Some(m) = self.patterns[pi].match_at(env, start, &scope) {
                    found.push((pi, m));
                }
                if k == before || start == scope.start {
                    break;
                }
                start -= 1;
                while start > scope.start && (env.skip.get(start).copied().unwrap_or(false) || env.toks.toks[start].kind == TokKind::Punct) {
                    if env.toks.toks[start].kind == TokKind::Punct && !env.skip.get(start).copied().unwrap_or(false) {
                        // Punctuation may itself be a pattern's first token (`_`): try it too.
                        if let Some(m) = self.patterns[pi].match_at(env, start, &scope) {
                            found.push((pi, m));
                        }
                    }
                    start -= 1;
                }
                k += 1;
            }
        }
        for &pi in self.unanchored.iter().filter(|pi| among.contains(pi)) {
            found.extend(self.patterns[pi].find_all(env, scope.clone()).into_iter().map(|m| (pi, m)));
        }
        found.sort_by_key(|a| (a.0, a.1.start, a.1.end));
        found.dedup_by(|a, b| a.0 == b.0 && a.1.start == b.1.start);
        // Keep non-overlapping matches per pattern, leftmost first.
        let mut out: Vec<(usize, Match)> = Vec::with_capacity(found.len());
        for (pi, m) in found {
            if let Some((lp, lm)) = out.last()
                && *lp == pi
                && m.start < lm.end
            {
                continue;
            }
            out.push((pi, m));
        }
        out
    }
}

/// Several lists of patterns scanned as one set: one pass over a document
/// finds the anchors of all of them, and the matches come back list by list.
#[derive(Debug, Clone)]
pub struct PatternGroups {
    set: PatternSet,
    /// Where each list starts among the set's patterns, and one past the last.
    bounds: Vec<usize>,
}

impl PatternGroups {
    /// Builds the one prefilter over every list.
    pub fn new(groups: Vec<Vec<Pattern>>) -> PatternGroups {
        let mut bounds = vec![0];
        let mut all = Vec::new();
        for g in groups {
            all.extend(g);
            bounds.push(all.len());
        }
        PatternGroups { set: PatternSet::new(all), bounds }
    }

    /// Scans a document once for the anchors of every list.
    pub fn hits(&self, toks: &Tokens) -> Hits {
        self.set.hits(toks)
    }

    /// The matches of list `group` within `scope`, as a [`PatternSet`] of
    /// that list alone gives them: (pattern index in the list, match), by
    /// pattern, then position.
    pub fn matches_of(&self, group: usize, env: &Env, hits: &Hits, scope: Range<usize>) -> Vec<(usize, Match)> {
        let among = self.bounds[group]..self.bounds[group + 1];
        let base = among.start;
        let mut out = self.set.matches_among(env, hits, scope, among);
        for (pi, _) in &mut out {
            *pi -= base;
        }
        out
    }

    /// The matches of each list over the whole document (see [`PatternGroups::matches_of`]).
    pub fn matches(&self, env: &Env) -> Vec<Vec<(usize, Match)>> {
        let hits = self.set.hits(env.toks);
        (0..self.bounds.len() - 1).map(|g| self.matches_of(g, env, &hits, 0..env.toks.len())).collect()
    }
}

/// Compiles a list of patterns written in a data file, reporting each bad one.
pub(crate) fn compile_patterns(root: &Root, list: &[Spanned<String>], vocab: &Vocabulary, diags: &mut Vec<Diagnostic>) -> Vec<Pattern> {
    let mut out = Vec::new();
    for p in list {
        match Pattern::parse(p.get_ref(), vocab) {
            Ok(pat) => out.push(pat),
            Err(e) => diags.push(root.diag(p.span().start + 1 + e.offset, format!("bad pattern {:?}: {}", p.get_ref(), e.message))),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_for<'a>(toks: &'a Tokens, skip: &'a [bool]) -> Env<'a> {
        Env { toks, skip, class: &|_, _| false }
    }

    fn fillers() -> &'static Vocabulary {
        Vocabulary::builtin()
    }

    /// The text each match of `pat` covers in `text`.
    fn find(pat: &str, text: &str) -> Vec<String> {
        let p = Pattern::parse(pat, fillers()).unwrap();
        let toks = Tokens::phrase(text, fillers());
        let skip: Vec<bool> = (0..toks.len()).map(|i| matches!(toks.key(i), "uh" | "um")).collect();
        let env = env_for(&toks, &skip);
        let set = PatternSet::new(vec![p.clone()]);
        let hits = set.hits(&toks);
        let fast: Vec<String> = set.matches(&env, &hits, 0..toks.len()).into_iter().map(|(_, m)| text[toks.span(m.start..m.end)].to_string()).collect();
        let slow: Vec<String> = p.find_all(&env, 0..toks.len()).into_iter().map(|m| text[toks.span(m.start..m.end)].to_string()).collect();
        assert_eq!(fast, slow, "prefilter and full scan disagree for {pat:?}");
        fast
    }

    #[test]
    fn words_match_any_inflection() {
        assert_eq!(find("respond", "Israel responded and will respond"), ["responded", "respond"]);
        assert_eq!(find("=respond", "Israel responded and will respond"), ["respond"]);
    }

    #[test]
    fn alternatives_optional_and_gaps() {
        assert_eq!(find("will|would respond", "it would respond"), ["would respond"]);
        assert_eq!(find("(carry out | launch) strike*", "they launched strikes and carried out a strike"), ["launched strikes"]);
        assert_eq!(find("(carry out | launch) ... strike*", "they carried out a strike"), ["carried out a strike"]);
        assert_eq!(find("swift ... response", "a “swift, costly and lasting response,” he said"), ["swift, costly and lasting response"]);
        assert_eq!(find("swift ...2 response", "a swift, costly and lasting response"), Vec::<String>::new());
        assert_eq!(find("[maximum] restraint", "show maximum restraint"), ["maximum restraint"]);
        assert_eq!(find("show very? restraint", "show restraint or show very restraint"), ["show restraint", "show very restraint"]);
    }

    #[test]
    fn letter_surplus_never_exceeds_the_distance() {
        let words = ["deterrence", "deterrance", "detterrence", "deterrnece", "difference", "reference", "", "a", "ab", "ba", "abc", "cab", "bürger"];
        for a in words {
            for b in words {
                let d = strsim::damerau_levenshtein(a, b);
                assert!(letters_within(a, b, d), "{a:?} {b:?} at {d}");
                assert!((0..4).all(|k| d > k || letters_within(a, b, k)), "{a:?} {b:?}");
            }
        }
        assert!(!letters_within("deterrence", "difference", 2));
    }

    #[test]
    fn each_alternative_is_tried_where_it_can_open() {
        // Alternatives that open with an optional word, a prefix, or
        // nothing at all are tried at every position they can open, in
        // their order: the first that fits wins.
        assert_eq!(find("(hold [the] line | hold back) now", "hold back now and hold the line now"), ["hold back now", "hold the line now"]);
        assert_eq!(
            find("([full] retreat | withdraw*) soon", "full retreat soon, withdrawing soon, retreat soon"),
            ["full retreat soon", "withdrawing soon", "retreat soon"]
        );
        assert_eq!(find("stand (down | [firm]) today", "stand today and stand down today"), ["stand today", "stand down today"]);
        assert_eq!(find("(talk | talks about) peace", "talks about peace"), ["talks about peace"]);
    }

    #[test]
    fn prefixes_fuzzy_and_classes() {
        assert_eq!(find("retaliat*", "retaliation and retaliate"), ["retaliation", "retaliate"]);
        assert_eq!(find("~deterrence", "restore deterrance now"), ["deterrance"]);
        assert_eq!(find("@pronoun will retaliate", "they will retaliate"), ["they will retaliate"]);
        assert_eq!(find("@number %", "99 % of"), ["99 %"]);
    }

    #[test]
    fn hyphenated_words_match_joined_and_apart() {
        assert_eq!(find("de-escalat*", "to deescalate, to de-escalate, to de escalate"), ["deescalate", "de-escalate", "de escalate"]);
        assert_eq!(find("self-defence", "in self defense"), ["self defense"]);
    }

    #[test]
    fn anchors_inside_alternatives_and_guarded_gaps_find_every_match() {
        // Anchored on the rarest word of each alternative ("parties",
        // "everyone"), which comes after other words of the match.
        let p = "(urge* | call* on) ...3 (all the parties | everyone) to (hold back | stand down)";
        assert_eq!(
            find(p, "They urged, again, all the parties to hold back. We call on everyone to stand down now."),
            ["urged, again, all the parties to hold back", "call on everyone to stand down"]
        );
        assert_eq!(find(p, "They urged all the parties to talk."), Vec::<String>::new());
        // A gap followed by a clitic and a word: the gap tries only where "'s" can stand.
        assert_eq!(find("in ...2 nobody's interest", "It is in truly nobody's interest, or in nobody's."), ["in truly nobody's interest"]);
        // Fillers before what follows a gap or opens an alternative are skipped.
        assert_eq!(find("warn* ...2 (of | about) retaliation", "they warned uh of uh retaliation"), ["warned uh of uh retaliation"]);
    }

    #[test]
    fn groups_match_as_their_lists_alone_do() {
        let text = "We will respond, they said; talks will resume and we will not respond to threats.";
        let lists = [vec!["will respond", "will|would ...2 respond"], vec!["talks ...2 resume", "not"], vec![]];
        let toks = Tokens::phrase(text, fillers());
        let skip = vec![false; toks.len()];
        let env = env_for(&toks, &skip);
        let parse = |l: &Vec<&str>| l.iter().map(|p| Pattern::parse(p, fillers()).unwrap()).collect::<Vec<_>>();
        let groups = PatternGroups::new(lists.iter().map(parse).collect());
        let together = groups.matches(&env);
        for (g, list) in lists.iter().enumerate() {
            let alone = PatternSet::new(parse(list));
            assert_eq!(together[g], alone.matches(&env, &alone.hits(&toks), 0..toks.len()), "list {g}");
        }
        assert_eq!(together[0].len(), 3);
        assert!(together[2].is_empty());
    }

    #[test]
    fn gaps_count_words_not_punctuation() {
        assert_eq!(find("severe ...2 response", "a severe, painful, response"), ["severe, painful, response"]);
        assert_eq!(find("severe ...1 response", "a severe, painful, extensive response"), Vec::<String>::new());
    }

    #[test]
    fn fillers_are_skipped_and_gaps_stop_at_sentence_ends() {
        assert_eq!(find("urging egypt to pull back", "urging uh Egypt to uh pull back"), ["urging uh Egypt to uh pull back"]);
        assert_eq!(find("warn ... retaliation", "we warn. Retaliation"), Vec::<String>::new());
    }

    #[test]
    fn possessives_are_two_tokens() {
        assert_eq!(find("iran's interests", "against Iran’s interests"), ["Iran’s interests"]);
    }

    #[test]
    fn errors_point_at_the_problem() {
        let e = Pattern::parse("severe (response", fillers()).unwrap_err();
        assert_eq!(e.offset, 7);
        assert!(Pattern::parse("... response", fillers()).unwrap_err().message.contains("gap"));
        assert!(Pattern::parse("a ...99 b", fillers()).unwrap_err().message.contains("gap"));
        assert!(Pattern::parse("[maybe]", fillers()).unwrap_err().message.contains("optional"));
        assert!(Pattern::parse("uh huh", fillers()).unwrap_err().message.contains("filler"));
        assert!(Pattern::parse("@nothing here", fillers()).unwrap_err().message.contains("unknown class"));
        assert!(Pattern::parse("re*ply", fillers()).unwrap_err().message.contains("`*`"));
        assert!(Pattern::parse("", fillers()).unwrap_err().message.contains("empty"));
        let deep = format!("{}word{}", "(".repeat(12_000), ")".repeat(12_000));
        assert!(Pattern::parse(&deep, fillers()).is_err());
        let deep = format!("{}word{}", "(a | ".repeat(20), ")".repeat(20));
        assert!(Pattern::parse(&deep, fillers()).unwrap_err().message.contains("nest"));
        let nested = format!("{}word{}", "[a ".repeat(20), "]".repeat(20));
        assert!(Pattern::parse(&nested, fillers()).unwrap_err().message.contains("nest"));
        assert!(Pattern::parse(&"word ".repeat(300), fillers()).unwrap_err().message.contains("at most"));
    }

    #[test]
    fn literal_tokens_are_reported() {
        let text = "they cannot afford not to retaliate";
        let p = Pattern::parse("afford ... retaliate", fillers()).unwrap();
        let toks = Tokens::phrase(text, fillers());
        let skip = vec![false; toks.len()];
        let m = p.find_all(&env_for(&toks, &skip), 0..toks.len()).remove(0);
        let lits: Vec<&str> = m.literals.iter().map(|&i| toks.key(i)).collect();
        assert_eq!(lits, ["afford", "retaliate"]);
    }
}
