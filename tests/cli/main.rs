//! The `route` binary end to end: output formats, exit codes and error messages, on a small
//! fixture network with round-number assumptions (tests/fixtures). One module per topic:
//! [`routes`] (find, places, constraints), [`analyses`] (compare, Monte Carlo, sensitivity,
//! assumptions), [`inputs`] (loading, validation, bad files, usage), [`worlds`] (scenarios,
//! relays, provenance).

use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_route");

pub fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs `route` on the fixture network.
pub fn mini(args: &[&str]) -> Output {
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

pub fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run route")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

#[path = "../support/lint.rs"]
mod lint;

mod analyses;
mod inputs;
mod limits;
mod outputs;
mod questions;
mod roundtrip;
mod routes;
mod worlds;
