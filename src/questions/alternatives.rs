//! Alternatives: up to K genuinely different routes for one request, each labelled by the
//! branch it takes, best first.
//!
//! The penalty method: after each route found, the legs it uses cost more (×2 per use) and
//! the search runs again; a new route is kept when it shares at most [`MAX_OVERLAP`] of its
//! length with every route kept before. Each kept route is then priced at its true cost.

use super::find::Request;
use crate::error::{Error, Result};
use crate::model::{CostModel, RouteReport, StopReason, report};
use crate::routing::graph::ArcIx;
use crate::routing::{Atlas, Branches, Path, Router, Target, Weigher, selector};

/// Most of its length a route may share with one kept before it and still count as another.
pub const MAX_OVERLAP: f64 = 0.7;
/// Most alternatives one request may ask for.
pub const MAX_ALTERNATIVES: usize = 20;
/// Searches tried per alternative asked for before giving up.
const TRIES_PER_ROUTE: usize = 4;

/// A weigher with each leg's weight multiplied by a penalty (≥ 1, so the lower bound of the
/// inner weigher still holds).
struct Penalised<'w, W> {
    inner: &'w W,
    penalty: &'w [f64],
}

impl<W: Weigher> Weigher for Penalised<'_, W> {
    fn arc(&self, arc: ArcIx) -> f64 {
        self.inner.arc(arc) * self.penalty[arc.leg().ix()]
    }
    fn transfer(
        &self,
        node: crate::network::NodeIx,
        prev: Option<ArcIx>,
        next: Option<ArcIx>,
    ) -> f64 {
        self.inner.transfer(node, prev, next)
    }
    fn may_turn_back(&self, node: crate::network::NodeIx, arc: ArcIx) -> bool {
        self.inner.may_turn_back(node, arc)
    }
    fn per_chord(&self) -> f64 {
        self.inner.per_chord()
    }
    fn transfers_free(&self) -> bool {
        self.inner.transfers_free()
    }
}

/// The share of `path`'s length (by its legs' routed km) that `other` also uses.
fn overlap(model: &CostModel<'_>, path: &Path, other: &Path) -> f64 {
    let net = model.network();
    let km = |a: &ArcIx| net.leg(a.leg()).length_km();
    let total: f64 = path.arcs.iter().map(km).sum();
    let shared: f64 = path
        .arcs
        .iter()
        .filter(|a| other.arcs.iter().any(|b| b.leg() == a.leg()))
        .map(km)
        .sum();
    if total > 0.0 { shared / total } else { 1.0 }
}

/// The branch a route takes, in words: the most specific corridor it meets and the hubs where
/// it changes ship (`instc-caspian`, `suez, via hub Rotterdam`, `direct`).
#[must_use]
pub fn branch(atlas: &Atlas, branches: &Branches, path: &Path, r: &RouteReport) -> String {
    let hubs: Vec<&str> = r
        .stops
        .iter()
        .filter(|s| s.reasons.contains(&StopReason::Relay))
        .map(|s| s.name.as_str())
        .collect();
    let corridor = branches.of(atlas.graph(), path).unwrap_or("no corridor");
    if hubs.is_empty() {
        if r.by_mode.iter().all(|m| m.mode.is_water()) {
            format!("{corridor}, direct")
        } else {
            corridor.to_string()
        }
    } else {
        format!("{corridor}, via hub {}", hubs.join(", "))
    }
}

/// Up to `k` different routes for `req` through `via`, best first by the request's objective,
/// each labelled `label (alternative i: branch)` from the second on.
///
/// # Errors
/// [`Error::NoRoute`] when not even one route exists; corridor-rule errors.
#[allow(clippy::too_many_arguments)]
pub fn routes(
    atlas: &Atlas,
    model: &CostModel<'_>,
    router: &mut Router,
    req: &Request,
    via: &[Target],
    k: usize,
    label: &str,
    corridor: Option<String>,
) -> Result<Vec<(Path, RouteReport)>> {
    let net = atlas.network();
    let c = selector::constraints(atlas, via, &req.avoid, req.include_planned)?;
    let inner = model.weigher(req.objective);
    let mut penalty = vec![1.0; net.legs().len()];
    let mut kept: Vec<Path> = Vec::new();
    for _ in 0..k.max(1) * TRIES_PER_ROUTE {
        if kept.len() >= k.max(1) {
            break;
        }
        let w = Penalised {
            inner: &inner,
            penalty: &penalty,
        };
        let Some(p) = router.shortest(
            atlas.graph(),
            &w,
            req.from,
            req.to,
            &c.requirements,
            &c.restrictions,
        ) else {
            break;
        };
        for a in &p.arcs {
            penalty[a.leg().ix()] *= 2.0;
        }
        if kept.iter().all(|q| overlap(model, &p, q) <= MAX_OVERLAP) {
            kept.push(p);
        }
    }
    if kept.is_empty() {
        return Err(Error::NoRoute {
            from: net.node(req.from).id.clone(),
            to: net.node(req.to).id.clone(),
            constraints: c.description,
            operational_only: c.operational_only,
            planned_would_route: false,
        });
    }
    let branches = atlas.branches()?;
    let mut out: Vec<(Path, RouteReport)> = kept
        .into_iter()
        .map(|p| {
            let r = report::build(
                model,
                &p,
                label.to_string(),
                corridor.clone(),
                req.objective,
            );
            (p, r)
        })
        .collect();
    let key = |r: &RouteReport| req.objective.pick(&r.metrics());
    out.sort_by(|a, b| key(&a.1).total_cmp(&key(&b.1)));
    for (i, (p, r)) in out.iter_mut().enumerate() {
        let b = branch(atlas, branches, p, r);
        r.label = if i == 0 {
            format!("{label} ({b})")
        } else {
            format!("{label} (alternative {}: {b})", i + 1)
        };
    }
    Ok(out)
}
