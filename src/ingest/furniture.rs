//! Site furniture: related-article lists, "Latest news" blocks, subscribe
//! prompts and share bars, found so that no later stage reads statements in
//! them.
//!
//! Detection is driven by `rules/boilerplate.toml` (list headings and
//! single-line prompts) plus one general heuristic: a run of short lines
//! holding several lines that are only timestamps is a headline list, with
//! or without a heading. This module decides what is excluded and why; it
//! does not drop anything itself. Ingestion records the regions on the
//! [`crate::model::Document`], and `stance docs` reports them.

use crate::config::DataFile;
use crate::config::strict::parse_whole;
use crate::error::Diagnostic;
use crate::model::Excluded;
use crate::text::date::is_timestamp_line;
use serde::Deserialize;
use std::ops::Range;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBoilerplate {
    /// Headings that start a list of links.
    blocks: RawBlocks,
    /// The heading-less headline list heuristic.
    headlines: RawHeadlines,
    /// Single-line furniture.
    #[serde(default)]
    line: Vec<RawLine>,
    /// Words before a colon that are not speaker labels.
    labels: RawLabels,
    /// What marks a page as a transcript.
    transcripts: RawTranscripts,
    /// What marks a document as a statement in its issuer's own voice.
    statements: RawStatements,
    /// What marks a line as a photo caption.
    captions: RawCaptions,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCaptions {
    /// Credits in brackets ending a caption ("(File)", "(Photo: Agency)"), folded.
    credits: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatements {
    /// Openings of a statement's title or first line ("joint statement").
    markers: Vec<String>,
    /// Words after which the issuer is named ("from", "by").
    issuer_after: Vec<String>,
    /// Words that end the issuer's name ("on", "regarding").
    issuer_until: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranscripts {
    /// Lines (folded) that announce a transcript ("Transcript").
    markers: Vec<String>,
    /// Lines that open with a time ("00:07 ...", "[01:22]") needed to call a body a transcript.
    min_timed_lines: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLabels {
    /// Folded words ("note", "update") that never name a speaker.
    not: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBlocks {
    /// Heading lines (compared case-insensitively, trailing `:` ignored).
    markers: Vec<String>,
    /// Longest line that still counts as a headline.
    max_line_chars: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeadlines {
    /// Timestamp-only lines needed to call a run of short lines a headline list.
    min_timestamps: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLine {
    /// The reason reported for lines matched by this entry.
    reason: String,
    /// Prefixes (compared case-insensitively) of a furniture line.
    starts: Vec<String>,
}

/// A time opening a line of a transcript: "00:07", "1:02:33", "[01:22]", "(01:22)".
static LINE_TIME: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?[\])]?").expect("valid regex"));
/// How many non-empty lines at the top may announce a transcript.
const TRANSCRIPT_MARKER_LINES: usize = 12;

/// Most words in a heading line (crossheads and captions run 3-15).
const MAX_HEADING_WORDS: usize = 20;

/// Compiled furniture detector.
#[derive(Debug, Clone)]
pub struct Furniture {
    markers: Vec<String>,
    max_line_chars: usize,
    min_timestamps: usize,
    lines: Vec<(String, Vec<String>)>,
    not_labels: Vec<String>,
    transcript_markers: Vec<String>,
    min_timed_lines: usize,
    statement_markers: Vec<String>,
    issuer_after: Vec<String>,
    issuer_until: Vec<String>,
    caption_credits: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    Timestamp,
    Short,
    Prose,
}

/// A line of a body, classified ([`Furniture::body_lines`]).
pub(crate) struct Line {
    /// Byte range of the line's content (trimmed) in the document.
    range: Range<usize>,
    kind: LineKind,
    folded: String,
}

/// Byte offset of `word` as a whole word in `haystack` (both lowercase).
fn find_word(haystack: &str, word: &str) -> Option<usize> {
    haystack.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = haystack[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = haystack[i + word.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

/// Lowercase, straight quotes, surrounding punctuation and bullets removed.
fn fold_line(s: &str) -> String {
    if s.is_ascii() {
        // Most lines: no curly quotes to map, and one pass without the
        // intermediate strings of the general case.
        let t = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '|' | '>' | '-' | '*' | '#'));
        let mut out = String::with_capacity(t.len());
        for w in t.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        out.make_ascii_lowercase();
        return out;
    }
    let s: String = s
        .chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            _ => c,
        })
        .collect::<String>()
        .to_lowercase();
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '|' | '»' | '›' | '>' | '-' | '•' | '·' | '*' | '#'))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The start of [`fold_line`] of `line`, long enough to compare with
/// folded phrases of up to `len` bytes and to tell whether one is followed
/// by a space: a long line (a transcript's whole text) is not folded whole.
fn fold_head(line: &str, len: usize) -> String {
    // Room past the compared bytes for what folding does at the cut.
    let need = len + 8;
    let mut cut = (4 * need).min(line.len());
    while !line.is_char_boundary(cut) {
        cut += 1;
    }
    let head = fold_line(&line[..cut]);
    if cut == line.len() || head.len() >= need { head } else { fold_line(line) }
}

/// Whether a line reads as a sentence of prose: six or more words ending
/// with sentence punctuation (headlines in link lists do not end that way).
fn is_sentence(line: &str) -> bool {
    let end = line.trim_end_matches(['"', '\'', '”', '’', ')']);
    end.ends_with(['.', '!', '?']) && line.split_whitespace().count() >= 6
}

impl Furniture {
    /// Compiles `boilerplate.toml`.
    pub fn compile(file: &DataFile) -> Result<Furniture, Vec<Diagnostic>> {
        let raw: RawBoilerplate = parse_whole(file)?;
        let mut errors = Vec::new();
        if raw.headlines.min_timestamps < 2 {
            errors.push(Diagnostic::file(&file.path, "headlines.min_timestamps must be at least 2, or prose with a date would be cut"));
        }
        if errors.is_empty() {
            Ok(Furniture {
                markers: raw.blocks.markers.iter().map(|m| fold_line(m)).filter(|m| !m.is_empty()).collect(),
                max_line_chars: raw.blocks.max_line_chars,
                min_timestamps: raw.headlines.min_timestamps,
                lines: raw.line.into_iter().map(|l| (l.reason, l.starts.iter().map(|s| s.to_lowercase()).collect())).collect(),
                not_labels: raw.labels.not.iter().map(|m| fold_line(m)).collect(),
                transcript_markers: raw.transcripts.markers.iter().map(|m| fold_line(m)).collect(),
                min_timed_lines: raw.transcripts.min_timed_lines,
                statement_markers: raw.statements.markers.iter().map(|m| fold_line(m)).collect(),
                issuer_after: raw.statements.issuer_after.iter().map(|m| fold_line(m)).collect(),
                issuer_until: raw.statements.issuer_until.iter().map(|m| fold_line(m)).collect(),
                caption_credits: raw.captions.credits.iter().map(|m| fold_line(m)).collect(),
            })
        } else {
            Err(errors)
        }
    }

    pub(crate) fn body_lines(&self, text: &str, body: Range<usize>) -> Vec<Line> {
        let mut lines = Vec::new();
        for line in crate::text::lines::lines(&text[body.clone()]) {
            let start = body.start + line.range.start;
            let content = line.content;
            let lead = content.len() - content.trim_start().len();
            let trimmed = content.trim();
            let range = start + lead..start + lead + trimmed.len();
            let chars = trimmed.chars().count();
            let kind = if trimmed.is_empty() {
                LineKind::Blank
            } else if is_timestamp_line(trimmed) {
                LineKind::Timestamp
            } else if chars <= self.max_line_chars && !is_sentence(trimmed) {
                LineKind::Short
            } else {
                LineKind::Prose
            };
            lines.push(Line { range, kind, folded: if kind == LineKind::Prose { String::new() } else { fold_line(trimmed) } });
        }
        lines
    }

    /// Why one line is furniture (a prompt, page chrome, a list heading), if it is.
    pub(crate) fn line_reason(&self, line: &str) -> Option<&str> {
        let folded = fold_line(line);
        if line.chars().count() > self.max_line_chars || is_sentence(line) {
            return None;
        }
        if let Some(reason) = self.prompt(&folded) {
            return Some(reason);
        }
        if self.transcript_markers.contains(&folded) {
            return Some("transcript marker");
        }
        self.is_marker(&folded).then_some("list heading")
    }

    /// Whether words before a colon may name a speaker: not a header key
    /// ("Source"), not a word of the `[labels]` list ("Note", "Update"),
    /// and the line is not furniture ("Photo: AFP", "READ MORE:").
    pub(crate) fn may_be_label(&self, label: &str, line: &str) -> bool {
        let folded = fold_line(label);
        crate::ingest::layout::field(label).is_none() && !self.not_labels.contains(&folded) && self.line_reason(line).is_none()
    }

    /// The reason of the first single-line prompt a folded line opens with
    /// (most lines differ from every prompt in the first byte: no string
    /// comparison then).
    fn prompt(&self, folded: &str) -> Option<&str> {
        let first = folded.as_bytes().first();
        self.lines
            .iter()
            .find(|(_, starts)| starts.iter().any(|s| (s.is_empty() || s.as_bytes().first() == first) && folded.starts_with(s.as_str())))
            .map(|(reason, _)| reason.as_str())
    }

    /// Whether a folded short line is a list heading ("Read also", "More from X").
    fn is_marker(&self, folded: &str) -> bool {
        let first = folded.as_bytes().first();
        // Markers are never empty; most differ from the line in the first byte.
        self.markers.iter().any(|m| {
            m.as_bytes().first() == first
                && (folded == m
                    || (folded.starts_with(m.as_str())
                        && folded[m.len()..].starts_with(' ')
                        && folded.split_whitespace().count() <= m.split_whitespace().count() + 3
                        && !folded.ends_with('.')))
        })
    }

    /// Why the body reads as a transcript by its layout: a line announcing
    /// one near the top ("Transcript"), or lines that open with a time.
    pub(crate) fn transcript_layout(&self, text: &str, body: Range<usize>, timed: usize) -> Option<String> {
        if timed >= self.min_timed_lines.max(1) {
            return Some(format!("timed lines: {timed}"));
        }
        // A line longer than every marker is folded only as far as it could equal one.
        let longest = self.transcript_markers.iter().map(String::len).max().unwrap_or(0);
        let marked = crate::text::lines::lines(&text[body])
            .filter(|l| !l.content.trim().is_empty())
            .take(TRANSCRIPT_MARKER_LINES)
            .any(|l| self.transcript_markers.contains(&fold_head(l.content, longest)));
        marked.then(|| "marked as a transcript".to_string())
    }

    /// Who issues a statement whose title or opening line announces one
    /// ("Joint Statement from A, B and C on ...", "The following statement
    /// was issued by the Spokesman for ...:"): the words naming the issuer.
    pub(crate) fn issuer(&self, line: &str) -> Option<String> {
        let folded = fold_head(line, self.statement_markers.iter().map(String::len).max().unwrap_or(0));
        let opens = |m: &&String| folded == **m || folded.strip_prefix(m.as_str()).is_some_and(|r| r.starts_with(' '));
        let marker = self.statement_markers.iter().filter(opens).max_by_key(|m| m.len())?;
        let rest = &line.trim()[line.trim().len().min(marker.len())..];
        let lower = rest.to_lowercase();
        let (at, len) = self.issuer_after.iter().filter_map(|w| find_word(&lower, w).map(|i| (i, w.len()))).min_by_key(|&(i, _)| i)?;
        let mut name = &rest[at + len..];
        let lname = name.to_lowercase();
        if let Some(end) = self.issuer_until.iter().filter_map(|w| find_word(&lname, w)).min() {
            name = &name[..end];
        }
        let name = name.trim().trim_end_matches([':', '.', ',', ';']).trim();
        (!name.is_empty() && name.chars().any(char::is_uppercase)).then(|| name.to_string())
    }

    /// Whether a line is a photo caption: it ends with a credit in
    /// brackets ("... in Gaza (File)", "... (Photo: Agency)").
    pub(crate) fn is_caption(&self, line: &str) -> bool {
        let t = line.trim_end();
        let Some(inner) = t.strip_suffix(')').and_then(|r| r.rfind('(').map(|i| &r[i + 1..])) else { return false };
        let folded = fold_line(inner);
        self.caption_credits.iter().any(|c| folded == *c || folded.starts_with(&format!("{c}:")) || folded.starts_with(&format!("{c} ")))
    }

    /// Times opening lines of `text[body]` ("00:07Well, ...", "[01:22]",
    /// "(01:22)"), as regions to leave out of the words.
    pub(crate) fn line_times(&self, text: &str, body: Range<usize>) -> Vec<Excluded> {
        crate::text::lines::lines(&text[body.clone()])
            .filter_map(|l| {
                let lead = l.content.len() - l.content.trim_start().len();
                let m = LINE_TIME.find(&l.content[lead..])?;
                let start = body.start + l.range.start + lead;
                Some(Excluded { start, end: start + m.end(), reason: "time".into() })
            })
            .collect()
    }

    /// Lines of an article's body that are headings, not prose: a
    /// crosshead, a photo caption, a standalone headline ("‘Deeply
    /// worried’: China"). Short, with no final stop, not a speaker label,
    /// not a numbered or bulleted point. Such lines hold no statements,
    /// even with quotation marks in them.
    #[cfg(test)]
    pub(crate) fn headings(&self, text: &str, body: Range<usize>) -> Vec<Excluded> {
        self.headings_in(text, &self.body_lines(text, body))
    }

    /// [`Furniture::headings`] of lines already classified.
    pub(crate) fn headings_in(&self, text: &str, lines: &[Line]) -> Vec<Excluded> {
        /// The end of a quoted sentence: final punctuation, then a closing mark.
        const QUOTED_SENTENCE_END: [&str; 6] = [".”", "!”", "?”", ".\"", "!\"", "?\""];
        /// A quotation ending in a comma, then its attribution: “...,” she said.
        const QUOTED_CLAUSE_END: [&str; 2] = [",” ", ",\" "];
        // A body of headings alone is text, not headings.
        if !lines.iter().any(|l| l.kind == LineKind::Prose) {
            return Vec::new();
        }
        lines
            .iter()
            .filter(|l| l.kind == LineKind::Short)
            .filter(|l| {
                let t = &text[l.range.clone()];
                let end = t.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '›', ' ']);
                let words = t.split_whitespace().count();
                words <= MAX_HEADING_WORDS
                    && !end.ends_with(['.', '!', '?', ',', ';', ':'])
                    && t.chars().any(char::is_alphabetic)
                    && !t.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '•' | '-' | '*' | '–' | '—' | '('))
                    && !crate::ingest::layout::is_label_line(t)
                    // “A whole quoted sentence.” ― Jane Doe: a signed quotation.
                    && !QUOTED_SENTENCE_END.iter().any(|e| t.contains(e))
                    && !QUOTED_CLAUSE_END.iter().any(|e| t.trim_end().contains(e))
                    && !has_sentence_break(t)
            })
            .map(|l| Excluded { start: l.range.start, end: l.range.end, reason: "heading".into() })
            .collect()
    }

    /// Excluded regions of `text[body]`, in order.
    pub fn detect(&self, text: &str, body: Range<usize>) -> Vec<Excluded> {
        self.detect_in(text, &self.body_lines(text, body))
    }

    /// [`Furniture::detect`] of lines already classified.
    pub(crate) fn detect_in(&self, text: &str, lines: &[Line]) -> Vec<Excluded> {
        let mut found: Vec<Excluded> = Vec::new();
        let mut covered = vec![false; lines.len()];
        // Single-line prompts.
        for (i, l) in lines.iter().enumerate() {
            if l.kind != LineKind::Short {
                continue;
            }
            if let Some(reason) = self.prompt(&l.folded) {
                found.push(Excluded { start: l.range.start, end: l.range.end, reason: reason.to_string() });
                covered[i] = true;
            }
        }
        // Lists under a heading.
        let mut i = 0;
        while i < lines.len() {
            if lines[i].kind != LineKind::Short || !self.is_marker(&lines[i].folded) {
                i += 1;
                continue;
            }
            let heading_text = text[lines[i].range.clone()].trim_end_matches(':').trim().to_string();
            let mut last = i;
            let mut j = i + 1;
            while j < lines.len() && lines[j].kind != LineKind::Prose && !covered[j] {
                if lines[j].kind == LineKind::Short && self.is_marker(&lines[j].folded) {
                    break;
                }
                if lines[j].kind != LineKind::Blank {
                    last = j;
                }
                j += 1;
            }
            for c in covered.iter_mut().take(last + 1).skip(i) {
                *c = true;
            }
            found.push(Excluded { start: lines[i].range.start, end: lines[last].range.end, reason: format!("list under \"{heading_text}\"") });
            i = j;
        }
        // Heading-less headline lists: runs of short lines with timestamps.
        let mut i = 0;
        while i < lines.len() {
            if lines[i].kind == LineKind::Prose {
                i += 1;
                continue;
            }
            let run_start = i;
            while i < lines.len() && lines[i].kind != LineKind::Prose {
                i += 1;
            }
            let run = run_start..i;
            let stamps = lines[run.clone()].iter().filter(|l| l.kind == LineKind::Timestamp).count();
            if stamps < self.min_timestamps {
                continue;
            }
            // Uncovered stretches of the run.
            let mut k = run.start;
            while k < run.end {
                if covered[k] || lines[k].kind == LineKind::Blank {
                    k += 1;
                    continue;
                }
                let first = k;
                let mut last = k;
                while k < run.end && !covered[k] {
                    if lines[k].kind != LineKind::Blank {
                        last = k;
                    }
                    k += 1;
                }
                let n = lines[first..=last].iter().filter(|l| l.kind == LineKind::Timestamp).count();
                if n > 0 || last > first {
                    found.push(Excluded {
                        start: lines[first].range.start,
                        end: lines[last].range.end,
                        reason: format!("headline list ({stamps} timestamps)"),
                    });
                }
            }
        }
        found.sort_by_key(|e| (e.start, e.end));
        // Regions never overlap: a region inside an earlier one is dropped.
        let mut out: Vec<Excluded> = Vec::with_capacity(found.len());
        for e in found {
            match out.last_mut() {
                Some(last) if e.start < last.end => last.end = last.end.max(e.end),
                _ => out.push(e),
            }
        }
        out
    }
}

