//! The network model: nodes (places) and legs (sea, rail, road and ferry links between them),
//! read from and written to GeoJSON. Knows nothing of graphs or routing.

mod load;
mod text;

pub(crate) use load::parse_measured;
pub use load::{LoadOptions, parse_network};
pub use text::fold;

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use geo::{Distance, Geodesic, LineString, Point};

/// Index of a node in [`Network::nodes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
}

impl LegIx {
    /// The index as `usize`.
    #[must_use]
    pub fn ix(self) -> usize {
        self.0 as usize
    }
}

/// How freight moves along a leg.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// By ship on the open sea, a canal or the Caspian.
    Sea,
    /// By train.
    Rail,
    /// By truck.
    Road,
    /// By ferry (ro-ro or rail ferry).
    Ferry,
}

impl Mode {
    /// All modes, in display order.
    pub const ALL: [Mode; 4] = [Mode::Sea, Mode::Rail, Mode::Road, Mode::Ferry];

    /// The lower-case name used in files and on the command line.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Sea => "sea",
            Mode::Rail => "rail",
            Mode::Road => "road",
            Mode::Ferry => "ferry",
        }
    }

    /// True for modes that move on water.
    #[must_use]
    pub fn is_water(self) -> bool {
        matches!(self, Mode::Sea | Mode::Ferry)
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Mode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "sea" | "ship" => Ok(Mode::Sea),
            "rail" | "train" => Ok(Mode::Rail),
            "road" | "truck" => Ok(Mode::Road),
            "ferry" => Ok(Mode::Ferry),
            _ => Err(format!(
                "unknown mode {s:?} (expected sea, rail, road or ferry)"
            )),
        }
    }
}

/// Whether a leg can carry freight today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// In service.
    Operational,
    /// Being built; routable only with `--include-planned`.
    UnderConstruction,
    /// Planned; routable only with `--include-planned`.
    Planned,
    /// Built but closed to traffic (e.g. a border crossing shut); routable only with
    /// `--include-planned`.
    Suspended,
}

impl Status {
    /// The kebab-case name used in files.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Operational => "operational",
            Status::UnderConstruction => "under-construction",
            Status::Planned => "planned",
            Status::Suspended => "suspended",
        }
    }
}

impl FromStr for Status {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match fold(s).replace([' ', '_'], "-").as_str() {
            "operational" => Ok(Status::Operational),
            "under-construction" => Ok(Status::UnderConstruction),
            "planned" => Ok(Status::Planned),
            "suspended" => Ok(Status::Suspended),
            _ => Err(format!(
                "unknown status {s:?} (expected operational, under-construction, planned or suspended)"
            )),
        }
    }
}

/// Kind of vessel on a sea leg; decides speed, rate and emission factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Vessel {
    /// Deep-sea container ship.
    Container,
    /// River-sea ship of the Caspian and the Volga.
    RiverSea,
}

/// Rail traction; decides the emission factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Traction {
    /// Electric traction.
    Electric,
    /// Diesel traction.
    Diesel,
}

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    /// A seaport or river port.
    Port,
    /// A rail freight terminal.
    RailTerminal,
    /// A railway station.
    Station,
    /// A border crossing.
    Border,
    /// A city.
    City,
    /// A junction of sea lanes (or any node created for a loose leg end).
    Junction,
    /// A point in a strait or canal.
    Passage,
}

impl NodeKind {
    /// The kebab-case name used in files.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Port => "port",
            NodeKind::RailTerminal => "rail-terminal",
            NodeKind::Station => "station",
            NodeKind::Border => "border",
            NodeKind::City => "city",
            NodeKind::Junction => "junction",
            NodeKind::Passage => "passage",
        }
    }
}

impl FromStr for NodeKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match fold(s).replace([' ', '_'], "-").as_str() {
            "port" => NodeKind::Port,
            "rail-terminal" | "terminal" => NodeKind::RailTerminal,
            "station" => NodeKind::Station,
            "border" => NodeKind::Border,
            "city" => NodeKind::City,
            "junction" => NodeKind::Junction,
            "passage" | "strait" | "canal" => NodeKind::Passage,
            _ => {
                return Err(format!(
                    "unknown kind {s:?} (expected port, rail-terminal, station, border, city, junction or passage)"
                ));
            }
        })
    }
}

/// A place in the network.
#[derive(Debug, Clone)]
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
#[derive(Debug, Clone)]
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
    /// A published length of the leg, km.
    pub published_km: Option<f64>,
    /// Source of `published_km`.
    pub published_source: Option<String>,
    /// The line, longitude/latitude degrees, as given in the file.
    pub geometry: LineString<f64>,
    /// Geodesic length of `geometry` on the WGS84 ellipsoid, km.
    pub length_km: f64,
}

/// A loaded, checked network.
#[derive(Debug, Clone, Default)]
pub struct Network {
    /// All nodes.
    pub nodes: Vec<Node>,
    /// All legs.
    pub legs: Vec<Leg>,
    by_id: HashMap<String, NodeIx>,
    countries: std::sync::OnceLock<Vec<String>>,
}

impl Network {
    /// Builds a network from parts, indexing node ids. Ids must be unique (the loader checks).
    #[must_use]
    pub fn from_parts(nodes: Vec<Node>, legs: Vec<Leg>) -> Self {
        let by_id = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                (
                    n.id.clone(),
                    NodeIx(u32::try_from(i).expect("fewer than 2^32 nodes")),
                )
            })
            .collect();
        Network {
            nodes,
            legs,
            by_id,
            countries: std::sync::OnceLock::new(),
        }
    }

    /// The node with this exact id.
    #[must_use]
    pub fn node_by_id(&self, id: &str) -> Option<NodeIx> {
        self.by_id.get(id).copied()
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

    /// Every passage id named by a node or leg, sorted, with a readable name for each: the
    /// name of its node, else of its only leg, else the id in words (`Caspian Sea`).
    #[must_use]
    pub fn passages(&self) -> Vec<(String, String)> {
        let mut by_id: std::collections::BTreeMap<&str, (Option<&str>, Vec<&Leg>)> =
            std::collections::BTreeMap::new();
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
        self.countries.get_or_init(|| self.collect_countries())
    }

    fn collect_countries(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .nodes
            .iter()
            .filter_map(|n| n.country.clone())
            .chain(self.legs.iter().flat_map(|l| l.countries.iter().cloned()))
            .collect();
        out.sort();
        out.dedup();
        out
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

/// Geodesic length of a line on the WGS84 ellipsoid, km.
///
/// # Example
/// ```
/// use geo::LineString;
/// // Moscow to St Petersburg as the crow flies: about 635 km.
/// let line = LineString::from(vec![(37.62, 55.75), (30.31, 59.94)]);
/// let km = corridor::network::geodesic_km(&line);
/// assert!((km - 634.0).abs() < 5.0);
/// ```
#[must_use]
pub fn geodesic_km(line: &LineString<f64>) -> f64 {
    line.lines()
        .map(|seg| Geodesic.distance(Point(seg.start), Point(seg.end)))
        .sum::<f64>()
        / 1000.0
}

/// Geodesic distance between two points on the WGS84 ellipsoid, km.
#[must_use]
pub fn distance_km(a: Point<f64>, b: Point<f64>) -> f64 {
    Geodesic.distance(a, b) / 1000.0
}

/// Normalises a longitude to −180…180 degrees (for networks stored with unwrapped longitudes).
#[must_use]
pub fn normalize_lon(lon: f64) -> f64 {
    let l = (lon + 180.0).rem_euclid(360.0) - 180.0;
    if l == -180.0 && lon > 0.0 { 180.0 } else { l }
}
