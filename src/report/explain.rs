//! `stance explain`: a statement, its speaker resolution and every rule hit.

use crate::classify::rules::RuleSet;
use crate::model::{Classified, Text};
use crate::report::rules::scope_name;

/// `stance explain`: a statement, its speaker resolution and every rule hit.
pub fn text(text: &Text, statements: &[Classified], rules: &RuleSet) -> String {
    let doc = text.doc;
    let mut out = String::new();
    let quoted = |r: &std::ops::Range<usize>| format!("{:?} [{}..{}]", &doc.text[r.clone()], r.start, r.end);
    out.push_str(&format!("document: {} ({}, date {})\n", doc.name, doc.kind.as_str(), doc.date.map_or_else(|| "unknown".into(), |d| d.to_string())));
    if statements.is_empty() {
        out.push_str("no statement found\n");
    }
    for (i, c) in statements.iter().enumerate() {
        let st = &c.statement;
        out.push_str(&format!("\nstatement {}: {} {}\n", i + 1, st.kind.as_str(), quoted(&st.span)));
        let sp = &st.speaker;
        let actors =
            if sp.actors.is_empty() { if sp.independent { "none (independent voice)".into() } else { "none".to_string() } } else { sp.actors.join(", ") };
        out.push_str(&format!("  speaker:  {}\n", sp.name.as_deref().unwrap_or("unknown")));
        if let (Some(_), Some(r)) = (&sp.mention, &sp.span) {
            out.push_str(&format!("  mention:  {}\n", quoted(r)));
        }
        out.push_str(&format!("  actor:    {actors}\n"));
        if let Some(r) = &st.cue_span {
            out.push_str(&format!("  cue:      {}\n", quoted(r)));
        }
        if let Some(a) = &st.addressee {
            out.push_str(&format!("  to:       {a}\n"));
        }
        if let Some(v) = &st.via {
            out.push_str(&format!("  via:      {v}\n"));
        }
        if !st.scope.is_empty() && st.scope.end <= text.toks.len() {
            out.push_str(&format!("  frame:    {}\n", quoted(&text.toks.span(st.scope.clone()))));
        }
        if c.hits.is_empty() {
            out.push_str("  rules:    none matched\n");
        } else {
            out.push_str("  rules:\n");
        }
        for h in &c.hits {
            let r = &rules.rules[h.rule];
            let mark = match (&h.gives, h.cancelled) {
                (_, Some(_)) => "x",
                (Some(_), _) => "+",
                (None, _) => "-",
            };
            let mut line = format!("    {mark} {} ({}, scope {}) matched {}", r.id, r.label, scope_name(r.scope), quoted(&h.span));
            if let Some((class, span)) = &h.negated {
                line.push_str(&format!("; negated by {} ({class})", quoted(span)));
            }
            if let Some(c) = h.cancelled {
                line.push_str(&format!("; {}", c.reason()));
            }
            if let Some(m) = h.mapped.and_then(|m| rules.mappings.get(m)) {
                line.push_str(&format!("; mapped by the cue ({})", m.name));
            }
            match &h.gives {
                Some(g) if g != &r.label => line.push_str(&format!(" -> {g}")),
                Some(_) => {}
                None if h.cancelled.is_none() => line.push_str(" -> dropped"),
                None => {}
            }
            out.push_str(&line);
            out.push('\n');
        }
        out.push_str(&format!("  labels:   {}\n", if c.labels.is_empty() { "none".into() } else { c.labels.join(", ") }));
    }
    out
}
