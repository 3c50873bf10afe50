//! `route assumptions`: every assumption with value, range, unit and source.

use std::io::Write;

use anyhow::Result;

use corridor::render;

use crate::cli::Status;
use crate::cli::args::{AssumptionsArgs, AssumptionsFormat};
use crate::cli::config::Config;

pub fn run(config: &Config, args: &AssumptionsArgs, out: &mut impl Write) -> Result<Status> {
    let a = &config.assumptions;
    match args.format {
        AssumptionsFormat::Json => render::json::write(&a.params(), out)?,
        AssumptionsFormat::Csv => render::csv::assumptions(a, &config.provenance(None), out)?,
        AssumptionsFormat::Table | AssumptionsFormat::Markdown => {
            let markdown = args.format == AssumptionsFormat::Markdown;
            render::table::set_layout(render::table::width(), markdown);
            if args.brief {
                render::table::assumptions_brief(a, out)?;
            } else {
                render::table::assumptions(a, out)?;
            }
        }
    }
    Ok(Status::Ok)
}
