//! `compare`, Monte Carlo, `sensitivity`, overrides and `assumptions`.

use super::*;

#[test]
fn compare_prints_reference_and_differences() {
    let o = mini(&[
        "compare",
        "--from",
        "alpha",
        "--to",
        "omega",
        "--reference",
        "land",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["from"]["id"], "alpha");
    assert_eq!(v["to"]["id"], "omega");
    let routes = v["routes"].as_array().unwrap();
    assert_eq!(routes.len(), 2);
    assert_eq!(routes[0]["is_reference"], true);
    let (a, b) = (
        routes[0]["time_days"].as_f64().unwrap(),
        routes[1]["time_days"].as_f64().unwrap(),
    );
    let pct = routes[1]["vs_reference"]["time_pct"].as_f64().unwrap();
    assert!((pct - (b - a) / a * 100.0).abs() < 1e-6);
    let table = stdout(&mini(&[
        "compare",
        "--from",
        "alpha",
        "--to",
        "omega",
        "--reference",
        "land",
    ]));
    assert!(
        table.lines().all(|l| l.chars().count() <= 100),
        "fits 100 columns:\n{table}"
    );
}

#[test]
fn monte_carlo_is_reproducible_by_seed() {
    let args = [
        "compare",
        "--from",
        "alpha",
        "--to",
        "omega",
        "--reference",
        "land",
        "--samples",
        "500",
        "--format",
        "json",
    ];
    let a = json(&mini(&[&args[..], &["--seed", "7"]].concat()));
    let b = json(&mini(&[&args[..], &["--seed", "7"]].concat()));
    let c = json(&mini(&[&args[..], &["--seed", "8"]].concat()));
    assert_eq!(a["uncertainty"], b["uncertainty"]);
    assert_ne!(a["uncertainty"], c["uncertainty"]);
    let s = &a["uncertainty"]["routes"][0]["time_days"];
    let (p10, p50, p90) = (
        s["p10"].as_f64().unwrap(),
        s["p50"].as_f64().unwrap(),
        s["p90"].as_f64().unwrap(),
    );
    assert!(p10 < p50 && p50 < p90, "{s}");
}

#[test]
fn sensitivity_ranks_assumptions_by_swing() {
    let o = mini(&[
        "sensitivity",
        "--from",
        "alpha",
        "--to",
        "omega",
        "--reference",
        "land",
        "--via",
        "strait",
        "--format",
        "json",
        "--all",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    let swings = v["swings"].as_array().unwrap();
    // The fixture gives ranges to speed.sea.container, dwell.port_call and dwell.gauge_change.
    assert_eq!(swings.len(), 3);
    // Without --all the rows that do not move the difference are left out, in JSON too, and
    // --top holds in JSON.
    let o = mini(&[
        "sensitivity",
        "--from",
        "alpha",
        "--to",
        "omega",
        "--reference",
        "land",
        "--via",
        "strait",
        "--format",
        "json",
    ]);
    let moving = json(&o)["swings"].as_array().unwrap().clone();
    assert!(
        moving.iter().all(|x| x["swing"].as_f64().unwrap() > 1e-9),
        "{moving:?}"
    );
    assert_eq!(
        moving.len(),
        swings
            .iter()
            .filter(|x| x["swing"].as_f64().unwrap() > 1e-9)
            .count()
    );
    let o = mini(&[
        "sensitivity",
        "--from",
        "alpha",
        "--to",
        "omega",
        "--reference",
        "land",
        "--via",
        "strait",
        "--format",
        "json",
        "--top",
        "1",
    ]);
    assert_eq!(json(&o)["swings"].as_array().unwrap().len(), 1);
    assert_eq!(
        swings[0]["key"], "speed.sea.container",
        "the sea speed moves a sea-heavy comparison most"
    );
    let s: Vec<f64> = swings
        .iter()
        .map(|x| x["swing"].as_f64().unwrap())
        .collect();
    assert!(s.windows(2).all(|w| w[0] >= w[1]), "sorted: {s:?}");
    // The base difference is the compare difference, in days.
    let c = json(&mini(&[
        "compare",
        "--from",
        "alpha",
        "--to",
        "omega",
        "--reference",
        "land",
        "--via",
        "strait",
        "--format",
        "json",
    ]));
    let d = c["routes"][1]["time_days"].as_f64().unwrap()
        - c["routes"][0]["time_days"].as_f64().unwrap();
    assert!((v["base"].as_f64().unwrap() - d).abs() < 1e-9);
}
#[test]
fn cargo_tonnes_scales_emissions_and_reports_per_tonne() {
    let base = json(&mini(&[
        "find", "--from", "alpha", "--to", "omega", "--format", "json",
    ]));
    let heavy = json(&mini(&[
        "--cargo-tonnes",
        "20",
        "find",
        "--from",
        "alpha",
        "--to",
        "omega",
        "--format",
        "json",
    ]));
    // Fixture: 10 t per TEU; 4 handlings of 10 kg each do not scale with the cargo.
    let moving = |v: &serde_json::Value| v["co2e_kg"].as_f64().unwrap() - 40.0;
    assert!((moving(&heavy) - 2.0 * moving(&base)).abs() < 1e-6);
    assert_eq!(heavy["cargo_tonnes_per_teu"], 20.0);
    let per_tonne = heavy["co2e_kg_per_tonne"].as_f64().unwrap();
    assert!((per_tonne - heavy["co2e_kg"].as_f64().unwrap() / 20.0).abs() < 1e-9);
    let o = mini(&[
        "--cargo-tonnes",
        "0",
        "find",
        "--from",
        "alpha",
        "--to",
        "omega",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn set_overrides_an_assumption_and_rejects_unknown_keys() {
    let base = json(&mini(&[
        "find", "--from", "alpha", "--to", "omega", "--format", "json",
    ]));
    let slow = json(&mini(&[
        "--set",
        "dwell.port_call=148",
        "find",
        "--from",
        "alpha",
        "--to",
        "omega",
        "--format",
        "json",
    ]));
    let d = slow["time_hours"].as_f64().unwrap() - base["time_hours"].as_f64().unwrap();
    assert!(
        (d - 200.0).abs() < 1e-6,
        "two port calls 100 h longer each: {d}"
    );
    let o = mini(&[
        "--set",
        "dwell.port_cal=1",
        "find",
        "--from",
        "alpha",
        "--to",
        "omega",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean \"dwell.port_call\""),
        "{}",
        stderr(&o)
    );
    let o = mini(&[
        "--set",
        "speed.sea.container=0",
        "find",
        "--from",
        "alpha",
        "--to",
        "omega",
    ]);
    assert_eq!(o.status.code(), Some(2));
    // A ship must move: the domain of a speed in knots is named.
    assert!(
        stderr(&o).contains("speed.sea.container = 0") && stderr(&o).contains("kn must be 1 to 40"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn assumptions_lists_every_key_with_unit_and_source() {
    let o = mini(&["assumptions", "--format", "json"]);
    let v = json(&o);
    let list = v.as_array().unwrap();
    assert!(list.len() > 30);
    assert!(
        list.iter()
            .all(|p| p["unit"].is_string() && p["source"].is_string() && p["value"].is_number())
    );
}

/// Issue 12's Monte Carlo: the table says where the deterministic figures fall among the
/// draws (they sat near P10 unremarked); `--seed` without `--samples` and `--samples` with a
/// format that cannot show percentiles are refused.
#[test]
fn monte_carlo_says_where_the_deterministic_figure_falls() {
    let o = run(&[
        "compare",
        "--via",
        "suez",
        "--samples",
        "500",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let c = json(&o);
    for (r, u) in c["routes"]
        .as_array()
        .unwrap()
        .iter()
        .zip(c["uncertainty"]["routes"].as_array().unwrap())
    {
        let days = r["time_days"].as_f64().unwrap();
        let rank = u["time_rank"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&rank));
        let (p10, p50, p90) = (
            u["time_days"]["p10"].as_f64().unwrap(),
            u["time_days"]["p50"].as_f64().unwrap(),
            u["time_days"]["p90"].as_f64().unwrap(),
        );
        if days < p10 {
            assert!(rank <= 0.1 + 1e-9, "{days} < P10 {p10} but rank {rank}");
        }
        if days > p90 {
            assert!(rank >= 0.9 - 1e-9);
        }
        if days < p50 {
            assert!(rank <= 0.51, "{days} < P50 {p50} but rank {rank}");
        }
        if days > p50 {
            assert!(rank >= 0.49, "{days} > P50 {p50} but rank {rank}");
        }
    }
    let o = run(&["compare", "--via", "suez", "--samples", "500"]);
    assert!(
        stdout(&o).contains("fall at these percentiles"),
        "{}",
        stdout(&o)
    );
    let o = run(&["compare", "--via", "suez", "--seed", "3"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--samples"), "{}", stderr(&o));
    let o = run(&[
        "compare",
        "--via",
        "suez",
        "--samples",
        "100",
        "--format",
        "geojson",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}

/// Issue 12's hints and lists: a comparison whose reference cannot be routed says how to pick
/// another; the planned-legs hint appears only where planned legs give a route; a profile's
/// list of differences leaves out keys it sets to their default value (comcec-2017 sets the
/// sea speed to the default 13.2 kn).
#[test]
fn hints_help_only_where_they_can_and_profiles_list_real_differences() {
    let o = run(&["compare", "--avoid", "IR", "--via", "suez"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--reference suez"), "{}", stderr(&o));
    let o = run(&[
        "find",
        "--from",
        "Nhava Sheva",
        "--to",
        "Moscow",
        "--via",
        "node:helsinki",
        "--avoid",
        "country:FI",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!stderr(&o).contains("--include-planned"), "{}", stderr(&o));
    // Iranshahr is served only by the railway under construction: there the hint helps.
    let o = run(&["find", "--from", "Chabahar", "--to", "Iranshahr"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--include-planned"), "{}", stderr(&o));
    let p = json(&run(&[
        "profiles",
        "--profile",
        "comcec-2017",
        "--format",
        "json",
    ]));
    let overrides = p["profiles"][0]["overrides"].as_array().unwrap();
    assert!(!overrides.is_empty());
    for o in overrides {
        assert_ne!(o["default"], o["profile"], "{o}");
        assert_ne!(o["key"], "speed.sea.container");
    }
}

/// Past the reservoir (100,000 draws) the percentiles come from a uniform sample of the draws:
/// they stay within the draws' range and close to a run that keeps fewer draws.
#[test]
fn monte_carlo_beyond_the_reservoir_keeps_sane_percentiles() {
    let big = json(&run(&[
        "compare",
        "--via",
        "suez",
        "--samples",
        "150000",
        "--format",
        "json",
    ]));
    let small = json(&run(&[
        "compare",
        "--via",
        "suez",
        "--samples",
        "20000",
        "--format",
        "json",
    ]));
    for (b, s) in big["uncertainty"]["routes"]
        .as_array()
        .unwrap()
        .iter()
        .zip(small["uncertainty"]["routes"].as_array().unwrap())
    {
        let (bp, sp) = (
            b["time_days"]["p50"].as_f64().unwrap(),
            s["time_days"]["p50"].as_f64().unwrap(),
        );
        assert!((bp - sp).abs() < 0.05 * sp, "P50 {bp} against {sp}");
        let (p10, p90) = (
            b["time_days"]["p10"].as_f64().unwrap(),
            b["time_days"]["p90"].as_f64().unwrap(),
        );
        assert!(p10 <= bp && bp <= p90);
    }
}
