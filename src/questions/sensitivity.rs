//! Sensitivity: which assumptions swing the difference between two corridors most. Each
//! parameter with a range is set to its low and then its high value (all others central), both
//! routes are chosen afresh, and the difference `other − reference` is recorded; parameters are
//! ranked by how far the difference moves (a tornado chart).

use super::compare::{self, Request};
use crate::error::{Error, Result};
use crate::model::{Assumptions, CostModel, Layout, Metric, Params, Unit};
use crate::routing::Atlas;

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
    pub unit: Unit,
    /// Reference route label.
    pub reference: String,
    /// Other route label.
    pub other: String,
    /// Difference with every parameter central.
    pub base: f64,
    /// Parameters, largest swing first.
    pub swings: Vec<Swing>,
}

pub(crate) fn difference(
    atlas: &Atlas,
    params: Params,
    req: &Request,
    metric: Metric,
) -> Result<(f64, String, String)> {
    let model = CostModel::new(atlas.network(), params);
    let c = compare::run(atlas, &model, req)?;
    let Some(other) = c.routes.get(1) else {
        let why = c.unavailable.first().map_or_else(
            || "no route to compare with".to_string(),
            |u| u.reason.clone(),
        );
        return Err(Error::NoRoute {
            from: c.from.id,
            to: c.to.id,
            constraints: vec![why],
            operational_only: false,
            planned_would_route: false,
        });
    };
    let reference = &c.routes[0].route;
    Ok((
        metric.of(&other.route.metrics()) - metric.of(&reference.metrics()),
        reference.label.clone(),
        other.route.label.clone(),
    ))
}

/// Runs the analysis for `req`, whose `others` must name exactly one corridor or passage to
/// set against the reference.
///
/// # Errors
/// [`Error::WrongTargetCount`] unless exactly one other is given; [`Error::NoRoute`] when
/// either route is missing under some parameter value; assumption errors.
pub fn run(
    atlas: &Atlas,
    assumptions: &Assumptions,
    cargo_tonnes: Option<f64>,
    req: &Request,
    metric: Metric,
) -> Result<Sensitivity> {
    if req.others.len() != 1 {
        return Err(Error::WrongTargetCount {
            expected: 1,
            given: req.others.len(),
        });
    }
    let layout = Layout::new(assumptions)?;
    let params = |values: &[f64]| -> Result<Params> {
        Ok(layout.params(values)?.with_cargo_tonnes(cargo_tonnes))
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
            key: p.key.to_string(),
            unit: p.unit.to_string(),
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
