//! Ingestion: paths in, [`Document`]s out.
//!
//! Reads plain-text articles, tagged speech-to-text transcripts
//! (`<video_title>`, `<publish_date>`, `<doc>…</doc>`), JSON Lines corpora
//! (one `{"id","title","date","source","text"}` object per line),
//! directories (recursively, in path order) and standard input (`-`). Each
//! document gets its metadata (title, ISO date, source, kind), its original
//! text, the byte range of its body, and the site furniture excluded from
//! the body. Bad input (missing files, binary or non-UTF-8 data, empty
//! files, absurdly long lines) becomes one [`InputError`] per input; the
//! other inputs are still read. Offsets of documents read from JSON Lines
//! are offsets into the record's `text` string.

pub mod furniture;

use crate::error::InputError;
use crate::ingest::furniture::Furniture;
use crate::model::{DocKind, Document};
use crate::text::date::{Date, find_date};
use regex::Regex;
use serde::Deserialize;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

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

/// Limits that protect against input that is not a document.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Longest accepted line, in bytes.
    pub max_line_bytes: usize,
    /// Largest accepted file, in bytes.
    pub max_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_line_bytes: 1 << 20, max_file_bytes: 1 << 30 }
    }
}

/// Documents read, and the inputs that failed.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Documents, in input order.
    pub docs: Vec<Document>,
    /// One error per input that could not be used.
    pub errors: Vec<InputError>,
}

/// Metadata given outside the text (JSON Lines fields).
#[derive(Debug, Default, Clone)]
struct Meta {
    title: Option<String>,
    date: Option<Date>,
    source: Option<String>,
    kind: Option<DocKind>,
}

/// Reads every path (`-` is standard input).
pub fn load(paths: &[String], limits: Limits, furniture: &Furniture) -> Loaded {
    let mut out = Loaded::default();
    for p in paths {
        if p == "-" {
            let mut bytes = Vec::new();
            match std::io::stdin().read_to_end(&mut bytes) {
                Ok(_) => add_bytes("stdin", "-", bytes, limits, furniture, &mut out),
                Err(e) => out.errors.push(InputError { path: "-".into(), message: format!("cannot read standard input: {e}") }),
            }
            continue;
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Err(e) => out.errors.push(InputError { path: p.clone(), message: io_message(&e) }),
            Ok(m) if m.is_dir() => {
                let mut files = Vec::new();
                if let Err(e) = walk(path, &mut files) {
                    out.errors.push(InputError { path: p.clone(), message: io_message(&e) });
                    continue;
                }
                files.sort();
                if files.is_empty() {
                    out.errors.push(InputError {
                        path: p.clone(),
                        message: "directory holds no documents (looked for *.txt, *.text, *.md, *.jsonl, *.ndjson and files without extension)".into(),
                    });
                }
                for f in files {
                    add_file(&f, limits, furniture, &mut out);
                }
            }
            Ok(_) => add_file(path, limits, furniture, &mut out),
        }
    }
    out
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot read: {e}"),
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        let ft = entry.file_type()?;
        if ft.is_dir() {
            walk(&path, out)?;
        } else if ft.is_file() || (ft.is_symlink() && path.is_file()) {
            let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
            if matches!(ext.as_deref(), None | Some("txt" | "text" | "md" | "jsonl" | "ndjson")) {
                out.push(path);
            }
        }
    }
    Ok(())
}

fn add_file(path: &Path, limits: Limits, furniture: &Furniture, out: &mut Loaded) {
    let shown = path.display().to_string();
    let size = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) => {
            out.errors.push(InputError { path: shown, message: io_message(&e) });
            return;
        }
    };
    if size > limits.max_file_bytes {
        out.errors.push(InputError { path: shown, message: format!("file is {size} bytes; the limit is {} bytes", limits.max_file_bytes) });
        return;
    }
    match std::fs::read(path) {
        Ok(bytes) => {
            let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| shown.clone());
            add_bytes(&name, &shown, bytes, limits, furniture, out);
        }
        Err(e) => out.errors.push(InputError { path: shown, message: io_message(&e) }),
    }
}

