//! Reproducing published studies: each profile's published cases routed the way the study's
//! cargo went, under the profile and under the defaults, beside the published figures.

use super::find;
use crate::error::Result;
use crate::model::{Assumptions, CostModel, Params, Profile};
use crate::routing::Atlas;

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
    /// Value in the defaults (`None` for a key the profile adds, such as a country's rate).
    pub default: Option<f64>,
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
pub fn run(atlas: &Atlas, defaults: &Assumptions, profile: &Profile) -> Result<ProfileCheck> {
    let mut with = defaults.clone();
    profile.apply(&mut with)?;
    // Only what the profile changes: a key set to its default value is no difference.
    let overrides = profile
        .set
        .iter()
        .filter(|(k, v)| defaults.value(k) != Some(*v))
        .map(|(k, v)| Override {
            key: k.clone(),
            unit: defaults
                .get(k)
                .map(|p| p.unit.to_string())
                .unwrap_or_default(),
            default: defaults.value(k),
            profile: *v,
        })
        .collect();
    let model_p = CostModel::new(atlas.network(), Params::from_assumptions(&with)?);
    let model_d = CostModel::new(atlas.network(), Params::from_assumptions(defaults)?);
    let mut results = Vec::new();
    for e in &profile.expect {
        let mut via = vec![e.corridor.clone()];
        via.extend(e.via.iter().cloned());
        let req = find::Query {
            from: e.from.clone(),
            to: e.to.clone(),
            via,
            avoid: e.avoid.clone(),
            objective: e.by,
            ..find::Query::default()
        }
        .resolve(atlas)?;
        let p = find::run(atlas, &model_p, &req)?;
        let d = find::run(atlas, &model_d, &req)?;
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
