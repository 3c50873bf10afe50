//! `route reach`: every place within a budget of days or dollars from one origin.

use std::io::Write;

use anyhow::Result;

use corridor::questions::find::Ends;
use corridor::questions::reach::{self, Request};
use corridor::render;

use crate::cli::Status;
use crate::cli::args::{ReachArgs, ReachFormat};
use crate::cli::config::Config;

pub fn run(config: &Config, args: &ReachArgs, out: &mut impl Write) -> Result<Status> {
    let atlas = config.atlas()?;
    let model = config.model()?;
    let net = atlas.network();
    let r = corridor::questions::find::end(atlas, &args.from, config.max_snap_km)?;
    if let Some(s) = r.snap {
        let n = net.node(r.node);
        eprintln!(
            "route: --from {},{} snapped to {} ({}), {:.1} km away",
            s.lon, s.lat, n.id, n.name, s.distance_km
        );
    }
    // The scenarios' avoidances depend on the destination (routes to Russia are spared the
    // Red Sea avoidance), so each node gets its own list.
    let mut avoid = Vec::with_capacity(net.nodes().len());
    for (to, _) in net.indexed_nodes() {
        let ends = Ends {
            from: r.node,
            to,
            from_snap: None,
            to_snap: None,
        };
        avoid.push(config.avoid(&args.avoid, &ends)?);
    }
    let req = Request {
        from: r.node,
        budget: args.within,
        avoid,
        include_planned: config.include_planned,
    };
    let reach = reach::run(atlas, &model, &req)?;
    if reach.places.is_empty() {
        eprintln!(
            "route: no place is within the budget from {}; raise --within",
            reach.from.id
        );
        return Ok(Status::NoRoute);
    }
    let p = config.provenance(Some(req.budget.objective()));
    match args.format {
        ReachFormat::Table | ReachFormat::Markdown => {
            let markdown = args.format == ReachFormat::Markdown;
            render::table::set_layout(render::table::width(), markdown);
            render::table::reach(&reach, out)?;
            render::table::provenance(&p, out)?;
        }
        ReachFormat::Csv => render::csv::reach(&reach, &p, out)?,
        ReachFormat::Json => render::json::answer(&reach, &p, out)?,
        ReachFormat::Geojson => render::geojson::reach(&reach, &p, out)?,
    }
    Ok(Status::Ok)
}
