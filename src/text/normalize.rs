//! The normalised view of a text region, and the one map from it back to the
//! original bytes.
//!
//! Matching (tokens, cue words, names, rule patterns, claims) runs on a
//! normalised copy of the text: Unicode NFKC, typographic quotes folded to
//! `"` and `'`, dash variants folded to `-`, zero-width characters dropped and
//! whitespace runs collapsed. Everything the tool reports is a byte range in
//! the original file, so every normalisation step records where its output
//! came from. This module owns that bookkeeping; no other module rewrites
//! text. It does not case-fold: the tokenizer builds case-folded keys where a
//! matcher wants them.

use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

/// A stretch of normalised output that does not copy the original byte for
/// byte (a folded quote, a collapsed whitespace run, an NFKC rewrite).
#[derive(Debug, Clone, Copy)]
struct Piece {
    norm: usize,
    orig: usize,
    norm_len: usize,
    orig_len: usize,
}

/// [`NormText::cursor`].
pub(crate) struct Cursor<'a> {
    norm: &'a NormText,
    /// Pieces starting at or before the last start offset asked for.
    at_start: usize,
    /// Pieces starting before the last end offset asked for.
    at_end: usize,
}

impl Cursor<'_> {
    /// [`NormText::orig_start`] of `p`, no smaller than the last `p` asked for.
    pub(crate) fn start(&mut self, p: usize) -> usize {
        let n = self.norm;
        while self.at_start < n.pieces.len() && n.pieces[self.at_start].norm <= p {
            self.at_start += 1;
        }
        debug_assert_eq!(self.at_start, n.pieces.partition_point(|pc| pc.norm <= p));
        n.start_after(self.at_start, p)
    }

    /// [`NormText::orig_end`] of `p`, no smaller than the last `p` asked for.
    pub(crate) fn end(&mut self, p: usize) -> usize {
        let n = self.norm;
        while self.at_end < n.pieces.len() && n.pieces[self.at_end].norm < p {
            self.at_end += 1;
        }
        debug_assert_eq!(self.at_end, n.pieces.partition_point(|pc| pc.norm < p));
        n.end_after(self.at_end, p)
    }
}

/// Normalised text of one region of an original document, with the offset map.
#[derive(Debug, Clone)]
pub struct NormText {
    /// The normalised text.
    pub text: String,
    /// Original byte offset of the region start.
    base: usize,
    /// Original byte offset of the region end.
    end: usize,
    /// Rewritten stretches, in order; bytes between them are copied verbatim.
    pieces: Vec<Piece>,
}

/// What one original character becomes in the normalised text.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' | '\u{301D}' | '\u{301E}' | '\u{FF02}' => "\"",
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2039}' | '\u{203A}' | '\u{FF07}' | '\u{02BC}' => "'",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => "-",
        '\u{2014}' | '\u{2015}' | '\u{FE58}' => " - ",
        '\u{2026}' => "...",
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => "",
        _ => return None,
    })
}

