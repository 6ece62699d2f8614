//! `stance check`: outcomes as text, GitHub workflow annotations, JUnit
//! XML or JSON.

use crate::check::Outcome as CheckOutcome;
use crate::error::Diagnostic;
use crate::report::fmt::{Paint, clip, gh_escape, html_escape};

/// `stance check --format text`.
pub fn text(outcomes: &[CheckOutcome], paint: Paint) -> String {
    let mut out = String::new();
    for o in outcomes {
        out.push_str(&format!("{} {}: {}\n", if o.passed { paint.pass("PASS") } else { paint.fail("FAIL") }, o.kind, o.name));
        if !o.passed {
            out.push_str(&format!("     {}\n", o.message));
        }
        for s in &o.sources {
            let ev = s.evidence.as_ref().map(|e| format!(" — {} bytes {}..{}: “{}”", e.doc, e.span[0], e.span[1], clip(&e.text, 120))).unwrap_or_default();
            out.push_str(&format!("     {}: {}{ev}\n", s.source, s.found));
        }
    }
    out.push_str(&summary_line(outcomes));
    out
}

/// How many annotations `--format github` writes.
#[derive(Debug, Clone, Copy)]
pub struct GithubOptions {
    /// Evidence annotations per failed expectation (GitHub shows about ten per step).
    pub max_annotations: usize,
    /// Notices for expectations that hold (`-v`).
    pub notices: bool,
}

impl Default for GithubOptions {
    fn default() -> GithubOptions {
        GithubOptions { max_annotations: 3, notices: false }
    }
}

/// Where evidence stands for GitHub: the file, and the line. A JSON Lines
/// document (origin `corpus.jsonl:5`) is the record's line of that file.
fn place(origin: &str, line_in_text: usize) -> (String, usize) {
    match origin.rsplit_once(':') {
        Some((file, n)) if !file.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => (file.to_string(), n.parse().unwrap_or(line_in_text)),
        _ => (origin.to_string(), line_in_text),
    }
}

/// `stance check --format github`: workflow annotations (an error per failed
/// expectation with up to `max_annotations` pieces of evidence, notices for
/// those that hold only when asked) and a one-line summary.
pub fn github(outcomes: &[CheckOutcome], claims_path: &str, doc_paths: &std::collections::BTreeMap<String, String>, opts: GithubOptions) -> String {
    let mut out = String::new();
    for o in outcomes {
        if o.passed && !opts.notices {
            continue;
        }
        let level = if o.passed { "notice" } else { "error" };
        let title = gh_escape(&format!("stance check: {} {}", o.kind, if o.passed { "holds" } else { "failed" }), true);
        out.push_str(&format!(
            "::{level} file={},line={},title={title}::{}\n",
            gh_escape(claims_path, true),
            o.line,
            gh_escape(&format!("{}: {}", o.name, o.message), false)
        ));
        if !o.passed {
            let evidence: Vec<_> = o.sources.iter().filter_map(|s| s.evidence.as_ref().map(|e| (s, e))).collect();
            for (s, e) in evidence.iter().take(opts.max_annotations) {
                let origin = doc_paths.get(&e.doc).cloned().unwrap_or_else(|| e.doc.clone());
                let (file, line) = place(&origin, e.line);
                out.push_str(&format!(
                    "::warning file={},line={line},title={}::{}\n",
                    gh_escape(&file, true),
                    gh_escape("stance check: evidence", true),
                    gh_escape(&format!("{} — {}: {}", o.name, s.found, clip(&e.text, 200)), false)
                ));
            }
            if evidence.len() > opts.max_annotations {
                out.push_str(&format!("{}: {} more pieces of evidence not annotated (--max-annotations)\n", o.name, evidence.len() - opts.max_annotations));
            }
        }
    }
    out.push_str(&summary_line(outcomes));
    out
}

/// "8 expectations, 7 passed, 1 failed".
fn summary_line(outcomes: &[CheckOutcome]) -> String {
    let failed = outcomes.iter().filter(|o| !o.passed).count();
    format!("{} expectations, {} passed, {failed} failed\n", outcomes.len(), outcomes.len() - failed)
}

/// A Markdown summary of the outcomes (what `check` appends to
/// `$GITHUB_STEP_SUMMARY` on GitHub Actions).
pub fn markdown(outcomes: &[CheckOutcome], claims_path: &str) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out =
        format!("### stance check: {}\n\n{}\n| | expectation | kind | message |\n| --- | --- | --- | --- |\n", cell(claims_path), summary_line(outcomes));
    for o in outcomes {
        let mark = if o.passed { "✅" } else { "❌" };
        out.push_str(&format!("| {mark} | {} | {} | {} |\n", cell(&o.name), o.kind, cell(&o.message)));
    }
    out
}

/// A bad claims file as workflow annotations: one `::error` per problem, at its place.
pub fn github_diagnostics(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| {
            format!(
                "::error file={},line={},col={},title={}::{}\n",
                gh_escape(&d.file, true),
                d.line,
                d.col,
                gh_escape("stance check: claims file", true),
                gh_escape(&d.message, false)
            )
        })
        .collect()
}

/// A bad claims file as a JUnit report: one failed test case naming each problem.
pub fn junit_diagnostics(diags: &[Diagnostic], claims_path: &str) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"stance check\" tests=\"1\" failures=\"1\">\n  <testsuite name=\"{}\" tests=\"1\" failures=\"1\">\n",
        xml_escape(claims_path)
    );
    out.push_str(&format!("    <testcase classname=\"claims file\" name=\"{}\">\n", xml_escape(claims_path)));
    let text: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    out.push_str(&format!(
        "      <failure message=\"{} problem(s) in the claims file\">{}</failure>\n    </testcase>\n  </testsuite>\n</testsuites>\n",
        diags.len(),
        xml_escape(&text.join("\n"))
    ));
    out
}

fn xml_escape(s: &str) -> String {
    html_escape(s)
}

/// `stance check --format junit`: a JUnit XML report.
pub fn junit(outcomes: &[CheckOutcome], claims_path: &str) -> String {
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
pub fn json(outcomes: &[CheckOutcome]) -> String {
    let mut s = serde_json::to_string_pretty(outcomes).expect("serializable");
    s.push('\n');
    s
}
