//! The network model: nodes (places), legs (links travelled by one mode) and the [`Network`]
//! that indexes them.

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;

/// An id index. FxHash: SipHash over a million junction ids was a twentieth of loading a
/// million legs (BENCHMARKS.md); ids come from the file, not from an adversary.
pub(crate) type Ids<T> = HashMap<String, T, BuildHasherDefault<FxHasher>>;
use std::sync::OnceLock;

use geo::{LineString, Point};

use super::kinds::{Mode, NodeKind, Status, Traction, Vessel};

/// Index of a node in [`Network::nodes`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct NodeIx(pub u32);

/// Index of a leg in [`Network::legs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LegIx(pub u32);

impl NodeIx {
    /// The index as `usize`.
    #[must_use]
    pub fn ix(self) -> usize {
        self.0 as usize
    }

    /// The index of position `i`.
    ///
    /// # Panics
    /// If `i` does not fit in 32 bits (a network holds fewer than 2^32 nodes).
    #[must_use]
    pub fn of(i: usize) -> NodeIx {
        NodeIx(u32::try_from(i).expect("fewer than 2^32 nodes"))
    }
}

impl LegIx {
    /// The index as `usize`.
    #[must_use]
    pub fn ix(self) -> usize {
        self.0 as usize
    }

    /// The index of position `i`.
    ///
    /// # Panics
    /// If `i` does not fit in 32 bits (a network holds fewer than 2^32 legs).
    #[must_use]
    pub fn of(i: usize) -> LegIx {
        LegIx(u32::try_from(i).expect("fewer than 2^32 legs"))
    }
}

/// A place in the network.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Node {
    /// Unique id (`nhava-sheva`).
    pub id: String,
    /// Usual English name.
    pub name: String,
    /// Other names a user may type.
    pub aliases: Vec<String>,
    /// What the node is.
    pub kind: NodeKind,
    /// ISO 3166-1 alpha-2 code; `None` at sea.
    pub country: Option<String>,
    /// UN/LOCODE, five letters.
    pub locode: Option<String>,
    /// Passage id when the node lies in a strait or canal.
    pub passage: Option<String>,
    /// Where the position comes from.
    pub source: Option<String>,
    /// Position, longitude/latitude in degrees (longitude normalised to −180…180).
    pub position: Point<f64>,
}

/// A link between two nodes, travelled by one mode.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Leg {
    /// Unique id.
    pub id: String,
    /// Readable name.
    pub name: Option<String>,
    /// Node at the first position.
    pub from: NodeIx,
    /// Node at the last position.
    pub to: NodeIx,
    /// Mode of transport.
    pub mode: Mode,
    /// ISO alpha-2 codes of the countries crossed, in order; empty at sea.
    pub countries: Vec<String>,
    /// Whether the leg is in service.
    pub status: Status,
    /// Track gauge in mm (rail only).
    pub gauge_mm: Option<u16>,
    /// Rail traction.
    pub traction: Option<Traction>,
    /// Vessel type (sea legs).
    pub vessel: Vessel,
    /// Passages this leg runs through.
    pub passages: Vec<String>,
    /// Usable only from `from` to `to`.
    pub one_way: bool,
    /// Where the line comes from.
    pub source: Option<String>,
    /// The operator's published length of the leg (railway chainage, a ministry's road
    /// distance, a port-to-port sea distance), km; routing uses it where present.
    pub published_km: Option<f64>,
    /// Source of `published_km`.
    pub published_source: Option<String>,
    /// The line, longitude/latitude degrees, as given in the file.
    pub geometry: LineString<f64>,
    /// Geodesic length of `geometry` on the WGS84 ellipsoid, km.
    pub drawn_km: f64,
}

/// Which length of a leg a route uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LengthBasis {
    /// The published length (`length_km` in the file).
    Published,
    /// The geodesic length of the drawn line.
    Drawn,
}

