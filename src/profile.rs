//! Profiles: named sets of assumption overrides that reproduce a published study, with the
//! study's own results so that tests (and users) can see how close the model lands.

use crate::assumptions::Assumptions;
use crate::error::{Error, Result};

/// The embedded profiles (`data/profiles.toml`).
pub const DEFAULT_PROFILES: &str = include_str!("../data/profiles.toml");

/// A published result a profile should reproduce.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Expectation {
    /// The study's name for the route.
    pub label: String,
    /// Corridor id the route is computed through.
    pub corridor: String,
    /// Origin place.
    pub from: String,
    /// Destination place.
    pub to: String,
    /// Published door-to-door time, days.
    pub time_days: Option<f64>,
    /// Published cost per TEU, USD.
    pub cost_usd: Option<f64>,
    /// Where the published figure comes from.
    pub source: Option<String>,
    /// Further places the study's route passed (`--via` names), beyond the corridor.
    pub via: Vec<String>,
    /// What the study's route did not use (`--avoid` names).
    pub avoid: Vec<String>,
    /// What the route is chosen by (`time` unless the study's route is better matched
    /// otherwise, e.g. `cost` for a shipment that took the cheapest rail line).
    pub by: crate::assess::Objective,
}

/// One profile.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Profile {
    /// Name used with `--profile`.
    pub name: String,
    /// What the profile stands for.
    pub description: String,
    /// The study it reproduces.
    pub source: String,
    /// Assumption overrides, in file order.
    pub set: Vec<(String, f64)>,
    /// Published results.
    pub expect: Vec<Expectation>,
}

impl Profile {
    /// Applies the profile's overrides to `a`.
    ///
    /// # Errors
    /// [`Error::UnknownAssumption`] if the profile names a key the assumptions lack.
    pub fn apply(&self, a: &mut Assumptions) -> Result<()> {
        for (k, v) in &self.set {
            a.set(k, *v, &format!("profile {}", self.name))?;
        }
        Ok(())
    }
}

/// All profiles of a file.
#[derive(Debug, Clone, Default)]
pub struct Profiles {
    /// Profiles in file order.
    pub list: Vec<Profile>,
}

impl Profiles {
    /// The embedded profiles.
    ///
    /// # Errors
    /// Only if the embedded file is broken, which the test suite rules out.
    pub fn embedded() -> Result<Profiles> {
        Profiles::parse(DEFAULT_PROFILES, "<embedded profiles>")
    }

    /// Parses a profiles TOML file: one table per profile with `description`, `source`, a
    /// `set` table of `"key" = number` and an array `expect` of published results.
    ///
    /// # Errors
    /// [`Error::Assumptions`] naming the profile and key for malformed entries.
    pub fn parse(text: &str, file: &str) -> Result<Profiles> {
        let table = crate::assumptions::parse_table(text, file)?;
        let mut list = Vec::new();
        for (name, v) in &table {
            let err = |m: String| Error::Assumptions {
                file: file.into(),
                message: format!("profile {name}: {m}"),
            };
            let toml::Value::Table(t) = v else {
                return Err(err("is not a table".into()));
            };
            let text = |t: &toml::Table, k: &str| {
                t.get(k).and_then(toml::Value::as_str).map(str::to_string)
            };
            let num = |v: &toml::Value| -> Option<f64> {
                match v {
                    toml::Value::Float(f) => Some(*f),
                    #[allow(clippy::cast_precision_loss)]
                    toml::Value::Integer(i) => Some(*i as f64),
                    _ => None,
                }
            };
            let mut set = Vec::new();
            if let Some(s) = t.get("set") {
                let toml::Value::Table(s) = s else {
                    return Err(err("`set` is not a table".into()));
                };
                flatten(s, "", &mut |k, v| match num(v) {
                    Some(x) => {
                        set.push((k.to_string(), x));
                        Ok(())
                    }
                    None => Err(err(format!("set.{k} = {v} is not a number"))),
                })?;
            }
            let mut expect = Vec::new();
            if let Some(toml::Value::Array(items)) = t.get("expect") {
                for item in items {
                    let toml::Value::Table(e) = item else {
                        return Err(err("`expect` holds a non-table".into()));
                    };
                    let need = |k: &str| {
                        text(e, k).ok_or_else(|| err(format!("an `expect` entry lacks `{k}`")))
                    };
                    let names = |k: &str| -> Result<Vec<String>> {
                        match e.get(k) {
                            None => Ok(Vec::new()),
                            Some(toml::Value::Array(items)) => items
                                .iter()
                                .map(|i| {
                                    i.as_str().map(str::to_string).ok_or_else(|| {
                                        err(format!("`{k}` holds {i}, not a string"))
                                    })
                                })
                                .collect(),
                            Some(other) => {
                                Err(err(format!("`{k}` = {other} is not an array of strings")))
                            }
                        }
                    };
                    let by = match text(e, "by").as_deref() {
                        None | Some("time") => crate::assess::Objective::Time,
                        Some("distance") => crate::assess::Objective::Distance,
                        Some("cost") => crate::assess::Objective::Cost,
                        Some("co2e") => crate::assess::Objective::Co2e,
                        Some(other) => {
                            return Err(err(format!(
                                "`by` = {other:?} (expected time, distance, cost or co2e)"
                            )));
                        }
                    };
                    expect.push(Expectation {
                        label: need("label")?,
                        corridor: need("corridor")?,
                        from: need("from")?,
                        to: need("to")?,
                        time_days: e.get("time_days").and_then(num),
                        cost_usd: e.get("cost_usd").and_then(num),
                        source: text(e, "source"),
                        via: names("via")?,
                        avoid: names("avoid")?,
                        by,
                    });
                }
            }
            list.push(Profile {
                name: name.clone(),
                description: text(t, "description").unwrap_or_default(),
                source: text(t, "source").unwrap_or_default(),
                set,
                expect,
            });
        }
        Ok(Profiles { list })
    }

