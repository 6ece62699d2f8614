//! Stance rules: the labels, the rules that assign them, and polarity.
//!
//! Rule files are data (`rules/stance.toml` and any extra `*.toml` given
//! with `--rules DIR`). Each file may declare labels (`[[label]]`), negator
//! classes (`[[negator]]`) and rules (`[[rule]]`). Parsing is strict and
//! reports every problem of every file in one run with `file:line:col`:
//! unknown keys, unknown labels, duplicate ids, bad patterns or regexes,
//! patterns that cannot match. A [`RuleSet`] is compiled once per run: all
//! patterns of all rules go into one [`PatternGroups`] (one anchor look-up per
//! token), regular expressions into one `RegexSet`. Applying rules
//! to statements is [`crate::classify`]'s job.

use crate::config::DataFiles;
use crate::config::strict::Root;
use crate::error::Diagnostic;
use crate::pattern::compile_patterns;
use crate::pattern::{Pattern, PatternGroups};
use crate::text::vocab::Vocabulary;
use regex::{Regex, RegexSet};
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::collections::HashMap;
use toml::Spanned;

/// How close (Jaro-Winkler) a misspelt class name must be to suggest a known one.
const CLOSE_CLASS: f64 = 0.8;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(rename = "label", default)]
    _label: Vec<IgnoredAny>,
    #[serde(rename = "negator", default)]
    _negator: Vec<IgnoredAny>,
    #[serde(rename = "rule", default)]
    _rule: Vec<IgnoredAny>,
    #[serde(rename = "classes", default)]
    _classes: Option<IgnoredAny>,
    #[serde(rename = "mapping", default)]
    _mapping: Vec<IgnoredAny>,
    #[serde(rename = "neutral", default)]
    _neutral: Vec<IgnoredAny>,
}

/// `neutral = [...]`: analytic sentences that use the rules' words without
/// holding a stance ("deterrence collapsed"); no rule may label them.
#[derive(Deserialize)]
struct RawNeutral {
    #[serde(default)]
    neutral: Vec<String>,
}

/// `[[mapping]]`: how the labels of a statement change with the cue it is
/// reported with ("urged X not to retaliate" asks restraint of X; it is
/// not the caller's de-escalation).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMapping {
    /// Name shown by `explain` (`appeal`).
    name: Spanned<String>,
    /// What the mapping means.
    #[serde(default)]
    description: String,
    /// Patterns the statement's cue must match.
    cue: Vec<Spanned<String>>,
    /// Patterns that, matching in the frame, leave the labels as they are.
    #[serde(default)]
    unless: Vec<Spanned<String>>,
    /// Label -> another label or `drop`.
    map: Spanned<toml::Table>,
}

/// `[classes]`: named word classes (`retaliate = ["respond", "strike back"]`)
/// that patterns use as `@retaliate`.
#[derive(Deserialize)]
struct RawClasses {
    #[serde(default)]
    classes: std::collections::BTreeMap<String, Vec<Spanned<String>>>,
}

/// `[[label]]`: a stance label.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLabel {
    /// Label name used in records (`deterrence`).
    name: Spanned<String>,
    /// What the label means (shown by `stance rules list`).
    description: String,
    /// Sum of rule weights needed to assign the label (default 1; above 0, at most 1).
    threshold: Option<Spanned<f64>>,
    /// Labels this one contradicts when one actor holds both in one source.
    #[serde(default)]
    opposes: Vec<Spanned<String>>,
}

/// `[[negator]]`: words that reverse the rules after them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNegator {
    /// Class name rules can react to (`negation`, `rejection`).
    class: Spanned<String>,
    /// Patterns of the negating words.
    words: Vec<Spanned<String>>,
    /// How many words before a rule's match the negator reaches.
    scope: usize,
}

