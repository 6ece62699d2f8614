//! Paragraphs and sentences of a token stream, and clause windows for
//! speech without punctuation.
//!
//! Punctuated text is split into sentences at `.`, `!`, `?` followed by a
//! capital, a number or a quotation, never after abbreviations (the
//! tokenizer keeps their periods), and at paragraph breaks and short
//! heading-like lines. Speech-to-text transcripts often have no
//! punctuation at all; there a "sentence" is a clause window: a new window
//! opens at each discourse cue (`so`, `but`, `I think`, `at the end of the
//! day` ...; the caller finds them, see [`crate::prepare`]), and no window
//! is longer than `max_words`. Later stages treat windows like sentences: a reported
//! statement's content ends at the window's end, and a speaker is looked
//! for inside the window that holds the cue.

use crate::text::token::{CAP, LINE, PARA, QUOTE_BEFORE, TokKind, Tokens};
use std::ops::Range;

/// A line shorter than this without final punctuation is a heading, byline
/// or list item: its line break ends a sentence.
const HEADING_CHARS: usize = 60;

/// Sentence (or clause window) and paragraph boundaries, as token ranges.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    /// Paragraphs, in order, covering every token.
    pub paragraphs: Vec<Range<usize>>,
    /// Sentences or clause windows, in order, covering every token.
    pub sentences: Vec<Range<usize>>,
    /// For each sentence, whether it ended only because a clause window
    /// reached `max_words` (the words may run on into the next window).
    pub capped: Vec<bool>,
}

impl Segments {
    /// Index of the sentence holding token `t`.
    pub fn sentence_of(&self, t: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= t).min(self.sentences.len().saturating_sub(1))
    }

    /// Index of the paragraph holding token `t`.
    pub fn paragraph_of(&self, t: usize) -> usize {
        self.paragraphs.partition_point(|p| p.end <= t).min(self.paragraphs.len().saturating_sub(1))
    }
}

/// Sentence and clause-window segmentation settings.
#[derive(Debug, Clone)]
pub(crate) struct Segmenter {
    max_words: usize,
}

const ENDS: &[&str] = &[".", "!", "?", "..."];

impl Segmenter {
    /// A segmenter whose clause windows are at most `max_words` long (8 at least).
    pub(crate) fn new(max_words: usize) -> Segmenter {
        Segmenter { max_words: max_words.max(8) }
    }

    /// Segments `toks` (original text `text`); `punctuated` chooses sentences
    /// or clause windows, which also open at the tokens in `openers`.
    #[allow(clippy::needless_range_loop)] // boundaries are indexed by token position
    pub(crate) fn segment(&self, toks: &Tokens, text: &str, punctuated: bool, openers: &[usize]) -> Segments {
        let n = toks.len();
        let mut seg = Segments::default();
        if n == 0 {
            return seg;
        }
        // Paragraphs.
        let mut p0 = 0;
        for i in 1..n {
            if toks.toks[i].has(PARA) {
                seg.paragraphs.push(p0..i);
                p0 = i;
            }
        }
        seg.paragraphs.push(p0..n);
        // Sentence boundaries (a boundary b means a sentence starts at token b).
        let mut cut = vec![false; n + 1];
        let mut capped = vec![false; n + 1];
        cut[0] = true;
        cut[n] = true;
        for i in 0..n {
            let t = &toks.toks[i];
            if i > 0 && t.has(PARA) {
                cut[i] = true;
            }
            if i > 0 && t.has(LINE) && short_line_before(toks, text, i) {
                cut[i] = true;
            }
            if t.kind == TokKind::Punct && ENDS.contains(&toks.key(i)) && i + 1 < n {
                let next = &toks.toks[i + 1];
                let starts = next.has(CAP) || next.kind == TokKind::Number || next.has(QUOTE_BEFORE) || next.has(LINE);
                if starts || !punctuated {
                    cut[i + 1] = true;
                }
            }
        }
        if !punctuated {
            for &o in openers {
                cut[o.min(n)] = true;
            }
            // Cap window length, but not just before a window would open
            // anyway (that would leave a sliver of a window).
            let mut last = 0;
            for i in 0..n {
                if cut[i] {
                    last = i;
                } else if i - last >= self.max_words && !cut[i + 1..(i + 4).min(n + 1)].contains(&true) {
                    cut[i] = true;
                    capped[i] = true;
                    last = i;
                }
            }
        }
        // In unpunctuated text a window shorter than three words (a cue right
        // after another) is merged into the next one.
        let mut start = 0;
        for b in 1..=n {
            if !cut[b] || (b < n && !punctuated && b - start < 3 && !toks.toks[b].has(PARA)) {
                continue;
            }
            seg.sentences.push(start..b);
            seg.capped.push(capped[b]);
            start = b;
        }
        seg
    }
}

