//! The top of a plain-text document, as people save pages: YAML front
//! matter (`---` ... `---`), `# key: value` and `Key: value` header lines
//! (title, date, source, url, author, kind), date lines, lines of page
//! chrome ("Skip to main content", "Photo: AFP"), and the title.
//!
//! A first line is a title only when it looks like one: short, no final
//! stop, with more text after it. A one-paragraph document or a first line
//! that reads as a sentence has no title, and the line stays body.

use crate::ingest::furniture::Furniture;
use crate::ingest::layout::{Field, field, is_label_line};
use crate::model::DocKind;
use crate::text::date::{Date, find_date, is_timestamp_line};
use crate::text::lines::lines;
use regex::Regex;
use std::sync::LazyLock;

/// Longest title, in characters (headlines run 60-120).
const MAX_TITLE_CHARS: usize = 200;
/// Most words in a title.
const MAX_TITLE_WORDS: usize = 30;
/// How many lines of chrome and dates may stand before the title.
const MAX_LINES_BEFORE_TITLE: usize = 8;
/// Most words of a department or section name standing over a headline.
const SECTION_WORDS: usize = 3;
/// How many lines front matter may hold before its closing `---`.
const MAX_FRONT_MATTER_LINES: usize = 100;

/// `# key: value` or `Key: value` at the top of a document.
static HEADER_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(#+\s*)?([A-Za-z][A-Za-z _-]{0,24}?)\s*:\s*(.*?)\s*$").expect("valid regex"));

/// A document kind named in a header ("transcript", "interview", "article").
pub(crate) fn kind_named(value: &str) -> Option<DocKind> {
    match value.trim().to_ascii_lowercase().as_str() {
        "transcript" | "interview" | "speech" | "broadcast" | "captions" | "briefing" => Some(DocKind::Transcript),
        "article" | "news" | "report" | "analysis" | "statement" | "press release" => Some(DocKind::Article),
        _ => None,
    }
}

/// What the top of a document says about it.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Head {
    /// The title, from a header field or the first line that looks like one.
    pub title: Option<String>,
    /// Date from a header field or a date line near the top.
    pub date: Option<Date>,
    /// Source or outlet.
    pub source: Option<String>,
    /// Address of the page.
    pub url: Option<String>,
    /// Author or byline.
    pub author: Option<String>,
    /// Kind named in a header.
    pub kind: Option<DocKind>,
    /// Where the body starts.
    pub body_start: usize,
    /// What a reader of `docs` should know ("no title: the first line reads as body").
    pub notes: Vec<String>,
}

impl Head {
    fn set(&mut self, f: Field, value: &str) {
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        if value.is_empty() {
            return;
        }
        match f {
            Field::Title => self.title = self.title.take().or_else(|| Some(value.to_string())),
            Field::Date => self.date = self.date.or_else(|| Date::parse_iso(value.get(..10).unwrap_or(value)).or_else(|| find_date(value).map(|(d, _)| d))),
            // "# source: https://www.example.org/..." names the page; its host names the outlet.
            Field::Source if value.starts_with("http://") || value.starts_with("https://") => {
                self.url = self.url.take().or_else(|| Some(value.to_string()));
                let host = value.split("//").nth(1).unwrap_or("").split(['/', '?', '#']).next().unwrap_or("");
                let host = host.strip_prefix("www.").unwrap_or(host);
                if !host.is_empty() {
                    self.source = self.source.take().or_else(|| Some(host.to_string()));
                }
            }
            Field::Source => self.source = self.source.take().or_else(|| Some(value.to_string())),
            Field::Url => self.url = self.url.take().or_else(|| Some(value.to_string())),
            Field::Author => self.author = self.author.take().or_else(|| Some(value.to_string())),
            Field::Kind => self.kind = self.kind.or_else(|| kind_named(value)),
        }
    }
}

