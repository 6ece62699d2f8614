//! Ingestion: paths in, [`Document`]s out, one at a time.
//!
//! Reads plain-text articles, tagged speech-to-text transcripts
//! (`<video_title>`, `<publish_date>`, `<doc>…</doc>`), JSON Lines corpora
//! (one `{"id","title","date","source","text"}` object per line, read a
//! line at a time), directories (recursively, in path order, each entry on
//! its own) and standard input (`-`: JSON Lines when its first line is a
//! record, else one document). [`Inputs`] yields documents lazily, so a run
//! holds only the documents in flight. Each document gets its id (its path
//! relative to the argument it came from: `bbc/2024-04-17.txt`), metadata
//! (title, ISO date, source, kind), its original text, the byte range of
//! its body, and the site furniture excluded from the body. Bad input
//! (missing files, FIFOs and devices, binary, UTF-16 or non-UTF-8 data,
//! empty files, documents over the size limit, absurdly long lines) becomes
//! one [`InputError`] per input; the other inputs are still read. Offsets of
//! documents read from JSON Lines are offsets into the record's `text`.

pub(crate) mod furniture;
pub(crate) mod header;
pub(crate) mod input;
pub(crate) mod jsonl;
pub(crate) mod labels;
pub(crate) mod layout;
pub(crate) mod plain;
pub(crate) mod read;
pub mod records;
pub(crate) mod tagged;
pub(crate) mod walk;

use crate::error::InputError;
use crate::ingest::furniture::Furniture;
pub use crate::ingest::input::{Limits, Loaded, MAX_DEPTH, MAX_DOC_BYTES, MAX_LINE_BYTES};
use crate::ingest::input::{Meta, input_error, io_message, long_line};
use crate::ingest::jsonl::{Records, is_record};
use crate::ingest::plain::{parse_text, unread};
use crate::ingest::read::{check_bytes, read_capped, read_file, refuse};
use crate::ingest::walk::{DirWalk, Step};
use crate::model::Document;
use std::collections::{HashSet, VecDeque};
use std::io::BufReader;
use std::path::{Path, PathBuf};

/// Documents of the path arguments, read lazily and in order.
pub struct Inputs<'a> {
    furniture: &'a Furniture,
    limits: Limits,
    args: VecDeque<String>,
    /// Canonical paths of files the run writes: never read.
    skip: Vec<PathBuf>,
    walk: Option<DirWalk>,
    records: Option<Records>,
    /// Ids given so far to documents read from files.
    ids: HashSet<String>,
    /// Whether documents come unread, their layout left to [`ready`].
    defer: bool,
}

impl<'a> Inputs<'a> {
    /// The documents of `paths` (`-` is standard input); files in `skip` are never read.
    pub(crate) fn new(paths: &[String], limits: Limits, furniture: &'a Furniture, skip: &[PathBuf]) -> Inputs<'a> {
        Inputs {
            furniture,
            limits,
            args: paths.iter().cloned().collect(),
            skip: skip.iter().filter_map(|p| p.canonicalize().ok()).collect(),
            walk: None,
            records: None,
            ids: HashSet::new(),
            defer: false,
        }
    }

    /// Inputs for [`crate::engine::Engine::run`]: each document's layout
    /// (metadata, furniture, speaker labels) is left for `run` to find in
    /// parallel, so only reading stays in input order. Anything else that
    /// iterates documents uses the inputs as they are.
    pub fn deferred(mut self) -> Inputs<'a> {
        self.defer = true;
        self
    }

    /// All documents and problems, collected.
    pub fn collect_all(self) -> Loaded {
        let mut out = Loaded::default();
        for item in self {
            match item {
                Ok(d) => out.docs.push(d),
                Err(e) => out.errors.push(e),
            }
        }
        out
    }

    /// A document's id: as given, or the path as shown when another
    /// document already has it (the same file name under two arguments).
    fn unique_id(&mut self, id: String, shown: &str) -> String {
        if self.ids.insert(id.clone()) {
            return id;
        }
        let alt = shown.trim_start_matches("./").to_string();
        self.ids.insert(alt.clone());
        alt
    }

