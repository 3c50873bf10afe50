//! What a leg, a stop or a route measures: distance, time, cost and emissions, what a route is
//! chosen by, and the metrics analyses report in.

use std::fmt;
use std::ops::{Add, AddAssign};
use std::str::FromStr;

/// Kilometres per nautical mile.
pub const KM_PER_NM: f64 = 1.852;

/// Distance, time, cost and emissions of a leg, a stop or a whole route.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Metrics {
    /// Distance, km.
    pub km: f64,
    /// Elapsed time, hours.
    pub hours: f64,
    /// Cost per TEU, USD.
    pub usd: f64,
    /// Well-to-wheel emissions per TEU, kg CO2e.
    pub co2e_kg: f64,
}

impl Add for Metrics {
    type Output = Metrics;
    fn add(self, o: Metrics) -> Metrics {
        Metrics {
            km: self.km + o.km,
            hours: self.hours + o.hours,
            usd: self.usd + o.usd,
            co2e_kg: self.co2e_kg + o.co2e_kg,
        }
    }
}

impl AddAssign for Metrics {
    fn add_assign(&mut self, o: Metrics) {
        *self = *self + o;
    }
}

/// What a route is optimised for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Objective {
    /// Shortest elapsed time (default).
    #[default]
    Time,
    /// Shortest distance; stops cost nothing.
    Distance,
    /// Lowest cost per TEU.
    Cost,
    /// Lowest emissions per TEU.
    Co2e,
}

impl Objective {
    /// Every objective.
    pub const ALL: [Objective; 4] = [
        Objective::Time,
        Objective::Distance,
        Objective::Cost,
        Objective::Co2e,
    ];

    /// The component of `m` this objective minimises.
    #[must_use]
    pub fn pick(self, m: &Metrics) -> f64 {
        match self {
            Objective::Time => m.hours,
            Objective::Distance => m.km,
            Objective::Cost => m.usd,
            Objective::Co2e => m.co2e_kg,
        }
    }

    /// Name used on the command line and in JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Objective::Time => "time",
            Objective::Distance => "distance",
            Objective::Cost => "cost",
            Objective::Co2e => "co2e",
        }
    }
}

impl fmt::Display for Objective {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Objective {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Objective::ALL
            .into_iter()
            .find(|o| o.as_str() == s)
            .ok_or_else(|| {
                format!("unknown objective {s:?} (expected time, distance, cost or co2e)")
            })
    }
}

/// A quantity an analysis reports differences in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Metric {
    /// Time, in days.
    #[default]
    Time,
    /// Cost, in USD per TEU.
    Cost,
    /// Emissions, in kg CO2e per TEU.
    Co2e,
}

impl Metric {
    /// Name used on the command line and in JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Time => "time",
            Metric::Cost => "cost",
            Metric::Co2e => "co2e",
        }
    }

    /// The metric's value of `m`, in [`Metric::unit`].
    #[must_use]
    pub fn of(self, m: &Metrics) -> f64 {
        match self {
            Metric::Time => m.hours / 24.0,
            Metric::Cost => m.usd,
            Metric::Co2e => m.co2e_kg,
        }
    }

    /// Unit of the metric.
    #[must_use]
    pub fn unit(self) -> Unit {
        match self {
            Metric::Time => Unit::Days,
            Metric::Cost => Unit::UsdPerTeu,
            Metric::Co2e => Unit::KgCo2ePerTeu,
        }
    }
}

/// The unit of a reported quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Days.
    Days,
    /// US dollars per TEU.
    UsdPerTeu,
    /// Kilograms of CO2-equivalent per TEU.
    KgCo2ePerTeu,
}

impl Unit {
    /// The unit as written in output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Days => "days",
            Unit::UsdPerTeu => "USD/TEU",
            Unit::KgCo2ePerTeu => "kg CO2e/TEU",
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Unit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
