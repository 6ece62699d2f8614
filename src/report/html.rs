//! `stance compare --format html`: one self-contained page (no external
//! assets): a summary header, the position table (sortable by any column,
//! filterable by actor and label with a few lines of inline script), a
//! timeline of positions drawn as inline SVG, and the evidence with each
//! quotation highlighted in its sentence.

use crate::compare::{Evidence, PositionTable};
use crate::report::fmt::{html_escape, label_class, label_hue};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// What the header says about the run besides the table itself.
#[derive(Debug, Clone, Default)]
pub struct PageInfo {
    /// The tool and its version (`stance 0.1.0`).
    pub generator: String,
    /// Which rules classified the statements (`RuleSet::version`).
    pub rules: String,
    /// Labels in their declared order (the legend and filter list them all).
    pub labels: Vec<String>,
}

/// One CSS rule pair per label: a tag colour and a timeline mark colour.
fn label_styles(labels: &[String]) -> String {
    let mut css = String::new();
    for l in labels {
        let (c, h) = (label_class(l), label_hue(l));
        let _ = writeln!(css, ".label.{c} {{ background: hsl({h} 70% 88%); }} .mark.{c} {{ fill: hsl({h} 65% 42%); }}");
    }
    css
}

/// Every label the page shows: the declared ones, then any other the table holds.
fn all_labels(t: &PositionTable, info: &PageInfo) -> Vec<String> {
    let mut labels = info.labels.clone();
    let held = t.rows.iter().flat_map(|r| r.cells.iter().flat_map(|c| c.labels.iter().map(|l| l.label.to_string())));
    for l in held.chain(t.evidence.labels().iter().chain(t.voices.labels()).cloned()) {
        if !labels.contains(&l) {
            labels.push(l);
        }
    }
    labels
}

fn tag(label: &str) -> String {
    format!("<span class=\"label {}\">{}</span>", label_class(label), html_escape(label))
}

/// The summary above the table: documents, dates, sources, rules.
fn header(t: &PositionTable, info: &PageInfo) -> String {
    let docs: BTreeSet<&String> = t.sources.iter().flat_map(|s| &s.docs).collect();
    let dates: Vec<_> = t.sources.iter().filter_map(|s| s.date).collect();
    let range = match (dates.iter().min(), dates.iter().max()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} to {b}"),
        _ => "no dates".into(),
    };
    let undated = t.sources.iter().filter(|s| s.date.is_none()).count();
    let undated = if undated > 0 && !dates.is_empty() { format!(" ({undated} undated)") } else { String::new() };
    format!(
        "<dl class=\"summary\"><dt>documents</dt><dd id=\"documents\">{}</dd><dt>sources</dt><dd>{}</dd><dt>dates</dt><dd id=\"dates\">{}{undated}</dd><dt>actors</dt><dd>{}</dd><dt>rules</dt><dd id=\"rules\">{}</dd><dt>made by</dt><dd>{}</dd></dl>\n",
        docs.len(),
        t.sources.len(),
        html_escape(&range),
        t.rows.len(),
        html_escape(&info.rules),
        html_escape(&info.generator)
    )
}

/// Left margin of the timeline (actor names), its step per source and row height.
const TIMELINE_LEFT: usize = 150;
const TIMELINE_TOP: usize = 24;
const TIMELINE_ROW: usize = 26;
const TIMELINE_MAX_WIDTH: usize = 900;

