//! `route find`: one route, leg by leg.

use std::io::Write;

use anyhow::Result;

use corridor::questions::find::{self, Request};
use corridor::render;

use crate::cli::Status;
use crate::cli::args::{FindArgs, FindFormat};
use crate::cli::config::Config;

pub fn run(config: &Config, args: &FindArgs, out: &mut impl Write) -> Result<Status> {
    let atlas = config.atlas()?;
    let model = config.model()?;
    let ends = config.ends(&args.from, &args.to)?;
    let req = Request {
        from: ends.from,
        to: ends.to,
        via: config.targets(&args.route.via, "--via")?,
        avoid: config.avoid(&args.route.avoid, &ends)?,
        objective: args.route.by.into(),
        include_planned: config.include_planned,
    };
    let r =
        find::run(atlas, &model, &req).map_err(|e| match config.scenario_avoidances(&ends) {
            Some(note) if e.is_no_route() => anyhow::Error::new(e).context(note),
            _ => e.into(),
        })?;
    let p = config.provenance(Some(req.objective));
    match args.format {
        FindFormat::Table => {
            render::table::route(&r, out)?;
            render::table::provenance(&p, out)?;
        }
        FindFormat::Json => render::json::answer(&r, &p, out)?,
        FindFormat::Geojson => render::geojson::route(&r, &p, out)?,
    }
    Ok(Status::Ok)
}
