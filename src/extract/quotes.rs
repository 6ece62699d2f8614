//! Quotations: where quoted words start and end.
//!
//! Runs on the original text, where curly quotes still show their
//! direction: `’` between letters is an apostrophe ("Iran’s"), `‘...’`
//! is a quotation. Straight quotes are read as opening or closing from
//! their neighbours. Marks pair by type (double, single, guillemet) and may
//! nest. A quotation left open at the end of a paragraph continues if the
//! next paragraph opens with the same mark (the newspaper convention for
//! quotes running across paragraphs); otherwise it is dropped, so stray or
//! unbalanced marks never swallow the rest of a document. Only a document
//! cut off inside a quotation that opened its last paragraph (an article's
//! opening) keeps that quotation, to the end. In transcripts
//! the spoken word "quote" opens a quotation that runs to "unquote" or the
//! end of the clause.

use crate::extract::cues::Lexicon;
use crate::model::{DocKind, Text};
use std::ops::Range;

/// The kind of quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// `“ ”`, `„ “`, `"`.
    Double,
    /// `‘ ’`, `'`.
    Single,
    /// `« »`, `‹ ›`.
    Guillemet,
    /// The spoken word "quote".
    Spoken,
}

/// A quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quote {
    /// Bytes of the quoted words (marks excluded).
    pub inner: Range<usize>,
    /// Bytes including the marks.
    pub outer: Range<usize>,
    /// Tokens of the quoted words.
    pub toks: Range<usize>,
    /// Mark type.
    pub mark: Mark,
    /// Whether it runs across paragraphs.
    pub continued: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Either,
}

fn classify(c: char, prev: Option<char>, next: Option<char>) -> Option<(Mark, Dir)> {
    let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{-—–/".contains(p));
    let space_after = next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}-—–".contains(n));
    let letter_before = prev.is_some_and(char::is_alphanumeric);
    let letter_after = next.is_some_and(char::is_alphanumeric);
    Some(match c {
        '“' => (Mark::Double, if space_before || !space_after { Dir::Open } else { Dir::Either }),
        '”' => (Mark::Double, Dir::Close),
        '„' => (Mark::Double, Dir::Open),
        '"' => (
            Mark::Double,
            match (space_before, space_after) {
                (true, false) => Dir::Open,
                (false, true) => Dir::Close,
                _ => Dir::Either,
            },
        ),
        '‘' => (Mark::Single, Dir::Open),
        '’' | '\'' => {
            if letter_before && letter_after {
                return None; // apostrophe: Iran’s, don't
            }
            if c == '\'' && space_before && letter_after {
                (Mark::Single, Dir::Open)
            } else if letter_before || prev.is_some_and(|p| ".,!?".contains(p)) {
                (Mark::Single, Dir::Close)
            } else {
                return None;
            }
        }
        '«' | '‹' => (Mark::Guillemet, Dir::Open),
        '»' | '›' => (Mark::Guillemet, Dir::Close),
        _ => return None,
    })
}

/// Whether [`mark_at`] can find a mark at `c`.
fn may_be_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '„' | '"' | '‘' | '’' | '\'' | '«' | '‹' | '»' | '›' | '`')
}

/// A quotation mark at a character, with its length in bytes: two
/// apostrophes `''` (or two backticks to open) stand for a double mark, as
/// in newswire archives and treebank-style text.
fn mark_at(c: char, prev: Option<char>, next: Option<char>, after_next: Option<char>) -> Option<(Mark, Dir, usize)> {
    if (c == '\'' && next == Some('\'')) || (c == '`' && next == Some('`')) {
        let (_, dir) = classify('"', prev, after_next)?;
        let dir = if c == '`' { Dir::Open } else { dir };
        return Some((Mark::Double, dir, 2));
    }
    classify(c, prev, next).map(|(m, d)| (m, d, c.len_utf8()))
}

/// Most quotations open at once: real text nests two or three deep, so
/// more open marks are strays (and a bound keeps the scan linear).
const MAX_OPEN: usize = 8;

struct Open {
    mark: Mark,
    at: usize,
    len: usize,
    continued: bool,
}

