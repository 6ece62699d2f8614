//! Words of a document body, with matching keys and original byte ranges.
//!
//! The tokenizer reads the normalised text ([`NormText`]) and produces the
//! token stream every matcher works on: cue words, actor names, rule
//! patterns and claims. Each token keeps its original byte range (for
//! reporting), its normalised range, and a folded key (lowercase, no
//! accents, no hyphens, contractions expanded: `can't` -> `can` `not`).
//! Quote marks do not become tokens: [`crate::quotes`] finds quotations on
//! the original text, where curly-quote direction is still visible.
//!
//! Keys are stored once, space-separated, in one string (`" iran said it
//! will respond "`), and each token keeps a hash of its key, so that rule
//! anchors are looked up once per token and words compared by hash first.

use crate::text::hash::key_hash_bytes;
use crate::text::normalize::{NormText, fold_key};
use crate::text::vocab::{Vocabulary, WordSet};
use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (possibly with digits, hyphens or internal apostrophes).
    Word,
    /// Digits with optional separators (`1,000`, `3.5`).
    Number,
    /// One punctuation character (or `...`).
    Punct,
}

/// Token flag: first character is uppercase.
pub(crate) const CAP: u8 = 1;
/// Token flag: every letter uppercase and at least two letters.
pub(crate) const ALLCAPS: u8 = 2;
/// Token flag: first token of a paragraph (after a blank line or an excluded region).
pub(crate) const PARA: u8 = 4;
/// Token flag: first token of a line.
pub(crate) const LINE: u8 = 8;
/// Token flag: a quote mark stands right before the token.
pub(crate) const QUOTE_BEFORE: u8 = 16;
/// Token flag: a quote mark stands right after the token.
pub(crate) const QUOTE_AFTER: u8 = 32;

/// One token.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte range in the original file.
    pub start: u32,
    /// End of the byte range in the original file.
    pub end: u32,
    /// Range in the normalised text.
    pub nstart: u32,
    /// End of the range in the normalised text.
    pub nend: u32,
    /// Range of the key in [`Tokens::keys`].
    kstart: u32,
    kend: u32,
    /// [`key_hash`](crate::text::hash::key_hash) of the key: matchers compare it before the key's bytes.
    pub hash: u32,
    /// The key's first two bytes, big-endian (a one-byte key: that byte,
    /// then 0): prefix filters test it without reading the key.
    pub head: u16,
    /// What the token is.
    pub kind: TokKind,
    /// Bit set of [`CAP`], [`ALLCAPS`], [`PARA`], [`LINE`], [`QUOTE_BEFORE`], [`QUOTE_AFTER`].
    pub flags: u8,
}

impl Token {
    /// Length of the key in bytes.
    #[inline]
    pub fn key_len(&self) -> usize {
        (self.kend - self.kstart) as usize
    }

    /// Original byte range.
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
    /// Whether the token has a flag.
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
    /// Whether the token is a word (not a number or punctuation).
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
}

/// The token stream of one document region.
#[derive(Debug, Clone)]
pub struct Tokens {
    /// The normalised text the tokens were read from.
    pub norm: NormText,
    /// The tokens, in order.
    pub toks: Vec<Token>,
    /// Keys, each preceded and followed by one space.
    keys: String,
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

impl Tokens {
    /// Tokenizes `original[region]`, skipping the `excluded` original byte
    /// ranges; `abbreviations` keep their period.
    pub fn new(original: &str, region: Range<usize>, excluded: &[Range<usize>], abbreviations: &WordSet) -> Tokens {
        let norm = NormText::new(original, region);
        // News and speech run about one token per six bytes; keys take the bytes and a space each.
        let guess = norm.text.len() / 6;
        let mut keys = String::with_capacity(norm.text.len() + guess);
        keys.push(' ');
        let mut t = Tokens { toks: Vec::with_capacity(guess), keys, norm };
        t.scan(excluded, abbreviations);
        t
    }

    /// Tokens of a short phrase (a pattern word, a name in a data file).
    pub fn phrase(s: &str, vocab: &Vocabulary) -> Tokens {
        Tokens::new(s, 0..s.len(), &[], &vocab.spelling.abbreviations)
    }

