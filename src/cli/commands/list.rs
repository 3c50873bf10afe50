//! `route list`: the nodes, legs, corridors or passages of the network.

use std::io::Write;

use anyhow::Result;

use corridor::render::{self, json, table};

use crate::cli::Status;
use crate::cli::args::{ListArgs, ListFormat, ListWhat};
use crate::cli::config::Config;

pub fn run(config: &Config, args: &ListArgs, out: &mut impl Write) -> Result<Status> {
    let atlas = config.atlas()?;
    let net = atlas.network();
    let as_json = args.format == ListFormat::Json;
    if args.format == ListFormat::Csv {
        let p = config.provenance(None);
        match args.what {
            ListWhat::Nodes => render::csv::nodes(net, &p, out)?,
            ListWhat::Legs => render::csv::legs(net, &p, out)?,
            ListWhat::Corridors => render::csv::corridors(atlas.corridors(), &p, out)?,
            ListWhat::Passages => render::csv::passages(net, &p, out)?,
        }
        return Ok(Status::Ok);
    }
    table::set_layout(table::width(), args.format == ListFormat::Markdown);
    match args.what {
        ListWhat::Nodes if as_json => json::nodes(net, out)?,
        ListWhat::Nodes => table::nodes(net, out)?,
        ListWhat::Legs if as_json => json::legs(net, out)?,
        ListWhat::Legs => table::legs(net, out)?,
        ListWhat::Corridors if as_json => json::write(&atlas.corridors().list(), out)?,
        ListWhat::Corridors => table::corridors(atlas.corridors(), out)?,
        ListWhat::Passages if as_json => json::write(&net.passages(), out)?,
        ListWhat::Passages => table::passages(net, out)?,
    }
    Ok(Status::Ok)
}
