//! `route export`: the whole network as styled GeoJSON.

use std::io::Write;

use anyhow::Result;

use corridor::render;

use crate::cli::Status;
use crate::cli::args::{ExportArgs, ExportFormat};
use crate::cli::config::Config;

pub fn run(config: &Config, args: &ExportArgs, out: &mut impl Write) -> Result<Status> {
    // The network as loaded, before any scenario: reading the file back and asking in the same
    // scenario gives the same answers.
    let mut p = config.provenance(None);
    p.scenarios.clear();
    p.scenarios_in_force.clear();
    let net = config.network_before_scenarios()?;
    match args.format {
        ExportFormat::Geojson => render::geojson::network(&net, &p, out)?,
        ExportFormat::Csv => render::csv::legs(&net, &p, out)?,
        ExportFormat::Svg => {
            let land = render::map::Basemap::embedded_land()?;
            out.write_all(render::map::network(&net, "corridor: the network", &land).as_bytes())?;
        }
    }
    Ok(Status::Ok)
}
