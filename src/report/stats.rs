//! Run statistics for `--stats`, warnings for documents that yield nothing
//! (`-v`), and the progress line. Pure data and text: the command line
//! decides when and where to print them.

use crate::classify::rules::RuleSet;
use crate::model::{Analysis, Kind};

/// What a run read and found, summed over documents as they finish.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Documents analysed.
    pub documents: usize,
    /// Bytes of the documents as read.
    pub bytes: u64,
    /// Bytes excluded as site furniture or headers.
    pub excluded_bytes: u64,
    /// Statements (turns not counted).
    pub statements: usize,
    /// Transcript turns.
    pub turns: usize,
    /// Statements per label, in the rule set's label order.
    pub labels: Vec<(String, usize)>,
    /// Statements whose speaker resolves to no actor (independent voices not counted).
    pub unresolved: usize,
    /// Documents with an empty body.
    pub empty: usize,
    /// Documents with a body but no statement.
    pub silent: usize,
    /// Inputs that could not be read or analysed.
    pub problems: usize,
}

impl Stats {
    /// Empty statistics for a run with these rules.
    pub fn new(rules: &RuleSet) -> Stats {
        Stats { labels: rules.labels.iter().map(|l| (l.name.clone(), 0)).collect(), ..Stats::default() }
    }

    /// Adds a document's analysis; gives the warning it deserves, if any.
    pub fn add(&mut self, a: &Analysis) -> Option<String> {
        self.documents += 1;
        self.bytes += a.doc.text.len() as u64;
        self.excluded_bytes += a.doc.excluded_ranges().iter().map(|r| r.len() as u64).sum::<u64>();
        let mut statements = 0;
        for c in &a.statements {
            if c.statement.kind == Kind::Turn {
                self.turns += 1;
                continue;
            }
            statements += 1;
            let sp = &c.statement.speaker;
            self.unresolved += usize::from(sp.actors.is_empty() && !sp.independent);
            for l in &c.labels {
                if let Some(slot) = self.labels.iter_mut().find(|(n, _)| n == l) {
                    slot.1 += 1;
                }
            }
        }
        self.statements += statements;
        let warning = warning(a);
        if a.doc.body_bytes() == 0 {
            self.empty += 1;
        } else if warning.is_some() {
            self.silent += 1;
        }
        warning
    }

    /// Counts an input that could not be read or analysed.
    pub fn problem(&mut self) {
        self.problems += 1;
    }

    /// The summary `--stats` prints, after `secs` seconds.
    pub fn summary(&self, secs: f64) -> String {
        let mb = self.bytes as f64 / 1e6;
        let labels: Vec<String> = self.labels.iter().map(|(l, n)| format!("{l} {n}")).collect();
        let mut out = String::new();
        out.push_str(&format!(
            "stats: {} documents, {} bytes ({:.1} MB), {} excluded as furniture or headers\n",
            self.documents, self.bytes, mb, self.excluded_bytes
        ));
        out.push_str(&format!("stats: {} statements, {} turns; by label: {}\n", self.statements, self.turns, labels.join(", ")));
        out.push_str(&format!("stats: {} statements with a speaker resolved to no actor\n", self.unresolved));
        out.push_str(&format!("stats: {} documents with an empty body, {} with no statement, {} inputs not read\n", self.empty, self.silent, self.problems));
        out.push_str(&format!("stats: {secs:.2} s, {:.1} MB/s\n", rate(self.bytes, secs)));
        out
    }
}

/// The warning for a document that yields nothing: an empty body, or a body
/// with no statement (no speech cue, quotation or speaker label).
pub fn warning(a: &Analysis) -> Option<String> {
    let origin = &a.doc.origin;
    if a.doc.body_bytes() == 0 {
        return Some(format!("warning: {origin}: empty body: nothing to analyse"));
    }
    a.statements
        .is_empty()
        .then(|| format!("warning: {origin}: no statement found (no speech cue, quotation or speaker label in {} bytes of body)", a.doc.body_bytes()))
}

/// Megabytes per second.
fn rate(bytes: u64, secs: f64) -> f64 {
    if secs > 0.0 { bytes as f64 / 1e6 / secs } else { 0.0 }
}

/// One progress line (no line end): documents, megabytes, speed, and the
/// time left when the total size is known.
pub fn progress(documents: usize, bytes: u64, secs: f64, total: Option<u64>) -> String {
    let speed = rate(bytes, secs);
    let mut line = format!("stance: {documents} documents, {:.1} MB, {speed:.1} MB/s", bytes as f64 / 1e6);
    if let Some(total) = total.filter(|&t| t > 0) {
        let done = (bytes as f64 / total as f64).min(1.0);
        line.push_str(&format!(", {:.0}% of {:.1} MB", done * 100.0, total as f64 / 1e6));
        let left = if speed > 0.0 && bytes < total { (total - bytes) as f64 / 1e6 / speed } else { 0.0 };
        if left >= 1.0 {
            line.push_str(&format!(", about {} left", duration(left)));
        }
    }
    line
}

/// "42 s", "3 min 5 s", "2 h 10 min".
fn duration(secs: f64) -> String {
    let s = secs.round() as u64;
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{} min {} s", s / 60, s % 60),
        _ => format!("{} h {} min", s / 3600, s % 3600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::model::Document;

    fn stats_of(texts: &[(&str, &str)]) -> (Stats, Vec<Option<String>>) {
        let engine = Engine::builtin();
        let mut stats = Stats::new(engine.rules());
        let mut warnings = Vec::new();
        for (name, text) in texts {
            let doc = Document::from_text(name, text.to_string(), &engine.furniture);
            let t = engine.prepare(&doc);
            let statements = engine.analyze(&t);
            warnings.push(stats.add(&Analysis { doc: &doc, statements, actors: Vec::new() }));
        }
        (stats, warnings)
    }

    #[test]
    fn counts_documents_statements_labels_and_the_silent() {
        let (s, w) = stats_of(&[
            ("a.txt", "Title\n\nThe Kenyan army said it would respond to any attack.\n"),
            ("b.txt", "Title\n\nThe river rose overnight and the bridge was closed.\n"),
            ("c.txt", ""),
        ]);
        assert_eq!((s.documents, s.statements, s.empty, s.silent), (3, 1, 1, 1), "{s:?}");
        assert!(s.labels.contains(&("deterrence".to_string(), 1)), "{s:?}");
        assert_eq!(w[0], None);
        assert!(w[1].as_deref().is_some_and(|m| m.starts_with("warning: b.txt: no statement found")), "{w:?}");
        assert!(w[2].as_deref().is_some_and(|m| m.contains("c.txt: empty body")), "{w:?}");
        let summary = s.summary(2.0);
        assert!(summary.contains("3 documents") && summary.contains("deterrence 1") && summary.contains("1 with no statement"), "{summary}");
    }

    #[test]
    fn progress_shows_the_time_left_when_the_total_is_known() {
        assert_eq!(progress(10, 2_000_000, 1.0, None), "stance: 10 documents, 2.0 MB, 2.0 MB/s");
        assert_eq!(progress(10, 2_000_000, 1.0, Some(8_000_000)), "stance: 10 documents, 2.0 MB, 2.0 MB/s, 25% of 8.0 MB, about 3 s left");
        assert_eq!(duration(185.0), "3 min 5 s");
    }
}
