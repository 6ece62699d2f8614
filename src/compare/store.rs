//! Where a comparison keeps its evidence while it is built and rendered.
//!
//! A comparison over a large corpus cites a statement for every label an
//! actor holds, so the evidence grows with the corpus while the table does
//! not. The [`Store`] keeps evidence in memory up to a budget and, past it,
//! appends it to a temporary file (deleted when the table goes), keeping in
//! memory only where each piece starts. The table reads each piece back when
//! a renderer asks for it, so memory stays bounded whatever the corpus size,
//! and a small comparison never touches the disk.

use super::Evidence;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Bytes of evidence kept in memory before the rest goes to disk.
pub const DEFAULT_BUDGET: usize = 8 << 20;

/// A piece of evidence as written to the spill file: every field, the ones
/// reports leave out included.
#[derive(Serialize, Deserialize)]
struct Stored {
    doc: String,
    line: usize,
    speaker: String,
    actors: Vec<String>,
    kind: String,
    labels: Vec<String>,
    rules: Vec<String>,
    text: String,
    span: [usize; 2],
    context: String,
    context_at: [usize; 2],
    via: Option<String>,
}

impl Stored {
    fn of(e: &Evidence) -> Stored {
        Stored {
            doc: e.doc.clone(),
            line: e.line,
            speaker: e.speaker.clone(),
            actors: e.actors.clone(),
            kind: e.kind.to_string(),
            labels: e.labels.clone(),
            rules: e.rules.clone(),
            text: e.text.clone(),
            span: e.span,
            context: e.context.clone(),
            context_at: e.context_at,
            via: e.via.clone(),
        }
    }

    fn into_evidence(self) -> Evidence {
        Evidence {
            id: 0,
            doc: self.doc,
            source: 0,
            line: self.line,
            speaker: self.speaker,
            actors: self.actors,
            kind: super::kind_named(&self.kind).as_str(),
            labels: self.labels,
            rules: self.rules,
            text: self.text,
            span: self.span,
            context: self.context,
            context_at: self.context_at,
            via: self.via,
        }
    }
}

/// The temporary file evidence goes to past the budget.
#[derive(Debug)]
struct Spill {
    path: PathBuf,
    /// Appends while the comparison is built.
    writer: Option<BufWriter<File>>,
    /// Reads once it is finished.
    reader: Option<Mutex<File>>,
    /// Where each spilled piece starts; one more entry for the end.
    offsets: Vec<u64>,
}

