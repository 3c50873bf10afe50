//! Assessment: what a leg and a stop between legs cost in distance, time, money and emissions,
//! under a set of [`Assumptions`]. The router's weights come from here, so a route's reported
//! totals are exactly what it was chosen by.

use std::collections::HashMap;
use std::ops::{Add, AddAssign};

use crate::assumptions::Assumptions;
use crate::error::Result;
use crate::graph::ArcIx;
use crate::network::{Leg, LegIx, Mode, Network, NodeIx, Traction, Vessel, cleared_countries};
use crate::router::Weigher;

/// Kilometres per nautical mile.
pub const KM_PER_NM: f64 = 1.852;

/// Distance, time, cost and emissions of a leg, a stop or a whole route.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Metrics {
    /// Distance, km.
    pub km: f64,
    /// Elapsed time, hours.
    pub hours: f64,
    /// Cost per TEU, USD.
    pub usd: f64,
    /// Well-to-wheel emissions per TEU, kg CO2e.
    pub co2e_kg: f64,
}

impl Add for Metrics {
    type Output = Metrics;
    fn add(self, o: Metrics) -> Metrics {
        Metrics {
            km: self.km + o.km,
            hours: self.hours + o.hours,
            usd: self.usd + o.usd,
            co2e_kg: self.co2e_kg + o.co2e_kg,
        }
    }
}

impl AddAssign for Metrics {
    fn add_assign(&mut self, o: Metrics) {
        *self = *self + o;
    }
}

/// What a route is optimised for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Objective {
    /// Shortest elapsed time (default).
    #[default]
    Time,
    /// Shortest distance; stops cost nothing.
    Distance,
    /// Lowest cost per TEU.
    Cost,
    /// Lowest emissions per TEU.
    Co2e,
}

impl Objective {
    /// The component of `m` this objective minimises.
    #[must_use]
    pub fn pick(self, m: &Metrics) -> f64 {
        match self {
            Objective::Time => m.hours,
            Objective::Distance => m.km,
            Objective::Cost => m.usd,
            Objective::Co2e => m.co2e_kg,
        }
    }

    /// Name used on the command line and in JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Objective::Time => "time",
            Objective::Distance => "distance",
            Objective::Cost => "cost",
            Objective::Co2e => "co2e",
        }
    }
}

/// Why a route stops at a node; a stop may have several reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StopReason {
    /// Cargo loaded onto or discharged from a ship.
    PortCall,
    /// Waiting for a Caspian sailing.
    CaspianWait,
    /// Rail ↔ road transfer.
    ModeChange,
    /// Break of gauge: bogie change or transshipment.
    GaugeChange,
    /// Land border crossing.
    Border,
}

/// A set of [`StopReason`]s (a bit set, so pricing a stop allocates nothing).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct StopReasons(u8);

impl StopReasons {
    const ALL: [StopReason; 5] = [
        StopReason::PortCall,
        StopReason::CaspianWait,
        StopReason::ModeChange,
        StopReason::GaugeChange,
        StopReason::Border,
    ];

    fn push(&mut self, r: StopReason) {
        self.0 |= 1 << r as u8;
    }

    /// True when there is no reason to stop.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// True when the set holds `r`.
    #[must_use]
    pub fn contains(self, r: StopReason) -> bool {
        self.0 & (1 << r as u8) != 0
    }

    /// The reasons, in a fixed order.
    pub fn iter(self) -> impl Iterator<Item = StopReason> {
        Self::ALL.into_iter().filter(move |r| self.contains(*r))
    }
}

impl StopReason {
    /// Words for tables.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            StopReason::PortCall => "port call",
            StopReason::CaspianWait => "Caspian sailing wait",
            StopReason::ModeChange => "mode change",
            StopReason::GaugeChange => "break of gauge",
            StopReason::Border => "border",
        }
    }

    /// True when cargo changes vehicle (counted as a transfer).
    #[must_use]
    pub fn is_handling(self) -> bool {
        matches!(
            self,
            StopReason::PortCall | StopReason::ModeChange | StopReason::GaugeChange
        )
    }
}

