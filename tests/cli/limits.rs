//! Issue 13: every input a user can give either works or is refused with the key, the value
//! and what is allowed; nothing reaches the router that could make a negative, infinite or
//! overflowing number.

use super::*;

fn assumptions_with(replace: &str, by: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/assumptions.toml"
    ))
    .unwrap();
    assert!(text.contains(replace), "{replace}");
    let dir =
        std::env::temp_dir().join(format!("route-limits-{}-{}", std::process::id(), by.len()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("assumptions.toml");
    std::fs::write(&file, text.replacen(replace, by, 1)).unwrap();
    file
}

/// The reproductions of the issue, each refused with exit 2 and a message naming the key and
/// the value (it had printed `inf`, `NaN`, `null`, negative times, or looped).
#[test]
fn impossible_numbers_are_refused_where_they_enter() {
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "compare",
                "--via",
                "suez",
                "--set",
                "cost.sea.container=1e308",
            ],
            "cost.sea.container = 1e308",
        ),
        (
            &[
                "compare",
                "--via",
                "suez",
                "--set",
                "co2e.rail.diesel=1e308",
            ],
            "co2e.rail.diesel = 1e308",
        ),
        (
            &[
                "find",
                "--from",
                "Nhava Sheva",
                "--to",
                "Moscow",
                "--set",
                "dwell.port_call=1e308",
            ],
            "dwell.port_call = 1e308",
        ),
        (
            &["compare", "--via", "suez", "--set", "speed.sea.container=0"],
            "speed.sea.container = 0",
        ),
        (
            &[
                "compare",
                "--via",
                "suez",
                "--set",
                "cost.empty_return_share=1.5",
            ],
            "cost.empty_return_share = 1.5",
        ),
        (
            &["compare", "--via", "suez", "--cargo-tonnes", "1e308"],
            "--cargo-tonnes 1e308",
        ),
        (
            &["compare", "--via", "suez", "--cargo-tonnes", "5e-324"],
            "--cargo-tonnes 5e-324",
        ),
    ];
    for (args, names) in cases {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stdout(&o));
        let e = stderr(&o);
        assert!(
            e.contains(names) && (e.contains(" to ") || e.contains("at most")),
            "{args:?}: {e}"
        );
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

