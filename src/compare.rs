//! Positions across sources: who holds which stance where.
//!
//! A [`PositionTable`] has one row per actor and one column per source (a
//! document, or an outlet with `--by source`), columns ordered by date.
//! A cell counts the statements that give the actor each label in that
//! source and points at the strongest one; the evidence list holds every
//! statement behind a label. Each row ends with how the actor's position
//! moves across sources: `mixed` (opposite labels, as declared by
//! `opposes`, in one source), `single source`, `consistent`, or `shifted`
//! (the labels change from the earliest source to the latest).
//! Independent voices (analysts, presenters) are not actors; they are kept
//! apart as `voices`. Transcript turns are not positions.

use crate::classify::rules::RuleSet;
use crate::model::{Analysis, DocRecord, Kind, Record};
use crate::text::date::Date;
use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::Range;

/// Evidence strength by kind: a speaker's own words show a position best,
/// a paraphrase with quoted words nearly as well, a paraphrase less, and a
/// whole transcript turn (many sentences, one label) least.
const DIRECT_STRENGTH: f32 = 1.0;
const MIXED_STRENGTH: f32 = 0.9;
const INDIRECT_STRENGTH: f32 = 0.8;
const TURN_STRENGTH: f32 = 0.3;
/// Each further rule that agrees on a statement makes it a little stronger.
const PER_RULE_BONUS: f32 = 0.1;

/// How columns are formed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    /// One column per document.
    Doc,
    /// One column per source or outlet.
    Source,
}

/// A column: a document or an outlet.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// Document name or outlet.
    pub name: String,
    /// Earliest date among its documents.
    pub date: Option<Date>,
    /// Documents in it.
    pub docs: Vec<String>,
    /// The document's title, for a column that is one document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A statement behind a position.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// Number shown in tables (`E3`).
    pub id: usize,
    /// Document name.
    pub doc: String,
    /// Column index of the document.
    #[serde(skip)]
    pub source: usize,
    /// Name of the column (document or outlet).
    #[serde(skip)]
    pub column: String,
    /// 1-based line of the words in the document.
    #[serde(skip)]
    pub line: usize,
    /// Speaker name.
    pub speaker: String,
    /// Actors it speaks for.
    pub actors: Vec<String>,
    /// Statement kind.
    pub kind: &'static str,
    /// Labels.
    pub labels: Vec<String>,
    /// Rule ids behind the labels.
    pub rules: Vec<String>,
    /// The reported words.
    pub text: String,
    /// Byte range of the words.
    pub span: [usize; 2],
    /// The sentence around them.
    pub context: String,
    /// Byte offset of the words within `context`.
    pub context_at: [usize; 2],
    /// Relay, if any.
    pub via: Option<String>,
    #[serde(skip)]
    strength: f32,
}

/// One label in a cell.
#[derive(Debug, Clone, Serialize)]
pub struct CellLabel {
    /// Label.
    pub label: String,
    /// Supporting statements.
    pub statements: usize,
    /// Strongest evidence id.
    pub evidence: usize,
}

/// What an actor holds in one source.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Cell {
    /// Labels held, in label order.
    pub labels: Vec<CellLabel>,
    /// Statements with no label.
    pub unlabelled: usize,
}

/// How an actor's position moves across sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Movement {
    /// The same labels in every source.
    Consistent,
    /// The labels change from the earliest source to the latest.
    Shifted {
        /// Labels in the earliest source.
        from: Vec<String>,
        /// Labels in the latest source.
        to: Vec<String>,
        /// When the latest source is back to the earliest labels: the first
        /// other labels held in between.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        between: Vec<String>,
    },
    /// Opposite labels in one source.
    Mixed {
        /// The sources where it happens.
        sources: Vec<String>,
    },
    /// Labels in one source only.
    SingleSource,
}

impl Movement {
    /// Short text for tables.
    pub fn describe(&self) -> String {
        match self {
            Movement::Consistent => "consistent".into(),
            Movement::Shifted { from, to, between } if between.is_empty() => format!("shifted ({} → {})", or_none(from), or_none(to)),
            Movement::Shifted { from, to, between } => format!("shifted and back ({} → {} → {})", or_none(from), or_none(between), or_none(to)),
            Movement::Mixed { .. } => "mixed".into(),
            Movement::SingleSource => "single source".into(),
        }
    }