/// The resolved parameters the model needs, in model units.
#[derive(Debug, Clone)]
pub struct Params {
    sea_kmh: f64,
    river_sea_kmh: f64,
    ferry_kmh: f64,
    rail_km_day: f64,
    rail_km_day_by_country: HashMap<String, f64>,
    road_kmh: f64,
    road_hours_per_day: f64,
    port_call_h: f64,
    caspian_wait_h: f64,
    border_rail_h: f64,
    border_road_h: f64,
    gauge_change_h: f64,
    mode_change_h: f64,
    passage_h: HashMap<String, f64>,
    cost_sea: f64,
    cost_river_sea: f64,
    cost_ferry: f64,
    cost_rail: f64,
    cost_rail_by_country: HashMap<String, f64>,
    cost_road: f64,
    cost_port_call: f64,
    cost_mode_change: f64,
    cost_gauge_change: f64,
    cost_border: f64,
    passage_usd: HashMap<String, f64>,
    empty_return_share: f64,
    co2_sea: f64,
    co2_river_sea: f64,
    co2_ferry: f64,
    co2_rail_electric: f64,
    co2_rail_diesel: f64,
    co2_road: f64,
    co2_transfer: f64,
    tonnes_per_teu: f64,
}

impl Params {
    /// Resolves every key the model uses.
    ///
    /// # Errors
    /// [`crate::Error::UnknownAssumption`] naming the first missing key.
    pub fn from_assumptions(a: &Assumptions) -> Result<Params> {
        Params::from_values(a, &a.values())
    }

    /// Resolves the model's keys from `a`, taking values from `values` (one per parameter, in
    /// the order of [`Assumptions::values`]) instead of the file's; Monte Carlo samples use
    /// this to avoid copying the assumptions.
    ///
    /// # Errors
    /// [`crate::Error::UnknownAssumption`] naming the first missing key.
    ///
    /// # Panics
    /// If `values` has another length than the parameter list.
    pub fn from_values(a: &Assumptions, values: &[f64]) -> Result<Params> {
        assert_eq!(values.len(), a.params().len(), "one value per parameter");
        let get = |key: &str| -> Result<f64> {
            a.position(key)
                .map(|i| values[i])
                .ok_or_else(|| a.require(key).expect_err("missing key"))
        };
        let family = |prefix: &str| -> HashMap<String, f64> {
            a.params()
                .iter()
                .zip(values)
                .filter_map(|(p, v)| p.key.strip_prefix(prefix).map(|k| (k.to_string(), *v)))
                .filter(|(k, _)| k != "default")
                .collect()
        };
        let positive = |key: &str| -> Result<f64> {
            let v = get(key)?;
            if v > 0.0 {
                Ok(v)
            } else {
                Err(crate::Error::Assumptions {
                    file: "assumptions".into(),
                    message: format!(
                        "{key} = {v}: a speed, working day or cargo mass must be greater than zero"
                    ),
                })
            }
        };
        let kn = |key: &str| positive(key).map(|v| v * KM_PER_NM);
        for (p, v) in a.params().iter().zip(values) {
            if p.key.starts_with("speed.") && *v <= 0.0 {
                positive(&p.key)?;
            }
        }
        Ok(Params {
            sea_kmh: kn("speed.sea.container")?,
            river_sea_kmh: kn("speed.sea.river_sea")?,
            ferry_kmh: kn("speed.ferry")?,
            rail_km_day: positive("speed.rail.default")?,
            rail_km_day_by_country: family("speed.rail."),
            road_kmh: positive("speed.road.driving")?,
            road_hours_per_day: positive("road.driving_hours_per_day")?,
            port_call_h: get("dwell.port_call")?,
            caspian_wait_h: get("dwell.caspian_wait")?,
            border_rail_h: get("dwell.border.rail")?,
            border_road_h: get("dwell.border.road")?,
            gauge_change_h: get("dwell.gauge_change")?,
            mode_change_h: get("dwell.mode_change")?,
            passage_h: family("dwell.passage."),
            cost_sea: get("cost.sea.container")?,
            cost_river_sea: get("cost.sea.river_sea")?,
            cost_ferry: get("cost.ferry")?,
            cost_rail: get("cost.rail.default")?,
            cost_rail_by_country: family("cost.rail."),
            cost_road: get("cost.road")?,
            cost_port_call: get("cost.port_call")?,
            cost_mode_change: get("cost.mode_change")?,
            cost_gauge_change: get("cost.gauge_change")?,
            cost_border: get("cost.border")?,
            passage_usd: family("cost.passage."),
            empty_return_share: get("cost.empty_return_share")?,
            co2_sea: get("co2e.sea.container")?,
            co2_river_sea: get("co2e.sea.river_sea")?,
            co2_ferry: get("co2e.ferry")?,
            co2_rail_electric: get("co2e.rail.electric")?,
            co2_rail_diesel: get("co2e.rail.diesel")?,
            co2_road: get("co2e.road")?,
            co2_transfer: get("co2e.transfer")?,
            tonnes_per_teu: positive("cargo.tonnes_per_teu")?,
        })
    }

