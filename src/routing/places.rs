//! Turning what a user types into nodes: ids, names and aliases (without regard to case or
//! accents), UN/LOCODEs, and `LON,LAT` positions snapped to the nearest node.

use std::collections::HashMap;
use std::sync::OnceLock;

use geo::Point;
use rstar::RTree;
use rstar::primitives::GeomWithData;

use super::suggest::closest_place;
use crate::error::{Error, Result};
use crate::network::{Network, NodeIx, NodeKind, distance_km, fold, normalize_lon};

/// Default snap limit for `LON,LAT` places, km.
pub const DEFAULT_MAX_SNAP_KM: f64 = 100.0;

/// A place resolved to a node.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resolved {
    /// The node.
    pub node: NodeIx,
    /// For a `LON,LAT` place: the position given and its distance to the node (km).
    pub snap: Option<Snap>,
}

/// How a coordinate was snapped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Snap {
    /// Longitude given, degrees.
    pub lon: f64,
    /// Latitude given, degrees.
    pub lat: f64,
    /// Geodesic distance from the position to the node, km.
    pub distance_km: f64,
}

type Indexed = GeomWithData<[f64; 3], NodeIx>;

/// Name and spatial index of a network's nodes, built once per network (each index on first
/// use: most commands name their places by id, and building them is a measurable part of
/// `route compare`'s start-up). Its methods take the network the index was built for.
#[derive(Debug, Default)]
pub struct Gazetteer {
    by_name: OnceLock<HashMap<String, Vec<(u8, NodeIx)>>>,
    tree: OnceLock<RTree<Indexed>>,
    cargo: OnceLock<bool>,
}

/// Whether cargo can start or end at a node of this kind: ports, terminals, stations, cities
/// and border crossings (transit times are often quoted from a border), not sea-lane
/// junctions or points in straits.
#[must_use]
pub fn is_cargo_place(kind: NodeKind) -> bool {
    !matches!(kind, NodeKind::Junction | NodeKind::Passage)
}

// The R-tree holds unit vectors (`geodesy::unit_vector`): Euclidean distance between them
// grows monotonically with great-circle distance, so its nearest neighbour is the true
// nearest node, also near the poles and across ±180° (where degree-space distance is wrong).
use crate::network::geodesy::unit_vector;

impl Gazetteer {
    /// An empty gazetteer; its indexes are built from the network on first use. Only nodes
    /// with at least one leg are snap targets.
    #[must_use]
    pub fn new() -> Gazetteer {
        Gazetteer::default()
    }

    fn names(&self, net: &Network) -> &HashMap<String, Vec<(u8, NodeIx)>> {
        self.by_name.get_or_init(|| build_names(net))
    }

    fn tree(&self, net: &Network) -> &RTree<Indexed> {
        self.tree
            .get_or_init(|| build_tree(net, self.has_cargo_places(net)))
    }

    /// Whether the network has any cargo place ([`is_cargo_place`]); a network of lines
    /// alone (every node made where lines meet) has none, and any node is then a place.
    pub fn has_cargo_places(&self, net: &Network) -> bool {
        *self
            .cargo
            .get_or_init(|| net.nodes().iter().any(|n| is_cargo_place(n.kind)))
    }
    /// The nodes whose id, name, UN/LOCODE or alias folds to the same text as `query`, best
    /// rank first.
    #[must_use]
    pub fn lookup(&self, net: &Network, query: &str) -> Vec<NodeIx> {
        let mut hits = self
            .names(net)
            .get(&fold(query))
            .cloned()
            .unwrap_or_default();
        hits.sort();
        let best = hits.first().map(|h| h.0);
        hits.into_iter()
            .filter(|h| Some(h.0) == best)
            .map(|h| h.1)
            .collect()
    }

    /// Resolves a place: an exact node id, a name, alias or UN/LOCODE, or `LON,LAT`.
    ///
    /// # Errors
    /// [`Error::UnknownPlace`] with the closest names; [`Error::AmbiguousPlace`] when equally
    /// good matches remain; [`Error::BadCoordinate`] or [`Error::SnapTooFar`] for positions.
    ///
    /// # Example
    /// ```
    /// # use corridor::{network::{parse_network, LoadOptions}, routing::places::Gazetteer};
    /// # let text = r#"{"type":"FeatureCollection","features":[
    /// #  {"type":"Feature","properties":{"id":"anzali","name":"Bandar-e Anzali"},"geometry":{"type":"Point","coordinates":[49.46,37.47]}},
    /// #  {"type":"Feature","properties":{"id":"b","name":"B"},"geometry":{"type":"Point","coordinates":[48.0,46.3]}},
    /// #  {"type":"Feature","properties":{"from":"anzali","to":"b","mode":"sea"},"geometry":{"type":"LineString","coordinates":[[49.46,37.47],[48.0,46.3]]}}]}"#;
    /// # let net = parse_network(text, "t", &LoadOptions::default()).unwrap();
    /// let places = Gazetteer::new();
    /// let p = places.resolve(&net, "BANDAR E ANZALI", 100.0).unwrap();
    /// assert_eq!(net.node(p.node).id, "anzali");
    /// let p = places.resolve(&net, "49.5,37.5", 100.0).unwrap();
    /// assert!(p.snap.unwrap().distance_km < 6.0);
    /// ```
    pub fn resolve(&self, net: &Network, query: &str, max_snap_km: f64) -> Result<Resolved> {
        if let Some(n) = net.node_by_id(query) {
            return Ok(Resolved {
                node: n,
                snap: None,
            });
        }
        if let Some(pos) = parse_lon_lat(query)? {
            return self.snap(net, pos, max_snap_km);
        }
        let hits = self.lookup(net, query);
        match hits.len() {
            1 => Ok(Resolved {
                node: hits[0],
                snap: None,
            }),
            0 => Err(Error::UnknownPlace {
                query: query.to_string(),
                suggestions: closest_place(
                    query,
                    net.nodes()
                        .iter()
                        .filter(|n| is_cargo_place(n.kind) || !self.has_cargo_places(net))
                        .map(|n| {
                            let mut forms = vec![n.id.as_str(), n.name.as_str()];
                            forms.extend(n.aliases.iter().map(String::as_str));
                            (n.name.as_str(), forms)
                        }),
                ),
            }),
            _ => Err(Error::AmbiguousPlace {
                query: query.to_string(),
                candidates: hits
                    .iter()
                    .map(|&n| format!("{} ({})", net.node(n).id, net.node(n).name))
                    .collect(),
            }),
        }
    }

