//! Claim checks for CI: expectations about sources, held or broken.
//!
//! A claims file (TOML, strict) lists three kinds of expectation:
//!
//! - `[[holds]]`: an actor holds a label in every source, in any, in none,
//!   or in the sources listed;
//! - `[[movement]]`: an actor's position across sources is `consistent`,
//!   `shifted`, `mixed` or `single source`;
//! - `[[claim]]`: a factual claim ("Israel intercepted 99% of about 300
//!   projectiles") is `supported`, `contradicted` or `absent` in sources.
//!   A sentence is a candidate when its wording is close to the claim's
//!   (fuzzy, by content word) and it names the claim's actors; it supports
//!   the claim when every number agrees (units must match; qualifiers such
//!   as "about", "nearly", "more than" widen a number into a range, and
//!   ranges that meet agree), and contradicts it when a number of the same
//!   unit disagrees.
//!
//! Every result keeps its evidence span, so a failure in CI points at the
//! words in the source.

use crate::attribute::ActorTable;
use crate::compare::PositionTable;
use crate::config::DataFile;
use crate::config::strict::Root;
use crate::engine::Engine;
use crate::error::Diagnostic;
use crate::model::{Analysis, Text};
use crate::text::normalize::fold_key;
use crate::text::token::TokKind;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaims {
    #[serde(rename = "holds", default)]
    _holds: Vec<IgnoredAny>,
    #[serde(rename = "movement", default)]
    _movement: Vec<IgnoredAny>,
    #[serde(rename = "claim", default)]
    _claim: Vec<IgnoredAny>,
}

/// `[[holds]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHolds {
    /// Shown in reports (default: made from the fields).
    name: Option<String>,
    /// The actor.
    actor: Spanned<String>,
    /// The label.
    label: Spanned<String>,
    /// `every` (default), `any`, `none`, or a list of sources.
    #[serde(rename = "in")]
    within: Option<Spanned<toml::Value>>,
}

/// `[[movement]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMovement {
    /// Shown in reports.
    name: Option<String>,
    /// The actor.
    actor: Spanned<String>,
    /// Expected movement, or a list of acceptable ones.
    is: Spanned<toml::Value>,
}

/// `[[claim]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    /// Shown in reports.
    name: Option<String>,
    /// The claim, in plain words.
    text: Spanned<String>,
    /// `supported` (default), `contradicted` or `absent`.
    expect: Option<Spanned<String>>,
    /// `every`, `any` (default), `none`, or a list of sources.
    #[serde(rename = "in")]
    within: Option<Spanned<toml::Value>>,
}

/// Which sources an expectation is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Within {
    /// All of them.
    Every,
    /// At least one.
    Any,
    /// None of them.
    None,
    /// These ones (document names or outlets).
    These(Vec<String>),
}

/// What an expectation asks.
#[derive(Debug, Clone)]
pub enum Expect {
    /// An actor holds a label.
    Holds {
        /// Actor.
        actor: String,
        /// Label.
        label: String,
        /// Where.
        within: Within,
    },
    /// An actor's movement.
    Movement {
        /// Actor.
        actor: String,
        /// Acceptable movements.
        allowed: Vec<String>,
    },
    /// A factual claim.
    Claim {
        /// The claim.
        text: String,
        /// Expected verdict.
        verdict: Verdict,
        /// Where.
        within: Within,
    },
}

/// One expectation of a claims file.
#[derive(Debug, Clone)]
pub struct Expectation {
    /// Name shown in reports.
    pub name: String,
    /// Line in the claims file.
    pub line: usize,
    /// What it asks.
    pub expect: Expect,
}

/// What a source says of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// A sentence says it, with agreeing numbers.
    Supported,
    /// A sentence says it with a disagreeing number.
    Contradicted,
    /// No sentence says it.
    Absent,
}

