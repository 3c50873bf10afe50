//! A route as the user sees it: legs, stops and totals, from a router path and a cost model.

use geo::LineString;

use crate::assess::{CostModel, KM_PER_NM, Metrics, StopReason};
use crate::graph::ArcIx;
use crate::network::{Mode, NodeIx};
use crate::router::Path;

/// A node as named in output.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PlaceRef {
    /// Node id.
    pub id: String,
    /// Node name.
    pub name: String,
}

/// One leg of a route, in travel direction.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LegReport {
    /// Leg id.
    pub id: String,
    /// Leg name, if any.
    pub name: Option<String>,
    /// Node id where the leg starts (in travel direction).
    pub from: String,
    /// Node id where it ends.
    pub to: String,
    /// Name of `from`.
    pub from_name: String,
    /// Name of `to`.
    pub to_name: String,
    /// Mode.
    pub mode: Mode,
    /// Leg status.
    pub status: &'static str,
    /// Distance, km.
    pub distance_km: f64,
    /// Time on the leg, hours.
    pub time_hours: f64,
    /// Cost per TEU, USD.
    pub cost_usd: f64,
    /// Emissions per TEU, kg CO2e.
    pub co2e_kg: f64,
    /// Countries crossed, in travel order.
    pub countries: Vec<String>,
    /// Passages on this leg (including passage nodes at its end).
    pub passages: Vec<String>,
    /// Source of the leg's line.
    pub source: Option<String>,
    /// The line in travel direction (not serialised in JSON; GeoJSON output draws it).
    #[serde(skip)]
    pub geometry: LineString<f64>,
}

/// A stop between legs (or at either end) where time or money is spent.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StopReport {
    /// Node id.
    pub node: String,
    /// Node name.
    pub name: String,
    /// Why the route stops here.
    pub reasons: Vec<StopReason>,
    /// Dwell, hours.
    pub time_hours: f64,
    /// Cost per TEU, USD.
    pub cost_usd: f64,
    /// Emissions per TEU, kg CO2e.
    pub co2e_kg: f64,
    /// Position, `[lon, lat]` degrees.
    pub position: [f64; 2],
}

/// Totals of one mode over a route.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ModeTotal {
    /// Mode.
    pub mode: Mode,
    /// Distance, km.
    pub distance_km: f64,
    /// Time moving, hours.
    pub time_hours: f64,
    /// Cost per TEU, USD.
    pub cost_usd: f64,
    /// Emissions per TEU, kg CO2e.
    pub co2e_kg: f64,
}

/// A complete route with its assessment.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RouteReport {
    /// What the route is (a corridor name, or `from → to`).
    pub label: String,
    /// Corridor id, when the route was asked for through one.
    pub corridor: Option<String>,
    /// Origin.
    pub from: PlaceRef,
    /// Destination.
    pub to: PlaceRef,
    /// What the route was chosen by: time, distance, cost or co2e.
    pub objective: &'static str,
    /// Total distance, km.
    pub distance_km: f64,
    /// Distance at sea (sea and ferry legs), nautical miles.
    pub sea_nm: f64,
    /// Total time, days.
    pub time_days: f64,
    /// Total time, hours.
    pub time_hours: f64,
    /// Time spent at stops (port calls, borders, gauge and mode changes), hours.
    pub stop_hours: f64,
    /// Total cost per TEU, USD.
    pub cost_usd: f64,
    /// Total well-to-wheel emissions per TEU, kg CO2e.
    pub co2e_kg: f64,
    /// The same per tonne of cargo (the TEU holding `cargo_tonnes_per_teu`), kg CO2e.
    pub co2e_kg_per_tonne: f64,
    /// Cargo mass per TEU the emissions are computed for (`--cargo-tonnes`), t.
    pub cargo_tonnes_per_teu: f64,
    /// Totals per mode, in the order modes first appear.
    pub by_mode: Vec<ModeTotal>,
    /// Passages traversed, in order.
    pub passages: Vec<String>,
    /// Countries crossed (land and ports of call), in order of first appearance.
    pub countries: Vec<String>,
    /// Number of transfers between vehicles on the way (port calls, mode and gauge changes;
    /// origin and destination not counted).
    pub transfers: usize,
    /// Number of borders crossed (changes of country along the route).
    pub borders: usize,
    /// Legs, in order.
    pub legs: Vec<LegReport>,
    /// Stops with a dwell or charge, in order (origin and destination included).
    pub stops: Vec<StopReport>,
}

impl RouteReport {
    /// Totals of the route as [`Metrics`].
    #[must_use]
    pub fn metrics(&self) -> Metrics {
        Metrics {
            km: self.distance_km,
            hours: self.time_hours,
            usd: self.cost_usd,
            co2e_kg: self.co2e_kg,
        }
    }
}

fn push_unique(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|x| x == item) {
        list.push(item.to_string());
    }
}

/// Totals of a path under parameters, pricing only the path's legs (Monte Carlo uses this).
#[must_use]
pub fn path_metrics_with(
    params: &crate::assess::Params,
    net: &crate::network::Network,
    path: &Path,
) -> Metrics {
    let side = |a: ArcIx| crate::assess::ArcProfile::new(net.leg(a.leg()), a.is_forward());
    let mut m = Metrics::default();
    let mut prev: Option<ArcIx> = None;
    for &a in &path.arcs {
        m += params.stop(prev.map(side), Some(side(a))).0;
        m += params.leg(net.leg(a.leg()));
        prev = Some(a);
    }
    m + params.stop(prev.map(side), None).0
}