    /// The bare kind (`consistent`, `shifted`, `mixed`, `single source`).
    pub fn kind(&self) -> &'static str {
        match self {
            Movement::Consistent => "consistent",
            Movement::Shifted { .. } => "shifted",
            Movement::Mixed { .. } => "mixed",
            Movement::SingleSource => "single source",
        }
    }
}

fn or_none(v: &[String]) -> String {
    if v.is_empty() { "none".into() } else { v.join(", ") }
}

/// An actor's row.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// Actor name.
    pub actor: String,
    /// One cell per source.
    pub cells: Vec<Cell>,
    /// Movement across sources.
    pub movement: Movement,
}

/// The comparison.
#[derive(Debug, Clone, Serialize)]
pub struct PositionTable {
    /// Columns, ordered by date then name.
    pub sources: Vec<Source>,
    /// Rows, most supported actor first.
    pub rows: Vec<Row>,
    /// Statements behind the labels, numbered.
    pub evidence: Vec<Evidence>,
    /// Statements of independent voices (analysts, presenters), numbered after the evidence.
    pub voices: Vec<Evidence>,
}

/// The statement kind of a record, as the static name evidence carries.
fn kind_of(record: &Record) -> Kind {
    match record.kind.as_str() {
        "direct" => Kind::Direct,
        "mixed" => Kind::Mixed,
        "turn" => Kind::Turn,
        _ => Kind::Indirect,
    }
}

/// How much a statement counts as evidence: direct words and more rules first.
fn strength(r: &Record) -> f32 {
    let kind = match kind_of(r) {
        Kind::Direct => DIRECT_STRENGTH,
        Kind::Mixed => MIXED_STRENGTH,
        Kind::Indirect => INDIRECT_STRENGTH,
        Kind::Turn => TURN_STRENGTH,
    };
    r.confidence as f32 * kind * (1.0 + r.rules.len() as f32 * PER_RULE_BONUS)
}

/// The evidence a statement record gives in a column. Built from the record
/// (not the document) so that a table from records equals one from text.
fn evidence(r: &Record, column: &str) -> Evidence {
    let sent = r.context_range();
    Evidence {
        id: 0,
        doc: r.doc.clone(),
        source: 0,
        column: column.to_string(),
        line: r.line,
        speaker: r.speaker.name.clone().or_else(|| r.speaker.mention.clone()).unwrap_or_else(|| "?".into()),
        actors: r.speaker.actor.0.clone(),
        kind: kind_of(r).as_str(),
        labels: r.stance.clone(),
        rules: r.rules.clone(),
        text: r.text.clone(),
        span: r.span,
        context: r.context.clone(),
        context_at: [r.span[0].saturating_sub(sent.start), r.span[1].saturating_sub(sent.start)],
        via: r.via.clone(),
        strength: strength(r),
    }
}

/// Builds the comparison of analysed documents.
pub fn build(analyses: &[Analysis], by: By, rules: &RuleSet) -> PositionTable {
    let mut b = Builder::new(by);
    for a in analyses {
        b.add(a);
    }
    b.finish(rules)
}

/// A comparison being built document by document: it keeps only the
/// table's counts and its evidence, never the documents.
#[derive(Debug)]
pub struct Builder {
    by: By,
    /// Columns by name.
    columns: BTreeMap<String, Source>,
    /// Evidence per actor and column name.
    per_actor: BTreeMap<String, BTreeMap<String, Vec<Evidence>>>,
    /// Statements without a label per actor and column name.
    unlabelled: BTreeMap<String, BTreeMap<String, usize>>,
    /// Labelled statements of independent voices, in input order.
    voices: Vec<Evidence>,
    /// Only documents that name one of these actors (empty: all).
    about: Vec<String>,
}

impl Builder {
    /// An empty comparison with columns `by` document or source.
    pub fn new(by: By) -> Builder {
        Builder { by, columns: BTreeMap::new(), per_actor: BTreeMap::new(), unlabelled: BTreeMap::new(), voices: Vec::new(), about: Vec::new() }
    }

    /// Keeps only documents that name one of `actors` (canonical names):
    /// a comparison about one conflict leaves out sources about another.
    pub fn about(mut self, actors: Vec<String>) -> Builder {
        self.about = actors;
        self
    }

    /// Adds one document's statements, if it is in scope; says whether it was.
    pub fn add(&mut self, a: &Analysis) -> bool {
        self.add_records(&DocRecord::of(a), &Record::all(a.doc, &a.statements))
    }

