//! The model's parameters as numbers: every scalar the model reads, named once with its key
//! in the assumptions file, and the per-country and per-passage families.

use std::collections::HashMap;

use super::assumptions::{Assumptions, Text};
use super::metrics::Metrics;
use crate::error::{Error, Result};

macro_rules! scalars {
    ($( $(#[$doc:meta])* $name:ident = $key:literal, $positive:literal; )*) => {
        /// A scalar the model reads from the assumptions.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Scalar {
            $( $(#[$doc])* $name, )*
        }

        impl Scalar {
            /// Every scalar, in declaration order.
            pub const ALL: &[Scalar] = &[$(Scalar::$name),*];

            /// How many scalars there are.
            pub const COUNT: usize = Scalar::ALL.len();

            /// Its dotted key in the assumptions file.
            #[must_use]
            pub fn key(self) -> &'static str {
                match self {
                    $(Scalar::$name => $key,)*
                }
            }

            /// True for values that must be greater than zero (speeds, hours, masses).
            #[must_use]
            pub fn must_be_positive(self) -> bool {
                match self {
                    $(Scalar::$name => $positive,)*
                }
            }
        }
    };
}

scalars! {
    /// Container ship commercial speed, kn.
    SeaSpeed = "speed.sea.container", true;
    /// Caspian and Volga river-sea ship speed, kn.
    RiverSeaSpeed = "speed.sea.river_sea", true;
    /// Ferry speed, kn.
    FerrySpeed = "speed.ferry", true;
    /// Rail commercial speed where a country has no key of its own, km/day.
    RailSpeed = "speed.rail.default", true;
    /// Truck driving speed, km/h.
    RoadSpeed = "speed.road.driving", true;
    /// Hours a truck drives a day, h.
    RoadHoursPerDay = "road.driving_hours_per_day", true;
    /// Dwell of a port call, h.
    PortCallDwell = "dwell.port_call", false;
    /// Wait for a Caspian sailing, h.
    CaspianWait = "dwell.caspian_wait", false;
    /// Dwell of a relay (a box changing ship at a hub), h.
    RelayDwell = "dwell.relay", false;
    /// Dwell at a rail border, h.
    RailBorderDwell = "dwell.border.rail", false;
    /// Dwell at a road border, h.
    RoadBorderDwell = "dwell.border.road", false;
    /// Dwell at a break of gauge, h.
    GaugeChangeDwell = "dwell.gauge_change", false;
    /// Dwell at a rail ↔ road transfer, h.
    ModeChangeDwell = "dwell.mode_change", false;
    /// Container ship rate, USD/TEU-km.
    SeaRate = "cost.sea.container", false;
    /// River-sea ship rate, USD/TEU-km.
    RiverSeaRate = "cost.sea.river_sea", false;
    /// Ferry rate, USD/TEU-km.
    FerryRate = "cost.ferry", false;
    /// Rail rate where a country has no key of its own, USD/TEU-km.
    RailRate = "cost.rail.default", false;
    /// Road rate, USD/TEU-km.
    RoadRate = "cost.road", false;
    /// Handling charge of a port call, USD/TEU.
    PortCallCost = "cost.port_call", false;
    /// Transshipment charge of a relay, USD/TEU.
    RelayCost = "cost.relay", false;
    /// Handling charge of a rail ↔ road transfer, USD/TEU.
    ModeChangeCost = "cost.mode_change", false;
    /// Charge of a break of gauge, USD/TEU.
    GaugeChangeCost = "cost.gauge_change", false;
    /// Charge of a border crossing, USD/TEU.
    BorderCost = "cost.border", false;
    /// Share of land cost added for the empty container's return, fraction.
    EmptyReturnShare = "cost.empty_return_share", false;
    /// Container ship emission factor, kg CO2e/t-km.
    SeaCo2e = "co2e.sea.container", false;
    /// River-sea ship emission factor, kg CO2e/t-km.
    RiverSeaCo2e = "co2e.sea.river_sea", false;
    /// Ferry emission factor, kg CO2e/t-km.
    FerryCo2e = "co2e.ferry", false;
    /// Electric rail emission factor, kg CO2e/t-km.
    ElectricRailCo2e = "co2e.rail.electric", false;
    /// Diesel rail emission factor, kg CO2e/t-km.
    DieselRailCo2e = "co2e.rail.diesel", false;
    /// Truck emission factor, kg CO2e/t-km.
    RoadCo2e = "co2e.road", false;
    /// Emissions of one handling (port call, transfer, gauge change), kg CO2e/TEU.
    TransferCo2e = "co2e.transfer", false;
    /// Cargo mass per TEU, t.
    TonnesPerTeu = "cargo.tonnes_per_teu", true;
}

/// A family of keys with one member per country or passage (`speed.rail.IR`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// Rail speed by country, km/day.
    RailSpeed,
    /// Rail rate by country, USD/TEU-km.
    RailRate,
    /// Dwell of a passage (a canal queue), h.
    PassageDwell,
    /// Toll of a passage, USD/TEU.
    PassageToll,
}

impl Family {
    /// Every family.
    pub const ALL: [Family; 4] = [
        Family::RailSpeed,
        Family::RailRate,
        Family::PassageDwell,
        Family::PassageToll,
    ];

    /// The key prefix of its members.
    #[must_use]
    pub fn prefix(self) -> &'static str {
        match self {
            Family::RailSpeed => "speed.rail.",
            Family::RailRate => "cost.rail.",
            Family::PassageDwell => "dwell.passage.",
            Family::PassageToll => "cost.passage.",
        }
    }
}

