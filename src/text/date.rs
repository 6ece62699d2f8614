//! Calendar dates as documents write them, read into one ISO type.
//!
//! Documents date themselves in bylines (`3 March 2025 - 08:10`,
//! `April 17, 2024`), ISO strings (`2024-04-17`), compact tags
//! (`20240813`) and European numeric dates (`17.04.2024`). Offices in the
//! actor table are valid between dates, and comparison columns are ordered
//! by date, so every date becomes a [`Date`] here. Slash dates (`04/05/2024`)
//! are ambiguous between conventions and deliberately not read.

use regex::Regex;
use serde::{Serialize, Serializer};
use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year (four digits).
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl Date {
    /// A date, if it exists in the calendar.
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        if !(1000..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (day <= days).then_some(Date { year: year as u16, month: month as u8, day: day as u8 })
    }

    /// Parses `YYYY-MM-DD` or `YYYYMMDD` exactly.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let digits: String = s.chars().filter(char::is_ascii_digit).collect();
        let shape_ok = (s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-') || (s.len() == 8 && digits.len() == 8);
        if !shape_ok || digits.len() != 8 {
            return None;
        }
        Date::new(digits[0..4].parse().ok()?, digits[4..6].parse().ok()?, digits[6..8].parse().ok()?)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    const MONTHS: [&str; 12] = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    MONTHS.iter().position(|m| n.len() >= 3 && m.starts_with(&n) && (n.len() == 3 || n.len() == m.len() || n == "sept")).map(|i| i as u32 + 1)
}

const MONTH: &str =
    r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

static DAY_MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(\d{{4}})\b")).expect("valid regex"));
static MONTH_DAY_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")).expect("valid regex"));
static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})(?:T|\b)").expect("valid regex"));
static DOTTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b").expect("valid regex"));
static TIME_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\s*[-|,·•@]?\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|gmt|utc|cet|cest|est|edt|bst|msk|pst|pdt|ist))*\s*$").expect("valid regex")
});
static BARE_TIME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?$").expect("valid regex"));
static RELATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago$").expect("valid regex"));

/// The first date written in `text`, with its byte range.
pub(crate) fn find_date(text: &str) -> Option<(Date, Range<usize>)> {
    // Every form has a four-digit year: most lines are let go at once.
    let b = text.as_bytes();
    if !b.windows(4).any(|w| w.iter().all(u8::is_ascii_digit)) {
        return None;
    }
    // The numeric forms need a year followed by `-` (ISO) or preceded by `.` (dotted).
    let year_at = |w: &[u8], at: usize| w[at..at + 4].iter().all(u8::is_ascii_digit);
    let iso = b.windows(5).any(|w| year_at(w, 0) && w[4] == b'-');
    let dotted = b.windows(5).any(|w| w[0] == b'.' && year_at(w, 1));
    let mut best: Option<(Date, Range<usize>)> = None;
    let mut consider = |d: Option<Date>, r: Range<usize>| {
        if let Some(d) = d
            && best.as_ref().is_none_or(|(_, b)| r.start < b.start)
        {
            best = Some((d, r));
        }
    };
    if let Some(f) = first_match(Form::DayMonthYear, text) {
        let d = month_number(f.group(text, 2)).and_then(|m| Date::new(f.group(text, 3).parse().ok()?, m, f.group(text, 1).parse().ok()?));
        consider(d, f.whole);
    }
    if let Some(f) = first_match(Form::MonthDayYear, text) {
        let d = month_number(f.group(text, 1)).and_then(|m| Date::new(f.group(text, 3).parse().ok()?, m, f.group(text, 2).parse().ok()?));
        consider(d, f.whole);
    }
    if iso && let Some(f) = first_match(Form::Iso, text) {
        let d = Date::new(f.group(text, 1).parse().ok()?, f.group(text, 2).parse().ok()?, f.group(text, 3).parse().ok()?);
        consider(d, f.whole);
    }
    if dotted && let Some(f) = first_match(Form::Dotted, text) {
        let d = Date::new(f.group(text, 3).parse().ok()?, f.group(text, 2).parse().ok()?, f.group(text, 1).parse().ok()?);
        consider(d, f.whole);
    }
    best
}

/// The written forms of a date, each one regular expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// [`DAY_MONTH_YEAR`].
    DayMonthYear,
    /// [`MONTH_DAY_YEAR`].
    MonthDayYear,
    /// [`ISO`].
    Iso,
    /// [`DOTTED`].
    Dotted,
}

/// The first match of a form in a text: its range and its three groups'.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    whole: Range<usize>,
    groups: [Range<usize>; 3],
}

