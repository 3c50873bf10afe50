//! A mutational fuzzer for every parser a user feeds: the GeoJSON network loader, the four
//! TOML files (assumptions, corridors, profiles, scenarios) and the observations file,
//! `--set KEY=VALUE` overrides and place strings. cargo-fuzz needs a nightly toolchain and
//! afl.rs its own compiler plugin, neither of which this machine's stable toolchain has, so
//! this is a seeded harness: it mutates the seed corpus (the embedded files, tests/fixtures
//! and the regression inputs in tests/fuzz-corpus/) with byte flips, insertions of
//! troublesome tokens, deletions, truncations and duplications, feeds each input to the
//! parser and, when it parses, to the routing and pricing behind it, and fails on a panic or
//! on a non-finite or negative number in an answer.
//!
//! The targets are `#[ignore]`d, so `cargo test` does not run them; run one for a while with
//!
//! ```text
//! ROUTE_FUZZ_SECS=900 cargo test --release --test fuzz -- --ignored --nocapture network
//! ```
//!
//! Each prints its executions and findings; a finding's input is written to
//! `target/fuzz-findings/`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use corridor::model::{Assumptions, CostModel, Objective, Params};
use corridor::network::{LoadOptions, parse_network};
use corridor::questions::{compare, find};
use corridor::routing::Corridors;
use corridor::{Atlas, embedded};

/// Tokens that have broken parsers before, or could: extremes, wrong types, structure.
const TOKENS: &[&str] = &[
    "1e308",
    "-1e308",
    "5e-324",
    "-0",
    "NaN",
    "inf",
    "-500",
    "0",
    "1e9999",
    "\"\"",
    "[]",
    "{}",
    "null",
    "true",
    "[[",
    "]]",
    "{\"",
    "\":",
    ",",
    "\\u0000",
    "\u{202e}",
    "é",
    "\"corridor:",
    "|",
    "=",
    "\n[",
    "\n[[",
    "#",
    "'''",
    "\"\"\"",
    "FeatureCollection",
    "LineString",
    "Point",
    "MultiLineString",
    "180",
    "-180",
    "90.0000001",
    "540",
    ".",
    "-",
];

