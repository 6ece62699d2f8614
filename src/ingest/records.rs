//! Reading statement records back (`compare --records`, `check --records`):
//! the JSON Lines `extract` writes, a document record before each
//! document's statements. Records may come in any order (a cluster job
//! writes partitions): statements are grouped under their document, and
//! documents keep the order of their document records.

use crate::error::InputError;
use crate::ingest::walk::{DirWalk, Step};
use crate::model::{DocRecord, RECORD_SCHEMA, Record};
use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// The documents of a set of record files, each with its statements.
#[derive(Debug, Default)]
pub struct RecordSet {
    /// Documents in the order of their document records, with their statements.
    pub docs: Vec<(DocRecord, Vec<Record>)>,
    index: HashMap<String, usize>,
    /// Documents named by statements before their document record.
    pending: HashMap<String, Vec<Record>>,
}

impl RecordSet {
    /// Reads one stream of records; `name` is shown in messages.
    pub fn read(&mut self, reader: impl BufRead, name: &str) -> Result<(), InputError> {
        let err = |n: usize, message: String| InputError { path: name.to_string(), message: format!("line {n}: {message}") };
        for (i, line) in reader.lines().enumerate() {
            let n = i + 1;
            let line = line.map_err(|e| err(n, format!("cannot read: {e}")))?;
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(line).map_err(|e| err(n, format!("not JSON: {e}")))?;
            if v.get("record").and_then(|r| r.as_str()) == Some("document") {
                let d: DocRecord = serde::Deserialize::deserialize(v).map_err(|e| err(n, format!("not a document record: {e}")))?;
                if d.schema > RECORD_SCHEMA {
                    return Err(err(n, format!("record schema {} is newer than this stance reads ({RECORD_SCHEMA}); update stance", d.schema)));
                }
                if self.index.contains_key(&d.doc) {
                    return Err(err(n, format!("document {:?} appears twice", d.doc)));
                }
                let statements = self.pending.remove(&d.doc).unwrap_or_default();
                self.index.insert(d.doc.clone(), self.docs.len());
                self.docs.push((d, statements));
            } else if v.get("doc").is_some() && v.get("span").is_some() {
                let r: Record = serde::Deserialize::deserialize(v).map_err(|e| err(n, format!("not a statement record: {e}")))?;
                match self.index.get(&r.doc) {
                    Some(&di) => self.docs[di].1.push(r),
                    None => self.pending.entry(r.doc.clone()).or_default().push(r),
                }
            }
            // Other lines (a summary, an error record) are not statements.
        }
        Ok(())
    }

    /// The documents, once every stream is read; statements whose document
    /// record never came are an error (records of an older `stance`).
    pub fn finish(self) -> Result<Vec<(DocRecord, Vec<Record>)>, InputError> {
        if let Some(doc) = self.pending.keys().min() {
            return Err(InputError {
                path: doc.clone(),
                message: format!(
                    "statement records without a document record ({} documents); write the records with `stance extract --format jsonl` of this version",
                    self.pending.len()
                ),
            });
        }
        Ok(self.docs)
    }
}

/// Reads records from files, directories (every document file inside, as a
/// corpus directory is walked, except markers such as Spark's `_SUCCESS`),
/// or `-` for standard input. A file that cannot be read stops the reading:
/// a table missing a partition would be wrong, not partial.
pub fn read_paths(paths: &[String], max_depth: usize) -> Result<Vec<(DocRecord, Vec<Record>)>, InputError> {
    let mut set = RecordSet::default();
    for p in paths {
        if p == "-" {
            set.read(std::io::stdin().lock(), "<stdin>")?;
            continue;
        }
        for (f, shown) in files(Path::new(p), p, max_depth)? {
            let file = std::fs::File::open(&f).map_err(|e| InputError { path: shown.clone(), message: format!("cannot read: {e}") })?;
            set.read(std::io::BufReader::new(file), &shown)?;
        }
    }
    set.finish()
}

/// The record files a path names, with their names as shown in messages.
fn files(p: &Path, shown: &str, max_depth: usize) -> Result<Vec<(PathBuf, String)>, InputError> {
    let meta = std::fs::metadata(p).map_err(|e| InputError { path: shown.to_string(), message: format!("cannot read: {e}") })?;
    if !meta.is_dir() {
        return Ok(vec![(p.to_path_buf(), shown.to_string())]);
    }
    let mut out = Vec::new();
    for step in DirWalk::new(p, shown, max_depth, Vec::new()) {
        match step {
            Step::File(f) if f.path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('_')) => {}
            Step::File(f) => out.push((f.path, format!("{}/{}", shown.trim_end_matches('/'), f.id))),
            Step::Problem(e) => return Err(e),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_are_grouped_under_their_document_in_any_order() {
        let text = r#"{"doc":"b.txt","span":[0,3],"text":"abc","kind":"indirect"}
{"record":"document","schema":1,"doc":"a.txt","kind":"article"}
{"record":"document","schema":1,"doc":"b.txt","kind":"article"}
{"doc":"a.txt","span":[4,9],"text":"defgh","kind":"direct"}
{"summary":true}
"#;
        let mut set = RecordSet::default();
        set.read(text.as_bytes(), "r.jsonl").unwrap();
        let docs = set.finish().unwrap();
        let names: Vec<(&str, usize)> = docs.iter().map(|(d, s)| (d.doc.as_str(), s.len())).collect();
        assert_eq!(names, [("a.txt", 1), ("b.txt", 1)]);
    }

    #[test]
    fn problems_name_the_line() {
        let mut set = RecordSet::default();
        let e = set.read("{\"record\":\"document\",\"schema\":1,\"doc\":\"a\"}\nnot json\n".as_bytes(), "r.jsonl").unwrap_err();
        assert!(e.to_string().contains("r.jsonl") && e.to_string().contains("line 2: not JSON"), "{e}");
        let mut set = RecordSet::default();
        set.read("{\"doc\":\"a\",\"span\":[0,1]}\n".as_bytes(), "r.jsonl").unwrap();
        assert!(set.finish().unwrap_err().message.contains("without a document record"));
        let mut set = RecordSet::default();
        let e = set.read("{\"record\":\"document\",\"schema\":99,\"doc\":\"a\"}\n".as_bytes(), "r.jsonl").unwrap_err();
        assert!(e.message.contains("newer"), "{e}");
    }
}
