//! The questions across places: for every origin and destination, the best route through each
//! corridor, and which corridor wins on time, cost and emissions.
//!
//! One one-to-many search per origin, corridor and set of avoidances (the scenarios may spare
//! some destinations, e.g. routes to Russia from the Red Sea avoidance), spread across cores.

use rayon::prelude::*;

use super::find;
use crate::error::Result;
use crate::model::report::PlaceRef;
use crate::model::{CostModel, Objective, RouteReport, report};
use crate::network::NodeIx;
use crate::routing::{Atlas, Router, Target};

/// The destinations the INSTC is said to serve, for `--to instc-destinations`: Russia's
/// capital, Baltic gateway, Caspian port and interior (the founding agreement of Russia, Iran
/// and India, 12 September 2000), the ends of its branches through Azerbaijan and through
/// Turkmenistan and Kazakhstan, Central Asia and Afghanistan, Belarus, and Finland (the 2021
/// Helsinki – Nhava Sheva train); sources in data/README.md.
pub const INSTC_DESTINATIONS: &[&str] = &[
    "moscow",
    "st-petersburg",
    "astrakhan",
    "kazan",
    "yekaterinburg",
    "baku",
    "minsk",
    "almaty",
    "tashkent",
    "ashgabat",
    "kabul",
    "helsinki",
];

/// The name of [`INSTC_DESTINATIONS`] where a destination list is given as text.
pub const INSTC_DESTINATIONS_PRESET: &str = "instc-destinations";

/// A matrix with its places resolved.
#[derive(Debug, Clone)]
pub struct Request {
    /// Origins.
    pub origins: Vec<NodeIx>,
    /// Destinations.
    pub destinations: Vec<NodeIx>,
    /// Corridors (or passages) to route through, in the order they are reported.
    pub corridors: Vec<Target>,
    /// What each route avoids, per pair: `avoid[i * destinations.len() + j]` for origin `i`
    /// and destination `j` (the user's avoidances and the scenarios' for that pair).
    pub avoid: Vec<Vec<Target>>,
    /// What each route minimises.
    pub objective: Objective,
    /// Route over legs under construction, planned or suspended too.
    pub include_planned: bool,
}

/// The best route of one pair through one corridor, in brief.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Cell {
    /// Corridor id (or the passage asked for).
    pub corridor: String,
    /// Total distance, km.
    pub distance_km: f64,
    /// Total time, days.
    pub time_days: f64,
    /// Cost per TEU, USD.
    pub cost_usd: f64,
    /// Emissions per TEU, tonnes CO2e.
    pub co2e_t: f64,
    /// Passages on the way, in order.
    pub passages: Vec<String>,
    /// Countries on the way, in order.
    pub countries: Vec<String>,
    /// The whole route, for maps.
    #[serde(skip)]
    pub route: RouteReport,
}

/// A corridor with no route for a pair, and why.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Missing {
    /// Corridor id (or the passage asked for).
    pub corridor: String,
    /// Why there is no route.
    pub reason: String,
}

/// Which corridor wins a pair on each metric (`None` when no corridor routes).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Winners {
    /// Fewest days.
    pub time: Option<String>,
    /// Lowest USD per TEU.
    pub cost: Option<String>,
    /// Least CO2e per TEU.
    pub co2e: Option<String>,
}

/// One origin–destination pair.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Pair {
    /// Origin.
    pub from: PlaceRef,
    /// Destination.
    pub to: PlaceRef,
    /// The routes, in the order of [`Request::corridors`].
    pub routes: Vec<Cell>,
    /// Corridors without a route.
    pub unavailable: Vec<Missing>,
    /// The winner on each metric.
    pub winners: Winners,
}

/// Every pair, origin by origin.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Matrix {
    /// What routes were chosen by.
    pub objective: Objective,
    /// The corridor ids, in column order.
    pub corridors: Vec<String>,
    /// The pairs: each origin with each destination (a pair of one node is left out).
    pub pairs: Vec<Pair>,
}

/// The id under which a target is reported.
fn id(atlas: &Atlas, t: &Target) -> String {
    match t {
        Target::Corridor(c) => c.id.clone(),
        other => other.short(atlas.network()),
    }
}

/// The routes of one origin through one corridor, one per destination.
type Row = Vec<std::result::Result<RouteReport, String>>;

