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
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    let swings = v["swings"].as_array().unwrap();
    // The fixture gives ranges to speed.sea.container, dwell.port_call and dwell.gauge_change.
    assert_eq!(swings.len(), 3);
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
    assert!(stderr(&o).contains("greater than zero"), "{}", stderr(&o));
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
