//! A network prepared once (`route prepare`): loaded, checked, joined and measured, then
//! written in a compact binary form that loads without parsing GeoJSON, joining ends or
//! measuring lines again.
//!
//! Layout: the 8-byte magic `CORRNET\0`, the format number (u32, little-endian), then a
//! postcard-encoded record of the writer's version, the nodes and the legs. A file of another
//! format or written by another version is refused with a message saying to prepare it again:
//! the records are the loader's own types, which a version may change.

use serde::{Deserialize, Serialize};

use super::model::{Leg, Network, Node};
use crate::error::{Error, Result};

/// The first bytes of a prepared network.
pub const MAGIC: &[u8; 8] = b"CORRNET\0";

/// The format written; bumped whenever the records change.
pub const FORMAT: u32 = 1;

/// What the file holds after its header: the loader's own types, so reading builds the
/// network directly (a copy through record types had doubled the time and memory).
#[derive(Serialize, Deserialize)]
struct Records {
    version: String,
    nodes: Vec<Node>,
    legs: Vec<Leg>,
}

/// The same for writing, borrowing the network.
#[derive(Serialize)]
struct RecordsRef<'a> {
    version: &'a str,
    nodes: &'a [Node],
    legs: &'a [Leg],
}

/// Whether `bytes` start like a prepared network.
#[must_use]
pub fn is_prepared(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// The bytes of a prepared network.
///
/// # Example
/// ```
/// use corridor::network::{parse_network, prepared, LoadOptions};
/// let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"mode":"rail"},"geometry":{"type":"LineString","coordinates":[[37.6,55.7],[30.3,59.9]]}}]}"#;
/// let net = parse_network(text, "inline", &LoadOptions::default()).unwrap();
/// let bytes = prepared::to_bytes(&net);
/// let again = prepared::from_bytes(&bytes, "inline.rnet").unwrap();
/// assert_eq!(again.legs()[0].drawn_km, net.legs()[0].drawn_km);
/// ```
#[must_use]
pub fn to_bytes(net: &Network) -> Vec<u8> {
    let records = RecordsRef {
        version: env!("CARGO_PKG_VERSION"),
        nodes: net.nodes(),
        legs: net.legs(),
    };
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend(postcard::to_stdvec(&records).expect("records serialise"));
    out
}

/// Reads a prepared network.
///
/// # Errors
/// [`Error::Prepared`] when the bytes are not a prepared network, are of another format or
/// version, or are damaged (a truncated file, a leg naming a node that does not exist).
pub fn from_bytes(bytes: &[u8], file: &str) -> Result<Network> {
    let bad = |message: String| Error::Prepared {
        file: file.to_string(),
        message,
    };
    let Some(rest) = bytes.strip_prefix(MAGIC.as_slice()) else {
        return Err(bad(
            "not a prepared network (it does not start with CORRNET)".into(),
        ));
    };
    let (format, body) = rest
        .split_first_chunk::<4>()
        .ok_or_else(|| bad("the file ends inside its header".into()))?;
    let format = u32::from_le_bytes(*format);
    if format != FORMAT {
        return Err(bad(format!(
            "prepared in format {format}, which route {} (format {FORMAT}) does not read: run route prepare again",
            env!("CARGO_PKG_VERSION")
        )));
    }
    let r: Records =
        postcard::from_bytes(body).map_err(|e| bad(format!("damaged or truncated ({e})")))?;
    if r.version != env!("CARGO_PKG_VERSION") {
        return Err(bad(format!(
            "prepared by route {}, not this route {}: run route prepare again",
            r.version,
            env!("CARGO_PKG_VERSION")
        )));
    }
    let n = r.nodes.len();
    let (nodes, legs) = (r.nodes, r.legs);
    if let Some(l) = legs
        .iter()
        .find(|l| l.from.ix() >= n || l.to.ix() >= n || l.geometry.0.len() < 2)
    {
        return Err(bad(format!("leg {:?} is damaged", l.id)));
    }
    Network::from_checked_parts(nodes, legs)
        .map_err(|id| bad(format!("node id {id:?} appears twice")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::LoadOptions;

    #[test]
    fn a_prepared_network_is_the_network() {
        let net = crate::embedded::network(&LoadOptions::default()).unwrap();
        let bytes = to_bytes(&net);
        let again = from_bytes(&bytes, "e.rnet").unwrap();
        assert_eq!(again.nodes().len(), net.nodes().len());
        for (a, b) in again.legs().iter().zip(net.legs()) {
            assert_eq!(
                (&a.id, a.from, a.to, a.drawn_km.to_bits(), &a.geometry),
                (&b.id, b.from, b.to, b.drawn_km.to_bits(), &b.geometry)
            );
            assert_eq!(
                (a.published_km, &a.source, &a.passages),
                (b.published_km, &b.source, &b.passages)
            );
        }
    }

    #[test]
    fn other_formats_versions_and_damage_are_refused() {
        let net = crate::embedded::network(&LoadOptions::default()).unwrap();
        let mut bytes = to_bytes(&net);
        let e = from_bytes(&bytes[..bytes.len() / 2], "x.rnet").unwrap_err();
        assert!(
            e.to_string().starts_with("x.rnet: damaged or truncated"),
            "{e}"
        );
        bytes[8] = 9;
        let e = from_bytes(&bytes, "x.rnet").unwrap_err();
        assert!(e.to_string().contains("prepared in format 9"), "{e}");
        let e = from_bytes(b"{\"type\":1}", "x.rnet").unwrap_err();
        assert!(e.to_string().contains("not a prepared network"), "{e}");
    }
}