/// Whether a line holds the end of one sentence and the start of another
/// ("... without precedent. Every day ..."): a lower-case word of three or
/// more letters, a full stop, a space and a capital. Headings hold one
/// phrase; "Dr. Ames" and "U.S. Army" do not count.
fn has_sentence_break(line: &str) -> bool {
    line.match_indices(". ").any(|(i, _)| {
        let word = line[..i].rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        word.chars().count() >= 3 && word.chars().all(char::is_lowercase) && line[i + 2..].starts_with(char::is_uppercase)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DataFiles;

    fn furniture() -> Furniture {
        Furniture::compile(DataFiles::builtin().get("boilerplate.toml").unwrap()).unwrap()
    }

    fn excluded_texts(text: &str) -> Vec<(String, String)> {
        furniture().detect(text, 0..text.len()).into_iter().map(|e| (text[e.start..e.end].to_string(), e.reason)).collect()
    }

    const PROSE: &str = "The minister said on Monday that the government would not rule out a response, adding that talks with neighbouring states were continuing and that a decision would be taken within days.";

    #[test]
    fn prompts_are_found_by_their_whole_opening() {
        let f = furniture();
        assert_eq!(f.prompt(&fold_line("Share this story")), Some("share bar"));
        // A prompt opening with a character of two bytes.
        assert_eq!(f.prompt(&fold_line("© 2025 Some Agency")), Some("legal notice"));
        // The same first letter as several prompts, none of their words.
        assert_eq!(f.prompt(&fold_line("Sharp words from the envoy")), None);
        assert_eq!(f.prompt(""), None);
    }

    #[test]
    fn list_under_heading_stops_at_prose() {
        let text = format!("{PROSE}\n\nRelated articles:\nTalks stall in Vienna\nMinister resigns\n\n{PROSE}\n");
        let ex = excluded_texts(&text);
        assert_eq!(ex.len(), 1);
        assert_eq!(ex[0].0, "Related articles:\nTalks stall in Vienna\nMinister resigns");
        assert!(ex[0].1.contains("Related articles"));
    }

    #[test]
    fn headline_list_without_heading_needs_timestamps() {
        let text = format!(
            "{PROSE}\n\nBorder talks resume\n\n3 June 2023 - 10:15\n\nOil price falls\n\n3 June 2023 - 09:40\n\nNew envoy named \"soon\"\n\n2 June 2023 - 18:02\n"
        );
        let ex = excluded_texts(&text);
        assert_eq!(ex.len(), 1);
        assert!(ex[0].0.starts_with("Border talks resume") && ex[0].0.ends_with("18:02"));
        assert!(ex[0].1.starts_with("headline list"));
    }

    #[test]
    fn short_articles_are_not_headline_lists() {
        let text = "Envoys meet\n\n1 May 2023\n\nThe envoy said talks would resume next week.\n\nMore news\n\nA headline\n\n2 May 2023 - 10:00\n\nAnother\n\n2 May 2023 - 09:00\n";
        let ex = excluded_texts(text);
        assert!(ex.iter().all(|(t, _)| !t.contains("The envoy said")), "{ex:?}");
    }

    #[test]
    fn subheadings_and_datelines_stay() {
        let text = format!("Leaders meet\n\nNEWS  4 May 2023 - 12:00\n\n{PROSE}\n\nThe road ahead\n\n{PROSE}\n");
        assert!(excluded_texts(&text).is_empty());
    }

    #[test]
    fn prompts_are_single_lines() {
        let text = format!("{PROSE}\n\nSubscribe to our newsletter\n\n{PROSE}\nShare on Facebook\n");
        let ex = excluded_texts(&text);
        assert_eq!(ex.iter().map(|e| e.1.as_str()).collect::<Vec<_>>(), ["subscribe prompt", "share bar"]);
    }

    #[test]
    fn a_prompt_after_a_list_is_its_own_region() {
        let text = format!("{PROSE}\n\nRelated stories\n\nWater talks stall\n\nShare on social media\n");
        let ex = furniture().detect(&text, 0..text.len());
        assert_eq!(ex.len(), 2);
        assert!(ex[0].end <= ex[1].start);
        assert_eq!(ex[1].reason, "share bar");
    }

    #[test]
    fn quoted_prose_cut_short_is_not_a_heading() {
        let headings =
            |text: &str| -> Vec<String> { furniture().headings(text, 0..text.len()).into_iter().map(|e| text[e.start..e.end].to_string()).collect() };
        // Two sentences, the second cut off; a quotation whose attribution was cut off.
        for line in ["“Our harvest is the best in a decade. Every week more buyers arrive. The price of", "“We call on both sides to hold back,” Norway’s"]
        {
            assert!(headings(&format!("{PROSE}\n\n{line}\n")).is_empty(), "{line}");
        }
        assert_eq!(headings(&format!("{PROSE}\n\nThe road ahead\n\n{PROSE}\n")), ["The road ahead"]);
        assert!(has_sentence_break("It ended. Then"));
        assert!(!has_sentence_break("Dr. Ames and the U.S. Army"));
    }

    #[test]
    fn consecutive_headings_make_separate_regions() {
        let text = format!("{PROSE}\n\nRead also\n\nA headline\n\nLatest news\n\nAnother headline\n\nYet another\n");
        let ex = excluded_texts(&text);
        assert_eq!(ex.len(), 2);
        assert!(ex[0].1.contains("Read also") && ex[1].1.contains("Latest news"));
    }
}
