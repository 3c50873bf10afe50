//! Reach: every place a box gets to from one origin within a budget of days or dollars, with
//! its best time and best cost and the corridor the best route takes.

use super::find;
use crate::error::{Error, Result};
use crate::model::report::PlaceRef;
use crate::model::{CostModel, Objective, report};
use crate::network::{NodeIx, NodeKind};
use crate::routing::{Atlas, Path, Router, Target};

/// How far to reach.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Budget {
    /// At most this many days door to door.
    Days(f64),
    /// At most this many US dollars per TEU.
    Usd(f64),
}

impl Budget {
    /// The objective the budget is spent in.
    #[must_use]
    pub fn objective(self) -> Objective {
        match self {
            Budget::Days(_) => Objective::Time,
            Budget::Usd(_) => Objective::Cost,
        }
    }
}

/// A reach with its origin resolved.
#[derive(Debug, Clone)]
pub struct Request {
    /// Origin.
    pub from: NodeIx,
    /// The budget.
    pub budget: Budget,
    /// What the route to each place avoids, per node of the network (`avoid[node]`): the
    /// user's avoidances and the scenarios' for that destination.
    pub avoid: Vec<Vec<Target>>,
    /// Route over legs under construction, planned or suspended too.
    pub include_planned: bool,
}

/// One place within the budget.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Reached {
    /// The place.
    #[serde(flatten)]
    pub place: PlaceRef,
    /// Its country, ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Longitude, degrees.
    pub lon: f64,
    /// Latitude, degrees.
    pub lat: f64,
    /// Fewest days to get there (the route chosen by time).
    pub time_days: f64,
    /// Lowest USD per TEU to get there (the route chosen by cost).
    pub cost_usd: f64,
    /// The corridor the route chosen by the budget's metric takes, if it meets one.
    pub corridor: Option<String>,
}

/// Every place within the budget, nearest (by the budget's metric) first.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Reach {
    /// Origin.
    pub from: PlaceRef,
    /// The budget.
    pub budget: Budget,
    /// The places, by the budget's metric.
    pub places: Vec<Reached>,
}

/// The best path from the origin to every place (ports, terminals, stations, borders,
/// cities; not sea-lane junctions or points in straits) by `objective`, one search per set
/// of avoidances.
fn best_paths(
    atlas: &Atlas,
    model: &CostModel<'_>,
    router: &mut Router,
    req: &Request,
    places: &[NodeIx],
    objective: Objective,
) -> Result<Vec<Option<Path>>> {
    find::to_each(
        atlas,
        router,
        &model.weigher(objective),
        req.from,
        places,
        |k| req.avoid[places[k].ix()].as_slice(),
        &[],
        req.include_planned,
    )?
    .into_iter()
    .map(|r| match r {
        Ok(p) => Ok(Some(p)),
        Err(Error::NoRoute { .. }) => Ok(None),
        Err(e) => Err(e),
    })
    .collect()
}

/// Runs a reach: two one-to-many searches (by time and by cost) per set of avoidances, every
/// place priced both ways, those within the budget kept.
///
/// # Errors
/// Resolution errors of the avoidances and of the corridor rules.
///
/// # Panics
/// If `req.avoid` does not hold one list per node.
///
/// # Example
/// ```
/// use corridor::{Assumptions, Atlas, model::{CostModel, Params}, questions::reach};
/// let atlas = Atlas::embedded()?;
/// let model = CostModel::new(atlas.network(), Params::from_assumptions(&Assumptions::embedded()?)?);
/// let req = reach::Request {
///     from: atlas.network().node_by_id("nhava-sheva").unwrap(),
///     budget: reach::Budget::Days(15.0),
///     avoid: vec![Vec::new(); atlas.network().nodes().len()],
///     include_planned: false,
/// };
/// let r = reach::run(&atlas, &model, &req)?;
/// assert!(r.places.iter().all(|p| p.time_days <= 15.0));
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn run(atlas: &Atlas, model: &CostModel<'_>, req: &Request) -> Result<Reach> {
    let net = atlas.network();
    assert_eq!(
        req.avoid.len(),
        net.nodes().len(),
        "one avoid list per node"
    );
    let places: Vec<NodeIx> = net
        .indexed_nodes()
        .filter(|(i, n)| {
            *i != req.from && !matches!(n.kind, NodeKind::Junction | NodeKind::Passage)
        })
        .map(|(i, _)| i)
        .collect();
    let mut router = Router::new();
    let by_time = best_paths(atlas, model, &mut router, req, &places, Objective::Time)?;
    let by_cost = best_paths(atlas, model, &mut router, req, &places, Objective::Cost)?;
    let branches = atlas.branches()?;
    let mut reached = Vec::new();
    for (k, &n) in places.iter().enumerate() {
        let (Some(t), Some(c)) = (&by_time[k], &by_cost[k]) else {
            continue;
        };
        let time = report::build(model, t, String::new(), None, Objective::Time);
        let cost = report::build(model, c, String::new(), None, Objective::Cost);
        let (within, best) = match req.budget {
            Budget::Days(d) => (time.time_days <= d, t),
            Budget::Usd(u) => (cost.cost_usd <= u, c),
        };
        if !within {
            continue;
        }
        let node = net.node(n);
        reached.push(Reached {
            place: PlaceRef {
                id: node.id.clone(),
                name: node.name.clone(),
            },
            country: node.country.clone(),
            lon: node.position.x(),
            lat: node.position.y(),
            time_days: time.time_days,
            cost_usd: cost.cost_usd,
            corridor: branches.of(atlas.graph(), best).map(str::to_string),
        });
    }
    let key = |r: &Reached| match req.budget {
        Budget::Days(_) => r.time_days,
        Budget::Usd(_) => r.cost_usd,
    };
    reached.sort_by(|a, b| {
        key(a)
            .total_cmp(&key(b))
            .then_with(|| a.place.id.cmp(&b.place.id))
    });
    let from = net.node(req.from);
    Ok(Reach {
        from: PlaceRef {
            id: from.id.clone(),
            name: from.name.clone(),
        },
        budget: req.budget,
        places: reached,
    })
}