/// `[[rule]]`: a stance rule.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    /// Permanent identifier (`deterrence.severe-response`).
    id: Spanned<String>,
    /// The label it gives.
    label: Spanned<String>,
    /// Patterns in the rule language; any one may match.
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    /// Regular expressions over the normalised text (case-insensitive).
    #[serde(default)]
    regex: Vec<Spanned<String>>,
    /// Weight toward the label's threshold (default 1).
    weight: Option<f64>,
    /// Where the rule looks: `content`, `frame` (cue and content, default) or `sentence`.
    scope: Option<Spanned<String>>,
    /// `affirmed` (default): fires when not negated; `negated`: only when negated; `any`.
    polarity: Option<Spanned<String>>,
    /// Outcome when negated: `drop` (default), `keep`, or a label; or a table by negator class.
    negated: Option<Spanned<toml::Value>>,
    /// Patterns that cancel the rule when they match in its scope.
    #[serde(default)]
    unless: Vec<Spanned<String>>,
    /// Patterns of which one must match in the statement's sentence (its
    /// context: "a heavy price" only where there is an army or an attack).
    #[serde(default)]
    requires: Vec<Spanned<String>>,
    /// Speech cues the statement must be reported with (`vow`, `threaten`):
    /// the cue's own meaning; alone, or with `patterns` in the scope.
    #[serde(default)]
    cue: Vec<Spanned<String>>,
    /// Statement kinds the rule applies to (default: all).
    #[serde(default)]
    kinds: Vec<Spanned<String>>,
    /// Sentences the rule must label.
    #[serde(default)]
    examples: Vec<String>,
    /// Sentences the rule must leave alone.
    #[serde(default)]
    counterexamples: Vec<String>,
}

/// A stance label.
#[derive(Debug, Clone)]
pub struct Label {
    /// Name.
    pub name: String,
    /// Meaning.
    pub description: String,
    /// Weight needed.
    pub threshold: f64,
    /// Labels it contradicts.
    pub opposes: Vec<String>,
}

/// Where a rule looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The reported words only.
    Content,
    /// The cue and the reported words.
    Frame,
    /// The whole sentence.
    Sentence,
}

/// When a rule fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polarity {
    /// When its match is not negated.
    Affirmed,
    /// Only when its match is negated.
    Negated,
    /// Either way.
    Any,
}

/// What a negated match does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing.
    Drop,
    /// The rule's own label.
    Keep,
    /// Another label.
    Switch(String),
}

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Permanent id.
    pub id: String,
    /// Label given.
    pub label: String,
    /// Weight.
    pub weight: f64,
    /// Where it looks.
    pub scope: Scope,
    /// When it fires.
    pub polarity: Polarity,
    /// Outcome when negated, per negator class (missing: drop).
    pub negated: HashMap<String, Outcome>,
    /// Patterns that cancel it.
    pub unless: Vec<Pattern>,
    /// Patterns of which one must match in the sentence (empty: none needed).
    pub requires: Vec<Pattern>,
    /// Cues the statement must be reported with (empty: any or none).
    pub cue: Vec<Pattern>,
    /// Statement kinds it applies to (empty: all).
    pub kinds: Vec<String>,
    /// Sentences it must label.
    pub examples: Vec<String>,
    /// Sentences it must leave alone.
    pub counterexamples: Vec<String>,
    /// File that defines it.
    pub file: String,
    /// Number of patterns (for listings).
    pub pattern_count: usize,
}

/// A compiled `[[mapping]]`: labels change under a kind of cue.
#[derive(Debug, Clone)]
pub struct Mapping {
    /// Name (`appeal`).
    pub name: String,
    /// What it means.
    pub description: String,
    /// Patterns the cue must match.
    pub cue: Vec<Pattern>,
    /// Patterns in the frame that keep the labels.
    pub unless: Vec<Pattern>,
    /// Label -> outcome ([`Outcome::Drop`] or [`Outcome::Switch`]).
    pub map: Vec<(String, Outcome)>,
    /// File that declares it.
    pub file: String,
}

/// A compiled negator class.
#[derive(Debug, Clone)]
pub struct NegatorClass {
    /// Class name.
    pub class: String,
    /// Reach in words.
    pub scope: usize,
}

/// The list of rule patterns in [`RuleSet::patterns`].
pub const RULE_PATTERNS: usize = 0;
/// The list of negator patterns in [`RuleSet::patterns`].
pub const NEGATOR_PATTERNS: usize = 1;

/// All labels, negators and rules of a run.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// Labels, in declaration order.
    pub labels: Vec<Label>,
    /// Rules, in file then declaration order.
    pub rules: Vec<Rule>,
    /// All rule patterns (list [`RULE_PATTERNS`]; see
    /// [`RuleSet::pattern_rule`]) and negator patterns (list
    /// [`NEGATOR_PATTERNS`]; see [`RuleSet::negator_class`]), scanned together.
    pub patterns: PatternGroups,
    /// Rule index of each pattern.
    pub pattern_rule: Vec<usize>,
    /// All regular expressions, tried together.
    pub regexes: RegexSet,
    /// The same expressions one by one (for spans), with their rule index.
    pub regex_list: Vec<(Regex, usize)>,
    /// Negator classes.
    pub negators: Vec<NegatorClass>,
    /// Class index of each negator pattern.
    pub negator_class: Vec<usize>,
    /// The longest negator match, in tokens (fillers and punctuation in
    /// gaps counted generously): how far before its reach a negator may start.
    pub negator_tokens: usize,
    /// Concept classes, by name: their alternatives and the file declaring them.
    pub classes: Vec<Class>,
    /// Classes declared but used by no pattern (reported by `rules lint`).
    pub unused_classes: Vec<Diagnostic>,
    /// Rules that fire on their cue alone (a `cue`, no patterns).
    pub cue_rules: Vec<usize>,
    /// Label mappings by cue, in declaration order (the first that applies wins).
    pub mappings: Vec<Mapping>,
    /// Sentences no rule may label, with the file listing them (`rules test`).
    pub neutral: Vec<(String, String)>,
    /// Which rules these are: a fingerprint of the rule files, and whether
    /// user files are among them (`3f2a9c1e, built-in`), for report headers.
    pub version: String,
}