    /// The same parameters with the cargo mass per TEU overridden (`--cargo-tonnes`), t;
    /// `None` keeps `cargo.tonnes_per_teu`.
    #[must_use]
    pub fn with_cargo_tonnes(mut self, tonnes: Option<f64>) -> Params {
        if let Some(t) = tonnes {
            self.tonnes_per_teu = t;
        }
        self
    }

    /// Cargo mass per TEU the emissions are computed for, t.
    #[must_use]
    pub fn tonnes_per_teu(&self) -> f64 {
        self.tonnes_per_teu
    }

    /// Metrics of travelling a whole leg (either direction).
    ///
    /// Time is distance over the commercial speed of the mode (rail by the leg's first country,
    /// road at driving speed stretched by drivers' hours), plus a border dwell for every border
    /// inside a land leg and the dwell of every passage it runs through. Cost is distance times
    /// the rate (land legs raised by the empty-return share) plus passage tolls. Emissions are
    /// distance × factor × tonnes per TEU.
    #[must_use]
    pub fn leg(&self, leg: &Leg) -> Metrics {
        let km = leg.length_km;
        let country = leg.countries.first().map(String::as_str);
        let (mut hours, rate, factor) = match leg.mode {
            Mode::Sea => match leg.vessel {
                Vessel::Container => (km / self.sea_kmh, self.cost_sea, self.co2_sea),
                Vessel::RiverSea => (
                    km / self.river_sea_kmh,
                    self.cost_river_sea,
                    self.co2_river_sea,
                ),
            },
            Mode::Ferry => (km / self.ferry_kmh, self.cost_ferry, self.co2_ferry),
            Mode::Rail => {
                let speed = country
                    .and_then(|c| self.rail_km_day_by_country.get(c))
                    .copied()
                    .unwrap_or(self.rail_km_day);
                let rate = country
                    .and_then(|c| self.cost_rail_by_country.get(c))
                    .copied()
                    .unwrap_or(self.cost_rail);
                let factor = match leg.traction {
                    Some(Traction::Electric) => self.co2_rail_electric,
                    _ => self.co2_rail_diesel,
                };
                (km / speed * 24.0, rate, factor)
            }
            Mode::Road => (
                km / self.road_kmh * 24.0 / self.road_hours_per_day,
                self.cost_road,
                self.co2_road,
            ),
        };
        let mut usd = km * rate;
        if matches!(leg.mode, Mode::Rail | Mode::Road) {
            usd *= 1.0 + self.empty_return_share;
            let inner_borders = cleared_countries(&leg.countries).len().saturating_sub(1);
            #[allow(clippy::cast_precision_loss)]
            let n = inner_borders as f64;
            hours += n * if leg.mode == Mode::Rail {
                self.border_rail_h
            } else {
                self.border_road_h
            };
            usd += n * self.cost_border;
        }
        for p in &leg.passages {
            hours += self.passage_h.get(p).copied().unwrap_or(0.0);
            usd += self.passage_usd.get(p).copied().unwrap_or(0.0);
        }
        Metrics {
            km,
            hours,
            usd,
            co2e_kg: km * factor * self.tonnes_per_teu,
        }
    }

