//! Lines as people's files have them: ended by `\n`, `\r\n`, a lone `\r`
//! (old Mac files), U+2028 (line separator) or U+2029 (paragraph
//! separator). Every part of the tool that reads lines (headers, titles,
//! furniture, speaker labels) goes through here, so a file with unusual
//! line ends is read like any other.

use std::ops::Range;

/// One line of a text: its content and the range including its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// The line without its end.
    pub content: &'a str,
    /// Byte range of the content in the text.
    pub range: Range<usize>,
    /// Byte offset just after the line end (the next line's start).
    pub next: usize,
    /// Whether the line ends a paragraph by itself (U+2029).
    pub paragraph_end: bool,
}

/// The lines of `text`, with byte ranges relative to `text`.
pub fn lines(text: &str) -> Lines<'_> {
    Lines { text, at: 0 }
}

/// Iterator over the lines of a text.
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        if self.at >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.at..];
        let start = self.at;
        let bytes = rest.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    self.at = start + i + 1;
                    return Some(Line { content: &rest[..i], range: start..start + i, next: self.at, paragraph_end: false });
                }
                b'\r' => {
                    let len = if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                    self.at = start + i + len;
                    return Some(Line { content: &rest[..i], range: start..start + i, next: self.at, paragraph_end: false });
                }
                // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
                0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => {
                    self.at = start + i + 3;
                    let paragraph_end = bytes[i + 2] == 0xA9;
                    return Some(Line { content: &rest[..i], range: start..start + i, next: self.at, paragraph_end });
                }
                // Nothing else ends a line: jump to the next byte that may.
                _ => i += 1 + memchr::memchr3(b'\n', b'\r', 0xE2, &bytes[i + 1..]).unwrap_or(bytes.len() - i - 1),
            }
        }
        self.at = self.text.len();
        Some(Line { content: rest, range: start..self.text.len(), next: self.text.len(), paragraph_end: false })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(s: &str) -> Vec<&str> {
        lines(s).map(|l| l.content).collect()
    }

    #[test]
    fn every_line_end_ends_a_line() {
        assert_eq!(contents("a\nb\r\nc\rd\u{2028}e\u{2029}f"), ["a", "b", "c", "d", "e", "f"]);
        assert_eq!(contents("one\n\ntwo\n"), ["one", "", "two"]);
        assert_eq!(contents(""), Vec::<&str>::new());
    }

    #[test]
    fn ranges_point_into_the_text() {
        let s = "ab\r\ncd\u{2029}ef";
        for l in lines(s) {
            assert_eq!(&s[l.range.clone()], l.content);
        }
        assert!(lines(s).nth(1).unwrap().paragraph_end);
    }
}