/// A concept class: a name for a family of wordings (`@retaliate`).
#[derive(Debug, Clone)]
pub struct Class {
    /// Name, used in patterns after `@`.
    pub name: String,
    /// Alternatives, each a pattern.
    pub alternatives: Vec<String>,
    /// File that declares it.
    pub file: String,
}

/// Names of the classes the pattern language itself knows.
const BUILTIN_CLASSES: &[&str] = &["pronoun", "number", "cap", "actor"];

/// A user class found in a pattern: where `@name` stands, what replaces it.
struct Expansion {
    at: std::ops::Range<usize>,
    with: String,
}

const KINDS: &[&str] = &["direct", "mixed", "indirect", "turn"];
/// Widest reach of a negator, in words.
const MAX_NEGATOR_SCOPE: usize = 12;

/// A rule set being compiled: everything declared so far, and every problem.
struct Builder<'v> {
    vocab: &'v Vocabulary,
    diags: Vec<Diagnostic>,
    labels: Vec<Label>,
    /// Label name -> file that declares it.
    label_at: HashMap<String, String>,
    /// `opposes` entries to check once every label is known: (position, label).
    opposes_at: Vec<(Diagnostic, String)>,
    negators: Vec<NegatorClass>,
    neg_patterns: Vec<Pattern>,
    neg_class: Vec<usize>,
    rules: Vec<Rule>,
    /// Rule id -> file that defines it.
    rule_at: HashMap<String, String>,
    patterns: Vec<Pattern>,
    pattern_rule: Vec<usize>,
    regex_src: Vec<String>,
    regex_list: Vec<(Regex, usize)>,
    /// Classes by name: (alternatives, file, diagnostic at the declaration).
    classes: std::collections::BTreeMap<String, (Vec<String>, String, Diagnostic)>,
    /// Classes some pattern uses.
    used_classes: std::collections::BTreeSet<String>,
    mappings: Vec<Mapping>,
    neutral: Vec<(String, String)>,
}