impl Found {
    /// Group `i` (1 to 3, as the expression numbers them) of `text`.
    fn group<'t>(&self, text: &'t str, i: usize) -> &'t str {
        &text[self.groups[i - 1].clone()]
    }
}

/// The first match of `form` in `text`, as its regular expression finds it:
/// ASCII text (most lines) is read by hand, one pass with no captures
/// engine; other text by the expression itself.
fn first_match(form: Form, text: &str) -> Option<Found> {
    if text.is_ascii() {
        return ascii::first_match(form, text.as_bytes());
    }
    regex_match(form, text)
}

/// [`first_match`] by the regular expression.
fn regex_match(form: Form, text: &str) -> Option<Found> {
    let re = match form {
        Form::DayMonthYear => &DAY_MONTH_YEAR,
        Form::MonthDayYear => &MONTH_DAY_YEAR,
        Form::Iso => &ISO,
        Form::Dotted => &DOTTED,
    };
    let c = re.captures(text)?;
    let group = |i: usize| c.get(i).expect("every group takes part").range();
    Some(Found { whole: c.get(0).expect("whole match").range(), groups: [group(1), group(2), group(3)] })
}

/// The date expressions read by hand on ASCII text, each step what the
/// expression does there (`\d` is `[0-9]`, `\s` is `[\t\n\x0B\x0C\r ]`,
/// `\b` is between `[0-9A-Za-z_]` and anything else). Where the expression
/// could backtrack, the other choice is the one that fails: a shorter day
/// leaves a digit where a letter, a space or a period must follow.
mod ascii {
    use super::{Form, Found};
    use std::ops::Range;

    fn is_word(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'_'
    }

    fn is_space(b: u8) -> bool {
        matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
    }

    /// How many of `b[at..]` pass `f`, at most `max`.
    fn run(b: &[u8], at: usize, max: usize, f: impl Fn(u8) -> bool) -> usize {
        b.get(at..).map_or(0, |rest| rest.iter().take(max).take_while(|&&c| f(c)).count())
    }

    /// `(?:st|nd|rd|th)?`: the bytes it takes at `at`.
    fn ordinal(b: &[u8], at: usize) -> usize {
        match b.get(at..at + 2) {
            Some(s) if ["st", "nd", "rd", "th"].iter().any(|o| s.eq_ignore_ascii_case(o.as_bytes())) => 2,
            _ => 0,
        }
    }

    /// `(Jan(?:uary)?|...|Dec(?:ember)?)` at `at`, followed by no letter:
    /// its length.
    fn month(b: &[u8], at: usize) -> Option<usize> {
        let len = run(b, at, usize::MAX, |c| c.is_ascii_alphabetic());
        // Every spelling has three to nine letters.
        if !(3..=9).contains(&len) {
            return None;
        }
        let mut word = [0u8; 9];
        word[..len].copy_from_slice(&b[at..at + len]);
        word.make_ascii_lowercase();
        matches!(
            &word[..len],
            b"jan"
                | b"january"
                | b"feb"
                | b"february"
                | b"mar"
                | b"march"
                | b"apr"
                | b"april"
                | b"may"
                | b"jun"
                | b"june"
                | b"jul"
                | b"july"
                | b"aug"
                | b"august"
                | b"sep"
                | b"sept"
                | b"sepember"
                | b"september"
                | b"oct"
                | b"october"
                | b"nov"
                | b"november"
                | b"dec"
                | b"december"
        )
        .then_some(len)
    }

    /// `\s+` at `at`: where it ends, if it takes a byte.
    fn spaces(b: &[u8], at: usize) -> Option<usize> {
        let n = run(b, at, usize::MAX, is_space);
        (n > 0).then_some(at + n)
    }

    /// `(\d{4})\b` at `at`: the year's range.
    fn year(b: &[u8], at: usize) -> Option<Range<usize>> {
        (run(b, at, 4, |c| c.is_ascii_digit()) == 4 && b.get(at + 4).is_none_or(|&c| !is_word(c))).then_some(at..at + 4)
    }

    /// `\d{1,n}`, as many as there are: its range.
    fn digits(b: &[u8], at: usize, n: usize) -> Option<Range<usize>> {
        let k = run(b, at, n, |c| c.is_ascii_digit());
        (k > 0).then_some(at..at + k)
    }

    /// `byte` at `at`, taken if it is there (`x?`).
    fn optional(b: &[u8], at: usize, byte: u8) -> usize {
        at + usize::from(b.get(at) == Some(&byte))
    }

    /// `byte` at `at`, required.
    fn exactly(b: &[u8], at: usize, byte: u8) -> Option<usize> {
        (b.get(at) == Some(&byte)).then_some(at + 1)
    }

