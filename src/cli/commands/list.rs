//! `route list`: the nodes, legs, corridors or passages of the network.

use std::io::Write;

use anyhow::Result;

use corridor::render::{json, table};

use crate::cli::Status;
use crate::cli::args::{ListArgs, ListFormat, ListWhat};
use crate::cli::config::Config;

pub fn run(config: &Config, args: &ListArgs, out: &mut impl Write) -> Result<Status> {
    let atlas = config.atlas()?;
    let net = atlas.network();
    let as_json = args.format == ListFormat::Json;
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