impl Verdict {
    fn parse(s: &str) -> Option<Verdict> {
        match s {
            "supported" => Some(Verdict::Supported),
            "contradicted" => Some(Verdict::Contradicted),
            "absent" => Some(Verdict::Absent),
            _ => None,
        }
    }

    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::Absent => "absent",
        }
    }
}

/// Words a source has on an expectation.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceRef {
    /// Document.
    pub doc: String,
    /// Byte range.
    pub span: [usize; 2],
    /// 1-based line of the span start.
    pub line: usize,
    /// The words.
    pub text: String,
}

/// An expectation's result in one source.
#[derive(Debug, Clone, Serialize)]
pub struct SourceResult {
    /// Source (document or outlet).
    pub source: String,
    /// What was found (`holds deterrence`, `supported`, ...).
    pub found: String,
    /// Whether this source meets the expectation on its own terms.
    pub hit: bool,
    /// The words behind it, if any.
    pub evidence: Option<EvidenceRef>,
}

/// An expectation's result.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// Name.
    pub name: String,
    /// `holds`, `movement` or `claim`.
    pub kind: &'static str,
    /// Line in the claims file.
    pub line: usize,
    /// Whether it holds.
    pub passed: bool,
    /// Why, in one sentence.
    pub message: String,
    /// Per source.
    pub sources: Vec<SourceResult>,
}

fn within(root: &Root, v: &Option<Spanned<toml::Value>>, default: Within, diags: &mut Vec<Diagnostic>) -> Within {
    let Some(v) = v else { return default };
    match v.get_ref() {
        toml::Value::String(s) => match s.as_str() {
            "every" => Within::Every,
            "any" => Within::Any,
            "none" => Within::None,
            other => Within::These(vec![other.to_string()]),
        },
        toml::Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect();
            if names.len() != a.len() || names.is_empty() {
                diags.push(root.diag(v.span().start, "`in` must be \"every\", \"any\", \"none\" or a list of source names"));
            }
            Within::These(names)
        }
        _ => {
            diags.push(root.diag(v.span().start, "`in` must be \"every\", \"any\", \"none\" or a list of source names"));
            default
        }
    }
}

fn within_text(w: &Within) -> String {
    match w {
        Within::Every => "in every source".into(),
        Within::Any => "in at least one source".into(),
        Within::None => "in no source".into(),
        Within::These(v) => format!("in {}", v.join(", ")),
    }
}

/// Parses a claims file strictly, reporting every problem.
pub fn parse(file: &DataFile, labels: &[String]) -> Result<Vec<Expectation>, Vec<Diagnostic>> {
    let root = Root::parse(file)?;
    let mut diags = Vec::new();
    if let Err(d) = root.whole::<RawClaims>() {
        diags.push(d);
    }
    let line = |at: usize| Diagnostic::at(&file.path, &file.text, at, "").line;
    let mut out = Vec::new();
    for (h, at) in root.items::<RawHolds>("holds", &mut diags) {
        if !labels.contains(h.label.get_ref()) {
            diags.push(root.diag(h.label.span().start, format!("unknown label {:?} (declared: {})", h.label.get_ref(), labels.join(", "))));
        }
        let w = within(&root, &h.within, Within::Every, &mut diags);
        let name = h.name.unwrap_or_else(|| format!("{} holds {} {}", h.actor.get_ref(), h.label.get_ref(), within_text(&w)));
        out.push(Expectation { name, line: line(at), expect: Expect::Holds { actor: h.actor.into_inner(), label: h.label.into_inner(), within: w } });
    }
    const MOVES: [&str; 4] = ["consistent", "shifted", "mixed", "single source"];
    for (m, at) in root.items::<RawMovement>("movement", &mut diags) {
        let allowed: Vec<String> = match m.is.get_ref() {
            toml::Value::String(s) => vec![s.clone()],
            toml::Value::Array(a) => a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect(),
            _ => Vec::new(),
        };
        if allowed.is_empty() || allowed.iter().any(|a| !MOVES.contains(&a.as_str())) {
            diags.push(root.diag(m.is.span().start, format!("`is` must be one of {} (or a list of them)", MOVES.join(", "))));
        }
        let name = m.name.unwrap_or_else(|| format!("{} is {}", m.actor.get_ref(), allowed.join(" or ")));
        out.push(Expectation { name, line: line(at), expect: Expect::Movement { actor: m.actor.into_inner(), allowed } });
    }
    for (c, at) in root.items::<RawClaim>("claim", &mut diags) {
        let verdict = match &c.expect {
            None => Verdict::Supported,
            Some(e) => Verdict::parse(e.get_ref()).unwrap_or_else(|| {
                diags.push(root.diag(e.span().start, "`expect` must be supported, contradicted or absent"));
                Verdict::Supported
            }),
        };
        if c.text.get_ref().split_whitespace().count() < 2 {
            diags.push(root.diag(c.text.span().start, "a claim needs at least two words"));
        }
        let w = within(&root, &c.within, Within::Any, &mut diags);
        let name = c.name.unwrap_or_else(|| format!("{:?} is {} {}", c.text.get_ref(), verdict.as_str(), within_text(&w)));
        out.push(Expectation { name, line: line(at), expect: Expect::Claim { text: c.text.into_inner(), verdict, within: w } });
    }
    if diags.is_empty() { Ok(out) } else { Err(diags) }
}