    /// Adds one document from its records (`compare --records`): the same
    /// as [`Builder::add`] on the analysis that wrote them. Says whether the
    /// document was in scope.
    pub fn add_records(&mut self, doc: &DocRecord, records: &[Record]) -> bool {
        if !doc.about(&self.about, records) {
            return false;
        }
        let key = match self.by {
            By::Doc => doc.doc.clone(),
            By::Source => doc.source.clone().unwrap_or_else(|| "(unknown source)".into()),
        };
        let title = if self.by == By::Doc { doc.title.clone() } else { None };
        let g = self.columns.entry(key.clone()).or_insert_with(|| Source { name: key.clone(), date: None, docs: Vec::new(), title });
        g.docs.push(doc.doc.clone());
        g.date = match (g.date, doc.date.as_deref().and_then(Date::parse_iso)) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        for r in records {
            let kind = kind_of(r);
            let actors = &r.speaker.actor.0;
            if actors.is_empty() || r.speaker.independent {
                let host_turn = kind == Kind::Turn && r.speaker.name.as_deref() == Some("host");
                if !r.stance.is_empty() && !host_turn {
                    self.voices.push(evidence(r, &key));
                }
                continue;
            }
            if kind == Kind::Turn {
                continue;
            }
            for actor in actors {
                if r.stance.is_empty() {
                    *self.unlabelled.entry(actor.clone()).or_default().entry(key.clone()).or_default() += 1;
                    continue;
                }
                self.per_actor.entry(actor.clone()).or_default().entry(key.clone()).or_default().push(evidence(r, &key));
            }
        }
        true
    }

    /// The table: columns by date, rows most supported first, evidence numbered.
    pub fn finish(mut self, rules: &RuleSet) -> PositionTable {
        // Whatever order documents and records came in (a cluster writes
        // partitions as they finish), the table is the same: documents by
        // name, statements by position (`rows` orders each cell's evidence).
        self.voices.sort_by(|a, b| (&a.column, &a.doc, a.span).cmp(&(&b.column, &b.doc, b.span)));
        for c in self.columns.values_mut() {
            c.docs.sort();
        }
        let mut sources: Vec<Source> = self.columns.into_values().collect();
        sources.sort_by(|a, b| (a.date.is_none(), a.date, &a.name).cmp(&(b.date.is_none(), b.date, &b.name)));
        let col_of: BTreeMap<&str, usize> = sources.iter().enumerate().map(|(i, s)| (s.name.as_str(), i)).collect();
        let column = |name: &str| col_of[name];
        let per_actor: BTreeMap<String, Vec<Vec<Evidence>>> = self
            .per_actor
            .into_iter()
            .map(|(actor, by_col)| {
                let mut cols = vec![Vec::new(); sources.len()];
                for (name, mut list) in by_col {
                    let ci = column(&name);
                    for e in &mut list {
                        e.source = ci;
                    }
                    cols[ci] = list;
                }
                (actor, cols)
            })
            .collect();
        let unlabelled: BTreeMap<String, Vec<usize>> = self
            .unlabelled
            .into_iter()
            .map(|(actor, by_col)| {
                let mut cols = vec![0; sources.len()];
                for (name, n) in by_col {
                    cols[column(&name)] = n;
                }
                (actor, cols)
            })
            .collect();
        let mut voices = self.voices;
        for v in &mut voices {
            v.source = column(&v.column);
        }
        let (rows, mut all_evidence) = rows(&per_actor, &unlabelled, &sources, rules);
        let first_voice = all_evidence.len() + 1;
        for (i, v) in voices.iter_mut().enumerate() {
            v.id = first_voice + i;
        }
        all_evidence.shrink_to_fit();
        PositionTable { sources, rows, evidence: all_evidence, voices }
    }
}

