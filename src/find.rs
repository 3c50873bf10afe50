//! One route between two places, under `--via` and `--avoid` constraints.

use crate::assess::{CostModel, Objective};
use crate::atlas::Atlas;
use crate::error::{Error, Result};
use crate::network::NodeIx;
use crate::places::{Gazetteer, Resolved};
use crate::report::{self, RouteReport};
use crate::router::{Path, Router};
use crate::selector::{self, Target};

/// What the user asks for.
#[derive(Debug, Clone)]
pub struct RouteRequest {
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
    /// Route over legs under construction or planned too.
    pub include_planned: bool,
    /// Snap limit for `LON,LAT` places, km.
    pub max_snap_km: f64,
}

impl Default for RouteRequest {
    fn default() -> Self {
        RouteRequest {
            from: "nhava-sheva".into(),
            to: "moscow".into(),
            via: Vec::new(),
            avoid: Vec::new(),
            objective: Objective::Time,
            include_planned: false,
            max_snap_km: crate::places::DEFAULT_MAX_SNAP_KM,
        }
    }
}

/// A message for the user about how the request was read (printed on stderr).
pub type Note = String;

/// The two ends of a request, resolved.
#[derive(Debug, Clone, Copy)]
pub struct Ends {
    /// Origin node.
    pub from: NodeIx,
    /// Destination node.
    pub to: NodeIx,
}

/// Resolves `from` and `to`, with a note for every snapped coordinate.
///
/// # Errors
/// Place errors; [`Error::Request`] when both ends are the same node.
pub fn resolve_ends(
    atlas: &Atlas,
    places: &Gazetteer<'_>,
    req: &RouteRequest,
    notes: &mut Vec<Note>,
) -> Result<Ends> {
    let mut one = |text: &str, role: &str| -> Result<NodeIx> {
        let Resolved { node, snap } = places.resolve(text, req.max_snap_km)?;
        if let Some(s) = snap {
            let n = atlas.network.node(node);
            notes.push(format!(
                "{role} {},{} snapped to {} ({}), {:.1} km away",
                s.lon, s.lat, n.id, n.name, s.distance_km
            ));
        }
        Ok(node)
    };
    let from = one(&req.from, "--from")?;
    let to = one(&req.to, "--to")?;
    if from == to {
        return Err(Error::Request(format!(
            "--from {:?} and --to {:?} are the same node ({})",
            req.from,
            req.to,
            atlas.network.node(from).id
        )));
    }
    Ok(Ends { from, to })
}

/// Resolves `--via` or `--avoid` names.
///
/// # Errors
/// [`Error::UnknownName`] and place errors.
pub fn resolve_targets(
    atlas: &Atlas,
    places: &Gazetteer<'_>,
    names: &[String],
    role: &'static str,
) -> Result<Vec<Target>> {
    names
        .iter()
        .map(|n| selector::resolve(n, role, &atlas.network, places, &atlas.corridors))
        .collect()
}

/// Runs one constrained search.
///
/// # Errors
/// [`Error::NoRoute`] naming the constraints when nothing satisfies them.
#[allow(clippy::too_many_arguments)]
pub fn search(
    atlas: &Atlas,
    places: &Gazetteer<'_>,
    model: &CostModel<'_>,
    router: &mut Router,
    ends: Ends,
    via: &[Target],
    avoid: &[Target],
    objective: Objective,
    include_planned: bool,
) -> Result<Path> {
    let net = &atlas.network;
    let c = selector::constraints(via, avoid, include_planned, net, places, &atlas.corridors)?;
    router
        .shortest(
            &atlas.graph,
            &model.weigher(objective),
            ends.from,
            ends.to,
            &c.requirements,
            &c.restrictions,
        )
        .ok_or_else(|| Error::NoRoute {
            from: net.node(ends.from).id.clone(),
            to: net.node(ends.to).id.clone(),
            constraints: c.description.join(", "),
        })
}

/// Finds and assesses one route.
///
/// # Errors
/// Resolution errors, and [`Error::NoRoute`] when nothing satisfies the constraints.
///
/// # Example
/// ```
/// use corridor::{Assumptions, Atlas, assess::{CostModel, Params}, find::{find, RouteRequest}};
/// let atlas = Atlas::embedded().unwrap();
/// let params = Params::from_assumptions(&Assumptions::embedded().unwrap()).unwrap();
/// let model = CostModel::new(&atlas.network, params);
/// let req = RouteRequest { from: "Nhava Sheva".into(), to: "Astrakhan".into(), ..Default::default() };
/// let (route, _notes) = find(&atlas, &model, &req).unwrap();
/// assert!(route.countries.contains(&"IR".to_string()));
/// ```
pub fn find(
    atlas: &Atlas,
    model: &CostModel<'_>,
    req: &RouteRequest,
) -> Result<(RouteReport, Vec<Note>)> {
    let places = atlas.places();
    let mut notes = Vec::new();
    let ends = resolve_ends(atlas, &places, req, &mut notes)?;
    let via = resolve_targets(atlas, &places, &req.via, "--via")?;
    let avoid = resolve_targets(atlas, &places, &req.avoid, "--avoid")?;
    let mut router = Router::new();
    let path = search(
        atlas,
        &places,
        model,
        &mut router,
        ends,
        &via,
        &avoid,
        req.objective,
        req.include_planned,
    )?;
    let net = &atlas.network;
    let mut label = format!("{} → {}", net.node(ends.from).name, net.node(ends.to).name);
    if !via.is_empty() {
        label.push_str(" via ");
        label.push_str(
            &via.iter()
                .map(|t| short(t, atlas))
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    let corridor = match via.as_slice() {
        [Target::Corridor(c)] => Some(c.id.clone()),
        _ => None,
    };
    Ok((
        report::build(model, &path, label, corridor, req.objective.as_str()),
        notes,
    ))
}

fn short(t: &Target, atlas: &Atlas) -> String {
    match t {
        Target::Corridor(c) => c.name.clone(),
        Target::Passage(p) => p.clone(),
        Target::Node(n) => atlas.network.node(*n).name.clone(),
        Target::Country(c) => c.clone(),
        Target::Mode(m) => m.to_string(),
        Target::Leg(l) => atlas.network.leg(*l).id.clone(),
    }
}
