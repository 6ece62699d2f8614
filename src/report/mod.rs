//! Renderers: values from the pipeline turned into table, JSON, CSV,
//! Markdown or HTML text. Renderers return strings; the binary writes them.
//! Tables are rendered without colour and, when a width is given, wrapped
//! to it, so that the same input gives the same bytes.

use crate::check::Outcome as CheckOutcome;
use crate::classify::rules::{Outcome, Polarity, RuleSet, Scope};
use crate::compare::{Evidence, PositionTable};
use crate::model::{Analysis, Classified, Document, Excluded, Record, Text};
pub mod eval;

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

/// A new table in the house style, wrapped to `width` when given.
pub fn new_table(width: Option<u16>) -> Table {
    let mut t = Table::new();
    t.force_no_tty().load_style(presets::UTF8_FULL_CONDENSED);
    match width {
        Some(w) => {
            t.set_content_arrangement(ContentArrangement::Dynamic).set_width(w);
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    t
}

/// One row of `stance docs --format json`.
#[derive(Serialize)]
struct DocRow<'a> {
    name: &'a str,
    title: Option<&'a str>,
    date: Option<String>,
    kind: &'a str,
    bytes: usize,
    body_bytes: usize,
    excluded: &'a [Excluded],
}

fn doc_row(d: &Document) -> DocRow<'_> {
    DocRow {
        name: &d.name,
        title: d.title.as_deref(),
        date: d.date.map(|d| d.to_string()),
        kind: d.kind.as_str(),
        bytes: d.text.len(),
        body_bytes: d.body_bytes(),
        excluded: &d.excluded,
    }
}

/// `stance docs --format json`: an array of objects.
pub fn docs_json(docs: &[Document]) -> String {
    let rows: Vec<DocRow> = docs.iter().map(doc_row).collect();
    let mut s = serde_json::to_string_pretty(&rows).expect("serializable");
    s.push('\n');
    s
}

/// `stance docs --format table`.
pub fn docs_table(docs: &[Document], width: Option<u16>) -> String {
    let mut t = new_table(width);
    t.set_header(vec!["name", "title", "date", "kind", "bytes", "body bytes", "excluded"]);
    for d in docs {
        let excluded = if d.excluded.is_empty() {
            "-".to_string()
        } else {
            d.excluded.iter().map(|e| format!("{}..{} {}", e.start, e.end, e.reason)).collect::<Vec<_>>().join("\n")
        };
        t.add_row(vec![
            d.name.clone(),
            d.title.clone().unwrap_or_else(|| "-".into()),
            d.date.map_or_else(|| "-".into(), |d| d.to_string()),
            d.kind.as_str().to_string(),
            d.text.len().to_string(),
            d.body_bytes().to_string(),
            excluded,
        ]);
    }
    format!("{t}\n")
}

/// `stance extract --format jsonl`: one record per line.
pub fn records_jsonl(analyses: &[Analysis]) -> String {
    let mut out = String::new();
    for a in analyses {
        for c in &a.statements {
            out.push_str(&serde_json::to_string(&Record::of(a.doc, c)).expect("serializable"));
            out.push('\n');
        }
    }
    out
}

/// `stance extract --format json`: an array of records.
pub fn records_json(analyses: &[Analysis]) -> String {
    let recs: Vec<Record> = analyses.iter().flat_map(|a| a.statements.iter().map(|c| Record::of(a.doc, c))).collect();
    let mut s = serde_json::to_string_pretty(&recs).expect("serializable");
    s.push('\n');
    s
}

/// A CSV field, quoted when needed.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

