//! Observations to test the model against (`observations.toml`): real shipments and
//! published service transit times, each with the route as it ran, the days observed and the
//! source, and whether any default or profile was fitted to it.

use crate::embedded;
use crate::error::{Error, Result};
use crate::model::scenarios::first_day;

/// What kind of figure an observation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A real consignment with a reported outcome.
    Shipment,
    /// An advertised or operator-reported regular transit time.
    Schedule,
}

/// What an observed time covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// From the ship's (or train's) departure to its arrival: the model leaves out the dwell
    /// at the first and the last stop.
    PortToPort,
    /// From hand-over at the origin to arrival at the destination: every stop counts.
    DoorToDoor,
}

/// Days observed: one figure or a range, as the source gives it.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum Days {
    /// One figure.
    One(f64),
    /// A range, low to high.
    Range([f64; 2]),
}

impl Days {
    /// The relative error of `model` days against these: against the figure, or 0 inside the
    /// range and against its nearer end outside it (a fraction: 0.1 is 10 % too long).
    #[must_use]
    pub fn error(self, model: f64) -> f64 {
        match self {
            Days::One(d) => (model - d) / d,
            Days::Range([lo, _]) if model < lo => (model - lo) / lo,
            Days::Range([_, hi]) if model > hi => (model - hi) / hi,
            Days::Range(_) => 0.0,
        }
    }

    fn is_valid(self) -> bool {
        let ok = |d: f64| d.is_finite() && d > 0.0;
        match self {
            Days::One(d) => ok(d),
            Days::Range([lo, hi]) => ok(lo) && ok(hi) && lo <= hi,
        }
    }
}

impl std::fmt::Display for Days {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Days::One(d) => write!(f, "{d}"),
            Days::Range([lo, hi]) => write!(f, "{lo}–{hi}"),
        }
    }
}

/// One observation.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// Unique id.
    pub id: String,
    /// When the shipment left or the figure was stated: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// Shipment or schedule.
    pub kind: Kind,
    /// Origin, as `route find --from` takes it.
    pub from: String,
    /// Destination.
    pub to: String,
    /// What the route as run must use, as `--via` takes it.
    #[serde(default)]
    pub via: Vec<String>,
    /// What it did not use, as `--avoid` takes it.
    #[serde(default)]
    pub avoid: Vec<String>,
    /// What the observed time covers.
    pub basis: Basis,
    /// Days observed.
    pub days: Days,
    /// Cost per TEU where published, USD.
    pub usd_per_teu: Option<f64>,
    /// True when a default or profile was fitted to it (it then tests nothing).
    pub calibrated: bool,
    /// A (official body, operator), B (news agency, trade press) or C (aggregator, blog).
    pub quality: String,
    /// Where the figure is.
    pub source: String,
    /// The source's words that carry it.
    pub quote: String,
    /// Caveats.
    #[serde(default)]
    pub note: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    observation: Vec<Observation>,
}

/// The embedded observations (`data/observations.toml`).
///
/// # Errors
/// Only if the embedded file is broken, which the test suite rules out.
pub fn embedded() -> Result<Vec<Observation>> {
    parse(embedded::OBSERVATIONS, embedded::OBSERVATIONS_NAME)
}

/// Parses an observations file (data/observations.toml documents the format).
///
/// # Errors
/// [`Error::DataFile`] with line and column for malformed TOML, an unknown field or a value of
/// the wrong type; [`Error::Observation`] for a repeated id, a date that is not `YYYY`,
/// `YYYY-MM` or `YYYY-MM-DD`, days that are not positive or a range whose low end is above its
/// high end, a negative cost, or a quality other than A, B or C.
pub fn parse(text: &str, file: &str) -> Result<Vec<Observation>> {
    let f: File = toml::from_str(text).map_err(|e| Error::toml(file, text, &e, None))?;
    let mut seen = std::collections::HashSet::new();
    for o in &f.observation {
        let bad = |message: String| Error::Observation {
            file: file.to_string(),
            id: o.id.clone(),
            message,
        };
        if !seen.insert(o.id.as_str()) {
            return Err(bad("the id is used twice".into()));
        }
        if !is_date(&o.date) {
            return Err(bad(format!(
                "`date` {:?} is not YYYY, YYYY-MM or YYYY-MM-DD",
                o.date
            )));
        }
        if !o.days.is_valid() {
            return Err(bad(format!(
                "`days` {} must be positive (a range low to high)",
                o.days
            )));
        }
        if let Some(c) = o.usd_per_teu
            && !(c.is_finite() && c >= 0.0)
        {
            return Err(bad(format!(
                "`usd_per_teu` {c} must be a non-negative number"
            )));
        }
        if !matches!(o.quality.as_str(), "A" | "B" | "C") {
            return Err(bad(format!("`quality` {:?} must be A, B or C", o.quality)));
        }
    }
    Ok(f.observation)
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a month 01–12 and a day 01–31.
fn is_date(d: &str) -> bool {
    let full = first_day(d);
    let b = full.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(matches!(d.len(), 4 | 7 | 10) && b.len() == 10 && b[4] == b'-' && b[7] == b'-') {
        return false;
    }
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u8 = full[5..7].parse().unwrap_or(0);
    let day: u8 = full[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"
[[observation]]
id = "a"
date = "2024-06"
kind = "schedule"
from = "x"
to = "y"
basis = "port-to-port"
days = [16.0, 17.0]
calibrated = false
quality = "B"
source = "s"
quote = "q"
"#;

    #[test]
    fn reads_and_checks_observations() {
        let list = parse(ONE, "o.toml").unwrap();
        assert_eq!(list[0].days, Days::Range([16.0, 17.0]));
        assert_eq!(list[0].basis, Basis::PortToPort);
        let twice = format!("{ONE}{ONE}");
        let e = parse(&twice, "o.toml").unwrap_err().to_string();
        assert_eq!(e, "o.toml: observation \"a\": the id is used twice");
        let e = parse(&ONE.replace("2024-06", "June 2024"), "o.toml").unwrap_err();
        assert!(e.to_string().contains("`date` \"June 2024\""), "{e}");
        let e = parse(&ONE.replace("2024-06", "2024-13"), "o.toml").unwrap_err();
        assert!(e.to_string().contains("`date` \"2024-13\""), "{e}");
        let e = parse(&ONE.replace("[16.0, 17.0]", "[17.0, 16.0]"), "o.toml").unwrap_err();
        assert!(e.to_string().contains("`days` 17–16"), "{e}");
        let e = parse(&ONE.replace("basis =", "bases ="), "o.toml").unwrap_err();
        assert!(e.to_string().starts_with("o.toml:"), "{e}");
        assert!(e.to_string().contains("bases"), "{e}");
    }

    #[test]
    fn errors_are_against_the_figure_or_the_nearer_end_of_the_range() {
        assert!((Days::One(20.0).error(22.0) - 0.1).abs() < 1e-12);
        assert_eq!(Days::Range([16.0, 17.0]).error(16.5), 0.0);
        assert!((Days::Range([16.0, 17.0]).error(12.0) + 0.25).abs() < 1e-12);
        assert!((Days::Range([16.0, 20.0]).error(22.0) - 0.1).abs() < 1e-12);
    }
}
