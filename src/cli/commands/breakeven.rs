//! `route breakeven`: the value of one assumption at which two corridors are equal.

use std::io::Write;

use anyhow::Result;

use corridor::questions::breakeven;
use corridor::render;

use crate::cli::Status;
use crate::cli::args::{BreakevenArgs, BreakevenFormat};
use crate::cli::config::Config;

pub fn run(config: &Config, args: &BreakevenArgs, out: &mut impl Write) -> Result<Status> {
    let atlas = config.atlas()?;
    let req = super::one_against_one(config, &args.ends, &args.via, &args.avoid, args.by)?;
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
