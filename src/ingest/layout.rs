//! What one line of a document looks like: a speaker label (`HOST:`,
//! `Jane Doe (00:27):`) or a header key (`Source:`). Ingestion's other
//! modules ask here, so that none of them needs another.

use regex::Regex;
use std::sync::LazyLock;

pub(crate) static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(?:>>[ \t]*)?\[?([A-Z][A-Za-z0-9.'’\- ]{0,40}|Q|A)\]?(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*:(?:[ \t]+|[ \t]*$)").expect("valid regex")
});

/// Longest speaker label, in words ("Pentagon Deputy Spokesperson Jane Doe":
/// beyond, a colon after a clause).
const MAX_LABEL_WORDS: usize = 5;

/// Words of a label: each capitalised (or a number, or a name particle).
pub(crate) fn label_words_ok(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= MAX_LABEL_WORDS
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || matches!(*w, "bin" | "al" | "de" | "van" | "von" | "la" | "le" | "el" | "of")
        })
}

/// What a header field is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Title,
    Date,
    Source,
    Url,
    Author,
    Kind,
}

/// The header field a key names, if it is one we read.
pub(crate) fn field(key: &str) -> Option<Field> {
    Some(match key.trim().to_ascii_lowercase().replace(['_', '-'], " ").as_str() {
        "title" | "headline" => Field::Title,
        "date" | "published" | "publish date" | "published at" | "pubdate" | "updated" => Field::Date,
        "source" | "outlet" | "publisher" | "site" | "site name" | "published by" => Field::Source,
        "url" | "link" | "source url" | "canonical" => Field::Url,
        "author" | "authors" | "byline" | "by" => Field::Author,
        "kind" | "type" | "format" => Field::Kind,
        _ => return None,
    })
}

/// Whether a line opens with a speaker label and words after it.
pub(crate) fn is_label_line(line: &str) -> bool {
    LABEL.captures(line).is_some_and(|c| {
        let end = c.get(0).map_or(0, |m| m.end());
        label_words_ok(c[1].trim()) && !line[end..].trim().is_empty()
    })
}
