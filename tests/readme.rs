//! README.md starts with the two set-up commands, .ci/run runs the README's test command, and
//! the README's sample outputs are what the commands print (the first command in the present,
//! then the same question in the normal world).

use std::process::Command;

const README: &str = include_str!("../README.md");
const CI: &str = include_str!("../.ci/run");

#[test]
fn readme_opens_with_the_main_job_and_the_tests() {
    let commands: Vec<&str> = README
        .lines()
        .skip_while(|l| !l.starts_with("```"))
        .skip(1)
        .take_while(|l| !l.starts_with("```"))
        .collect();
    assert_eq!(
        commands,
        ["cargo run --release -- compare --via suez", "cargo test"]
    );
}

#[test]
fn ci_runs_the_readme_test_command() {
    assert!(
        CI.lines().any(|l| l.trim() == "cargo test"),
        ".ci/run must run `cargo test`"
    );
}

/// The text block that follows `marker` in the README.
fn block_after(marker: &str) -> String {
    let rest = README
        .split(marker)
        .nth(1)
        .unwrap_or_else(|| panic!("README.md has no {marker:?}"));
    let body = rest
        .split("```text\n")
        .nth(1)
        .and_then(|b| b.split("\n```").next())
        .expect("a ```text block follows");
    format!("{body}\n")
}

fn real_output(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_route"))
        .args(args)
        .output()
        .expect("run route");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn readme_sample_output_is_the_real_output() {
    assert_eq!(
        block_after("In it the first command prints:"),
        real_output(&["compare", "--via", "suez"]),
        "README.md's sample output differs from `route compare --via suez`"
    );
    assert_eq!(
        block_after("(`route compare --via suez --scenario normal`):"),
        real_output(&["compare", "--via", "suez", "--scenario", "normal"]),
        "README.md's normal-world output differs from `route compare --via suez --scenario normal`"
    );
}

/// The README's picture of the comparison is what `compare --format svg` draws today.
#[test]
fn the_readme_picture_is_the_real_output() {
    let file = include_str!("../docs/compare.svg");
    assert!(
        file == real_output(&[
            "compare", "--via", "suez", "--via", "cape", "--format", "svg"
        ]),
        "docs/compare.svg is out of date: run `cargo run -- compare --via suez --via cape --format svg > docs/compare.svg`"
    );
}

/// The shipped manual page is what `route man` prints today.
#[test]
fn the_shipped_man_page_is_current() {
    assert!(
        include_str!("../docs/route.1") == real_output(&["man"]),
        "docs/route.1 is out of date: run `cargo run -- man > docs/route.1`"
    );
}
