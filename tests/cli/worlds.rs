//! Worlds and records: scenarios (`--scenario`, `route scenarios`), relays at hub ports, and
//! the provenance every output carries. On the embedded network, whose scenarios these are.

use super::*;

/// A value of data/scenarios.toml, read here independently of the library's reader.
fn scenario_value(scenario: &str, key: &str) -> f64 {
    let text = std::fs::read_to_string(format!(
        "{}/data/scenarios.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let doc: toml::Table = text.parse().unwrap();
    let v = &doc[scenario]["set"][key];
    v.as_float().or_else(|| v["value"].as_float()).unwrap()
}

fn ok(args: &[&str]) -> serde_json::Value {
    let o = run(args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    json(&o)
}

fn hours(v: &serde_json::Value) -> f64 {
    v["time_hours"].as_f64().unwrap()
}

fn route<'a>(c: &'a serde_json::Value, label: &str) -> Option<&'a serde_json::Value> {
    c["routes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["label"] == label)
}

#[test]
fn scenarios_list_what_they_change_and_mark_those_in_force() {
    let o = run(&["scenarios"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for line in ["red-sea-crisis *", "present *", "finland-border-closed *"] {
        assert!(out.contains(line), "{line} not marked in force:\n{out}");
    }
    assert!(out.contains("avoids passage:bab-el-mandeb"), "{out}");
    assert!(!out.contains("normal *"), "{out}");
    let o = run(&["scenarios", "--scenario", "normal"]);
    assert!(stdout(&o).contains("normal *"), "{}", stdout(&o));
    assert!(stdout(&o).contains("* in force: normal"), "{}", stdout(&o));
    let list = ok(&["scenarios", "--format", "json"]);
    for s in list.as_array().unwrap() {
        assert!(!s["sources"].as_array().unwrap().is_empty(), "{s}");
        assert!(!s["rationale"].as_str().unwrap().is_empty(), "{s}");
    }
}

#[test]
fn an_unknown_scenario_exits_2_naming_the_known_ones() {
    let o = run(&["compare", "--scenario", "red-sea"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("unknown scenario \"red-sea\"") && e.contains("red-sea-crisis"),
        "{e}"
    );
}

/// Since 1 March 2026 the mainline carriers sail Europe-bound boxes round the Cape; Russian
/// services kept the Red Sea. The default (the present) says both; `normal` opens the canal.
#[test]
fn the_present_avoids_the_red_sea_but_on_routes_to_russia() {
    let rotterdam = ok(&[
        "compare",
        "--to",
        "Rotterdam",
        "--via",
        "suez",
        "--format",
        "json",
    ]);
    assert!(route(&rotterdam, "Suez Canal").is_none(), "{rotterdam}");
    let why = rotterdam["unavailable"][0]["reason"].as_str().unwrap();
    assert!(
        why.contains("bab-el-mandeb") && why.contains("red-sea-crisis"),
        "{why}"
    );
    let normal = ok(&[
        "compare",
        "--to",
        "Rotterdam",
        "--via",
        "suez",
        "--scenario",
        "normal",
        "--format",
        "json",
    ]);
    assert!(route(&normal, "Suez Canal").is_some(), "{normal}");
    let moscow = ok(&["compare", "--via", "suez", "--format", "json"]);
    let suez = route(&moscow, "Suez Canal").expect("a Suez route to Moscow in the present");
    assert!(
        suez["passages"]
            .as_array()
            .unwrap()
            .contains(&"bab-el-mandeb".into()),
        "{suez}"
    );
}

/// `hormuz-restricted` adds its wait at the strait once, whatever the route does after it; a
/// `--set` given after it wins.
#[test]
fn scenario_values_apply_before_set() {
    let q = [
        "find",
        "--from",
        "Nhava Sheva",
        "--to",
        "Astrakhan",
        "--format",
        "json",
    ];
    let with = |extra: &[&str]| hours(&ok(&[&q[..], extra].concat()));
    let normal = with(&["--scenario", "normal"]);
    let hormuz = with(&["--scenario", "hormuz-restricted"]);
    let wait = scenario_value("hormuz-restricted", "dwell.passage.hormuz");
    assert!(
        (hormuz - normal - wait).abs() < 1e-6,
        "{hormuz} − {normal} ≠ {wait}"
    );
    let undone = with(&[
        "--scenario",
        "hormuz-restricted",
        "--set",
        "dwell.passage.hormuz=0",
        "--set",
        "cost.passage.hormuz=0",
    ]);
    assert!((undone - normal).abs() < 1e-6, "{undone} vs {normal}");
}

#[test]
fn a_scenario_opens_a_line_that_is_not_built() {
    let q = [
        "find",
        "--from",
        "Rasht",
        "--to",
        "astara-ir",
        "--by",
        "distance",
        "--format",
        "json",
    ];
    let legs = |v: &serde_json::Value| -> Vec<String> {
        v["legs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["id"].as_str().unwrap().to_string())
            .collect()
    };
    let today = ok(&q);
    assert!(
        !legs(&today).contains(&"rail-rasht-astara-ir".into()),
        "{today}"
    );
    let built = ok(&[&q[..], &["--scenario", "rasht-astara-built"]].concat());
    assert_eq!(legs(&built), ["rail-rasht-astara-ir"], "{built}");
}

/// Rotterdam lies on a spur off the North Sea lane: a voyage calling there turns back along
/// the spur, and the box changes ship (the defect of issue 9: this had no route).
#[test]
fn a_relay_at_a_hub_on_a_spur_routes_and_is_charged() {
    let v = ok(&[
        "find",
        "--from",
        "Nhava Sheva",
        "--to",
        "St Petersburg",
        "--via",
        "suez",
        "--via",
        "Rotterdam",
        "--scenario",
        "normal",
        "--format",
        "json",
    ]);
    let stop = v["stops"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["node"] == "rotterdam")
        .expect("a stop at Rotterdam");
    assert_eq!(stop["reasons"], serde_json::json!(["relay"]), "{stop}");
    let assumptions = ok(&["assumptions", "--format", "json"]);
    let value = |key: &str| {
        assumptions
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["key"] == key)
            .unwrap()["value"]
            .as_f64()
            .unwrap()
    };
    assert_eq!(stop["time_hours"].as_f64(), Some(value("dwell.relay")));
    assert_eq!(stop["cost_usd"].as_f64(), Some(value("cost.relay")));
    // The direct voyage makes no relay.
    let direct = ok(&[
        "find",
        "--from",
        "Nhava Sheva",
        "--to",
        "St Petersburg",
        "--via",
        "suez",
        "--avoid",
        "passage:bosphorus",
        "--scenario",
        "normal",
        "--format",
        "json",
    ]);
    assert!(
        direct["stops"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| !s["reasons"].as_array().unwrap().contains(&"relay".into())),
        "{direct}"
    );
}

#[test]
fn every_output_records_how_it_was_made() {
    let args = [
        "find",
        "--from",
        "Nhava Sheva",
        "--to",
        "Astrakhan",
        "--profile",
        "comcec-2017",
        "--set",
        "dwell.port_call=36",
        "--include-planned",
        "--by",
        "cost",
    ];
    let v = ok(&[&args[..], &["--format", "json"]].concat());
    let p = &v["provenance"];
    assert_eq!(p["tool"], format!("route {}", env!("CARGO_PKG_VERSION")));
    assert_eq!(p["profile"], "comcec-2017");
    assert_eq!(p["set"], serde_json::json!(["dwell.port_call=36"]));
    assert_eq!(p["include_planned"], true);
    assert_eq!(p["objective"], "cost");
    assert_eq!(p["scenarios"], serde_json::json!(["present"]));
    let network = std::fs::read(format!(
        "{}/data/network.geojson",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let input = |role: &str| {
        p["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["role"] == role)
            .unwrap_or_else(|| panic!("no {role} input in {p}"))
            .clone()
    };
    assert_eq!(input("network")["file"], "embedded");
    assert_eq!(
        input("network")["sha256"],
        corridor::provenance::sha256_hex(&network)
    );
    assert_eq!(input("profiles")["file"], "embedded");
    // The table ends with a footer that says the same.
    let o = run(&args);
    let out = stdout(&o);
    let footer = out.rsplit_once("\nroute ").unwrap().1.replace('\n', " ");
    for part in [
        "--profile comcec-2017",
        "--set dwell.port_call=36",
        "--include-planned",
        "scenario present",
        "embedded data",
    ] {
        assert!(
            footer.contains(part),
            "{part} missing from the footer: {footer}"
        );
    }
    // GeoJSON carries it in the collection's properties.
    let g = ok(&[&args[..], &["--format", "geojson"]].concat());
    assert_eq!(g["corridor"]["provenance"]["profile"], "comcec-2017");
    assert_eq!(g["corridor"]["provenance"]["inputs"], p["inputs"]);
    // A network file is named, with the hash of its bytes.
    let o = mini(&[
        "find", "--from", "alpha", "--to", "omega", "--format", "json",
    ]);
    let p = json(&o)["provenance"].clone();
    let file = fixture("mini.geojson");
    let net = p["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["role"] == "network")
        .unwrap()
        .clone();
    assert_eq!(net["file"], file.as_str());
    assert_eq!(
        net["sha256"],
        corridor::provenance::sha256_hex(&std::fs::read(&file).unwrap())
    );
    assert_eq!(
        p["scenarios"],
        serde_json::json!([]),
        "no scenario on another network"
    );
}

#[test]
fn the_same_inputs_give_byte_identical_output() {
    for args in [
        &["compare", "--via", "suez"][..],
        &[
            "compare",
            "--via",
            "suez",
            "--format",
            "json",
            "--samples",
            "300",
            "--seed",
            "7",
        ],
        &["compare", "--via", "suez", "--format", "geojson"],
        &[
            "find",
            "--from",
            "Mumbai",
            "--to",
            "Astrakhan",
            "--format",
            "json",
        ],
        &["sensitivity", "--format", "json"],
        &["export"],
        &[
            "compare", "--via", "suez", "--via", "cape", "--format", "csv",
        ],
        &["compare", "--via", "suez", "--format", "markdown"],
        &["compare", "--via", "suez", "--format", "svg"],
        &["compare", "--via", "suez", "--format", "url"],
        &[
            "find",
            "--from",
            "Mundra",
            "--to",
            "Kabul",
            "--alternatives",
            "3",
            "--format",
            "json",
        ],
        &[
            "matrix",
            "--from",
            "Nhava Sheva,Mundra",
            "--to",
            "instc-destinations",
            "--format",
            "csv",
        ],
        &["matrix", "--to", "Moscow,Baku", "--format", "geojson"],
        &["reach", "--within", "20d", "--format", "json"],
        &[
            "breakeven",
            "--param",
            "dwell.passage.hormuz",
            "--format",
            "json",
        ],
        &["export", "--format", "csv"],
    ] {
        let (a, b) = (run(args), run(args));
        assert_eq!(a.status.code(), Some(0), "{args:?}: {}", stderr(&a));
        assert!(a.stdout == b.stdout, "{args:?} differs between two runs");
    }
}

/// The backtest routes each observation in the scenarios of its date, and a port-to-port
/// figure leaves out the dwell at both ends; both checked against `route find` on the fixture.
#[test]
fn the_backtest_routes_each_observation_in_the_world_of_its_date() {
    let dir = std::env::temp_dir().join(format!("route-backtest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let scenarios = dir.join("scenarios.toml");
    std::fs::write(
        &scenarios,
        "[slow-ports]\nname = \"Slow ports\"\nset = { \"dwell.port_call\" = 100.0 }\n\
         in_force_from = \"2020-01-01\"\n",
    )
    .unwrap();
    let obs = dir.join("observations.toml");
    let one = |id: &str, date: &str, basis: &str| {
        format!(
            "[[observation]]\nid = \"{id}\"\ndate = \"{date}\"\nkind = \"shipment\"\n\
             from = \"alpha\"\nto = \"omega\"\nbasis = \"{basis}\"\ndays = 5.0\n\
             calibrated = false\nquality = \"B\"\nsource = \"test\"\nquote = \"q\"\n\n"
        )
    };
    std::fs::write(
        &obs,
        one("before", "2019-06", "door-to-door")
            + &one("after", "2021", "door-to-door")
            + &one("after-p2p", "2021-03-01", "port-to-port"),
    )
    .unwrap();
    let s = scenarios.to_str().unwrap();
    let o = mini(&[
        "--scenarios",
        s,
        "backtest",
        "--observations",
        obs.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let b = json(&o);
    let case = |id: &str| {
        b["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()
            .clone()
    };
    let find = |extra: &[&str]| {
        let o = mini(
            &[
                &[
                    "--scenarios",
                    s,
                    "find",
                    "--from",
                    "alpha",
                    "--to",
                    "omega",
                    "--format",
                    "json",
                ][..],
                extra,
            ]
            .concat(),
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        json(&o)
    };
    let normal = find(&[]);
    let slow = find(&["--scenario", "slow-ports"]);
    let days = |c: &serde_json::Value| c["model_days"].as_f64().unwrap();
    assert!((days(&case("before")) - normal["time_days"].as_f64().unwrap()).abs() < 1e-9);
    assert_eq!(case("before")["scenarios"], serde_json::json!([]));
    assert!((days(&case("after")) - slow["time_days"].as_f64().unwrap()).abs() < 1e-9);
    assert_eq!(
        case("after")["scenarios"],
        serde_json::json!(["slow-ports"])
    );
    let ends: f64 = slow["stops"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|st| st["node"] == "alpha" || st["node"] == "omega")
        .map(|st| st["time_hours"].as_f64().unwrap())
        .sum();
    let p2p = (slow["time_hours"].as_f64().unwrap() - ends) / 24.0;
    assert!(
        (days(&case("after-p2p")) - p2p).abs() < 1e-9,
        "{} vs {p2p}",
        days(&case("after-p2p"))
    );
    let err = case("before")["error"].as_f64().unwrap();
    assert!((err - (days(&case("before")) - 5.0) / 5.0).abs() < 1e-12);
    // The world comes from the dates, so naming a scenario is refused.
    let o = mini(&[
        "--scenarios",
        s,
        "--scenario",
        "slow-ports",
        "backtest",
        "--observations",
        obs.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("in force at its date"),
        "{}",
        stderr(&o)
    );
    // A malformed observation names the file and the observation.
    std::fs::write(&obs, one("bad", "June 2021", "door-to-door")).unwrap();
    let o = mini(&["backtest", "--observations", obs.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("observation \"bad\": `date` \"June 2021\""),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir_all(&dir).ok();
}
