//! The questions across places: `route matrix`.

use super::*;

const ORIGINS: &str = "Nhava Sheva,Mundra";
const DESTINATIONS: &str = "Moscow,St Petersburg,Helsinki,Almaty,Tashkent,Kabul,Baku,Minsk";

fn matrix(format: &str) -> Output {
    run(&[
        "matrix",
        "--from",
        ORIGINS,
        "--to",
        DESTINATIONS,
        "--via",
        "suez",
        "--via",
        "cape",
        "--format",
        format,
    ])
}

/// Every cell of the matrix is the route `compare` finds for that pair alone (a point-to-point
/// A* search against the matrix's one-to-many Dijkstra), and the winners are the least of each
/// metric among the routes.
#[test]
fn each_matrix_cell_is_the_route_compare_finds_for_its_pair() {
    let o = matrix("json");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = json(&o);
    let pairs = m["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 16);
    let mut compared = 0;
    for p in pairs {
        let (from, to) = (
            p["from"]["id"].as_str().unwrap(),
            p["to"]["id"].as_str().unwrap(),
        );
        let c = run(&[
            "compare", "--from", from, "--to", to, "--via", "suez", "--via", "cape", "--format",
            "json",
        ]);
        assert_eq!(c.status.code(), Some(0), "{from} → {to}: {}", stderr(&c));
        let c = json(&c);
        let routes = p["routes"].as_array().unwrap();
        for r in routes {
            let corridor = r["corridor"].as_str().unwrap();
            let twin = c["routes"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["corridor"] == corridor)
                .unwrap_or_else(|| panic!("{from} → {to}: compare has no {corridor} route"));
            for (mk, ck) in [("time_days", "time_days"), ("cost_usd", "cost_usd")] {
                let (a, b) = (r[mk].as_f64().unwrap(), twin[ck].as_f64().unwrap());
                assert!(
                    (a - b).abs() < 1e-6 * b,
                    "{from} → {to} {corridor} {mk}: {a} vs {b}"
                );
            }
            let t = twin["co2e_kg"].as_f64().unwrap() / 1000.0;
            assert!((r["co2e_t"].as_f64().unwrap() - t).abs() < 1e-9);
            compared += 1;
        }
        // A corridor missing from the matrix is missing from compare too.
        for u in p["unavailable"].as_array().unwrap() {
            let label = u["corridor"].as_str().unwrap();
            assert!(
                !c["routes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|x| x["corridor"] == label),
                "{from} → {to}: compare routes {label}"
            );
        }
        for (metric, key) in [
            ("time", "time_days"),
            ("cost", "cost_usd"),
            ("co2e", "co2e_t"),
        ] {
            let best = routes
                .iter()
                .min_by(|a, b| {
                    a[key]
                        .as_f64()
                        .unwrap()
                        .total_cmp(&b[key].as_f64().unwrap())
                })
                .map(|r| r["corridor"].clone());
            assert_eq!(
                Some(p["winners"][metric].clone()),
                best,
                "{from} → {to} {metric}"
            );
        }
    }
    assert!(
        compared >= 32,
        "most pairs route through two corridors ({compared})"
    );
}

/// The table fits 100 columns and names every pair; the CSV has one row per pair and
/// corridor, a header, numbers a spreadsheet reads, and the provenance as its last row.
#[test]
fn the_matrix_reads_as_a_table_and_opens_as_csv() {
    let o = matrix("table");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    for line in text.lines() {
        assert!(
            line.chars().count() <= 100,
            "wider than 100 columns: {line}"
        );
    }
    for pair in ["Nhava Sheva → Moscow", "Mundra → Minsk", "Mundra → Kabul"] {
        assert!(text.contains(pair), "{pair} missing:\n{text}");
    }
    let o = matrix("csv");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(o.stdout.as_slice());
    let header = r.headers().unwrap().clone();
    assert_eq!(&header[0], "from_id");
    assert_eq!(header.len(), 14);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let (last, body) = rows.split_last().unwrap();
    assert!(last[0].starts_with("# route "), "{last:?}");
    assert_eq!(body.len(), 16 * 3, "one row per pair and corridor");
    for row in body {
        assert_eq!(row.len(), 14);
        if row[13].is_empty() {
            for k in 5..9 {
                let x: f64 = row[k].parse().unwrap_or_else(|_| panic!("{row:?}"));
                assert!(x.is_finite() && x > 0.0, "{row:?}");
            }
        } else {
            assert!(
                row[5].is_empty() && row[13].starts_with("no route"),
                "{row:?}"
            );
        }
    }
    // Under the present scenarios Suez cannot reach Almaty (Bab-el-Mandeb avoided, and the
    // Red Sea exemption is for Russia only); the Cape can.
    let almaty = |c: &str| {
        body.iter()
            .find(|r| &r[0] == "nhava-sheva" && &r[2] == "almaty" && &r[4] == c)
            .unwrap()
            .clone()
    };
    assert!(!almaty("suez")[13].is_empty());
    assert!(almaty("cape")[13].is_empty());
}

/// Places: comma lists keep a `LON,LAT` whole; a preset expands; an unknown place names the
/// flag and the value, exit 2.
#[test]
fn matrix_places_lists_presets_and_errors() {
    let o = run(&[
        "matrix",
        "--from",
        "72.95,18.95",
        "--to",
        "instc-destinations",
        "--via",
        "suez",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = json(&o);
    assert_eq!(m["pairs"].as_array().unwrap().len(), 12);
    assert_eq!(m["pairs"][0]["from"]["id"], "nhava-sheva");
    assert!(m["provenance"].is_object());
    let o = run(&["matrix", "--from", "Nhava Sheva", "--to", "Moscow,Atlantis"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--to \"Atlantis\""), "{}", stderr(&o));
    let o = run(&["matrix", "--to", "Moscow", "--format", "geojson"]);
    assert_eq!(o.status.code(), Some(0));
    let g = json(&o);
    assert_eq!(g["type"], "FeatureCollection");
    assert!(g["features"].as_array().unwrap().len() > 10);
}