/// The timeline: one line per actor, sources left to right by date, one
/// mark per label the actor holds in a source.
fn timeline(t: &PositionTable, labels: &[String]) -> String {
    if t.rows.is_empty() || t.sources.is_empty() {
        return String::new();
    }
    let n = t.sources.len();
    let step = ((TIMELINE_MAX_WIDTH - TIMELINE_LEFT) / n).clamp(4, 80);
    let width = TIMELINE_LEFT + step * n + 20;
    let height = TIMELINE_TOP + TIMELINE_ROW * t.rows.len() + 10;
    let mut svg = format!(
        "<svg id=\"timeline\" role=\"img\" aria-label=\"positions over time\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">\n"
    );
    // Column ticks: a date (or the source's place) under every column that has room.
    let every = (40 / step).max(1);
    for (ci, s) in t.sources.iter().enumerate() {
        let x = TIMELINE_LEFT + step * ci + step / 2;
        let _ = write!(svg, "<line class=\"tick\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>", TIMELINE_TOP - 4, height - 6);
        if ci % every == 0 {
            let text = s.date.map_or_else(|| format!("#{}", ci + 1), |d| d.to_string());
            let _ = write!(svg, "<text class=\"date\" x=\"{x}\" y=\"12\" text-anchor=\"middle\">{}</text>", html_escape(&text));
        }
    }
    svg.push('\n');
    for (ri, r) in t.rows.iter().enumerate() {
        let y = TIMELINE_TOP + TIMELINE_ROW * ri + TIMELINE_ROW / 2;
        let _ = write!(
            svg,
            "<g class=\"track\" data-actor=\"{a}\"><text class=\"actor\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{a}</text><line class=\"axis\" x1=\"{TIMELINE_LEFT}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>",
            TIMELINE_LEFT - 8,
            y + 4,
            TIMELINE_LEFT + step * n,
            a = html_escape(&r.actor)
        );
        for (ci, c) in r.cells.iter().enumerate() {
            let k = c.labels.len();
            for (li, l) in c.labels.iter().enumerate() {
                // Marks of one cell side by side, around the column's centre.
                let spread = (step.saturating_sub(4) / k.max(1)).min(12);
                let x = TIMELINE_LEFT + step * ci + step / 2 + li * spread - (k - 1) * spread / 2;
                let order = labels.iter().position(|x| **x == *l.label).unwrap_or(0);
                let _ = write!(
                    svg,
                    "<circle class=\"mark {}\" data-label=\"{}\" data-order=\"{order}\" cx=\"{x}\" cy=\"{y}\" r=\"5\"><title>{}: {} in {}{} (E{})</title></circle>",
                    label_class(&l.label),
                    html_escape(&l.label),
                    html_escape(&r.actor),
                    html_escape(&l.label),
                    html_escape(&t.sources[ci].name),
                    t.sources[ci].date.map(|d| format!(", {d}")).unwrap_or_default(),
                    l.evidence
                );
            }
        }
        svg.push_str("</g>\n");
    }
    svg.push_str("</svg>\n");
    svg
}

/// The controls: an actor list, one button per label, and a reset.
fn filters(t: &PositionTable, labels: &[String]) -> String {
    let mut out = String::from("<div id=\"filters\"><label>actor <select id=\"filter-actor\"><option value=\"\">all actors</option>");
    for r in &t.rows {
        let a = html_escape(&r.actor);
        let _ = write!(out, "<option value=\"{a}\">{a}</option>");
    }
    out.push_str("</select></label> <span class=\"legend\">label ");
    for l in labels {
        let _ = write!(
            out,
            "<button type=\"button\" class=\"filter-label label {}\" data-label=\"{}\" aria-pressed=\"false\">{}</button> ",
            label_class(l),
            html_escape(l),
            html_escape(l)
        );
    }
    out.push_str("</span><button type=\"button\" id=\"filter-reset\">show all</button> <span id=\"shown\"></span></div>\n");
    out
}