    fn scan(&mut self, excluded: &[Range<usize>], abbreviations: &WordSet) {
        let text = std::mem::take(&mut self.norm.text);
        let norm = std::mem::replace(&mut self.norm, NormText::new("", 0..0));
        let mut orig = norm.cursor();
        let mut pieces: Vec<(Range<usize>, TokKind)> = Vec::with_capacity(4);
        let b = text.as_bytes();
        let mut i = 0;
        let mut pending = PARA | LINE;
        let mut quote_end = usize::MAX; // normalised offset just after the last quote mark
        let mut ex = 0; // index into excluded
        while i < b.len() {
            let c = if b[i].is_ascii() { char::from(b[i]) } else { text[i..].chars().next().expect("char boundary") };
            if c.is_whitespace() {
                if c == '\n' {
                    pending |= LINE;
                    if text[i + 1..].starts_with('\n') {
                        pending |= PARA;
                    }
                }
                i += c.len_utf8();
                continue;
            }
            if c == '"' || (c == '\'' && !self.apostrophe_word_start(&text, i)) {
                quote_end = i + 1;
                if let Some(last) = self.toks.last_mut()
                    && last.nend as usize == i
                {
                    last.flags |= QUOTE_AFTER;
                }
                i += 1;
                continue;
            }
            // Inside an excluded region: step past it, so that a word glued
            // to its end ("00:59Here's" after a time) starts where it ends.
            if ex < excluded.len() {
                let o = orig.start(i);
                while ex < excluded.len() && excluded[ex].end <= o {
                    ex += 1;
                }
                if ex < excluded.len() && excluded[ex].start <= o {
                    pending |= PARA | LINE;
                    i += c.len_utf8();
                    continue;
                }
            }
            let start = i;
            pieces.clear();
            if is_word_char(c) {
                let end = scan_word(&text, i, abbreviations);
                split_word(&text, start, end, &mut pieces);
                i = end;
            } else if text[i..].starts_with("...") {
                pieces.push((i..i + 3, TokKind::Punct));
                i += 3;
            } else {
                pieces.push((i..i + c.len_utf8(), TokKind::Punct));
                i += c.len_utf8();
            }
            for (r, kind) in pieces.drain(..) {
                let ostart = orig.start(r.start);
                let oend = orig.end(r.end);
                // Skip excluded regions (site furniture).
                while ex < excluded.len() && excluded[ex].end <= ostart {
                    ex += 1;
                }
                if ex < excluded.len() && excluded[ex].start < oend {
                    pending |= PARA | LINE;
                    continue;
                }
                let surface = &text[r.clone()];
                let mut flags = pending;
                pending = 0;
                if r.start == quote_end {
                    flags |= QUOTE_BEFORE;
                }
                let mut chars = surface.chars();
                if chars.next().is_some_and(char::is_uppercase) {
                    flags |= CAP;
                    let letters = || surface.chars().filter(|c| c.is_alphabetic());
                    if letters().nth(1).is_some() && letters().all(char::is_uppercase) {
                        flags |= ALLCAPS;
                    }
                }
                let kstart = self.keys.len() as u32;
                push_key(&mut self.keys, surface);
                let kend = self.keys.len() as u32;
                let key = &self.keys.as_bytes()[kstart as usize..];
                let hash = key_hash_bytes(key);
                let head = u16::from_be_bytes([key.first().copied().unwrap_or(0), key.get(1).copied().unwrap_or(0)]);
                self.keys.push(' ');
                self.toks.push(Token {
                    start: ostart as u32,
                    end: oend as u32,
                    nstart: r.start as u32,
                    nend: r.end as u32,
                    kstart,
                    kend,
                    hash,
                    head,
                    kind,
                    flags,
                });
            }
        }
        self.norm = norm;
        self.norm.text = text;
    }

