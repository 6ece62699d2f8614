//! Names misspelt by speech-to-text ("kameny" is Khamenei): a word close
//! in spelling, or with the same consonants, to a one-word name of an actor
//! the document names correctly elsewhere, and never an English word.

use crate::attribute::table::{ActorTable, Entry};
use crate::text::token::{CAP, TokKind, Tokens};
use rustc_hash::FxHashSet as HashSet;

/// Jaro-Winkler similarity a name two edits away must also reach: close
/// enough that "pezeskyan" is Pezeshkian's surname misheard, not another word.
const SPELLING_SIMILARITY: f64 = 0.83;
/// Similarity a same-consonant spelling ("kameny", "khamenei") must reach.
const SOUND_SIMILARITY: f64 = 0.8;

impl ActorTable {
    /// A single-word name matched fuzzily (speech-to-text spelling): close in
    /// spelling, not an English word, and of an actor the document names.
    pub(crate) fn fuzzy_at(&self, toks: &Tokens, i: usize, named: &HashSet<usize>) -> Option<Entry> {
        let t = &toks.toks[i];
        let key = toks.key(i);
        // The function-word test goes by the token's hash, so it comes before the long word list.
        if t.kind != TokKind::Word || key.chars().count() < 4 || toks.is_in(i, &self.vocab.function) || self.words.contains(key) {
            return None;
        }
        // Followed by another name-like word, it is part of someone's name ("Izrael novak").
        if let Some(next) = (i + 1..toks.len()).find(|&j| toks.toks[j].kind != TokKind::Punct) {
            let nk = toks.key(next);
            let nt = &toks.toks[next];
            let name_like =
                nt.is_word() && !toks.is_in(next, &self.vocab.function) && (nt.has(CAP) || !self.words.contains(nk)) && !self.phrases.contains_key(nk);
            if name_like {
                return None;
            }
        }
        let first = key.chars().next()?;
        let key_len = key.chars().count();
        let mut key_sound: Option<String> = None;
        let mut best: Option<(usize, f64, Entry)> = None;
        for (alias, entry) in self.fuzzy.get(&first)? {
            // Only actors the document names elsewhere: the cheap test first.
            if !self.entry_actor(*entry).is_some_and(|a| named.contains(&a)) {
                continue;
            }
            let len = alias.chars().count();
            // Names under five letters are never matched fuzzily, and a
            // five-letter one only one edit away (so one letter longer or
            // shorter at most): no distance to compute otherwise.
            if len < 5 || (len == 5 && key_len.abs_diff(len) > 1) {
                continue;
            }
            // Close in spelling, or the same consonants ("kameny" / "khamenei": k-m-n),
            // which is how speech-to-text tends to mangle names. Spelling
            // needs lengths within two (an edit changes the length by one at
            // most); when they are further apart, only a shared skeleton is
            // worth the distances.
            let sound_possible = len >= 6 && key_len >= 5;
            let spelling_possible = key_len.abs_diff(len) <= if len >= 6 { 2 } else { 1 };
            let same_skeleton = |key_sound: &mut Option<String>| {
                let sound = skeleton(alias);
                sound.chars().count() >= 3 && sound == *key_sound.get_or_insert_with(|| skeleton(key))
            };
            if !(spelling_possible || (sound_possible && same_skeleton(&mut key_sound))) {
                continue;
            }
            let lev = strsim::levenshtein(alias, key);
            let jw = strsim::jaro_winkler(alias, key);
            let same_sound = sound_possible && jw >= SOUND_SIMILARITY && same_skeleton(&mut key_sound);
            let ok = (lev <= 1 && len >= 5) || (lev <= 2 && len >= 6 && jw >= SPELLING_SIMILARITY) || same_sound;
            if ok && best.as_ref().is_none_or(|(l, j, _)| lev < *l || (lev == *l && jw > *j)) {
                best = Some((lev, jw, *entry));
            }
        }
        best.map(|(_, _, e)| e)
    }
}

/// The consonant skeleton of a word: vowels, h, w and y dropped, doubled
/// letters collapsed ("khamenei" and "kameny" are both "kmn").
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
