//! Scenarios: named what-ifs kept in data (`scenarios.toml`): names to avoid, leg statuses and
//! assumption values, each with its rationale and sources. A set of scenarios resolves to a
//! [`World`] that is applied to the network, the assumptions and every request.

use super::assumptions::Assumptions;
use super::assumptions_file::Entries;
use crate::embedded;
use crate::error::{Error, Result};
use crate::network::{LegIx, Network, Status};

/// One scenario.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Scenario {
    /// Id used to ask for it (`red-sea-crisis`).
    pub id: String,
    /// Readable name.
    pub name: String,
    /// What the world is.
    pub description: String,
    /// Why it changes what it changes.
    pub rationale: String,
    /// Date of the latest source it rests on.
    pub as_of: Option<String>,
    /// Citations.
    pub sources: Vec<String>,
    /// Scenarios it is made of, applied first.
    pub includes: Vec<String>,
    /// Names no route may use.
    pub avoid: Vec<String>,
    /// Countries (ISO alpha-2) whose routes the avoidances spare: a route that starts or ends
    /// in one of them may use what the scenario avoids (the services of that country's
    /// carriers kept sailing).
    pub spare_countries: Vec<String>,
    /// Leg statuses it sets, by leg id.
    pub status: Vec<(String, Status)>,
    /// Assumption values it sets.
    pub set: Vec<(String, Value)>,
    /// The first day the scenario describes the world (`YYYY-MM-DD`), if it is a period of the
    /// past or present rather than a what-if.
    pub in_force_from: Option<String>,
    /// The first day it no longer does; `None` while it still does.
    pub in_force_until: Option<String>,
    /// True for the scenario the embedded network is routed in by default.
    pub default: bool,
}

/// A value a scenario sets: a number, or a number with the plausible range that replaces the
/// assumption's own (`{ value = 48.0, low = 12.0, high = 336.0 }`), which sensitivity and the
/// Monte Carlo draws use.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// A value; the assumption keeps its range (widened to hold the value).
    Plain(f64),
    /// A value with its range.
    Ranged {
        /// The value.
        value: f64,
        /// Lowest plausible value.
        low: f64,
        /// Highest plausible value.
        high: f64,
    },
}

impl Value {
    /// The value itself.
    #[must_use]
    pub fn value(self) -> f64 {
        match self {
            Value::Plain(v) | Value::Ranged { value: v, .. } => v,
        }
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Plain(v) => write!(f, "{v}"),
            Value::Ranged { value, low, high } => write!(f, "{value} ({low}–{high})"),
        }
    }
}

impl Scenario {
    /// What it changes, one readable line per kind of change (includes, avoids, statuses,
    /// values), for listings.
    #[must_use]
    pub fn changes(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.includes.is_empty() {
            out.push(format!("includes {}", self.includes.join(", ")));
        }
        if !self.avoid.is_empty() {
            let mut line = format!("avoids {}", self.avoid.join(", "));
            if !self.spare_countries.is_empty() {
                line.push_str(&format!(
                    " (not on routes to or from {})",
                    self.spare_countries.join(", ")
                ));
            }
            out.push(line);
        }
        for (leg, status) in &self.status {
            out.push(format!("{leg} {status}"));
        }
        if !self.set.is_empty() {
            let values: Vec<String> = self.set.iter().map(|(k, v)| format!("{k} = {v}")).collect();
            out.push(format!("sets {}", values.join(", ")));
        }
        out
    }
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioTable {
    name: Option<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    rationale: String,
    as_of: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    includes: Vec<String>,
    #[serde(default)]
    avoid: Vec<String>,
    #[serde(default)]
    spare_countries: Vec<String>,
    #[serde(default)]
    status: Entries<String>,
    #[serde(default)]
    set: Entries<Value>,
    in_force_from: Option<String>,
    in_force_until: Option<String>,
    #[serde(default)]
    default: bool,
}

/// A name a world avoids, with what spares a route from it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Avoidance {
    /// The name avoided (as `--avoid` takes it).
    pub name: String,
    /// The scenario that avoids it.
    pub scenario: String,
    /// Routes starting or ending in these countries may use it.
    pub spare_countries: Vec<String>,
}

/// The scenarios of a file, in file order.
#[derive(Debug, Clone, Default)]
pub struct Scenarios {
    list: Vec<Scenario>,
}

/// What a set of scenarios changes, in the order they are applied.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct World {
    /// The scenarios, included ones first (each once).
    pub scenarios: Vec<String>,
    /// Names no route may use, but those a route's ends spare it from.
    pub avoid: Vec<Avoidance>,
    /// Leg statuses set, by leg id, with the scenario that sets each.
    pub status: Vec<(String, Status, String)>,
    /// Assumption values set, with the scenario that sets each.
    pub set: Vec<(String, Value, String)>,
}