/// Whether per-source hits meet a `within`; also checks that named sources exist.
fn meets(w: &Within, results: &[SourceResult]) -> Result<bool, String> {
    Ok(match w {
        Within::Every => !results.is_empty() && results.iter().all(|r| r.hit),
        Within::Any => results.iter().any(|r| r.hit),
        Within::None => !results.iter().any(|r| r.hit),
        Within::These(names) => {
            for n in names {
                if !results.iter().any(|r| fold_key(&r.source) == fold_key(n)) {
                    return Err(format!("no source named {n:?}"));
                }
            }
            results.iter().filter(|r| names.iter().any(|n| fold_key(n) == fold_key(&r.source))).all(|r| r.hit)
        }
    })
}

fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

/// Checks every expectation against analysed documents and their comparison.
pub fn check(engine: &Engine, expectations: &[Expectation], analyses: &[Analysis], table: &PositionTable) -> Vec<Outcome> {
    let doc_text = |name: &str| analyses.iter().find(|a| a.doc.name == name).map(|a| a.doc.text.as_str()).unwrap_or("");
    let evidence_of = |id: usize| {
        let e = &table.evidence[id - 1];
        EvidenceRef { doc: e.doc.clone(), span: e.span, line: line_of(doc_text(&e.doc), e.span[0]), text: e.text.clone() }
    };
    let mut out = Vec::new();
    for x in expectations {
        let (kind, passed, message, sources) = match &x.expect {
            Expect::Holds { actor, label, within } => {
                let row = table.row(actor);
                let sources: Vec<SourceResult> = table
                    .sources
                    .iter()
                    .enumerate()
                    .map(|(ci, s)| {
                        let cell = row.map(|r| &r.cells[ci]);
                        let held: Vec<String> = cell.map(|c| c.labels.iter().map(|l| l.label.clone()).collect()).unwrap_or_default();
                        let hit = held.contains(label);
                        let ev = cell.and_then(|c| c.labels.iter().find(|l| &l.label == label).or(c.labels.first())).map(|l| evidence_of(l.evidence));
                        let found = if held.is_empty() { "holds no stance".to_string() } else { format!("holds {}", held.join(", ")) };
                        SourceResult { source: s.name.clone(), found, hit, evidence: ev }
                    })
                    .collect();
                let ok = meets(within, &sources);
                let message = match &ok {
                    Ok(true) => format!("{actor} holds {label} {}", within_text(within)),
                    Ok(false) => format!("expected {actor} to hold {label} {}", within_text(within)),
                    Err(e) => e.clone(),
                };
                ("holds", ok.unwrap_or(false), message, sources)
            }
            Expect::Movement { actor, allowed } => match table.row(actor) {
                None => ("movement", false, format!("{actor} holds no stance in any source"), Vec::new()),
                Some(r) => {
                    let got = r.movement.kind().to_string();
                    let ok = allowed.contains(&got);
                    let message = if ok {
                        format!("{actor} is {}", r.movement.describe())
                    } else {
                        format!("expected {actor} to be {}, but it is {}", allowed.join(" or "), r.movement.describe())
                    };
                    let sources = table
                        .sources
                        .iter()
                        .zip(&r.cells)
                        .map(|(s, c)| SourceResult {
                            source: s.name.clone(),
                            found: table.cell_text(c),
                            hit: ok,
                            evidence: c.labels.first().map(|l| evidence_of(l.evidence)),
                        })
                        .collect();
                    ("movement", ok, message, sources)
                }
            },
            Expect::Claim { text, verdict, within } => {
                let claim = Claim::new(engine, text);
                let sources: Vec<SourceResult> = table
                    .sources
                    .iter()
                    .map(|s| {
                        // The best verdict among the source's documents: supported, then contradicted.
                        let mut best: Option<(Verdict, Option<EvidenceRef>)> = None;
                        for a in analyses.iter().filter(|a| s.docs.contains(&a.doc.name)) {
                            let (v, ev) = claim.judge(engine, a);
                            let rank = |v: Verdict| match v {
                                Verdict::Supported => 0,
                                Verdict::Contradicted => 1,
                                Verdict::Absent => 2,
                            };
                            if best.as_ref().is_none_or(|(b, _)| rank(v) < rank(*b)) {
                                best = Some((v, ev));
                            }
                        }
                        let (v, ev) = best.unwrap_or((Verdict::Absent, None));
                        SourceResult { source: s.name.clone(), found: v.as_str().to_string(), hit: v == *verdict, evidence: ev }
                    })
                    .collect();
                let ok = meets(within, &sources);
                let message = match &ok {
                    Ok(true) => format!("{:?} is {} {}", text, verdict.as_str(), within_text(within)),
                    Ok(false) => format!("expected {:?} to be {} {}", text, verdict.as_str(), within_text(within)),
                    Err(e) => e.clone(),
                };
                ("claim", ok.unwrap_or(false), message, sources)
            }
        };
        out.push(Outcome { name: x.name.clone(), kind, line: x.line, passed, message, sources });
    }
    out
}

