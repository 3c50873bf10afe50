//! Prepares the embedded data for a fast start: the geodesic length of every leg of the
//! embedded network, the embedded assumptions as a ready-made table, and each embedded file's
//! SHA-256 for the provenance of outputs.
//!
//! Why: `route compare` as a whole process must cost at most twice `route --version`
//! (BENCHMARKS.md). Karney's geodesic inverse on the network's ~1,600 segments and parsing the
//! 33 KB assumptions TOML were the largest costs of start-up. The lengths are computed here
//! with the same function geo's `Geodesic` calls (geographiclib-rs, WGS84 `inverse` in
//! metres), and the table is read from the same bytes that `include_str!` embeds, so both are
//! what the loaders would produce; tests check that they are. Files given with `--network` or
//! `--assumptions` are always read at run time.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

use geographiclib_rs::{Geodesic, InverseGeodesic};

#[path = "src/model/assumptions_file.rs"]
#[allow(dead_code)]
mod assumptions_file;

fn line_km(g: &Geodesic, line: &[serde_json::Value]) -> f64 {
    let pos: Vec<(f64, f64)> = line
        .iter()
        .filter_map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
        .collect();
    if pos.len() != line.len() || pos.len() < 2 {
        return f64::NAN; // The loader reports such a line; its length is never used.
    }
    let metres: f64 = pos
        .windows(2)
        .map(|w| {
            let s12: f64 = g.inverse(w[0].1, w[0].0, w[1].1, w[1].0);
            s12
        })
        .sum();
    metres / 1000.0
}

/// Writes `EMBEDDED_PARAMS`: every parameter of data/assumptions.toml, read by the library's
/// own reader, as (key, value, low, high, unit, source, note), or `None` when the file does
/// not read here (the run-time parser then reports why, with the line).
fn assumptions_table() -> String {
    let source = "data/assumptions.toml";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=src/model/assumptions_file.rs");
    let rows = fs::read_to_string(source)
        .ok()
        .and_then(|t| assumptions_file::read(&t).ok());
    let mut out = String::from(
        "/// The embedded assumptions as (key, value, low, high, unit, source, note) (build.rs).\n",
    );
    out.push_str("#[allow(clippy::type_complexity)]\n");
    out.push_str("pub(crate) const EMBEDDED_PARAMS: Option<&[(&str, f64, Option<f64>, Option<f64>, Option<&str>, Option<&str>, Option<&str>)]> = ");
    let Some(rows) = rows else {
        out.push_str("None;\n");
        return out;
    };
    out.push_str("Some(&[\n");
    for r in rows {
        let t = &r.table;
        let num = |x: Option<f64>| x.map_or("None".to_string(), |x| format!("Some({x:?})"));
        let text = |x: &Option<String>| {
            x.as_ref()
                .map_or("None".to_string(), |x| format!("Some({x:?})"))
        };
        let _ = writeln!(
            out,
            "    ({:?}, {:?}, {}, {}, {}, {}, {}),",
            r.key,
            t.value,
            num(t.low),
            num(t.high),
            text(&t.unit),
            text(&t.source),
            text(&t.note)
        );
    }
    out.push_str("]);\n");
    out
}

