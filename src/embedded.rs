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

/// Loads the embedded network, with leg lengths precomputed at build time (build.rs).
///
/// # Errors
/// Only if the embedded data is broken, which the test suite rules out.
pub fn network(options: &LoadOptions) -> Result<Network> {
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
