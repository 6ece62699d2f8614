//! `stance check`: outcomes as text, GitHub workflow annotations, JUnit
//! XML or JSON.

use crate::check::Outcome as CheckOutcome;
use crate::report::fmt::{clip, gh_escape, html_escape};

/// `stance check --format text`.
pub fn text(outcomes: &[CheckOutcome]) -> String {
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

/// `stance check --format github`: workflow annotations.
pub fn github(outcomes: &[CheckOutcome], claims_path: &str, doc_paths: &std::collections::BTreeMap<String, String>) -> String {
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