fn budget() -> Duration {
    Duration::from_secs(
        std::env::var("ROUTE_FUZZ_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(10),
    )
}

fn mutate(rng: &mut ChaCha8Rng, seed: &str) -> String {
    let mut b = seed.as_bytes().to_vec();
    for _ in 0..rng.random_range(1..8) {
        if b.is_empty() {
            b.extend_from_slice(TOKENS[rng.random_range(0..TOKENS.len())].as_bytes());
            continue;
        }
        let at = rng.random_range(0..b.len());
        match rng.random_range(0..6) {
            0 => b[at] = rng.random(),
            1 => {
                let t = TOKENS[rng.random_range(0..TOKENS.len())].as_bytes();
                b.splice(at..at, t.iter().copied());
            }
            2 => {
                let n = rng.random_range(1..64).min(b.len() - at);
                b.drain(at..at + n);
            }
            3 => b.truncate(at),
            4 => {
                let n = rng.random_range(1..256).min(b.len() - at);
                let copy: Vec<u8> = b[at..at + n].to_vec();
                let to = rng.random_range(0..b.len());
                b.splice(to..to, copy);
            }
            _ => {
                // Replace a number with an extreme.
                if let Some(start) = b[at..].iter().position(u8::is_ascii_digit) {
                    let s = at + start;
                    let end = b[s..]
                        .iter()
                        .position(|c| !(c.is_ascii_digit() || *c == b'.'))
                        .map_or(b.len(), |e| s + e);
                    let t = ["1e308", "-1", "0", "5e-324", "1e15"][rng.random_range(0..5)];
                    b.splice(s..end, t.bytes());
                }
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

/// Every number in a JSON value is finite and, outside differences, not negative.
fn numbers_sane(v: &serde_json::Value, at: &str) -> Result<(), String> {
    match v {
        serde_json::Value::Number(n) => {
            let x = n.as_f64().unwrap_or(f64::NAN);
            let signed = ["vs_reference", "lon", "lat", "delta"];
            if !x.is_finite() || (x < 0.0 && !signed.iter().any(|s| at.contains(s))) {
                return Err(format!("{at} = {x}"));
            }
            Ok(())
        }
        serde_json::Value::Array(a) => a
            .iter()
            .enumerate()
            .try_for_each(|(i, x)| numbers_sane(x, &format!("{at}[{i}]"))),
        serde_json::Value::Object(o) => o
            .iter()
            .try_for_each(|(k, x)| numbers_sane(x, &format!("{at}.{k}"))),
        _ => Ok(()),
    }
}

/// A comparison on `atlas` under `assumptions`: its numbers must be sane.
fn exercise(atlas: &Atlas, assumptions: &Assumptions) -> Result<(), String> {
    let Ok(params) = Params::from_assumptions(assumptions) else {
        return Ok(());
    };
    let model = CostModel::new(atlas.network(), params);
    let net = atlas.network();
    let n = net.nodes().len();
    if n < 2 {
        return Ok(());
    }
    for (a, b) in [(0, n - 1), (n / 3, 2 * n / 3)] {
        let q = find::Query {
            from: net.nodes()[a].id.clone(),
            to: net.nodes()[b].id.clone(),
            objective: Objective::Cost,
            ..Default::default()
        };
        if let Ok(req) = q.resolve(atlas)
            && let Ok(r) = find::run(atlas, &model, &req)
        {
            numbers_sane(&serde_json::to_value(&r).unwrap(), "find")?;
        }
    }
    if let Ok(req) = (compare::Query {
        via: vec!["suez".into()],
        ..Default::default()
    })
    .resolve(atlas)
        && let Ok(c) = compare::run(atlas, &model, &req)
    {
        numbers_sane(&serde_json::to_value(&c).unwrap(), "compare")?;
    }
    Ok(())
}

/// Runs `target` on mutations of `seeds` for the budget; returns (executions, findings).
fn fuzz(name: &str, seeds: &[String], mut target: impl FnMut(&str) -> Result<(), String>) {
    let mut rng = ChaCha8Rng::seed_from_u64(
        std::env::var("ROUTE_FUZZ_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(1),
    );
    let end = Instant::now() + budget();
    let (mut runs, mut findings) = (0u64, Vec::new());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-findings");
    std::panic::set_hook(Box::new(|_| {}));
    while Instant::now() < end {
        let seed = &seeds[rng.random_range(0..seeds.len())];
        let input = mutate(&mut rng, seed);
        runs += 1;
        let outcome = catch_unwind(AssertUnwindSafe(|| target(&input)));
        let problem = match outcome {
            Ok(Ok(())) => continue,
            Ok(Err(e)) => e,
            Err(p) => format!(
                "panic: {}",
                p.downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_string()))
                    .unwrap_or_default()
            ),
        };
        std::fs::create_dir_all(&dir).ok();
        let file = dir.join(format!("{name}-{}", findings.len()));
        std::fs::write(&file, &input).ok();
        findings.push(format!("{problem} (input in {})", file.display()));
    }
    let _ = std::panic::take_hook();
    println!(
        "fuzz {name}: {runs} executions in {} s, {} findings",
        budget().as_secs(),
        findings.len()
    );
    assert!(findings.is_empty(), "{name}: {findings:#?}");
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn corpus(prefix: &str) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus");
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(prefix) {
                out.push(std::fs::read_to_string(e.path()).unwrap_or_default());
            }
        }
    }
    out
}

#[test]
#[ignore = "a fuzz target: run with ROUTE_FUZZ_SECS and --ignored"]
fn network() {
    let mut seeds = vec![fixture("mini.geojson"), embedded::NETWORK.to_string()];
    seeds.extend(corpus("network-"));
    let corridors = Corridors::parse(embedded::CORRIDORS, "c").unwrap();
    let assumptions = Assumptions::embedded().unwrap();
    let options = LoadOptions {
        default_mode: Some(corridor::network::Mode::Rail),
        ..LoadOptions::default()
    };
    fuzz("network", &seeds, |text| {
        if let Ok(net) = parse_network(text, "fuzz.geojson", &options) {
            exercise(&Atlas::new(net, corridors.clone()), &assumptions)?;
        }
        Ok(())
    });
}

#[test]
#[ignore = "a fuzz target: run with ROUTE_FUZZ_SECS and --ignored"]
fn assumptions() {
    let mut seeds = vec![
        embedded::ASSUMPTIONS.to_string(),
        fixture("round-assumptions.toml"),
    ];
    seeds.extend(corpus("assumptions-"));
    let atlas = Atlas::embedded().unwrap();
    fuzz("assumptions", &seeds, |text| {
        if let Ok(a) = Assumptions::parse(text, "fuzz.toml") {
            exercise(&atlas, &a)?;
        }
        Ok(())
    });
}

#[test]
#[ignore = "a fuzz target: run with ROUTE_FUZZ_SECS and --ignored"]
fn corridors_profiles_scenarios_observations() {
    let mut seeds = vec![
        embedded::CORRIDORS.to_string(),
        embedded::PROFILES.to_string(),
        embedded::SCENARIOS.to_string(),
        embedded::OBSERVATIONS.to_string(),
        fixture("mini-corridors.toml"),
    ];
    seeds.extend(corpus("toml-"));
    let net = corridor::embedded::network(&LoadOptions::default()).unwrap();
    let assumptions = Assumptions::embedded().unwrap();
    fuzz("toml", &seeds, |text| {
        if let Ok(c) = Corridors::parse(text, "fuzz.toml") {
            exercise(&Atlas::new(net.clone(), c), &assumptions)?;
        }
        let _ = corridor::model::Profiles::parse(text, "fuzz.toml");
        if let Ok(s) = corridor::model::Scenarios::parse(text, "fuzz.toml") {
            for sc in s.list() {
                let _ = s.world(std::slice::from_ref(&sc.id));
            }
        }
        let _ = corridor::questions::observations::parse(text, "fuzz.toml");
        Ok(())
    });
}

#[test]
#[ignore = "a fuzz target: run with ROUTE_FUZZ_SECS and --ignored"]
fn overrides_and_places() {
    let atlas = Atlas::embedded().unwrap();
    let base = Assumptions::embedded().unwrap();
    let mut seeds: Vec<String> = base
        .params()
        .iter()
        .map(|p| format!("{}={}", p.key, p.value))
        .collect();
    seeds.extend(atlas.network().nodes().iter().map(|n| n.name.clone()));
    seeds.extend(["72.9,18.9", "-180,0", "INNSA", "node:moscow"].map(String::from));
    seeds.extend(corpus("text-"));
    fuzz("overrides-and-places", &seeds, |text| {
        let mut a = base.clone();
        if a.apply_overrides(&[text.to_string()], "--set").is_ok() {
            exercise(&atlas, &a)?;
        }
        let _ = atlas.place(text, 100.0);
        let _ = find::end(&atlas, text, 100.0);
        let _ = atlas.target(text);
        Ok(())
    });
}
