//! Runs every CLI case in `tests/cmd/*.toml` against the built binary.
//! Regenerate expected output after an intended change with
//! `TRYCMD=overwrite cargo test --test it cli_cases`.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