    /// Metrics of the stop at a node between two legs (`None` at the origin or destination),
    /// and its reasons.
    #[must_use]
    pub fn stop(
        &self,
        prev: Option<ArcProfile>,
        next: Option<ArcProfile>,
    ) -> (Metrics, StopReasons) {
        let mut reasons = StopReasons::default();
        match (prev, next) {
            (None, None) => {}
            (Some(s), None) | (None, Some(s)) => {
                if s.mode.is_water() {
                    reasons.push(StopReason::PortCall);
                }
            }
            (Some(a), Some(b)) => match (a.mode.is_water(), b.mode.is_water()) {
                (true, true) => {
                    if a.mode != b.mode || a.vessel != b.vessel {
                        reasons.push(StopReason::PortCall);
                    }
                }
                (true, false) | (false, true) => reasons.push(StopReason::PortCall),
                (false, false) => {
                    if a.mode != b.mode {
                        reasons.push(StopReason::ModeChange);
                    }
                    if a.mode == Mode::Rail
                        && b.mode == Mode::Rail
                        && a.gauge != 0
                        && b.gauge != 0
                        && a.gauge != b.gauge
                    {
                        reasons.push(StopReason::GaugeChange);
                    }
                    if a.last != NO_COUNTRY && b.first != NO_COUNTRY && a.last != b.first {
                        reasons.push(StopReason::Border);
                    }
                }
            },
        }
        let river_sea = |s: ArcProfile| s.mode == Mode::Sea && s.vessel == Vessel::RiverSea;
        if next.is_some_and(river_sea) && !prev.is_some_and(river_sea) {
            reasons.push(StopReason::CaspianWait);
        }
        if reasons.is_empty() {
            return (Metrics::default(), reasons);
        }
        let mut m = Metrics::default();
        let border_h = if next.or(prev).is_some_and(|s| s.mode == Mode::Road) {
            self.border_road_h
        } else {
            self.border_rail_h
        };
        for r in reasons.iter() {
            let (h, usd, co2) = match r {
                StopReason::PortCall => (self.port_call_h, self.cost_port_call, self.co2_transfer),
                StopReason::CaspianWait => (self.caspian_wait_h, 0.0, 0.0),
                StopReason::ModeChange => {
                    (self.mode_change_h, self.cost_mode_change, self.co2_transfer)
                }
                StopReason::GaugeChange => (
                    self.gauge_change_h,
                    self.cost_gauge_change,
                    self.co2_transfer,
                ),
                StopReason::Border => (border_h, self.cost_border, 0.0),
            };
            m.hours += h;
            m.usd += usd;
            m.co2e_kg += co2;
        }
        (m, reasons)
    }
}

/// No country (a sea leg, or a network without countries).
const NO_COUNTRY: [u8; 2] = [0, 0];

/// What the stop rules need to know of a leg as travelled in one direction, in 8 bytes: the
/// router prices a stop at every relaxation, so this is read millions of times on large
/// networks (benches/routing.rs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArcProfile {
    mode: Mode,
    vessel: Vessel,
    /// Track gauge in mm, 0 when not known.
    gauge: u16,
    /// ISO alpha-2 code of the first and last country in travel direction.
    first: [u8; 2],
    last: [u8; 2],
}

impl ArcProfile {
    /// The profile of `leg` travelled `from → to` (`forward`) or back.
    #[must_use]
    pub fn new(leg: &Leg, forward: bool) -> ArcProfile {
        let code = |c: Option<&String>| {
            c.and_then(|c| <[u8; 2]>::try_from(c.as_bytes()).ok())
                .unwrap_or(NO_COUNTRY)
        };
        let (a, b) = (code(leg.countries.first()), code(leg.countries.last()));
        ArcProfile {
            mode: leg.mode,
            vessel: leg.vessel,
            gauge: leg.gauge_mm.unwrap_or(0),
            first: if forward { a } else { b },
            last: if forward { b } else { a },
        }
    }
}

