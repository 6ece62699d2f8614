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
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::Arc;

pub mod store;
pub use store::Store;

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
}

/// One label in a cell.
#[derive(Debug, Clone, Serialize)]
pub struct CellLabel {
    /// Label.
    pub label: Arc<str>,
    /// Supporting statements.
    pub statements: u32,
    /// Strongest evidence id.
    pub evidence: u32,
}

/// What an actor holds in one source (24 bytes: a table has one per actor
/// and column).
#[derive(Debug, Clone, Serialize, Default)]
pub struct Cell {
    /// Labels held, in label order.
    pub labels: Box<[CellLabel]>,
    /// Statements with no label.
    pub unlabelled: u32,
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
    pub evidence: EvidenceList,
    /// Statements of independent voices (analysts, presenters), numbered after the evidence.
    pub voices: EvidenceList,
}

/// Numbered evidence, read from the [`Store`] as it is used: a report over
/// a large corpus never holds all of it at once.
#[derive(Debug, Clone)]
pub struct EvidenceList {
    store: Arc<Store>,
    /// Store index and column of each piece, in number order.
    items: Vec<(u32, u32)>,
    /// Number of the first piece.
    first: usize,
    /// Labels the pieces carry, in order of first appearance.
    labels: Vec<String>,
}

impl EvidenceList {
    fn new(b: &Builder, store: Arc<Store>, items: Vec<(u32, u32)>, first: usize) -> EvidenceList {
        let mut seen = vec![false; b.labels.len()];
        let mut labels = Vec::new();
        for &(e, _) in &items {
            for &l in b.labels_of(e) {
                if !std::mem::replace(&mut seen[l as usize], true) {
                    labels.push(b.labels.name(l).to_string());
                }
            }
        }
        EvidenceList { store, items, first, labels }
    }

    /// Number of pieces.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Every label the pieces carry, in order of first appearance.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The piece numbered `id` (`E{id}`). Fails only when evidence kept on
    /// disk cannot be read back.
    pub fn get(&self, id: usize) -> std::io::Result<Evidence> {
        let k = id.checked_sub(self.first).filter(|&k| k < self.items.len());
        let Some(k) = k else { return Err(std::io::Error::new(std::io::ErrorKind::NotFound, format!("no evidence E{id}"))) };
        let (index, column) = self.items[k];
        let mut e = self.store.get(index as usize)?;
        e.id = id;
        e.source = column as usize;
        Ok(e)
    }

    /// The pieces in number order.
    pub fn iter(&self) -> impl Iterator<Item = std::io::Result<Evidence>> + '_ {
        (0..self.items.len()).map(|k| self.get(self.first + k))
    }
}

impl Serialize for EvidenceList {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for e in self.iter() {
            seq.serialize_element(&e.map_err(S::Error::custom)?)?;
        }
        seq.end()
    }
}

/// The statement kind of a record, as the static name evidence carries.
fn kind_of(record: &Record) -> Kind {
    kind_named(&record.kind)
}