/// Checks that bytes are a text document: not empty, not binary, UTF-8.
fn check_bytes(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes); stance reads UTF-8 text".into());
    }
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("not valid UTF-8 (first bad byte at offset {}); convert the file to UTF-8", e.utf8_error().valid_up_to()))?;
    if text.trim().is_empty() {
        return Err("empty file (only whitespace)".into());
    }
    Ok(text)
}

/// The first line longer than the limit, as (1-based line number, length).
fn long_line(text: &str, max: usize) -> Option<(usize, usize)> {
    text.split('\n').enumerate().find(|(_, l)| l.len() > max).map(|(i, l)| (i + 1, l.len()))
}

fn add_bytes(name: &str, shown: &str, bytes: Vec<u8>, limits: Limits, furniture: &Furniture, out: &mut Loaded) {
    let text = match check_bytes(bytes) {
        Ok(t) => t,
        Err(message) => {
            out.errors.push(InputError { path: shown.into(), message });
            return;
        }
    };
    let lower = name.to_ascii_lowercase();
    let jsonl = lower.ends_with(".jsonl") || lower.ends_with(".ndjson") || (name == "stdin" && looks_like_jsonl(&text));
    if jsonl {
        add_jsonl(name, shown, &text, limits, furniture, out);
        return;
    }
    if let Some((line, len)) = long_line(&text, limits.max_line_bytes) {
        out.errors.push(InputError {
            path: shown.into(),
            message: format!("line {line} is {len} bytes long (limit {}); not a text document? raise the limit with --max-line-bytes", limits.max_line_bytes),
        });
        return;
    }
    out.docs.push(parse_text(name, shown, text, Meta::default(), furniture));
}

fn looks_like_jsonl(text: &str) -> bool {
    text.lines().filter(|l| !l.trim().is_empty()).all(|l| l.trim_start().starts_with('{'))
}

/// One JSON Lines record; only `text` is required, unknown fields are ignored.
#[derive(Deserialize)]
struct JsonDoc {
    id: Option<serde_json::Value>,
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    kind: Option<String>,
    text: String,
}

fn add_jsonl(name: &str, shown: &str, text: &str, limits: Limits, furniture: &Furniture, out: &mut Loaded) {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let before = out.docs.len();
    for (i, line) in text.lines().enumerate() {
        let where_ = format!("{shown}:{}", i + 1);
        if line.trim().is_empty() {
            continue;
        }
        let rec: JsonDoc = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                out.errors.push(InputError { path: where_, message: format!("not a document record: {e} (expected an object with a \"text\" string)") });
                continue;
            }
        };
        if rec.text.trim().is_empty() {
            out.errors.push(InputError { path: where_, message: "empty \"text\"".into() });
            continue;
        }
        if let Some((l, len)) = long_line(&rec.text, limits.max_line_bytes) {
            out.errors.push(InputError {
                path: where_,
                message: format!("line {l} of \"text\" is {len} bytes long (limit {}); raise it with --max-line-bytes", limits.max_line_bytes),
            });
            continue;
        }
        let date = match rec.date.as_deref() {
            None | Some("") => None,
            Some(d) => match Date::parse_iso(d).or_else(|| find_date(d).map(|(d, _)| d)) {
                Some(d) => Some(d),
                None => {
                    out.errors.push(InputError { path: where_.clone(), message: format!("unreadable \"date\" {d:?} (use YYYY-MM-DD); date left empty") });
                    None
                }
            },
        };
        let kind = match rec.kind.as_deref() {
            None => None,
            Some("article") => Some(DocKind::Article),
            Some("transcript") => Some(DocKind::Transcript),
            Some(k) => {
                out.errors.push(InputError { path: where_.clone(), message: format!("unknown \"kind\" {k:?} (article or transcript); guessed from the text") });
                None
            }
        };
        let doc_name = match &rec.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{stem}#{}", i + 1),
        };
        let meta = Meta { title: rec.title.filter(|t| !t.trim().is_empty()), date, source: rec.source.filter(|s| !s.trim().is_empty()), kind };
        out.docs.push(parse_text(&doc_name, &where_, rec.text, meta, furniture));
    }
    if out.docs.len() == before && !out.errors.iter().any(|e| e.path.starts_with(&format!("{shown}:"))) {
        out.errors.push(InputError { path: shown.into(), message: "no document records".into() });
    }
}