/// Finds the quotations of a prepared document.
pub(crate) fn find(text: &Text, lex: &Lexicon) -> Vec<Quote> {
    let doc = text.doc;
    let src = &doc.text;
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // Regions to scan: the body minus excluded furniture.
    let mut regions = Vec::new();
    let body = text.region.clone();
    let mut at = body.start;
    for e in doc.excluded.iter().filter(|e| e.end > body.start && e.start < body.end) {
        if e.start > at {
            regions.push(at..e.start.min(body.end));
        }
        at = at.max(e.end);
    }
    if at < body.end {
        regions.push(at..body.end);
    }
    let tok_range = |r: &Range<usize>| text.toks.token_starting_at_or_after(r.start)..text.toks.token_at_orig(r.end);
    for region in regions {
        let s = &src[region.clone()];
        let bytes = s.as_bytes();
        let mut prev: Option<char> = None;
        let mut newlines = 0;
        let mut i = 0;
        while i < s.len() {
            if newlines < 2 {
                // Most text: a run of ASCII that holds no mark and no line end
                // changes nothing but the previous character (and ends a paragraph start).
                let run = bytes[i..].iter().position(|&b| !b.is_ascii() || matches!(b, b'\n' | b'"' | b'\'' | b'`')).unwrap_or(s.len() - i);
                if run > 0 {
                    let skipped = &bytes[i..i + run];
                    if skipped.iter().any(|&b| !char::from(b).is_whitespace()) {
                        newlines = 0;
                    }
                    prev = Some(char::from(skipped[run - 1]));
                    i += run;
                    continue;
                }
            }
            let c = s[i..].chars().next().expect("char boundary");
            let after = i + c.len_utf8();
            if c == '\n' {
                newlines += 1;
                prev = Some(c);
                i = after;
                continue;
            }
            let white = c.is_whitespace();
            if !may_be_mark(c) && (white || newlines < 2) {
                // Neither a mark nor the first of a paragraph.
                if !white {
                    newlines = 0;
                }
                prev = Some(c);
                i = after;
                continue;
            }
            let abs = region.start + i;
            let mut rest = s[after..].chars();
            let next = rest.next();
            let after_next = rest.next();
            // Where scanning goes on when a mark takes the next character too.
            let past = |len: usize| if len > c.len_utf8() { after + next.map_or(0, char::len_utf8) } else { after };
            if !c.is_whitespace() && newlines >= 2 {
                // Paragraph break: open quotations continue only if this paragraph re-opens them.
                let reopen = mark_at(c, Some('\n'), next, after_next).filter(|(_, d, _)| *d != Dir::Close);
                stack.retain_mut(|o| match reopen {
                    Some((m, _, _)) if m == o.mark => {
                        o.continued = true;
                        true
                    }
                    _ => false,
                });
                if let (Some((m, _, len)), Some(top)) = (reopen, stack.last())
                    && top.mark == m
                {
                    // The re-opening mark is consumed by the continuation.
                    newlines = 0;
                    prev = Some(c);
                    i = past(len);
                    continue;
                }
            }
            if !c.is_whitespace() {
                newlines = 0;
            }
            if let Some((mark, dir, len)) = mark_at(c, prev, next, after_next) {
                let open_idx = stack.iter().rposition(|o| o.mark == mark);
                let closes = match dir {
                    Dir::Close => true,
                    Dir::Open => false,
                    Dir::Either => open_idx.is_some(),
                };
                if closes {
                    if let Some(idx) = open_idx {
                        let o = stack.remove(idx);
                        stack.truncate(idx); // inner quotations left open are dropped
                        let inner = words_within(src, o.at + o.len..abs);
                        if !inner.is_empty() {
                            out.push(Quote { toks: tok_range(&inner), inner, outer: o.at..abs + len, mark, continued: o.continued });
                        }
                    }
                    // A closing mark with nothing open is a stray mark: ignored.
                } else {
                    if stack.len() == MAX_OPEN {
                        // Marks left open this deep are strays: the oldest is given up.
                        stack.remove(0);
                    }
                    stack.push(Open { mark, at: abs, len, continued: false });
                }
                prev = Some(if len > c.len_utf8() { '"' } else { c });
                i = past(len);
                continue;
            }
            prev = Some(c);
            i = after;
        }
        // A document cut off inside a quotation (an article's opening): the
        // quotation that opened the last paragraph runs to the end.
        if region.end == doc.body.end
            && let Some(o) = stack.first()
            && src[..o.at].rsplit('\n').next().is_some_and(|line| line.trim().is_empty())
        {
            let inner = words_within(src, o.at + o.len..region.end);
            if !inner.is_empty() {
                out.push(Quote { toks: tok_range(&inner), inner: inner.clone(), outer: o.at..inner.end, mark: o.mark, continued: o.continued });
            }
        }
        stack.clear();
    }
    if doc.kind == DocKind::Transcript {
        spoken(text, lex, &mut out);
    }
    out.sort_by_key(|q| (q.inner.start, std::cmp::Reverse(q.inner.end)));
    out
}

/// The bytes of `r` without the white space at either end: the quoted words
/// between an opening mark and where the quotation ends.
fn words_within(src: &str, r: Range<usize>) -> Range<usize> {
    let raw = &src[r.clone()];
    let lead = raw.len() - raw.trim_start().len();
    r.start + lead..r.start + raw.trim_end().len()
}