/// A range in the assumptions file below zero is refused with the file, the line and the key
/// (`low = -500` on the port call had sent `sensitivity` into negative-cost cycles, and
/// `compare --samples` to a P10 of −11.9 days).
#[test]
fn an_assumptions_file_with_a_negative_range_is_refused() {
    let file = assumptions_with("value = 72.0\nlow = 24.0", "value = 72.0\nlow = -500.0");
    let f = file.to_str().unwrap();
    for args in [
        &["--assumptions", f, "sensitivity", "--via", "suez"][..],
        &[
            "--assumptions",
            f,
            "compare",
            "--via",
            "suez",
            "--samples",
            "500",
        ],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = stderr(&o);
        assert!(
            e.contains("assumptions.toml:") && e.contains("dwell.port_call") && e.contains("-500"),
            "{e}"
        );
    }
    let file = assumptions_with(
        "[dwell.caspian_wait]\nvalue = 84.0\nlow = 24.0",
        "[dwell.caspian_wait]\nvalue = 84.0\nlow = -1e308",
    );
    let o = run(&[
        "--assumptions",
        file.to_str().unwrap(),
        "sensitivity",
        "--via",
        "suez",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("dwell.caspian_wait"), "{}", stderr(&o));
}

/// Every command checks every option it is given (`list` and `export` had exited 0 with a bad
/// `--set`, an unknown `--profile` or a missing `--assumptions` file).
#[test]
fn every_command_validates_every_option() {
    for cmd in [
        &["list", "nodes"][..],
        &["export"],
        &["scenarios"],
        &["validate"],
        &["matrix", "--to", "Baku"],
    ] {
        for bad in [
            &["--set", "nope=1"][..],
            &["--set", "dwell.port_call=-1"],
            &["--profile", "nope"],
            &["--assumptions", "/nonexistent/assumptions.toml"],
        ] {
            let o = run(&[bad, cmd].concat());
            assert_eq!(o.status.code(), Some(2), "{bad:?} {cmd:?}: {}", stdout(&o));
            assert!(o.stdout.is_empty());
        }
    }
}

/// No output of the commands users run holds NaN, infinity, null where a number is
/// documented, or a negative distance, time, cost or emission.
#[test]
fn every_number_in_the_answers_is_finite_and_not_negative() {
    fn walk(v: &serde_json::Value, at: &str, bad: &mut Vec<String>) {
        match v {
            serde_json::Value::Number(n) => {
                let x = n.as_f64().unwrap();
                let signed = [
                    "delta",
                    "vs_reference",
                    "at_low",
                    "at_high",
                    "at_current",
                    "base",
                    "below",
                    "above",
                    "lon",
                    "error",
                    "difference",
                ];
                if !x.is_finite() || (x < 0.0 && !signed.iter().any(|s| at.contains(s))) {
                    bad.push(format!("{at} = {x}"));
                }
            }
            serde_json::Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, x)| walk(x, &format!("{at}[{i}]"), bad)),
            serde_json::Value::Object(o) => o
                .iter()
                .for_each(|(k, x)| walk(x, &format!("{at}.{k}"), bad)),
            _ => {}
        }
    }
    for args in [
        &[
            "compare",
            "--via",
            "suez",
            "--via",
            "cape",
            "--samples",
            "300",
        ][..],
        &["find", "--from", "Mundra", "--to", "Almaty", "--by", "co2e"],
        &[
            "matrix",
            "--from",
            "Nhava Sheva,Mundra",
            "--to",
            "instc-destinations",
        ],
        &["reach", "--within", "30d"],
        &["sensitivity", "--via", "suez", "--all"],
        &[
            "breakeven",
            "--via",
            "suez",
            "--param",
            "dwell.passage.hormuz",
        ],
        &["backtest"],
        &["profiles"],
    ] {
        let mut a = args.to_vec();
        a.extend(["--format", "json"]);
        let o = run(&a);
        assert_eq!(o.status.code(), Some(0), "{a:?}: {}", stderr(&o));
        let text = stdout(&o);
        assert!(
            !text.contains("null,") || !text.contains("_usd\":null"),
            "{a:?}"
        );
        let mut bad = Vec::new();
        walk(&json(&o), "", &mut bad);
        assert!(bad.is_empty(), "{a:?}: {bad:?}");
    }
}

/// Monte Carlo draws are capped where a run still finishes in seconds, and the cap is in the
/// help (5,000,000 draws had taken 63 s and 610 MB).
#[test]
fn monte_carlo_draws_are_capped_and_the_cap_is_stated() {
    let help = stdout(&run(&["compare", "--help"]));
    assert!(help.contains("at most 200,000"), "{help}");
    let o = run(&["compare", "--via", "suez", "--samples", "200001"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("200000"), "{}", stderr(&o));
}

/// A name of 1,000,000 characters is an input error at once (tables and the name search had
/// hung on it for over a minute).
#[test]
fn a_huge_name_is_refused_at_once() {
    let dir = std::env::temp_dir().join(format!("route-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("net.geojson");
    let name = "x".repeat(1_000_000);
    let text = format!(
        r#"{{"type":"FeatureCollection","features":[
        {{"type":"Feature","properties":{{"id":"a","name":"{name}"}},"geometry":{{"type":"Point","coordinates":[0,0]}}}},
        {{"type":"Feature","properties":{{"id":"b"}},"geometry":{{"type":"Point","coordinates":[1,0]}}}},
        {{"type":"Feature","properties":{{"from":"a","to":"b","mode":"rail"}},"geometry":{{"type":"LineString","coordinates":[[0,0],[1,0]]}}}}]}}"#
    );
    std::fs::write(&file, text).unwrap();
    let o = run(&["--network", file.to_str().unwrap(), "list", "nodes"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("`name` is 1000000 characters long"),
        "{}",
        &stderr(&o)[..300.min(stderr(&o).len())]
    );
    std::fs::remove_dir_all(&dir).ok();
}