/// Whether the line ending before token `i` is short and unpunctuated (a
/// heading, byline or list item), so that the line break ends a sentence.
fn short_line_before(toks: &Tokens, text: &str, i: usize) -> bool {
    let prev = i - 1;
    let key = toks.key(prev);
    if matches!(key, "," | ";" | ":" | "-" | "(") {
        return false;
    }
    let mut s = prev;
    while s > 0 && !toks.toks[s].has(LINE) {
        s -= 1;
    }
    let len = text[toks.toks[s].start as usize..toks.toks[prev].end as usize].chars().count();
    len < HEADING_CHARS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::vocab::Vocabulary;

    /// Tokens whose key is one of `markers` (single-word window openers).
    fn openers(toks: &Tokens, markers: &[&str]) -> Vec<usize> {
        (0..toks.len()).filter(|&i| markers.contains(&toks.key(i))).collect()
    }

    fn sentences(text: &str, punctuated: bool, markers: &[&str]) -> Vec<String> {
        let toks = Tokens::phrase(text, Vocabulary::builtin());
        let seg = Segmenter::new(12).segment(&toks, text, punctuated, &openers(&toks, markers));
        seg.sentences.iter().map(|r| text[toks.span(r.clone())].to_string()).collect()
    }

    #[test]
    fn sentences_split_at_final_punctuation() {
        assert_eq!(sentences("Mr. Smith spoke. He said “no.” Then he left.", true, &[]), ["Mr. Smith spoke.", "He said “no.", "Then he left."]);
        assert_eq!(sentences("The U.S. said 3.5 percent. Iran denied it.", true, &[]), ["The U.S. said 3.5 percent.", "Iran denied it."]);
    }

    #[test]
    fn paragraphs_and_headings_end_sentences() {
        let text = "A heading\nThe text of a paragraph that is long enough to be prose and goes on\nand on here.\n\nNext paragraph";
        assert_eq!(sentences(text, true, &[]).len(), 3);
    }

    #[test]
    fn unpunctuated_speech_gets_clause_windows() {
        let text = "the minister said they will respond but I think they want talks so we will see what happens next week or the week after that and then more";
        let w = sentences(text, false, &["but", "so"]);
        assert_eq!(w[0], "the minister said they will respond");
        assert!(w[1].starts_with("but I think") || w[1].starts_with("but"));
        assert!(w.iter().all(|s| s.split_whitespace().count() <= 13));
    }

    #[test]
    fn length_cuts_are_marked_and_leave_no_slivers() {
        let text = "one two three four five six seven eight nine ten eleven twelve thirteen so fourteen fifteen";
        let toks = Tokens::phrase(text, Vocabulary::builtin());
        let seg = Segmenter::new(12).segment(&toks, text, false, &openers(&toks, &["so"]));
        // The twelve-word cap falls two words before "so": the window runs on to the marker.
        let w: Vec<&str> = seg.sentences.iter().map(|r| &text[toks.span(r.clone())]).collect();
        assert_eq!(w, ["one two three four five six seven eight nine ten eleven twelve thirteen", "so fourteen fifteen"]);
        assert_eq!(seg.capped, [false, false]);
        let long = "word ".repeat(30);
        let toks = Tokens::phrase(&long, Vocabulary::builtin());
        let seg = Segmenter::new(12).segment(&toks, &long, false, &[]);
        assert_eq!(seg.capped, [true, true, false]);
    }
}
