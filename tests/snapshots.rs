//! The tables users read, pinned: a change of layout or of a figure shows up as a snapshot diff
//! to review (`cargo insta review`, or `INSTA_UPDATE=always cargo test` and `git diff`).

use std::process::Command;

fn route(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_route"))
        .args(args)
        .output()
        .expect("run route");
    assert!(
        out.status.success(),
        "route {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn compare_via_suez_table() {
    insta::assert_snapshot!(route(&["compare", "--via", "suez"]));
}

#[test]
fn find_nhava_sheva_astrakhan_table() {
    insta::assert_snapshot!(route(&[
        "find",
        "--from",
        "Nhava Sheva",
        "--to",
        "Astrakhan",
        "--by",
        "time"
    ]));
}

#[test]
fn sensitivity_via_suez_table() {
    insta::assert_snapshot!(route(&["sensitivity", "--via", "suez"]));
}

#[test]
fn profiles_table() {
    insta::assert_snapshot!(route(&["profiles"]));
}