/// Reads the top of `text`: front matter, header lines, and (when
/// `find_title`) a title line; the body starts after what was read.
pub(crate) fn read_head(text: &str, furniture: &Furniture, find_title: bool) -> Head {
    let mut head = Head::default();
    let start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut at = front_matter(text, start, &mut head).unwrap_or(start);
    at = header_lines(text, at, &mut head);
    head.body_start = at;
    if find_title && head.title.is_none() {
        title_line(text, furniture, &mut head);
    }
    head
}

/// YAML front matter opening the text: its fields, and where it ends.
fn front_matter(text: &str, start: usize, head: &mut Head) -> Option<usize> {
    let mut ls = lines(&text[start..]);
    let first = ls.find(|l| !l.content.trim().is_empty())?;
    if first.content.trim() != "---" {
        return None;
    }
    let mut fields = Vec::new();
    for l in ls.take(MAX_FRONT_MATTER_LINES) {
        let t = l.content.trim();
        if t == "---" || t == "..." {
            for (f, v) in fields {
                head.set(f, v);
            }
            return Some(start + l.next);
        }
        if let Some((k, v)) = t.split_once(':')
            && let Some(f) = field(k)
        {
            fields.push((f, v));
        }
    }
    None
}

/// `# key: value` and `Key: value` lines from `at`, with blank lines
/// between them; returns where they end.
fn header_lines(text: &str, at: usize, head: &mut Head) -> usize {
    let mut end = at;
    for l in lines(&text[at..]) {
        let t = l.content.trim();
        if t.is_empty() {
            continue;
        }
        let Some(c) = HEADER_LINE.captures(t) else { break };
        let Some(f) = field(&c[2]) else { break };
        // "Source: ..." is a header; "Date: ..." glued to prose is not.
        if c.get(1).is_none() && c[3].split_whitespace().count() > 12 {
            break;
        }
        head.set(f, &c[3]);
        end = at + l.next;
    }
    end
}

/// Whether a line reads as a title: short, with no final stop.
pub(crate) fn looks_like_title(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    let end = t.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']);
    (1..=MAX_TITLE_WORDS).contains(&words)
        && t.chars().count() <= MAX_TITLE_CHARS
        && t.chars().any(char::is_alphabetic)
        && !end.ends_with(['.', ',', ';', ':'])
        && !is_label_line(t)
}

