//! Comparing corridors: the reference corridor (the INSTC) beside the best route through each
//! other corridor or passage, with differences in percent.

use super::find::{self, Request as RouteRequest};
use crate::error::{Error, Result};
use crate::model::report::PlaceRef;
use crate::model::{CostModel, Objective, RouteReport, report};
use crate::network::NodeIx;
use crate::routing::places::DEFAULT_MAX_SNAP_KM;
use crate::routing::{Atlas, Path, Router, Target};

/// A comparison with its places resolved.
#[derive(Debug, Clone)]
pub struct Request {
    /// Origin node.
    pub from: NodeIx,
    /// Destination node.
    pub to: NodeIx,
    /// What every other route is compared with (a corridor, usually the INSTC).
    pub reference: Target,
    /// What to set beside the reference; empty means every corridor but the reference.
    pub others: Vec<Target>,
    /// What no route may use.
    pub avoid: Vec<Target>,
    /// What each route minimises.
    pub objective: Objective,
    /// Route over legs under construction, planned or suspended too.
    pub include_planned: bool,
}

/// A comparison as text, for [`Query::resolve`].
#[derive(Debug, Clone)]
pub struct Query {
    /// Origin: node id, name, alias, UN/LOCODE or `LON,LAT`.
    pub from: String,
    /// Destination, as `from`.
    pub to: String,
    /// The corridor every other route is compared with.
    pub reference: String,
    /// Corridors or passages to set beside the reference; empty means every corridor.
    pub via: Vec<String>,
    /// What no route may use.
    pub avoid: Vec<String>,
    /// What each route minimises.
    pub objective: Objective,
    /// Route over legs under construction, planned or suspended too.
    pub include_planned: bool,
    /// Snap limit for `LON,LAT` places, km.
    pub max_snap_km: f64,
}

impl Default for Query {
    /// Nhava Sheva to Moscow by time, the INSTC against every other corridor.
    fn default() -> Self {
        Query {
            from: "nhava-sheva".into(),
            to: "moscow".into(),
            reference: "instc".into(),
            via: Vec::new(),
            avoid: Vec::new(),
            objective: Objective::Time,
            include_planned: false,
            max_snap_km: DEFAULT_MAX_SNAP_KM,
        }
    }
}

impl Query {
    /// Resolves the places and names.
    ///
    /// # Errors
    /// The errors of [`find::ends`] and [`find::targets`].
    pub fn resolve(&self, atlas: &Atlas) -> Result<Request> {
        let e = find::ends(atlas, &self.from, &self.to, self.max_snap_km)?;
        Ok(Request {
            from: e.from,
            to: e.to,
            reference: atlas.target(&self.reference)?,
            others: find::targets(atlas, &self.via)?,
            avoid: find::targets(atlas, &self.avoid)?,
            objective: self.objective,
            include_planned: self.include_planned,
        })
    }
}

/// Differences of a route from the reference, in percent of the reference.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Difference {
    /// Distance, %.
    pub distance_pct: f64,
    /// Time, %.
    pub time_pct: f64,
    /// Cost, %.
    pub cost_pct: f64,
    /// Emissions, %.
    pub co2e_pct: f64,
    /// Distance, km (route − reference).
    pub distance_km: f64,
    /// Time, days.
    pub time_days: f64,
    /// Cost, USD per TEU.
    pub cost_usd: f64,
    /// Emissions, kg CO2e per TEU.
    pub co2e_kg: f64,
}

/// One route in a comparison.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Compared {
    /// The route.
    #[serde(flatten)]
    pub route: RouteReport,
    /// True for the reference route.
    pub is_reference: bool,
    /// The branch it takes: the most specific corridor it meets and the hubs where it changes
    /// ship (`instc-west`, `suez, direct`, `cape, via hub Rotterdam`).
    pub branch: String,
    /// Difference from the reference (zero for the reference itself).
    pub vs_reference: Difference,
}

/// A corridor for which no route exists, and why.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Unavailable {
    /// Corridor or passage asked for.
    pub label: String,
    /// The router's message.
    pub reason: String,
}

/// The result of a comparison.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Comparison {
    /// Origin.
    pub from: PlaceRef,
    /// Destination.
    pub to: PlaceRef,
    /// What routes were chosen by.
    pub objective: Objective,
    /// Reference corridor id.
    pub reference: String,
    /// The reference first, then the others in the order asked.
    pub routes: Vec<Compared>,
    /// Corridors that yield no route.
    pub unavailable: Vec<Unavailable>,
    /// Monte Carlo spread of the routes, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<super::montecarlo::Uncertainty>,
    /// The paths behind `routes`, in the same order (for re-assessment, e.g. Monte Carlo).
    #[serde(skip)]
    pub paths: Vec<Path>,
}

fn pct(x: f64, reference: f64) -> f64 {
    if reference.abs() < f64::EPSILON {
        0.0
    } else {
        (x - reference) / reference * 100.0
    }
}

/// Differences of `route` from `reference`, in percent.
#[must_use]
pub fn difference(route: &RouteReport, reference: &RouteReport) -> Difference {
    Difference {
        distance_pct: pct(route.distance_km, reference.distance_km),
        time_pct: pct(route.time_hours, reference.time_hours),
        cost_pct: pct(route.cost_usd, reference.cost_usd),
        co2e_pct: pct(route.co2e_kg, reference.co2e_kg),
        distance_km: route.distance_km - reference.distance_km,
        time_days: route.time_days - reference.time_days,
        cost_usd: route.cost_usd - reference.cost_usd,
        co2e_kg: route.co2e_kg - reference.co2e_kg,
    }
}