impl Leg {
    /// The length routes use: the published length where there is one, else the drawn
    /// length, km. Legs are drawn station to station, so the drawing is often shorter than
    /// the line (mountain loops, road bends).
    #[must_use]
    pub fn length_km(&self) -> f64 {
        self.published_km.unwrap_or(self.drawn_km)
    }

    /// Which length [`Leg::length_km`] is.
    #[must_use]
    pub fn length_basis(&self) -> LengthBasis {
        if self.published_km.is_some() {
            LengthBasis::Published
        } else {
            LengthBasis::Drawn
        }
    }
}

/// A loaded, checked network. Its node and leg lists are read-only, so the id index built
/// from them always agrees with them.
#[derive(Debug, Clone, Default)]
pub struct Network {
    nodes: Vec<Node>,
    legs: Vec<Leg>,
    node_ids: Ids<NodeIx>,
    leg_ids: OnceLock<Ids<LegIx>>,
    countries: OnceLock<Vec<String>>,
    /// Junction nodes the loader made where lines without `from`/`to` meet.
    joined: usize,
}

impl Network {
    /// Builds a network from parts, indexing node ids.
    ///
    /// # Panics
    /// If two nodes share an id, or a leg names a node index out of range (the loader rules
    /// both out; a caller building a network by hand must too).
    #[must_use]
    pub fn from_parts(nodes: Vec<Node>, legs: Vec<Leg>) -> Self {
        let mut node_ids =
            Ids::with_capacity_and_hasher(nodes.len(), BuildHasherDefault::default());
        for (i, n) in nodes.iter().enumerate() {
            let previous = node_ids.insert(n.id.clone(), NodeIx::of(i));
            assert!(previous.is_none(), "duplicate node id {:?}", n.id);
        }
        assert!(
            legs.iter()
                .all(|l| l.from.ix() < nodes.len() && l.to.ix() < nodes.len()),
            "a leg names a node index out of range"
        );
        assert!(u32::try_from(legs.len()).is_ok(), "fewer than 2^32 legs");
        Network {
            nodes,
            legs,
            node_ids,
            leg_ids: OnceLock::new(),
            countries: OnceLock::new(),
            joined: 0,
        }
    }

    /// [`Network::from_parts`] for parts read from a file: a repeated node id is returned as
    /// the error instead of a panic (the legs' node indexes must be checked by the caller).
    pub(crate) fn from_checked_parts(
        nodes: Vec<Node>,
        legs: Vec<Leg>,
    ) -> std::result::Result<Self, String> {
        let mut node_ids =
            Ids::with_capacity_and_hasher(nodes.len(), BuildHasherDefault::default());
        for (i, n) in nodes.iter().enumerate() {
            if node_ids.insert(n.id.clone(), NodeIx::of(i)).is_some() {
                return Err(n.id.clone());
            }
        }
        Ok(Network::from_indexed(nodes, legs, node_ids, 0))
    }

    /// [`Network::from_parts`] with the id index already built (the loader builds it as it
    /// checks for duplicates).
    pub(crate) fn from_indexed(
        nodes: Vec<Node>,
        legs: Vec<Leg>,
        node_ids: Ids<NodeIx>,
        joined: usize,
    ) -> Self {
        debug_assert_eq!(nodes.len(), node_ids.len());
        Network {
            nodes,
            legs,
            node_ids,
            leg_ids: OnceLock::new(),
            countries: OnceLock::new(),
            joined,
        }
    }

    /// How many junction nodes the loader made where lines without `from`/`to` meet (ends and
    /// shared vertices that no Point names).
    #[must_use]
    pub fn junctions_made(&self) -> usize {
        self.joined
    }

    /// The nodes and legs, giving the network up.
    #[must_use]
    pub fn into_parts(self) -> (Vec<Node>, Vec<Leg>) {
        (self.nodes, self.legs)
    }

    /// All nodes, in file order.
    #[must_use]
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// All legs, in file order.
    #[must_use]
    pub fn legs(&self) -> &[Leg] {
        &self.legs
    }