    /// The profile with this name.
    ///
    /// # Errors
    /// [`Error::UnknownProfile`] listing the known names.
    pub fn get(&self, name: &str) -> Result<&Profile> {
        self.list
            .iter()
            .find(|p| p.name == name)
            .ok_or_else(|| Error::UnknownProfile {
                name: name.to_string(),
                known: self.list.iter().map(|p| p.name.clone()).collect(),
            })
    }
}

/// Walks a table of overrides; quoted dotted keys and nested tables both give dotted keys.
fn flatten(
    t: &toml::Table,
    prefix: &str,
    f: &mut impl FnMut(&str, &toml::Value) -> Result<()>,
) -> Result<()> {
    for (k, v) in t {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::Table(inner) => flatten(inner, &key, f)?,
            other => f(&key, other)?,
        }
    }
    Ok(())
}

/// A published result beside what the model gives under the profile and under the defaults.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Reproduction {
    /// The study's name for the route.
    pub label: String,
    /// Corridor the route was computed through.
    pub corridor: String,
    /// Published time, days.
    pub published_days: Option<f64>,
    /// Model time under the profile, days.
    pub profile_days: f64,
    /// Model time under the defaults, days.
    pub default_days: f64,
    /// Published cost per TEU, USD.
    pub published_usd: Option<f64>,
    /// Model cost under the profile, USD per TEU.
    pub profile_usd: f64,
    /// Model cost under the defaults, USD per TEU.
    pub default_usd: f64,
    /// Source of the published figures.
    pub source: Option<String>,
}

/// One override of a profile: the default and the profile's value.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Override {
    /// Assumption key.
    pub key: String,
    /// Its unit.
    pub unit: String,
    /// Value in the defaults.
    pub default: f64,
    /// Value in the profile.
    pub profile: f64,
}

/// What a profile changes and how close it lands to its study.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ProfileCheck {
    /// Profile name.
    pub name: String,
    /// The study.
    pub source: String,
    /// Keys the profile changes.
    pub overrides: Vec<Override>,
    /// Each published result beside the model.
    pub results: Vec<Reproduction>,
}

/// Runs a profile's published cases under the profile and under `defaults`.
///
/// # Errors
/// Assumption errors, and [`Error::NoRoute`] or place errors for a case the network cannot
/// route.
pub fn check(
    atlas: &crate::Atlas,
    defaults: &Assumptions,
    profile: &Profile,
) -> Result<ProfileCheck> {
    use crate::assess::{CostModel, Params};
    use crate::find::{RouteRequest, find};
    let mut with = defaults.clone();
    profile.apply(&mut with)?;
    let overrides = profile
        .set
        .iter()
        .map(|(k, v)| Override {
            key: k.clone(),
            unit: defaults.get(k).map(|p| p.unit.clone()).unwrap_or_default(),
            default: defaults.value(k).unwrap_or(f64::NAN),
            profile: *v,
        })
        .collect();
    let model_p = CostModel::new(&atlas.network, Params::from_assumptions(&with)?);
    let model_d = CostModel::new(&atlas.network, Params::from_assumptions(defaults)?);
    let mut results = Vec::new();
    for e in &profile.expect {
        let mut via = vec![e.corridor.clone()];
        via.extend(e.via.iter().cloned());
        let req = RouteRequest {
            from: e.from.clone(),
            to: e.to.clone(),
            via,
            avoid: e.avoid.clone(),
            objective: e.by,
            ..RouteRequest::default()
        };
        let (p, _) = find(atlas, &model_p, &req)?;
        let (d, _) = find(atlas, &model_d, &req)?;
        results.push(Reproduction {
            label: e.label.clone(),
            corridor: e.corridor.clone(),
            published_days: e.time_days,
            profile_days: p.time_days,
            default_days: d.time_days,
            published_usd: e.cost_usd,
            profile_usd: p.cost_usd,
            default_usd: d.cost_usd,
            source: e.source.clone(),
        });
    }
    Ok(ProfileCheck {
        name: profile.name.clone(),
        source: profile.source.clone(),
        overrides,
        results,
    })
}