/// A statement kind by name (anything else is indirect).
fn kind_named(name: &str) -> Kind {
    match name {
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

/// The evidence a statement record gives. Built from the record (not the
/// document) so that a table from records equals one from text.
fn evidence(r: &Record) -> Evidence {
    let sent = r.context_range();
    Evidence {
        id: 0,
        doc: r.doc.clone(),
        source: 0,
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
    }
}

/// Names numbered in the order first seen.
#[derive(Debug, Default)]
struct Interner {
    names: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Interner {
    /// The number of `name`, given one on first sight.
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.ids.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_string());
        self.ids.insert(name.to_string(), i);
        i
    }

    fn get(&self, name: &str) -> Option<u32> {
        self.ids.get(name).copied()
    }

    fn name(&self, i: u32) -> &str {
        &self.names[i as usize]
    }

    fn len(&self) -> usize {
        self.names.len()
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

/// What the builder keeps in memory of one piece of evidence (the piece
/// itself is in the [`Store`]): 16 bytes.
#[derive(Debug, Clone, Copy)]
struct Meta {
    /// Document name, by index into `Builder::names`.
    doc: u32,
    /// Where the words start (documents are far below 4 GiB; larger
    /// offsets saturate). One piece per start in a document, so the start
    /// orders the pieces of a document.
    start: u32,
    strength: f32,
    /// Where its labels start in `Builder::label_pool`; they end where the
    /// next piece's start.
    labels_at: u32,
}

/// Strings kept end to end in one buffer: a document name or title costs
/// its bytes and one offset, not a `String` each.
#[derive(Debug, Default)]
struct Names {
    text: String,
    ends: Vec<usize>,
}

impl Names {
    fn push(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        self.ends.push(self.text.len());
        self.ends.len() as u32 - 1
    }

    fn get(&self, i: u32) -> &str {
        let i = i as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }
}

/// No name (a column without a title).
const NONE: u32 = u32::MAX;

/// A column while the table is built.
#[derive(Debug, Clone, Copy)]
struct Column {
    /// Its name in `Builder::names`.
    name: u32,
    /// Its title in `Builder::names`, or [`NONE`].
    title: u32,
    date: Option<Date>,
    /// The next column whose name has the same hash, or [`NONE`].
    same_hash: u32,
}

/// A comparison being built document by document: it keeps only the
/// table's counts and its evidence, never the documents; evidence past a
/// memory budget waits on disk (see [`store`]).
#[derive(Debug)]
pub struct Builder {
    by: By,
    /// Document names, column names and titles.
    names: Names,
    /// Columns in the order first seen, and the first column of each name
    /// hash (names that share a hash are chained by `Column::same_hash`).
    columns: Vec<Column>,
    column_of_hash: HashMap<u64, u32>,
    /// (column, document name) for each document added.
    docs: Vec<(u32, u32)>,
    /// Labels seen, and the label ids of each piece of evidence.
    labels: Interner,
    label_pool: Vec<u32>,
    /// Every piece of evidence, by index, and what the table needs of it.
    store: Store,
    meta: Vec<Meta>,
    /// Actors seen.
    actors: Interner,
    /// (actor, column, evidence index) for each labelled statement of an actor.
    cited: Vec<(u32, u32, u32)>,
    /// (actor, column, count) of statements without a label, summed per document.
    unlabelled: Vec<(u32, u32, u32)>,
    /// Labelled statements of independent voices, with their column.
    voices: Vec<(u32, u32)>,
    /// Only documents that name one of these actors (empty: all).
    about: Vec<String>,
}

impl Builder {
    /// An empty comparison with columns `by` document or source.
    pub fn new(by: By) -> Builder {
        Builder {
            by,
            names: Names::default(),
            columns: Vec::new(),
            column_of_hash: HashMap::new(),
            docs: Vec::new(),
            labels: Interner::default(),
            label_pool: Vec::new(),
            store: Store::default(),
            meta: Vec::new(),
            actors: Interner::default(),
            cited: Vec::new(),
            unlabelled: Vec::new(),
            voices: Vec::new(),
            about: Vec::new(),
        }
    }

    /// Keeps only documents that name one of `actors` (canonical names):
    /// a comparison about one conflict leaves out sources about another.
    pub fn about(mut self, actors: Vec<String>) -> Builder {
        self.about = actors;
        self
    }

    /// Keeps at most `bytes` of evidence in memory, the rest in a temporary
    /// file (default [`store::DEFAULT_BUDGET`]). The table is the same.
    pub fn memory_budget(mut self, bytes: usize) -> Builder {
        self.store = Store::with_budget(bytes);
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
        let doc_name = self.names.push(&doc.doc);
        let column = match self.by {
            By::Doc => self.column(&doc.doc, Some(doc_name), doc.title.as_deref()),
            By::Source => self.column(doc.source.as_deref().unwrap_or("(unknown source)"), None, None),
        };
        let g = &mut self.columns[column as usize];
        g.date = match (g.date, doc.date.as_deref().and_then(Date::parse_iso)) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        self.docs.push((column, doc_name));
        let doc_id = doc_name;
        // One piece of evidence per statement start, shared by every actor
        // the statement speaks for.
        let mut by_start: HashMap<usize, u32> = HashMap::new();
        let mut unlabelled: BTreeMap<u32, u32> = BTreeMap::new();
        for r in records {
            let kind = kind_of(r);
            let actors = &r.speaker.actor.0;
            let voice = actors.is_empty() || r.speaker.independent;
            if voice {
                let host_turn = kind == Kind::Turn && r.speaker.name.as_deref() == Some("host");
                if !r.stance.is_empty() && !host_turn {
                    let e = self.evidence_of(r, doc_id, &mut by_start);
                    self.voices.push((e, column));
                }
                continue;
            }
            if kind == Kind::Turn {
                continue;
            }
            if r.stance.is_empty() {
                for actor in actors {
                    *unlabelled.entry(self.actors.id(actor)).or_default() += 1;
                }
                continue;
            }
            let e = self.evidence_of(r, doc_id, &mut by_start);
            for actor in actors {
                let a = self.actors.id(actor);
                self.cited.push((a, column, e));
            }
        }
        self.unlabelled.extend(unlabelled.into_iter().map(|(a, n)| (a, column, n)));
        true
    }

    /// The column named `key`, made on first sight (`name`: the key already
    /// in `names`; `title`: the column's title, for one document).
    fn column(&mut self, key: &str, name: Option<u32>, title: Option<&str>) -> u32 {
        let hash = {
            use std::hash::{BuildHasher, BuildHasherDefault};
            BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(key)
        };
        let mut c = self.column_of_hash.get(&hash).copied().unwrap_or(NONE);
        while c != NONE {
            let col = self.columns[c as usize];
            if self.names.get(col.name) == key {
                return c;
            }
            c = col.same_hash;
        }
        let id = self.columns.len() as u32;
        let name = name.unwrap_or_else(|| self.names.push(key));
        let title = title.map_or(NONE, |t| self.names.push(t));
        let same_hash = self.column_of_hash.insert(hash, id).unwrap_or(NONE);
        self.columns.push(Column { name, title, date: None, same_hash });
        id
    }

    /// The index of a statement's evidence, stored on first use.
    fn evidence_of(&mut self, r: &Record, doc: u32, by_start: &mut HashMap<usize, u32>) -> u32 {
        if let Some(&i) = by_start.get(&r.span[0]) {
            return i;
        }
        let start = self.label_pool.len() as u32;
        for l in &r.stance {
            let id = self.labels.id(l);
            self.label_pool.push(id);
        }
        let narrow = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        self.meta.push(Meta { doc, start: narrow(r.span[0]), strength: strength(r), labels_at: start });
        let i = self.store.push(evidence(r)) as u32;
        by_start.insert(r.span[0], i);
        i
    }

    fn labels_of(&self, i: u32) -> &[u32] {
        let at = self.meta[i as usize].labels_at as usize;
        let end = self.meta.get(i as usize + 1).map_or(self.label_pool.len(), |m| m.labels_at as usize);
        &self.label_pool[at..end]
    }

    /// The order of evidence in a cell: by document, then position.
    fn position_key(&self, i: u32) -> (&str, u32) {
        let m = &self.meta[i as usize];
        (self.names.get(m.doc), m.start)
    }

    /// The table: columns by date, rows most supported first, evidence numbered.
    pub fn finish(mut self, rules: &RuleSet) -> PositionTable {
        self.store.seal();
        // Whatever order documents and records came in (a cluster writes
        // partitions as they finish), the table is the same: documents by
        // name, statements by position.
        let mut order: Vec<usize> = (0..self.columns.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&self.columns[a], &self.columns[b]);
            (a.date.is_none(), a.date, self.names.get(a.name)).cmp(&(b.date.is_none(), b.date, self.names.get(b.name)))
        });
        let mut position = vec![0; self.columns.len()];
        for (p, &c) in order.iter().enumerate() {
            position[c] = p;
        }
        let mut docs = std::mem::take(&mut self.docs);
        docs.sort_by(|a, b| (position[a.0 as usize], self.names.get(a.1)).cmp(&(position[b.0 as usize], self.names.get(b.1))));
        let mut docs = docs.into_iter().peekable();
        let sources: Vec<Source> = order
            .iter()
            .map(|&c| {
                let col = self.columns[c];
                let mut names = Vec::new();
                while let Some((_, d)) = docs.next_if(|&(dc, _)| dc as usize == c) {
                    names.push(self.names.get(d).to_string());
                }
                let title = (col.title != NONE).then(|| self.names.get(col.title).to_string());
                Source { name: self.names.get(col.name).to_string(), date: col.date, docs: names, title }
            })
            .collect();
        self.columns = Vec::new();
        self.column_of_hash = HashMap::new();
        let (rows, evidence) = self.rows(&sources, &position, rules);
        let mut voices = std::mem::take(&mut self.voices);
        voices.sort_by(|a, b| {
            let (ka, kb) = (self.position_key(a.0), self.position_key(b.0));
            (&sources[position[a.1 as usize]].name, ka).cmp(&(&sources[position[b.1 as usize]].name, kb))
        });
        let voices: Vec<(u32, u32)> = voices.into_iter().map(|(e, c)| (e, position[c as usize] as u32)).collect();
        let store = Arc::new(std::mem::take(&mut self.store));
        let evidence = EvidenceList::new(&self, store.clone(), evidence, 1);
        let voices = EvidenceList::new(&self, store, voices, evidence.len() + 1);
        PositionTable { sources, rows, evidence, voices }
    }

    /// Rows, most supported actor first, and the evidence they cite (store
    /// index and column), numbered in row, column and position order.
    fn rows(&mut self, sources: &[Source], position: &[usize], rules: &RuleSet) -> (Vec<Row>, Vec<(u32, u32)>) {
        // Statements per actor, then actors most supported first.
        let mut support = vec![0usize; self.actors.len()];
        for &(a, _, _) in &self.cited {
            support[a as usize] += 1;
        }
        let mut order: Vec<u32> = (0..self.actors.len() as u32).filter(|&a| support[a as usize] > 0).collect();
        order.sort_by(|&a, &b| support[b as usize].cmp(&support[a as usize]).then_with(|| self.actors.name(a).cmp(self.actors.name(b))));
        let mut rank = vec![u32::MAX; self.actors.len()];
        for (i, &a) in order.iter().enumerate() {
            rank[a as usize] = i as u32;
        }
        // Group by row, then column, then position in the documents.
        let mut cited = std::mem::take(&mut self.cited);
        cited.sort_by(|a, b| {
            (rank[a.0 as usize], position[a.1 as usize])
                .cmp(&(rank[b.0 as usize], position[b.1 as usize]))
                .then_with(|| self.position_key(a.2).cmp(&self.position_key(b.2)))
        });
        let mut unlabelled = std::mem::take(&mut self.unlabelled);
        unlabelled.retain(|u| rank[u.0 as usize] != u32::MAX);
        unlabelled.sort_unstable_by_key(|u| (rank[u.0 as usize], position[u.1 as usize]));
        // The interned id of each declared label.
        let declared: Vec<Option<u32>> = rules.labels.iter().map(|l| self.labels.get(&l.name)).collect();
        let names: Vec<Arc<str>> = rules.labels.iter().map(|l| Arc::from(l.name.as_str())).collect();
        let mut rows = Vec::with_capacity(order.len());
        let mut numbered: Vec<(u32, u32)> = Vec::new();
        let mut id_of: Vec<u32> = vec![0; self.meta.len()];
        let (mut ci_at, mut ui_at) = (0, 0);
        let mut held: Vec<CellLabel> = Vec::new();
        for &actor in &order {
            let mut cells = vec![Cell::default(); sources.len()];
            while ui_at < unlabelled.len() && unlabelled[ui_at].0 == actor {
                cells[position[unlabelled[ui_at].1 as usize]].unlabelled += unlabelled[ui_at].2;
                ui_at += 1;
            }
            while ci_at < cited.len() && cited[ci_at].0 == actor {
                // One cell: the run of this actor's statements in one column.
                let column = cited[ci_at].1;
                let end = ci_at + cited[ci_at..].iter().take_while(|c| c.0 == actor && c.1 == column).count();
                let ci = position[column as usize];
                let list: Vec<(u32, usize)> = cited[ci_at..end]
                    .iter()
                    .map(|&(_, _, e)| {
                        if id_of[e as usize] == 0 {
                            numbered.push((e, ci as u32));
                            id_of[e as usize] = numbered.len() as u32;
                        }
                        (e, id_of[e as usize] as usize)
                    })
                    .collect();
                ci_at = end;
                held.clear();
                for ((id, name), _) in declared.iter().zip(&names).zip(&rules.labels) {
                    let Some(id) = id else { continue };
                    let mut statements = 0;
                    let mut best: Option<(usize, f32)> = None;
                    for &(e, n) in &list {
                        if !self.labels_of(e).contains(id) {
                            continue;
                        }
                        statements += 1;
                        // Strongest: highest strength, then earliest.
                        let strength = self.meta[e as usize].strength;
                        let better = match best {
                            None => true,
                            Some((bn, bs)) => strength > bs || (strength == bs && n < bn),
                        };
                        if better {
                            best = Some((n, strength));
                        }
                    }
                    if let Some((n, _)) = best {
                        held.push(CellLabel { label: name.clone(), statements, evidence: n as u32 });
                    }
                }
                // Exactly as long as it needs: a table has a cell per actor
                // and document.
                cells[ci].labels = held.as_slice().into();
            }
            let movement = movement(&cells, sources, rules);
            rows.push(Row { actor: self.actors.name(actor).to_string(), cells, movement });
        }
        (rows, numbered)
    }
}

fn movement(cells: &[Cell], sources: &[Source], rules: &RuleSet) -> Movement {
    let sets: Vec<(usize, Vec<String>)> =
        cells.iter().enumerate().filter(|(_, c)| !c.labels.is_empty()).map(|(i, c)| (i, c.labels.iter().map(|l| l.label.to_string()).collect())).collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;

    fn rendered(t: &PositionTable) -> String {
        let mut out = Vec::new();
        crate::report::compare::json(t, &mut out).expect("rendered");
        crate::report::compare::markdown(t, true, &mut out).expect("rendered");
        crate::report::compare::csv(t, &mut out).expect("rendered");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn evidence_kept_on_disk_gives_the_same_table() {
        let e = Engine::builtin();
        let texts = [
            ("a.txt", include_str!("../../corpus/seeds/000_71636f7864169cab.txt")),
            ("b.txt", include_str!("../../corpus/seeds/004_4c61c73b810720b7.txt")),
            ("c.txt", "Iran said it would respond firmly to any attack. Israel called for restraint on all sides."),
        ];
        let docs: Vec<_> = texts.iter().map(|(n, t)| e.document(n, t.to_string())).collect();
        let analyses = e.analyze_all(&docs);
        let table = |budget: usize| {
            let mut b = Builder::new(By::Doc).memory_budget(budget);
            for a in &analyses {
                b.add(a);
            }
            assert_eq!(b.store.spilled(), budget == 0, "budget {budget}");
            b.finish(e.rules())
        };
        let (memory, disk) = (table(usize::MAX), table(0));
        assert!(memory.evidence.len() > 5 && !memory.voices.is_empty());
        assert_eq!(rendered(&memory), rendered(&disk));
        // Read in any order, a piece is itself.
        let last = disk.evidence.len();
        assert_eq!(disk.evidence.get(last).expect("read").id, last);
        assert_eq!(disk.evidence.get(1).expect("read").text, memory.evidence.get(1).expect("read").text);
        assert!(disk.evidence.get(last + 1).is_err(), "numbers past the list are not evidence");
    }
}