/// Where each scalar and family member sits in [`Assumptions::values`]: resolved once per
/// set of assumptions, so that Monte Carlo draws build parameters without looking keys up.
#[derive(Debug, Clone)]
pub struct Layout {
    scalars: Vec<usize>,
    members: Vec<(Family, String, usize)>,
    positive: Vec<usize>,
    origins: Vec<Text>,
    keys: Vec<Text>,
}

impl Layout {
    /// Finds every key the model needs.
    ///
    /// # Errors
    /// [`Error::UnknownAssumption`] naming the first missing key.
    pub fn new(a: &Assumptions) -> Result<Layout> {
        let scalars = Scalar::ALL
            .iter()
            .map(|s| a.position(s.key()).ok_or_else(|| unknown(a, s.key())))
            .collect::<Result<Vec<_>>>()?;
        let mut members = Vec::new();
        let mut positive: Vec<usize> = Scalar::ALL
            .iter()
            .zip(&scalars)
            .filter(|(s, _)| s.must_be_positive())
            .map(|(_, &i)| i)
            .collect();
        for (i, p) in a.params().iter().enumerate() {
            // Every speed must be positive, a country's own rail speed included.
            if p.key.starts_with("speed.") && !positive.contains(&i) {
                positive.push(i);
            }
            for f in Family::ALL {
                if let Some(member) = p.key.strip_prefix(f.prefix())
                    && member != "default"
                {
                    members.push((f, member.to_string(), i));
                }
            }
        }
        Ok(Layout {
            scalars,
            members,
            positive,
            origins: a.params().iter().map(|p| p.origin.clone()).collect(),
            keys: a.params().iter().map(|p| p.key.clone()).collect(),
        })
    }