/// A network priced under one set of parameters: leg metrics precomputed once, stops priced on
/// demand. Implements the router's [`Weigher`] for any [`Objective`].
#[derive(Debug, Clone)]
pub struct CostModel<'n> {
    net: &'n Network,
    params: Params,
    legs: Vec<Metrics>,
    arcs: Vec<ArcProfile>,
    weights: [std::sync::OnceLock<Vec<f64>>; 4],
}

impl<'n> CostModel<'n> {
    /// Prices every leg of `net`.
    #[must_use]
    pub fn new(net: &'n Network, params: Params) -> CostModel<'n> {
        let legs = net.legs.iter().map(|l| params.leg(l)).collect();
        let arcs = net
            .legs
            .iter()
            .flat_map(|l| [ArcProfile::new(l, true), ArcProfile::new(l, false)])
            .collect();
        CostModel {
            net,
            params,
            legs,
            arcs,
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

    /// Metrics of a leg.
    #[must_use]
    pub fn leg(&self, leg: LegIx) -> Metrics {
        self.legs[leg.ix()]
    }

    /// Metrics and reasons of the stop between two arcs (`None` at either end of a route).
    #[must_use]
    pub fn stop(&self, prev: Option<ArcIx>, next: Option<ArcIx>) -> (Metrics, StopReasons) {
        self.params.stop(
            prev.map(|a| self.arcs[a.ix()]),
            next.map(|a| self.arcs[a.ix()]),
        )
    }

    /// A weigher for the router minimising `objective`.
    #[must_use]
    pub fn weigher(&self, objective: Objective) -> ModelWeigher<'_, 'n> {
        let k = objective as usize;
        // One f64 per leg for the objective, built once per model: the router reads it for
        // every relaxation, and a quarter of the bytes of `Metrics` keeps it in cache.
        let weights =
            self.weights[k].get_or_init(|| self.legs.iter().map(|m| objective.pick(m)).collect());
        ModelWeigher {
            model: self,
            objective,
            weights,
        }
    }
}

/// The router's view of a [`CostModel`] under one objective.
#[derive(Debug, Clone, Copy)]
pub struct ModelWeigher<'m, 'n> {
    model: &'m CostModel<'n>,
    objective: Objective,
    weights: &'m [f64],
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::corridor::Corridors;
    use crate::network::{LoadOptions, parse_network};
    use crate::report::{self, path_metrics};
    use crate::router::{Restrictions, Router};

    const ASSUMPTIONS: &str = include_str!("../tests/fixtures/round-assumptions.toml");

    fn mini() -> Atlas {
        let net = parse_network(
            include_str!("../tests/fixtures/mini.geojson"),
            "mini",
            &LoadOptions::default(),
        )
        .unwrap();
        Atlas::new(net, Corridors::default())
    }

    fn params() -> Params {
        Params::from_assumptions(&Assumptions::parse(ASSUMPTIONS, "round").unwrap()).unwrap()
    }

    #[test]
    fn stops_charge_port_calls_mode_changes_gauge_breaks_and_borders() {
        let atlas = mini();
        let net = &atlas.network;
        let model = CostModel::new(net, params());
        let (from, to) = (
            net.node_by_id("alpha").unwrap(),
            net.node_by_id("omega").unwrap(),
        );
        let blocked: Vec<bool> = net.legs.iter().map(|l| l.id != "s2").collect();
        let overland = Restrictions {
            leg_allowed: blocked,
            node_allowed: vec![],
        };
        let mut router = Router::new();
        let path = router
            .shortest(
                &atlas.graph,
                &model.weigher(Objective::Time),
                from,
                to,
                &[],
                &overland,
            )
            .unwrap();
        let r = report::build(&model, &path, "t".into(), None, "time");
        let ids: Vec<&str> = r.legs.iter().map(|l| l.id.as_str()).collect();
        // The road (2 mode changes, 19 h driving) beats rail at 240 km/day plus a gauge change.
        assert_eq!(ids, ["s1", "r1", "d1", "r4"]);
        let reasons: Vec<(String, Vec<StopReason>)> = r
            .stops
            .iter()
            .map(|s| (s.node.clone(), s.reasons.clone()))
            .collect();
        assert_eq!(
            reasons,
            vec![
                ("alpha".to_string(), vec![StopReason::PortCall]),
                ("beta".to_string(), vec![StopReason::PortCall]),
                ("gamma".to_string(), vec![StopReason::ModeChange]),
                ("delta".to_string(), vec![StopReason::ModeChange]),
            ]
        );
        // IN → IR by sea, IR → AZ inside d1, AZ → RU inside r4.
        assert_eq!(r.borders, 3);
        assert_eq!(r.transfers, 3);
        assert_eq!(r.countries, ["IN", "IR", "AZ", "RU"]);
        // Totals equal what the router minimised and the sum of legs and stops.
        assert!((r.time_hours - path.weight).abs() < 1e-9);
        assert!((path_metrics(&model, &path).hours - r.time_hours).abs() < 1e-9);
        let legs: f64 = r.legs.iter().map(|l| l.time_hours).sum();
        assert!((legs + r.stop_hours - r.time_hours).abs() < 1e-9);

        // Without the road the rail line under construction is used: a break of gauge at delta.
        let mut allowed = vec![true; net.legs.len()];
        allowed[net.legs.iter().position(|l| l.id == "d1").unwrap()] = false;
        allowed[net.legs.iter().position(|l| l.id == "s2").unwrap()] = false;
        let path = router
            .shortest(
                &atlas.graph,
                &model.weigher(Objective::Time),
                from,
                to,
                &[],
                &Restrictions {
                    leg_allowed: allowed,
                    node_allowed: vec![],
                },
            )
            .unwrap();
        let r = report::build(&model, &path, "t".into(), None, "time");
        let delta = r.stops.iter().find(|s| s.node == "delta").unwrap();
        assert_eq!(delta.reasons, [StopReason::GaugeChange]);
        assert!(!r.stops.iter().any(|s| s.node == "gamma"));
    }

    #[test]
    fn leg_time_is_distance_over_speed_plus_inner_borders() {
        let atlas = mini();
        let net = &atlas.network;
        let p = params();
        let leg = |id: &str| net.legs.iter().find(|l| l.id == id).unwrap();
        // Round numbers from the fixture: sea 10 kn, rail 480 km/day (IR 240), road 50 km/h for
        // 10 h a day, border 10 h (road) / 5 h (rail).
        let s1 = leg("s1");
        assert!((p.leg(s1).hours - s1.length_km / (10.0 * KM_PER_NM)).abs() < 1e-9);
        let r1 = leg("r1");
        assert!((p.leg(r1).hours - r1.length_km / 240.0 * 24.0).abs() < 1e-9);
        let d1 = leg("d1");
        assert!((p.leg(d1).hours - (d1.length_km / 50.0 * 24.0 / 10.0 + 10.0)).abs() < 1e-9);
        let r4 = leg("r4");
        assert!((p.leg(r4).hours - (r4.length_km / 480.0 * 24.0 + 5.0)).abs() < 1e-9);
        // Cost: rate × km (+ border fee inside land legs); passage toll on s3.
        assert!((p.leg(r1).usd - r1.length_km * 0.5).abs() < 1e-9);
        let s3 = leg("s3");
        assert!((p.leg(s3).usd - (s3.length_km * 0.1 + 1000.0)).abs() < 1e-9);
        assert!((p.leg(s3).hours - (s3.length_km / (10.0 * KM_PER_NM) + 24.0)).abs() < 1e-9);
        // Emissions: km × factor × t/TEU.
        assert!((p.leg(r4).co2e_kg - r4.length_km * 0.01 * 10.0).abs() < 1e-9);
        assert!((p.leg(r1).co2e_kg - r1.length_km * 0.03 * 10.0).abs() < 1e-9);
    }
}
