//! Stops: where a route spends time or money between two legs (or at either end), and why: a
//! port call, a Caspian sailing wait, a rail ↔ road transfer, a break of gauge, a land border.

use super::metrics::Metrics;
use super::params::{Params, Scalar};
use crate::network::{Leg, Mode, Vessel};

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
    /// Change of ship at a port the route calls at on its way (a transshipment at a hub).
    Relay,
    /// Entering a priced passage: a canal's queue and toll, a strait's escort and war risk.
    Passage,
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
            StopReason::Relay => "relay (change of ship)",
            StopReason::Passage => "passage",
        }
    }

    /// True when cargo changes vehicle (counted as a transfer).
    #[must_use]
    pub fn is_handling(self) -> bool {
        matches!(
            self,
            StopReason::PortCall
                | StopReason::ModeChange
                | StopReason::GaugeChange
                | StopReason::Relay
        )
    }
}

/// A set of [`StopReason`]s (a bit set, so pricing a stop allocates nothing).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct StopReasons(u8);

impl StopReasons {
    const ALL: [StopReason; 7] = [
        StopReason::PortCall,
        StopReason::Relay,
        StopReason::Passage,
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

/// No country (a sea leg, or a network without countries).
const NO_COUNTRY: [u8; 2] = [0, 0];

/// What the stop rules need to know of a leg as travelled in one direction, in 16 bytes: the
/// router prices a stop at every relaxation, so this is read millions of times on large
/// networks (benches/routing.rs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArcProfile {
    /// The priced passages the leg runs through ([`Params::passage_set`]).
    passages: u64,
    mode: Mode,
    vessel: Vessel,
    /// Track gauge in mm, 0 when not known.
    gauge: u16,
    /// ISO alpha-2 code of the first and last country in travel direction.
    first: [u8; 2],
    last: [u8; 2],
}

impl ArcProfile {
    /// The profile of `leg` travelled `from → to` (`forward`) or back, its passages as the
    /// priced passages of `params`.
    #[must_use]
    pub fn new(leg: &Leg, forward: bool, params: &Params) -> ArcProfile {
        let code = |c: Option<&String>| {
            c.and_then(|c| <[u8; 2]>::try_from(c.as_bytes()).ok())
                .unwrap_or(NO_COUNTRY)
        };
        let (a, b) = (code(leg.countries.first()), code(leg.countries.last()));
        ArcProfile {
            passages: params.passage_set(&leg.passages),
            mode: leg.mode,
            vessel: leg.vessel,
            gauge: leg.gauge_mm.unwrap_or(0),
            first: if forward { a } else { b },
            last: if forward { b } else { a },
        }
    }

    fn is_river_sea(self) -> bool {
        self.mode == Mode::Sea && self.vessel == Vessel::RiverSea
    }
}

/// Why a route stops between `prev` and `next` (`None` at the origin or the destination);
/// `turned_back` when it leaves along the leg it arrived on (a call at a port on a spur).
#[inline]
fn reasons(prev: Option<ArcProfile>, next: Option<ArcProfile>, turned_back: bool) -> StopReasons {
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
                } else if turned_back {
                    // The ship called at a port off the lane and the box changes ship there:
                    // a route passing a port on the lane keeps its ship.
                    reasons.push(StopReason::Relay);
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
    if next.is_some_and(ArcProfile::is_river_sea) && !prev.is_some_and(ArcProfile::is_river_sea) {
        reasons.push(StopReason::CaspianWait);
    }
    if entering(prev, next) != 0 {
        reasons.push(StopReason::Passage);
    }
    reasons
}

/// The priced passages `next` enters: those it runs through and `prev` does not.
#[inline]
fn entering(prev: Option<ArcProfile>, next: Option<ArcProfile>) -> u64 {
    next.map_or(0, |n| n.passages & !prev.map_or(0, |p| p.passages))
}

/// Metrics of the stop between two arcs (`None` at the origin or destination) and its
/// reasons; `turned_back` when the route leaves along the leg it arrived on.
///
/// A port call costs its dwell, handling charge and handling emissions; a relay its dwell,
/// charge and two handlings (discharge and load); a Caspian wait its dwell; a mode change and
/// a break of gauge their dwell, charge and handling emissions; a border the rail or road
/// border dwell (by the mode that crosses it) and the border charge; entering a passage the
/// dwell and toll of each priced passage entered.
#[must_use]
#[inline]
pub fn price(
    params: &Params,
    prev: Option<ArcProfile>,
    next: Option<ArcProfile>,
    turned_back: bool,
) -> (Metrics, StopReasons) {
    let reasons = reasons(prev, next, turned_back);
    if reasons.is_empty() {
        // Most stops between two arcs have no reason: the router asks millions of times.
        return (Metrics::default(), reasons);
    }
    (charge(params, reasons, prev, next), reasons)
}

/// What the reasons of a stop cost.
fn charge(
    params: &Params,
    reasons: StopReasons,
    prev: Option<ArcProfile>,
    next: Option<ArcProfile>,
) -> Metrics {
    let p = |s: Scalar| params.get(s);
    let border_h = if next.or(prev).is_some_and(|s| s.mode == Mode::Road) {
        p(Scalar::RoadBorderDwell)
    } else {
        p(Scalar::RailBorderDwell)
    };
    let mut m = Metrics::default();
    for r in reasons.iter() {
        let (h, usd, co2) = match r {
            StopReason::PortCall => (
                p(Scalar::PortCallDwell),
                p(Scalar::PortCallCost),
                p(Scalar::TransferCo2e),
            ),
            StopReason::Relay => (
                p(Scalar::RelayDwell),
                p(Scalar::RelayCost),
                2.0 * p(Scalar::TransferCo2e),
            ),
            StopReason::CaspianWait => (p(Scalar::CaspianWait), 0.0, 0.0),
            StopReason::ModeChange => (
                p(Scalar::ModeChangeDwell),
                p(Scalar::ModeChangeCost),
                p(Scalar::TransferCo2e),
            ),
            StopReason::GaugeChange => (
                p(Scalar::GaugeChangeDwell),
                p(Scalar::GaugeChangeCost),
                p(Scalar::TransferCo2e),
            ),
            StopReason::Border => (border_h, p(Scalar::BorderCost), 0.0),
            StopReason::Passage => {
                let c = params.passage_charge(entering(prev, next));
                (c.hours, c.usd, c.co2e_kg)
            }
        };
        m.hours += h;
        m.usd += usd;
        m.co2e_kg += co2;
    }
    m
}
