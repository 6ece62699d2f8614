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

pub(crate) mod furniture;
pub(crate) mod input;
pub(crate) mod jsonl;
pub(crate) mod labels;
pub(crate) mod plain;
pub(crate) mod read;
pub(crate) mod tagged;

use crate::error::InputError;
use crate::ingest::furniture::Furniture;
use crate::ingest::input::io_message;
pub use crate::ingest::input::{Limits, Loaded};
pub(crate) use crate::ingest::labels::{labels_make_turns, speaker_labels};
use crate::ingest::read::{add_bytes, add_file, walk};
use std::io::Read;
use std::path::Path;

/// Reads every path (`-` is standard input).
pub(crate) fn load(paths: &[String], limits: Limits, furniture: &Furniture) -> Loaded {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DataFiles;
    use crate::ingest::input::long_line;
    use crate::ingest::labels::has_speaker_labels;
    use crate::ingest::plain::is_punctuated;
    use crate::ingest::read::check_bytes;
    use crate::model::{DocKind, Document};

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