    /// A `'` at `i` that starts a word-internal piece (`'s`, `n't`) rather than a quote.
    fn apostrophe_word_start(&self, text: &str, i: usize) -> bool {
        let prev_is_word = text[..i].chars().next_back().is_some_and(is_word_char);
        let next_is_word = text[i + 1..].chars().next().is_some_and(is_word_char);
        prev_is_word && next_is_word
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The folded key of token `i`.
    pub fn key(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.keys[t.kstart as usize..t.kend as usize]
    }

    /// The normalised surface form of token `i`.
    pub fn surface(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.norm.text[t.nstart as usize..t.nend as usize]
    }

    /// Index of the first token ending after original byte `off`.
    pub fn token_at_orig(&self, off: usize) -> usize {
        self.toks.partition_point(|t| (t.end as usize) <= off)
    }

    /// Index of the first token starting at or after original byte `off`.
    pub fn token_starting_at_or_after(&self, off: usize) -> usize {
        self.toks.partition_point(|t| (t.start as usize) < off)
    }

    /// Original byte range covering tokens `range` (empty range: empty span at the next token).
    pub fn span(&self, range: Range<usize>) -> Range<usize> {
        if range.is_empty() {
            let at = self.toks.get(range.start).map_or(self.norm.orig_end(self.norm.text.len()), |t| t.start as usize);
            return at..at;
        }
        self.toks[range.start].start as usize..self.toks[range.end - 1].end as usize
    }

    /// Normalised text covering tokens `range`.
    pub fn norm_text(&self, range: Range<usize>) -> &str {
        if range.is_empty() {
            return "";
        }
        &self.norm.text[self.toks[range.start].nstart as usize..self.toks[range.end - 1].nend as usize]
    }

    /// Keys of tokens `range` joined by single spaces.
    pub fn key_text(&self, range: Range<usize>) -> &str {
        if range.is_empty() {
            return "";
        }
        &self.keys[self.toks[range.start].kstart as usize..self.toks[range.end - 1].kend as usize]
    }

    /// Whether token `i`'s key is in `set` (tried on its hash first).
    #[inline(always)]
    pub fn is_in(&self, i: usize, set: &WordSet) -> bool {
        set.may_contain(self.toks[i].hash) && set.contains(self.key(i))
    }

    /// Whether token `i` has key `k`.
    pub fn is(&self, i: usize, k: &str) -> bool {
        i < self.toks.len() && self.key(i) == k
    }

    /// Whether token `i`'s key is one of `ks`.
    pub fn is_any(&self, i: usize, ks: &[&str]) -> bool {
        i < self.toks.len() && ks.contains(&self.key(i))
    }
}

/// End of the word starting at `i`: letters and digits, joined by internal
/// hyphens, apostrophes, and (in numbers and abbreviations) periods and commas.
fn scan_word(text: &str, mut i: usize, abbreviations: &WordSet) -> usize {
    let start = i;
    let b = text.as_bytes();
    // The part after the last period, and whether every part so far is one
    // character ("U.S.", "a.b.c"): kept as the word grows, never rescanned.
    let mut part_start = start;
    let mut parts_short = true;
    // Where the part after the last hyphen starts: "R-N.H.", "D-Ore." end in
    // an abbreviation.
    let mut seg_start = start;
    loop {
        loop {
            // ASCII letters and digits by the byte, the rest by the character.
            while b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
            }
            match text[i..].chars().next() {
                Some(c) if !c.is_ascii() && is_word_char(c) => i += c.len_utf8(),
                _ => break,
            }
        }
        // Only ASCII separators join word parts; any other character ends the word
        // (and `i + 1` is then a character boundary).
        let Some(&sep) = b.get(i).filter(|b| b.is_ascii()) else { break };
        let next_is_word = text[i + 1..].chars().next().is_some_and(is_word_char);
        let prev_digit = b[i - 1].is_ascii_digit();
        let next_digit = b.get(i + 1).is_some_and(u8::is_ascii_digit);
        match sep {
            b'-' if next_is_word => {
                i += 1;
                (seg_start, part_start) = (i, i);
            }
            b'\'' if next_is_word => i += 1,
            b'.' | b',' if prev_digit && next_digit => i += 1,
            b'.' => {
                let part = &text[part_start..i];
                let mut chars = part.chars();
                let one_char = chars.next().is_some() && chars.next().is_none();
                parts_short &= part.is_empty() || one_char;
                let single_letter = part_start == seg_start && one_char && part.chars().all(char::is_alphabetic);
                let dotted = part_start > seg_start && parts_short;
                // After a hyphen a lone letter is an initial only when another
                // follows ("R-N.H."), not at a sentence's end ("plan A-B.").
                let continues = text[i + 1..].chars().next().is_some_and(char::is_alphabetic) && text[i + 1..].chars().nth(1) == Some('.');
                if seg_start > start && single_letter && !continues {
                    break;
                }
                if single_letter || dotted {
                    // Initials and dotted abbreviations: "U.S.", "J. Smith".
                    i += 1;
                    part_start = i;
                    if !text[i..].chars().next().is_some_and(char::is_alphabetic) || text[i..].chars().nth(1).is_some_and(is_word_char) {
                        break;
                    }
                } else if abbreviations.contains(&fold_key(&text[start..i])) || (seg_start > start && abbreviations.contains(&fold_key(&text[seg_start..i]))) {
                    i += 1;
                    break;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    i
}

/// Splits a scanned word into tokens at contractions and possessives.
fn split_word(text: &str, start: usize, end: usize, out: &mut Vec<(Range<usize>, TokKind)>) {
    let word = &text[start..end];
    let kind = if word.chars().next().is_some_and(|c| c.is_ascii_digit()) && word.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        TokKind::Number
    } else {
        TokKind::Word
    };
    // Every contraction suffix has an apostrophe.
    if kind == TokKind::Word && word.contains('\'') {
        let w = word.as_bytes();
        for suffix in ["n't", "'s", "'ll", "'re", "'ve", "'m", "'d"] {
            if w.len() > suffix.len() && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes()) {
                let cut = end - suffix.len();
                out.push((start..cut, TokKind::Word));
                out.push((cut..end, TokKind::Word));
                return;
            }
        }
    }
    if kind == TokKind::Word && word.eq_ignore_ascii_case("cannot") {
        out.push((start..start + 3, TokKind::Word));
        out.push((start + 3..end, TokKind::Word));
        return;
    }
    out.push((start..end, kind));
}

/// Appends the matching key of a token surface to `keys` (ASCII words,
/// the common case, without an intermediate string).
fn push_key(keys: &mut String, surface: &str) {
    if surface.bytes().all(|b| b.is_ascii_alphanumeric()) {
        // Most words: the key is the word in lower case, unless it is the
        // first half of a split contraction ("ca" of "can't").
        let start = keys.len();
        keys.push_str(surface);
        keys[start..].make_ascii_lowercase();
        let full = match &keys[start..] {
            "ca" => "can",
            "wo" => "will",
            "sha" => "shall",
            _ => return,
        };
        keys.truncate(start);
        keys.push_str(full);
    } else {
        keys.push_str(&token_key(surface));
    }
}

/// The matching key of a token surface.
fn token_key(surface: &str) -> String {
    let folded = fold_key(surface);
    match folded.as_str() {
        "n't" => "not".into(),
        "'ll" => "will".into(),
        "'re" => "are".into(),
        "'ve" => "have".into(),
        "'m" => "am".into(),
        "'d" => "would".into(),
        "ca" => "can".into(),
        "wo" => "will".into(),
        "sha" => "shall".into(),
        _ if folded.contains('-') && folded.chars().any(char::is_alphabetic) => folded.replace('-', ""),
        _ => folded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        let t = Tokens::phrase(s, Vocabulary::builtin());
        (0..t.len()).map(|i| t.key(i).to_string()).collect()
    }

    #[test]
    fn heads_and_hashes_are_those_of_the_keys() {
        let toks = Tokens::phrase("A U.S. envoy, in Kyiv: \u{201c}Égalité\u{201d} won't hold.", Vocabulary::builtin());
        for (i, tok) in toks.toks.iter().enumerate() {
            let key = toks.key(i).as_bytes();
            let head = u16::from_be_bytes([key.first().copied().unwrap_or(0), key.get(1).copied().unwrap_or(0)]);
            assert_eq!((tok.head, tok.key_len(), tok.hash), (head, key.len(), crate::text::hash::key_hash(toks.key(i))), "token {:?}", toks.key(i));
        }
        assert!(toks.toks.iter().any(|t| t.key_len() == 1), "a one-byte key is covered");
    }

    #[test]
    fn word_set_membership_by_token_agrees_with_keys() {
        let set = WordSet::from_words(&["she", "they", "ceasefire", "Élysée"]);
        let toks = Tokens::phrase("She said the ceasefire at the Elysee would hold, they added", Vocabulary::builtin());
        for i in 0..toks.len() {
            assert_eq!(toks.is_in(i, &set), set.contains(toks.key(i)), "token {:?}", toks.key(i));
        }
        let found: Vec<&str> = (0..toks.len()).filter(|&i| toks.is_in(i, &set)).map(|i| toks.key(i)).collect();
        assert_eq!(found, ["she", "ceasefire", "elysee", "they"]);
    }

    #[test]
    fn contractions_and_possessives_split() {
        assert_eq!(keys("Iran’s leaders can’t and won't"), ["iran", "'s", "leaders", "can", "not", "and", "will", "not"]);
        assert_eq!(keys("they cannot afford"), ["they", "can", "not", "afford"]);
    }

    #[test]
    fn quotes_are_not_tokens_but_flag_neighbours() {
        let s = "a “severe response,” he said";
        let t = Tokens::phrase(s, Vocabulary::builtin());
        let ks: Vec<&str> = (0..t.len()).map(|i| t.key(i)).collect();
        assert_eq!(ks, ["a", "severe", "response", ",", "he", "said"]);
        assert!(t.toks[1].has(QUOTE_BEFORE));
        assert!(t.toks[3].has(QUOTE_AFTER));
    }

    #[test]
    fn abbreviations_numbers_and_hyphens() {
        assert_eq!(
            keys("The U.S. and Dr. Smith said 99% of 1,000 de-escalation"),
            ["the", "u.s.", "and", "dr.", "smith", "said", "99", "%", "of", "1,000", "deescalation"]
        );
        assert_eq!(keys("ended. Then"), ["ended", ".", "then"]);
    }

    #[test]
    fn a_party_and_state_tag_is_one_word() {
        assert_eq!(keys("Ames (R-N.H.) said"), ["ames", "(", "rn.h.", ")", "said"]);
        assert_eq!(keys("plan A-B. Then"), ["plan", "ab", ".", "then"]);
    }

    #[test]
    fn words_end_at_non_ascii_symbols() {
        assert_eq!(keys("It was 40°C, Iran said."), ["it", "was", "40", "°", "c", ",", "iran", "said", "."]);
        assert_eq!(
            keys("5€ or 7£ and word•next 中国。「x」 عربي، ok"),
            ["5", "€", "or", "7", "£", "and", "word", "•", "next", "中国", "。", "「", "x", "」", "عربي", "،", "ok"]
        );
        assert_eq!(keys("Ã©tÃ© word😀end"), ["a", "©", "ta", "©", "word", "😀", "end"]);
    }

    #[test]
    fn offsets_point_into_original() {
        let s = "Tehran’s “action” — limited";
        let t = Tokens::phrase(s, Vocabulary::builtin());
        for i in 0..t.len() {
            let sp = t.toks[i].span();
            assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
        }
        assert_eq!(&s[t.toks[0].span()], "Tehran");
        assert_eq!(&s[t.toks[1].span()], "’s");
        assert_eq!(&s[t.toks[2].span()], "action");
        assert_eq!(&s[t.toks[4].span()], "limited");
    }

    #[test]
    fn excluded_regions_drop_tokens_and_start_a_paragraph() {
        let s = "keep this. DROP THESE WORDS. keep that";
        let a = s.find("DROP").unwrap();
        let b = s.find(" keep that").unwrap();
        let excluded: Vec<Range<usize>> = std::iter::once(a..b).collect();
        let t = Tokens::new(s, 0..s.len(), &excluded, &Vocabulary::builtin().spelling.abbreviations);
        let ks: Vec<&str> = (0..t.len()).map(|i| t.key(i)).collect();
        assert_eq!(ks, ["keep", "this", ".", "keep", "that"]);
        assert!(t.toks[3].has(PARA));
    }

    #[test]
    fn paragraph_and_line_flags() {
        let s = "one two\nthree\n\nfour";
        let t = Tokens::phrase(s, Vocabulary::builtin());
        assert!(t.toks[0].has(PARA));
        assert!(t.toks[2].has(LINE) && !t.toks[2].has(PARA));
        assert!(t.toks[3].has(PARA));
    }
}
