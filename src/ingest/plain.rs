//! Plain text: the title and header lines of an article, the body, the
//! site furniture in it, and whether it is a transcript (tags, speaker
//! labels, or speech without punctuation).

use crate::ingest::furniture::Furniture;
use crate::ingest::header::{Head, read_head};
use crate::ingest::input::Meta;
use crate::ingest::labels::{labels_make_turns, speaker_labels};
use crate::ingest::tagged::read_tags;
use crate::model::{DocKind, Document, Excluded};
use crate::text::date::{Date, find_date};
use crate::text::lines::lines;
use regex::Regex;
use std::sync::LazyLock;

/// How many non-empty lines at the top may hold a date or source line.
const HEADER_LINES: usize = 15;
/// How many opening lines of the body may announce a statement and its issuer.
const STATEMENT_LINES: usize = 6;
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
        let (kind, kind_reason) = if punctuated { (DocKind::Article, "prose") } else { (DocKind::Transcript, "no sentence punctuation") };
        Document {
            name: name.to_string(),
            origin: name.to_string(),
            title: None,
            date,
            source: None,
            url: None,
            author: None,
            kind,
            kind_reason: kind_reason.into(),
            notes: Vec::new(),
            body: 0..text.len(),
            excluded: Vec::new(),
            labels: Vec::new(),
            issuer: None,
            punctuated,
            text,
            pending: None,
        }
    }

    /// Builds a document from text, as if read from a file called `name`.
    pub fn from_text(name: &str, text: String, furniture: &Furniture) -> Document {
        parse_text(name, name, text, Meta::default(), furniture)
    }
}

pub(crate) fn parse_text(name: &str, origin: &str, text: String, meta: Meta, furniture: &Furniture) -> Document {
    let mut doc = unread(name, origin, text, None);
    lay_out(&mut doc, meta, furniture);
    doc
}

/// A document whose layout is not found yet: all body, no metadata;
/// `pending` keeps what a record gave for [`lay_out`].
pub(crate) fn unread(name: &str, origin: &str, text: String, pending: Option<Meta>) -> Document {
    Document {
        name: name.to_string(),
        origin: origin.to_string(),
        title: None,
        date: None,
        source: None,
        url: None,
        author: None,
        kind: DocKind::Article,
        kind_reason: String::new(),
        notes: Vec::new(),
        body: 0..text.len(),
        excluded: Vec::new(),
        labels: Vec::new(),
        issuer: None,
        punctuated: true,
        text,
        pending: pending.map(Box::new),
    }
}