/// `stance extract --format csv`.
pub fn records_csv(analyses: &[Analysis]) -> String {
    let mut out = String::from("doc,start,end,kind,speaker,mention,actor,via,stance,rules,text\n");
    for a in analyses {
        for c in &a.statements {
            let st = &c.statement;
            let fields = [
                a.doc.name.clone(),
                st.span.start.to_string(),
                st.span.end.to_string(),
                st.kind.as_str().to_string(),
                st.speaker.name.clone().unwrap_or_default(),
                st.speaker.mention.clone().unwrap_or_default(),
                st.speaker.actors.join("; "),
                st.via.clone().unwrap_or_default(),
                c.labels.join("; "),
                c.rules.join("; "),
                a.doc.text[st.span.clone()].to_string(),
            ];
            out.push_str(&fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
            out.push('\n');
        }
    }
    out
}

/// Shortens text to `max` characters for table cells.
pub fn clip(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max { s } else { format!("{}…", s.chars().take(max.saturating_sub(1)).collect::<String>()) }
}

/// `stance extract --format table`.
pub fn records_table(analyses: &[Analysis], width: Option<u16>) -> String {
    let mut t = new_table(width);
    t.set_header(vec!["doc", "bytes", "kind", "speaker", "actor", "stance", "statement"]);
    for a in analyses {
        for c in &a.statements {
            let st = &c.statement;
            t.add_row(vec![
                a.doc.name.clone(),
                format!("{}..{}", st.span.start, st.span.end),
                st.kind.as_str().to_string(),
                st.speaker.name.clone().unwrap_or_else(|| "?".into()),
                if st.speaker.actors.is_empty() { "-".into() } else { st.speaker.actors.join(", ") },
                if c.labels.is_empty() { "-".into() } else { c.labels.join(", ") },
                clip(&a.doc.text[st.span.clone()], 160),
            ]);
        }
    }
    format!("{t}\n")
}

fn scope_name(s: Scope) -> &'static str {
    match s {
        Scope::Content => "content",
        Scope::Frame => "frame",
        Scope::Sentence => "sentence",
    }
}

/// `stance explain`: a statement, its speaker resolution and every rule hit.
pub fn explain_text(text: &Text, statements: &[Classified], rules: &RuleSet) -> String {
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
                (_, true) => "x",
                (Some(_), _) => "+",
                (None, _) => "-",
            };
            let mut line = format!("    {mark} {} ({}, scope {}) matched {}", r.id, r.label, scope_name(r.scope), quoted(&h.span));
            if let Some((class, span)) = &h.negated {
                line.push_str(&format!("; negated by {} ({class})", quoted(span)));
            }
            if h.cancelled {
                line.push_str("; cancelled by an `unless` pattern");
            }
            match &h.gives {
                Some(g) if g != &r.label => line.push_str(&format!(" -> {g}")),
                Some(_) => {}
                None if !h.cancelled => line.push_str(" -> dropped"),
                None => {}
            }
            out.push_str(&line);
            out.push('\n');
        }
        out.push_str(&format!("  labels:   {}\n", if c.labels.is_empty() { "none".into() } else { c.labels.join(", ") }));
    }
    out
}

