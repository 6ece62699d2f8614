//! Speaker labels opening lines (`HOST: ...`, `[Jane Doe]: ...`): what
//! makes a body a transcript of turns, and where the turns start.

use regex::Regex;
use std::sync::LazyLock;

static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*\[?([A-Z][A-Za-z.'\- ]{0,40}|[A-Z][A-Z0-9 .'\-]{0,40}|Q|A)\]?[ \t]*:[ \t]+").expect("valid regex"));

/// Longest speaker label, in words ("DEPUTY FOREIGN MINISTER ALI": beyond, a colon after a clause).
const MAX_LABEL_WORDS: usize = 4;

/// Speaker labels opening lines of `body` (`HOST: ...`, `[Jane Doe]: ...`),
/// at most four words each: where the words after each label begin (byte
/// offset into `body`), and the label.
pub(crate) fn speaker_labels(body: &str) -> Vec<(usize, String)> {
    crate::text::lines::lines(body)
        .filter_map(|line| {
            let c = LABEL.captures(line.content)?;
            let end = c.get(0)?.end();
            let label = c[1].trim();
            let has_words = line.content[end..].chars().next().is_some_and(|ch| !ch.is_whitespace());
            (has_words && label.split_whitespace().count() <= MAX_LABEL_WORDS).then(|| (line.range.start + end, label.to_string()))
        })
        .collect()
}

/// Whether labels lay a body out as turns: at least three, by at least two speakers.
pub(crate) fn labels_make_turns(labels: &[(usize, String)]) -> bool {
    labels.len() >= 3 && labels.iter().map(|(_, l)| l).collect::<std::collections::BTreeSet<_>>().len() >= 2
}

/// Whether a body is laid out as labelled turns (`HOST: ...`).
pub(crate) fn has_speaker_labels(body: &str) -> bool {
    labels_make_turns(&speaker_labels(body))
}
