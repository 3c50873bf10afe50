//! The backtest: every observation routed as it ran, in the world of its date (the scenarios
//! in force then), under the assumptions given, and the model's days set beside the days
//! observed. The median absolute error over the observations no default or profile was fitted
//! to says how far the model can be trusted.

use std::collections::HashMap;

use super::find;
use super::observations::{Basis, Days, Kind, Observation};
use crate::error::Result;
use crate::model::{Assumptions, CostModel, Objective, Params, Scenarios, World};
use crate::network::Network;
use crate::routing::places::DEFAULT_MAX_SNAP_KM;
use crate::routing::{Atlas, Corridors};

/// One observation beside the model.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Case {
    /// The observation's id.
    pub id: String,
    /// Its date.
    pub date: String,
    /// Shipment or schedule.
    pub kind: Kind,
    /// What the observed time covers.
    pub basis: Basis,
    /// Whether a default or profile was fitted to it.
    pub calibrated: bool,
    /// Source quality, A–C.
    pub quality: String,
    /// The scenarios in force at its date (none: the normal world).
    pub scenarios: Vec<String>,
    /// Days observed.
    pub observed_days: Days,
    /// Model days on the observation's basis (port to port leaves out the first and last
    /// stop); `None` when it did not route.
    pub model_days: Option<f64>,
    /// `(model − observed) / observed`, against the nearer end of a range and 0 inside it.
    pub error: Option<f64>,
    /// Cost per TEU observed, USD, where published.
    pub observed_usd: Option<f64>,
    /// Model cost per TEU, USD (every stop counts).
    pub model_usd: Option<f64>,
    /// The route the model took: its label and passages, or why there was none.
    pub route: String,
    /// Where the figure comes from.
    pub source: String,
}

/// The whole backtest.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Backtest {
    /// Every observation, in file order.
    pub cases: Vec<Case>,
    /// Median of |error| over the routed observations that were not calibrated on (a
    /// fraction); `None` when there are none.
    pub median_abs_error: Option<f64>,
    /// How many observations that median is over.
    pub independent: usize,
    /// How many were calibrated on (shown, not counted).
    pub calibrated: usize,
    /// How many did not route.
    pub unrouted: usize,
}

impl Backtest {
    /// The `n` independent cases with the largest |error|, largest first.
    #[must_use]
    pub fn worst(&self, n: usize) -> Vec<&Case> {
        let mut v: Vec<&Case> = self
            .cases
            .iter()
            .filter(|c| !c.calibrated && c.error.is_some())
            .collect();
        v.sort_by(|a, b| abs(b).total_cmp(&abs(a)).then_with(|| a.id.cmp(&b.id)));
        v.truncate(n);
        v
    }
}

fn abs(c: &Case) -> f64 {
    c.error.map_or(0.0, f64::abs)
}

/// What the backtest routes on: the network and corridors as loaded (no scenario applied),
/// the assumptions with any profile applied, the overrides to apply last, and the scenarios
/// whose periods decide each observation's world.
pub struct Inputs<'a> {
    /// The network before any scenario.
    pub network: &'a Network,
    /// The corridors.
    pub corridors: &'a Corridors,
    /// The assumptions (file and profile) before any scenario.
    pub assumptions: &'a Assumptions,
    /// `KEY=VALUE` overrides applied after each world's values.
    pub overrides: &'a [String],
    /// The scenarios file.
    pub scenarios: &'a Scenarios,
}

/// A world built once and shared by the observations of its period.
struct Built {
    scenarios: Vec<String>,
    world: World,
    atlas: Atlas,
    params: Params,
}