    /// The node nearest to a position, if within `max_snap_km`.
    ///
    /// # Errors
    /// [`Error::SnapTooFar`] beyond the limit; [`Error::UnknownPlace`] if no node has a leg.
    pub fn snap(&self, net: &Network, pos: Point<f64>, max_snap_km: f64) -> Result<Resolved> {
        let Some(nearest) = self.tree(net).nearest_neighbor(&unit_vector(pos)) else {
            return Err(Error::UnknownPlace {
                query: format!("{},{}", pos.x(), pos.y()),
                suggestions: vec![],
            });
        };
        let node = nearest.data;
        let d = distance_km(pos, net.node(node).position);
        if d > max_snap_km {
            return Err(Error::SnapTooFar {
                lon: pos.x(),
                lat: pos.y(),
                node: net.node(node).id.clone(),
                distance_km: d,
                limit_km: max_snap_km,
            });
        }
        Ok(Resolved {
            node,
            snap: Some(Snap {
                lon: pos.x(),
                lat: pos.y(),
                distance_km: d,
            }),
        })
    }
}

fn build_names(net: &Network) -> HashMap<String, Vec<(u8, NodeIx)>> {
    let mut by_name: HashMap<String, Vec<(u8, NodeIx)>> = HashMap::new();
    let mut add = |key: String, rank: u8, n: NodeIx| {
        if !key.is_empty() {
            let list = by_name.entry(key).or_default();
            if !list.iter().any(|(_, m)| *m == n) {
                list.push((rank, n));
            }
        }
    };
    for (n, node) in net.indexed_nodes() {
        // Rank: 0 id, 1 name, 2 UN/LOCODE, 3 alias. A better rank wins over a worse one.
        add(fold(&node.id), 0, n);
        add(fold(&node.name), 1, n);
        if let Some(l) = &node.locode {
            add(fold(l), 2, n);
        }
        for a in &node.aliases {
            add(fold(a), 3, n);
        }
    }
    by_name
}

/// The snap targets: nodes with a leg, and only cargo places where the network has any
/// (`0,0` had snapped to a sea-lane junction in the Canary Islands channel).
fn build_tree(net: &Network, cargo_only: bool) -> RTree<Indexed> {
    let mut used = vec![false; net.nodes().len()];
    for l in net.legs() {
        used[l.from.ix()] = true;
        used[l.to.ix()] = true;
    }
    let points = net
        .indexed_nodes()
        .filter(|(i, n)| used[i.ix()] && (!cargo_only || is_cargo_place(n.kind)))
        .map(|(i, n)| GeomWithData::new(unit_vector(n.position), i))
        .collect();
    RTree::bulk_load(points)
}

/// Parses `LON,LAT` (degrees). `Ok(None)` when the text is not two numbers.
///
/// # Errors
/// [`Error::BadCoordinate`] for two numbers out of range.
pub fn parse_lon_lat(text: &str) -> Result<Option<Point<f64>>> {
    let Some((a, b)) = text.split_once(',') else {
        return Ok(None);
    };
    let (Ok(lon), Ok(lat)) = (a.trim().parse::<f64>(), b.trim().parse::<f64>()) else {
        return Ok(None);
    };
    let bad = |reason: &str| {
        Err(Error::BadCoordinate {
            text: text.to_string(),
            reason: reason.to_string(),
        })
    };
    if !lon.is_finite() || !lat.is_finite() {
        return bad("not finite numbers");
    }
    if !(-90.0..=90.0).contains(&lat) {
        return bad("latitude must lie within −90…90 (the order is LON,LAT)");
    }
    if !(-540.0..=540.0).contains(&lon) {
        return bad("longitude must lie within −180…180");
    }
    Ok(Some(Point::new(normalize_lon(lon), lat)))
}
