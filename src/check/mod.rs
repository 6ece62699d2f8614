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

pub mod claim;
pub mod expect;
mod quantity;

pub use crate::check::claim::{Claim, Judgement};
use crate::check::expect::within_text;
pub use crate::check::expect::{EvidenceRef, Expect, Expectation, NamedSource, Verdict, Within, parse};
use crate::compare::PositionTable;
use crate::text::normalize::fold_key;
use serde::Serialize;

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

/// How close (Jaro-Winkler) a misspelt source name must be to suggest a known one.
const CLOSE_SOURCE: f64 = 0.85;

/// Sources named in `in` that the table does not have, each a diagnostic
/// at its place in the claims file (`file`), with the closest known name.
pub fn unknown_sources(expectations: &[Expectation], table: &PositionTable, file: &str) -> Vec<crate::error::Diagnostic> {
    let mut out = Vec::new();
    for x in expectations {
        for n in &x.sources {
            if table.source_index(&n.name).is_some() {
                continue;
            }
            let known = table.sources.iter().flat_map(|s| std::iter::once(&s.name).chain(&s.docs)).map(String::as_str);
            let scope = if x.about.is_empty() { String::new() } else { format!(" about {}", x.about.join(", ")) };
            let message = match crate::text::normalize::closest(&n.name, known, CLOSE_SOURCE) {
                Some(k) => format!("no source named {:?} among the documents{scope}; did you mean {k:?}?", n.name),
                None => format!("no source named {:?} among the documents{scope} (sources are document names, or outlets with --by source)", n.name),
            };
            out.push(crate::error::Diagnostic { file: file.to_string(), line: n.line, col: n.col, message });
        }
    }
    out
}

/// What a document says of each claim, from what each of its windows says:
/// per claim, the best verdict (supported, then contradicted, then absent).
pub fn best_of_windows(windows: Vec<Vec<Option<Judgement>>>) -> Vec<Option<Judgement>> {
    let mut it = windows.into_iter();
    let mut best = it.next().unwrap_or_default();
    for w in it {
        for (b, j) in best.iter_mut().zip(w) {
            if let (Some(bj), Some(j)) = (b.as_ref(), j)
                && rank(j.verdict) < rank(bj.verdict)
            {
                *b = Some(j);
            }
        }
    }
    best
}

/// Preference among verdicts of one source's documents.
fn rank(v: Verdict) -> u8 {
    match v {
        Verdict::Supported => 0,
        Verdict::Contradicted => 1,
        Verdict::Absent => 2,
    }
}

/// Checks every expectation against the comparison of the documents and
/// what each document said of the claims.
///
/// `docs[d]` is the name of document `d` and `judgements[d][x]` what it says
/// of claim expectation `x` (`None` for other kinds of expectation), judged
/// while the document was analysed; no document needs to be kept for this.
pub fn check(expectations: &[Expectation], docs: &[String], judgements: &[Vec<Option<Judgement>>], table: &PositionTable) -> Vec<Outcome> {
    let doc_index: std::collections::BTreeMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.as_str(), i)).collect();
    // Evidence kept on disk that cannot be read back is left out.
    let evidence_of = |id: usize| table.evidence.get(id).ok().map(|e| EvidenceRef { doc: e.doc, span: e.span, line: e.line, text: e.text });
    let mut out = Vec::new();
    // The documents of each source, by the source's name.
    let mut docs_of: std::collections::BTreeMap<&str, Vec<usize>> = std::collections::BTreeMap::new();
    for s in &table.sources {
        docs_of.insert(s.name.as_str(), s.docs.iter().filter_map(|d| doc_index.get(d.as_str()).copied()).collect());
    }
    for (xi, x) in expectations.iter().enumerate() {
        let (kind, passed, message, sources) = match &x.expect {
            Expect::Holds { actor, label, within } => {
                let row = table.row(actor);
                let sources: Vec<SourceResult> = table
                    .sources
                    .iter()
                    .enumerate()
                    .map(|(ci, s)| {
                        let cell = row.map(|r| &r.cells[ci]);
                        let held: Vec<String> = cell.map(|c| c.labels.iter().map(|l| l.label.to_string()).collect()).unwrap_or_default();
                        let hit = held.contains(label);
                        let ev = cell
                            .and_then(|c| c.labels.iter().find(|l| *l.label == **label).or(c.labels.first()))
                            .and_then(|l| evidence_of(l.evidence as usize));
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
                            evidence: c.labels.first().and_then(|l| evidence_of(l.evidence as usize)),
                        })
                        .collect();
                    ("movement", ok, message, sources)
                }
            },
            Expect::Claim { text, verdict, within } => {
                let sources: Vec<SourceResult> = table
                    .sources
                    .iter()
                    .map(|s| {
                        // The best verdict among the source's documents: supported, then contradicted.
                        let mut best: Option<(Verdict, Option<EvidenceRef>)> = None;
                        for &di in docs_of.get(s.name.as_str()).into_iter().flatten() {
                            let Some(j) = &judgements[di][xi] else { continue };
                            let (v, ev) = (j.verdict, j.evidence.clone());
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
                        // `absent` asks that no source support the claim: a contradiction is no support either.
                        let hit = if *verdict == Verdict::Absent { v != Verdict::Supported } else { v == *verdict };
                        SourceResult { source: s.name.clone(), found: v.as_str().to_string(), hit, evidence: ev }
                    })
                    .collect();
                // "absent" in any source would pass beside a source that supports the
                // claim: absence holds only when it holds in every source in scope.
                let within = if *verdict == Verdict::Absent && *within == Within::Any { &Within::Every } else { within };
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
