//! Evaluation against a hand-made gold file, with the metrics of the
//! evaluation format (`FORMAT.md`): statements found (span overlap with an
//! anchor), speaker and actor accuracy, stance macro-F1, transcript turns,
//! and document position tables. The matching follows the reference scorer
//! step by step (gold statements in file order, required before optional;
//! the record with the largest overlap wins, the first on ties) so that
//! `stance eval` and `score.py` print the same numbers.

use crate::error::Diagnostic;
use crate::model::Record;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

/// The labels the evaluation format scores.
pub const LABELS: [&str; 3] = ["deterrence", "restraint", "de-escalation"];

/// A string or a list of strings (gold names and actors).
#[derive(Deserialize, Debug, Clone, Default)]
#[serde(untagged)]
pub enum OneOrMany {
    /// Nothing.
    #[default]
    None,
    /// One value.
    One(String),
    /// Several values.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The values (an empty string is none).
    pub fn list(&self) -> Vec<String> {
        match self {
            OneOrMany::None => Vec::new(),
            OneOrMany::One(s) if s.is_empty() => Vec::new(),
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

/// `[[doc]]` of a gold file.
#[derive(Deserialize, Debug, Clone)]
pub struct GoldDoc {
    /// Document file name.
    pub name: String,
    /// Independent voices.
    #[serde(default)]
    pub independent: Vec<String>,
    /// Position table: actor -> labels.
    #[serde(default)]
    pub positions: BTreeMap<String, Vec<String>>,
}

/// `[[statement]]` of a gold file.
#[derive(Deserialize, Debug, Clone)]
pub struct GoldStatement {
    /// Document file name.
    pub doc: String,
    /// Exact text inside the statement.
    pub anchor: String,
    /// Which occurrence of the anchor.
    #[serde(default = "one")]
    pub occurrence: usize,
    /// Accepted speaker names.
    #[serde(default)]
    pub speaker: OneOrMany,
    /// Actor(s); empty for independent voices.
    #[serde(default)]
    pub actor: OneOrMany,
    /// Labels.
    #[serde(default)]
    pub stance: Vec<String>,
    /// Neither a miss if absent nor a false alarm if found.
    #[serde(default)]
    pub optional: bool,
}

/// `[[turn]]` of a gold file.
#[derive(Deserialize, Debug, Clone)]
pub struct GoldTurn {
    /// Document file name.
    pub doc: String,
    /// Exact text inside the turn.
    pub anchor: String,
    /// Which occurrence of the anchor.
    #[serde(default = "one")]
    pub occurrence: usize,
    /// Accepted speaker names.
    #[serde(default)]
    pub speaker: OneOrMany,
}

fn one() -> usize {
    1
}

/// A gold file.
#[derive(Deserialize, Debug, Clone, Default)]
pub struct Gold {
    /// Documents.
    #[serde(default)]
    pub doc: Vec<GoldDoc>,
    /// Statements.
    #[serde(default)]
    pub statement: Vec<GoldStatement>,
    /// Turns.
    #[serde(default)]
    pub turn: Vec<GoldTurn>,
}

impl Gold {
    /// Parses a gold file.
    pub fn parse(path: &str, text: &str) -> Result<Gold, Diagnostic> {
        toml::from_str(text).map_err(|e| Diagnostic::from_toml(path, text, &e))
    }
}

/// Case, diacritics, punctuation and spacing folded, for name comparison.
pub fn fold(name: &str) -> String {
    let text: String = name.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect();
    let folded: String = text
        .chars()
        .flat_map(|c| if c == 'ß' { vec!['s', 's'] } else { c.to_lowercase().collect() })
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a predicted name matches an accepted one: equal after folding, or
/// a name of two or more words stands whole inside the other.
pub fn name_match(accepted: &BTreeSet<String>, got: &BTreeSet<String>) -> bool {
    for a in accepted {
        for g in got {
            if a == g {
                return true;
            }
            for (short, long) in [(a, g), (g, a)] {
                if short.split_whitespace().count() >= 2 && format!(" {long} ").contains(&format!(" {short} ")) {
                    return true;
                }
            }
        }
    }
    false
}

fn anchor_range(data: &[u8], anchor: &str, occurrence: usize, doc: &str) -> Result<Range<usize>, String> {
    let needle = anchor.as_bytes();
    let mut start: isize = -1;
    for _ in 0..occurrence.max(1) {
        let from = (start + 1) as usize;
        match find(&data[from.min(data.len())..], needle) {
            Some(i) => start = (from + i) as isize,
            None => return Err(format!("anchor {anchor:?} (occurrence {occurrence}) not found in {doc}")),
        }
    }
    Ok(start as usize..start as usize + needle.len())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d > 0 { n as f64 / d as f64 } else { 0.0 }
}

/// Statement metrics.
#[derive(Serialize, Debug, Clone)]
pub struct StatementScores {
    /// Required gold statements.
    pub gold: usize,
    /// Of them, found.
    pub found: usize,
    /// Records matching no gold statement.
    pub false_alarms: usize,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

/// An accuracy.
#[derive(Serialize, Debug, Clone)]
pub struct Accuracy {
    /// Share correct.
    pub accuracy: f64,
}

/// Stance metrics.
#[derive(Serialize, Debug, Clone)]
pub struct StanceScores {
    /// Mean of the per-label F1.
    pub macro_f1: f64,
    /// F1 per label.
    pub per_label_f1: BTreeMapInOrder,
}

/// A map serialized in label order.
#[derive(Debug, Clone)]
pub struct BTreeMapInOrder(pub Vec<(String, f64)>);

impl Serialize for BTreeMapInOrder {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// Turn metrics.
#[derive(Serialize, Debug, Clone)]
pub struct TurnScores {
    /// Gold turns.
    pub gold: usize,
    /// Share named correctly.
    pub accuracy: f64,
}

/// Position metrics.
#[derive(Serialize, Debug, Clone)]
pub struct PositionScores {
    /// Gold triples.
    pub gold: usize,
    /// Predicted triples.
    pub predicted: usize,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// Gold triples not predicted.
    pub missing: Vec<[String; 3]>,
    /// Predicted triples not in gold.
    pub extra: Vec<[String; 3]>,
}

/// All metrics.
#[derive(Serialize, Debug, Clone)]
pub struct Scores {
    /// Statements.
    pub statements: StatementScores,
    /// Speaker names.
    pub speaker: Accuracy,
    /// Actors.
    pub actor: Accuracy,
    /// Stance labels.
    pub stance: StanceScores,
    /// Transcript turns.
    pub turns: TurnScores,
    /// Position tables.
    pub positions: PositionScores,
}

/// Names a record gives its speaker (name and mention), folded.
fn record_names(r: &Record) -> BTreeSet<String> {
    [r.speaker.name.as_deref(), r.speaker.mention.as_deref()].into_iter().flatten().map(fold).filter(|s| !s.is_empty()).collect()
}

/// Names a gold item accepts, folded.
fn accepted(names: &OneOrMany) -> BTreeSet<String> {
    names.list().iter().map(|n| fold(n)).collect()
}

/// Gold statements with the byte range of their anchor.
type Anchored<'g> = Vec<(&'g GoldStatement, Range<usize>)>;

/// Scores records against gold; `texts` maps document names to their bytes.
pub fn score(gold: &Gold, texts: &BTreeMap<String, Vec<u8>>, records: &[Record]) -> Result<Scores, String> {
    let docs: BTreeMap<&str, &GoldDoc> = gold.doc.iter().map(|d| (d.name.as_str(), d)).collect();
    for name in docs.keys() {
        if !texts.contains_key(*name) {
            return Err(format!("gold document {name} is not among the inputs"));
        }
    }
    let records: Vec<&Record> = records.iter().filter(|r| docs.contains_key(r.doc.as_str())).collect();
    let statements: Vec<&Record> = records.iter().copied().filter(|r| r.kind != "turn").collect();
    let turns: Vec<&Record> = records.iter().copied().filter(|r| r.kind == "turn").collect();
    let mut gold_st: Anchored = Vec::new();
    for g in &gold.statement {
        let text = texts.get(&g.doc).ok_or_else(|| format!("gold statement names unknown document {}", g.doc))?;
        gold_st.push((g, anchor_range(text, &g.anchor, g.occurrence, &g.doc)?));
    }
    let (matched, used) = match_records(&gold_st, &statements);
    let hit_required: Vec<(usize, usize)> = matched.iter().copied().filter(|(gi, _)| !gold_st[*gi].0.optional).collect();
    let (statement_scores, tp) = statement_scores(&gold_st, &statements, &used, hit_required.len());
    let (speaker_ok, actor_ok, stance) = matched_scores(&gold_st, &statements, &hit_required);
    Ok(Scores {
        statements: statement_scores,
        speaker: Accuracy { accuracy: ratio(speaker_ok, tp) },
        actor: Accuracy { accuracy: ratio(actor_ok, tp) },
        stance,
        turns: turn_scores(gold, texts, &turns)?,
        positions: position_scores(&docs, &statements),
    })
}

/// Each gold statement takes its best overlapping record (the largest
/// overlap, the first on ties), required statements first, each record at
/// most once. Returns (gold, record) pairs and the records used.
fn match_records(gold_st: &Anchored, statements: &[&Record]) -> (Vec<(usize, usize)>, BTreeSet<usize>) {
    let mut by_doc: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, r) in statements.iter().enumerate() {
        by_doc.entry(r.doc.as_str()).or_default().push(i);
    }
    let mut order: Vec<usize> = (0..gold_st.len()).collect();
    order.sort_by_key(|&i| gold_st[i].0.optional);
    let mut used: BTreeSet<usize> = BTreeSet::new();
    let mut matched: Vec<(usize, usize)> = Vec::new();
    for &gi in &order {
        let (g, range) = &gold_st[gi];
        let mut best: Option<usize> = None;
        let mut best_ov = 0;
        for &i in by_doc.get(g.doc.as_str()).into_iter().flatten() {
            if used.contains(&i) {
                continue;
            }
            let ov = overlap(&statements[i].range(), range);
            if ov > best_ov {
                best = Some(i);
                best_ov = ov;
            }
        }
        if let Some(b) = best {
            used.insert(b);
            matched.push((gi, b));
        }
    }
    (matched, used)
}

/// Precision, recall and F1 of statements; also returns the hits.
fn statement_scores(gold_st: &Anchored, statements: &[&Record], used: &BTreeSet<usize>, tp: usize) -> (StatementScores, usize) {
    let required = gold_st.iter().filter(|(g, _)| !g.optional).count();
    let false_alarms = statements
        .iter()
        .enumerate()
        .filter(|(i, r)| !used.contains(i) && !gold_st.iter().any(|(g, range)| g.doc == r.doc && overlap(&r.range(), range) > 0))
        .count();
    let precision = ratio(tp, tp + false_alarms);
    let recall = ratio(tp, required);
    (StatementScores { gold: required, found: tp, false_alarms, precision, recall, f1: f1(precision, recall) }, tp)
}

/// Of matched required statements: speakers right, actors right, and stance F1 per label.
fn matched_scores(gold_st: &Anchored, statements: &[&Record], hits: &[(usize, usize)]) -> (usize, usize, StanceScores) {
    let mut speaker_ok = 0;
    let mut actor_ok = 0;
    let mut per_label: Vec<[usize; 3]> = vec![[0; 3]; LABELS.len()];
    for &(gi, ri) in hits {
        let g = gold_st[gi].0;
        let r = statements[ri];
        speaker_ok += usize::from(name_match(&accepted(&g.speaker), &record_names(r)));
        let want_actors: BTreeSet<String> = g.actor.list().iter().map(|a| fold(a)).collect();
        let have_actors: BTreeSet<String> = r.speaker.actor.0.iter().map(|a| fold(a)).filter(|a| !a.is_empty()).collect();
        actor_ok += usize::from(want_actors == have_actors);
        for (li, label) in LABELS.iter().enumerate() {
            let want = g.stance.iter().any(|s| s == label);
            let have = r.stance.iter().any(|s| s == label);
            per_label[li][0] += usize::from(want && have);
            per_label[li][1] += usize::from(!want && have);
            per_label[li][2] += usize::from(want && !have);
        }
    }
    let label_f1: Vec<(String, f64)> =
        LABELS.iter().zip(&per_label).map(|(l, [t, fp, fn_])| (l.to_string(), f1(ratio(*t, t + fp), ratio(*t, t + fn_)))).collect();
    let macro_f1 = label_f1.iter().map(|(_, v)| v).sum::<f64>() / LABELS.len() as f64;
    (speaker_ok, actor_ok, StanceScores { macro_f1, per_label_f1: BTreeMapInOrder(label_f1) })
}

/// Turns: the first turn record covering a gold turn's anchor must name an accepted speaker.
fn turn_scores(gold: &Gold, texts: &BTreeMap<String, Vec<u8>>, turns: &[&Record]) -> Result<TurnScores, String> {
    let mut turn_ok = 0;
    for g in &gold.turn {
        let text = texts.get(&g.doc).ok_or_else(|| format!("gold turn names unknown document {}", g.doc))?;
        let range = anchor_range(text, &g.anchor, g.occurrence, &g.doc)?;
        if let Some(r) = turns.iter().find(|r| r.doc == g.doc && r.span[0] <= range.start && range.end <= r.span[1]) {
            let got = record_names(r);
            turn_ok += usize::from(!got.is_empty() && name_match(&accepted(&g.speaker), &got));
        }
    }
    Ok(TurnScores { gold: gold.turn.len(), accuracy: ratio(turn_ok, gold.turn.len()) })
}

/// The document position tables: gold (doc, actor, label) triples against
/// those of every record with an actor that is not an independent voice.
fn position_scores(docs: &BTreeMap<&str, &GoldDoc>, statements: &[&Record]) -> PositionScores {
    let mut gold_pos: BTreeSet<[String; 3]> = BTreeSet::new();
    for (name, d) in docs {
        for (actor, stances) in &d.positions {
            for s in stances {
                gold_pos.insert([name.to_string(), fold(actor), s.clone()]);
            }
        }
    }
    let mut pred_pos: BTreeSet<[String; 3]> = BTreeSet::new();
    for r in statements {
        let independent: BTreeSet<String> = docs[r.doc.as_str()].independent.iter().map(|n| fold(n)).collect();
        for actor in &r.speaker.actor.0 {
            if independent.contains(&fold(actor)) || independent.contains(&fold(r.speaker.name.as_deref().unwrap_or(""))) {
                continue;
            }
            for s in &r.stance {
                if LABELS.contains(&s.as_str()) {
                    pred_pos.insert([r.doc.clone(), fold(actor), s.clone()]);
                }
            }
        }
    }
    let ptp = gold_pos.intersection(&pred_pos).count();
    let (pp, pr) = (ratio(ptp, pred_pos.len()), ratio(ptp, gold_pos.len()));
    PositionScores {
        gold: gold_pos.len(),
        predicted: pred_pos.len(),
        precision: pp,
        recall: pr,
        f1: f1(pp, pr),
        missing: gold_pos.difference(&pred_pos).cloned().collect(),
        extra: pred_pos.difference(&gold_pos).cloned().collect(),
    }
}

/// Reads statement records (JSON Lines, as `stance extract` writes them).
/// Lines without `doc` and `span` (a summary line, say) are skipped, as the
/// reference scorer does; `doc` is reduced to its base name.
pub fn read_records(text: &str) -> Result<Vec<Record>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("line {} of the records is not JSON: {e}", n + 1))?;
        if v.get("doc").is_none() || v.get("span").is_none() {
            continue;
        }
        let mut rec = Record::deserialize(v).map_err(|e| format!("line {}: not a statement record: {e}", n + 1))?;
        if let Some(base) = std::path::Path::new(&rec.doc).file_name() {
            rec.doc = base.to_string_lossy().to_string();
        }
        out.push(rec);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_matches_the_reference() {
        assert_eq!(fold("Iran's  Foreign-Ministry"), "iran s foreign ministry");
        assert_eq!(fold("Pezeshkián"), "pezeshkian");
    }

    #[test]
    fn two_word_names_match_inside_longer_ones() {
        let a: BTreeSet<String> = ["ebrahim raisi".to_string()].into();
        let g: BTreeSet<String> = ["iranian president ebrahim raisi".to_string()].into();
        assert!(name_match(&a, &g));
        let a: BTreeSet<String> = ["raisi".to_string()].into();
        assert!(!name_match(&a, &g));
    }

    #[test]
    fn anchors_count_occurrences() {
        let data = b"a b a b a";
        assert_eq!(anchor_range(data, "a", 1, "d").unwrap(), 0..1);
        assert_eq!(anchor_range(data, "a", 3, "d").unwrap(), 8..9);
        assert!(anchor_range(data, "a", 4, "d").is_err());
    }
}
