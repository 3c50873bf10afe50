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
