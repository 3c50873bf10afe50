//! `route export`: the whole network as styled GeoJSON.

use std::io::Write;

use anyhow::Result;

use corridor::render;

use crate::cli::Status;
use crate::cli::config::Config;

pub fn run(config: &Config, out: &mut impl Write) -> Result<Status> {
    // The network as loaded, before any scenario: reading the file back and asking in the same
    // scenario gives the same answers.
    let mut p = config.provenance(None);
    p.scenarios.clear();
    p.scenarios_in_force.clear();
    render::geojson::network(&config.network_before_scenarios()?, &p, out)?;
    Ok(Status::Ok)
}