/// The title: past lines of chrome and dates, the first line, when it
/// looks like a title and more text follows it.
fn title_line(text: &str, furniture: &Furniture, head: &mut Head) {
    let at = head.body_start;
    let mut ls = lines(&text[at..]).filter(|l| !l.content.trim().is_empty()).peekable();
    let mut skipped = 0;
    while let Some(l) = ls.next() {
        let t = l.content.trim();
        let unbulleted = t.trim_start_matches(['•', '·', '*', '|', '-', ' ']);
        if skipped < MAX_LINES_BEFORE_TITLE && (is_timestamp_line(unbulleted) || furniture.line_reason(t).is_some()) {
            if head.date.is_none() {
                head.date = find_date(t).map(|(d, _)| d);
            }
            skipped += 1;
            continue;
        }
        // A photo caption with its credit ("... (File)") is not the title.
        if skipped < MAX_LINES_BEFORE_TITLE && furniture.is_caption(t) {
            skipped += 1;
            continue;
        }
        let more = ls.peek().is_some();
        // One word is a title only with a blank line under it ("Headline\n\n...").
        let one_word_ok = t.split_whitespace().count() > 1 || text[at + l.range.end..].trim_start_matches([' ', '\t']).starts_with(['\n', '\r']) && more;
        if looks_like_title(t) && more && one_word_ok {
            head.title = Some(t.to_string());
            head.body_start = at + l.next;
            // A department or section name over the headline ("Ministry of
            // Defence", then the headline): the longer line is the title.
            if t.split_whitespace().count() <= SECTION_WORDS {
                let mut rest =
                    lines(&text[at + l.next..]).filter(|l| !l.content.trim().is_empty()).filter(|l| furniture.line_reason(l.content.trim()).is_none());
                if let (Some(next), Some(_)) = (rest.next(), rest.next())
                    && looks_like_title(next.content)
                    && next.content.split_whitespace().count() > SECTION_WORDS
                {
                    head.title = Some(next.content.trim().to_string());
                    head.body_start = at + l.next + next.next;
                }
            }
        } else {
            head.notes.push("no title: the first line reads as body".into());
        }
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &str) -> Head {
        read_head(text, &crate::engine::Engine::builtin().furniture, true)
    }

    #[test]
    fn yaml_front_matter_gives_fields_and_is_not_body() {
        let t = "---\ntitle: \"Talks resume\"\ndate: 2024-05-02\nsource: The Daily Planet\nurl: https://example.org/a\nauthor: Jo Bloggs\nkind: article\ntags: [a, b]\n---\nThe minister said talks would resume.\n";
        let h = head(t);
        assert_eq!(h.title.as_deref(), Some("Talks resume"));
        assert_eq!(h.date.map(|d| d.to_string()).as_deref(), Some("2024-05-02"));
        assert_eq!(h.source.as_deref(), Some("The Daily Planet"));
        assert_eq!(h.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(h.author.as_deref(), Some("Jo Bloggs"));
        assert_eq!(&t[h.body_start..], "The minister said talks would resume.\n");
    }

    #[test]
    fn hash_header_lines_then_a_headline() {
        let t = "# source: https://example.org/x\n# date: 2023-01-09\nBorder talks stall again\n\nThe envoy said nothing had moved.\n";
        let h = head(t);
        assert_eq!(h.url.as_deref(), Some("https://example.org/x"));
        assert_eq!(h.source.as_deref(), Some("example.org"));
        assert_eq!(h.title.as_deref(), Some("Border talks stall again"));
        assert_eq!(&t[h.body_start..], "\nThe envoy said nothing had moved.\n");
    }

    #[test]
    fn key_value_header_lines() {
        let t = "Title: Border talks stall\nDate: 9 January 2023\nSource: Wire\n\nThe envoy said nothing had moved.\n";
        let h = head(t);
        assert_eq!(h.title.as_deref(), Some("Border talks stall"));
        assert_eq!(h.date.map(|d| d.to_string()).as_deref(), Some("2023-01-09"));
        assert_eq!(h.source.as_deref(), Some("Wire"));
    }

    #[test]
    fn a_sentence_first_line_is_body_not_title() {
        let t = "# source: https://example.org/x\nThe envoy said nothing had moved, officials confirmed on Monday.\nTalks resume next week.\n";
        let h = head(t);
        assert_eq!(h.title, None);
        assert!(t[h.body_start..].starts_with("The envoy said"));
        assert_eq!(h.notes, vec!["no title: the first line reads as body".to_string()]);
    }

    #[test]
    fn a_one_paragraph_document_has_no_title() {
        let h = head("Talks resume next week in the capital without preconditions\n");
        assert_eq!(h.title, None);
        assert_eq!(h.body_start, 0);
    }

    #[test]
    fn chrome_and_date_lines_before_the_title_are_skipped() {
        let t = "Skip to main content\nMarch 3, 2024\nTalks resume in the capital\n\nThe envoy said nothing had moved.\n";
        let h = head(t);
        assert_eq!(h.title.as_deref(), Some("Talks resume in the capital"));
        assert_eq!(h.date.map(|d| d.to_string()).as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn a_speaker_label_line_is_not_a_title() {
        let h = head("HOST: Welcome back to the programme\nGUEST: Thank you.\n");
        assert_eq!(h.title, None);
    }

    #[test]
    fn a_long_key_value_line_is_prose_not_a_header() {
        let t = "Date: the day the ministry finally published its long awaited report on the talks and the border\nMore text.\n";
        assert_eq!(head(t).date, None);
    }
}