/// Longest spoken quotation without "unquote", in words: speakers say
/// "quote" before a short phrase and rarely close it.
const SPOKEN_WORDS: usize = 10;
/// How far, in tokens, a closing word is looked for.
const MAX_SPOKEN_REACH: usize = 40;

/// Spoken quotations: "quote ... unquote", or "quote" and at most ten
/// words, within the clause.
fn spoken(text: &Text, lex: &Lexicon, out: &mut Vec<Quote>) {
    let toks = &text.toks;
    // A closing word, or a two-word closing phrase starting, at `j`.
    let closes_at =
        |j: usize| toks.is_in(j, &lex.spoken_close) || (j + 1 < toks.len() && lex.spoken_close.contains(&format!("{} {}", toks.key(j), toks.key(j + 1))));
    for i in 0..toks.len() {
        if !toks.is_in(i, &lex.spoken_open) || (i > 0 && closes_at(i - 1)) {
            continue;
        }
        let start = i + 1;
        if start >= toks.len() {
            continue;
        }
        let sentence = &text.seg.sentences[text.seg.sentence_of(i)];
        let closed = (start..(start + MAX_SPOKEN_REACH).min(toks.len())).find(|&j| closes_at(j));
        let end = match closed {
            Some(j) => j,
            None => {
                let mut words = 0;
                let mut j = start;
                while j < sentence.end && words < SPOKEN_WORDS {
                    if toks.toks[j].is_word() && !text.skip[j] {
                        words += 1;
                    }
                    j += 1;
                }
                j
            }
        };
        if end > start {
            let inner = toks.span(start..end);
            out.push(Quote { inner: inner.clone(), outer: toks.toks[i].start as usize..inner.end, toks: start..end, mark: Mark::Spoken, continued: false });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::model::Document;

    fn quotes(body: &str) -> Vec<String> {
        let engine = Engine::builtin();
        let doc = Document::from_text("t.txt", format!("Title\n\n{body}"), &engine.furniture);
        let text = engine.prepare(&doc);
        find(&text, &engine.lexicon).into_iter().map(|q| doc.text[q.inner].to_string()).collect()
    }

    #[test]
    fn curly_and_straight_doubles() {
        assert_eq!(quotes("He said “we will respond” and “soon.”"), ["we will respond", "soon."]);
        assert_eq!(quotes("He said \"we will respond\" and left."), ["we will respond"]);
    }

    #[test]
    fn two_apostrophes_are_a_double_mark() {
        assert_eq!(quotes("''We will not back down,'' the minister said."), ["We will not back down,"]);
        assert_eq!(quotes("He called it ``a grave mistake'' on Monday."), ["a grave mistake"]);
        assert_eq!(quotes("The rebels' ''ceasefire'' held, the army's spokesman said."), ["ceasefire"]);
    }

    #[test]
    fn apostrophes_are_not_single_quotes() {
        assert_eq!(quotes("Iran’s envoy called it ‘a grave mistake’ at Tehran’s request."), ["a grave mistake"]);
        assert_eq!(quotes("Modi's 'warning' to Pakistan's army"), ["warning"]);
        assert!(quotes("The countries’ leaders met. Iran’s view differs.").is_empty());
    }

    #[test]
    fn nested_quotes() {
        let q = quotes("“He told me ‘never again’ twice,” she said.");
        assert_eq!(q, ["He told me ‘never again’ twice,", "never again"]);
    }

    #[test]
    fn guillemets() {
        assert_eq!(quotes("Il a dit « nous répondrons » hier."), ["nous répondrons"]);
    }

    #[test]
    fn quotes_continue_across_paragraphs() {
        let q = quotes("“We will not wait.\n\n“We will act,” the minister said.");
        assert_eq!(q.len(), 1);
        assert!(q[0].starts_with("We will not wait.") && q[0].ends_with("We will act,"));
    }

    #[test]
    fn straight_and_doubled_marks_continue_across_paragraphs() {
        let q = quotes("\"Talks are over.\n\n\"We have other plans,\" the envoy said.");
        assert_eq!(q, ["Talks are over.\n\n\"We have other plans,"]);
        let q = quotes("``Talks are over.\n\n``We have other plans,'' the envoy said.");
        assert_eq!(q, ["Talks are over.\n\n``We have other plans,"]);
        // An indented paragraph that does not re-open the quotation ends it.
        assert!(quotes("\"Talks are over.\n\n   The envoy left \t early.").is_empty());
    }

    #[test]
    fn unbalanced_marks_recover_at_paragraph_end() {
        let q = quotes("He said “this never closes.\n\nA new paragraph with “a quote” here.");
        assert_eq!(q, ["a quote"]);
        assert_eq!(quotes("Stray closing” mark and ’ another."), Vec::<String>::new());
    }

    #[test]
    fn many_unbalanced_marks_finish() {
        let body = "“open ".repeat(1000);
        assert!(quotes(&body).len() < 1000);
    }
}
