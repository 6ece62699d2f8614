//! `stance rules list`: labels and rules as tables.

use crate::classify::rules::{Outcome, Polarity, RuleSet, Scope};
use crate::report::fmt::{fit_columns, new_table};

pub(crate) fn scope_name(s: Scope) -> &'static str {
    match s {
        Scope::Content => "content",
        Scope::Frame => "frame",
        Scope::Sentence => "sentence",
    }
}

/// `stance rules list`.
pub fn table(rules: &RuleSet, width: Option<u16>) -> String {
    let mut t = new_table(width);
    t.set_header(vec!["id", "label", "scope", "polarity", "when negated", "patterns", "cue", "tests", "file"]);
    for r in &rules.rules {
        let negated = {
            let mut v: Vec<String> = r
                .negated
                .iter()
                .map(|(class, o)| {
                    let o = match o {
                        Outcome::Drop => "drop".to_string(),
                        Outcome::Keep => "keep".to_string(),
                        Outcome::Switch(l) => l.clone(),
                    };
                    format!("{class}: {o}")
                })
                .collect();
            v.sort();
            if v.is_empty() { "drop".to_string() } else { v.join(", ") }
        };
        t.add_row(vec![
            r.id.clone(),
            r.label.clone(),
            scope_name(r.scope).to_string(),
            match r.polarity {
                Polarity::Affirmed => "affirmed",
                Polarity::Negated => "negated",
                Polarity::Any => "any",
            }
            .to_string(),
            negated,
            r.pattern_count.to_string(),
            if r.cue.is_empty() { "-".to_string() } else { r.cue.iter().map(|p| p.source.as_str()).collect::<Vec<_>>().join(" | ") },
            (r.examples.len() + r.counterexamples.len()).to_string(),
            r.file.clone(),
        ]);
    }
    let mut labels = new_table(width);
    labels.set_header(vec!["label", "rules", "threshold", "description"]);
    for l in &rules.labels {
        let n = rules.rules.iter().filter(|r| r.label == l.name).count();
        labels.add_row(vec![l.name.clone(), n.to_string(), l.threshold.to_string(), l.description.clone()]);
    }
    let mut classes = new_table(width);
    classes.set_header(vec!["class", "alternatives", "file"]);
    for c in &rules.classes {
        classes.add_row(vec![format!("@{}", c.name), c.alternatives.join(" | "), c.file.clone()]);
    }
    let mut mappings = new_table(width);
    mappings.set_header(vec!["mapping", "cue", "unless", "map", "file"]);
    for m in &rules.mappings {
        let map: Vec<String> = m
            .map
            .iter()
            .map(|(from, o)| match o {
                Outcome::Switch(to) => format!("{from} -> {to}"),
                _ => format!("{from} -> dropped"),
            })
            .collect();
        let sources = |ps: &[crate::pattern::Pattern]| ps.iter().map(|p| p.source.clone()).collect::<Vec<_>>().join(" | ");
        mappings.add_row(vec![m.name.clone(), sources(&m.cue), sources(&m.unless), map.join(", "), m.file.clone()]);
    }
    fit_columns(&mut labels, &[3]);
    fit_columns(&mut classes, &[1]);
    fit_columns(&mut mappings, &[1, 2, 3]);
    fit_columns(&mut t, &[0, 4, 6]);
    let mut out = format!("{labels}\n\n");
    if !rules.classes.is_empty() {
        out.push_str(&format!("{classes}\n\n"));
    }
    if !rules.mappings.is_empty() {
        out.push_str(&format!("{mappings}\n\n"));
    }
    out.push_str(&format!("{t}\n"));
    out
}

/// `stance rules list --format json`: labels, classes, mappings and rules.
pub fn json(rules: &RuleSet) -> String {
    use serde_json::json;
    let labels: Vec<_> =
        rules.labels.iter().map(|l| json!({"name": l.name, "description": l.description, "threshold": l.threshold, "opposes": l.opposes})).collect();
    let classes: Vec<_> = rules.classes.iter().map(|c| json!({"name": c.name, "alternatives": c.alternatives, "file": c.file})).collect();
    let mappings: Vec<_> = rules
        .mappings
        .iter()
        .map(|m| json!({"name": m.name, "cue": m.cue.iter().map(|p| p.source.clone()).collect::<Vec<_>>(), "unless": m.unless.iter().map(|p| p.source.clone()).collect::<Vec<_>>(), "file": m.file}))
        .collect();
    let list: Vec<_> = rules
        .rules
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "label": r.label,
                "scope": scope_name(r.scope),
                "weight": r.weight,
                "patterns": r.pattern_count,
                "cue": r.cue.iter().map(|p| p.source.clone()).collect::<Vec<_>>(),
                "examples": r.examples.len(),
                "counterexamples": r.counterexamples.len(),
                "file": r.file,
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&json!({"version": rules.version, "labels": labels, "classes": classes, "mappings": mappings, "rules": list}))
        .expect("serializable");
    s.push('\n');
    s
}