impl<'v> Builder<'v> {
    /// `[classes]` of a file: each alternative is checked as a pattern.
    fn classes(&mut self, root: &Root, path: &str) {
        let Ok(raw) = root.whole::<RawClasses>() else { return };
        for (name, alts) in raw.classes {
            let at = alts.first().map_or(0, |a| a.span().start);
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') || BUILTIN_CLASSES.contains(&name.as_str()) {
                self.diags.push(
                    root.diag(at, format!("class name {name:?} must be lowercase letters, digits and '_', and not one of @{}", BUILTIN_CLASSES.join(", @"))),
                );
                continue;
            }
            if let Some((_, prev, _)) = self.classes.get(&name) {
                self.diags.push(root.diag(at, format!("class @{name} is already declared in {prev}")));
                continue;
            }
            if alts.is_empty() {
                self.diags.push(root.diag(at, format!("class @{name} has no alternatives")));
                continue;
            }
            for a in &alts {
                if a.get_ref().contains('@') && a.get_ref().split('@').skip(1).any(|rest| !BUILTIN_CLASSES.iter().any(|b| rest.starts_with(b))) {
                    self.diags.push(root.diag(a.span().start + 1, format!("class @{name}: an alternative may not use another class ({:?})", a.get_ref())));
                }
            }
            let _ = compile_patterns(root, &alts, self.vocab, &mut self.diags);
            let decl = root.diag(at, format!("class @{name} is declared but no pattern uses it"));
            self.classes.insert(name, (alts.iter().map(|a| a.get_ref().clone()).collect(), path.to_string(), decl));
        }
    }

    /// The user classes in pattern `src` (`@retaliate`); unknown names are reported at their column.
    fn expansions(&mut self, root: &Root, p: &Spanned<String>) -> Option<Vec<Expansion>> {
        let src = p.get_ref();
        let mut out = Vec::new();
        let mut ok = true;
        for (i, _) in src.match_indices('@') {
            let name: String = src[i + 1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if BUILTIN_CLASSES.contains(&name.as_str()) {
                continue;
            }
            match self.classes.get(&name) {
                Some((alts, _, _)) => {
                    self.used_classes.insert(name.clone());
                    out.push(Expansion { at: i..i + 1 + name.len(), with: format!("({})", alts.join(" | ")) });
                }
                None => {
                    let known: Vec<&str> = self.classes.keys().map(String::as_str).chain(BUILTIN_CLASSES.iter().copied()).collect();
                    let near = crate::text::normalize::closest(&name, known, CLOSE_CLASS);
                    let hint = near.map_or(String::new(), |k| format!("; did you mean @{k}?"));
                    self.diags.push(root.diag(p.span().start + 1 + i, format!("unknown class @{name} in pattern {src:?}{hint}")));
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    /// Patterns of a list, classes expanded; problems reported at their place
    /// in the pattern as written.
    fn patterns(&mut self, root: &Root, list: &[Spanned<String>]) -> Vec<Pattern> {
        let mut out = Vec::new();
        for p in list {
            let Some(exps) = self.expansions(root, p) else { continue };
            let src = p.get_ref();
            let mut expanded = String::with_capacity(src.len());
            let mut at = 0;
            // Per expansion: its range in the expanded text and where `@name` stands in the original.
            let mut spans: Vec<(std::ops::Range<usize>, usize, usize)> = Vec::new();
            for e in &exps {
                expanded.push_str(&src[at..e.at.start]);
                let start = expanded.len();
                expanded.push_str(&e.with);
                spans.push((start..expanded.len(), e.at.start, e.at.end));
                at = e.at.end;
            }
            expanded.push_str(&src[at..]);
            match Pattern::parse(&expanded, self.vocab) {
                Ok(mut pat) => {
                    pat.source = src.clone();
                    out.push(pat);
                }
                Err(e) => {
                    // Back to the pattern as written: inside an expansion, the `@name`.
                    let off = match spans.iter().rev().find(|(r, _, _)| r.start <= e.offset) {
                        Some((r, orig, _)) if r.contains(&e.offset) => *orig,
                        Some((r, _, orig_end)) => orig_end + (e.offset - r.end),
                        None => e.offset,
                    };
                    self.diags.push(root.diag(p.span().start + 1 + off, format!("bad pattern {src:?}: {}", e.message)));
                }
            }
        }
        out
    }

    /// `[[label]]` items of a file.
    fn labels(&mut self, root: &Root, path: &str) {
        for (l, _) in root.items::<RawLabel>("label", &mut self.diags) {
            let name = l.name.get_ref().trim().to_string();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
                self.diags.push(root.diag(l.name.span().start, format!("label name {name:?} must be lowercase letters, digits and '-'")));
                continue;
            }
            if let Some(prev) = self.label_at.get(&name) {
                self.diags.push(root.diag(l.name.span().start, format!("label {name:?} is already declared in {prev}")));
                continue;
            }
            if let Some(t) = l.threshold.as_ref().filter(|t| !(t.get_ref().is_finite() && *t.get_ref() > 0.0 && *t.get_ref() <= 1.0)) {
                self.diags.push(root.diag(
                    t.span().start,
                    format!("threshold {} must be a number above 0 and at most 1 (weights of the rules that fire add up to it)", t.get_ref()),
                ));
            }
            self.label_at.insert(name.clone(), path.to_string());
            self.opposes_at.extend(l.opposes.iter().map(|o| (root.diag(o.span().start, String::new()), o.get_ref().clone())));
            self.labels.push(Label {
                name,
                description: l.description,
                threshold: l.threshold.map_or(1.0, |t| *t.get_ref()),
                opposes: l.opposes.iter().map(|o| o.get_ref().clone()).collect(),
            });
        }
    }

    /// `[[mapping]]` items of a file (after every label is known).
    fn mappings(&mut self, root: &Root, path: &str) {
        for (m, at) in root.items::<RawMapping>("mapping", &mut self.diags) {
            let name = m.name.get_ref().trim().to_string();
            if name.is_empty() || self.mappings.iter().any(|x| x.name == name) {
                self.diags.push(root.diag(m.name.span().start, format!("mapping name {name:?} must be non-empty and unique")));
            }
            if m.cue.is_empty() {
                self.diags.push(root.diag(at, format!("mapping {name:?} has no `cue`, so it never applies")));
            }
            let cue = self.patterns(root, &m.cue);
            let unless = self.patterns(root, &m.unless);
            let mut map = Vec::new();
            for (from, to) in m.map.get_ref() {
                let at = m.map.span().start;
                if !self.labels.iter().any(|l| &l.name == from) {
                    self.diags.push(root.diag(at, format!("mapping {name:?}: unknown label {from:?}")));
                    continue;
                }
                match to.as_str() {
                    Some("drop") => map.push((from.clone(), Outcome::Drop)),
                    Some(l) if self.labels.iter().any(|x| x.name == l) => map.push((from.clone(), Outcome::Switch(l.to_string()))),
                    _ => self.diags.push(root.diag(at, format!("mapping {name:?}: `map.{from}` must be \"drop\" or a declared label"))),
                }
            }
            self.mappings.push(Mapping { name, description: m.description, cue, unless, map, file: path.to_string() });
        }
    }

    /// `[[negator]]` items of a file; classes of the same name merge.
    fn negators(&mut self, root: &Root) {
        for (n, _) in root.items::<RawNegator>("negator", &mut self.diags) {
            let class = n.class.get_ref().clone();
            let ci = match self.negators.iter().position(|c| c.class == class) {
                Some(i) => {
                    self.negators[i].scope = self.negators[i].scope.max(n.scope);
                    i
                }
                None => {
                    self.negators.push(NegatorClass { class: class.clone(), scope: n.scope });
                    self.negators.len() - 1
                }
            };
            if n.scope == 0 || n.scope > MAX_NEGATOR_SCOPE {
                self.diags.push(root.diag(n.class.span().start, format!("negator scope must be 1 to {MAX_NEGATOR_SCOPE} words")));
            }
            for p in compile_patterns(root, &n.words, self.vocab, &mut self.diags) {
                self.neg_patterns.push(p);
                self.neg_class.push(ci);
            }
        }
    }

    /// Checks that every `opposes` names a declared label.
    fn check_opposes(&mut self) {
        let names: Vec<&String> = self.labels.iter().map(|l| &l.name).collect();
        for (at, name) in std::mem::take(&mut self.opposes_at) {
            if !names.contains(&&name) {
                self.diags.push(Diagnostic { message: format!("`opposes` names unknown label {name:?}"), ..at });
            }
        }
    }

    /// One `[[rule]]`: checked field by field, added when sound.
    fn rule(&mut self, root: &Root, path: &str, r: RawRule, at: usize) {
        let id = r.id.get_ref().trim().to_string();
        let before = self.diags.len();
        if id.is_empty() || id.contains(char::is_whitespace) {
            self.diags.push(root.diag(r.id.span().start, format!("rule id {id:?} must be non-empty without spaces")));
        }
        if let Some(prev) = self.rule_at.get(&id) {
            self.diags.push(root.diag(r.id.span().start, format!("duplicate rule id {id:?} (first defined in {prev}); ids are permanent and unique")));
        }
        self.rule_at.insert(id.clone(), path.to_string());
        let label = r.label.get_ref().clone();
        if !self.labels.iter().any(|l| l.name == label) {
            let declared: Vec<&str> = self.labels.iter().map(|l| l.name.as_str()).collect();
            self.diags.push(root.diag(r.label.span().start, format!("unknown label {label:?} (declared: {}); declare it with [[label]]", declared.join(", "))));
        }
        if r.patterns.is_empty() && r.regex.is_empty() && r.cue.is_empty() {
            self.diags.push(root.diag(at, format!("rule {id:?} has no `patterns`, `regex` or `cue`, so it can never match")));
        }
        if r.weight.is_some_and(|w| !(w > 0.0 && w.is_finite())) {
            self.diags.push(root.diag(at, format!("rule {id:?}: weight must be a positive number")));
        }
        let scope = self.scope(root, &r.scope);
        let polarity = self.polarity(root, &r.polarity);
        let negated = self.negated(root, &r.negated);
        let kinds = self.kinds(root, &r.kinds);
        let pats = self.patterns(root, &r.patterns);
        let unless = self.patterns(root, &r.unless);
        let requires = self.patterns(root, &r.requires);
        let cue = self.patterns(root, &r.cue);
        for p in &pats {
            if !p.is_anchored() {
                self.diags.push(root.diag(at, format!("pattern {:?} of rule {id:?} has no plain word to anchor on; add a literal word", p.source)));
            }
        }
        let regs = self.regexes(root, &r.regex);
        if self.diags.len() > before {
            return;
        }
        let ri = self.rules.len();
        let pattern_count = pats.len() + regs.len();
        for p in pats {
            self.patterns.push(p);
            self.pattern_rule.push(ri);
        }
        for (x, src) in regs {
            self.regex_src.push(format!("(?i){src}"));
            self.regex_list.push((x, ri));
        }
        self.rules.push(Rule {
            id,
            label,
            weight: r.weight.unwrap_or(1.0),
            scope,
            polarity,
            negated,
            unless,
            requires,
            cue,
            kinds,
            examples: r.examples,
            counterexamples: r.counterexamples,
            file: path.to_string(),
            pattern_count,
        });
    }

    fn scope(&mut self, root: &Root, v: &Option<Spanned<String>>) -> Scope {
        match v.as_ref().map(|s| s.get_ref().as_str()) {
            None | Some("frame") => Scope::Frame,
            Some("content") => Scope::Content,
            Some("sentence") => Scope::Sentence,
            Some(other) => {
                self.diags.push(root.diag(v.as_ref().map_or(0, |s| s.span().start), format!("unknown scope {other:?} (content, frame or sentence)")));
                Scope::Frame
            }
        }
    }

    fn polarity(&mut self, root: &Root, v: &Option<Spanned<String>>) -> Polarity {
        match v.as_ref().map(|s| s.get_ref().as_str()) {
            None | Some("affirmed") => Polarity::Affirmed,
            Some("negated") => Polarity::Negated,
            Some("any") => Polarity::Any,
            Some(other) => {
                self.diags.push(root.diag(v.as_ref().map_or(0, |s| s.span().start), format!("unknown polarity {other:?} (affirmed, negated or any)")));
                Polarity::Affirmed
            }
        }
    }

    /// `negated`: one outcome for every negator class, or a table by class.
    fn negated(&mut self, root: &Root, v: &Option<Spanned<toml::Value>>) -> HashMap<String, Outcome> {
        let mut negated = HashMap::new();
        let Some(v) = v else { return negated };
        let at = v.span().start;
        let class_names: Vec<String> = self.negators.iter().map(|c| c.class.clone()).collect();
        match v.get_ref() {
            toml::Value::String(x) => {
                let o = self.outcome(root, x, at);
                for c in &class_names {
                    negated.insert(c.clone(), o.clone());
                }
            }
            toml::Value::Table(t) => {
                for (class, x) in t {
                    if !class_names.contains(class) {
                        self.diags.push(root.diag(at, format!("unknown negator class {class:?} in `negated` (declared: {})", class_names.join(", "))));
                    }
                    match x {
                        toml::Value::String(x) => {
                            let o = self.outcome(root, x, at);
                            negated.insert(class.clone(), o);
                        }
                        _ => self.diags.push(root.diag(at, format!("`negated.{class}` must be a string"))),
                    }
                }
            }
            _ => self.diags.push(root.diag(at, "`negated` must be a string (drop, keep or a label) or a table by negator class".to_string())),
        }
        negated
    }

    fn outcome(&mut self, root: &Root, v: &str, at: usize) -> Outcome {
        match v {
            "drop" => Outcome::Drop,
            "keep" => Outcome::Keep,
            l if self.labels.iter().any(|n| n.name == l) => Outcome::Switch(l.to_string()),
            l => {
                self.diags.push(root.diag(at, format!("negated outcome {l:?} is neither drop, keep nor a declared label")));
                Outcome::Drop
            }
        }
    }

    fn kinds(&mut self, root: &Root, list: &[Spanned<String>]) -> Vec<String> {
        let mut kinds = Vec::new();
        for k in list {
            if KINDS.contains(&k.get_ref().as_str()) {
                kinds.push(k.get_ref().clone());
            } else {
                self.diags.push(root.diag(k.span().start, format!("unknown statement kind {:?} ({})", k.get_ref(), KINDS.join(", "))));
            }
        }
        kinds
    }

    fn regexes(&mut self, root: &Root, list: &[Spanned<String>]) -> Vec<(Regex, String)> {
        let mut regs = Vec::new();
        for re in list {
            match Regex::new(&format!("(?i){}", re.get_ref())) {
                Ok(x) => regs.push((x, re.get_ref().clone())),
                Err(e) => {
                    self.diags.push(root.diag(re.span().start + 1, format!("bad regex {:?}: {}", re.get_ref(), e.to_string().lines().last().unwrap_or(""))))
                }
            }
        }
        regs
    }

    fn finish(mut self) -> Result<RuleSet, Vec<Diagnostic>> {
        if self.labels.is_empty() && self.diags.is_empty() {
            self.diags.push(Diagnostic::file("rules", "no [[label]] declared in any rule file"));
        }
        if !self.diags.is_empty() {
            self.diags.sort();
            self.diags.dedup();
            return Err(self.diags);
        }
        let regexes = match RegexSet::new(&self.regex_src) {
            Ok(set) => set,
            Err(e) => {
                let why = e.to_string().lines().last().unwrap_or("").to_string();
                return Err(vec![Diagnostic::file(
                    "rules",
                    format!("the rules' regular expressions are valid one by one but too large together ({why}); use fewer or simpler `regex` entries"),
                )]);
            }
        };
        let cue_rules = self.rules.iter().enumerate().filter(|(_, r)| !r.cue.is_empty() && r.pattern_count == 0).map(|(i, _)| i).collect();
        Ok(RuleSet {
            version: String::new(),
            cue_rules,
            mappings: self.mappings,
            neutral: self.neutral,
            labels: self.labels,
            rules: self.rules,
            negator_tokens: self.neg_patterns.iter().map(|p| p.max_tokens() * 2).max().unwrap_or(0),
            patterns: PatternGroups::new(vec![self.patterns, self.neg_patterns]),
            pattern_rule: self.pattern_rule,
            regexes,
            regex_list: self.regex_list,
            negators: self.negators,
            negator_class: self.neg_class,
            unused_classes: self.classes.iter().filter(|(n, _)| !self.used_classes.contains(*n)).map(|(_, (_, _, d))| d.clone()).collect(),
            classes: self.classes.into_iter().map(|(name, (alternatives, file, _))| Class { name, alternatives, file }).collect(),
        })
    }
}

impl RuleSet {
    /// Compiles every rule file of `files`, reporting every problem. Labels
    /// and negators of every file are read first (a rule may use a label
    /// declared in another file), then the rules.
    pub fn compile(files: &DataFiles, vocab: &Vocabulary) -> Result<RuleSet, Vec<Diagnostic>> {
        let mut b = Builder {
            vocab,
            diags: Vec::new(),
            labels: Vec::new(),
            label_at: HashMap::new(),
            opposes_at: Vec::new(),
            negators: Vec::new(),
            neg_patterns: Vec::new(),
            neg_class: Vec::new(),
            rules: Vec::new(),
            rule_at: HashMap::new(),
            patterns: Vec::new(),
            pattern_rule: Vec::new(),
            regex_src: Vec::new(),
            regex_list: Vec::new(),
            classes: std::collections::BTreeMap::new(),
            used_classes: std::collections::BTreeSet::new(),
            mappings: Vec::new(),
            neutral: Vec::new(),
        };
        let mut parsed = Vec::new();
        for file in files.rule_files() {
            match Root::parse(file) {
                Ok(root) => {
                    if let Err(mut d) = root.whole::<RawFile>() {
                        if ["actor", "person", "body"].iter().any(|k| root.has(k)) {
                            d.message.push_str("; actors, people and bodies go in an actor file: actors.toml or actors-NAME.toml in the rules directory");
                        }
                        b.diags.push(d);
                    }
                    b.labels(&root, &file.path);
                    b.classes(&root, &file.path);
                    if let Ok(n) = root.whole::<RawNeutral>() {
                        b.neutral.extend(n.neutral.into_iter().map(|s| (s, file.path.clone())));
                    }
                    b.negators(&root);
                    let rules = root.items::<RawRule>("rule", &mut b.diags);
                    parsed.push((root, rules));
                }
                Err(d) => b.diags.extend(d),
            }
        }
        b.check_opposes();
        for (root, items) in parsed {
            let path = root.path().to_string();
            b.mappings(&root, &path);
            for (r, at) in items {
                b.rule(&root, &path, r, at);
            }
        }
        let mut set = b.finish()?;
        // A fingerprint of the rule files' names and texts: the same rules, the same version.
        let builtin = files.rule_files().all(|f| f.builtin);
        let hash = crate::text::fingerprint(files.rule_files().flat_map(|f| f.name.bytes().chain([0]).chain(f.text.bytes())));
        set.version = format!("{:08x}, {}", hash >> 32, if builtin { "built-in" } else { "with user rules" });
        Ok(set)
    }

    /// A label by name.
    pub fn label(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.name == name)
    }

    /// Whether two labels contradict each other (declared on either).
    pub fn opposed(&self, a: &str, b: &str) -> bool {
        self.label(a).is_some_and(|l| l.opposes.iter().any(|o| o == b)) || self.label(b).is_some_and(|l| l.opposes.iter().any(|o| o == a))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DataFile;

    fn compile(extra: &str) -> Result<RuleSet, Vec<Diagnostic>> {
        let mut files = DataFiles::builtin();
        files.insert(DataFile { name: "extra.toml".into(), path: "extra.toml".into(), text: extra.into(), builtin: false });
        RuleSet::compile(&files, Vocabulary::builtin())
    }

    #[test]
    fn builtin_rules_compile() {
        let r = compile("").unwrap();
        assert!(r.rules.len() >= 60, "{} rules", r.rules.len());
        for l in ["deterrence", "restraint", "de-escalation"] {
            assert!(r.label(l).is_some());
        }
    }

    #[test]
    fn every_problem_is_reported_with_its_position() {
        let text = "[[rule]]\nid = \"x.one\"\nlabel = \"nonsense\"\npatterns = [\"a b\"]\n\n[[rule]]\nid = \"x.two\"\nlabel = \"restraint\"\npatterns = [\"urge (calm\"]\n\n[[rule]]\nid = \"x.three\"\nlabel = \"restraint\"\npatterns = [\"calm\"]\nbogus = true\n";
        let diags = compile(text).unwrap_err();
        let lines: Vec<(usize, usize)> = diags.iter().map(|d| (d.line, d.col)).collect();
        assert_eq!(diags.len(), 3, "{diags:?}");
        assert!(lines.contains(&(3, 9)), "{diags:?}");
        assert!(lines.contains(&(9, 19)), "{diags:?}");
        assert!(lines.contains(&(15, 1)), "{diags:?}");
    }

    #[test]
    fn duplicate_ids_are_errors() {
        let text = "[[rule]]\nid = \"deterrence.severe-response\"\nlabel = \"deterrence\"\npatterns = [\"grim\"]\n";
        let diags = compile(text).unwrap_err();
        assert!(diags[0].message.contains("duplicate rule id"), "{diags:?}");
    }

    #[test]
    fn a_user_can_add_a_label() {
        let text = "[[label]]\nname = \"mediation\"\ndescription = \"offers to mediate\"\n\n[[rule]]\nid = \"mediation.offer\"\nlabel = \"mediation\"\npatterns = [\"offer* to mediate\"]\nexamples = [\"Oman offered to mediate.\"]\n";
        let r = compile(text).unwrap();
        assert!(r.label("mediation").is_some());
        assert!(r.rules.iter().any(|x| x.id == "mediation.offer"));
    }

    #[test]
    fn every_default_rule_has_examples_and_a_counterexample() {
        let r = compile("").unwrap();
        assert!(r.rules.len() >= 150, "{} rules", r.rules.len());
        for rule in &r.rules {
            assert!(
                rule.examples.len() >= 2 && !rule.counterexamples.is_empty(),
                "{}: {} examples, {} counterexamples",
                rule.id,
                rule.examples.len(),
                rule.counterexamples.len()
            );
        }
        assert!(r.neutral.len() >= 10, "{} neutral sentences", r.neutral.len());
    }

    #[test]
    fn a_misspelt_class_is_reported_at_its_column() {
        let text = "[[rule]]\nid = \"x.cls\"\nlabel = \"deterrence\"\npatterns = [\"will @retaliat\"]\n";
        let diags = compile(text).unwrap_err();
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!((diags[0].line, diags[0].col), (4, 19), "{diags:?}");
        assert!(diags[0].message.contains("unknown class @retaliat") && diags[0].message.contains("did you mean @retaliate?"), "{diags:?}");
    }

    #[test]
    fn an_unused_class_is_reported() {
        let text = "[classes]\nnever_used = [\"grim\"]\n";
        let r = compile(text).unwrap();
        assert!(r.unused_classes.iter().any(|d| d.message.contains("@never_used") && d.line == 2), "{:?}", r.unused_classes);
    }

    #[test]
    fn mappings_are_checked() {
        let text = "[[mapping]]\nname = \"odd\"\ncue = [\"hint\"]\nmap = { restraint = \"nonsense\" }\n";
        let diags = compile(text).unwrap_err();
        assert!(diags[0].message.contains("must be \"drop\" or a declared label"), "{diags:?}");
        let r = compile("[[mapping]]\nname = \"hint\"\ncue = [\"hint\"]\nmap = { restraint = \"drop\" }\n").unwrap();
        assert!(r.mappings.iter().any(|m| m.name == "hint" && m.map == vec![("restraint".to_string(), Outcome::Drop)]));
    }

    #[test]
    fn bad_regex_is_reported() {
        let text = "[[rule]]\nid = \"x.re\"\nlabel = \"restraint\"\nregex = [\"calm(\"]\n";
        let diags = compile(text).unwrap_err();
        assert!(diags[0].message.contains("bad regex"), "{diags:?}");
        assert_eq!((diags[0].line, diags[0].col), (4, 11));
    }
}
