//! One route between two places, under constraints to pass and to avoid.

use crate::error::{Error, Result};
use crate::model::{CostModel, Objective, RouteReport, report};
use crate::network::NodeIx;
use crate::routing::places::{DEFAULT_MAX_SNAP_KM, Snap};
use crate::routing::{Atlas, Path, Router, Target, selector};

/// A route request with its places resolved.
#[derive(Debug, Clone)]
pub struct Request {
    /// Origin node.
    pub from: NodeIx,
    /// Destination node.
    pub to: NodeIx,
    /// What the route must pass (corridors, passages, nodes, countries, modes, legs).
    pub via: Vec<Target>,
    /// What the route must not use.
    pub avoid: Vec<Target>,
    /// What to minimise.
    pub objective: Objective,
    /// Route over legs under construction, planned or suspended too.
    pub include_planned: bool,
}

/// A route request as text, for [`Query::resolve`].
#[derive(Debug, Clone)]
pub struct Query {
    /// Origin: node id, name, alias, UN/LOCODE or `LON,LAT`.
    pub from: String,
    /// Destination, as `from`.
    pub to: String,
    /// Corridors, passages, nodes, countries or modes the route must use.
    pub via: Vec<String>,
    /// Passages, nodes, countries, modes or corridors the route must not use.
    pub avoid: Vec<String>,
    /// What to minimise.
    pub objective: Objective,
    /// Route over legs under construction, planned or suspended too.
    pub include_planned: bool,
    /// Snap limit for `LON,LAT` places, km.
    pub max_snap_km: f64,
}

impl Default for Query {
    /// Nhava Sheva to Moscow by time, on operational legs.
    fn default() -> Self {
        Query {
            from: "nhava-sheva".into(),
            to: "moscow".into(),
            via: Vec::new(),
            avoid: Vec::new(),
            objective: Objective::Time,
            include_planned: false,
            max_snap_km: DEFAULT_MAX_SNAP_KM,
        }
    }
}

/// Where a query's places are, and how far a `LON,LAT` end was snapped.
#[derive(Debug, Clone, Copy)]
pub struct Ends {
    /// Origin node.
    pub from: NodeIx,
    /// Destination node.
    pub to: NodeIx,
    /// How the origin was snapped, if given as `LON,LAT`.
    pub from_snap: Option<Snap>,
    /// How the destination was snapped.
    pub to_snap: Option<Snap>,
}

/// Resolves the origin or destination of a route: a place where cargo starts or ends.
///
/// # Errors
/// The place errors of [`Atlas::place`]; [`Error::NotACargoPlace`] for a sea-lane junction or
/// a point in a strait (in a network that has cargo places at all), unless it is asked for as
/// `node:ID`.
pub fn end(atlas: &Atlas, query: &str, max_snap_km: f64) -> Result<crate::routing::Resolved> {
    // `node:ID` asks for that node whatever it is (a voyage that starts at a lane junction).
    if let Some(id) = query.strip_prefix("node:") {
        return atlas.place(id.trim(), max_snap_km);
    }
    let r = atlas.place(query, max_snap_km)?;
    let net = atlas.network();
    let n = net.node(r.node);
    if !crate::routing::places::is_cargo_place(n.kind) && atlas.places().has_cargo_places(net) {
        return Err(Error::NotACargoPlace {
            query: query.to_string(),
            node: n.id.clone(),
            name: n.name.clone(),
            kind: n.kind.as_str().replace('-', " "),
        });
    }
    Ok(r)
}

/// Resolves an origin and a destination.
///
/// # Errors
/// The errors of [`end`]; [`Error::SameEnds`] when both are one node.
pub fn ends(atlas: &Atlas, from: &str, to: &str, max_snap_km: f64) -> Result<Ends> {
    let a = end(atlas, from, max_snap_km)?;
    let b = end(atlas, to, max_snap_km)?;
    if a.node == b.node {
        return Err(Error::SameEnds {
            from: from.to_string(),
            to: to.to_string(),
            node: atlas.network().node(a.node).id.clone(),
        });
    }
    Ok(Ends {
        from: a.node,
        to: b.node,
        from_snap: a.snap,
        to_snap: b.snap,
    })
}

