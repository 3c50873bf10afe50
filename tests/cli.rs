//! The `route` binary end to end: output formats, exit codes and error messages, on a small
//! fixture network with round-number assumptions (tests/fixtures).

use std::io::Write;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_route");

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs `route` on the fixture network.
fn mini(args: &[&str]) -> Output {
    let mut full = vec![
        "--network".to_string(),
        fixture("mini.geojson"),
        "--corridors".into(),
        fixture("mini-corridors.toml"),
        "--assumptions".into(),
        fixture("round-assumptions.toml"),
    ];
    full.extend(args.iter().map(ToString::to_string));
    Command::new(BIN).args(&full).output().expect("run route")
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run route")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

#[test]
fn find_prints_legs_and_totals() {
    let o = mini(&["find", "--from", "alpha port", "--to", "OMEGA"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Alpha Port → Omega"), "{out}");
    assert!(
        out.contains("Beta Port") && out.contains("mode change"),
        "{out}"
    );
    assert!(out.contains("3 borders"), "{out}");
}

#[test]
fn names_match_without_case_or_accents_and_by_locode() {
    for name in ["älpha", "ALPHA PORT", "inalp", "alpha"] {
        let o = mini(&["find", "--from", name, "--to", "omega", "--format", "json"]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        assert_eq!(json(&o)["from"]["id"], "alpha", "{name}");
    }
}

#[test]
fn json_route_has_the_documented_fields() {
    let o = mini(&[
        "find", "--from", "alpha", "--to", "omega", "--format", "json",
    ]);
    let v = json(&o);
    for key in [
        "label",
        "distance_km",
        "time_days",
        "cost_usd",
        "co2e_kg",
        "legs",
        "passages",
        "countries",
        "transfers",
        "borders",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let leg = &v["legs"][0];
    for key in [
        "from",
        "to",
        "mode",
        "distance_km",
        "time_hours",
        "cost_usd",
        "co2e_kg",
        "countries",
    ] {
        assert!(leg.get(key).is_some(), "leg missing {key}");
    }
    let legs_km: f64 = v["legs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["distance_km"].as_f64().unwrap())
        .sum();
    assert!((legs_km - v["distance_km"].as_f64().unwrap()).abs() < 1e-6);
}

#[test]
fn geojson_output_is_a_styled_feature_collection() {
    let o = mini(&[
        "find", "--from", "alpha", "--to", "omega", "--format", "geojson",
    ]);
    let v = json(&o);
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    let lines: Vec<_> = features
        .iter()
        .filter(|f| f["geometry"]["type"] == "LineString")
        .collect();
    assert_eq!(lines.len(), 4);
    for f in &lines {
        let p = &f["properties"];
        assert!(p["stroke"].as_str().unwrap().starts_with('#'));
        assert!(p["title"].is_string() && p["description"].is_string());
        for pos in f["geometry"]["coordinates"].as_array().unwrap() {
            for x in pos.as_array().unwrap() {
                let s = x.to_string();
                let decimals = s.split('.').nth(1).map_or(0, str::len);
                assert!(decimals <= 6, "{s}");
            }
        }
    }
    assert!(
        features.iter().any(|f| f["geometry"]["type"] == "Point"),
        "stops as points"
    );
}

#[test]
fn avoid_removes_and_no_route_exits_1() {
    let o = mini(&[
        "find", "--from", "alpha", "--to", "omega", "--avoid", "IR", "--format", "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(
        v["passages"],
        serde_json::json!(["teststrait", "testcanal"])
    );
    let o = mini(&[
        "find",
        "--from",
        "alpha",
        "--to",
        "omega",
        "--avoid",
        "Iran",
        "--avoid",
        "teststrait",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(
            "no route from alpha to omega avoiding country IR, avoiding passage teststrait"
        ),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty(), "no half-written output");
}

#[test]
fn via_forces_a_passage_and_planned_legs_need_a_flag() {
    let o = mini(&[
        "find",
        "--from",
        "beta",
        "--to",
        "omega",
        "--via",
        "teststrait",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        json(&o)["passages"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("teststrait"))
    );
    // Gamma–Delta by rail is under construction: only the road is usable by default.
    let o = mini(&[
        "find", "--from", "gamma", "--to", "delta", "--avoid", "road", "--avoid", "sea",
        "--format", "json",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("operational legs only"),
        "{}",
        stderr(&o)
    );
    let o = mini(&[
        "--include-planned",
        "find",
        "--from",
        "gamma",
        "--to",
        "delta",
        "--avoid",
        "road",
        "--avoid",
        "sea",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&o)["legs"][0]["status"], "under-construction");
}

#[test]
fn unknown_places_fail_with_suggestions() {
    let o = mini(&["find", "--from", "alpah port", "--to", "omega"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown place \"alpah port\"; did you mean \"Alpha Port\""),
        "{}",
        stderr(&o)
    );
    let o = mini(&[
        "find", "--from", "alpha", "--to", "omega", "--via", "atlantis",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown --via \"atlantis\""),
        "{}",
        stderr(&o)
    );
}

#[test]
fn coordinates_snap_with_a_note_and_a_limit() {
    let o = mini(&["find", "--from", "73.0,19.0", "--to", "omega"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("--from 73,19 snapped to alpha (Alpha Port), 7.6 km away"),
        "{}",
        stderr(&o)
    );
    let o = mini(&["find", "--from", "80,10", "--to", "omega"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("beyond the 100 km snap limit (raise it with --max-snap-km)"),
        "{}",
        stderr(&o)
    );
    let o = mini(&[
        "--max-snap-km",
        "2000",
        "find",
        "--from",
        "80,10",
        "--to",
        "omega",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Negative longitudes are values, not flags.
    let o = mini(&["find", "--from", "-10,45", "--to", "omega"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("snap limit"), "{}", stderr(&o));
    let o = mini(&["find", "--from", "10,95", "--to", "omega"]);
    assert!(
        stderr(&o).contains("latitude must lie within"),
        "{}",
        stderr(&o)
    );
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
fn validate_reports_every_problem_with_feature_and_id() {
    let o = mini(&["validate"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("network: 7 nodes, 8 legs, 1 connected component(s)"),
        "{}",
        stdout(&o)
    );

    let dir = std::env::temp_dir().join(format!("route-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.geojson");
    let mut f = std::fs::File::create(&bad).unwrap();
    write!(
        f,
        r#"{{"type":"FeatureCollection","features":[
        {{"type":"Feature","properties":{{"id":"a"}},"geometry":{{"type":"Point","coordinates":[0,0]}}}},
        {{"type":"Feature","properties":{{"id":"a"}},"geometry":{{"type":"Point","coordinates":[0,1]}}}},
        {{"type":"Feature","properties":{{"id":"x","from":"a","to":"nowhere","mode":"rail"}},"geometry":{{"type":"LineString","coordinates":[[0,0],[0,2]]}}}},
        {{"type":"Feature","properties":{{"id":"y","from":"a","to":"a","mode":"canoe"}},"geometry":{{"type":"LineString","coordinates":[[0,0],[0,91]]}}}}
        ]}}"#
    )
    .unwrap();
    let o = run(&["--network", bad.to_str().unwrap(), "validate"]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    assert!(
        out.contains(&format!("{}: 4 problem(s)", bad.display())),
        "{out}"
    );
    assert!(
        out.contains("feature #3 (id \"y\"): `mode`: unknown mode \"canoe\""),
        "{out}"
    );
    assert!(
        out.contains("feature #1 (id \"a\"): duplicate node id"),
        "{out}"
    );
    assert!(
        out.contains("feature #2 (id \"x\"): `to` names unknown node \"nowhere\""),
        "{out}"
    );
    assert!(
        out.contains("feature #3 (id \"y\"): position [0, 91] is out of range"),
        "{out}"
    );
    // The same file fails any other command with exit 2 and the same list on stderr.
    let o = run(&["--network", bad.to_str().unwrap(), "compare"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("duplicate node id"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn any_linestring_network_loads_with_a_default_mode() {
    let dir = std::env::temp_dir().join(format!("route-loose-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("lanes.geojson");
    std::fs::write(
        &file,
        r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"name":"lane 1"},"geometry":{"type":"LineString","coordinates":[[170,10],[179,10]]}},
        {"type":"Feature","properties":null,"geometry":{"type":"LineString","coordinates":[[179,10],[185,12]]}},
        {"type":"Feature","properties":{},"geometry":{"type":"MultiLineString","coordinates":[[[185,12],[190,15]]]}}]}"#,
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let o = run(&["--network", f, "validate"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).contains("feature #0: has no `mode`"),
        "{}",
        stdout(&o)
    );
    let o = run(&[
        "--network",
        f,
        "--default-mode",
        "sea",
        "find",
        "--from",
        "170,10",
        "--to",
        "-170,15",
        "--format",
        "geojson",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    // The lane crossing ±180° is cut there (RFC 7946 §3.1.9).
    assert!(
        v["features"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["geometry"]["type"] == "MultiLineString")
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn unreadable_inputs_name_the_file() {
    let o = run(&["--network", "/nonexistent/net.geojson", "compare"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot read network file /nonexistent/net.geojson"),
        "{}",
        stderr(&o)
    );
    let o = run(&["--network", &fixture("round-assumptions.toml"), "compare"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("round-assumptions.toml: not valid JSON"),
        "{}",
        stderr(&o)
    );
    let o = run(&["compare", "--by", "speed"]);
    assert_eq!(o.status.code(), Some(2));
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