    /// Every node with its index.
    pub fn indexed_nodes(&self) -> impl Iterator<Item = (NodeIx, &Node)> {
        self.nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (NodeIx::of(i), n))
    }

    /// Every leg with its index.
    pub fn indexed_legs(&self) -> impl Iterator<Item = (LegIx, &Leg)> {
        self.legs.iter().enumerate().map(|(i, l)| (LegIx::of(i), l))
    }

    /// The node with this exact id.
    #[must_use]
    pub fn node_by_id(&self, id: &str) -> Option<NodeIx> {
        self.node_ids.get(id).copied()
    }

    /// The leg with this exact id.
    #[must_use]
    pub fn leg_by_id(&self, id: &str) -> Option<LegIx> {
        self.leg_ids
            .get_or_init(|| {
                self.indexed_legs()
                    .map(|(ix, l)| (l.id.clone(), ix))
                    .collect()
            })
            .get(id)
            .copied()
    }

    /// The node at an index.
    #[must_use]
    pub fn node(&self, ix: NodeIx) -> &Node {
        &self.nodes[ix.ix()]
    }

    /// The leg at an index.
    #[must_use]
    pub fn leg(&self, ix: LegIx) -> &Leg {
        &self.legs[ix.ix()]
    }

    /// Sets a leg's status (a scenario in which a line is built or a border closed). The status
    /// is not indexed, so the network stays consistent.
    pub fn set_status(&mut self, leg: LegIx, status: Status) {
        self.legs[leg.ix()].status = status;
    }

    /// Every passage id named by a node or leg, sorted, with a readable name for each: the
    /// name of its node, else of its only leg, else the id in words (`Caspian Sea`).
    #[must_use]
    pub fn passages(&self) -> Vec<(String, String)> {
        let mut by_id: BTreeMap<&str, (Option<&str>, Vec<&Leg>)> = BTreeMap::new();
        for n in &self.nodes {
            if let Some(p) = &n.passage {
                by_id.entry(p).or_default().0.get_or_insert(&n.name);
            }
        }
        for l in &self.legs {
            for p in &l.passages {
                by_id.entry(p).or_default().1.push(l);
            }
        }
        by_id
            .into_iter()
            .map(|(id, (node, legs))| {
                let name = match (node, legs.as_slice()) {
                    (Some(n), _) => n.to_string(),
                    (None, [only]) => only.name.clone().unwrap_or_else(|| words(id)),
                    _ => words(id),
                };
                (id.to_string(), name)
            })
            .collect()
    }

    /// Every country code named by a node or leg, sorted.
    #[must_use]
    pub fn countries(&self) -> &[String] {
        self.countries.get_or_init(|| {
            let mut out: Vec<String> = self
                .nodes
                .iter()
                .filter_map(|n| n.country.clone())
                .chain(self.legs.iter().flat_map(|l| l.countries.iter().cloned()))
                .collect();
            out.sort();
            out.dedup();
            out
        })
    }
}

/// The countries a leg's cargo is cleared through, in order: the leg's `countries` with
/// consecutive repeats merged and excursions that return (`RU, KZ, RU`: the Volga line's
/// stretch through Kazakhstan) dropped, since a train in sealed transit stops at no border.
///
/// # Example
/// ```
/// let c = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
/// assert_eq!(corridor::network::cleared_countries(&c(&["RU", "KZ", "RU"])), ["RU"]);
/// assert_eq!(corridor::network::cleared_countries(&c(&["IR", "AZ", "AZ"])), ["IR", "AZ"]);
/// ```
#[must_use]
pub fn cleared_countries(countries: &[String]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::with_capacity(countries.len());
    for c in countries {
        if out.last() == Some(&c.as_str()) {
            continue;
        }
        // A return to the country before last closes an excursion: drop it.
        if out.len() >= 2 && out[out.len() - 2] == c.as_str() {
            out.pop();
            continue;
        }
        out.push(c);
    }
    out
}

/// `caspian-sea` → `Caspian Sea`.
fn words(id: &str) -> String {
    id.split(['-', '_'])
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}