/// Totals of a path under a model, without building the report.
#[must_use]
pub fn path_metrics(model: &CostModel<'_>, path: &Path) -> Metrics {
    let mut m = Metrics::default();
    let mut prev: Option<ArcIx> = None;
    for &a in &path.arcs {
        m += model.stop(prev, Some(a)).0;
        m += model.leg(a.leg());
        prev = Some(a);
    }
    m + model.stop(prev, None).0
}

/// Builds the report of a path.
///
/// # Panics
/// If the path is empty (the router never returns one).
#[must_use]
pub fn build(
    model: &CostModel<'_>,
    path: &Path,
    label: String,
    corridor: Option<String>,
    objective: &'static str,
) -> RouteReport {
    let net = model.network();
    let place = |n: NodeIx| PlaceRef {
        id: net.node(n).id.clone(),
        name: net.node(n).name.clone(),
    };
    let tail = |a: ArcIx| {
        if a.is_forward() {
            net.leg(a.leg()).from
        } else {
            net.leg(a.leg()).to
        }
    };
    let head = |a: ArcIx| {
        if a.is_forward() {
            net.leg(a.leg()).to
        } else {
            net.leg(a.leg()).from
        }
    };
    let first = *path.arcs.first().expect("a route has legs");
    let last = *path.arcs.last().expect("a route has legs");

    let mut legs = Vec::new();
    let mut stops = Vec::new();
    let mut total = Metrics::default();
    let mut by_mode: Vec<ModeTotal> = Vec::new();
    let mut passages: Vec<String> = Vec::new();
    // Countries where cargo is cleared (for the border count) and every country crossed.
    let mut sequence: Vec<String> = Vec::new();
    let mut crossed: Vec<String> = Vec::new();
    let mut transfers = 0;
    let mut sea_km = 0.0;

    let mut stop_at = |node: NodeIx,
                       prev: Option<ArcIx>,
                       next: Option<ArcIx>,
                       stops: &mut Vec<StopReport>,
                       total: &mut Metrics| {
        let (m, reasons) = model.stop(prev, next);
        *total += m;
        if !reasons.is_empty() {
            if prev.is_some() && next.is_some() && reasons.iter().any(StopReason::is_handling) {
                transfers += 1;
            }
            let n = net.node(node);
            stops.push(StopReport {
                node: n.id.clone(),
                name: n.name.clone(),
                reasons: reasons.iter().collect(),
                time_hours: m.hours,
                cost_usd: m.usd,
                co2e_kg: m.co2e_kg,
                position: [n.position.x(), n.position.y()],
            });
        }
    };

    if let Some(p) = &net.node(tail(first)).passage {
        push_unique(&mut passages, p);
    }
    let mut prev: Option<ArcIx> = None;
    for &a in &path.arcs {
        stop_at(tail(a), prev, Some(a), &mut stops, &mut total);
        let leg = net.leg(a.leg());
        let m = model.leg(a.leg());
        total += m;
        match by_mode.iter_mut().find(|t| t.mode == leg.mode) {
            Some(t) => {
                t.distance_km += m.km;
                t.time_hours += m.hours;
                t.cost_usd += m.usd;
                t.co2e_kg += m.co2e_kg;
            }
            None => by_mode.push(ModeTotal {
                mode: leg.mode,
                distance_km: m.km,
                time_hours: m.hours,
                cost_usd: m.usd,
                co2e_kg: m.co2e_kg,
            }),
        }
        let (from, to) = (tail(a), head(a));
        let mut countries = leg.countries.clone();
        let mut geometry = leg.geometry.clone();
        if !a.is_forward() {
            countries.reverse();
            geometry.0.reverse();
        }
        let mut leg_passages = leg.passages.clone();
        if let Some(p) = &net.node(to).passage {
            leg_passages.push(p.clone());
        }
        for p in &leg_passages {
            push_unique(&mut passages, p);
        }
        if leg.mode.is_water() {
            sea_km += m.km;
            sequence.extend(net.node(from).country.iter().cloned());
            sequence.extend(net.node(to).country.iter().cloned());
        } else {
            sequence.extend(
                crate::network::cleared_countries(&countries)
                    .into_iter()
                    .map(str::to_string),
            );
            for c in &countries {
                push_unique(&mut crossed, c);
            }
        }
        legs.push(LegReport {
            id: leg.id.clone(),
            name: leg.name.clone(),
            from: net.node(from).id.clone(),
            to: net.node(to).id.clone(),
            from_name: net.node(from).name.clone(),
            to_name: net.node(to).name.clone(),
            mode: leg.mode,
            status: leg.status.as_str(),
            distance_km: m.km,
            time_hours: m.hours,
            cost_usd: m.usd,
            co2e_kg: m.co2e_kg,
            countries,
            passages: leg_passages,
            source: leg.source.clone(),
            geometry,
        });
        prev = Some(a);
    }
    stop_at(head(last), prev, None, &mut stops, &mut total);
    sequence.dedup();
    let borders = sequence.len().saturating_sub(1);
    let mut countries = Vec::new();
    for c in sequence.iter().chain(&crossed) {
        push_unique(&mut countries, c);
    }
    let stop_hours = stops.iter().map(|s| s.time_hours).sum();
    RouteReport {
        label,
        corridor,
        from: place(tail(first)),
        to: place(head(last)),
        objective,
        distance_km: total.km,
        sea_nm: sea_km / KM_PER_NM,
        time_days: total.hours / 24.0,
        time_hours: total.hours,
        stop_hours,
        cost_usd: total.usd,
        co2e_kg: total.co2e_kg,
        co2e_kg_per_tonne: total.co2e_kg / model.params().tonnes_per_teu(),
        cargo_tonnes_per_teu: model.params().tonnes_per_teu(),
        by_mode,
        passages,
        countries,
        transfers,
        borders,
        legs,
        stops,
    }
}