/// Filtering and sorting: rows carry their actor and labels; a filter hides
/// the rows (and timeline tracks) that do not match; a column head sorts.
const SCRIPT: &str = r#"<script>
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('#positions tbody tr'));
  var tracks = Array.prototype.slice.call(document.querySelectorAll('#timeline .track'));
  var actor = document.getElementById('filter-actor');
  var buttons = Array.prototype.slice.call(document.querySelectorAll('.filter-label'));
  var label = '';
  function apply() {
    var shown = 0;
    rows.forEach(function (r) {
      var ok = (!actor.value || r.dataset.actor === actor.value) && (!label || r.dataset.labels.split(' ').indexOf(label) >= 0);
      r.hidden = !ok;
      if (ok) { shown++; }
    });
    tracks.forEach(function (g) {
      var row = rows.filter(function (r) { return r.dataset.actor === g.dataset.actor; })[0];
      g.style.display = row && row.hidden ? 'none' : '';
    });
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.dataset.label === label)); });
    document.getElementById('shown').textContent = shown + ' of ' + rows.length + ' actors';
  }
  actor.addEventListener('change', apply);
  buttons.forEach(function (b) {
    b.addEventListener('click', function () { label = label === b.dataset.label ? '' : b.dataset.label; apply(); });
  });
  document.getElementById('filter-reset').addEventListener('click', function () { label = ''; actor.value = ''; apply(); });
  var heads = document.querySelectorAll('#positions thead th');
  Array.prototype.forEach.call(heads, function (th, i) {
    th.addEventListener('click', function () {
      var down = th.getAttribute('aria-sort') === 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', down ? 'descending' : 'ascending');
      var body = rows[0] && rows[0].parentNode;
      rows.slice().sort(function (a, b) {
        var x = a.children[i].textContent.trim(), y = b.children[i].textContent.trim();
        var c = x.localeCompare(y, undefined, { numeric: true });
        return down ? -c : c;
      }).forEach(function (r) { body.appendChild(r); });
    });
  });
  apply();
})();
</script>
"#;