/// Rows, most supported actor first, and the evidence they cite, numbered
/// in row, column and position order.
fn rows(
    per_actor: &BTreeMap<String, Vec<Vec<Evidence>>>,
    unlabelled: &BTreeMap<String, Vec<usize>>,
    sources: &[Source],
    rules: &RuleSet,
) -> (Vec<Row>, Vec<Evidence>) {
    let mut order: Vec<(&String, &Vec<Vec<Evidence>>)> = per_actor.iter().collect();
    order.sort_by_key(|(name, cols)| (std::cmp::Reverse(cols.iter().map(Vec::len).sum::<usize>()), name.to_string()));
    let mut rows = Vec::new();
    let mut all_evidence: Vec<Evidence> = Vec::new();
    let mut numbered: BTreeMap<(String, usize), usize> = BTreeMap::new();
    for (actor, cols) in order {
        let mut cells = Vec::new();
        for (ci, list) in cols.iter().enumerate() {
            let mut list = list.clone();
            list.sort_by_key(|e| (e.doc.clone(), e.span[0], e.span[1]));
            let mut ids = Vec::new();
            for e in &list {
                let key = (e.doc.clone(), e.span[0]);
                let id = *numbered.entry(key).or_insert_with(|| {
                    let mut e = e.clone();
                    e.id = all_evidence.len() + 1;
                    all_evidence.push(e);
                    all_evidence.len()
                });
                ids.push(id);
            }
            let mut cell = Cell { labels: Vec::new(), unlabelled: unlabelled.get(actor).map_or(0, |u| u[ci]) };
            for l in &rules.labels {
                let holding: Vec<(usize, &Evidence)> = list.iter().zip(&ids).filter(|(e, _)| e.labels.contains(&l.name)).map(|(e, &id)| (id, e)).collect();
                if holding.is_empty() {
                    continue;
                }
                // Strongest: highest strength, then earliest.
                let best = holding
                    .iter()
                    .max_by(|a, b| a.1.strength.partial_cmp(&b.1.strength).unwrap_or(std::cmp::Ordering::Equal).then(b.0.cmp(&a.0)))
                    .map(|(id, _)| *id)
                    .expect("non-empty");
                cell.labels.push(CellLabel { label: l.name.clone(), statements: holding.len(), evidence: best });
            }
            cells.push(cell);
        }
        let movement = movement(&cells, sources, rules);
        rows.push(Row { actor: actor.clone(), cells, movement });
    }
    (rows, all_evidence)
}

fn movement(cells: &[Cell], sources: &[Source], rules: &RuleSet) -> Movement {
    let sets: Vec<(usize, Vec<String>)> =
        cells.iter().enumerate().filter(|(_, c)| !c.labels.is_empty()).map(|(i, c)| (i, c.labels.iter().map(|l| l.label.clone()).collect())).collect();
    let mixed: Vec<String> =
        sets.iter().filter(|(_, ls)| ls.iter().any(|a| ls.iter().any(|b| rules.opposed(a, b)))).map(|(i, _)| sources[*i].name.clone()).collect();
    if !mixed.is_empty() {
        return Movement::Mixed { sources: mixed };
    }
    match sets.as_slice() {
        [] | [_] => Movement::SingleSource,
        [first, .., last] => {
            if sets.iter().all(|(_, s)| s == &first.1) {
                Movement::Consistent
            } else {
                let between = if first.1 == last.1 { sets.iter().find(|(_, s)| s != &first.1).map(|(_, s)| s.clone()).unwrap_or_default() } else { Vec::new() };
                Movement::Shifted { from: first.1.clone(), to: last.1.clone(), between }
            }
        }
    }
}

impl PositionTable {
    /// The text of a cell (`deterrence ×2 (E1)`).
    pub fn cell_text(&self, cell: &Cell) -> String {
        self.cell_text_with(cell, str::to_string)
    }

    /// The text of a cell with each label written by `label` (a renderer's colour).
    pub fn cell_text_with(&self, cell: &Cell, label: impl Fn(&str) -> String) -> String {
        let mut parts: Vec<String> = cell
            .labels
            .iter()
            .map(|l| {
                let name = label(&l.label);
                if l.statements > 1 { format!("{name} ×{} (E{})", l.statements, l.evidence) } else { format!("{name} (E{})", l.evidence) }
            })
            .collect();
        if parts.is_empty() && cell.unlabelled > 0 {
            parts.push(format!("no stance ({})", cell.unlabelled));
        }
        if parts.is_empty() { "–".into() } else { parts.join(", ") }
    }

    /// The row of an actor.
    pub fn row(&self, actor: &str) -> Option<&Row> {
        let k = crate::text::normalize::fold_key(actor);
        self.rows.iter().find(|r| crate::text::normalize::fold_key(&r.actor) == k)
    }

    /// Column index of a source (document name or outlet), folded.
    pub fn source_index(&self, name: &str) -> Option<usize> {
        let k = crate::text::normalize::fold_key(name);
        self.sources.iter().position(|s| crate::text::normalize::fold_key(&s.name) == k || s.docs.iter().any(|d| crate::text::normalize::fold_key(d) == k))
    }

    /// Byte range of an evidence's words in its context.
    pub fn context_range(e: &Evidence) -> Range<usize> {
        e.context_at[0]..e.context_at[1]
    }
}
