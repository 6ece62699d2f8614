//! `stance compare --format html`: one self-contained page (no external
//! assets) with each quotation highlighted in its sentence.

use crate::compare::{Evidence, PositionTable};
use crate::report::fmt::{html_escape, label_class};

/// `stance compare --format html`: one self-contained page (no external assets).
pub fn page(t: &PositionTable, voices: bool) -> String {
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