impl Scenarios {
    /// The embedded scenarios.
    ///
    /// # Errors
    /// Only if the embedded file is broken, which the test suite rules out.
    pub fn embedded() -> Result<Scenarios> {
        Scenarios::parse(embedded::SCENARIOS, embedded::SCENARIOS_NAME)
    }

    /// Parses a scenarios TOML file (data/scenarios.toml documents the format).
    ///
    /// # Errors
    /// [`Error::DataFile`] with line and column for malformed TOML, an unknown key or a value
    /// of the wrong type; [`Error::Scenario`] for an unknown status, an include that does not
    /// exist or forms a cycle, or more than one default.
    pub fn parse(text: &str, file: &str) -> Result<Scenarios> {
        let Entries(tables): Entries<ScenarioTable> =
            toml::from_str(text).map_err(|e| Error::toml(file, text, &e, None))?;
        let bad = |id: &str, message: String| Error::Scenario {
            file: file.to_string(),
            scenario: id.to_string(),
            message,
        };
        let mut list = Vec::with_capacity(tables.len());
        for (id, t) in tables {
            let status = t
                .status
                .0
                .into_iter()
                .map(|(leg, s)| match s.parse::<Status>() {
                    Ok(s) => Ok((leg, s)),
                    Err(e) => Err(bad(&id, format!("`status` of {leg}: {e}"))),
                })
                .collect::<Result<Vec<_>>>()?;
            for (key, date) in [
                ("in_force_from", &t.in_force_from),
                ("in_force_until", &t.in_force_until),
            ] {
                if let Some(d) = date
                    && !is_date(d)
                {
                    return Err(bad(&id, format!("`{key}` {d:?} is not a YYYY-MM-DD date")));
                }
            }
            for (key, v) in &t.set.0 {
                if let Value::Ranged { value, low, high } = *v
                    && !(low <= value && value <= high)
                {
                    return Err(bad(
                        &id,
                        format!("`set` {key}: value {value} is outside its range {low}–{high}"),
                    ));
                }
            }
            if let Some(c) = t.spare_countries.iter().find(|c| !is_country(c)) {
                return Err(bad(
                    &id,
                    format!("`spare_countries`: {c:?} is not an ISO 3166 alpha-2 code"),
                ));
            }
            list.push(Scenario {
                name: t.name.unwrap_or_else(|| id.clone()),
                description: t.description,
                rationale: t.rationale,
                as_of: t.as_of,
                sources: t.sources,
                includes: t.includes,
                avoid: t.avoid,
                spare_countries: t.spare_countries,
                status,
                set: t.set.0,
                in_force_from: t.in_force_from,
                in_force_until: t.in_force_until,
                default: t.default,
                id,
            });
        }
        let s = Scenarios { list };
        if s.list.iter().filter(|x| x.default).count() > 1 {
            let ids: Vec<&str> = s
                .list
                .iter()
                .filter(|x| x.default)
                .map(|x| x.id.as_str())
                .collect();
            return Err(bad(
                ids[1],
                format!("is a second default (with {})", ids[0]),
            ));
        }
        for x in &s.list {
            // Resolving each one checks its includes exist and form no cycle.
            s.world(std::slice::from_ref(&x.id)).map_err(|e| match e {
                Error::UnknownScenario { name, .. } => {
                    bad(&x.id, format!("includes unknown scenario {name:?}"))
                }
                other => other,
            })?;
        }
        Ok(s)
    }

    /// All scenarios, in file order.
    #[must_use]
    pub fn list(&self) -> &[Scenario] {
        &self.list
    }