/// A number as written: a range of values and a unit.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Quantity {
    lo: f64,
    hi: f64,
    percent: bool,
}

impl Quantity {
    fn agrees(&self, other: &Quantity) -> bool {
        let eps = 1e-9;
        self.lo <= other.hi + eps && other.lo <= self.hi + eps
    }
}

/// The numbers of a token range, with qualifiers and units.
fn quantities(text: &Text, range: Range<usize>) -> Vec<Quantity> {
    let toks = &text.toks;
    let mut out = Vec::new();
    for t in range.clone() {
        if toks.toks[t].kind != TokKind::Number {
            continue;
        }
        let Ok(mut n) = toks.key(t).replace(',', "").parse::<f64>() else { continue };
        let next = |k: usize| if t + k < range.end { toks.key(t + k) } else { "" };
        let mut percent = false;
        match next(1) {
            "%" | "percent" | "pc" => percent = true,
            "per" if next(2) == "cent" => percent = true,
            "thousand" => n *= 1e3,
            "million" => n *= 1e6,
            "billion" => n *= 1e9,
            "hundred" => n *= 1e2,
            _ => {}
        }
        // Qualifier: up to three words before, past "the" and "of".
        let mut before = Vec::new();
        let mut p = t;
        while p > range.start && before.len() < 3 {
            p -= 1;
            let k = toks.key(p);
            if matches!(k, "the" | "of" | "a" | "an") {
                continue;
            }
            before.insert(0, k.to_string());
        }
        let joined = before.join(" ");
        let ends = |s: &str| joined == s || joined.ends_with(&format!(" {s}"));
        let (lo, hi) =
            if ends("about") || ends("around") || ends("approximately") || ends("roughly") || ends("some") || ends("an estimated") || ends("estimated") {
                (n * 0.9, n * 1.1)
            } else if ends("nearly") || ends("almost") || ends("close to") {
                (n * 0.9, n)
            } else if ends("more than") || ends("over") || ends("above") || ends("upwards of") || ends("in excess of") {
                (n * (1.0 + 1e-9), f64::INFINITY)
            } else if ends("at least") {
                (n, f64::INFINITY)
            } else if ends("up to") || ends("at most") {
                (0.0, n)
            } else if ends("fewer than") || ends("less than") || ends("under") || ends("below") {
                (0.0, n * (1.0 - 1e-9))
            } else {
                (n, n)
            };
        out.push(Quantity { lo, hi, percent });
    }
    out
}

