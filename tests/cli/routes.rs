//! `find`: legs and totals, place names, constraints, snapping, exit codes.

use super::*;

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
    // The fixture crosses its borders inside legs, with no border stop: none is counted.
    assert!(out.contains("0 borders"), "{out}");
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

/// `find --pairs`: one line per pair in file order, each the route `find` gives alone, and the
/// pairs that fail say why without stopping the others (exit 1).
#[test]
fn find_pairs_routes_each_line_as_find_would() {
    let dir = std::env::temp_dir().join(format!("route-pairs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("pairs.csv");
    std::fs::write(
        &file,
        "from,to\nalpha,omega\n\nbeta,\"Omega\"\nalpha,atlantis\n",
    )
    .unwrap();
    let o = mini(&[
        "find",
        "--pairs",
        file.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "three pairs and the provenance");
    for (k, (from, to)) in [("alpha", "omega"), ("beta", "Omega")]
        .into_iter()
        .enumerate()
    {
        let mut alone = json(&mini(&[
            "find", "--from", from, "--to", to, "--format", "json",
        ]));
        alone.as_object_mut().unwrap().remove("provenance");
        assert_eq!(lines[k], alone, "{from} → {to}");
    }
    assert!(
        lines[2]["error"]
            .as_str()
            .unwrap()
            .contains("unknown place \"atlantis\""),
        "{}",
        lines[2]
    );
    assert_eq!(
        lines[3]["provenance"]["inputs"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()["role"],
        "pairs"
    );
    let o = mini(&["find", "--pairs", file.to_str().unwrap()]);
    let routes = stdout(&o)
        .lines()
        .take_while(|l| !l.starts_with("route "))
        .count();
    assert_eq!(routes, 3, "{}", stdout(&o));
    assert!(
        stdout(&o).starts_with("Alpha Port → Omega: "),
        "{}",
        stdout(&o)
    );
    std::fs::write(&file, "alpha,omega,extra\n").unwrap();
    let o = mini(&["find", "--pairs", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("line 1 has 3 field(s)"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 12's counting defects: `borders` is the number of border stops listed, an all-sea
/// route has none, and no leg or route lists a passage twice.
#[test]
fn borders_are_the_border_stops_and_passages_are_listed_once() {
    let queries: &[&[&str]] = &[
        &["find", "--from", "Nhava Sheva", "--to", "Moscow"],
        &[
            "find",
            "--from",
            "Nhava Sheva",
            "--to",
            "St Petersburg",
            "--via",
            "cape",
            "--by",
            "distance",
        ],
        &["find", "--from", "Mundra", "--to", "Almaty"],
        &["find", "--from", "Chabahar", "--to", "Kabul"],
        &[
            "find",
            "--from",
            "Bandar Abbas",
            "--to",
            "Moscow",
            "--via",
            "instc-east",
        ],
    ];
    for q in queries {
        let mut args = q.to_vec();
        args.extend(["--format", "json"]);
        let o = run(&args);
        assert_eq!(o.status.code(), Some(0), "{q:?}: {}", stderr(&o));
        let r = json(&o);
        let border_stops = r["stops"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| {
                s["reasons"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|x| x == "border")
            })
            .count();
        assert_eq!(
            r["borders"].as_u64().unwrap() as usize,
            border_stops,
            "{q:?}"
        );
        let mut seen = std::collections::HashSet::new();
        for p in r["passages"].as_array().unwrap() {
            assert!(seen.insert(p.as_str().unwrap()), "{q:?}: {p} twice");
        }
        for l in r["legs"].as_array().unwrap() {
            let mut seen = std::collections::HashSet::new();
            for p in l["passages"].as_array().unwrap() {
                assert!(
                    seen.insert(p.as_str().unwrap()),
                    "{q:?}: leg {} lists {p} twice",
                    l["id"]
                );
            }
        }
        let all_sea = r["legs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["mode"] == "sea");
        if all_sea {
            assert_eq!(r["borders"], 0, "{q:?}: a voyage crosses no land border");
        }
    }
}

/// Countries are listed in the order the route reaches them.
#[test]
fn countries_are_in_travel_order() {
    let o = run(&[
        "find",
        "--from",
        "Nhava Sheva",
        "--to",
        "Helsinki",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = json(&o);
    let countries: Vec<&str> = r["countries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    // Each country's first appearance follows the legs in order.
    let mut order: Vec<String> = Vec::new();
    for l in r["legs"].as_array().unwrap() {
        for c in l["countries"].as_array().unwrap() {
            let c = c.as_str().unwrap().to_string();
            if !order.contains(&c) {
                order.push(c);
            }
        }
    }
    let land: Vec<&str> = countries
        .iter()
        .copied()
        .filter(|c| order.iter().any(|o| o == c))
        .collect();
    let expected: Vec<&str> = order.iter().map(String::as_str).collect();
    assert_eq!(land, expected, "{countries:?}");
    assert_eq!(countries.first(), Some(&"IN"));
    assert_eq!(countries.last(), Some(&"FI"), "{countries:?}");
}

/// Tables break lines at spaces, never inside a word (`rail (under-con│struction)`,
/// `gulf-of-finland-he│lsinki`), at 100 columns and with `--width 80`, and never exceed the
/// width asked for. (At 80 columns the legs list cannot hold its 44-character ids beside the
/// other columns; it is checked at 100.)
#[test]
fn tables_never_break_a_word_and_keep_their_width() {
    let legs = json(&run(&["list", "legs", "--format", "json"]));
    let ids: Vec<String> = legs
        .as_array()
        .or_else(|| legs["legs"].as_array())
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect();
    for width in ["100", "80"] {
        let o = run(&["list", "legs", "--width", width]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let text = stdout(&o);
        if width == "100" {
            for id in &ids {
                assert!(
                    text.contains(id.as_str()),
                    "--width {width}: leg id {id} broken"
                );
            }
        }
        let o = run(&[
            "find",
            "--from",
            "Chabahar",
            "--to",
            "Zahedan",
            "--include-planned",
            "--by",
            "distance",
            "--width",
            width,
        ]);
        let text = stdout(&o);
        // Tables say the status in words, which wrap at the space.
        assert!(
            text.contains("(under") && text.contains("construction)"),
            "--width {width}:\n{text}"
        );
        let w: usize = width.parse().unwrap();
        for line in text.lines() {
            assert!(line.chars().count() <= w, "--width {width}: {line}");
        }
    }
}

/// Issue 12's names: misspellings find the place among names, aliases and their words; a
/// coordinate snaps to a place where cargo starts, not to a sea-lane waypoint; a passage is
/// refused as an origin with what it is.
#[test]
fn misspelt_names_find_their_place_and_waypoints_are_not_origins() {
    for (typo, want) in [
        ("Bandar Abas", "Bandar Abbas"),
        ("Bandar Abbass", "Bandar Abbas"),
        ("BandarAbbas", "Bandar Abbas"),
        ("Helsnki", "Helsinki"),
    ] {
        let o = run(&["find", "--from", typo, "--to", "Moscow"]);
        assert_eq!(o.status.code(), Some(2));
        let e = stderr(&o);
        let first = e
            .split("did you mean \"")
            .nth(1)
            .unwrap_or_else(|| panic!("{typo}: {e}"));
        assert!(first.starts_with(want), "{typo}: {e}");
    }
    let o = run(&["find", "--from", "hormuz", "--to", "Moscow"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("a passage, not a place where cargo starts or ends"),
        "{}",
        stderr(&o)
    );
    // Asked for as a node, a waypoint is an end.
    let o = run(&["find", "--from", "node:hormuz", "--to", "Moscow"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Off Gibraltar the nearest node is a lane waypoint; the nearest place is far.
    let o = run(&[
        "find",
        "--from",
        "-5.6,35.95",
        "--to",
        "Moscow",
        "--max-snap-km",
        "3000",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let from = json(&o)["from"]["id"].as_str().unwrap().to_string();
    let nodes = json(&run(&["list", "nodes", "--format", "json"]));
    let kind = nodes
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == from.as_str())
        .unwrap()["kind"]
        .clone();
    assert!(
        ["port", "rail-terminal", "station", "city", "border"].contains(&kind.as_str().unwrap()),
        "{from}: {kind}"
    );
}

/// `validate` names the land legs that cross a border along the way, where no border stop is
/// charged or counted (the fixture's d1 and r4, drawn across IR → AZ and AZ → RU).
#[test]
fn validate_names_borders_crossed_inside_a_leg() {
    let o = mini(&["validate"]);
    let out = stdout(&o);
    for leg in ["d1", "r4"] {
        assert!(
            out.contains(&format!("leg {leg} crosses"))
                && out.contains("no border stop is charged or counted there"),
            "{out}"
        );
    }
}