/// `stance rules list`.
pub fn rules_table(rules: &RuleSet, width: Option<u16>) -> String {
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

// ---------------------------------------------------------------- comparison

fn source_heading(s: &crate::compare::Source) -> String {
    match s.date {
        Some(d) => format!("{} ({d})", s.name),
        None => s.name.clone(),
    }
}

fn evidence_line(e: &Evidence) -> String {
    let who = if e.actors.is_empty() { e.speaker.clone() } else { format!("{} ({})", e.speaker, e.actors.join(", ")) };
    let via = e.via.as_ref().map(|v| format!(", via {v}")).unwrap_or_default();
    let labels = if e.labels.is_empty() { "no stance".to_string() } else { format!("{} [{}]", e.labels.join(", "), e.rules.join(", ")) };
    format!("E{} {who}{via} · {} {}..{} · {} · “{}” · {labels}", e.id, e.doc, e.span[0], e.span[1], e.kind, clip(&e.text, 200))
}

/// `stance compare --format table`.
pub fn compare_table(t: &PositionTable, width: Option<u16>, voices: bool) -> String {
    let mut table = new_table(width);
    let mut header = vec!["actor".to_string()];
    header.extend(t.sources.iter().map(source_heading));
    header.push("movement".into());
    table.set_header(header);
    for r in &t.rows {
        let mut row = vec![r.actor.clone()];
        row.extend(r.cells.iter().map(|c| t.cell_text(c)));
        row.push(r.movement.describe());
        table.add_row(row);
    }
    let mut out = format!("{table}\n\nEvidence\n");
    for e in &t.evidence {
        out.push_str(&evidence_line(e));
        out.push('\n');
    }
    if voices {
        out.push_str("\nIndependent voices\n");
        for e in &t.voices {
            out.push_str(&evidence_line(e));
            out.push('\n');
        }
    }
    out
}

fn md_escape(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|").replace('*', "\\*").replace('_', "\\_")
}

/// `stance compare --format md` (what `reports/` holds).
pub fn compare_markdown(t: &PositionTable, voices: bool) -> String {
    let mut out = String::from("# Positions across sources\n\nGenerated by `stance compare --format md`; do not edit by hand.\n\n");
    let mut header = vec!["actor".to_string()];
    header.extend(t.sources.iter().map(|s| md_escape(&source_heading(s))));
    header.push("movement".into());
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    out.push_str(&format!("|{}\n", " --- |".repeat(header.len())));
    for r in &t.rows {
        let mut row = vec![md_escape(&r.actor)];
        row.extend(r.cells.iter().map(|c| md_escape(&t.cell_text(c))));
        row.push(md_escape(&r.movement.describe()));
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out.push_str("\n## Evidence\n\n");
    let item = |e: &Evidence| {
        let who = if e.actors.is_empty() { md_escape(&e.speaker) } else { format!("{} ({})", md_escape(&e.speaker), md_escape(&e.actors.join(", "))) };
        let via = e.via.as_ref().map(|v| format!(", via {}", md_escape(v))).unwrap_or_default();
        let rules = if e.rules.is_empty() { String::new() } else { format!(" — `{}`", e.rules.join("`, `")) };
        format!(
            "- **E{}** {who}{via}, {}, bytes {}–{} ({}): “{}” → {}{rules}\n",
            e.id,
            md_escape(&e.doc),
            e.span[0],
            e.span[1],
            e.kind,
            md_escape(&clip(&e.text, 300)),
            if e.labels.is_empty() { "no stance".into() } else { e.labels.join(", ") }
        )
    };
    for e in &t.evidence {
        out.push_str(&item(e));
    }
    if voices {
        out.push_str("\n## Independent voices\n\n");
        if t.voices.is_empty() {
            out.push_str("None with a stance.\n");
        }
        for e in &t.voices {
            out.push_str(&item(e));
        }
    }
    out
}

/// `stance compare --format csv`: one line per actor, source and label.
pub fn compare_csv(t: &PositionTable) -> String {
    let mut out = String::from("actor,source,date,label,statements,evidence_doc,evidence_start,evidence_end,evidence_text,movement\n");
    for r in &t.rows {
        for (ci, c) in r.cells.iter().enumerate() {
            let s = &t.sources[ci];
            for l in &c.labels {
                let e = &t.evidence[l.evidence - 1];
                let fields = [
                    r.actor.clone(),
                    s.name.clone(),
                    s.date.map(|d| d.to_string()).unwrap_or_default(),
                    l.label.clone(),
                    l.statements.to_string(),
                    e.doc.clone(),
                    e.span[0].to_string(),
                    e.span[1].to_string(),
                    e.text.clone(),
                    r.movement.kind().to_string(),
                ];
                out.push_str(&fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
                out.push('\n');
            }
        }
    }
    out
}

/// `stance compare --format json`.
pub fn compare_json(t: &PositionTable) -> String {
    let mut s = serde_json::to_string_pretty(t).expect("serializable");
    s.push('\n');
    s
}

fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn label_class(l: &str) -> String {
    l.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect()
}

/// `stance compare --format html`: one self-contained page (no external assets).
pub fn compare_html(t: &PositionTable, voices: bool) -> String {
    let mut out = String::new();
    out.push_str(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Positions across sources</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1b1b; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .4rem .6rem; text-align: left; vertical-align: top; }
thead th { background: #f2f2f2; }
th small { font-weight: normal; color: #666; }
.label { display: inline-block; padding: 0 .4rem; border-radius: .3rem; margin: .1rem 0; }
.deterrence { background: #f7d4d4; } .restraint { background: #d4e6f7; } .de-escalation { background: #d9f2d9; }
.movement { font-style: italic; }
ol.evidence li { margin-bottom: .8rem; }
.meta { color: #555; font-size: 90%; }
blockquote { margin: .2rem 0 0 0; padding-left: .8rem; border-left: 3px solid #ccc; }
mark { background: #fff3a3; padding: 0 .1rem; }
code { font-size: 90%; }
</style>
</head>
<body>
<h1>Positions across sources</h1>
<table id="positions">
<thead><tr><th>actor</th>"#,
    );
    for s in &t.sources {
        out.push_str(&format!("<th>{}<br><small>{}</small></th>", html_escape(&s.name), s.date.map_or_else(|| "date unknown".into(), |d| d.to_string())));
    }
    out.push_str("<th>movement</th></tr></thead>\n<tbody>\n");
    for r in &t.rows {
        out.push_str(&format!("<tr><th scope=\"row\">{}</th>", html_escape(&r.actor)));
        for c in &r.cells {
            out.push_str("<td>");
            if c.labels.is_empty() {
                out.push_str(if c.unlabelled > 0 { "<span class=\"none\">no stance</span>" } else { "–" });
            }
            for l in &c.labels {
                let count = if l.statements > 1 { format!(" ×{}", l.statements) } else { String::new() };
                out.push_str(&format!(
                    "<div><span class=\"label {}\">{}</span>{count} <a href=\"#E{}\">E{}</a></div>",
                    label_class(&l.label),
                    html_escape(&l.label),
                    l.evidence,
                    l.evidence
                ));
            }
            out.push_str("</td>");
        }
        out.push_str(&format!("<td class=\"movement\">{}</td></tr>\n", html_escape(&r.movement.describe())));
    }
    out.push_str("</tbody>\n</table>\n<h2>Evidence</h2>\n<ol class=\"evidence\">\n");
    let item = |e: &Evidence| {
        let r = PositionTable::context_range(e);
        let ctx = &e.context;
        let (a, b) = (r.start.min(ctx.len()), r.end.min(ctx.len()));
        let who = if e.actors.is_empty() { html_escape(&e.speaker) } else { format!("{} ({})", html_escape(&e.speaker), html_escape(&e.actors.join(", "))) };
        let via = e.via.as_ref().map(|v| format!(", via {}", html_escape(v))).unwrap_or_default();
        format!(
            "<li id=\"E{}\" value=\"{}\"><div class=\"meta\"><strong>{who}</strong>{via} · {} · bytes {}–{} · {} · {} <code>{}</code></div><blockquote>{}<mark>{}</mark>{}</blockquote></li>\n",
            e.id,
            e.id,
            html_escape(&e.doc),
            e.span[0],
            e.span[1],
            e.kind,
            e.labels.iter().map(|l| format!("<span class=\"label {}\">{}</span>", label_class(l), html_escape(l))).collect::<Vec<_>>().join(" "),
            html_escape(&e.rules.join(", ")),
            html_escape(&ctx[..a]),
            html_escape(&ctx[a..b]),
            html_escape(&ctx[b..])
        )
    };
    for e in &t.evidence {
        out.push_str(&item(e));
    }
    out.push_str("</ol>\n");
    if voices {
        out.push_str("<h2>Independent voices</h2>\n<ol class=\"evidence voices\">\n");
        for e in &t.voices {
            out.push_str(&item(e));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

// ---------------------------------------------------------------- claim checks

/// `stance check --format text`.
pub fn check_text(outcomes: &[CheckOutcome]) -> String {
    let mut out = String::new();
    for o in outcomes {
        out.push_str(&format!("{} {}: {}\n", if o.passed { "PASS" } else { "FAIL" }, o.kind, o.name));
        if !o.passed {
            out.push_str(&format!("     {}\n", o.message));
        }
        for s in &o.sources {
            let ev = s.evidence.as_ref().map(|e| format!(" — {} bytes {}..{}: “{}”", e.doc, e.span[0], e.span[1], clip(&e.text, 120))).unwrap_or_default();
            out.push_str(&format!("     {}: {}{ev}\n", s.source, s.found));
        }
    }
    let failed = outcomes.iter().filter(|o| !o.passed).count();
    out.push_str(&format!("{} expectations, {} passed, {failed} failed\n", outcomes.len(), outcomes.len() - failed));
    out
}

/// Escapes a GitHub workflow command's message or property value.
fn gh_escape(s: &str, property: bool) -> String {
    let s = s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    if property { s.replace(':', "%3A").replace(',', "%2C") } else { s }
}

/// `stance check --format github`: workflow annotations.
pub fn check_github(outcomes: &[CheckOutcome], claims_path: &str, doc_paths: &std::collections::BTreeMap<String, String>) -> String {
    let mut out = String::new();
    for o in outcomes {
        let level = if o.passed { "notice" } else { "error" };
        let title = gh_escape(&format!("stance check: {} {}", o.kind, if o.passed { "holds" } else { "failed" }), true);
        out.push_str(&format!(
            "::{level} file={},line={},title={title}::{}\n",
            gh_escape(claims_path, true),
            o.line,
            gh_escape(&format!("{}: {}", o.name, o.message), false)
        ));
        if !o.passed {
            for s in &o.sources {
                if let Some(e) = &s.evidence {
                    let file = doc_paths.get(&e.doc).cloned().unwrap_or_else(|| e.doc.clone());
                    out.push_str(&format!(
                        "::warning file={},line={},title={}::{}\n",
                        gh_escape(&file, true),
                        e.line,
                        gh_escape("stance check: evidence", true),
                        gh_escape(&format!("{} — {}: {}", o.name, s.found, clip(&e.text, 200)), false)
                    ));
                }
            }
        }
    }
    out
}

fn xml_escape(s: &str) -> String {
    html_escape(s)
}

/// `stance check --format junit`: a JUnit XML report.
pub fn check_junit(outcomes: &[CheckOutcome], claims_path: &str) -> String {
    let failed = outcomes.iter().filter(|o| !o.passed).count();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"stance check\" tests=\"{}\" failures=\"{failed}\">\n  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failed}\">\n",
        outcomes.len(),
        xml_escape(claims_path),
        outcomes.len()
    );
    for o in outcomes {
        out.push_str(&format!("    <testcase classname=\"{}\" name=\"{}\"", xml_escape(o.kind), xml_escape(&o.name)));
        let details: Vec<String> = o
            .sources
            .iter()
            .map(|s| {
                let ev = s.evidence.as_ref().map(|e| format!(" ({} bytes {}..{}: {})", e.doc, e.span[0], e.span[1], clip(&e.text, 160))).unwrap_or_default();
                format!("{}: {}{ev}", s.source, s.found)
            })
            .collect();
        if o.passed {
            out.push_str(">\n");
            if !details.is_empty() {
                out.push_str(&format!("      <system-out>{}</system-out>\n", xml_escape(&details.join("\n"))));
            }
            out.push_str("    </testcase>\n");
        } else {
            out.push_str(&format!(
                ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>\n",
                xml_escape(&o.message),
                xml_escape(o.kind),
                xml_escape(&details.join("\n"))
            ));
        }
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// `stance check --format json`.
pub fn check_json(outcomes: &[CheckOutcome]) -> String {
    let mut s = serde_json::to_string_pretty(outcomes).expect("serializable");
    s.push('\n');
    s
}