impl Drop for Spill {
    fn drop(&mut self) {
        self.writer = None;
        self.reader = None;
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Evidence by index, in memory up to a budget and on disk past it.
#[derive(Debug)]
pub struct Store {
    memory: Vec<Evidence>,
    bytes: usize,
    budget: usize,
    spill: Option<Spill>,
    /// How many pieces were in memory when the spill began.
    spill_start: usize,
    /// Whether spilling failed (the rest stays in memory).
    broken: bool,
}

impl Default for Store {
    fn default() -> Store {
        Store::with_budget(DEFAULT_BUDGET)
    }
}

/// Distinct names for the spill files of one process.
static SPILLS: AtomicUsize = AtomicUsize::new(0);

fn rough_size(e: &Evidence) -> usize {
    std::mem::size_of::<Evidence>()
        + e.doc.len()
        + e.speaker.len()
        + e.text.len()
        + e.context.len()
        + e.actors.iter().chain(&e.labels).chain(&e.rules).map(|s| s.len() + 24).sum::<usize>()
        + e.via.as_ref().map_or(0, String::len)
}

impl Store {
    /// A store that keeps `budget` bytes of evidence in memory.
    pub fn with_budget(budget: usize) -> Store {
        Store { memory: Vec::new(), bytes: 0, budget, spill: None, spill_start: 0, broken: false }
    }

    /// Number of pieces held.
    pub fn len(&self) -> usize {
        self.memory.len() + self.spill.as_ref().map_or(0, |s| s.offsets.len().saturating_sub(1))
    }

    /// Whether nothing is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether some evidence went to disk.
    pub fn spilled(&self) -> bool {
        self.spill.is_some()
    }

    /// Adds a piece; gives its index.
    pub fn push(&mut self, e: Evidence) -> usize {
        let index = self.len();
        if self.spill.is_none() && !self.broken {
            self.bytes += rough_size(&e);
            if self.bytes > self.budget {
                self.open_spill();
            }
        }
        if let Some(s) = self.spill.as_mut()
            && let Some(w) = s.writer.as_mut()
        {
            // Spilled pieces come after the ones in memory.
            let line = serde_json::to_vec(&Stored::of(&e)).unwrap_or_default();
            let at = *s.offsets.last().unwrap_or(&0);
            if w.write_all(&line).is_ok() {
                s.offsets.push(at + line.len() as u64);
                return index;
            }
            // The disk is full or gone: what is left stays in memory. Pieces
            // already on disk stay readable.
            self.broken = true;
            let s = self.spill.as_mut().expect("spill present");
            let _ = s.writer.as_mut().map(BufWriter::flush);
            s.writer = None;
        }
        self.memory.push(e);
        index
    }

    fn open_spill(&mut self) {
        let n = SPILLS.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("stance-evidence-{}-{n}.jsonl", std::process::id()));
        match File::create(&path) {
            Ok(f) => {
                self.spill_start = self.memory.len();
                self.spill = Some(Spill { path, writer: Some(BufWriter::with_capacity(1 << 16, f)), reader: None, offsets: vec![0] });
            }
            Err(_) => self.broken = true,
        }
    }

    /// Ends writing: from now on pieces are only read.
    pub fn seal(&mut self) {
        if let Some(s) = self.spill.as_mut()
            && let Some(mut w) = s.writer.take()
        {
            let reader = w.flush().and_then(|()| File::open(&s.path));
            match reader {
                Ok(f) => s.reader = Some(Mutex::new(f)),
                Err(_) => {
                    // Nothing on disk can be read back: say so on every read.
                    s.reader = None;
                }
            }
        }
    }

    /// The piece at `index`.
    pub fn get(&self, index: usize) -> io::Result<Evidence> {
        let on_disk = self.spill.as_ref().map_or(0, |s| s.offsets.len().saturating_sub(1));
        // Pieces before the spill began are in memory, then the spilled ones,
        // then any kept in memory after the disk failed.
        let first_spilled = self.first_spilled();
        if index < first_spilled {
            return Ok(self.memory[index].clone());
        }
        if index >= first_spilled + on_disk {
            return Ok(self.memory[index - on_disk].clone());
        }
        let s = self.spill.as_ref().expect("spilled pieces have a spill file");
        let k = index - first_spilled;
        let (start, end) = (s.offsets[k], s.offsets[k + 1]);
        let reader = s.reader.as_ref().ok_or_else(|| io::Error::other(format!("{}: evidence file not readable", s.path.display())))?;
        let mut f = reader.lock().map_err(|_| io::Error::other("evidence file lock poisoned"))?;
        f.seek(SeekFrom::Start(start))?;
        let mut buf = vec![0; (end - start) as usize];
        f.read_exact(&mut buf)?;
        let stored: Stored = serde_json::from_slice(&buf).map_err(|e| io::Error::other(format!("{}: {e}", s.path.display())))?;
        Ok(stored.into_evidence())
    }

    /// How many pieces were in memory when the spill began.
    fn first_spilled(&self) -> usize {
        match &self.spill {
            Some(_) => self.spill_start,
            None => self.memory.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spill_file_is_removed_with_its_table() {
        let mut s = Store::with_budget(0);
        let e = crate::engine::Engine::builtin();
        let doc = e.document("a.txt", "Iran said it would respond firmly to any attack.".to_string());
        let a = e.analyze_all(std::slice::from_ref(&doc));
        let records = crate::model::Record::all(&doc, &a[0].statements);
        s.push(super::super::evidence(&records[0]));
        s.seal();
        let path = s.spill.as_ref().expect("spilled").path.clone();
        assert!(path.exists());
        drop(s);
        assert!(!path.exists());
    }
}
