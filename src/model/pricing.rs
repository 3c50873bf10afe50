//! Pricing: what a leg costs in distance, time, money and emissions, and the one function that
//! prices a whole path leg by leg and stop by stop. Reports, Monte Carlo draws and the
//! router's weights all come from here, so a route's reported totals are exactly what it was
//! chosen by.

use std::sync::OnceLock;

use super::metrics::{KM_PER_NM, Metrics, Objective};
use super::params::{Family, Params, Scalar};
use super::stops::{self, ArcProfile, StopReasons};
use crate::network::{
    Leg, LegIx, Mode, Network, NodeIx, NodeKind, Traction, Vessel, cleared_countries,
};
use crate::routing::graph::ArcIx;
use crate::routing::router::{Path, Weigher};

/// Metrics of travelling a whole leg (either direction).
///
/// Time is distance over the commercial speed of the mode (rail by the leg's first country,
/// road at driving speed stretched by drivers' hours), plus a border dwell for every border
/// inside a land leg. Cost is distance times the rate (land legs raised by the empty-return
/// share). Emissions are distance × factor × tonnes per TEU. A passage's dwell and toll are
/// charged once where a route enters it ([`super::stops::price`]), not on every leg that lists
/// it (the Caspian Sea spans many legs).
#[must_use]
pub fn leg(params: &Params, leg: &Leg) -> Metrics {
    let p = |s: Scalar| params.get(s);
    let km = leg.length_km();
    let country = leg.countries.first().map(String::as_str);
    let by_country = |f: Family, default: Scalar| {
        country
            .and_then(|c| params.member(f, c))
            .unwrap_or_else(|| p(default))
    };
    let (mut hours, rate, factor) = match leg.mode {
        Mode::Sea => match leg.vessel {
            Vessel::Container => (
                km / (p(Scalar::SeaSpeed) * KM_PER_NM),
                p(Scalar::SeaRate),
                p(Scalar::SeaCo2e),
            ),
            Vessel::RiverSea => (
                km / (p(Scalar::RiverSeaSpeed) * KM_PER_NM),
                p(Scalar::RiverSeaRate),
                p(Scalar::RiverSeaCo2e),
            ),
        },
        Mode::Ferry => (
            km / (p(Scalar::FerrySpeed) * KM_PER_NM),
            p(Scalar::FerryRate),
            p(Scalar::FerryCo2e),
        ),
        Mode::Rail => {
            let factor = match leg.traction {
                Some(Traction::Electric) => p(Scalar::ElectricRailCo2e),
                _ => p(Scalar::DieselRailCo2e),
            };
            let speed = by_country(Family::RailSpeed, Scalar::RailSpeed);
            (
                km / speed * 24.0,
                by_country(Family::RailRate, Scalar::RailRate),
                factor,
            )
        }
        Mode::Road => (
            km / p(Scalar::RoadSpeed) * 24.0 / p(Scalar::RoadHoursPerDay),
            p(Scalar::RoadRate),
            p(Scalar::RoadCo2e),
        ),
    };
    let mut usd = km * rate;
    if matches!(leg.mode, Mode::Rail | Mode::Road) {
        usd *= 1.0 + p(Scalar::EmptyReturnShare);
        let inner_borders = cleared_countries(&leg.countries).len().saturating_sub(1);
        #[allow(clippy::cast_precision_loss)]
        let n = inner_borders as f64;
        hours += n * if leg.mode == Mode::Rail {
            p(Scalar::RailBorderDwell)
        } else {
            p(Scalar::RoadBorderDwell)
        };
        usd += n * p(Scalar::BorderCost);
    }
    Metrics {
        km,
        hours,
        usd,
        co2e_kg: km * factor * params.tonnes_per_teu(),
    }
}

/// What the legs and stops of a path cost.
pub trait Pricing {
    /// Metrics of a leg.
    fn leg(&self, leg: LegIx) -> Metrics;
    /// Metrics and reasons of the stop between two arcs (`None` at either end of a route).
    fn stop(&self, prev: Option<ArcIx>, next: Option<ArcIx>) -> (Metrics, StopReasons);
}