const STOP: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "and", "or", "that", "this", "it", "its", "is", "are", "was", "were", "be", "been",
    "has", "have", "had", "about", "around", "nearly", "almost", "more", "than", "over", "some", "approximately", "roughly", "percent", "per", "cent", "%",
    "from", "as", "said", "says", "say",
];

/// A prepared claim.
struct Claim {
    words: Vec<String>,
    numbers: Vec<Quantity>,
    actors: Vec<usize>,
    dates: Vec<crate::text::date::Date>,
}

impl Claim {
    fn new(engine: &Engine, text: &str) -> Claim {
        let doc = crate::model::Document::snippet("claim", text.to_string(), None);
        let t = engine.prepare(&doc);
        let numbers = quantities(&t, 0..t.toks.len());
        let actors = actors_in(&engine.actors, &t, 0..t.toks.len());
        let mentions = engine.actors.mentions(&t);
        let words = (0..t.toks.len())
            .filter(|&i| t.toks.toks[i].is_word() && !STOP.contains(&t.toks.key(i)))
            .filter(|&i| !mentions.iter().any(|m| m.toks.start <= i && i < m.toks.end && !m.actors.is_empty()))
            .map(|i| t.toks.key(i).to_string())
            .collect();
        let dates = crate::text::date::find_date(text).map(|(d, _)| vec![d]).unwrap_or_default();
        Claim { words, numbers, actors, dates }
    }

    /// The verdict of one document, with the sentence behind it.
    fn judge(&self, engine: &Engine, a: &Analysis) -> (Verdict, Option<EvidenceRef>) {
        let text = engine.prepare(a.doc);
        let mentions = engine.actors.mentions(&text);
        let mut best: Option<(f64, Range<usize>)> = None;
        for s in &text.seg.sentences {
            // Actors named in the sentence, or speaking it.
            let mut named: Vec<usize> = mentions.iter().filter(|m| m.toks.start >= s.start && m.toks.end <= s.end).flat_map(|m| m.actors.clone()).collect();
            let span = text.toks.span(s.clone());
            for c in &a.statements {
                if c.statement.span.start < span.end && span.start < c.statement.span.end {
                    named.extend(c.statement.speaker.actors.iter().filter_map(|n| engine.actors.actor_id(n)));
                }
            }
            if !self.actors.iter().all(|x| named.contains(x)) {
                continue;
            }
            let keys: Vec<&str> = (s.start..s.end).filter(|&i| text.toks.toks[i].is_word()).map(|i| text.toks.key(i)).collect();
            let matched: f64 = self.words.iter().map(|w| keys.iter().map(|k| word_similarity(w, k)).fold(0.0, f64::max)).sum();
            let numbers_here = quantities(&text, s.clone());
            let number_hits = self.numbers.iter().filter(|q| numbers_here.iter().any(|n| n.percent == q.percent)).count();
            let total = self.words.len() + self.numbers.len();
            let score = if total == 0 { 0.0 } else { (matched + number_hits as f64) / total as f64 };
            if score >= 0.5 && best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((score, s.clone()));
            }
        }
        let Some((_, s)) = best else { return (Verdict::Absent, None) };
        let numbers_here = quantities(&text, s.clone());
        let span = text.toks.span(s.clone());
        let ev = EvidenceRef {
            doc: a.doc.name.clone(),
            span: [span.start, span.end],
            line: line_of(&a.doc.text, span.start),
            text: a.doc.text[span.clone()].to_string(),
        };
        let mut unknown = false;
        for q in &self.numbers {
            let same_unit: Vec<&Quantity> = numbers_here.iter().filter(|n| n.percent == q.percent).collect();
            if same_unit.is_empty() {
                unknown = true;
            } else if !same_unit.iter().any(|n| n.agrees(q)) {
                return (Verdict::Contradicted, Some(ev));
            }
        }
        if !self.dates.is_empty() {
            let here: Vec<crate::text::date::Date> = crate::text::date::find_date(&ev.text).map(|(d, _)| vec![d]).unwrap_or_default();
            if !here.is_empty() && !self.dates.iter().any(|d| here.contains(d)) {
                return (Verdict::Contradicted, Some(ev));
            }
        }
        if unknown { (Verdict::Absent, Some(ev)) } else { (Verdict::Supported, Some(ev)) }
    }
}

