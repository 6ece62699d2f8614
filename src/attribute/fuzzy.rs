//! Names misspelt by speech-to-text ("kameny" is Khamenei): a word close
//! in spelling, or with the same consonants, to a one-word name of an actor
//! the document names correctly elsewhere, and never an English word.

use crate::attribute::table::{ActorTable, Entry, FuzzyName};
use crate::text::normalize::skeleton;
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
        for FuzzyName { name: alias, entry, len, sound } in self.fuzzy.get(&first)? {
            let (alias, len) = (alias.as_str(), *len);
            // Only actors the document names elsewhere: the cheap test first.
            if !self.entry_actor(*entry).is_some_and(|a| named.contains(&a)) {
                continue;
            }
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
            let same_skeleton = |key_sound: &mut Option<String>| sound.chars().count() >= 3 && *sound == *key_sound.get_or_insert_with(|| skeleton(key));
            if !(spelling_possible || (sound_possible && same_skeleton(&mut key_sound))) {
                continue;
            }
            // Most pairs are more than two edits apart and of other
            // consonants: they are let go on a bounded distance, before the
            // similarity is computed.
            let near = levenshtein_within(alias, key, 2);
            if near.is_none() && !(sound_possible && same_skeleton(&mut key_sound)) {
                continue;
            }
            let lev = near.unwrap_or_else(|| strsim::levenshtein(alias, key));
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

/// The Levenshtein distance of `a` and `b` (in characters, as
/// `strsim::levenshtein`) if it is at most `k`: the rows of the table are
/// given up as soon as every cell in one exceeds `k`.
fn levenshtein_within(a: &str, b: &str, k: usize) -> Option<usize> {
    const MAX: usize = 32;
    let (mut ca, mut cb) = (['\0'; MAX], ['\0'; MAX]);
    let (mut la, mut lb) = (0, 0);
    for c in a.chars() {
        if la == MAX {
            return Some(strsim::levenshtein(a, b)).filter(|&d| d <= k);
        }
        ca[la] = c;
        la += 1;
    }
    for c in b.chars() {
        if lb == MAX {
            return Some(strsim::levenshtein(a, b)).filter(|&d| d <= k);
        }
        cb[lb] = c;
        lb += 1;
    }
    if la.abs_diff(lb) > k {
        return None;
    }
    let mut prev = [0usize; MAX + 1];
    let mut cur = [0usize; MAX + 1];
    for (j, p) in prev.iter_mut().enumerate().take(lb + 1) {
        *p = j;
    }
    for i in 1..=la {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=lb {
            let substitute = prev[j - 1] + usize::from(ca[i - 1] != cb[j - 1]);
            cur[j] = substitute.min(prev[j] + 1).min(cur[j - 1] + 1);
            row_min = row_min.min(cur[j]);
        }
        // A path through the table never gets cheaper further down.
        if row_min > k {
            return None;
        }
        prev[..=lb].copy_from_slice(&cur[..=lb]);
    }
    Some(prev[lb]).filter(|&d| d <= k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_distance_is_the_distance_when_within_the_bound() {
        let words = ["", "a", "tehran", "tehrahn", "teheran", "than", "kameny", "khamenei", "bürger", "burger", "aaaa", "abab", "x".repeat(40).as_str()]
            .map(String::from);
        for a in &words {
            for b in &words {
                let d = strsim::levenshtein(a, b);
                for k in 0..4 {
                    assert_eq!(levenshtein_within(a, b, k), (d <= k).then_some(d), "{a:?} {b:?} within {k}");
                }
            }
        }
    }
}
