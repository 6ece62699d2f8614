//! `stance rules list`: labels and rules as tables.

use crate::classify::rules::{Outcome, Polarity, RuleSet, Scope};
use crate::report::fmt::new_table;

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
    t.set_header(vec!["id", "label", "scope", "polarity", "when negated", "patterns", "tests", "file"]);
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
    format!("{labels}\n\n{t}\n")
}
