//! Stage 1, the network: nodes (places) and legs (sea, rail, road and ferry links between
//! them), read from GeoJSON with a report of every problem, and written back out. Knows
//! nothing of graphs, costs or routing.
//!
//! - [`model`]: [`Network`], [`Node`], [`Leg`] and their indexes.
//! - [`kinds`]: the vocabularies ([`Mode`], [`Status`], [`Vessel`], [`Traction`], [`NodeKind`]).
//! - `decode`, `properties`, `checks`, `builder`, `join`: reading a file (the JSON stream, the
//!   property schema, typed reading of values, the checks, tying loose lines into a network).
//! - [`export`]: writing a network as GeoJSON; [`prepared`]: the binary form `route prepare`
//!   writes, which loads without parsing or measuring.
//! - [`geodesy`] and [`text`]: distances on the ellipsoid, and name folding.

mod builder;
mod checks;
mod coordinates;
mod decode;
pub mod export;
pub mod geodesy;
mod join;
pub mod kinds;
pub mod model;
pub mod prepared;
mod properties;
pub mod text;

pub use geodesy::{distance_km, geodesic_km, normalize_lon};
pub use kinds::{Mode, NodeKind, Status, Traction, Vessel};
pub use model::{Leg, LegIx, LengthBasis, Network, Node, NodeIx, cleared_countries};
pub use properties::{ALIASES as PROPERTY_ALIASES, KEYS as PROPERTY_KEYS};
pub use text::fold;

use crate::error::Result;

/// How to read a network file.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Mode given to legs that have no `mode` property; `None` makes such legs an error.
    pub default_mode: Option<Mode>,
    /// Leg ends closer than this are one node when legs carry no `from`/`to`, km.
    pub join_tolerance_km: f64,
    /// A leg end may lie at most this far from its `from`/`to` node, km.
    pub end_tolerance_km: f64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            default_mode: None,
            join_tolerance_km: 0.05,
            end_tolerance_km: 1.0,
        }
    }
}

/// Parses a GeoJSON FeatureCollection into a [`Network`], checking it as it goes.
///
/// Point features become nodes and LineString features legs (a MultiLineString becomes one leg
/// per part). Legs without `from`/`to` are tied to nodes by their end coordinates; nodes are
/// created where no node lies within [`LoadOptions::join_tolerance_km`].
///
/// # Errors
/// [`crate::Error::Json`] when the text is not JSON, [`crate::Error::Parse`] when it is not a
/// FeatureCollection; [`crate::Error::InvalidNetwork`] listing every problem (duplicate ids,
/// unknown `from`/`to`, leg ends more than 1 km from their nodes, unknown modes, coordinates
/// out of range, lines with fewer than two positions, members that are not objects …) with
/// the index and id of each offending feature.
///
/// # Example
/// ```
/// use corridor::network::{parse_network, LoadOptions};
/// let text = r#"{"type":"FeatureCollection","features":[
///   {"type":"Feature","properties":{"mode":"rail"},
///    "geometry":{"type":"LineString","coordinates":[[37.6,55.7],[30.3,59.9]]}}]}"#;
/// let net = parse_network(text, "inline", &LoadOptions::default()).unwrap();
/// assert_eq!((net.nodes().len(), net.legs().len()), (2, 1));
/// ```
pub fn parse_network(text: &str, file: &str, options: &LoadOptions) -> Result<Network> {
    parse_measured(text, file, options, None)
}

/// [`parse_network`] with the lines' geodesic lengths known in advance (in file order, one per
/// LineString or MultiLineString part), as build.rs computes them for the embedded network.
/// A list of the wrong size is ignored.
pub(crate) fn parse_measured(
    text: &str,
    file: &str,
    options: &LoadOptions,
    lengths_km: Option<&[f64]>,
) -> Result<Network> {
    let mut b = builder::Builder::new(options);
    let mut next_length = lengths_km.map(<[f64]>::iter);
    let mut parts_seen = 0usize;
    decode::features(text, file, &mut |i, feature| match feature {
        decode::Decoded::Problem { id, message } => b.problem(i, id, message),
        decode::Decoded::Point { id, props, coords } => b.point(i, id, props, coords),
        decode::Decoded::Lines { id, props, parts } => {
            parts_seen += parts.len();
            let mut lengths = || next_length.as_mut().and_then(Iterator::next).copied();
            b.lines(i, id, props, &parts, &mut lengths);
        }
    })?;
    // Lengths of the wrong count were computed for another file: do not trust any of them.
    if lengths_km.is_some_and(|l| l.len() != parts_seen) {
        return parse_measured(text, file, options, None);
    }
    b.finish(file)
}

/// Decodes a document without checking or building anything, returning the number of
/// features: what `benches/routing.rs` sets beside the `geojson` crate's decoder.
///
/// # Errors
/// As [`parse_network`] for a document that is not a FeatureCollection.
#[doc(hidden)]
pub fn decode_only(text: &str) -> Result<usize> {
    let mut n = 0;
    decode::features(text, "<bench>", &mut |_, _| n += 1)?;
    Ok(n)
}

#[cfg(test)]
mod tests;
