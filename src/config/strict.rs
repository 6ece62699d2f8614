//! Strict reading of TOML data files, reporting every problem in one run.
//!
//! A data file is read in two steps: the TOML syntax (all syntax errors the
//! parser can recover from), then the schema. Arrays of tables (`[[rule]]`,
//! `[[actor]]`) are checked item by item, so a file with three broken rules
//! gets three messages, each with its line and column. Every raw type these
//! helpers fill uses `deny_unknown_fields`: an unknown key is an error.

use crate::config::DataFile;
use crate::error::Diagnostic;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

/// A parsed file: the root table, with spans into the file text.
pub(crate) struct Root<'a> {
    file: &'a DataFile,
    table: Spanned<DeTable<'a>>,
}

impl<'a> Root<'a> {
    /// Parses the syntax of `file`; every recoverable syntax error is reported.
    pub(crate) fn parse(file: &'a DataFile) -> Result<Root<'a>, Vec<Diagnostic>> {
        let (table, errors) = DeTable::parse_recoverable(&file.text);
        if errors.is_empty() { Ok(Root { file, table }) } else { Err(errors.iter().map(|e| Diagnostic::from_toml(&file.path, &file.text, e)).collect()) }
    }

    /// Deserializes the whole file into `T` (for files without item arrays,
    /// or to check top-level keys with item arrays typed as `IgnoredAny`).
    pub(crate) fn whole<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        let value = Spanned::new(self.table.span(), DeValue::Table(self.table.get_ref().clone()));
        T::deserialize(ValueDeserializer::from(value)).map_err(|e| Diagnostic::from_toml(&self.file.path, &self.file.text, &e))
    }

    /// Deserializes each item of the array of tables `key` on its own; items
    /// that fail are reported in `diags` and left out. Returns each item with
    /// the byte offset where it starts.
    pub(crate) fn items<T: DeserializeOwned>(&self, key: &str, diags: &mut Vec<Diagnostic>) -> Vec<(T, usize)> {
        let Some(value) = self.table.get_ref().get(key) else { return Vec::new() };
        let DeValue::Array(items) = value.get_ref() else {
            diags.push(self.diag(value.span().start, format!("`{key}` must be an array of tables (`[[{key}]]`)")));
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            let at = item.span().start;
            if let Some(v) = self.item(item.clone(), diags) {
                out.push((v, at));
            }
        }
        out
    }

    /// One item, with every problem of it reported: a key that is unknown or
    /// has a value of the wrong type is reported, left out, and the item
    /// read again, so the next problem (and the checks that need the item,
    /// such as its patterns) are reported in the same run.
    fn item<T: DeserializeOwned>(&self, mut item: Spanned<DeValue<'a>>, diags: &mut Vec<Diagnostic>) -> Option<T> {
        let mut dropped: Vec<String> = Vec::new();
        loop {
            match T::deserialize(ValueDeserializer::from(item.clone())) {
                Ok(v) => return Some(v),
                Err(e) => {
                    let message = e.message();
                    // A key left out only to read on is no new problem.
                    if !dropped.iter().any(|k| message.contains(&format!("missing field `{k}`"))) {
                        diags.push(Diagnostic::from_toml(&self.file.path, &self.file.text, &e));
                    }
                    let DeValue::Table(table) = item.get_mut() else { return None };
                    let unknown = message.strip_prefix("unknown field `").and_then(|m| m.split('`').next()).map(str::to_string);
                    let culprit = unknown.or_else(|| {
                        let span = e.span()?;
                        table
                            .iter()
                            .find(|(k, v)| k.span().start == span.start || (v.span().start <= span.start && span.start < v.span().end))
                            .map(|(k, _)| k.get_ref().to_string())
                    });
                    match culprit {
                        Some(key) if !dropped.contains(&key) && table.remove(key.as_str()).is_some() => dropped.push(key),
                        _ => return None,
                    }
                }
            }
        }
    }

    /// The path shown in messages.
    pub(crate) fn path(&self) -> &str {
        &self.file.path
    }

    /// Whether the root table has `key`.
    pub(crate) fn has(&self, key: &str) -> bool {
        self.table.get_ref().get(key).is_some()
    }

    /// Whether the file is a built-in default.
    pub(crate) fn builtin(&self) -> bool {
        self.file.builtin
    }

    /// A diagnostic at byte `offset` of this file.
    pub(crate) fn diag(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(&self.file.path, &self.file.text, offset, message)
    }
}

/// Reads a whole file into `T` strictly (syntax, then schema).
pub(crate) fn parse_whole<T: DeserializeOwned>(file: &DataFile) -> Result<T, Vec<Diagnostic>> {
    let root = Root::parse(file)?;
    root.whole().map_err(|d| vec![d])
}