/// True when `next` runs back along the leg of `prev`.
#[inline]
fn turns_back(prev: Option<ArcIx>, next: Option<ArcIx>) -> bool {
    matches!((prev, next), (Some(p), Some(n)) if p.0 ^ 1 == n.0)
}

/// The nodes an arc leaves and enters.
#[must_use]
pub fn arc_ends(net: &Network, a: ArcIx) -> (NodeIx, NodeIx) {
    let l = net.leg(a.leg());
    if a.is_forward() {
        (l.from, l.to)
    } else {
        (l.to, l.from)
    }
}

/// One part of a priced path.
#[derive(Debug, Clone, Copy)]
pub enum Part {
    /// The stop at `node` between `prev` and `next` (either `None` at an end of the route).
    Stop {
        /// Where.
        node: NodeIx,
        /// Arc arrived on.
        prev: Option<ArcIx>,
        /// Arc left on.
        next: Option<ArcIx>,
        /// What the stop costs.
        metrics: Metrics,
        /// Why the route stops (empty: it does not).
        reasons: StopReasons,
    },
    /// Travel along an arc.
    Leg {
        /// The arc.
        arc: ArcIx,
        /// What the leg costs.
        metrics: Metrics,
    },
}

/// Prices a path: calls `visit` with every stop (including stops without a reason) and every
/// leg, in travel order, and returns the total.
///
/// # Panics
/// If the path is empty (the router never returns one).
pub fn price_path(
    pricing: &impl Pricing,
    net: &Network,
    path: &Path,
    mut visit: impl FnMut(Part),
) -> Metrics {
    let mut total = Metrics::default();
    let stop = |node, prev, next, total: &mut Metrics, visit: &mut dyn FnMut(Part)| {
        let (metrics, reasons) = pricing.stop(prev, next);
        *total += metrics;
        visit(Part::Stop {
            node,
            prev,
            next,
            metrics,
            reasons,
        });
    };
    let mut prev: Option<ArcIx> = None;
    for &a in &path.arcs {
        stop(arc_ends(net, a).0, prev, Some(a), &mut total, &mut visit);
        let metrics = pricing.leg(a.leg());
        total += metrics;
        visit(Part::Leg { arc: a, metrics });
        prev = Some(a);
    }
    let last = prev.expect("a route has legs");
    stop(arc_ends(net, last).1, prev, None, &mut total, &mut visit);
    total
}

/// Prices paths under parameters directly, without precomputing every leg: Monte Carlo draws
/// use it, pricing only the legs of the routes they re-assess.
#[derive(Debug, Clone, Copy)]
pub struct Repricing<'a> {
    /// The parameters.
    pub params: &'a Params,
    /// The network the paths run on.
    pub network: &'a Network,
}

impl Pricing for Repricing<'_> {
    fn leg(&self, l: LegIx) -> Metrics {
        leg(self.params, self.network.leg(l))
    }

    fn stop(&self, prev: Option<ArcIx>, next: Option<ArcIx>) -> (Metrics, StopReasons) {
        let profile =
            |a: ArcIx| ArcProfile::new(self.network.leg(a.leg()), a.is_forward(), self.params);
        stops::price(
            self.params,
            prev.map(profile),
            next.map(profile),
            turns_back(prev, next),
        )
    }
}

/// A network priced under one set of parameters: leg metrics precomputed once, stops priced on
/// demand. Gives the router a [`Weigher`] for any [`Objective`].
#[derive(Debug, Clone)]
pub struct CostModel<'n> {
    net: &'n Network,
    params: Params,
    legs: Vec<Metrics>,
    arcs: Vec<ArcProfile>,
    /// Nodes where a ship may call and turn back (ports).
    ports: Vec<bool>,
    /// Per objective: one weight per leg, and the least weight per unit of chord between a
    /// leg's ends (the router's A* bound).
    weights: [OnceLock<(Vec<f64>, f64)>; 4],
}

