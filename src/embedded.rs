//! The data compiled into the library: the network, corridors, assumptions and profiles of
//! `data/`, and what build.rs prepared from them for a fast start.

use crate::error::Result;
use crate::network::{LoadOptions, Network};

/// The embedded network (`data/network.geojson`).
pub const NETWORK: &str = include_str!("../data/network.geojson");
/// The embedded corridors (`data/corridors.toml`).
pub const CORRIDORS: &str = include_str!("../data/corridors.toml");
/// The embedded assumptions (`data/assumptions.toml`).
pub const ASSUMPTIONS: &str = include_str!("../data/assumptions.toml");
/// The embedded profiles (`data/profiles.toml`).
pub const PROFILES: &str = include_str!("../data/profiles.toml");
/// The embedded scenarios (`data/scenarios.toml`).
pub const SCENARIOS: &str = include_str!("../data/scenarios.toml");
/// The embedded backtest observations (`data/observations.toml`).
pub const OBSERVATIONS: &str = include_str!("../data/observations.toml");

/// Names the embedded files go by in messages.
pub const NETWORK_NAME: &str = "<embedded network>";
/// See [`NETWORK_NAME`].
pub const CORRIDORS_NAME: &str = "<embedded corridors>";
/// See [`NETWORK_NAME`].
pub const ASSUMPTIONS_NAME: &str = "<embedded assumptions>";
/// See [`NETWORK_NAME`].
pub const PROFILES_NAME: &str = "<embedded profiles>";
/// See [`NETWORK_NAME`].
pub const SCENARIOS_NAME: &str = "<embedded scenarios>";
/// See [`NETWORK_NAME`].
pub const OBSERVATIONS_NAME: &str = "<embedded observations>";

include!(concat!(env!("OUT_DIR"), "/embedded_lengths.rs"));
include!(concat!(env!("OUT_DIR"), "/embedded_params.rs"));
include!(concat!(env!("OUT_DIR"), "/embedded_sha256.rs"));
include!(concat!(env!("OUT_DIR"), "/embedded_table.rs"));

/// A node of the embedded network as build.rs writes it.
pub(crate) struct NodeRow {
    id: &'static str,
    name: &'static str,
    aliases: &'static [&'static str],
    kind: &'static str,
    country: Option<&'static str>,
    locode: Option<&'static str>,
    passage: Option<&'static str>,
    source: Option<&'static str>,
    position: [f64; 2],
}

/// A leg of the embedded network as build.rs writes it, its ends as node indexes.
pub(crate) struct LegRow {
    id: &'static str,
    name: Option<&'static str>,
    from: u32,
    to: u32,
    mode: &'static str,
    countries: &'static [&'static str],
    status: Option<&'static str>,
    gauge_mm: Option<u16>,
    traction: Option<&'static str>,
    vessel: Option<&'static str>,
    passages: &'static [&'static str],
    one_way: bool,
    source: Option<&'static str>,
    length_km: Option<f64>,
    length_source: Option<&'static str>,
    drawn_km: f64,
    coords: &'static [[f64; 2]],
}

/// The embedded network as data.
pub(crate) struct Table {
    nodes: &'static [NodeRow],
    legs: &'static [LegRow],
}

/// The network of the build-time table, or `None` if a value does not read (the loader then
/// reads the file itself and reports it).
fn from_table(t: &Table) -> Option<Network> {
    use crate::network::{Leg, Node, NodeIx};
    let owned = |s: Option<&str>| s.map(str::to_string);
    let all = |v: &[&str]| v.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
    let mut nodes = Vec::with_capacity(t.nodes.len());
    for n in t.nodes {
        nodes.push(Node {
            id: n.id.to_string(),
            name: n.name.to_string(),
            aliases: all(n.aliases),
            kind: n.kind.parse().ok()?,
            country: owned(n.country),
            locode: owned(n.locode),
            passage: owned(n.passage),
            source: owned(n.source),
            position: geo::Point::new(n.position[0], n.position[1]),
        });
    }
    let mut legs = Vec::with_capacity(t.legs.len());
    for l in t.legs {
        legs.push(Leg {
            id: l.id.to_string(),
            name: owned(l.name),
            from: NodeIx(l.from),
            to: NodeIx(l.to),
            mode: l.mode.parse().ok()?,
            countries: all(l.countries),
            status: l
                .status
                .map_or(Ok(crate::network::Status::Operational), str::parse)
                .ok()?,
            gauge_mm: l.gauge_mm,
            traction: match l.traction {
                Some(x) => Some(x.parse().ok()?),
                None => None,
            },
            vessel: l
                .vessel
                .map_or(Ok(crate::network::Vessel::Container), str::parse)
                .ok()?,
            passages: all(l.passages),
            one_way: l.one_way,
            source: owned(l.source),
            published_km: l.length_km,
            published_source: owned(l.length_source),
            drawn_km: l.drawn_km,
            geometry: l.coords.iter().map(|c| (c[0], c[1])).collect(),
        });
    }
    Some(Network::from_parts(nodes, legs))
}