    /// A file's document, or `None` when it is JSON Lines (its records follow).
    fn file(&mut self, path: &Path, id: String, shown: &str) -> Option<Result<Document, InputError>> {
        let lower = id.to_ascii_lowercase();
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            let opened = std::fs::metadata(path)
                .map_err(|e| io_message(&e))
                .and_then(|m| refuse(&m).map_or(Ok(()), Err))
                .and_then(|()| std::fs::File::open(path).map_err(|e| io_message(&e)));
            return match opened {
                Ok(f) => {
                    self.records = Some(Records::new(Box::new(BufReader::new(f)), &id, shown, self.limits));
                    None
                }
                Err(m) => Some(Err(input_error(shown, m))),
            };
        }
        let text = match read_file(path, &self.limits).and_then(check_bytes) {
            Ok(t) => t,
            Err(m) => return Some(Err(input_error(shown, m))),
        };
        let id = self.unique_id(id, shown);
        Some(self.plain(text, &id, shown))
    }

    /// A plain-text document, unless a line is absurdly long.
    fn plain(&self, text: String, id: &str, shown: &str) -> Result<Document, InputError> {
        if let Some((line, len)) = long_line(&text, self.limits.max_line_bytes) {
            return Err(input_error(
                shown,
                format!("line {line} is {len} bytes long (limit {}); not a text document? raise the limit with --max-line-bytes", self.limits.max_line_bytes),
            ));
        }
        if self.defer {
            return Ok(unread(id, shown, text, Some(Meta::default())));
        }
        Ok(parse_text(id, shown, text, Meta::default(), self.furniture))
    }

    /// Standard input: JSON Lines records when the first line is one, else one document.
    fn stdin(&mut self) -> Option<Result<Document, InputError>> {
        use std::io::{BufRead, Read};
        let mut reader = BufReader::new(std::io::stdin());
        // The whole first line (a record is often longer than one buffer), then the rest.
        let mut first = Vec::new();
        if let Err(e) = reader.by_ref().take(self.limits.max_doc_bytes as u64 + 1).read_until(b'\n', &mut first) {
            return Some(Err(input_error("-", format!("cannot read standard input: {e}"))));
        }
        let is_jsonl = std::str::from_utf8(&first).is_ok_and(|l| is_record(l.trim_end()));
        let reader = std::io::Cursor::new(first).chain(reader);
        if is_jsonl {
            self.records = Some(Records::new(Box::new(BufReader::new(reader)), "stdin", "-", self.limits));
            return None;
        }
        Some(read_capped(reader, &self.limits).and_then(check_bytes).map_err(|m| input_error("-", m)).and_then(|t| self.plain(t, "stdin", "-")))
    }

    /// The next argument's first document, or `None` when it opened a walk or a record stream.
    fn argument(&mut self, arg: String) -> Option<Result<Document, InputError>> {
        if arg == "-" {
            return self.stdin();
        }
        let path = Path::new(&arg);
        match std::fs::metadata(path) {
            Err(e) => Some(Err(input_error(&arg, io_message(&e)))),
            Ok(m) if m.is_dir() => {
                self.walk = Some(DirWalk::new(path, &arg, self.limits.max_depth, self.skip.clone()));
                None
            }
            Ok(m) => match refuse(&m) {
                Some(msg) => Some(Err(input_error(&arg, msg))),
                None => {
                    let id = path.file_name().map_or_else(|| arg.clone(), |n| n.to_string_lossy().to_string());
                    self.file(path, id, &arg)
                }
            },
        }
    }
}

impl Iterator for Inputs<'_> {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(r) = &mut self.records {
                match r.next_item(self.furniture, self.defer) {
                    Some(item) => return Some(item),
                    None => self.records = None,
                }
            }
            if let Some(w) = &mut self.walk {
                match w.next() {
                    Some(Step::Problem(e)) => return Some(Err(e)),
                    Some(Step::File(f)) => {
                        let shown = f.path.display().to_string();
                        if let Some(item) = self.file(&f.path, f.id, &shown) {
                            return Some(item);
                        }
                    }
                    None => self.walk = None,
                }
                continue;
            }
            let arg = self.args.pop_front()?;
            if let Some(item) = self.argument(arg) {
                return Some(item);
            }
        }
    }
}

/// Finds the layout of a document its inputs left unread (metadata,
/// furniture, speaker labels, kind; see [`Inputs::deferred`]); nothing to
/// do for any other.
pub(crate) fn ready(doc: &mut Document, furniture: &Furniture) {
    if let Some(meta) = doc.pending.take() {
        crate::ingest::plain::lay_out(doc, *meta, furniture);
    }
}

