//! The two kinds of problem the library reports: data-file diagnostics
//! (every problem in a rule, actor or lexicon file, each with
//! `file:line:col`) and input errors (one per unreadable document; the
//! other documents are still processed). The binary maps them to exit codes.

use std::fmt;

/// A problem in a data file, located by line and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Path shown to the user.
    pub file: String,
    /// 1-based line (0 when the problem concerns the whole file).
    pub line: usize,
    /// 1-based column in characters (0 when the problem concerns the whole file).
    pub col: usize,
    /// What is wrong and, where possible, how to fix it.
    pub message: String,
}

impl Diagnostic {
    /// A problem at byte `offset` of `text`.
    pub fn at(file: &str, text: &str, offset: usize, message: impl Into<String>) -> Diagnostic {
        let offset = offset.min(text.len());
        let mut offset = offset;
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = text[line_start..offset].chars().count() + 1;
        Diagnostic { file: file.to_string(), line, col, message: message.into() }
    }

    /// A problem with a whole file.
    pub fn file(file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic { file: file.to_string(), line: 0, col: 0, message: message.into() }
    }

    /// A TOML parse or schema error from the `toml` crate.
    pub fn from_toml(file: &str, text: &str, err: &toml::de::Error) -> Diagnostic {
        let msg = err.message().trim().to_string();
        match err.span() {
            Some(span) => Diagnostic::at(file, text, span.start, msg),
            None => Diagnostic::file(file, msg),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 { write!(f, "{}: {}", self.file, self.message) } else { write!(f, "{}:{}:{}: {}", self.file, self.line, self.col, self.message) }
    }
}

/// A document that could not be read; the other documents are still processed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The path as given (or `-` for standard input).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let text = "a = 1\nbé = \"x\"\n";
        let d = Diagnostic::at("f.toml", text, text.find('=').unwrap(), "m");
        assert_eq!((d.line, d.col), (1, 3));
        let d = Diagnostic::at("f.toml", text, text.find("\"x").unwrap(), "m");
        assert_eq!((d.line, d.col), (2, 6));
        assert_eq!(d.to_string(), "f.toml:2:6: m");
    }
}