    /// `\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?MONTH\.?,?\s+(\d{4})\b`
    fn day_month_year(b: &[u8], s: usize) -> Option<Found> {
        let day = digits(b, s, 2)?;
        let mut p = spaces(b, day.end + ordinal(b, day.end))?;
        if b[p..].len() >= 2
            && b[p..p + 2].eq_ignore_ascii_case(b"of")
            && let Some(q) = spaces(b, p + 2)
        {
            p = q;
        }
        let month = p..p + month(b, p)?;
        let p = spaces(b, optional(b, optional(b, month.end, b'.'), b','))?;
        let year = year(b, p)?;
        Some(Found { whole: s..year.end, groups: [day, month, year] })
    }

    /// `\bMONTH\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`
    fn month_day_year(b: &[u8], s: usize) -> Option<Found> {
        let month = s..s + month(b, s)?;
        let day = digits(b, spaces(b, optional(b, month.end, b'.'))?, 2)?;
        let p = spaces(b, optional(b, day.end + ordinal(b, day.end), b','))?;
        let year = year(b, p)?;
        Some(Found { whole: s..year.end, groups: [month, day, year] })
    }

    /// `\b(\d{4})-(\d{2})-(\d{2})(?:T|\b)`
    fn iso(b: &[u8], s: usize) -> Option<Found> {
        let two = |at: usize| (run(b, at, 2, |c| c.is_ascii_digit()) == 2).then_some(at..at + 2);
        let year = (run(b, s, 4, |c| c.is_ascii_digit()) == 4).then_some(s..s + 4)?;
        let month = two(exactly(b, year.end, b'-')?)?;
        let day = two(exactly(b, month.end, b'-')?)?;
        let end = match b.get(day.end) {
            Some(b'T') => day.end + 1,
            Some(&c) if is_word(c) => return None,
            _ => day.end,
        };
        Some(Found { whole: s..end, groups: [year, month, day] })
    }

    /// `\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`
    fn dotted(b: &[u8], s: usize) -> Option<Found> {
        let day = digits(b, s, 2)?;
        let month = digits(b, exactly(b, day.end, b'.')?, 2)?;
        let year = year(b, exactly(b, month.end, b'.')?)?;
        Some(Found { whole: s..year.end, groups: [day, month, year] })
    }

    /// The leftmost match of `form` in ASCII `b`.
    pub(super) fn first_match(form: Form, b: &[u8]) -> Option<Found> {
        (0..b.len()).filter(|&s| is_word(b[s]) && (s == 0 || !is_word(b[s - 1]))).find_map(|s| match form {
            Form::DayMonthYear => day_month_year(b, s),
            Form::MonthDayYear => month_day_year(b, s),
            Form::Iso => iso(b, s),
            Form::Dotted => dotted(b, s),
        })
    }
}