/// Routes every observation in the world of its date.
///
/// An observation that does not route (a place the network lacks, a leg closed at its date)
/// is reported in its [`Case::route`] and counted in [`Backtest::unrouted`]; it does not stop
/// the others.
///
/// # Errors
/// The errors of applying a scenario to the network or the assumptions, and of the overrides.
pub fn run(inputs: &Inputs<'_>, observations: &[Observation]) -> Result<Backtest> {
    let mut worlds: HashMap<Vec<String>, Built> = HashMap::new();
    let mut cases = Vec::with_capacity(observations.len());
    for o in observations {
        let ids: Vec<String> = inputs
            .scenarios
            .in_force(&o.date)
            .iter()
            .map(|s| s.id.clone())
            .collect();
        if !worlds.contains_key(&ids) {
            let built = build(inputs, &ids)?;
            worlds.insert(ids.clone(), built);
        }
        cases.push(case(o, &worlds[&ids]));
    }
    let mut errors: Vec<f64> = cases
        .iter()
        .filter(|c| !c.calibrated)
        .filter_map(|c| c.error.map(f64::abs))
        .collect();
    errors.sort_by(f64::total_cmp);
    Ok(Backtest {
        median_abs_error: median(&errors),
        independent: errors.len(),
        calibrated: cases.iter().filter(|c| c.calibrated).count(),
        unrouted: cases.iter().filter(|c| c.model_days.is_none()).count(),
        cases,
    })
}

fn build(inputs: &Inputs<'_>, ids: &[String]) -> Result<Built> {
    let world = inputs.scenarios.world(ids)?;
    let mut net = inputs.network.clone();
    let _replaced = world.apply_to_network(&mut net)?;
    let mut a = inputs.assumptions.clone();
    world.apply_to_assumptions(&mut a)?;
    a.apply_overrides(inputs.overrides, "--set")?;
    Ok(Built {
        scenarios: world.scenarios.clone(),
        params: Params::from_assumptions(&a)?,
        atlas: Atlas::new(net, inputs.corridors.clone()),
        world,
    })
}

fn case(o: &Observation, w: &Built) -> Case {
    let mut c = Case {
        id: o.id.clone(),
        date: o.date.clone(),
        kind: o.kind,
        basis: o.basis,
        calibrated: o.calibrated,
        quality: o.quality.clone(),
        scenarios: w.scenarios.clone(),
        observed_days: o.days,
        model_days: None,
        error: None,
        observed_usd: o.usd_per_teu,
        model_usd: None,
        route: String::new(),
        source: o.source.clone(),
    };
    match route(o, w) {
        Ok(r) => {
            let ends: f64 = r
                .stops
                .iter()
                .filter(|s| s.node == r.from.id || s.node == r.to.id)
                .map(|s| s.time_hours)
                .sum();
            let hours = match o.basis {
                Basis::PortToPort => r.time_hours - ends,
                Basis::DoorToDoor => r.time_hours,
            };
            let days = hours / 24.0;
            c.model_days = Some(days);
            c.error = Some(o.days.error(days));
            c.model_usd = Some(r.cost_usd);
            c.route = if r.passages.is_empty() {
                r.label
            } else {
                format!("{} ({})", r.label, r.passages.join(", "))
            };
        }
        Err(e) => c.route = format!("no route: {e}"),
    }
    c
}

fn route(o: &Observation, w: &Built) -> Result<crate::model::RouteReport> {
    let atlas = &w.atlas;
    let ends = find::ends(atlas, &o.from, &o.to, DEFAULT_MAX_SNAP_KM)?;
    let net = atlas.network();
    let country = |n| net.node(n).country.as_deref();
    let mut avoid = o.avoid.clone();
    avoid.extend(
        w.world
            .avoid_between(country(ends.from), country(ends.to))
            .into_iter()
            .map(|a| a.name.clone()),
    );
    let req = find::Request {
        from: ends.from,
        to: ends.to,
        via: find::targets(atlas, &o.via)?,
        avoid: find::targets(atlas, &avoid)?,
        objective: Objective::Time,
        include_planned: false,
    };
    let model = CostModel::new(net, w.params.clone());
    find::run(atlas, &model, &req)
}

fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some(f64::midpoint(sorted[n / 2 - 1], sorted[n / 2])),
    }
}