/// `stance compare --format html`: one self-contained page (no external assets).
pub fn page(t: &PositionTable, voices: bool, info: &PageInfo, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let labels = all_labels(t, info);
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
thead th { background: #f2f2f2; cursor: pointer; }
thead th[aria-sort=ascending]::after { content: " ▲"; } thead th[aria-sort=descending]::after { content: " ▼"; }
th small { font-weight: normal; color: #666; display: block; }
th .title { font-weight: normal; display: block; max-width: 18rem; }
.label { display: inline-block; padding: 0 .4rem; border-radius: .3rem; margin: .1rem 0; border: 0; font: inherit; }
button.label { cursor: pointer; } button.label[aria-pressed=true] { outline: 2px solid #333; }
.movement { font-style: italic; }
.summary { display: grid; grid-template-columns: max-content auto; gap: .1rem 1rem; margin: 0 0 1rem 0; }
.summary dt { color: #555; } .summary dd { margin: 0; }
#filters { margin: .8rem 0; }
#timeline { display: block; margin: 1rem 0; max-width: 100%; height: auto; }
#timeline .axis { stroke: #ccc; } #timeline .tick { stroke: #eee; } #timeline text { font-size: 11px; fill: #444; }
ol.evidence li { margin-bottom: .8rem; }
.meta { color: #555; font-size: 90%; }
blockquote { margin: .2rem 0 0 0; padding-left: .8rem; border-left: 3px solid #ccc; }
mark { background: #fff3a3; padding: 0 .1rem; }
code { font-size: 90%; }
"#,
    );
    out.push_str(&label_styles(&labels));
    out.push_str("</style>\n</head>\n<body>\n<h1>Positions across sources</h1>\n");
    out.push_str(&header(t, info));
    out.push_str(&filters(t, &labels));
    out.push_str("<table id=\"positions\">\n<thead><tr><th>actor</th>");
    for s in &t.sources {
        let title = s.title.as_ref().map(|x| format!("<span class=\"title\">{}</span>", html_escape(x))).unwrap_or_default();
        let _ = write!(out, "<th>{title}<small>{} · {}</small></th>", html_escape(&s.name), s.date.map_or_else(|| "date unknown".into(), |d| d.to_string()));
    }
    out.push_str("<th>movement</th></tr></thead>\n<tbody>\n");
    for r in &t.rows {
        let mut held: Vec<&str> = r.cells.iter().flat_map(|c| c.labels.iter().map(|l| &*l.label)).collect();
        held.sort_unstable();
        held.dedup();
        let _ = write!(out, "<tr data-actor=\"{a}\" data-labels=\"{}\"><th scope=\"row\">{a}</th>", html_escape(&held.join(" ")), a = html_escape(&r.actor));
        for c in &r.cells {
            out.push_str("<td>");
            if c.labels.is_empty() {
                out.push_str(if c.unlabelled > 0 { "<span class=\"none\">no stance</span>" } else { "–" });
            }
            for l in &c.labels {
                let count = if l.statements > 1 { format!(" ×{}", l.statements) } else { String::new() };
                let _ = write!(out, "<div>{}{count} <a href=\"#E{}\">E{}</a></div>", tag(&l.label), l.evidence, l.evidence);
            }
            out.push_str("</td>");
        }
        let _ = writeln!(out, "<td class=\"movement\">{}</td></tr>", html_escape(&r.movement.describe()));
    }
    out.push_str("</tbody>\n</table>\n<h2>Timeline</h2>\n");
    out.push_str(&timeline(t, &labels));
    out.push_str("<h2>Evidence</h2>\n<ol class=\"evidence\">\n");
    w.write_all(out.as_bytes())?;
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
            e.labels.iter().map(|l| tag(l)).collect::<Vec<_>>().join(" "),
            html_escape(&e.rules.join(", ")),
            html_escape(&ctx[..a]),
            html_escape(&ctx[a..b]),
            html_escape(&ctx[b..])
        )
    };
    for e in t.evidence.iter() {
        w.write_all(item(&e?).as_bytes())?;
    }
    w.write_all(b"</ol>\n")?;
    if voices {
        w.write_all(b"<h2>Independent voices</h2>\n<ol class=\"evidence voices\">\n")?;
        for e in t.voices.iter() {
            w.write_all(item(&e?).as_bytes())?;
        }
        w.write_all(b"</ol>\n")?;
    }
    w.write_all(SCRIPT.as_bytes())?;
    w.write_all(b"</body>\n</html>\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Builder;
    use crate::engine::Engine;

    fn page_of(texts: &[(&str, &str)]) -> String {
        let e = Engine::builtin();
        let docs: Vec<_> = texts.iter().map(|(n, t)| e.document(n, t.to_string())).collect();
        let mut b = Builder::new(crate::compare::By::Doc);
        for a in e.analyze_all(&docs) {
            b.add(&a);
        }
        let table = b.finish(e.rules());
        let info =
            PageInfo { generator: "stance test".into(), rules: e.rules().version.clone(), labels: e.rules().labels.iter().map(|l| l.name.clone()).collect() };
        let mut out = Vec::new();
        page(&table, false, &info, &mut out).expect("written to memory");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn header_timeline_titles_and_filters() {
        let html = page_of(&[
            ("a.txt", "Tehran warns of a crushing answer\n\n2 May 2024\n\nIran said it would respond firmly to any attack.\n"),
            ("b.txt", "Calls for calm\n\n9 May 2024\n\nIran called on all sides to exercise restraint.\n"),
        ]);
        assert!(html.contains("<dd id=\"documents\">2</dd>") && html.contains("2024-05-02 to 2024-05-09"), "{html}");
        assert!(html.contains("<span class=\"title\">Tehran warns of a crushing answer</span>"));
        // One mark per label held: Iran holds deterrence in a.txt and restraint in b.txt.
        assert_eq!(html.matches("<circle class=\"mark").count(), 2);
        assert!(html.contains("<tr data-actor=\"Iran\" data-labels=\"deterrence restraint\">"));
        assert!(html.contains("data-label=\"de-escalation\"") && html.contains("id=\"filter-actor\""));
        assert!(!html.contains("src=") && !html.contains("href=\"http"), "no external assets");
    }

    #[test]
    fn every_label_gets_a_colour_user_labels_too() {
        let css = label_styles(&["deterrence".into(), "mediation".into()]);
        assert!(css.contains(".label.deterrence { background: hsl(0 ") && css.contains(".mark.mediation { fill: hsl("));
    }
}
