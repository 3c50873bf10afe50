//! The loaded world: a network with its graph, gazetteer and corridors, built once and queried
//! many times.

use crate::corridor::Corridors;
use crate::error::Result;
use crate::graph::Graph;
use crate::network::{LoadOptions, Network, parse_network};
use crate::places::Gazetteer;

/// The embedded default network (`data/network.geojson`).
pub const DEFAULT_NETWORK: &str = include_str!("../data/network.geojson");
/// The embedded default corridors (`data/corridors.toml`).
pub const DEFAULT_CORRIDORS: &str = include_str!("../data/corridors.toml");

include!(concat!(env!("OUT_DIR"), "/embedded_lengths.rs"));

/// Loads the embedded network, with leg lengths precomputed at build time (build.rs).
///
/// # Errors
/// Only if the embedded data is broken, which the test suite rules out.
pub fn embedded_network(options: &LoadOptions) -> Result<Network> {
    crate::network::parse_measured(
        DEFAULT_NETWORK,
        "<embedded network>",
        options,
        Some(&EMBEDDED_LENGTHS_KM),
    )
}

/// A network ready for routing.
#[derive(Debug)]
pub struct Atlas {
    /// The network.
    pub network: Network,
    /// Its routing graph.
    pub graph: Graph,
    /// Its corridors.
    pub corridors: Corridors,
}

impl Atlas {
    /// Loads the embedded network and corridors.
    ///
    /// # Errors
    /// Only if the embedded data is broken, which the test suite rules out.
    pub fn embedded() -> Result<Atlas> {
        let network = embedded_network(&LoadOptions::default())?;
        let corridors = Corridors::parse(DEFAULT_CORRIDORS, "<embedded corridors>")?;
        Ok(Atlas::new(network, corridors))
    }

    /// Loads a network and corridors from text.
    ///
    /// # Errors
    /// The loading errors of [`parse_network`] and [`Corridors::parse`].
    pub fn from_text(
        network: &str,
        network_file: &str,
        corridors: &str,
        corridors_file: &str,
        options: &LoadOptions,
    ) -> Result<Atlas> {
        let network = parse_network(network, network_file, options)?;
        let corridors = Corridors::parse(corridors, corridors_file)?;
        Ok(Atlas::new(network, corridors))
    }

    /// Builds the graph of a network.
    #[must_use]
    pub fn new(network: Network, corridors: Corridors) -> Atlas {
        let graph = Graph::build(&network);
        Atlas {
            network,
            graph,
            corridors,
        }
    }

    /// A gazetteer over the network's nodes.
    #[must_use]
    pub fn places(&self) -> Gazetteer<'_> {
        Gazetteer::new(&self.network)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precomputed_lengths_are_the_geodesic_lengths() {
        let cached = embedded_network(&LoadOptions::default()).unwrap();
        let measured = parse_network(DEFAULT_NETWORK, "n", &LoadOptions::default()).unwrap();
        assert_eq!(EMBEDDED_LENGTHS_KM.len(), measured.legs.len());
        for (a, b) in cached.legs.iter().zip(&measured.legs) {
            assert_eq!(a.length_km.to_bits(), b.length_km.to_bits(), "leg {}", a.id);
        }
    }
}
