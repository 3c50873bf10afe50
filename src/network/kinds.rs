//! The closed vocabularies of the network file: modes, statuses, vessels, tractions and node
//! kinds, each with the names used in files, on the command line and in JSON.

use std::fmt;
use std::str::FromStr;

use super::text::fold;

/// How freight moves along a leg.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// In service.
    Operational,
    /// Being built; routable only when planned legs are included.
    UnderConstruction,
    /// Planned; routable only when planned legs are included.
    Planned,
    /// Built but closed to traffic (e.g. a border crossing shut); routable only when planned
    /// legs are included.
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

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Vessel {
    /// Deep-sea container ship.
    Container,
    /// River-sea ship of the Caspian and the Volga.
    RiverSea,
}

impl Vessel {
    /// The kebab-case name used in files.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Vessel::Container => "container",
            Vessel::RiverSea => "river-sea",
        }
    }
}

impl FromStr for Vessel {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "container" => Ok(Vessel::Container),
            "river-sea" => Ok(Vessel::RiverSea),
            other => Err(format!(
                "unknown `vessel` {other:?} (expected container or river-sea)"
            )),
        }
    }
}

/// Rail traction; decides the emission factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Traction {
    /// Electric traction.
    Electric,
    /// Diesel traction.
    Diesel,
}

impl Traction {
    /// The lower-case name used in files.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Traction::Electric => "electric",
            Traction::Diesel => "diesel",
        }
    }
}

impl FromStr for Traction {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "electric" => Ok(Traction::Electric),
            "diesel" => Ok(Traction::Diesel),
            other => Err(format!(
                "unknown `traction` {other:?} (expected electric or diesel)"
            )),
        }
    }
}

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
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
