//! Stance rules: the labels, the rules that assign them, and polarity.
//!
//! Rule files are data (`rules/stance.toml` and any extra `*.toml` given
//! with `--rules DIR`). Each file may declare labels (`[[label]]`), negator
//! classes (`[[negator]]`) and rules (`[[rule]]`). Parsing is strict and
//! reports every problem of every file in one run with `file:line:col`:
//! unknown keys, unknown labels, duplicate ids, bad patterns or regexes,
//! patterns that cannot match. A [`RuleSet`] is compiled once per run: all
//! patterns of all rules go into one [`PatternSet`] (one Aho-Corasick pass
//! per document), regular expressions into one `RegexSet`. Applying rules
//! to statements is [`crate::classify`]'s job.

use crate::config::DataFiles;
use crate::config::strict::Root;
use crate::error::Diagnostic;
use crate::pattern::compile_patterns;
use crate::pattern::{Pattern, PatternSet};
use crate::text::vocab::Vocabulary;
use regex::{Regex, RegexSet};
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::collections::HashMap;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(rename = "label", default)]
    _label: Vec<IgnoredAny>,
    #[serde(rename = "negator", default)]
    _negator: Vec<IgnoredAny>,
    #[serde(rename = "rule", default)]
    _rule: Vec<IgnoredAny>,
}

/// `[[label]]`: a stance label.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLabel {
    /// Label name used in records (`deterrence`).
    name: Spanned<String>,
    /// What the label means (shown by `stance rules list`).
    description: String,
    /// Sum of rule weights needed to assign the label (default 1).
    threshold: Option<f64>,
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

/// A compiled negator class.
#[derive(Debug, Clone)]
pub struct NegatorClass {
    /// Class name.
    pub class: String,
    /// Reach in words.
    pub scope: usize,
}

/// All labels, negators and rules of a run.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// Labels, in declaration order.
    pub labels: Vec<Label>,
    /// Rules, in file then declaration order.
    pub rules: Vec<Rule>,
    /// All rule patterns; see [`RuleSet::pattern_rule`].
    pub patterns: PatternSet,
    /// Rule index of each pattern.
    pub pattern_rule: Vec<usize>,
    /// All regular expressions, tried together.
    pub regexes: RegexSet,
    /// The same expressions one by one (for spans), with their rule index.
    pub regex_list: Vec<(Regex, usize)>,
    /// Negator classes.
    pub negators: Vec<NegatorClass>,
    /// All negator patterns; see [`RuleSet::negator_class`].
    pub negator_patterns: PatternSet,
    /// Class index of each negator pattern.
    pub negator_class: Vec<usize>,
}

const KINDS: &[&str] = &["direct", "mixed", "indirect", "turn"];

