//! README.md starts with the two set-up commands, and .ci/run runs the README's test command.

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
