//! Sensitivity: which assumptions swing the difference between two corridors most. Each
//! parameter with a range is set to its low and then its high value (all others central), both
//! routes are chosen afresh, and the difference `other − reference` is recorded; parameters are
//! ranked by how far the difference moves (a tornado chart).

use crate::assess::{CostModel, Metrics, Params};
use crate::assumptions::Assumptions;
use crate::atlas::Atlas;
use crate::compare::{self, CompareRequest};
use crate::error::{Error, Result};

/// What the difference is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Metric {
    /// Days.
    #[default]
    Time,
    /// USD per TEU.
    Cost,
    /// kg CO2e per TEU.
    Co2e,
}

impl Metric {
    fn of(self, m: &Metrics) -> f64 {
        match self {
            Metric::Time => m.hours / 24.0,
            Metric::Cost => m.usd,
            Metric::Co2e => m.co2e_kg,
        }
    }

    /// Unit of the metric.
    #[must_use]
    pub fn unit(self) -> &'static str {
        match self {
            Metric::Time => "days",
            Metric::Cost => "USD/TEU",
            Metric::Co2e => "kg CO2e/TEU",
        }
    }
}

/// The effect of one parameter.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Swing {
    /// Assumption key.
    pub key: String,
    /// Its unit.
    pub unit: String,
    /// Low value tried.
    pub low: f64,
    /// High value tried.
    pub high: f64,
    /// Difference (other − reference) with the parameter at its low value.
    pub at_low: f64,
    /// Difference with the parameter at its high value.
    pub at_high: f64,
    /// `|at_high − at_low|`.
    pub swing: f64,
}

/// A ranked sensitivity analysis.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Sensitivity {
    /// Metric of the differences.
    pub metric: Metric,
    /// Unit of the differences.
    pub unit: &'static str,
    /// Reference route label.
    pub reference: String,
    /// Other route label.
    pub other: String,
    /// Difference with every parameter central.
    pub base: f64,
    /// Parameters, largest swing first.
    pub swings: Vec<Swing>,
}

fn difference(
    atlas: &Atlas,
    params: Params,
    req: &CompareRequest,
    metric: Metric,
) -> Result<(f64, String, String)> {
    let model = CostModel::new(&atlas.network, params);
    let c = compare::compare(atlas, &model, req)?;
    let Some(other) = c.routes.get(1) else {
        let why = c.unavailable.first().map_or_else(
            || "no route to compare with".to_string(),
            |u| u.reason.clone(),
        );
        return Err(Error::NoRoute {
            from: c.from.id,
            to: c.to.id,
            constraints: why,
        });
    };
    let reference = &c.routes[0].route;
    Ok((
        metric.of(&other.route.metrics()) - metric.of(&reference.metrics()),
        reference.label.clone(),
        other.route.label.clone(),
    ))
}

/// Runs the analysis for `req`, whose `route.via` must name exactly one corridor or passage to
/// set against the reference.
///
/// # Errors
/// [`Error::Request`] unless exactly one `--via` is given; [`Error::NoRoute`] when either route
/// is missing under some parameter value; assumption errors.
pub fn run(
    atlas: &Atlas,
    assumptions: &Assumptions,
    tonnes_per_teu: Option<f64>,
    req: &CompareRequest,
    metric: Metric,
) -> Result<Sensitivity> {
    if req.route.via.len() != 1 {
        return Err(Error::Request(
            "sensitivity compares the reference with exactly one --via corridor (e.g. --via suez)"
                .into(),
        ));
    }
    let params = |values: &[f64]| -> Result<Params> {
        Ok(Params::from_values(assumptions, values)?.with_cargo_tonnes(tonnes_per_teu))
    };
    let base_values = assumptions.values();
    let (base, reference, other) = difference(atlas, params(&base_values)?, req, metric)?;
    let mut swings = Vec::new();
    for (i, p) in assumptions.params().iter().enumerate() {
        if !p.has_range() {
            continue;
        }
        let (low, _, high) = p.triple();
        let mut v = base_values.clone();
        v[i] = low;
        let at_low = difference(atlas, params(&v)?, req, metric)?.0;
        v[i] = high;
        let at_high = difference(atlas, params(&v)?, req, metric)?.0;
        swings.push(Swing {
            key: p.key.clone(),
            unit: p.unit.clone(),
            low,
            high,
            at_low,
            at_high,
            swing: (at_high - at_low).abs(),
        });
    }
    swings.sort_by(|a, b| b.swing.total_cmp(&a.swing).then_with(|| a.key.cmp(&b.key)));
    Ok(Sensitivity {
        metric,
        unit: metric.unit(),
        reference,
        other,
        base,
        swings,
    })
}