impl RuleSet {
    /// Compiles every rule file of `files`, reporting every problem.
    pub fn compile(files: &DataFiles, vocab: &Vocabulary) -> Result<RuleSet, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        let mut labels: Vec<Label> = Vec::new();
        let mut label_at: HashMap<String, String> = HashMap::new();
        let mut opposes_at: Vec<(String, Diagnostic, String)> = Vec::new();
        let mut negators: Vec<NegatorClass> = Vec::new();
        let mut neg_patterns = Vec::new();
        let mut neg_class = Vec::new();
        // Parse all files first (labels may be declared in any file).
        let mut parsed = Vec::new();
        for file in files.rule_files() {
            match Root::parse(file) {
                Ok(root) => {
                    if let Err(d) = root.whole::<RawFile>() {
                        diags.push(d);
                    }
                    let file_labels = root.items::<RawLabel>("label", &mut diags);
                    for (l, _) in file_labels {
                        let name = l.name.get_ref().trim().to_string();
                        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
                            diags.push(root.diag(l.name.span().start, format!("label name {name:?} must be lowercase letters, digits and '-'")));
                            continue;
                        }
                        if let Some(prev) = label_at.get(&name) {
                            diags.push(root.diag(l.name.span().start, format!("label {name:?} is already declared in {prev}")));
                            continue;
                        }
                        label_at.insert(name.clone(), file.path.clone());
                        opposes_at.extend(l.opposes.iter().map(|o| (file.path.clone(), root.diag(o.span().start, String::new()), o.get_ref().clone())));
                        labels.push(Label {
                            name,
                            description: l.description,
                            threshold: l.threshold.unwrap_or(1.0),
                            opposes: l.opposes.iter().map(|o| o.get_ref().clone()).collect(),
                        });
                    }
                    for (n, _) in root.items::<RawNegator>("negator", &mut diags) {
                        let class = n.class.get_ref().clone();
                        let ci = match negators.iter().position(|c| c.class == class) {
                            Some(i) => {
                                negators[i].scope = negators[i].scope.max(n.scope);
                                i
                            }
                            None => {
                                negators.push(NegatorClass { class: class.clone(), scope: n.scope });
                                negators.len() - 1
                            }
                        };
                        if n.scope == 0 || n.scope > 12 {
                            diags.push(root.diag(n.class.span().start, "negator scope must be 1 to 12 words"));
                        }
                        for p in compile_patterns(&root, &n.words, vocab, &mut diags) {
                            neg_patterns.push(p);
                            neg_class.push(ci);
                        }
                    }
                    let rules = root.items::<RawRule>("rule", &mut diags);
                    parsed.push((file, rules));
                }
                Err(d) => diags.extend(d),
            }
        }
        if labels.is_empty() && diags.is_empty() {
            diags.push(Diagnostic::file("rules", "no [[label]] declared in any rule file"));
        }
        let label_names: Vec<String> = labels.iter().map(|l| l.name.clone()).collect();
        for (_, at, name) in opposes_at {
            if !label_names.contains(&name) {
                diags.push(Diagnostic { message: format!("`opposes` names unknown label {name:?}"), ..at });
            }
        }
        let class_names: Vec<String> = negators.iter().map(|c| c.class.clone()).collect();
        let mut rules: Vec<Rule> = Vec::new();
        let mut rule_at: HashMap<String, String> = HashMap::new();
        let mut patterns = Vec::new();
        let mut pattern_rule = Vec::new();
        let mut regex_src = Vec::new();
        let mut regex_list = Vec::new();
        for (file, items) in parsed {
            let root = Root::parse(file).expect("parsed above");
            for (r, at) in items {
                let id = r.id.get_ref().trim().to_string();
                let d = |off: usize, msg: String| root.diag(off, msg);
                let mut ok = true;
                if id.is_empty() || id.contains(char::is_whitespace) {
                    diags.push(d(r.id.span().start, format!("rule id {id:?} must be non-empty without spaces")));
                    ok = false;
                }
                if let Some(prev) = rule_at.get(&id) {
                    diags.push(d(r.id.span().start, format!("duplicate rule id {id:?} (first defined in {prev}); ids are permanent and unique")));
                    ok = false;
                }
                rule_at.insert(id.clone(), file.path.clone());
                let label = r.label.get_ref().clone();
                if !label_names.contains(&label) {
                    diags.push(d(r.label.span().start, format!("unknown label {label:?} (declared: {}); declare it with [[label]]", label_names.join(", "))));
                    ok = false;
                }
                if r.patterns.is_empty() && r.regex.is_empty() {
                    diags.push(d(at, format!("rule {id:?} has no `patterns` and no `regex`, so it can never match")));
                    ok = false;
                }
                let scope = match r.scope.as_ref().map(|s| s.get_ref().as_str()) {
                    None | Some("frame") => Scope::Frame,
                    Some("content") => Scope::Content,
                    Some("sentence") => Scope::Sentence,
                    Some(other) => {
                        diags.push(d(r.scope.as_ref().expect("some").span().start, format!("unknown scope {other:?} (content, frame or sentence)")));
                        Scope::Frame
                    }
                };
                let polarity = match r.polarity.as_ref().map(|s| s.get_ref().as_str()) {
                    None | Some("affirmed") => Polarity::Affirmed,
                    Some("negated") => Polarity::Negated,
                    Some("any") => Polarity::Any,
                    Some(other) => {
                        diags.push(d(r.polarity.as_ref().expect("some").span().start, format!("unknown polarity {other:?} (affirmed, negated or any)")));
                        Polarity::Affirmed
                    }
                };
                let mut negated = HashMap::new();
                let outcome = |v: &str, at: usize, diags: &mut Vec<Diagnostic>| -> Outcome {
                    match v {
                        "drop" => Outcome::Drop,
                        "keep" => Outcome::Keep,
                        l if label_names.iter().any(|n| n == l) => Outcome::Switch(l.to_string()),
                        l => {
                            diags.push(root.diag(at, format!("negated outcome {l:?} is neither drop, keep nor a declared label")));
                            Outcome::Drop
                        }
                    }
                };
                if let Some(v) = &r.negated {
                    let at = v.span().start;
                    match v.get_ref() {
                        toml::Value::String(x) => {
                            let o = outcome(x, at, &mut diags);
                            for c in &class_names {
                                negated.insert(c.clone(), o.clone());
                            }
                        }
                        toml::Value::Table(t) => {
                            for (class, x) in t {
                                if !class_names.contains(class) {
                                    diags.push(d(at, format!("unknown negator class {class:?} in `negated` (declared: {})", class_names.join(", "))));
                                }
                                match x {
                                    toml::Value::String(x) => {
                                        let o = outcome(x, at, &mut diags);
                                        negated.insert(class.clone(), o);
                                    }
                                    _ => diags.push(d(at, format!("`negated.{class}` must be a string"))),
                                }
                            }
                        }
                        _ => diags.push(d(at, "`negated` must be a string (drop, keep or a label) or a table by negator class".to_string())),
                    }
                }
                let mut kinds = Vec::new();
                for k in &r.kinds {
                    if KINDS.contains(&k.get_ref().as_str()) {
                        kinds.push(k.get_ref().clone());
                    } else {
                        diags.push(d(k.span().start, format!("unknown statement kind {:?} ({})", k.get_ref(), KINDS.join(", "))));
                    }
                }
                let before = diags.len();
                let pats = compile_patterns(&root, &r.patterns, vocab, &mut diags);
                let unless = compile_patterns(&root, &r.unless, vocab, &mut diags);
                for p in &pats {
                    if !p.is_anchored() {
                        diags.push(d(at, format!("pattern {:?} of rule {id:?} has no plain word to anchor on; add a literal word", p.source)));
                    }
                }
                let mut regs = Vec::new();
                for re in &r.regex {
                    match Regex::new(&format!("(?i){}", re.get_ref())) {
                        Ok(x) => regs.push((x, re.get_ref().clone())),
                        Err(e) => diags.push(d(re.span().start + 1, format!("bad regex {:?}: {}", re.get_ref(), e.to_string().lines().last().unwrap_or("")))),
                    }
                }
                if r.weight.is_some_and(|w| !(w > 0.0 && w.is_finite())) {
                    diags.push(d(at, format!("rule {id:?}: weight must be a positive number")));
                    ok = false;
                }
                if !ok || diags.len() > before {
                    continue;
                }
                let ri = rules.len();
                let pattern_count = pats.len() + regs.len();
                for p in pats {
                    patterns.push(p);
                    pattern_rule.push(ri);
                }
                for (x, src) in regs {
                    regex_src.push(format!("(?i){src}"));
                    regex_list.push((x, ri));
                }
                rules.push(Rule {
                    id,
                    label,
                    weight: r.weight.unwrap_or(1.0),
                    scope,
                    polarity,
                    negated,
                    unless,
                    kinds,
                    examples: r.examples,
                    counterexamples: r.counterexamples,
                    file: file.path.clone(),
                    pattern_count,
                });
            }
        }
        if !diags.is_empty() {
            diags.sort();
            diags.dedup();
            return Err(diags);
        }
        Ok(RuleSet {
            labels,
            rules,
            patterns: PatternSet::new(patterns),
            pattern_rule,
            regexes: RegexSet::new(&regex_src).expect("each regex compiled alone"),
            regex_list,
            negators,
            negator_patterns: PatternSet::new(neg_patterns),
            negator_class: neg_class,
        })
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
    fn bad_regex_is_reported() {
        let text = "[[rule]]\nid = \"x.re\"\nlabel = \"restraint\"\nregex = [\"calm(\"]\n";
        let diags = compile(text).unwrap_err();
        assert!(diags[0].message.contains("bad regex"), "{diags:?}");
        assert_eq!((diags[0].line, diags[0].col), (4, 11));
    }
}
