//! Renderers: values from the pipeline turned into table, JSON, CSV,
//! Markdown or HTML text. Renderers return strings; the binary writes them.
//! Tables are rendered without colour and, when a width is given, wrapped
//! to it, so that the same input gives the same bytes.
//!
//! One file per output: [`docs`], [`records`], [`explain`], [`rules`],
//! [`compare`] (table, Markdown, CSV, JSON), [`html`], [`check`], [`eval`];
//! [`fmt`] holds the table style and escaping they share.

pub mod check;
pub mod compare;
pub mod docs;
pub mod eval;
pub mod explain;
pub mod fmt;
pub mod html;
pub mod records;
pub mod rules;
pub mod stats;