/// Finds a document's layout: header or tags, metadata (a record's wins),
/// furniture, punctuation, speaker labels, kind and issuer.
pub(crate) fn lay_out(doc: &mut Document, meta: Meta, furniture: &Furniture) {
    let tagged = doc.text.find("<doc>");
    let mut header_kind = None;
    if let Some(open) = tagged {
        read_tags(doc, open);
    } else {
        // A record's text has no title line: the record gives the title or there is none.
        let head = read_head(&doc.text, furniture, !meta.record);
        header_kind = head.kind;
        apply_head(doc, head);
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
    let mut layout = None;
    // The body's lines, classified once for furniture and headings.
    let mut body_lines = None;
    if tagged.is_none() {
        doc.excluded = furniture.detect_in(&doc.text, body_lines.get_or_insert_with(|| furniture.body_lines(&doc.text, doc.body.clone())));
        let times = furniture.line_times(&doc.text, doc.body.clone());
        layout = furniture.transcript_layout(&doc.text, doc.body.clone(), times.len());
        if times.len() >= 2 {
            doc.excluded = merge_regions(std::mem::take(&mut doc.excluded), times);
        }
    }
    let readable = readable_body(doc);
    doc.punctuated = is_punctuated(&readable);
    let labels = speaker_labels(&doc.text, doc.body.clone(), &doc.excluded_ranges(), furniture);
    let speakers = labels.iter().map(|l| l.name.as_str()).collect::<std::collections::BTreeSet<_>>().len();
    (doc.kind, doc.kind_reason) = match meta.kind.or(header_kind) {
        Some(k) => (k, "given".to_string()),
        None if tagged.is_some() => (DocKind::Transcript, "<doc> tags".to_string()),
        None if labels_make_turns(&labels) => (DocKind::Transcript, format!("speaker labels: {} labels, {speakers} speakers", labels.len())),
        None if !doc.punctuated => (DocKind::Transcript, "no sentence punctuation".to_string()),
        None if layout.is_some() => (DocKind::Transcript, layout.unwrap_or_default()),
        None => (DocKind::Article, "prose".to_string()),
    };
    if doc.kind == DocKind::Transcript && labels_make_turns(&labels) {
        // The labels themselves are nobody's words.
        let spans = labels.iter().map(|l| {
            let line_end = doc.text[l.line..].find(['\n', '\r']).map_or(doc.text.len(), |e| l.line + e);
            Excluded { start: l.line, end: l.words.min(line_end), reason: "speaker label".into() }
        });
        doc.excluded = merge_regions(std::mem::take(&mut doc.excluded), spans.filter(|e| e.end > e.start).collect());
        doc.labels = labels;
    }
    if doc.kind == DocKind::Article {
        doc.excluded = merge_regions(
            std::mem::take(&mut doc.excluded),
            furniture.headings_in(&doc.text, body_lines.get_or_insert_with(|| furniture.body_lines(&doc.text, doc.body.clone()))),
        );
    }
    // A statement in its issuer's own voice: the title or an opening line says so.
    let opening = lines(&doc.text[doc.body.clone()]).map(|l| l.content).filter(|l| !l.trim().is_empty()).take(STATEMENT_LINES);
    doc.issuer = doc.title.iter().map(String::as_str).chain(opening).find_map(|l| furniture.issuer(l));
    if let Some(issuer) = &doc.issuer {
        doc.notes.push(format!("a statement issued by {issuer}"));
    }
    if doc.body_bytes() == 0 || readable.trim().is_empty() {
        doc.notes.push("empty body: nothing to analyse".into());
    }
}

/// Takes what the top of the text says.
fn apply_head(doc: &mut Document, head: Head) {
    doc.title = head.title;
    doc.date = head.date;
    doc.source = head.source;
    doc.url = head.url;
    doc.author = head.author;
    doc.notes = head.notes;
    doc.body = head.body_start.min(doc.text.len())..doc.text.len();
    // A dateline or "Source: X" line a little further down.
    for line in lines(&doc.text[doc.body.clone()]).map(|l| l.content).filter(|l| !l.trim().is_empty()).take(HEADER_LINES) {
        let t = line.trim();
        if t.len() > HEADER_LINE_BYTES {
            continue;
        }
        if doc.date.is_none() {
            doc.date = find_date(t).map(|(d, _)| d);
        }
        if doc.source.is_none() {
            doc.source = SOURCE_LINE.captures(t).map(|c| c[1].to_string());
        }
    }
}

/// Two sorted lists of excluded regions as one, overlaps joined.
fn merge_regions(a: Vec<Excluded>, b: Vec<Excluded>) -> Vec<Excluded> {
    let mut all: Vec<Excluded> = a.into_iter().chain(b).collect();
    // The longer region first where two start together: its reason stays.
    all.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
    let mut out: Vec<Excluded> = Vec::with_capacity(all.len());
    for e in all {
        match out.last_mut() {
            Some(last) if e.start < last.end => last.end = last.end.max(e.end),
            _ => out.push(e),
        }
    }
    out
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
    // One pass: words (white-space separated, with a letter) and marks.
    let (mut words, mut marks) = (0, 0);
    let mut letter_in_word = false;
    for c in text.chars() {
        if c.is_whitespace() {
            letter_in_word = false;
        } else if !letter_in_word && c.is_alphabetic() {
            letter_in_word = true;
            words += 1;
        } else if matches!(c, '.' | '?' | '!') {
            marks += 1;
        }
    }
    if words < MIN_WORDS_TO_JUDGE {
        return words < LONGEST_UNMARKED_RUN || marks > 0;
    }
    marks * WORDS_PER_MARK >= words
}