/// Routes one origin through one corridor to every destination ([`find::to_each`]: one
/// search per distinct set of avoidances among its pairs).
fn row(
    atlas: &Atlas,
    model: &CostModel<'_>,
    router: &mut Router,
    req: &Request,
    origin: usize,
    corridor: &Target,
) -> Result<Row> {
    let net = atlas.network();
    let n = req.destinations.len();
    let from = req.origins[origin];
    let paths = find::to_each(
        atlas,
        router,
        &model.weigher(req.objective),
        from,
        &req.destinations,
        |k| req.avoid[origin * n + k].as_slice(),
        std::slice::from_ref(corridor),
        req.include_planned,
    )?;
    let through = match corridor {
        Target::Corridor(c) => c.name.clone(),
        other => format!("via {}", other.describe(net)),
    };
    Ok(paths
        .into_iter()
        .zip(&req.destinations)
        .map(|(path, &to)| {
            // A corridor naming what this network lacks has no route here either.
            let p = path.map_err(|e| e.to_string())?;
            let label = format!("{} → {}: {through}", net.node(from).name, net.node(to).name);
            Ok(report::build(
                model,
                &p,
                label,
                Some(id(atlas, corridor)),
                req.objective,
            ))
        })
        .collect())
}

/// The first corridor with the least value of `metric` among a pair's routes.
fn winner(routes: &[Cell], metric: impl Fn(&Cell) -> f64) -> Option<String> {
    routes
        .iter()
        .min_by(|a, b| metric(a).total_cmp(&metric(b)))
        .map(|c| c.corridor.clone())
}

/// Runs the matrix: every origin with every destination through every corridor, the searches
/// spread across the cores (rayon, one router per worker).
///
/// # Errors
/// [`crate::Error::TooManyRequirements`] and corridor-rule errors other than a missing name; a pair
/// without a route through some corridor is listed in [`Pair::unavailable`], not an error.
///
/// # Panics
/// If `req.avoid` does not hold one list per pair.
///
/// # Example
/// ```
/// use corridor::{Assumptions, Atlas, model::{CostModel, Objective, Params}, questions::matrix};
/// let atlas = Atlas::embedded()?;
/// let model = CostModel::new(atlas.network(), Params::from_assumptions(&Assumptions::embedded()?)?);
/// let node = |id: &str| atlas.network().node_by_id(id).unwrap();
/// let req = matrix::Request {
///     origins: vec![node("nhava-sheva"), node("mundra")],
///     destinations: vec![node("moscow"), node("baku")],
///     corridors: vec![atlas.target("instc")?, atlas.target("suez")?],
///     avoid: vec![Vec::new(); 4],
///     objective: Objective::Time,
///     include_planned: false,
/// };
/// let m = matrix::run(&atlas, &model, &req)?;
/// assert_eq!(m.pairs.len(), 4);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn run(atlas: &Atlas, model: &CostModel<'_>, req: &Request) -> Result<Matrix> {
    let (no, nd) = (req.origins.len(), req.destinations.len());
    assert_eq!(req.avoid.len(), no * nd, "one avoid list per pair");
    let jobs: Vec<(usize, usize)> = (0..no)
        .flat_map(|i| (0..req.corridors.len()).map(move |c| (i, c)))
        .collect();
    let mut rows: Vec<Row> = jobs
        .par_iter()
        .map_init(Router::new, |router, &(i, c)| {
            row(atlas, model, router, req, i, &req.corridors[c])
        })
        .collect::<Result<_>>()?;
    let net = atlas.network();
    let place = |n: NodeIx| PlaceRef {
        id: net.node(n).id.clone(),
        name: net.node(n).name.clone(),
    };
    let ids: Vec<String> = req.corridors.iter().map(|t| id(atlas, t)).collect();
    let mut pairs = Vec::new();
    for (i, &from) in req.origins.iter().enumerate() {
        for (j, &to) in req.destinations.iter().enumerate() {
            if from == to {
                continue;
            }
            let mut routes = Vec::new();
            let mut unavailable = Vec::new();
            for (c, corridor) in ids.iter().enumerate() {
                let cell = std::mem::replace(
                    &mut rows[i * req.corridors.len() + c][j],
                    Err(String::new()),
                );
                match cell {
                    Ok(r) => routes.push(Cell {
                        corridor: corridor.clone(),
                        distance_km: r.distance_km,
                        time_days: r.time_days,
                        cost_usd: r.cost_usd,
                        co2e_t: r.co2e_kg / 1000.0,
                        passages: r.passages.clone(),
                        countries: r.countries.clone(),
                        route: r,
                    }),
                    Err(reason) => unavailable.push(Missing {
                        corridor: corridor.clone(),
                        reason,
                    }),
                }
            }
            let winners = Winners {
                time: winner(&routes, |c| c.time_days),
                cost: winner(&routes, |c| c.cost_usd),
                co2e: winner(&routes, |c| c.co2e_t),
            };
            pairs.push(Pair {
                from: place(from),
                to: place(to),
                routes,
                unavailable,
                winners,
            });
        }
    }
    Ok(Matrix {
        objective: req.objective,
        corridors: ids,
        pairs,
    })
}
