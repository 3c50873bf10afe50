//! What users see: route-aware GeoJSON, geojson.io links, SVG maps, CSV.

use super::*;

fn features(g: &serde_json::Value) -> &Vec<serde_json::Value> {
    g["features"].as_array().unwrap()
}

/// A reader of the compare GeoJSON can tell the routes apart: a different colour per route,
/// each leg drawn once (a shared leg grey and naming every route that uses it), the origin
/// and destination marked, and a legend saying which colour is which route.
#[test]
fn the_compare_geojson_tells_the_routes_apart() {
    let o = run(&[
        "compare", "--via", "suez", "--via", "cape", "--format", "geojson",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let g = json(&o);
    assert!(
        g.get("properties").is_none(),
        "geojson.io's validator refuses `properties` here"
    );
    let legend = g["corridor"]["legend"]["routes"].as_array().unwrap();
    assert_eq!(legend.len(), 3);
    let strokes: Vec<&str> = legend
        .iter()
        .map(|r| r["stroke"].as_str().unwrap())
        .collect();
    assert!(strokes[0] != strokes[1] && strokes[1] != strokes[2] && strokes[0] != strokes[2]);
    let lines: Vec<_> = features(&g)
        .iter()
        .filter(|f| f["geometry"]["type"] == "LineString")
        .collect();
    let mut ids = std::collections::HashSet::new();
    for f in &lines {
        let p = &f["properties"];
        assert!(
            ids.insert(p["leg"].as_str().unwrap()),
            "leg {} drawn twice",
            p["leg"]
        );
        let routes = p["routes"].as_array().unwrap();
        if routes.len() > 1 {
            assert_eq!(
                p["stroke"],
                g["corridor"]["legend"]["shared_legs"]["stroke"]
            );
        } else {
            let i = legend.iter().position(|r| r["label"] == routes[0]).unwrap();
            assert_eq!(p["stroke"], legend[i]["stroke"]);
        }
        // The popup is short and free of sources.
        let d = p["description"].as_str().unwrap();
        assert!(d.len() < 300 && !d.contains("http"), "{d}");
        assert!(p["source"].is_string() || p["source"].is_null());
    }
    // Every route has legs of its own colour.
    for r in legend {
        assert!(
            lines
                .iter()
                .any(|f| f["properties"]["stroke"] == r["stroke"]),
            "{r}"
        );
    }
    // Moscow – and the rail to it – is shared: at least one grey leg.
    assert!(
        lines
            .iter()
            .any(|f| f["properties"]["routes"].as_array().unwrap().len() > 1)
    );
    let roles: Vec<&str> = features(&g)
        .iter()
        .filter_map(|f| f["properties"]["role"].as_str())
        .collect();
    assert_eq!(roles, ["origin", "destination"]);
    let lint = lint::problems(&stdout(&o));
    assert!(lint.is_empty(), "{lint:?}");
}

/// `--format url` prints a geojson.io link within 8,000 characters whose data decodes to the
/// routes; a result too large for a link says to save the GeoJSON instead, exit 2.
#[test]
fn a_geojson_io_link_carries_the_routes() {
    let o = run(&[
        "compare", "--via", "suez", "--via", "cape", "--format", "url",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let link = stdout(&o).trim().to_string();
    let prefix = "https://geojson.io/#data=data:application/json,";
    assert!(
        link.starts_with(prefix) && link.len() <= 8000,
        "{}",
        link.len()
    );
    let decoded = percent_decode(&link[prefix.len()..]);
    let g: serde_json::Value = serde_json::from_str(&decoded).unwrap();
    assert_eq!(g["type"], "FeatureCollection");
    let titles: Vec<&str> = features(&g)
        .iter()
        .filter_map(|f| f["properties"]["title"].as_str())
        .collect();
    for name in ["INSTC", "Suez Canal", "Cape of Good Hope"] {
        assert!(titles.iter().any(|t| t.starts_with(name)), "{titles:?}");
    }
    assert!(decoded.parse::<geojson::GeoJson>().is_ok(), "{decoded}");
    // Every corridor to every INSTC destination from two ports is too much for one link.
    let o = run(&[
        "find",
        "--from",
        "Nhava Sheva",
        "--to",
        "Helsinki",
        "--alternatives",
        "20",
        "--format",
        "url",
    ]);
    if o.status.code() == Some(2) {
        assert!(
            stderr(&o).contains("drop it on https://geojson.io"),
            "{}",
            stderr(&o)
        );
    } else {
        assert!(stdout(&o).len() <= 8001);
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// `--format svg` draws every route (one group each, in its colour) over land, with the
/// origin and destination labelled and a legend with each route's figures.
#[test]
fn svg_maps_show_the_routes_and_the_legend() {
    let c = json(&run(&[
        "compare", "--via", "suez", "--via", "cape", "--format", "json",
    ]));
    let o = run(&[
        "compare", "--via", "suez", "--via", "cape", "--format", "svg",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let svg = stdout(&o);
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    for i in 1..=3 {
        assert!(svg.contains(&format!(r#"<g id="route-{i}">"#)), "route {i}");
    }
    for r in c["routes"].as_array().unwrap() {
        let label = r["label"].as_str().unwrap();
        let days = format!("{:.1} days", r["time_days"].as_f64().unwrap());
        assert!(
            svg.contains(&format!("{label}: ")) && svg.contains(&days),
            "{label} {days}"
        );
    }
    assert!(svg.contains(">Nhava Sheva (JNPT)</text>") && svg.contains(">Moscow</text>"));
    assert!(svg.matches("<path").count() > 30, "land and legs");
    for args in [
        &[
            "find", "--from", "Mundra", "--to", "Baku", "--format", "svg",
        ][..],
        &[
            "matrix",
            "--to",
            "Moscow,Baku",
            "--via",
            "suez",
            "--format",
            "svg",
        ],
        &["export", "--format", "svg"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).starts_with("<svg"), "{args:?}");
    }
}

/// `export --format csv` parses back: one row per leg with its ends, then the provenance.
#[test]
fn export_writes_csv_a_spreadsheet_reads() {
    let o = run(&["export", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(o.stdout.as_slice());
    assert_eq!(r.headers().unwrap().get(0), Some("id"));
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let legs = json(&run(&["list", "legs", "--format", "json"]));
    let n = legs
        .as_array()
        .or_else(|| legs["legs"].as_array())
        .unwrap()
        .len();
    assert_eq!(rows.len(), n + 1);
    assert!(rows[n][0].starts_with("# route "));
    let ba = rows
        .iter()
        .find(|r| &r[0] == "rail-bandar-abbas-bafq")
        .unwrap();
    assert_eq!((&ba[2], &ba[3], &ba[4]), ("bandar-abbas", "bafq", "rail"));
    assert_eq!(&ba[7], "626", "the published length routes");
}

/// Every tabular command writes CSV a spreadsheet reads (the figures equal the JSON's) and
/// Markdown pipe tables.
#[test]
fn tabular_commands_write_csv_and_markdown() {
    let c = json(&run(&["compare", "--via", "suez", "--format", "json"]));
    let o = run(&["compare", "--via", "suez", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(o.stdout.as_slice());
    let header = r.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3, "two routes and the provenance row");
    for (row, route) in rows.iter().zip(c["routes"].as_array().unwrap()) {
        let days: f64 = row[col("time_days")].parse().unwrap();
        assert!((days - route["time_days"].as_f64().unwrap()).abs() < 0.006);
        let usd: f64 = row[col("cost_usd")].parse().unwrap();
        assert!((usd - route["cost_usd"].as_f64().unwrap()).abs() < 0.51);
        assert_eq!(row[col("branch")], *route["branch"].as_str().unwrap());
    }
    let d: f64 = rows[1][col("delta_days")].parse().unwrap();
    let want = c["routes"][1]["time_days"].as_f64().unwrap()
        - c["routes"][0]["time_days"].as_f64().unwrap();
    assert!((d - want).abs() < 0.006);
    for args in [
        &["find", "--from", "Mundra", "--to", "Baku"][..],
        &["list", "nodes"],
        &["list", "legs"],
        &["list", "corridors"],
        &["list", "passages"],
        &["assumptions"],
        &["sensitivity", "--via", "suez"],
        &["profiles"],
        &["matrix", "--to", "Moscow,Baku"],
        &["reach", "--within", "10d"],
    ] {
        let mut a = args.to_vec();
        a.extend(["--format", "csv"]);
        let o = run(&a);
        assert_eq!(o.status.code(), Some(0), "{a:?}: {}", stderr(&o));
        let mut r = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(o.stdout.as_slice());
        let width = r.headers().unwrap().len();
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        let (last, body) = rows.split_last().unwrap();
        assert!(last[0].starts_with("# route "), "{a:?}");
        assert!(!body.is_empty(), "{a:?}");
        assert!(body.iter().all(|r| r.len() == width), "{a:?}");
        let mut a = args.to_vec();
        a.extend(["--format", "markdown"]);
        let o = run(&a);
        assert_eq!(o.status.code(), Some(0), "{a:?}: {}", stderr(&o));
        let text = stdout(&o);
        assert!(
            text.contains("\n|") && text.contains("|---"),
            "{a:?}:\n{text}"
        );
        assert!(!text.contains('┌') && !text.contains('│'), "{a:?}");
    }
}

/// `assumptions --brief` is one line per assumption, without sources.
#[test]
fn assumptions_have_a_brief_view() {
    let all = json(&run(&["assumptions", "--format", "json"]));
    let n = all.as_array().unwrap().len();
    let o = run(&["assumptions", "--brief"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(!text.contains("http"), "no sources in the brief view");
    assert!(
        text.lines().count() <= n + 5,
        "{} lines for {n} assumptions",
        text.lines().count()
    );
    let full = stdout(&run(&["assumptions"]));
    assert!(full.lines().count() > text.lines().count());
}
