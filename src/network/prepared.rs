//! A network prepared once (`route prepare`): loaded, checked, joined and measured, then
//! written in a compact binary form that loads without parsing GeoJSON, joining ends or
//! measuring lines again.
//!
//! Layout: the 8-byte magic `CORRNET\0`, the format number (u32, little-endian), then a
//! postcard-encoded record of the writer's version, the nodes and the legs. A file of another
//! format or written by another version is refused with a message saying to prepare it again:
//! the records are the loader's own types, which a version may change.

use serde::{Deserialize, Serialize};

use super::kinds::{Mode, NodeKind, Status, Traction, Vessel};
use super::model::{Leg, Network, Node, NodeIx};
use crate::error::{Error, Result};

/// The first bytes of a prepared network.
pub const MAGIC: &[u8; 8] = b"CORRNET\0";

/// The format written; bumped whenever the records change.
pub const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct NodeRecord {
    id: String,
    name: String,
    aliases: Vec<String>,
    kind: NodeKind,
    country: Option<String>,
    locode: Option<String>,
    passage: Option<String>,
    source: Option<String>,
    position: [f64; 2],
}

#[derive(Serialize, Deserialize)]
struct LegRecord {
    id: String,
    name: Option<String>,
    from: u32,
    to: u32,
    mode: Mode,
    countries: Vec<String>,
    status: Status,
    gauge_mm: Option<u16>,
    traction: Option<Traction>,
    vessel: Vessel,
    passages: Vec<String>,
    one_way: bool,
    source: Option<String>,
    published_km: Option<f64>,
    published_source: Option<String>,
    drawn_km: f64,
    geometry: Vec<[f64; 2]>,
}

#[derive(Serialize, Deserialize)]
struct Records {
    version: String,
    nodes: Vec<NodeRecord>,
    legs: Vec<LegRecord>,
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
    let records = Records {
        version: env!("CARGO_PKG_VERSION").to_string(),
        nodes: net
            .nodes()
            .iter()
            .map(|n| NodeRecord {
                id: n.id.clone(),
                name: n.name.clone(),
                aliases: n.aliases.clone(),
                kind: n.kind,
                country: n.country.clone(),
                locode: n.locode.clone(),
                passage: n.passage.clone(),
                source: n.source.clone(),
                position: [n.position.x(), n.position.y()],
            })
            .collect(),
        legs: net
            .legs()
            .iter()
            .map(|l| LegRecord {
                id: l.id.clone(),
                name: l.name.clone(),
                from: l.from.0,
                to: l.to.0,
                mode: l.mode,
                countries: l.countries.clone(),
                status: l.status,
                gauge_mm: l.gauge_mm,
                traction: l.traction,
                vessel: l.vessel,
                passages: l.passages.clone(),
                one_way: l.one_way,
                source: l.source.clone(),
                published_km: l.published_km,
                published_source: l.published_source.clone(),
                drawn_km: l.drawn_km,
                geometry: l.geometry.coords().map(|c| [c.x, c.y]).collect(),
            })
            .collect(),
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
    let nodes: Vec<Node> = r
        .nodes
        .into_iter()
        .map(|x| Node {
            id: x.id,
            name: x.name,
            aliases: x.aliases,
            kind: x.kind,
            country: x.country,
            locode: x.locode,
            passage: x.passage,
            source: x.source,
            position: geo::Point::new(x.position[0], x.position[1]),
        })
        .collect();
    let mut legs = Vec::with_capacity(r.legs.len());
    for x in r.legs {
        if x.from as usize >= n || x.to as usize >= n || x.geometry.len() < 2 {
            return Err(bad(format!("leg {:?} is damaged", x.id)));
        }
        legs.push(Leg {
            id: x.id,
            name: x.name,
            from: NodeIx(x.from),
            to: NodeIx(x.to),
            mode: x.mode,
            countries: x.countries,
            status: x.status,
            gauge_mm: x.gauge_mm,
            traction: x.traction,
            vessel: x.vessel,
            passages: x.passages,
            one_way: x.one_way,
            source: x.source,
            published_km: x.published_km,
            published_source: x.published_source,
            drawn_km: x.drawn_km,
            geometry: x.geometry.into_iter().map(|[x, y]| (x, y)).collect(),
        });
    }
    let mut ids = std::collections::HashSet::with_capacity(nodes.len());
    if let Some(dup) = nodes.iter().find(|n| !ids.insert(n.id.as_str())) {
        return Err(bad(format!("node id {:?} appears twice", dup.id)));
    }
    Ok(Network::from_parts(nodes, legs))
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
