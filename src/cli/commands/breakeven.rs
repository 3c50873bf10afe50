//! `route breakeven`: the value of one assumption at which two corridors are equal.

use std::io::Write;

use anyhow::Result;

use corridor::questions::breakeven;
use corridor::questions::compare::Request;
use corridor::render;

use crate::cli::Status;
use crate::cli::args::{BreakevenArgs, BreakevenFormat};
use crate::cli::config::Config;

pub fn run(config: &Config, args: &BreakevenArgs, out: &mut impl Write) -> Result<Status> {
    let atlas = config.atlas()?;
    let ends = config.ends(&args.ends.from, &args.ends.to)?;
    let req = Request {
        from: ends.from,
        to: ends.to,
        reference: config
            .targets(std::slice::from_ref(&args.ends.reference), "--reference")?
            .remove(0),
        others: config.targets(std::slice::from_ref(&args.via), "--via")?,
        avoid: config.avoid(&args.avoid, &ends)?,
        objective: args.by.into(),
        include_planned: config.include_planned,
    };
    let b = breakeven::run(
        atlas,
        &config.assumptions,
        config.cargo_tonnes,
        &req,
        args.metric.into(),
        &args.param,
    )?;
    let p = config.provenance(Some(req.objective));
    match args.format {
        BreakevenFormat::Json => render::json::answer(&b, &p, out)?,
        BreakevenFormat::Table => {
            render::table::breakeven(&b, out)?;
            render::table::provenance(&p, out)?;
        }
    }
    Ok(Status::Ok)
}
