//! # stance
//!
//! Reads news articles and interview transcripts, finds who said what
//! (direct quotes and reported speech), resolves each speaker to the actor
//! they speak for, classifies the stance of each statement with rules kept
//! in TOML, and lines positions up across sources.
//!
//! The pipeline, one stage per module, one named type between stages
//! (imports run one way: [`engine`] -> stages -> [`model`] and the text,
//! pattern and data-file layers):
//!
//! | stage | module | produces |
//! | --- | --- | --- |
//! | read inputs, header, furniture | `ingest` | [`Document`] |
//! | normalise, tokenize, segment | `prepare` (over `text`) | [`Text`] |
//! | find and resolve speakers | `attribute` | mentions, [`Speaker`] |
//! | statements and transcript turns | `extract` | [`Statement`] |
//! | stance labels | `classify` | [`Classified`], one document's [`Analysis`] |
//! | positions across sources | [`compare`] | [`compare::PositionTable`] |
//! | claims for CI | [`check`] | [`check::Outcome`] |
//! | accuracy against gold | [`eval`] | [`eval::Scores`] |
//! | text, JSON, CSV, Markdown, HTML | [`report`] | strings |
//!
//! [`Engine`] compiles the data files once (`rules/`, embedded in the
//! binary, or a user's `--rules DIR`) and runs a document through the stages.
//! The library never prints; [`report`] renders values into text and the
//! binary writes it.

mod attribute;
pub mod check;
mod classify;
pub mod compare;
mod config;
pub mod engine;
pub mod error;
pub mod eval;
mod extract;
#[doc(hidden)]
pub mod fuzzing;
pub mod ingest;
pub mod model;
mod pattern;
mod prepare;
pub mod report;
mod text;

pub use classify::rules::{Label, Rule, RuleSet};
pub use classify::ruletest::{Case, RuleTestFailure};
pub use config::{DataFile, builtin_files};
pub use engine::Engine;
pub use error::{Diagnostic, InputError};
pub use ingest::{Limits, Loaded};
pub use model::{Analysis, Classified, DocKind, Document, Kind, Record, Speaker, Statement, Text};
pub use text::date::Date;
