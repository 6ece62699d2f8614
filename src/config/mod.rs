//! The tool's data files and how they are read: the built-in defaults
//! embedded in the binary, a user's `--rules DIR` over them, and strict
//! TOML reading that reports every problem with `file:line:col`.

mod files;
pub(crate) mod strict;

pub(crate) use files::DataFiles;
pub use files::{DataFile, builtin_files};
