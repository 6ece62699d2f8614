//! Plain text: the title and header lines of an article, the body, the
//! site furniture in it, and whether it is a transcript (tags, speaker
//! labels, or speech without punctuation).

use crate::ingest::furniture::Furniture;
use crate::ingest::input::Meta;
use crate::ingest::labels::has_speaker_labels;
use crate::ingest::tagged::read_tags;
use crate::model::{DocKind, Document};
use crate::text::date::{Date, find_date};
use crate::text::lines::lines;
use regex::Regex;
use std::sync::LazyLock;

/// How many non-empty lines at the top may hold a date or source line.
const HEADER_LINES: usize = 15;
/// Longest line read as a header line (a dateline, "Source: X").
const HEADER_LINE_BYTES: usize = 100;
/// Prose has at least one `.`, `?` or `!` per this many words (news averages
/// one per 20-25; speech-to-text output often has none).
const WORDS_PER_MARK: usize = 80;
/// Under this many words there is too little to judge by the rate...
const MIN_WORDS_TO_JUDGE: usize = 60;
/// ...unless this many words run without a single mark.
const LONGEST_UNMARKED_RUN: usize = 25;

static SOURCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:source|publisher|outlet|published by)\s*[:|]\s*(.+?)\s*$").expect("valid regex"));

impl Document {
    /// A document that is all body (a sentence to explain or test a rule on).
    pub fn snippet(name: &str, text: String, date: Option<Date>) -> Document {
        let punctuated = is_punctuated(&text);
        Document {
            name: name.to_string(),
            origin: name.to_string(),
            title: None,
            date,
            source: None,
            kind: if punctuated { DocKind::Article } else { DocKind::Transcript },
            body: 0..text.len(),
            excluded: Vec::new(),
            punctuated,
            text,
        }
    }

    /// Builds a document from text, as if read from a file called `name`.
    pub fn from_text(name: &str, text: String, furniture: &Furniture) -> Document {
        parse_text(name, name, text, Meta::default(), furniture)
    }
}

pub(crate) fn parse_text(name: &str, origin: &str, text: String, meta: Meta, furniture: &Furniture) -> Document {
    let mut doc = Document {
        name: name.to_string(),
        origin: origin.to_string(),
        title: None,
        date: None,
        source: None,
        kind: DocKind::Article,
        body: 0..text.len(),
        excluded: Vec::new(),
        punctuated: true,
        text,
    };
    let tagged = doc.text.find("<doc>");
    if let Some(open) = tagged {
        read_tags(&mut doc, open);
        doc.kind = DocKind::Transcript;
    } else {
        read_plain_header(&mut doc, meta.title.is_some());
        doc.excluded = furniture.detect(&doc.text, doc.body.clone());
    }
    // Metadata given outside the text wins.
    if meta.title.is_some() {
        doc.title = meta.title;
    }
    if meta.date.is_some() {
        doc.date = meta.date;
    }
    if meta.source.is_some() {
        doc.source = meta.source;
    }
    let readable = readable_body(&doc);
    doc.punctuated = is_punctuated(&readable);
    doc.kind = match meta.kind {
        Some(k) => k,
        None if tagged.is_some() => DocKind::Transcript,
        None if !doc.punctuated || has_speaker_labels(&readable) => DocKind::Transcript,
        None => DocKind::Article,
    };
    doc
}

fn read_plain_header(doc: &mut Document, title_given: bool) {
    let text = &doc.text;
    // Title: first non-empty line (unless the title came with the record).
    let mut body_start = 0;
    let mut title = None;
    if !title_given {
        for line in lines(text) {
            let t = line.content.trim_start_matches('\u{feff}').trim();
            if !t.is_empty() {
                title = Some(t.to_string());
                body_start = line.next;
                break;
            }
        }
    }
    // Date and source: short header lines near the top.
    let mut date = None;
    let mut source = None;
    for line in lines(text).map(|l| l.content).filter(|l| !l.trim().is_empty()).take(HEADER_LINES) {
        let t = line.trim();
        if t.len() > HEADER_LINE_BYTES {
            continue;
        }
        if date.is_none() {
            date = find_date(t).map(|(d, _)| d);
        }
        if source.is_none() {
            source = SOURCE_LINE.captures(t).map(|c| c[1].to_string());
        }
    }
    doc.title = title;
    doc.date = date;
    doc.source = source;
    doc.body = body_start.min(text.len())..text.len();
}

/// The body without its excluded regions.
fn readable_body(doc: &Document) -> String {
    let mut out = String::with_capacity(doc.body.len());
    let mut at = doc.body.start;
    for e in &doc.excluded {
        if e.start > at {
            out.push_str(&doc.text[at..e.start]);
        }
        at = at.max(e.end);
    }
    if at < doc.body.end {
        out.push_str(&doc.text[at..doc.body.end]);
    }
    out
}

/// Whether text has sentence punctuation: at least one `.`, `?` or `!` per
/// 80 words (news prose averages one per 20-25; speech-to-text output often
/// has none). Under 60 words there is too little to tell, unless 25 or more
/// words run without a single mark.
pub(crate) fn is_punctuated(text: &str) -> bool {
    let words = text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
    let marks = text.bytes().filter(|b| matches!(b, b'.' | b'?' | b'!')).count();
    if words < MIN_WORDS_TO_JUDGE {
        return words < LONGEST_UNMARKED_RUN || marks > 0;
    }
    marks * WORDS_PER_MARK >= words
}