/// Reads every path (`-` is standard input) into memory (for commands that
/// need every document at once).
pub(crate) fn load(paths: &[String], limits: Limits, furniture: &Furniture) -> Loaded {
    Inputs::new(paths, limits, furniture, &[]).collect_all()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DataFiles;
    use crate::ingest::input::long_line;
    use crate::ingest::labels::{labels_make_turns, speaker_labels};
    use crate::ingest::plain::is_punctuated;
    use crate::ingest::read::check_bytes;
    use crate::model::{DocKind, Document};

    fn furniture() -> Furniture {
        Furniture::compile(DataFiles::builtin().get("boilerplate.toml").unwrap()).unwrap()
    }

    #[test]
    fn deferred_inputs_made_ready_are_the_documents_read_at_once() {
        let dir = std::env::temp_dir().join(format!("stance-deferred-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.txt"), "Talks resume\n\n3 June 2023\n\nHOST: Welcome.\nJANE DOE: Thanks.\nHOST: And next?\nJANE DOE: Talks.\n").unwrap();
        let record =
            r#"{"id": "r1", "text": "The minister said talks would resume.", "title": "Given", "date": "2024-01-05", "source": "Wire", "kind": "transcript"}"#;
        std::fs::write(dir.join("b.jsonl"), format!("{record}\n")).unwrap();
        let f = furniture();
        let paths = [dir.display().to_string()];
        let eager: Vec<String> = Inputs::new(&paths, Limits::default(), &f, &[]).map(|d| format!("{:?}", d.unwrap())).collect();
        let deferred: Vec<String> = Inputs::new(&paths, Limits::default(), &f, &[])
            .deferred()
            .map(|d| {
                let mut d = d.unwrap();
                assert!(d.pending.is_some(), "left for later");
                ready(&mut d, &f);
                format!("{d:?}")
            })
            .collect();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(eager.len(), 2);
        assert_eq!(eager, deferred);
        assert!(eager[0].contains("Transcript") && eager[1].contains("\"Given\""), "{eager:?}");
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
        let f = furniture();
        let body = "HOST: Good evening.\n[Jane Doe]: Thank you.\nNOTE:\nHOST: Next?\n";
        let l = speaker_labels(body, 0..body.len(), &[], &f);
        assert_eq!(l.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["HOST", "Jane Doe", "HOST"]);
        assert_eq!(&body[l[1].words..l[1].words + 5], "Thank");
        assert!(labels_make_turns(&l));
        let one = "HOST: one\nHOST: two\nHOST: three\n";
        assert!(!labels_make_turns(&speaker_labels(one, 0..one.len(), &[], &f)));
    }

    #[test]
    fn labels_on_lines_of_their_own_with_times_and_interpreters() {
        let f = furniture();
        let body = "Jane Doe (00:06):\n\nGood afternoon.\n\nSpeaker 1 (00:25):\nYou sound fine.\nJOHN ROE (through interpreter): We will see.\n>> JANE DOE: Next question.\n";
        let l = speaker_labels(body, 0..body.len(), &[], &f);
        assert_eq!(l.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["Jane Doe", "Speaker 1", "JOHN ROE", "JANE DOE"]);
        assert!(body[l[0].words..].starts_with("Good afternoon."));
        assert!(body[l[1].words..].starts_with("You sound fine."));
    }

    #[test]
    fn furniture_header_keys_and_datelines_are_not_labels() {
        let f = furniture();
        let body = "PARIS: Talks opened.\nREAD MORE: Other story\nPhoto: Agency\nSource: Wire\nFollow us on X: @wire\nNote: figures are provisional.\nHOST: Welcome.\nJANE DOE: Thanks.\nHOST: Bye.\n";
        let l = speaker_labels(body, 0..body.len(), &[], &f);
        assert_eq!(l.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["HOST", "JANE DOE", "HOST"]);
    }

    #[test]
    fn labelled_turns_make_a_transcript() {
        let body = "Interview\n\nHOST: Welcome to the programme.\nJANE DOE: Thank you for having me.\nHOST: What happens next?\nJANE DOE: Talks, I hope.\n";
        let d = Document::from_text("l.txt", body.to_string(), &furniture());
        assert_eq!(d.kind, DocKind::Transcript);
    }

    #[test]
    fn rows_of_figures_are_not_turns() {
        let body = "Delegates so far\n\nDOE: 1,204\nROE: 988\nDOE: 2,316\nROE: 1,547\n\nDoe needs 67 more to win.\n";
        let d = Document::from_text("r.txt", body.to_string(), &furniture());
        assert_ne!(d.kind, DocKind::Transcript);
        assert!(d.labels.is_empty(), "{:?}", d.labels);
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
