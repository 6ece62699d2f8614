//! Formatting helpers shared by the renderers: the house table style,
//! clipping, and escaping for CSV, Markdown, HTML, XML and GitHub workflow
//! commands.

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};

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

/// Widest a column of short values (names, labels, numbers) is kept whole.
const WHOLE_COLUMN_MAX: usize = 18;
/// Longest word kept whole (a longer one, a URL, may break).
const WHOLE_WORD_MAX: usize = 24;
/// Left and right padding of a cell (constraints count it).
const PADDING: usize = 2;

/// Sets each column's width once the rows are in: no column narrower than
/// its longest word (labels never break mid-word); columns of short values
/// (not in `flexible`) exactly as wide as their widest value, up to
/// [`WHOLE_COLUMN_MAX`]. The dynamic arrangement then gives the spare width
/// to the flexible columns (the words of a statement, the cells).
pub fn fit_columns(t: &mut Table, flexible: &[usize]) {
    let n = t.column_count();
    let mut longest_word = vec![0usize; n];
    let mut widest_line = vec![0usize; n];
    let rows = t.header().into_iter().chain(t.row_iter());
    for row in rows {
        for (i, cell) in row.cell_iter().enumerate().take(n) {
            for line in cell.content().lines() {
                widest_line[i] = widest_line[i].max(line.chars().count());
                let word = line.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0);
                longest_word[i] = longest_word[i].max(word);
            }
        }
    }
    for i in 0..n {
        let word = longest_word[i].min(WHOLE_WORD_MAX);
        let fixed = |w: usize| Width::Fixed(u16::try_from(w + PADDING).unwrap_or(u16::MAX));
        let constraint = if flexible.contains(&i) {
            ColumnConstraint::LowerBoundary(fixed(word))
        } else {
            ColumnConstraint::Absolute(fixed(widest_line[i].min(WHOLE_COLUMN_MAX).max(word)))
        };
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(constraint);
        }
    }
}

/// A long document name shortened for a column head: the start and the end
/// (`000_…cab.txt`), the full name being in the evidence list.
pub fn short_name(name: &str) -> String {
    const HEAD: usize = 4;
    const TAIL: usize = 7;
    let n = name.chars().count();
    if n <= HEAD + TAIL + 5 {
        return name.to_string();
    }
    let head: String = name.chars().take(HEAD).collect();
    let tail: String = name.chars().skip(n - TAIL).collect();
    format!("{head}…{tail}")
}

/// Shortens text to `max` characters for table cells.
pub fn clip(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max { s } else { format!("{}…", s.chars().take(max.saturating_sub(1)).collect::<String>()) }
}

/// A CSV field, quoted when needed.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

pub(crate) fn md_escape(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|").replace('*', "\\*").replace('_', "\\_")
}

pub(crate) fn html_escape(s: &str) -> String {
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

/// Escapes a GitHub workflow command's message or property value.
pub(crate) fn gh_escape(s: &str, property: bool) -> String {
    let s = s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    if property { s.replace(':', "%3A").replace(',', "%2C") } else { s }
}

pub(crate) fn label_class(l: &str) -> String {
    l.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect()
}

/// Colour for terminal output: labels, passes and failures, locations. Off
/// (the default) it writes the text unchanged, so piped output, files and
/// `NO_COLOR` get no escape codes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Paint {
    /// Whether to colour.
    pub on: bool,
}

/// The hue of a label's colour, the same in every renderer: red, blue and
/// green for the built-in labels, a hue from the name for any other.
pub(crate) fn label_hue(label: &str) -> u32 {
    match label {
        "deterrence" => 0,
        "restraint" => 212,
        "de-escalation" => 125,
        other => label_hash(other) % 360,
    }
}

/// The ANSI foreground colour nearest a hue.
fn ansi_of_hue(hue: u32) -> u8 {
    match hue % 360 {
        30..90 => 33,
        90..150 => 32,
        150..195 => 36,
        195..255 => 34,
        255..330 => 35,
        _ => 31,
    }
}

impl Paint {
    /// Colouring on or off.
    pub fn new(on: bool) -> Paint {
        Paint { on }
    }

    fn wrap(self, code: &str, s: &str) -> String {
        if self.on { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }

    /// A stance label in its colour (the same label, the same colour, in every run).
    pub fn label(self, l: &str) -> String {
        self.wrap(&ansi_of_hue(label_hue(l)).to_string(), l)
    }

    /// Something that holds (green).
    pub fn pass(self, s: &str) -> String {
        self.wrap("32", s)
    }

    /// Something that failed, an error (bold red).
    pub fn fail(self, s: &str) -> String {
        self.wrap("1;31", s)
    }

    /// A location or a name to find (bold).
    pub fn bold(self, s: &str) -> String {
        self.wrap("1", s)
    }

    /// Secondary text (dim).
    pub fn dim(self, s: &str) -> String {
        self.wrap("2", s)
    }
}

/// A stable hash of a label name, so a user's label keeps its colour.
pub(crate) fn label_hash(l: &str) -> u32 {
    (crate::text::fingerprint(l.bytes()) >> 32) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paint_off_is_plain_text_and_on_wraps_labels_in_stable_colours() {
        assert_eq!(Paint::new(false).label("deterrence"), "deterrence");
        assert_eq!(Paint::new(true).label("deterrence"), "\x1b[31mdeterrence\x1b[0m");
        let user = Paint::new(true).label("mediation");
        assert!(user.starts_with("\x1b[") && user.contains("mediation"));
        assert_eq!(user, Paint::new(true).label("mediation"));
    }

    #[test]
    fn short_names_keep_start_and_end() {
        assert_eq!(short_name("000_71636f7864169cab.txt"), "000_…cab.txt");
        assert_eq!(short_name("brief.txt"), "brief.txt");
    }
}
