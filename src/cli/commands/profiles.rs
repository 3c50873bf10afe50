//! `route profiles`: each profile's published results beside the model.

use std::io::Write;

use anyhow::Result;

use corridor::questions::reproduce;
use corridor::render;

use crate::cli::Status;
use crate::cli::args::{ProfilesArgs, ProfilesFormat};
use crate::cli::config::Config;

pub fn run(config: &Config, args: &ProfilesArgs, out: &mut impl Write) -> Result<Status> {
    let atlas = config.atlas()?;
    // The baseline is the assumptions file with --set applied, without --profile.
    let profiles = config.profiles()?;
    let checks = profiles
        .list()
        .iter()
        .filter(|p| config.profile.as_ref().is_none_or(|n| *n == p.name))
        .map(|p| reproduce::run(atlas, &config.base_assumptions, p))
        .collect::<corridor::Result<Vec<_>>>()?;
    // Each profile is routed by the objective it names; the record carries no single one.
    let p = config.provenance(None);
    match args.format {
        ProfilesFormat::Json => {
            render::json::answer(&serde_json::json!({ "profiles": checks }), &p, out)?;
        }
        ProfilesFormat::Csv => render::csv::profiles(&checks, &p, out)?,
        ProfilesFormat::Table | ProfilesFormat::Markdown => {
            let markdown = args.format == ProfilesFormat::Markdown;
            render::table::set_layout(render::table::width(), markdown);
            render::table::profiles(&checks, out)?;
            render::table::provenance(&p, out)?;
        }
    }
    Ok(Status::Ok)
}
