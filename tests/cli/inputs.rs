//! Loading and validation: problem reports, networks without modes, unreadable files.

use std::io::Write;

use super::*;

#[test]
fn validate_reports_every_problem_with_feature_and_id() {
    let o = mini(&["validate"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains(
            "network: 7 nodes (0 made where lines meet), 8 legs, 1 connected component(s)"
        ),
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

/// A format a command does not support is refused by the argument parser, before any work,
/// and the command's help lists only the formats it supports.
#[test]
fn formats_a_command_lacks_are_refused_at_parse_time() {
    for cmd in [
        &["sensitivity"][..],
        &["list", "nodes"],
        &["assumptions"],
        &["profiles"],
    ] {
        let o = run(&[cmd, &["--format", "geojson"]].concat());
        assert_eq!(o.status.code(), Some(2), "{cmd:?}");
        assert!(
            stderr(&o).contains("invalid value 'geojson' for '--format <FORMAT>'")
                && stderr(&o).contains("[possible values: table, json, csv, markdown]"),
            "{cmd:?}: {}",
            stderr(&o)
        );
        assert!(o.stdout.is_empty());
        let help = stdout(&run(&[cmd, &["--help"]].concat()));
        assert!(
            help.contains("table") && !help.contains("geojson"),
            "{cmd:?}: {help}"
        );
    }
    let help = stdout(&run(&["compare", "--help"]));
    assert!(help.contains("geojson"), "{help}");
}

/// Issue 10's repros as a user meets them: a T-junction and the antimeridian route.
#[test]
fn other_peoples_networks_join_at_t_junctions_and_across_the_antimeridian() {
    let dir = std::env::temp_dir().join(format!("route-joins-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, lines: &[&str]| {
        let features: Vec<String> = lines
            .iter()
            .map(|c| {
                format!(
                    r#"{{"type":"Feature","properties":{{}},"geometry":{{"type":"LineString","coordinates":{c}}}}}"#
                )
            })
            .collect();
        let file = dir.join(name);
        std::fs::write(
            &file,
            format!(
                r#"{{"type":"FeatureCollection","features":[{}]}}"#,
                features.join(",")
            ),
        )
        .unwrap();
        file.to_str().unwrap().to_string()
    };
    let km = |net: &str, from: &str, to: &str| {
        let o = run(&[
            "--network",
            net,
            "--default-mode",
            "sea",
            "find",
            "--from",
            from,
            "--to",
            to,
            "--format",
            "json",
        ]);
        assert_eq!(o.status.code(), Some(0), "{from} → {to}: {}", stderr(&o));
        json(&o)["distance_km"].as_f64().unwrap()
    };
    let t = write("t.geojson", &["[[0,0],[10,0],[20,0]]", "[[10,0],[10,10]]"]);
    let o = run(&["--network", &t, "--default-mode", "sea", "validate"]);
    assert!(
        stdout(&o).contains(
            "network: 4 nodes (4 made where lines meet), 3 legs, 1 connected component(s)"
        ),
        "{}",
        stdout(&o)
    );
    // 10° of the equator (1,113.2 km) and 10° of a meridian from the equator (1,105.9 km).
    let d = km(&t, "20,0", "10,10");
    assert!((d - 2219.1).abs() < 1.0, "{d}");
    let a = write("a.geojson", &["[[170,0],[180,0]]", "[[-180,0],[-170,0]]"]);
    let d = km(&a, "170,0", "-170,0");
    assert!(
        (d - 2226.4).abs() < 1.0,
        "20° of the equator, not the long way round: {d}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 10: a network of someone else's with the embedded corridors validates with warnings,
/// not 27 errors; a blank network file is refused with a message, not read into memory.
#[test]
fn the_embedded_corridors_on_another_network_warn_and_a_blank_file_is_refused() {
    let o = run(&["--network", &fixture("mini.geojson"), "validate"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(
        out.contains("warning: corridor instc avoids passage:suez, which this network lacks"),
        "{out}"
    );
    assert!(!out.contains("error:"), "{out}");
    // Comparing through a corridor whose passage is missing says so.
    let o = run(&[
        "--network",
        &fixture("mini.geojson"),
        "compare",
        "--from",
        "alpha",
        "--to",
        "omega",
        "--via",
        "suez",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let why = json(&o)["unavailable"][0]["reason"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        why.contains("needs passage:suez, not in this network"),
        "{why}"
    );
    let dir = std::env::temp_dir().join(format!("route-blank-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let blank = dir.join("blank.geojson");
    std::fs::write(&blank, " ".repeat(1 << 20)).unwrap();
    let o = run(&["--network", blank.to_str().unwrap(), "validate"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("only 1048576 bytes of whitespace"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 13's crash: a corridor whose rules name itself overflowed the stack (SIGABRT). It is
/// now an input error naming the file and the cycle.
#[test]
fn a_corridor_naming_itself_is_an_input_error_not_a_crash() {
    let dir = std::env::temp_dir().join(format!("route-cycle-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("corridors.toml");
    std::fs::write(
        &file,
        "[instc]\npass = [\"country:IR\"]\n[instc-west]\npass = [\"corridor:instc-west\"]\n",
    )
    .unwrap();
    let o = run(&[
        "--corridors",
        file.to_str().unwrap(),
        "compare",
        "--via",
        "instc-west",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("corridor \"instc-west\": its `pass` rules name corridors in a cycle (instc-west → instc-west)"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// CLI manners: every subcommand's help ends with examples, completions and a man page are
/// generated for what exists.
#[test]
fn help_has_examples_and_completions_and_a_man_page_exist() {
    for cmd in [
        "compare",
        "find",
        "matrix",
        "reach",
        "sensitivity",
        "breakeven",
        "list",
        "validate",
        "export",
        "assumptions",
        "profiles",
        "scenarios",
        "backtest",
        "prepare",
        "completions",
        "man",
    ] {
        let help = stdout(&run(&[cmd, "--help"]));
        let tail = help.rsplit("Examples:").next().unwrap_or("");
        assert!(
            help.contains("Examples:")
                && tail
                    .lines()
                    .filter(|l| l.trim_start().starts_with("route "))
                    .count()
                    >= 1,
            "{cmd} --help has no examples:\n{help}"
        );
    }
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = run(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let text = stdout(&o);
        assert!(
            text.contains("matrix") && text.contains("breakeven"),
            "{shell}"
        );
    }
    let man = stdout(&run(&["man"]));
    assert!(
        man.contains(".TH route 1") && man.contains("compare"),
        "{man}"
    );
}
