//! `route export` → `--network`: the edit-and-reload workflow. Everything that affects routing,
//! pricing and place lookup survives, so the answers are the same to the byte (the record of
//! how they were made names the file instead of the embedded data, and is left out).

use super::*;

/// An answer without its provenance: the JSON key, the GeoJSON collection's `corridor`, or
/// a table's footer paragraph.
fn answer(o: &Output) -> String {
    let text = stdout(o);
    if text.starts_with('{') {
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let obj = v.as_object_mut().unwrap();
        obj.remove("provenance");
        obj.remove("corridor");
        return serde_json::to_string_pretty(&v).unwrap();
    }
    let footer = text
        .rfind(&format!("route {}", env!("CARGO_PKG_VERSION")))
        .expect("a table ends with its footer");
    text[..footer].to_string()
}

#[test]
fn an_exported_network_reloads_to_the_same_answers() {
    let dir = std::env::temp_dir().join(format!("route-roundtrip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("net.geojson");
    let o = run(&["export"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::write(&file, &o.stdout).unwrap();
    let net = file.to_str().unwrap();
    let queries: &[&[&str]] = &[
        &["compare", "--via", "suez"],
        &["compare", "--via", "suez", "--scenario", "normal"],
        &["compare", "--via", "suez", "--format", "geojson"],
        &[
            "find",
            "--from",
            "Nhava Sheva",
            "--to",
            "Astrakhan",
            "--by",
            "time",
        ],
        &[
            "find",
            "--from",
            "Mumbai",
            "--to",
            "Moscow",
            "--via",
            "instc-caspian",
            "--format",
            "json",
        ],
        &[
            "find", "--from", "INNSA", "--to", "Tashkent", "--by", "cost", "--format", "json",
        ],
        &[
            "compare",
            "--to",
            "St Petersburg",
            "--via",
            "suez",
            "--via",
            "cape",
            "--format",
            "json",
        ],
        &[
            "compare", "--from", "Mundra", "--to", "Almaty", "--by", "co2e",
        ],
        &["sensitivity", "--via", "suez", "--format", "json"],
        &["backtest", "--format", "json"],
    ];
    for q in queries {
        let embedded = run(q);
        assert_eq!(
            embedded.status.code(),
            Some(0),
            "{q:?}: {}",
            stderr(&embedded)
        );
        // The embedded network is routed in the present by default; another network in no
        // scenario unless asked, so the reload names it.
        let mut args = vec!["--network", net];
        if !q.contains(&"--scenario") && q[0] != "backtest" {
            args.extend(["--scenario", "present"]);
        }
        args.extend_from_slice(q);
        let reloaded = run(&args);
        assert_eq!(
            reloaded.status.code(),
            Some(0),
            "{q:?}: {}",
            stderr(&reloaded)
        );
        assert!(
            answer(&embedded) == answer(&reloaded),
            "{q:?} differs after export and reload:\n{}\n---\n{}",
            answer(&embedded),
            answer(&reloaded)
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A published network that marks chokepoints with `passage` gets them, and `--avoid` then
/// avoids them; a network can come on standard input.
#[test]
fn a_legs_passage_and_standard_input_are_read() {
    let text = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"mode":"sea","passage":"strait"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,0]]}},
      {"type":"Feature","properties":{"mode":"sea"},"geometry":{"type":"LineString","coordinates":[[1,0],[2,0]]}},
      {"type":"Feature","properties":{"mode":"sea"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1],[2,0]]}}]}"#;
    let mut child = std::process::Command::new(BIN)
        .args([
            "--network",
            "-",
            "find",
            "--from",
            "0,0",
            "--to",
            "2,0",
            "--format",
            "json",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&o)["passages"], serde_json::json!(["strait"]));
    let dir = std::env::temp_dir().join(format!("route-passage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("p.geojson");
    std::fs::write(&file, text).unwrap();
    let o = run(&[
        "--network",
        file.to_str().unwrap(),
        "find",
        "--from",
        "0,0",
        "--to",
        "2,0",
        "--avoid",
        "passage:strait",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&o)["passages"], serde_json::json!([]));
    std::fs::remove_dir_all(&dir).ok();
}

/// `route prepare` writes a file that `--network` reads to the same answers; a file that is
/// neither GeoJSON nor a prepared network is refused with its name.
#[test]
fn a_prepared_network_gives_the_same_answers() {
    let dir = std::env::temp_dir().join(format!("route-prepare-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let prepared = dir.join("mini.rnet");
    let o = run(&[
        "prepare",
        &fixture("mini.geojson"),
        "-o",
        prepared.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("7 nodes, 8 legs"), "{}", stdout(&o));
    let q = [
        "find", "--from", "alpha", "--to", "omega", "--format", "json",
    ];
    let with = |net: &str| {
        let mut args = vec![
            "--network",
            net,
            "--corridors",
            &fixture("mini-corridors.toml"),
            "--assumptions",
            &fixture("round-assumptions.toml"),
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
        args.extend(q.iter().map(|s| (*s).to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = run(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        answer(&o)
    };
    assert_eq!(
        with(&fixture("mini.geojson")),
        with(prepared.to_str().unwrap())
    );
    let junk = dir.join("junk.bin");
    std::fs::write(&junk, [0xff_u8, 0xfe, 0x00, 0x01]).unwrap();
    let o = run(&["--network", junk.to_str().unwrap(), "validate"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("junk.bin: not UTF-8 text (byte 0) and not a prepared network"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir_all(&dir).ok();
}
