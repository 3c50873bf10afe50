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
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    // The footer's data fingerprint changes with every edit of data/: not what these pin.
    let Some(at) = text.rfind("embedded data") else {
        return text;
    };
    let after = at + "embedded data".len();
    let rest = &text[after..];
    let gap = rest.len() - rest.trim_start().len();
    let hex = &rest[gap..];
    if hex.len() >= 12 && hex[..12].bytes().all(|b| b.is_ascii_hexdigit()) {
        format!(
            "{}{}<fingerprint>{}",
            &text[..after],
            &rest[..gap],
            &hex[12..]
        )
    } else {
        text
    }
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