/// Resolves names to pass or avoid.
///
/// # Errors
/// The errors of [`Atlas::target`].
pub fn targets(atlas: &Atlas, names: &[String]) -> Result<Vec<Target>> {
    names.iter().map(|n| atlas.target(n)).collect()
}

impl Query {
    /// Resolves the places and names.
    ///
    /// # Errors
    /// The errors of [`ends`] and [`targets`].
    pub fn resolve(&self, atlas: &Atlas) -> Result<Request> {
        let e = ends(atlas, &self.from, &self.to, self.max_snap_km)?;
        Ok(Request {
            from: e.from,
            to: e.to,
            via: targets(atlas, &self.via)?,
            avoid: targets(atlas, &self.avoid)?,
            objective: self.objective,
            include_planned: self.include_planned,
        })
    }
}

/// Runs one constrained search, reusing `router`'s buffers.
///
/// # Errors
/// [`Error::NoRoute`] naming the constraints when nothing satisfies them;
/// [`Error::TooManyRequirements`] and the resolution errors of corridor rules.
pub fn search(
    atlas: &Atlas,
    model: &CostModel<'_>,
    router: &mut Router,
    req: &Request,
) -> Result<Path> {
    search_via(atlas, model, router, req, &req.via)
}

/// [`search`] with `via` in place of the request's own (a comparison runs one request through
/// each corridor without copying it).
pub(crate) fn search_via(
    atlas: &Atlas,
    model: &CostModel<'_>,
    router: &mut Router,
    req: &Request,
    via: &[Target],
) -> Result<Path> {
    let c = selector::constraints(atlas, via, &req.avoid, req.include_planned)?;
    let net = atlas.network();
    let w = model.weigher(req.objective);
    let found = router.shortest(
        atlas.graph(),
        &w,
        req.from,
        req.to,
        &c.requirements,
        &c.restrictions,
    );
    if let Some(p) = found {
        return Ok(p);
    }
    // Whether the legs not in service would help, so that a message suggests them only then.
    let planned_would_route = c.operational_only && {
        let all = selector::constraints(atlas, via, &req.avoid, true)?;
        router
            .shortest(
                atlas.graph(),
                &w,
                req.from,
                req.to,
                &all.requirements,
                &all.restrictions,
            )
            .is_some()
    };
    Err(Error::NoRoute {
        from: net.node(req.from).id.clone(),
        to: net.node(req.to).id.clone(),
        constraints: c.description,
        operational_only: c.operational_only,
        planned_would_route,
    })
}

/// The route from `from` to each of `targets` through `via`, each avoiding `avoid(k)`: one
/// one-to-many search per distinct set of avoidances (the scenarios' may differ by
/// destination). A target without a route gets [`Error::NoRoute`]; all those of a set of
/// avoidances that names what the network lacks get its [`Error::UnknownName`].
///
/// # Errors
/// The other resolution errors of the constraints.
#[allow(clippy::too_many_arguments)]
pub(crate) fn to_each<'a>(
    atlas: &Atlas,
    router: &mut Router,
    weigher: &impl crate::routing::Weigher,
    from: NodeIx,
    targets: &[NodeIx],
    avoid: impl Fn(usize) -> &'a [Target],
    via: &[Target],
    include_planned: bool,
) -> Result<Vec<Result<Path>>> {
    let net = atlas.network();
    let n = targets.len();
    let mut out: Vec<Option<Result<Path>>> = (0..n).map(|_| None).collect();
    for j in 0..n {
        if out[j].is_some() {
            continue;
        }
        let group: Vec<usize> = (j..n)
            .filter(|&k| out[k].is_none() && avoid(k) == avoid(j))
            .collect();
        let c = match selector::constraints(atlas, via, avoid(j), include_planned) {
            Ok(c) => c,
            Err(Error::UnknownName { query, suggestions }) => {
                for &k in &group {
                    out[k] = Some(Err(Error::UnknownName {
                        query: query.clone(),
                        suggestions: suggestions.clone(),
                    }));
                }
                continue;
            }
            Err(e) => return Err(e),
        };
        let ends: Vec<NodeIx> = group.iter().map(|&k| targets[k]).collect();
        let paths = router.shortest_to_many(
            atlas.graph(),
            weigher,
            from,
            &ends,
            &c.requirements,
            &c.restrictions,
        );
        for (&k, p) in group.iter().zip(paths) {
            out[k] = Some(p.ok_or_else(|| Error::NoRoute {
                from: net.node(from).id.clone(),
                to: net.node(targets[k]).id.clone(),
                constraints: c.description.clone(),
                operational_only: c.operational_only,
                planned_would_route: false,
            }));
        }
    }
    Ok(out
        .into_iter()
        .map(|r| r.expect("every target is in a group"))
        .collect())
}