impl<'n> CostModel<'n> {
    /// Prices every leg of `net`.
    #[must_use]
    pub fn new(net: &'n Network, params: Params) -> CostModel<'n> {
        let legs = net.legs().iter().map(|l| leg(&params, l)).collect();
        let arcs = net
            .legs()
            .iter()
            .flat_map(|l| {
                [
                    ArcProfile::new(l, true, &params),
                    ArcProfile::new(l, false, &params),
                ]
            })
            .collect();
        let ports = net
            .nodes()
            .iter()
            .map(|n| n.kind == NodeKind::Port)
            .collect();
        CostModel {
            net,
            params,
            legs,
            arcs,
            ports,
            weights: Default::default(),
        }
    }

    /// The network priced.
    #[must_use]
    pub fn network(&self) -> &'n Network {
        self.net
    }

    /// The parameters in force.
    #[must_use]
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// A weigher for the router minimising `objective`.
    #[must_use]
    pub fn weigher(&self, objective: Objective) -> ModelWeigher<'_, 'n> {
        let k = objective as usize;
        // One f64 per leg for the objective, built once per model: the router reads it for
        // every relaxation, and a quarter of the bytes of `Metrics` keeps it in cache.
        let (weights, per_chord) = self.weights[k].get_or_init(|| {
            let w: Vec<f64> = self.legs.iter().map(|m| objective.pick(m)).collect();
            // The assumptions' domains (model::domain) keep every leg's cost finite and
            // non-negative; the router's search is only correct if they do.
            debug_assert!(
                w.iter().all(|x| x.is_finite() && *x >= 0.0),
                "a leg weight is negative or not finite"
            );
            let r = per_chord(self.net, &w);
            (w, r)
        });
        ModelWeigher {
            model: self,
            objective,
            weights,
            per_chord: *per_chord,
        }
    }
}

impl Pricing for CostModel<'_> {
    fn leg(&self, l: LegIx) -> Metrics {
        self.legs[l.ix()]
    }

    fn stop(&self, prev: Option<ArcIx>, next: Option<ArcIx>) -> (Metrics, StopReasons) {
        stops::price(
            &self.params,
            prev.map(|a| self.arcs[a.ix()]),
            next.map(|a| self.arcs[a.ix()]),
            turns_back(prev, next),
        )
    }
}

/// The router's view of a [`CostModel`] under one objective.
#[derive(Debug, Clone, Copy)]
pub struct ModelWeigher<'m, 'n> {
    model: &'m CostModel<'n>,
    objective: Objective,
    weights: &'m [f64],
    per_chord: f64,
}

/// The least weight per unit of chord (unit sphere) over the legs of `net`: every arc weighs
/// at least this times the chord between its ends, and stops add to that, so this times the
/// chord to the destination never overestimates what is left. A hair below the exact minimum,
/// so that rounding cannot make the bound inconsistent.
fn per_chord(net: &Network, weights: &[f64]) -> f64 {
    let unit: Vec<[f64; 3]> = net
        .nodes()
        .iter()
        .map(|n| crate::network::geodesy::unit_vector(n.position))
        .collect();
    let mut r = f64::INFINITY;
    for (l, w) in net.legs().iter().zip(weights) {
        let (p, q) = (unit[l.from.ix()], unit[l.to.ix()]);
        let c = ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt();
        if c > 0.0 {
            r = r.min(w / c);
        }
    }
    if r.is_finite() { r * (1.0 - 1e-9) } else { 0.0 }
}

impl Weigher for ModelWeigher<'_, '_> {
    fn arc(&self, arc: ArcIx) -> f64 {
        self.weights[arc.leg().ix()]
    }

    fn transfer(&self, _node: NodeIx, prev: Option<ArcIx>, next: Option<ArcIx>) -> f64 {
        if self.objective == Objective::Distance {
            return 0.0;
        }
        self.objective.pick(&self.model.stop(prev, next).0)
    }

    fn per_chord(&self) -> f64 {
        self.per_chord
    }

    /// By distance, stops cost nothing.
    fn transfers_free(&self) -> bool {
        self.objective == Objective::Distance
    }

    /// A ship may call at a port on a spur and leave the way it came.
    fn may_turn_back(&self, node: NodeIx, arc: ArcIx) -> bool {
        self.model.ports[node.ix()] && self.model.net.leg(arc.leg()).mode.is_water()
    }
}
