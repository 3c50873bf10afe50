//! `route export`: the whole network as styled GeoJSON.

use std::io::Write;

use anyhow::Result;

use corridor::render;

use crate::cli::Status;
use crate::cli::config::Config;

pub fn run(config: &Config, out: &mut impl Write) -> Result<Status> {
    let p = config.provenance(None);
    render::geojson::network(config.atlas()?.network(), &p, out)?;
    Ok(Status::Ok)
}