impl NormText {
    /// Normalise `original[range]`.
    pub fn new(original: &str, range: Range<usize>) -> NormText {
        let src = &original[range.clone()];
        let mut out = NormText { text: String::with_capacity(src.len()), base: range.start, end: range.end, pieces: Vec::new() };
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // Whitespace run (ASCII or Unicode).
            if b.is_ascii_whitespace() || (b >= 0x80 && starts_unicode_space(&src[i..])) {
                let start = i;
                let mut newlines = 0;
                while i < bytes.len() {
                    if bytes[i].is_ascii_whitespace() {
                        // Line ends: \n, \r\n, and a lone \r (old Mac files).
                        if bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                            newlines += 1;
                        }
                        i += 1;
                    } else if bytes[i] >= 0x80 && starts_unicode_space(&src[i..]) {
                        let c = src[i..].chars().next().expect("char boundary");
                        // U+2028 ends a line, U+2029 a paragraph.
                        newlines += match c {
                            '\u{2028}' => 1,
                            '\u{2029}' => 2,
                            _ => 0,
                        };
                        i += c.len_utf8();
                    } else {
                        break;
                    }
                }
                let rep = match newlines {
                    0 => " ",
                    1 => "\n",
                    _ => "\n\n",
                };
                out.push(&src[start..i], rep, start);
                continue;
            }
            if b < 0x80 {
                // ASCII run: copied verbatim, single spaces between words included
                // (they are their own normal form).
                let start = i;
                loop {
                    // Printable characters, most of the run, one test each.
                    while bytes.get(i).is_some_and(|&c| (0x21..0x80).contains(&c)) {
                        i += 1;
                    }
                    let Some(&c) = bytes.get(i).filter(|&&c| c < 0x80) else { break };
                    if c.is_ascii_whitespace() {
                        let single = c == b' ' && i > start && bytes.get(i + 1).is_some_and(|&n| n < 0x80 && !n.is_ascii_whitespace());
                        if !single {
                            break;
                        }
                    }
                    i += 1;
                }
                out.text.push_str(&src[start..i]);
                continue;
            }
            // A non-ASCII character: folded, or part of a word normalised with NFKC.
            let c = src[i..].chars().next().expect("char boundary");
            if let Some(rep) = fold_char(c) {
                out.push(&src[i..i + c.len_utf8()], rep, i);
                i += c.len_utf8();
                continue;
            }
            // Run of non-ASCII, non-special characters (a word in another
            // script, accented letters, combining marks).
            let start = i;
            while i < bytes.len() && bytes[i] >= 0x80 {
                let c = src[i..].chars().next().expect("char boundary");
                if fold_char(c).is_some() || c.is_whitespace() {
                    break;
                }
                i += c.len_utf8();
            }
            let run = &src[start..i];
            let nfkc: String = run.nfkc().collect();
            if nfkc == run {
                out.text.push_str(run);
            } else {
                // NFKC may produce characters we fold (e.g. full-width quotes).
                let folded: String = nfkc.chars().map(|c| fold_char(c).map_or_else(|| c.to_string(), str::to_string)).collect();
                out.push(run, &folded, start);
            }
        }
        out
    }

    /// Records a rewrite of `orig` (at `at`, relative to the region) into `rep`.
    fn push(&mut self, orig: &str, rep: &str, at: usize) {
        // Never two spaces in a row (a spaced dash next to a space).
        let rep = if self.text.ends_with([' ', '\n']) && rep.starts_with(' ') { &rep[1..] } else { rep };
        if orig == rep {
            self.text.push_str(rep);
            return;
        }
        self.pieces.push(Piece { norm: self.text.len(), orig: at, norm_len: rep.len(), orig_len: orig.len() });
        self.text.push_str(rep);
    }

    /// Original byte offset of the character starting at normalised offset `p`.
    pub fn orig_start(&self, p: usize) -> usize {
        // Last piece starting at or before p.
        self.start_after(self.pieces.partition_point(|pc| pc.norm <= p), p)
    }

    /// [`NormText::orig_start`] of `p` when `idx` pieces start at or before it.
    fn start_after(&self, idx: usize, p: usize) -> usize {
        if idx == 0 {
            return (self.base + p).min(self.end);
        }
        let pc = self.pieces[idx - 1];
        if p < pc.norm + pc.norm_len { self.base + pc.orig } else { (self.base + pc.orig + pc.orig_len + (p - pc.norm - pc.norm_len)).min(self.end) }
    }

    /// A map for offsets read in increasing order (a tokenizer's): the
    /// same answers as [`NormText::orig_start`] and [`NormText::orig_end`]
    /// without a search per offset.
    pub(crate) fn cursor(&self) -> Cursor<'_> {
        Cursor { norm: self, at_start: 0, at_end: 0 }
    }

    /// Original byte offset matching a normalised range end `p` (exclusive).
    pub fn orig_end(&self, p: usize) -> usize {
        // Last piece starting strictly before p.
        self.end_after(self.pieces.partition_point(|pc| pc.norm < p), p)
    }

    /// [`NormText::orig_end`] of `p` when `idx` pieces start before it.
    fn end_after(&self, idx: usize, p: usize) -> usize {
        if idx == 0 {
            return (self.base + p).min(self.end);
        }
        let pc = self.pieces[idx - 1];
        if p <= pc.norm + pc.norm_len {
            self.base + pc.orig + pc.orig_len
        } else {
            (self.base + pc.orig + pc.orig_len + (p - pc.norm - pc.norm_len)).min(self.end)
        }
    }

    /// Original byte range of a normalised range.
    pub fn orig_range(&self, r: Range<usize>) -> Range<usize> {
        if r.is_empty() {
            let s = self.orig_start(r.start);
            return s..s;
        }
        self.orig_start(r.start)..self.orig_end(r.end)
    }

    /// Normalised offset of an original byte offset (the first normalised
    /// byte at or after it).
    pub fn norm_offset(&self, orig: usize) -> usize {
        let rel = orig.saturating_sub(self.base);
        let idx = self.pieces.partition_point(|pc| pc.orig <= rel);
        if idx == 0 {
            return rel.min(self.text.len());
        }
        let pc = self.pieces[idx - 1];
        if rel < pc.orig + pc.orig_len {
            if rel == pc.orig { pc.norm } else { pc.norm + pc.norm_len }
        } else {
            (pc.norm + pc.norm_len + (rel - pc.orig - pc.orig_len)).min(self.text.len())
        }
    }
}

fn starts_unicode_space(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_whitespace())
}

