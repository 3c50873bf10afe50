//! A route as the user sees it: legs, stops and totals, from a router path and a cost model.

use geo::LineString;

use super::metrics::{KM_PER_NM, Metrics, Objective};
use super::pricing::{CostModel, Part, arc_ends, price_path};
use super::stops::StopReason;
use crate::network::{LengthBasis, Mode, Network, NodeIx, Status, cleared_countries};
use crate::routing::router::Path;

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
    pub status: Status,
    /// Distance, km: the published length where there is one, else the drawn one.
    pub distance_km: f64,
    /// Geodesic length of the drawn line, km.
    pub drawn_km: f64,
    /// Which length `distance_km` is.
    pub length: LengthBasis,
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
    pub objective: Objective,
    /// Total distance, km (published lengths where there are, else drawn ones).
    pub distance_km: f64,
    /// Total geodesic length of the drawn lines, km.
    pub drawn_km: f64,
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

fn place(net: &Network, n: NodeIx) -> PlaceRef {
    PlaceRef {
        id: net.node(n).id.clone(),
        name: net.node(n).name.clone(),
    }
}

/// The parts of a report, gathered part by part as the path is priced.
#[derive(Default)]
struct Gathered {
    legs: Vec<LegReport>,
    stops: Vec<StopReport>,
    by_mode: Vec<ModeTotal>,
    passages: Vec<String>,
    /// Countries where cargo is cleared, in order (for the border count).
    cleared: Vec<String>,
    /// Every country crossed by land.
    crossed: Vec<String>,
    /// Every country the route is in, in travel order (node countries and land legs'
    /// countries as they come).
    travel: Vec<String>,
    transfers: usize,
    sea_km: f64,
}

impl Gathered {
    fn add(&mut self, net: &Network, part: Part) {
        match part {
            Part::Stop {
                node,
                prev,
                next,
                metrics,
                reasons,
            } => {
                if prev.is_none()
                    && let Some(p) = &net.node(node).passage
                {
                    push_unique(&mut self.passages, p);
                }
                if reasons.is_empty() {
                    return;
                }
                if prev.is_some() && next.is_some() && reasons.iter().any(StopReason::is_handling) {
                    self.transfers += 1;
                }
                let n = net.node(node);
                self.stops.push(StopReport {
                    node: n.id.clone(),
                    name: n.name.clone(),
                    reasons: reasons.iter().collect(),
                    time_hours: metrics.hours,
                    cost_usd: metrics.usd,
                    co2e_kg: metrics.co2e_kg,
                    position: [n.position.x(), n.position.y()],
                });
            }
            Part::Leg { arc, metrics: m } => self.add_leg(net, arc, m),
        }
    }

    fn add_leg(&mut self, net: &Network, a: crate::routing::graph::ArcIx, m: Metrics) {
        let leg = net.leg(a.leg());
        match self.by_mode.iter_mut().find(|t| t.mode == leg.mode) {
            Some(t) => {
                t.distance_km += m.km;
                t.time_hours += m.hours;
                t.cost_usd += m.usd;
                t.co2e_kg += m.co2e_kg;
            }
            None => self.by_mode.push(ModeTotal {
                mode: leg.mode,
                distance_km: m.km,
                time_hours: m.hours,
                cost_usd: m.usd,
                co2e_kg: m.co2e_kg,
            }),
        }
        let (from, to) = arc_ends(net, a);
        let mut countries = leg.countries.clone();
        let mut geometry = leg.geometry.clone();
        if !a.is_forward() {
            countries.reverse();
            geometry.0.reverse();
        }
        let mut leg_passages = Vec::new();
        for p in leg.passages.iter().chain(net.node(to).passage.iter()) {
            push_unique(&mut leg_passages, p);
        }
        for c in net.node(from).country.iter() {
            push_unique(&mut self.travel, c);
        }
        if !leg.mode.is_water() {
            for c in &countries {
                push_unique(&mut self.travel, c);
            }
        }
        for c in net.node(to).country.iter() {
            push_unique(&mut self.travel, c);
        }
        for p in &leg_passages {
            push_unique(&mut self.passages, p);
        }
        if leg.mode.is_water() {
            self.sea_km += m.km;
            self.cleared.extend(net.node(from).country.iter().cloned());
            self.cleared.extend(net.node(to).country.iter().cloned());
        } else {
            self.cleared.extend(
                cleared_countries(&countries)
                    .into_iter()
                    .map(str::to_string),
            );
            for c in &countries {
                push_unique(&mut self.crossed, c);
            }
        }
        self.legs.push(LegReport {
            id: leg.id.clone(),
            name: leg.name.clone(),
            from: net.node(from).id.clone(),
            to: net.node(to).id.clone(),
            from_name: net.node(from).name.clone(),
            to_name: net.node(to).name.clone(),
            mode: leg.mode,
            status: leg.status,
            distance_km: m.km,
            drawn_km: leg.drawn_km,
            length: leg.length_basis(),
            time_hours: m.hours,
            cost_usd: m.usd,
            co2e_kg: m.co2e_kg,
            countries,
            passages: leg_passages,
            source: leg.source.clone(),
            geometry,
        });
    }
}

/// Builds the report of a path: every leg and stop priced by [`price_path`], the totals their
/// sum.
///
/// # Panics
/// If the path is empty (the router never returns one).
#[must_use]
pub fn build(
    model: &CostModel<'_>,
    path: &Path,
    label: String,
    corridor: Option<String>,
    objective: Objective,
) -> RouteReport {
    let net = model.network();
    let mut g = Gathered::default();
    let total = price_path(model, net, path, |part| g.add(net, part));
    let first = *path.arcs.first().expect("a route has legs");
    let last = *path.arcs.last().expect("a route has legs");
    // Borders are the land borders the route clears: its border stops (a sealed transit
    // through a neighbour inside one leg, or a voyage between two countries' ports, is none).
    let borders = g
        .stops
        .iter()
        .filter(|s| s.reasons.contains(&StopReason::Border))
        .count();
    let mut countries = g.travel.clone();
    for c in g.cleared.iter().chain(&g.crossed) {
        push_unique(&mut countries, c);
    }
    let tonnes = model.params().tonnes_per_teu();
    RouteReport {
        label,
        corridor,
        from: place(net, arc_ends(net, first).0),
        to: place(net, arc_ends(net, last).1),
        objective,
        distance_km: total.km,
        drawn_km: g.legs.iter().map(|l| l.drawn_km).sum(),
        sea_nm: g.sea_km / KM_PER_NM,
        time_days: total.hours / 24.0,
        time_hours: total.hours,
        stop_hours: g.stops.iter().map(|s| s.time_hours).sum(),
        cost_usd: total.usd,
        co2e_kg: total.co2e_kg,
        co2e_kg_per_tonne: total.co2e_kg / tonnes,
        cargo_tonnes_per_teu: tonnes,
        by_mode: g.by_mode,
        passages: g.passages,
        countries,
        transfers: g.transfers,
        borders,
        legs: g.legs,
        stops: g.stops,
    }
}
