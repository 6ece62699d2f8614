//! `stance eval`: the metrics as the reference scorer prints them, as six
//! lines or as JSON laid out like its `--json`.

use crate::eval::Scores;
use serde::Serialize;

/// The six lines the reference scorer prints.
pub fn text(s: &Scores) -> String {
    let st = &s.statements;
    let p = &s.positions;
    let labels = s.stance.per_label_f1.0.iter().map(|(k, v)| format!("{k} {v:.3}")).collect::<Vec<_>>().join("  ");
    format!(
        "statements  P {:.3}  R {:.3}  F1 {:.3}  ({}/{} found, {} false alarms)\nspeaker     accuracy {:.3}\nactor       accuracy {:.3}\nstance      macro-F1 {:.3}  {labels}\nturns       accuracy {:.3}  ({} gold turns)\npositions   P {:.3}  R {:.3}  F1 {:.3}\n",
        st.precision,
        st.recall,
        st.f1,
        st.found,
        st.gold,
        st.false_alarms,
        s.speaker.accuracy,
        s.actor.accuracy,
        s.stance.macro_f1,
        s.turns.accuracy,
        s.turns.gold,
        p.precision,
        p.recall,
        p.f1
    )
}

/// The metrics as JSON, laid out like the reference scorer's `--json`.
pub fn json(s: &Scores) -> String {
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    s.serialize(&mut ser).expect("serializable");
    // Non-ASCII characters escaped, as Python's json does by default.
    let mut out = String::new();
    for c in String::from_utf8(buf).expect("utf-8").chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{:04x}", u));
            }
        }
    }
    out.push('\n');
    out
}