/// The route between each pair of places, each under `template`'s constraints and objective,
/// one search engine reused for all (what a script needs instead of one process per query).
/// Each pair's result stands alone: a pair that does not resolve or route carries its error.
///
/// # Example
/// ```
/// use corridor::{Assumptions, Atlas, model::{CostModel, Params}, questions::find};
/// let atlas = Atlas::embedded().unwrap();
/// let model = CostModel::new(atlas.network(), Params::from_assumptions(&Assumptions::embedded().unwrap()).unwrap());
/// let pairs = [("Nhava Sheva".to_string(), "Moscow".to_string()), ("Mundra".into(), "Nowhere".into())];
/// let out = find::batch(&atlas, &model, &pairs, &find::Query::default());
/// assert!(out[0].is_ok() && out[1].is_err());
/// ```
pub fn batch(
    atlas: &Atlas,
    model: &CostModel<'_>,
    pairs: &[(String, String)],
    template: &Query,
) -> Vec<Result<RouteReport>> {
    let mut router = Router::new();
    pairs
        .iter()
        .map(|(from, to)| {
            let q = Query {
                from: from.clone(),
                to: to.clone(),
                ..template.clone()
            };
            let req = q.resolve(atlas)?;
            run_with(atlas, model, &mut router, &req)
        })
        .collect()
}

/// Finds and assesses one route.
///
/// # Errors
/// The errors of [`search`].
///
/// # Example
/// ```
/// use corridor::{Assumptions, Atlas, model::{CostModel, Params}, questions::find};
/// let atlas = Atlas::embedded().unwrap();
/// let params = Params::from_assumptions(&Assumptions::embedded().unwrap()).unwrap();
/// let model = CostModel::new(atlas.network(), params);
/// let query = find::Query { from: "Nhava Sheva".into(), to: "Astrakhan".into(), ..Default::default() };
/// let route = find::run(&atlas, &model, &query.resolve(&atlas).unwrap()).unwrap();
/// assert!(route.countries.contains(&"IR".to_string()));
/// ```
pub fn run(atlas: &Atlas, model: &CostModel<'_>, req: &Request) -> Result<RouteReport> {
    run_with(atlas, model, &mut Router::new(), req)
}

/// [`run`] with a search engine to reuse (its buffers are kept between queries).
///
/// # Errors
/// The errors of [`search`].
pub fn run_with(
    atlas: &Atlas,
    model: &CostModel<'_>,
    router: &mut Router,
    req: &Request,
) -> Result<RouteReport> {
    let path = search(atlas, model, router, req)?;
    let net = atlas.network();
    let mut label = format!("{} → {}", net.node(req.from).name, net.node(req.to).name);
    if !req.via.is_empty() {
        label.push_str(" via ");
        label.push_str(
            &req.via
                .iter()
                .map(|t| t.short(net))
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    let corridor = match req.via.as_slice() {
        [Target::Corridor(c)] => Some(c.id.clone()),
        _ => None,
    };
    Ok(report::build(model, &path, label, corridor, req.objective))
}
