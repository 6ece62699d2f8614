//! The claims file: expectations about sources, read strictly.
//!
//! `[[holds]]`, `[[movement]]` and `[[claim]]` tables become
//! [`Expectation`]s; every problem of the file is reported in one run with
//! its line and column.

use crate::config::DataFile;
use crate::config::strict::Root;
use crate::error::Diagnostic;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use toml::Spanned;

/// How close (Jaro-Winkler) a misspelt label must be to suggest a declared one.
const CLOSE_LABEL: f64 = 0.8;

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
    /// Only documents that name these actors.
    about: Option<Spanned<toml::Value>>,
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
    /// Only documents that name these actors.
    about: Option<Spanned<toml::Value>>,
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
    /// Only documents that name these actors.
    about: Option<Spanned<toml::Value>>,
}

/// A source named in a claims file, where it is named.
#[derive(Debug, Clone)]
pub struct NamedSource {
    /// The name as written.
    pub name: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
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
    /// Only documents that name one of these actors (canonical names; empty: all).
    pub about: Vec<String>,
    /// Sources named in `in`, with where they are named.
    pub sources: Vec<NamedSource>,
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

/// The sources an `in` names, with their positions (checked once the sources are known).
fn named_sources(root: &Root, file: &DataFile, v: &Option<Spanned<toml::Value>>) -> Vec<NamedSource> {
    let Some(v) = v else { return Vec::new() };
    let at = |offset: usize, name: &str| {
        let d = root.diag(offset, "");
        NamedSource { name: name.to_string(), line: d.line, col: d.col }
    };
    match v.get_ref() {
        toml::Value::String(s) if !["every", "any", "none"].contains(&s.as_str()) => vec![at(v.span().start, s)],
        // Items of an inline array carry no spans of their own: each is found in the array's text.
        toml::Value::Array(a) => {
            let span = v.span();
            let text = &file.text[span.clone()];
            let mut from = 0;
            a.iter()
                .filter_map(|x| x.as_str())
                .map(|s| {
                    let quoted = format!("{s:?}");
                    let off = text[from..].find(&quoted).or_else(|| text[from..].find(s)).map_or(0, |i| from + i);
                    from = off + 1;
                    at(span.start + off, s)
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// The actors an `about` names (a string or a list), canonical; unknown names are diagnostics.
fn about(root: &Root, v: &Option<Spanned<toml::Value>>, actor: &dyn Fn(&str) -> Result<String, String>, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    let Some(v) = v else { return Vec::new() };
    let names: Vec<&str> = match v.get_ref() {
        toml::Value::String(s) => vec![s.as_str()],
        toml::Value::Array(a) if a.iter().all(toml::Value::is_str) && !a.is_empty() => a.iter().filter_map(|x| x.as_str()).collect(),
        _ => {
            diags.push(root.diag(v.span().start, "`about` must be an actor or a list of actors"));
            return Vec::new();
        }
    };
    names
        .into_iter()
        .filter_map(|n| match actor(n) {
            Ok(c) => Some(c),
            Err(m) => {
                diags.push(root.diag(v.span().start, m));
                None
            }
        })
        .collect()
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

pub(crate) fn within_text(w: &Within) -> String {
    match w {
        Within::Every => "in every source".into(),
        Within::Any => "in at least one source".into(),
        Within::None => "in no source".into(),
        Within::These(v) => format!("in {}", v.join(", ")),
    }
}

/// Parses a claims file strictly, reporting every problem.
///
/// `actor` gives the canonical name of an actor named in the file, or a
/// message (with the closest known name) when the name is unknown.
pub fn parse(file: &DataFile, labels: &[String], actor: &dyn Fn(&str) -> Result<String, String>) -> Result<Vec<Expectation>, Vec<Diagnostic>> {
    let root = Root::parse(file)?;
    let mut diags = Vec::new();
    if let Err(d) = root.whole::<RawClaims>() {
        diags.push(d);
    }
    let line = |at: usize| Diagnostic::at(&file.path, &file.text, at, "").line;
    let mut out = Vec::new();
    let known = |name: &Spanned<String>, diags: &mut Vec<Diagnostic>| match actor(name.get_ref()) {
        Ok(c) => c,
        Err(m) => {
            diags.push(root.diag(name.span().start, m));
            name.get_ref().clone()
        }
    };
    for (h, at) in root.items::<RawHolds>("holds", &mut diags) {
        let canonical = known(&h.actor, &mut diags);
        if !labels.contains(h.label.get_ref()) {
            let given = h.label.get_ref();
            let closest = crate::text::normalize::closest(given, labels.iter().map(String::as_str), CLOSE_LABEL);
            let hint = closest.map(|l| format!("; did you mean {l:?}?")).unwrap_or_default();
            diags.push(root.diag(h.label.span().start, format!("unknown label {given:?} (declared: {}){hint}", labels.join(", "))));
        }
        let w = within(&root, &h.within, Within::Every, &mut diags);
        let (about, sources) = (about(&root, &h.about, actor, &mut diags), named_sources(&root, file, &h.within));
        let name = h.name.unwrap_or_else(|| format!("{} holds {} {}", h.actor.get_ref(), h.label.get_ref(), within_text(&w)));
        out.push(Expectation { name, line: line(at), expect: Expect::Holds { actor: canonical, label: h.label.into_inner(), within: w }, about, sources });
    }
    const MOVES: [&str; 4] = ["consistent", "shifted", "mixed", "single source"];
    for (m, at) in root.items::<RawMovement>("movement", &mut diags) {
        let canonical = known(&m.actor, &mut diags);
        let allowed: Vec<String> = match m.is.get_ref() {
            toml::Value::String(s) => vec![s.clone()],
            toml::Value::Array(a) => a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect(),
            _ => Vec::new(),
        };
        if allowed.is_empty() || allowed.iter().any(|a| !MOVES.contains(&a.as_str())) {
            diags.push(root.diag(m.is.span().start, format!("`is` must be one of {} (or a list of them)", MOVES.join(", "))));
        }
        let name = m.name.unwrap_or_else(|| format!("{} is {}", m.actor.get_ref(), allowed.join(" or ")));
        let about = about(&root, &m.about, actor, &mut diags);
        out.push(Expectation { name, line: line(at), expect: Expect::Movement { actor: canonical, allowed }, about, sources: Vec::new() });
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
        let (about, sources) = (about(&root, &c.about, actor, &mut diags), named_sources(&root, file, &c.within));
        let name = c.name.unwrap_or_else(|| format!("{:?} is {} {}", c.text.get_ref(), verdict.as_str(), within_text(&w)));
        out.push(Expectation { name, line: line(at), expect: Expect::Claim { text: c.text.into_inner(), verdict, within: w }, about, sources });
    }
    if out.is_empty() && diags.is_empty() {
        diags.push(Diagnostic::file(&file.path, "no expectations: a claims file lists [[holds]], [[movement]] or [[claim]] tables"));
    }
    if diags.is_empty() { Ok(out) } else { Err(diags) }
}
