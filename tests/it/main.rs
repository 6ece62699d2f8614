//! Integration tests: one binary, one module per area. CLI cases live as
//! data files in `tests/cmd/` (trycmd): arguments, expected stdout, stderr
//! and exit status.

mod cli_cases;
mod compare;
mod conventions;
mod eval;
mod feedback;
mod github;
mod hostile;
mod ingest;
mod layout;
mod layouts;
mod linear;
mod properties;
mod robust;
