//! Speaker labels opening lines: what makes a body a transcript of turns,
//! and where the turns start. A label is a capitalised name of up to five
//! words, or `Q`/`A`, before a colon: `HOST: ...`, `[Jane Doe]: ...`,
//! `MR. DOE: ...`, `Jane Doe (through interpreter): ...`, `>> JANE DOE:
//! ...`, or a line of its own with a time in brackets (`Jane Doe (00:27):`)
//! whose words start on the next line. Lines of site furniture ("READ
//! MORE:", "Photo: AFP", "Follow us on X:") and header keys ("Source:") are
//! never labels.

use crate::ingest::furniture::Furniture;
use crate::ingest::layout::{LABEL, label_words_ok};
use crate::model::Label;
use crate::text::lines::lines;
use std::ops::Range;

/// The speaker labels of `text[range]` (offsets into `text`), skipping lines
/// inside `excluded`; furniture and header keys are never labels.
pub(crate) fn speaker_labels(text: &str, range: Range<usize>, excluded: &[Range<usize>], furniture: &Furniture) -> Vec<Label> {
    let body = &text[range.clone()];
    let all: Vec<_> = lines(body).collect();
    let mut out = Vec::new();
    let mut ex = excluded.iter().peekable();
    for (i, line) in all.iter().enumerate() {
        let start = range.start + line.range.start;
        while ex.peek().is_some_and(|e| e.end <= start) {
            ex.next();
        }
        if ex.peek().is_some_and(|e| e.start <= start) {
            continue;
        }
        let Some(c) = LABEL.captures(line.content) else { continue };
        let label = c[1].trim();
        let end = c.get(0).map_or(0, |m| m.end());
        if !label_words_ok(label) || !furniture.may_be_label(label, line.content) {
            continue;
        }
        // "Doe: 2,316": a row of figures, not a turn.
        let rest = line.content[end..].trim();
        if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '%' | ' ')) {
            continue;
        }
        let words = if rest.is_empty() {
            // A label on a line of its own: the words start on the next non-empty line.
            match all[i + 1..].iter().find(|l| !l.content.trim().is_empty()) {
                Some(next) if !LABEL.is_match(next.content) => range.start + next.range.start + (next.content.len() - next.content.trim_start().len()),
                _ => continue,
            }
        } else {
            start + end
        };
        out.push(Label { line: start, words, name: label.to_string() });
    }
    // "WASHINGTON: ..." opening the body once is a dateline, not a speaker.
    let dateline = |l: &Label| !l.name.contains(' ') && l.name.chars().all(|c| !c.is_lowercase()) && l.name.chars().count() > 1;
    if out.first().is_some_and(|f| dateline(f) && out.iter().filter(|l| l.name == f.name).count() == 1) {
        out.remove(0);
    }
    out
}

/// Whether labels lay a body out as turns: at least three, by at least two speakers.
pub(crate) fn labels_make_turns(labels: &[Label]) -> bool {
    labels.len() >= 3 && labels.iter().map(|l| &l.name).collect::<std::collections::BTreeSet<_>>().len() >= 2
}