/// The label and corridor id of a route through `t`.
fn label(atlas: &Atlas, t: &Target) -> (String, Option<String>) {
    match t {
        Target::Corridor(c) => (c.name.clone(), Some(c.id.clone())),
        other => (format!("via {}", other.describe(atlas.network())), None),
    }
}

impl Request {
    /// The route request behind each corridor's search: the ends, avoidances and objective,
    /// with no `via` (the corridor is given to each search).
    fn route(&self) -> RouteRequest {
        RouteRequest {
            from: self.from,
            to: self.to,
            via: Vec::new(),
            avoid: self.avoid.clone(),
            objective: self.objective,
            include_planned: self.include_planned,
        }
    }
}

/// What a request sets beside its reference: the others asked for, or every corridor but the
/// reference.
fn others(atlas: &Atlas, req: &Request) -> Vec<Target> {
    if req.others.is_empty() {
        atlas
            .corridors()
            .list()
            .iter()
            .filter(|c| !matches!(&req.reference, Target::Corridor(r) if r.id == c.id))
            .cloned()
            .map(Target::Corridor)
            .collect()
    } else {
        req.others.clone()
    }
}

/// Adds to a comparison made by [`run`] up to `k − 1` alternatives for each corridor that has
/// a route ([`super::alternatives::routes`]), each after its corridor's best route and
/// labelled by the branch it takes.
///
/// # Errors
/// Corridor-rule errors.
pub fn add_alternatives(
    atlas: &Atlas,
    model: &CostModel<'_>,
    req: &Request,
    c: &mut Comparison,
    k: usize,
) -> Result<()> {
    let route = req.route();
    let mut router = Router::new();
    let mut routes = Vec::new();
    let mut paths = Vec::new();
    let reference = c.routes[0].route.clone();
    let branches = atlas.branches()?;
    let targets = std::iter::once(req.reference.clone()).chain(others(atlas, req));
    for t in targets {
        let (name, id) = label(atlas, &t);
        let Some(at) = c.routes.iter().position(|r| r.route.label == name) else {
            continue;
        };
        let alts = super::alternatives::routes(
            atlas,
            model,
            &mut router,
            &route,
            std::slice::from_ref(&t),
            k,
            &name,
            id,
        )?;
        for (i, (p, r)) in alts.into_iter().enumerate() {
            let is_reference = at == 0 && i == 0;
            routes.push(Compared {
                vs_reference: difference(&r, &reference),
                branch: super::alternatives::branch(atlas, branches, &p, &r),
                route: r,
                is_reference,
            });
            paths.push(p);
        }
    }
    c.routes = routes;
    c.paths = paths;
    Ok(())
}

/// Runs a comparison.
///
/// # Errors
/// [`Error::NoRoute`] when the reference yields no route (other corridors without a route are
/// listed in [`Comparison::unavailable`]); the resolution errors of corridor rules.
///
/// # Example
/// ```
/// use corridor::{Assumptions, Atlas, model::{CostModel, Params}, questions::compare};
/// let atlas = Atlas::embedded()?;
/// let model = CostModel::new(atlas.network(), Params::from_assumptions(&Assumptions::embedded()?)?);
/// let query = compare::Query { via: vec!["suez".into()], ..Default::default() };
/// let c = compare::run(&atlas, &model, &query.resolve(&atlas)?)?;
/// assert_eq!(c.routes.len(), 2);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn run(atlas: &Atlas, model: &CostModel<'_>, req: &Request) -> Result<Comparison> {
    let others = others(atlas, req);
    let mut router = Router::new();
    let route = req.route();
    let mut search =
        |t: &Target| find::search_via(atlas, model, &mut router, &route, std::slice::from_ref(t));
    let ref_path = search(&req.reference)?;
    let (ref_label, ref_id) = label(atlas, &req.reference);
    let ref_report = report::build(model, &ref_path, ref_label, ref_id.clone(), req.objective);
    let mut routes = vec![Compared {
        vs_reference: difference(&ref_report, &ref_report),
        route: ref_report.clone(),
        is_reference: true,
        branch: String::new(),
    }];
    let mut paths = vec![ref_path];
    let mut unavailable = Vec::new();
    for t in &others {
        match search(t) {
            Ok(path) => {
                let (name, id) = label(atlas, t);
                let rep = report::build(model, &path, name, id, req.objective);
                routes.push(Compared {
                    vs_reference: difference(&rep, &ref_report),
                    route: rep,
                    is_reference: false,
                    branch: String::new(),
                });
                paths.push(path);
            }
            // A corridor rule naming a country or passage this network lacks makes that
            // corridor unavailable here, not the whole comparison (user networks).
            Err(e @ (Error::NoRoute { .. } | Error::UnknownName { .. })) => {
                unavailable.push(Unavailable {
                    label: match t {
                        Target::Corridor(c) => c.name.clone(),
                        other => other.describe(atlas.network()),
                    },
                    reason: e.to_string(),
                });
            }
            Err(e) => return Err(e),
        }
    }
    let branches = atlas.branches()?;
    for (r, p) in routes.iter_mut().zip(&paths) {
        r.branch = super::alternatives::branch(atlas, branches, p, &r.route);
    }
    let net = atlas.network();
    let place = |n: NodeIx| PlaceRef {
        id: net.node(n).id.clone(),
        name: net.node(n).name.clone(),
    };
    Ok(Comparison {
        from: place(req.from),
        to: place(req.to),
        objective: req.objective,
        reference: ref_id.unwrap_or_else(|| req.reference.short(net)),
        routes,
        unavailable,
        uncertainty: None,
        paths,
    })
}