/// Whether a line is only a timestamp: a date, optionally with a time
/// (`3 June 2023 - 09:15`), or a bare time or relative time (`2 hours ago`).
pub(crate) fn is_timestamp_line(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.len() > 60 {
        return false;
    }
    // A relative time ends in "ago"; a bare time opens with a digit and is
    // read, like a date, only in a line with an ASCII digit: most lines are
    // let go here.
    let ends_ago = line.len() > 3 && line.is_char_boundary(line.len() - 3) && line[line.len() - 3..].eq_ignore_ascii_case("ago");
    if (ends_ago && RELATIVE.is_match(line)) || (line.starts_with(char::is_numeric) && line.bytes().any(|b| b.is_ascii_digit()) && BARE_TIME.is_match(line)) {
        return true;
    }
    let Some((_, r)) = find_date(line) else { return false };
    let lead_ok = line[..r.start].split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        w.is_empty() || ["updated", "published", "posted", "mon", "tue", "wed", "thu", "fri", "sat", "sun"].iter().any(|p| w.starts_with(p))
    });
    lead_ok && TIME_TAIL.is_match(&line[r.end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        find_date(s).map(|(d, _)| d.to_string())
    }

    #[test]
    fn byline_formats() {
        assert_eq!(d("OPINION  3 March 2025 - 08:10").as_deref(), Some("2025-03-03"));
        assert_eq!(d("Published April 17, 2024 at 9am").as_deref(), Some("2024-04-17"));
        assert_eq!(d("Apr. 3, 2023").as_deref(), Some("2023-04-03"));
        assert_eq!(d("posted 2024-04-17T10:00Z").as_deref(), Some("2024-04-17"));
        assert_eq!(d("on the 3rd of September 2022").as_deref(), Some("2022-09-03"));
        assert_eq!(d("17.04.2024").as_deref(), Some("2024-04-17"));
        assert_eq!(d("Sept 9 2021").as_deref(), Some("2021-09-09"));
    }

    #[test]
    fn earliest_date_in_text_wins() {
        assert_eq!(d("2024-01-02 and 3 March 2025").as_deref(), Some("2024-01-02"));
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert_eq!(d("31 February 2024"), None);
        assert_eq!(Date::parse_iso("20240230"), None);
        assert_eq!(Date::parse_iso("20240813").map(|d| d.to_string()).as_deref(), Some("2024-08-13"));
        assert_eq!(Date::parse_iso("2024-08-13").map(|d| d.to_string()).as_deref(), Some("2024-08-13"));
        assert_eq!(Date::parse_iso("2024-8-13"), None);
    }

    #[test]
    fn no_false_months() {
        assert_eq!(d("Iran may respond in 2024"), None);
        assert_eq!(d("the 300 drones"), None);
    }

    #[test]
    fn ascii_reading_finds_what_the_expressions_find() {
        // Dates in each form, their parts drawn from right and near-miss
        // spellings, one or two to a text (a fixed seed): every form's
        // first match must agree with its expression.
        const NOISE: &[&str] = &["", "x", "(", "_", "a1", "Updated ", "on the ", "9", " - ", "12:30 "];
        const DAY: &[&str] = &["1", "12", "123", "", "0", "31", "1a", "07"];
        const ORDINAL: &[&str] = &["", "st", "ND", "rd", "th", "x"];
        const SPACE: &[&str] = &[" ", "  ", "\t", "\x0b", "\x0c", "\r", "\n", "\x1c", ""];
        const OF: &[&str] = &["", "of ", "Of\t", "of", "off "];
        const MONTH: &[&str] = &[
            "Jan", "january", "FEB", "February", "Mar", "march", "Apr", "April", "may", "Jun", "JUNE", "Jul", "July", "Aug", "august", "Sep", "Sept",
            "Sepember", "SEPTEMBER", "Oct", "October", "Nov", "november", "Dec", "December", "Janu", "Mayo", "Ma", "Junee", "Septe",
        ];
        const DOT: &[&str] = &["", ".", ".."];
        const COMMA: &[&str] = &["", ",", ",,"];
        const YEAR: &[&str] = &["2024", "20245", "202", "2024a", "2024_", "1999"];
        const TWO: &[&str] = &["04", "4", "17", "123", "99"];
        const TAIL: &[&str] = &["", " 09:30", "T", "t", "x", ".", "-04-17", "-04-17T10", ".04.2024", "_"];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut pick = |list: &[&'static str]| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            list[(seed % list.len() as u64) as usize]
        };
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..if pick(&["1", "2"]) == "1" { 1 } else { 2 } {
                let parts: Vec<&str> = match pick(&["dmy", "mdy", "iso", "dotted"]) {
                    "dmy" => vec![pick(NOISE), pick(DAY), pick(ORDINAL), pick(SPACE), pick(OF), pick(MONTH), pick(DOT), pick(COMMA), pick(SPACE), pick(YEAR)],
                    "mdy" => vec![pick(NOISE), pick(MONTH), pick(DOT), pick(SPACE), pick(DAY), pick(ORDINAL), pick(COMMA), pick(SPACE), pick(YEAR)],
                    "iso" => vec![pick(NOISE), pick(YEAR), pick(&["-", "", "."]), pick(TWO), pick(&["-", "/"]), pick(TWO)],
                    _ => vec![pick(NOISE), pick(DAY), pick(&[".", ""]), pick(TWO), pick(&[".", "-"]), pick(YEAR)],
                };
                text.extend(parts);
                text.push_str(pick(TAIL));
            }
            for form in [Form::DayMonthYear, Form::MonthDayYear, Form::Iso, Form::Dotted] {
                assert_eq!(ascii::first_match(form, text.as_bytes()), regex_match(form, &text), "{form:?} in {text:?}");
            }
        }
    }

    #[test]
    fn timestamp_lines() {
        assert!(is_timestamp_line("3 June 2023 - 09:15"));
        assert!(is_timestamp_line("    May 18, 2024"));
        assert!(is_timestamp_line("3 hours ago"));
        assert!(is_timestamp_line("Updated: 2024-05-18 10:15 GMT"));
        assert!(!is_timestamp_line("OPINION  3 March 2025 - 08:10"));
        assert!(!is_timestamp_line("Iran fired missiles on 13 April 2024"));
        assert!(!is_timestamp_line(""));
        assert!(is_timestamp_line("12:30 p.m."));
        assert!(is_timestamp_line("an hour ago"));
        assert!(!is_timestamp_line("The talks resumed a year ago"));
        assert!(!is_timestamp_line("12 ministers met"));
        // Only ASCII digits are read as a time.
        assert!(!is_timestamp_line("١٢:٣٠"));
    }
}
