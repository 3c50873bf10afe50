//! Comparing corridors: the reference corridor (the INSTC) beside the best route through each
//! other corridor or passage, with differences in percent.

use crate::assess::CostModel;
use crate::atlas::Atlas;
use crate::error::{Error, Result};
use crate::find::{self, Note, RouteRequest};
use crate::report::{self, PlaceRef, RouteReport};
use crate::router::{Path, Router};
use crate::selector::Target;

/// What to compare.
#[derive(Debug, Clone)]
pub struct CompareRequest {
    /// Ends, objective, `--avoid`, status filter and snap limit. `via` lists the corridors or
    /// passages to set beside the reference; empty means every corridor.
    pub route: RouteRequest,
    /// The corridor every other route is compared with (`instc`).
    pub reference: String,
}

impl Default for CompareRequest {
    fn default() -> Self {
        CompareRequest {
            route: RouteRequest::default(),
            reference: "instc".into(),
        }
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
}

/// One route in a comparison.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Compared {
    /// The route.
    #[serde(flatten)]
    pub route: RouteReport,
    /// True for the reference route.
    pub is_reference: bool,
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

/// The result of `route compare`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Comparison {
    /// Origin.
    pub from: PlaceRef,
    /// Destination.
    pub to: PlaceRef,
    /// What routes were chosen by.
    pub objective: &'static str,
    /// Reference corridor id.
    pub reference: String,
    /// The reference first, then the others in the order asked.
    pub routes: Vec<Compared>,
    /// Corridors that yield no route.
    pub unavailable: Vec<Unavailable>,
    /// Monte Carlo spread of the routes, when asked for (`--samples`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<crate::montecarlo::Uncertainty>,
    /// Notes on how the request was read (snapped coordinates).
    #[serde(skip)]
    pub notes: Vec<Note>,
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

/// Differences of `m` from `reference`, in percent.
#[must_use]
pub fn difference(route: &RouteReport, reference: &RouteReport) -> Difference {
    Difference {
        distance_pct: pct(route.distance_km, reference.distance_km),
        time_pct: pct(route.time_hours, reference.time_hours),
        cost_pct: pct(route.cost_usd, reference.cost_usd),
        co2e_pct: pct(route.co2e_kg, reference.co2e_kg),
    }
}

/// Runs a comparison.
///
/// # Errors
/// Resolution errors; [`Error::NoRoute`] when the reference corridor yields no route (other
/// corridors without a route are listed in [`Comparison::unavailable`]).
pub fn compare(atlas: &Atlas, model: &CostModel<'_>, req: &CompareRequest) -> Result<Comparison> {
    let places = atlas.places();
    let mut notes = Vec::new();
    let r = &req.route;
    let ends = find::resolve_ends(atlas, &places, r, &mut notes)?;
    let avoid = find::resolve_targets(atlas, &places, &r.avoid, "--avoid")?;
    let reference = atlas
        .corridors
        .get(&req.reference)
        .cloned()
        .ok_or_else(|| Error::UnknownName {
            role: "--reference",
            query: req.reference.clone(),
            suggestions: atlas.corridors.list.iter().map(|c| c.id.clone()).collect(),
        })?;
    let others: Vec<Target> = if r.via.is_empty() {
        atlas
            .corridors
            .list
            .iter()
            .filter(|c| c.id != reference.id)
            .cloned()
            .map(Target::Corridor)
            .collect()
    } else {
        find::resolve_targets(atlas, &places, &r.via, "--via")?
    };
    let mut router = Router::new();
    let run = |router: &mut Router, t: &Target| -> Result<(Path, String, Option<String>)> {
        let path = find::search(
            atlas,
            &places,
            model,
            router,
            ends,
            std::slice::from_ref(t),
            &avoid,
            r.objective,
            r.include_planned,
        )?;
        let (label, id) = match t {
            Target::Corridor(c) => (c.name.clone(), Some(c.id.clone())),
            other => (format!("via {}", other.describe(&atlas.network)), None),
        };
        Ok((path, label, id))
    };
    let objective: &'static str = r.objective.as_str();
    let (ref_path, ref_label, ref_id) = run(&mut router, &Target::Corridor(reference.clone()))?;
    let ref_report = report::build(model, &ref_path, ref_label, ref_id, objective);
    let mut routes = vec![Compared {
        vs_reference: difference(&ref_report, &ref_report),
        route: ref_report.clone(),
        is_reference: true,
    }];
    let mut paths = vec![ref_path];
    let mut unavailable = Vec::new();
    for t in &others {
        match run(&mut router, t) {
            Ok((path, label, id)) => {
                let rep = report::build(model, &path, label, id, objective);
                routes.push(Compared {
                    vs_reference: difference(&rep, &ref_report),
                    route: rep,
                    is_reference: false,
                });
                paths.push(path);
            }
            // A corridor rule naming a country or passage this network lacks makes that
            // corridor unavailable here, not the whole comparison (user networks).
            Err(e @ (Error::NoRoute { .. } | Error::UnknownName { .. })) => {
                unavailable.push(Unavailable {
                    label: match t {
                        Target::Corridor(c) => c.name.clone(),
                        other => other.describe(&atlas.network),
                    },
                    reason: e.to_string(),
                })
            }
            Err(e) => return Err(e),
        }
    }
    let net = &atlas.network;
    let place = |n| PlaceRef {
        id: net.node(n).id.clone(),
        name: net.node(n).name.clone(),
    };
    Ok(Comparison {
        from: place(ends.from),
        to: place(ends.to),
        objective,
        reference: reference.id,
        routes,
        unavailable,
        uncertainty: None,
        notes,
        paths,
    })
}
