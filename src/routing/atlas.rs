//! The loaded world: a network with its graph, gazetteer and corridors, built once and queried
//! many times.

use crate::embedded;
use crate::error::Result;
use crate::network::{LoadOptions, Network, parse_network};

use super::corridors::Corridors;
use super::graph::Graph;
use super::places::{Gazetteer, Resolved};
use super::selector::{self, Target};

/// A network ready for routing. Its parts are read-only, so the graph and the gazetteer always
/// describe the network they were built from.
#[derive(Debug)]
pub struct Atlas {
    network: Network,
    graph: Graph,
    corridors: Corridors,
    places: Gazetteer,
    /// The corridors' rules resolved for labelling routes, on first use.
    branches: std::sync::OnceLock<super::Branches>,
}

impl Atlas {
    /// Loads the embedded network and corridors.
    ///
    /// # Errors
    /// Only if the embedded data is broken, which the test suite rules out.
    pub fn embedded() -> Result<Atlas> {
        let network = embedded::network(&LoadOptions::default())?;
        let corridors = Corridors::parse(embedded::CORRIDORS, embedded::CORRIDORS_NAME)?;
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
            places: Gazetteer::new(),
            branches: std::sync::OnceLock::new(),
        }
    }

    /// The network.
    #[must_use]
    pub fn network(&self) -> &Network {
        &self.network
    }

    /// Its routing graph.
    #[must_use]
    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    /// Its corridors.
    #[must_use]
    pub fn corridors(&self) -> &Corridors {
        &self.corridors
    }

    /// Its gazetteer (name and spatial indexes, built on first use and kept).
    #[must_use]
    pub fn places(&self) -> &Gazetteer {
        &self.places
    }

    /// Resolves a place: a node id, a name, alias or UN/LOCODE, or `LON,LAT` (snapped to the
    /// nearest node within `max_snap_km`).
    ///
    /// # Errors
    /// The place errors of [`Gazetteer::resolve`].
    pub fn place(&self, query: &str, max_snap_km: f64) -> Result<Resolved> {
        self.places.resolve(&self.network, query, max_snap_km)
    }

    /// The corridors' rules resolved once for this network, to tell which branch a route takes
    /// (a comparison labels its routes on every run of a sensitivity or break-even analysis).
    ///
    /// # Errors
    /// The errors of [`super::Branches::new`] (then tried again on the next call).
    pub fn branches(&self) -> Result<&super::Branches> {
        if let Some(b) = self.branches.get() {
            return Ok(b);
        }
        let b = super::Branches::new(self)?;
        Ok(self.branches.get_or_init(|| b))
    }

    /// Resolves a name to pass or avoid: a corridor, passage, node, country, mode or leg.
    ///
    /// # Errors
    /// The errors of [`selector::resolve`].
    pub fn target(&self, name: &str) -> Result<Target> {
        selector::resolve(self, name)
    }
}