/// The known name closest in spelling to `given` (Jaro-Winkler on folded
/// keys), if at least `min` close: the "did you mean" of every message
/// about an unknown name.
pub(crate) fn closest<'a>(given: &str, known: impl IntoIterator<Item = &'a str>, min: f64) -> Option<&'a str> {
    let given = fold_key(given);
    known.into_iter().map(|k| (strsim::jaro_winkler(&given, &fold_key(k)), k)).filter(|(s, _)| *s >= min).max_by(|a, b| a.0.total_cmp(&b.0)).map(|(_, k)| k)
}

/// Case- and accent-folded key of a word: lowercase, combining marks removed.
pub(crate) fn fold_key(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// The consonant skeleton of a word: vowels, h, w and y dropped, doubled
/// letters collapsed ("khamenei" and "kameny" are both "kmn"): how
/// speech-to-text mangles a name it does not know.
pub(crate) fn skeleton(word: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(original: &str, needle: &str) -> String {
        let n = NormText::new(original, 0..original.len());
        let at = n.text.find(needle).expect("needle in normalised text");
        let r = n.orig_range(at..at + needle.len());
        original[r].to_string()
    }

    #[test]
    fn curly_quotes_fold_and_map_back() {
        let s = "He said “we will respond” today.";
        let n = NormText::new(s, 0..s.len());
        assert_eq!(n.text, "He said \"we will respond\" today.");
        assert_eq!(round_trip(s, "\"we will respond\""), "“we will respond”");
        assert_eq!(round_trip(s, "we will"), "we will");
        assert_eq!(round_trip(s, "today"), "today");
    }

    #[test]
    fn apostrophes_and_dashes() {
        let s = "Iran’s response — limited – was “measured”";
        let n = NormText::new(s, 0..s.len());
        assert_eq!(n.text, "Iran's response - limited - was \"measured\"");
        assert_eq!(round_trip(s, "Iran's"), "Iran’s");
        assert_eq!(round_trip(s, "measured"), "measured");
    }

    #[test]
    fn whitespace_collapses_with_paragraphs_kept() {
        let s = "one  \t two\n   three\n\n\n    four";
        let n = NormText::new(s, 0..s.len());
        assert_eq!(n.text, "one two\nthree\n\nfour");
        assert_eq!(round_trip(s, "four"), "four");
        assert_eq!(round_trip(s, "two\nthree"), "two\n   three");
    }

    #[test]
    fn non_latin_letters_keep_offsets() {
        let s = "Президент Раиси заявил: «ответ будет жёстким». رئيسي قال";
        let n = NormText::new(s, 0..s.len());
        assert_eq!(round_trip(s, "Раиси"), "Раиси");
        assert_eq!(round_trip(s, "\"ответ будет жёстким\""), "«ответ будет жёстким»");
        assert_eq!(round_trip(s, "قال"), "قال");
        assert!(n.text.contains("заявил: \"ответ"));
    }

    #[test]
    fn nfkc_rewrites_map_to_whole_original_run() {
        // Ligature "ﬁ" (3 bytes) becomes "fi" (2 bytes); full-width letters fold.
        let s = "a ﬁnal ＡＢＣ word";
        let n = NormText::new(s, 0..s.len());
        assert_eq!(n.text, "a final ABC word");
        assert_eq!(round_trip(s, "word"), "word");
        assert_eq!(round_trip(s, "ABC"), "ＡＢＣ");
        assert_eq!(round_trip(s, "final"), "ﬁnal");
    }

    #[test]
    fn region_offsets_are_absolute() {
        let s = "HEADER\n<doc>\nIran’s “reply”\n</doc>";
        let start = s.find("Iran").unwrap();
        let end = s.find("\n</doc>").unwrap();
        let n = NormText::new(s, start..end);
        let at = n.text.find("reply").unwrap();
        let r = n.orig_range(at..at + 5);
        assert_eq!(&s[r], "reply");
        assert_eq!(n.norm_offset(s.find("reply").unwrap()), at);
    }

    #[test]
    fn every_line_end_is_a_line_end() {
        let s = "one\rtwo\r\nthree\u{2028}four\u{2029}five";
        let n = NormText::new(s, 0..s.len());
        assert_eq!(n.text, "one\ntwo\nthree\nfour\n\nfive");
        assert_eq!(round_trip(s, "five"), "five");
    }

    #[test]
    fn zero_width_characters_vanish() {
        let s = "de\u{200B}escalate now";
        let n = NormText::new(s, 0..s.len());
        assert_eq!(n.text, "deescalate now");
        assert_eq!(round_trip(s, "deescalate"), "de\u{200B}escalate");
    }

    #[test]
    fn fold_key_strips_case_and_accents() {
        assert_eq!(fold_key("Pezeshkián"), "pezeshkian");
        assert_eq!(fold_key("TEHRAN"), "tehran");
        assert_eq!(fold_key("Türkiye"), "turkiye");
    }
}