/// Loads the embedded network, with leg lengths precomputed at build time (build.rs).
///
/// # Errors
/// Only if the embedded data is broken, which the test suite rules out.
pub fn network(options: &LoadOptions) -> Result<Network> {
    // The build-time table is the file read with the default options (every embedded leg
    // names its ends, so the join options change nothing).
    if options.default_mode.is_none()
        && let Some(net) = EMBEDDED_TABLE.as_ref().and_then(from_table)
    {
        return Ok(net);
    }
    crate::network::parse_measured(NETWORK, NETWORK_NAME, options, Some(&EMBEDDED_LENGTHS_KM))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::parse_network;

    #[test]
    fn precomputed_hashes_are_the_hashes_of_the_embedded_texts() {
        for (role, text) in [
            ("network", NETWORK),
            ("corridors", CORRIDORS),
            ("assumptions", ASSUMPTIONS),
            ("profiles", PROFILES),
            ("scenarios", SCENARIOS),
            ("observations", OBSERVATIONS),
        ] {
            let (_, hash) = SHA256.iter().find(|(r, _)| *r == role).unwrap();
            assert_eq!(
                *hash,
                crate::provenance::sha256_hex(text.as_bytes()),
                "{role}"
            );
        }
        // A known vector (FIPS 180-2): "abc".
        assert_eq!(
            crate::provenance::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    /// The build-time table builds exactly the network the loader reads from the file.
    #[test]
    fn the_build_time_table_is_the_file() {
        let table = from_table(EMBEDDED_TABLE.as_ref().expect("build.rs wrote the table"))
            .expect("the table reads");
        let parsed = parse_network(NETWORK, "n", &LoadOptions::default()).unwrap();
        assert_eq!(table.nodes().len(), parsed.nodes().len());
        assert_eq!(table.legs().len(), parsed.legs().len());
        for (a, b) in table.nodes().iter().zip(parsed.nodes()) {
            assert_eq!(
                (
                    &a.id, &a.name, &a.aliases, a.kind, &a.country, &a.locode, &a.passage,
                    &a.source
                ),
                (
                    &b.id, &b.name, &b.aliases, b.kind, &b.country, &b.locode, &b.passage,
                    &b.source
                )
            );
            assert_eq!(a.position, b.position, "{}", a.id);
        }
        for (a, b) in table.legs().iter().zip(parsed.legs()) {
            assert_eq!(
                (
                    &a.id,
                    &a.name,
                    a.from,
                    a.to,
                    a.mode,
                    &a.countries,
                    a.status,
                    a.gauge_mm
                ),
                (
                    &b.id,
                    &b.name,
                    b.from,
                    b.to,
                    b.mode,
                    &b.countries,
                    b.status,
                    b.gauge_mm
                )
            );
            assert_eq!(
                (a.traction, a.vessel, &a.passages, a.one_way, &a.source),
                (b.traction, b.vessel, &b.passages, b.one_way, &b.source)
            );
            assert_eq!(
                (a.published_km, &a.published_source, &a.geometry),
                (b.published_km, &b.published_source, &b.geometry)
            );
            assert_eq!(a.drawn_km.to_bits(), b.drawn_km.to_bits(), "{}", a.id);
        }
    }

    #[test]
    fn precomputed_lengths_are_the_geodesic_lengths() {
        let cached = network(&LoadOptions::default()).unwrap();
        let measured = parse_network(NETWORK, "n", &LoadOptions::default()).unwrap();
        assert_eq!(EMBEDDED_LENGTHS_KM.len(), measured.legs().len());
        for (a, b) in cached.legs().iter().zip(measured.legs()) {
            assert_eq!(a.drawn_km.to_bits(), b.drawn_km.to_bits(), "leg {}", a.id);
        }
    }
}