fn main() {
    let params = assumptions_table();
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_params.rs");
    fs::write(dest, params).expect("write OUT_DIR/embedded_params.rs");
    let source = "data/network.geojson";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=build.rs");
    let mut lengths: Vec<f64> = Vec::new();
    // A network that does not parse here gets no cache; the loader then reports its problems.
    if let Ok(doc) =
        serde_json::from_str::<serde_json::Value>(&fs::read_to_string(source).unwrap_or_default())
    {
        let g = Geodesic::wgs84();
        for f in doc["features"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let geometry = &f["geometry"];
            let coords = &geometry["coordinates"];
            match geometry["type"].as_str() {
                Some("LineString") => lengths.push(line_km(
                    &g,
                    coords.as_array().map(Vec::as_slice).unwrap_or_default(),
                )),
                Some("MultiLineString") => {
                    for part in coords.as_array().map(Vec::as_slice).unwrap_or_default() {
                        lengths.push(line_km(
                            &g,
                            part.as_array().map(Vec::as_slice).unwrap_or_default(),
                        ));
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = String::from(
        "/// Geodesic lengths (km) of the embedded network's lines, in file order (build.rs).\n",
    );
    let _ = writeln!(
        out,
        "pub(crate) const EMBEDDED_LENGTHS_KM: [f64; {}] = [",
        lengths.len()
    );
    for l in &lengths {
        if l.is_nan() {
            out.push_str("    f64::NAN,\n");
        } else {
            // `{:?}` prints the shortest text that reads back to the same f64.
            let _ = writeln!(out, "    {l:?},");
        }
    }
    out.push_str("];\n");
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_lengths.rs");
    fs::write(dest, out).expect("write OUT_DIR/embedded_lengths.rs");
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_sha256.rs");
    fs::write(dest, hashes()).expect("write OUT_DIR/embedded_sha256.rs");
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_table.rs");
    let table = fs::read_to_string(source)
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|doc| network_table(&doc, &lengths));
    fs::write(
        dest,
        table.unwrap_or_else(|| "pub(crate) static EMBEDDED_TABLE: Option<Table> = None;\n".into()),
    )
    .expect("write OUT_DIR/embedded_table.rs");
}

/// Writes `EMBEDDED_TABLE`: the embedded network's nodes and legs as Rust data, so that the
/// binary builds the network without decoding 340 KB of JSON on every run (that was half of
/// `route compare`'s own work; BENCHMARKS.md). `None` when the file holds anything this simple
/// reader does not follow (a leg without `from`/`to`, an unknown node, a MultiLineString, a
/// property of an unexpected type): the loader then reads the file and reports it. A test
/// checks that the table builds exactly the network the loader builds.
fn network_table(doc: &serde_json::Value, lengths: &[f64]) -> Option<String> {
    use serde_json::Value;
    let text = |v: &Value| -> Option<String> { Some(format!("{:?}", v.as_str()?)) };
    let opt_text = |v: &Value| -> Option<String> {
        match v {
            Value::Null => Some("None".into()),
            Value::String(s) => Some(format!("Some({s:?})")),
            _ => None,
        }
    };
    let texts = |v: &Value| -> Option<String> {
        match v {
            Value::Null => Some("&[]".into()),
            Value::Array(a) => {
                let items: Option<Vec<String>> = a.iter().map(&text).collect();
                Some(format!("&[{}]", items?.join(", ")))
            }
            _ => None,
        }
    };
    let num = |v: &Value| -> Option<String> {
        match v {
            Value::Null => Some("None".into()),
            Value::Number(n) => Some(format!("Some({:?})", n.as_f64()?)),
            _ => None,
        }
    };
    let features = doc["features"].as_array()?;
    let mut ids: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut nodes = String::new();
    for f in features {
        if f["geometry"]["type"].as_str()? != "Point" {
            continue;
        }
        let p = &f["properties"];
        let id = p["id"].as_str()?.to_string();
        let c = f["geometry"]["coordinates"].as_array()?;
        let (lon, lat) = (c.first()?.as_f64()?, c.get(1)?.as_f64()?);
        if !(-180.0..=180.0).contains(&lon) || ids.contains_key(&id) {
            return None;
        }
        ids.insert(id.clone(), ids.len());
        let name = if p["name"].is_null() {
            format!("{id:?}")
        } else {
            text(&p["name"])?
        };
        let _ = writeln!(
            nodes,
            "    NodeRow {{ id: {id:?}, name: {name}, aliases: {}, kind: {}, country: {}, locode: {}, passage: {}, source: {}, position: [{lon:?}, {lat:?}] }},",
            texts(&p["aliases"])?,
            text(&p["kind"])?,
            opt_text(&p["country"])?,
            opt_text(&p["locode"])?,
            opt_text(&p["passage"])?,
            opt_text(&p["source"])?,
        );
    }
    let mut legs = String::new();
    let mut k = 0;
    for f in features {
        if f["geometry"]["type"].as_str()? != "LineString" {
            if f["geometry"]["type"].as_str()? == "Point" {
                continue;
            }
            return None;
        }
        let p = &f["properties"];
        let from = *ids.get(p["from"].as_str()?)?;
        let to = *ids.get(p["to"].as_str()?)?;
        let coords: Option<Vec<String>> = f["geometry"]["coordinates"]
            .as_array()?
            .iter()
            .map(|c| {
                let c = c.as_array()?;
                Some(format!(
                    "[{:?}, {:?}]",
                    c.first()?.as_f64()?,
                    c.get(1)?.as_f64()?
                ))
            })
            .collect();
        let gauge = match &p["gauge_mm"] {
            Value::Null => "None".to_string(),
            v => format!("Some({})", v.as_u64()?),
        };
        if !p["passage"].is_null()
            || !p["published_km"].is_null()
            || !p["published_source"].is_null()
        {
            return None; // Names the loader reads as aliases: leave them to it.
        }
        let _ = writeln!(
            legs,
            "    LegRow {{ id: {}, name: {}, from: {from}, to: {to}, mode: {}, countries: {}, status: {}, gauge_mm: {gauge}, traction: {}, vessel: {}, passages: {}, one_way: {}, source: {}, length_km: {}, length_source: {}, drawn_km: {:?}, coords: &[{}] }},",
            text(&p["id"])?,
            opt_text(&p["name"])?,
            text(&p["mode"])?,
            texts(&p["countries"])?,
            opt_text(&p["status"])?,
            opt_text(&p["traction"])?,
            opt_text(&p["vessel"])?,
            texts(&p["passages"])?,
            p["one_way"].as_bool().unwrap_or(false),
            opt_text(&p["source"])?,
            num(&p["length_km"])?,
            opt_text(&p["length_source"])?,
            lengths.get(k)?,
            coords?.join(", "),
        );
        k += 1;
    }
    if k != lengths.len() {
        return None;
    }
    Some(format!(
        "/// The embedded network as data (build.rs).\npub(crate) static EMBEDDED_TABLE: Option<Table> = Some(Table {{\n  nodes: &[\n{nodes}  ],\n  legs: &[\n{legs}  ],\n}});\n"
    ))
}

/// Writes `SHA256`: each embedded data file's SHA-256, so that an output's provenance names
/// the data without hashing 340 KB on every run (about 1 ms, half of `route compare`).
fn hashes() -> String {
    use sha2::{Digest, Sha256};
    let files = [
        ("network", "data/network.geojson"),
        ("corridors", "data/corridors.toml"),
        ("assumptions", "data/assumptions.toml"),
        ("profiles", "data/profiles.toml"),
        ("scenarios", "data/scenarios.toml"),
        ("observations", "data/observations.toml"),
    ];
    let mut out = String::from(
        "/// SHA-256 (hex) of each embedded data file, by role (build.rs).\npub const SHA256: [(&str, &str); 6] = [\n",
    );
    for (role, path) in files {
        println!("cargo:rerun-if-changed={path}");
        let bytes = fs::read(path).unwrap_or_default();
        let hex: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let _ = writeln!(out, "    ({role:?}, {hex:?}),");
    }
    out.push_str("];\n");
    out
}