/// Actor ids named in a token range.
fn actors_in(actors: &ActorTable, text: &Text, range: Range<usize>) -> Vec<usize> {
    let mut v: Vec<usize> =
        actors.mentions(text).into_iter().filter(|m| m.toks.start >= range.start && m.toks.end <= range.end).flat_map(|m| m.actors).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// How close two word keys are: 1 for the same word or stem, less for near spellings.
fn word_similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    if shorter >= 4 && common >= 5.min(shorter) && common * 5 >= shorter * 4 {
        return 1.0;
    }
    let jw = strsim::jaro_winkler(a, b);
    if jw >= 0.9 { 0.8 } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use std::sync::LazyLock;

    static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::builtin);

    fn verdict(claim: &str, body: &str) -> Verdict {
        let doc = Document::from_text("a.txt", format!("Headline\n\n1 May 2024\n\n{body}\n"), &ENGINE.furniture);
        let text = ENGINE.prepare(&doc);
        let analysis = Analysis { doc: &doc, statements: ENGINE.analyze(&text) };
        Claim::new(&ENGINE, claim).judge(&ENGINE, &analysis).0
    }

    const CLAIM: &str = "Israel intercepted 99% of about 300 projectiles";

    #[test]
    fn same_numbers_support() {
        assert_eq!(verdict(CLAIM, "The army said Israel intercepted 99 percent of the nearly 300 projectiles."), Verdict::Supported);
        assert_eq!(verdict(CLAIM, "Israel intercepted 99% of more than 300 projectiles fired overnight."), Verdict::Supported);
    }

    #[test]
    fn different_number_contradicts() {
        assert_eq!(verdict(CLAIM, "Israel intercepted only 70% of the 300 projectiles, officials admitted."), Verdict::Contradicted);
    }

    #[test]
    fn other_actor_or_topic_is_absent() {
        assert_eq!(verdict(CLAIM, "Ukraine intercepted 99% of about 300 projectiles."), Verdict::Absent);
        assert_eq!(verdict(CLAIM, "Israel held a cabinet meeting on Sunday."), Verdict::Absent);
    }

    #[test]
    fn quantities_read_qualifiers_and_units() {
        let doc = Document::snippet("q", "about 300 drones, more than 20 percent and 1,500 troops".into(), None);
        let t = ENGINE.prepare(&doc);
        let q = quantities(&t, 0..t.toks.len());
        assert_eq!(q.len(), 3);
        assert!(q[0].lo < 300.0 && q[0].hi > 300.0 && !q[0].percent);
        assert!(q[1].percent && q[1].hi.is_infinite());
        assert_eq!((q[2].lo, q[2].hi), (1500.0, 1500.0));
    }
}