    /// The scenario with this id.
    ///
    /// # Errors
    /// [`Error::UnknownScenario`] listing the known ids.
    pub fn get(&self, id: &str) -> Result<&Scenario> {
        self.list
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Error::UnknownScenario {
                name: id.to_string(),
                known: self.list.iter().map(|s| s.id.clone()).collect(),
            })
    }

    /// The scenarios that describe the world on `date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a
    /// year or a month is read as its first day), in file order: those whose period holds it.
    #[must_use]
    pub fn in_force(&self, date: &str) -> Vec<&Scenario> {
        let day = first_day(date);
        self.list
            .iter()
            .filter(|s| {
                s.in_force_from
                    .as_deref()
                    .is_some_and(|f| f <= day.as_str())
                    && s.in_force_until.as_deref().is_none_or(|u| day.as_str() < u)
            })
            .collect()
    }

    /// The period scenario `x` describes: its own, else (for a scenario made only of others)
    /// the days all its includes hold; `None` for a what-if. As `(from, until)`, `until`
    /// `None` while it still holds.
    #[must_use]
    pub fn period(&self, x: &Scenario) -> Option<(String, Option<String>)> {
        if let Some(from) = &x.in_force_from {
            return Some((from.clone(), x.in_force_until.clone()));
        }
        if x.includes.is_empty() || !x.avoid.is_empty() || !x.status.is_empty() || !x.set.is_empty()
        {
            return None;
        }
        let mut from = String::new();
        let mut until: Option<String> = None;
        for inc in &x.includes {
            let (f, u) = self.period(self.get(inc).ok()?)?;
            from = from.max(f);
            until = match (until, u) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
        Some((from, until))
    }

    /// [`Scenarios::period`] in words: `since 2023-12-15`, `2022-01-01 to 2023-01-01`,
    /// `what-if`.
    #[must_use]
    pub fn period_text(&self, x: &Scenario) -> String {
        match self.period(x) {
            Some((f, None)) => format!("since {f}"),
            Some((f, Some(u))) => format!("{f} to {u}"),
            None => "what-if".into(),
        }
    }

    /// The default scenario, if the file marks one.
    #[must_use]
    pub fn default_scenario(&self) -> Option<&Scenario> {
        self.list.iter().find(|s| s.default)
    }

    /// What the scenarios `ids` change together, each included scenario applied before the
    /// one that includes it, and each applied once.
    ///
    /// # Errors
    /// [`Error::UnknownScenario`]; [`Error::ScenarioCycle`] naming the scenarios of a cycle.
    pub fn world(&self, ids: &[String]) -> Result<World> {
        let mut world = World::default();
        for id in ids {
            self.expand(id, &mut Vec::new(), &mut world)?;
        }
        Ok(world)
    }

    fn expand(&self, id: &str, path: &mut Vec<String>, world: &mut World) -> Result<()> {
        if let Some(start) = path.iter().position(|p| p == id) {
            let mut cycle = path[start..].to_vec();
            cycle.push(id.to_string());
            return Err(Error::ScenarioCycle { cycle });
        }
        if world.scenarios.iter().any(|s| s == id) {
            return Ok(());
        }
        let s = self.get(id)?;
        path.push(id.to_string());
        for inc in &s.includes {
            self.expand(inc, path, world)?;
        }
        path.pop();
        world.scenarios.push(s.id.clone());
        world.avoid.extend(s.avoid.iter().map(|name| Avoidance {
            name: name.clone(),
            scenario: s.id.clone(),
            spare_countries: s.spare_countries.clone(),
        }));
        world.status.extend(
            s.status
                .iter()
                .map(|(l, st)| (l.clone(), *st, s.id.clone())),
        );
        world
            .set
            .extend(s.set.iter().map(|(k, v)| (k.clone(), *v, s.id.clone())));
        Ok(())
    }
}

/// `YYYY-MM-DD` with digits where digits go.
fn is_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

fn is_country(c: &str) -> bool {
    c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// The first day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[must_use]
pub fn first_day(date: &str) -> String {
    match date.len() {
        4 => format!("{date}-01-01"),
        7 => format!("{date}-01"),
        _ => date.to_string(),
    }
}

impl World {
    /// The names a route from a node in country `from` to one in `to` must avoid: all but those
    /// its ends are spared from.
    #[must_use]
    pub fn avoid_between(&self, from: Option<&str>, to: Option<&str>) -> Vec<&Avoidance> {
        let spared = |a: &Avoidance| {
            [from, to]
                .into_iter()
                .flatten()
                .any(|c| a.spare_countries.iter().any(|s| s == c))
        };
        self.avoid.iter().filter(|a| !spared(a)).collect()
    }

    /// Sets the world's leg statuses on a network.
    ///
    /// # Errors
    /// [`Error::UnknownLeg`] naming a leg the network lacks.
    /// Returns the statuses it replaced, first change first, so that the network before the
    /// world can be had back ([`World::restore`]).
    pub fn apply_to_network(&self, net: &mut Network) -> Result<Vec<(LegIx, Status)>> {
        let mut before = Vec::with_capacity(self.status.len());
        for (leg, status, scenario) in &self.status {
            let ix = net.leg_by_id(leg).ok_or_else(|| Error::UnknownLeg {
                id: leg.clone(),
                origin: format!("scenario {scenario}"),
            })?;
            before.push((ix, net.leg(ix).status));
            net.set_status(ix, *status);
        }
        Ok(before)
    }

    /// Puts back the statuses [`World::apply_to_network`] replaced.
    pub fn restore(net: &mut Network, before: &[(LegIx, Status)]) {
        for &(ix, status) in before.iter().rev() {
            net.set_status(ix, status);
        }
    }

    /// Sets the world's assumption values.
    ///
    /// # Errors
    /// The errors of [`Assumptions::set`].
    pub fn apply_to_assumptions(&self, a: &mut Assumptions) -> Result<()> {
        for (key, value, scenario) in &self.set {
            let origin = format!("scenario {scenario}");
            a.set(key, value.value(), &origin)?;
            if let Value::Ranged { low, high, .. } = *value {
                a.set_range(key, low, high)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
