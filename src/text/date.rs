//! Calendar dates as documents write them, read into one ISO type.
//!
//! Documents date themselves in bylines (`17 April 2024 - 16:56`,
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
    if let Some(c) = DAY_MONTH_YEAR.captures(text) {
        let d = month_number(&c[2]).and_then(|m| Date::new(c[3].parse().ok()?, m, c[1].parse().ok()?));
        consider(d, c.get(0).expect("whole match").range());
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(text) {
        let d = month_number(&c[1]).and_then(|m| Date::new(c[3].parse().ok()?, m, c[2].parse().ok()?));
        consider(d, c.get(0).expect("whole match").range());
    }
    if iso && let Some(c) = ISO.captures(text) {
        let d = Date::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        consider(d, c.get(0).expect("whole match").range());
    }
    if dotted && let Some(c) = DOTTED.captures(text) {
        let d = Date::new(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?);
        consider(d, c.get(0).expect("whole match").range());
    }
    best
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
        assert_eq!(d("OPINION  17 April 2024 - 16:56").as_deref(), Some("2024-04-17"));
        assert_eq!(d("Published April 17, 2024 at 9am").as_deref(), Some("2024-04-17"));
        assert_eq!(d("Apr. 3, 2023").as_deref(), Some("2023-04-03"));
        assert_eq!(d("posted 2024-04-17T10:00Z").as_deref(), Some("2024-04-17"));
        assert_eq!(d("on the 3rd of September 2022").as_deref(), Some("2022-09-03"));
        assert_eq!(d("17.04.2024").as_deref(), Some("2024-04-17"));
        assert_eq!(d("Sept 9 2021").as_deref(), Some("2021-09-09"));
    }

    #[test]
    fn earliest_date_in_text_wins() {
        assert_eq!(d("2024-01-02 and 17 April 2024").as_deref(), Some("2024-01-02"));
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
    fn timestamp_lines() {
        assert!(is_timestamp_line("3 June 2023 - 09:15"));
        assert!(is_timestamp_line("    May 18, 2024"));
        assert!(is_timestamp_line("3 hours ago"));
        assert!(is_timestamp_line("Updated: 2024-05-18 10:15 GMT"));
        assert!(!is_timestamp_line("OPINION  17 April 2024 - 16:56"));
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