    /// The parameters for `values` (one per parameter, in the order of
    /// [`Assumptions::values`]).
    ///
    /// # Errors
    /// [`Error::InvalidAssumption`] when a speed, working day or cargo mass is not positive.
    ///
    /// # Panics
    /// If `values` has another length than the assumptions the layout was made for.
    pub fn params(&self, values: &[f64]) -> Result<Params> {
        assert_eq!(values.len(), self.keys.len(), "one value per parameter");
        for &i in &self.positive {
            if values[i] <= 0.0 {
                return Err(Error::InvalidAssumption {
                    origin: self.origins[i].to_string(),
                    key: self.keys[i].to_string(),
                    value: values[i],
                    reason: "a speed, working day or cargo mass must be greater than zero".into(),
                });
            }
        }
        let mut families: [HashMap<String, f64>; 4] = Default::default();
        for (f, member, i) in &self.members {
            families[*f as usize].insert(member.clone(), values[*i]);
        }
        let mut scalars = [0.0; Scalar::COUNT];
        for (s, &i) in scalars.iter_mut().zip(&self.scalars) {
            *s = values[i];
        }
        // The priced passages, each a bit of an arc's passage set: those with a dwell or toll.
        let mut priced: Vec<(String, Metrics)> = Vec::new();
        for (f, member, i) in &self.members {
            let (hours, usd) = match f {
                Family::PassageDwell => (values[*i], 0.0),
                Family::PassageToll => (0.0, values[*i]),
                _ => continue,
            };
            match priced.iter_mut().find(|(p, _)| p == member) {
                Some((_, m)) => {
                    m.hours += hours;
                    m.usd += usd;
                }
                None => priced.push((
                    member.clone(),
                    Metrics {
                        hours,
                        usd,
                        ..Metrics::default()
                    },
                )),
            }
        }
        priced.sort_by(|a, b| a.0.cmp(&b.0));
        priced.truncate(MAX_PRICED_PASSAGES);
        Ok(Params {
            scalars,
            families,
            passages: priced,
        })
    }
}

/// Most passages that may carry a dwell or toll (an arc's passages are a 64-bit set).
pub const MAX_PRICED_PASSAGES: usize = 64;

fn unknown(a: &Assumptions, key: &str) -> Error {
    a.require(key).expect_err("the key is missing")
}

/// The resolved parameters the model needs, in the units of the assumptions file.
#[derive(Debug, Clone)]
pub struct Params {
    scalars: [f64; Scalar::COUNT],
    families: [HashMap<String, f64>; 4],
    /// Passages with a dwell or toll and what a transit costs, sorted by id.
    passages: Vec<(String, Metrics)>,
}

impl Params {
    /// Resolves every key the model uses.
    ///
    /// # Errors
    /// [`Error::UnknownAssumption`] naming the first missing key; [`Error::InvalidAssumption`]
    /// for a speed, working day or cargo mass that is not positive.
    pub fn from_assumptions(a: &Assumptions) -> Result<Params> {
        Layout::new(a)?.params(&a.values())
    }

    /// The value of a scalar.
    #[must_use]
    #[inline]
    pub fn get(&self, s: Scalar) -> f64 {
        self.scalars[s as usize]
    }

    /// A family member's value (`speed.rail.IR`), if the assumptions have it.
    #[must_use]
    pub fn member(&self, f: Family, member: &str) -> Option<f64> {
        self.families[f as usize].get(member).copied()
    }

    /// The set of priced passages among `passages`, one bit per passage (see
    /// [`Params::passage_charge`]).
    #[must_use]
    pub fn passage_set(&self, passages: &[String]) -> u64 {
        passages
            .iter()
            .filter_map(|p| {
                self.passages
                    .binary_search_by(|(q, _)| q.as_str().cmp(p))
                    .ok()
            })
            .fold(0, |set, i| set | 1 << i)
    }

    /// What transiting the passages of a set costs: their dwell and tolls.
    #[must_use]
    pub fn passage_charge(&self, set: u64) -> Metrics {
        let mut m = Metrics::default();
        for (i, (_, c)) in self.passages.iter().enumerate() {
            if set & (1 << i) != 0 {
                m += *c;
            }
        }
        m
    }

    /// The same parameters with the cargo mass per TEU overridden, t; `None` keeps
    /// `cargo.tonnes_per_teu`.
    #[must_use]
    pub fn with_cargo_tonnes(mut self, tonnes: Option<f64>) -> Params {
        if let Some(t) = tonnes {
            self.scalars[Scalar::TonnesPerTeu as usize] = t;
        }
        self
    }

    /// Cargo mass per TEU the emissions are computed for, t.
    #[must_use]
    pub fn tonnes_per_teu(&self) -> f64 {
        self.get(Scalar::TonnesPerTeu)
    }
}