/// Tags of a tagged transcript before `<doc>`.
static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<([a-z_]+)>(.*?)</([a-z_]+)>").expect("valid regex"));
static SOURCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:source|publisher|outlet|published by)\s*[:|]\s*(.+?)\s*$").expect("valid regex"));
static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^[ \t]*\[?([A-Z][A-Za-z.'\- ]{0,40}|[A-Z][A-Z0-9 .'\-]{0,40}|Q|A)\]?[ \t]*:[ \t]+").expect("valid regex"));

fn parse_text(name: &str, origin: &str, text: String, meta: Meta, furniture: &Furniture) -> Document {
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

fn read_tags(doc: &mut Document, open: usize) {
    let head = &doc.text[..open];
    let mut title = None;
    let mut date = None;
    let mut source = None;
    for c in TAG.captures_iter(head) {
        if c[1] != c[3] {
            continue;
        }
        let value = c[2].trim();
        match &c[1] {
            "video_title" | "title" => title = Some(value.to_string()),
            "publish_date" | "date" | "upload_date" => date = Date::parse_iso(value).or_else(|| find_date(value).map(|(d, _)| d)),
            "source" | "channel" | "outlet" => source = Some(value.to_string()),
            _ => {}
        }
    }
    if source.is_none() {
        // "Title | Outlet" (video titles name their channel last).
        source = title.as_deref().and_then(|t: &str| t.rsplit_once(" | ")).map(|(_, s)| s.trim().to_string()).filter(|s| !s.is_empty());
    }
    let mut start = open + "<doc>".len();
    if doc.text[start..].starts_with("\r\n") {
        start += 2;
    } else if doc.text[start..].starts_with('\n') {
        start += 1;
    }
    let end = doc.text[start..].find("</doc>").map_or(doc.text.len(), |e| start + e);
    doc.body = start..end;
    doc.title = title;
    doc.date = date;
    doc.source = source;
}

fn read_plain_header(doc: &mut Document, title_given: bool) {
    let text = &doc.text;
    // Title: first non-empty line (unless the title came with the record).
    let mut offset = 0;
    let mut body_start = 0;
    let mut title = None;
    if !title_given {
        for line in text.split_inclusive('\n') {
            let t = line.trim();
            offset += line.len();
            if !t.is_empty() {
                title = Some(t.trim_start_matches('\u{feff}').trim().to_string());
                body_start = offset;
                break;
            }
        }
    }
    // Date and source: short header lines near the top.
    let mut date = None;
    let mut source = None;
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(15) {
        let t = line.trim();
        if t.len() > 100 {
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
pub fn is_punctuated(text: &str) -> bool {
    let words = text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
    let marks = text.bytes().filter(|b| matches!(b, b'.' | b'?' | b'!')).count();
    if words < 60 {
        return words < 25 || marks > 0;
    }
    marks * 80 >= words
}

/// Speaker labels opening lines of `body` (`HOST: ...`, `[Jane Doe]: ...`),
/// at most four words each: where the words after each label begin (byte
/// offset into `body`), and the label.
pub fn speaker_labels(body: &str) -> Vec<(usize, String)> {
    LABEL
        .captures_iter(body)
        .filter_map(|c| {
            let end = c.get(0)?.end();
            let label = c[1].trim();
            let has_words = body[end..].chars().next().is_some_and(|ch| !ch.is_whitespace());
            (has_words && label.split_whitespace().count() <= 4).then(|| (end, label.to_string()))
        })
        .collect()
}

/// Whether labels lay a body out as turns: at least three, by at least two speakers.
pub fn labels_make_turns(labels: &[(usize, String)]) -> bool {
    labels.len() >= 3 && labels.iter().map(|(_, l)| l).collect::<std::collections::BTreeSet<_>>().len() >= 2
}

/// Whether a body is laid out as labelled turns (`HOST: ...`).
pub fn has_speaker_labels(body: &str) -> bool {
    labels_make_turns(&speaker_labels(body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DataFiles;

    fn furniture() -> Furniture {
        Furniture::compile(DataFiles::builtin().get("boilerplate.toml").unwrap()).unwrap()
    }

    #[test]
    fn plain_article_metadata() {
        let text = "Talks resume in Doha\n\nWORLD  3 June 2023 - 10:15\n\nSource: Example Wire\n\nThe foreign minister said talks would resume.\n".to_string();
        let d = Document::from_text("a.txt", text, &furniture());
        assert_eq!(d.title.as_deref(), Some("Talks resume in Doha"));
        assert_eq!(d.date.map(|d| d.to_string()).as_deref(), Some("2023-06-03"));
        assert_eq!(d.source.as_deref(), Some("Example Wire"));
        assert_eq!(d.kind, DocKind::Article);
        assert!(d.text[d.body.clone()].starts_with("\nWORLD"));
    }

    #[test]
    fn tagged_transcript_metadata_and_body() {
        let text = "<video_id>x</video_id>\n<video_title>Ceasefire talks | Example TV</video_title>\n<publish_date>20230603</publish_date>\n\n<doc>\nhello and welcome\n</doc>".to_string();
        let d = Document::from_text("t.txt", text, &furniture());
        assert_eq!(d.kind, DocKind::Transcript);
        assert_eq!(d.title.as_deref(), Some("Ceasefire talks | Example TV"));
        assert_eq!(d.source.as_deref(), Some("Example TV"));
        assert_eq!(d.date.map(|d| d.to_string()).as_deref(), Some("2023-06-03"));
        assert_eq!(&d.text[d.body.clone()], "hello and welcome\n");
    }

    #[test]
    fn transcript_without_closing_tag_reads_to_end() {
        let d = Document::from_text("t.txt", "<doc>\nno closing tag here".to_string(), &furniture());
        assert_eq!(&d.text[d.body.clone()], "no closing tag here");
    }

    #[test]
    fn unpunctuated_text_is_a_transcript() {
        let words = "so the minister said that they would respond and we will see what happens next ".repeat(10);
        let d = Document::from_text("u.txt", format!("Title\n\n{words}"), &furniture());
        assert!(!d.punctuated);
        assert_eq!(d.kind, DocKind::Transcript);
    }

    #[test]
    fn punctuation_is_judged_on_short_texts_too() {
        // A short sentence without a final stop is still prose ...
        assert!(is_punctuated("The ministry said talks would resume"));
        // ... but thirty words without a single stop are speech.
        assert!(!is_punctuated(&"the minister said they would respond soon ".repeat(5)));
        assert!(is_punctuated(&"The minister said they would respond soon. ".repeat(5)));
    }

    #[test]
    fn speaker_labels_open_lines_and_need_two_speakers() {
        let body = "HOST: Good evening.\n[Jane Doe]: Thank you.\nNOTE:\nHOST: Next?\n";
        let l = speaker_labels(body);
        assert_eq!(l.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(), ["HOST", "Jane Doe", "HOST"]);
        assert_eq!(&body[l[1].0..l[1].0 + 5], "Thank");
        assert!(labels_make_turns(&l));
        assert!(!has_speaker_labels("HOST: one\nHOST: two\nHOST: three\n"));
    }

    #[test]
    fn labelled_turns_make_a_transcript() {
        let body = "Interview\n\nHOST: Welcome to the programme.\nJANE DOE: Thank you for having me.\nHOST: What happens next?\nJANE DOE: Talks, I hope.\n";
        let d = Document::from_text("l.txt", body.to_string(), &furniture());
        assert_eq!(d.kind, DocKind::Transcript);
    }

    #[test]
    fn bad_bytes_are_named() {
        assert_eq!(check_bytes(vec![]).unwrap_err(), "empty file");
        assert!(check_bytes(b"ab\0cd".to_vec()).unwrap_err().starts_with("binary file"));
        assert!(check_bytes(vec![b'a', 0xff, b'b']).unwrap_err().contains("offset 1"));
        assert!(check_bytes(b"  \n\t".to_vec()).unwrap_err().contains("only whitespace"));
    }

    #[test]
    fn long_lines_are_found() {
        assert_eq!(long_line("ab\ncdef\ng", 3), Some((2, 4)));
        assert_eq!(long_line("ab\ncd", 3), None);
    }
}
