//! `route sensitivity`: the assumptions ranked by how far they swing a difference.

use std::io::Write;

use anyhow::Result;

use corridor::questions::sensitivity;
use corridor::render;

use crate::cli::Status;
use crate::cli::args::{SensitivityArgs, SensitivityFormat};
use crate::cli::config::Config;

pub fn run(config: &Config, args: &SensitivityArgs, out: &mut impl Write) -> Result<Status> {
    let atlas = config.atlas()?;
    let req = super::one_against_one(config, &args.ends, &args.via, &args.avoid, args.by)?;
    let mut s = sensitivity::run(
        atlas,
        &config.assumptions,
        config.cargo_tonnes,
        &req,
        args.metric.into(),
    )?;
    let p = config.provenance(Some(req.objective));
    // Rows with no swing say nothing about the difference; they go unless asked for.
    let moves = |x: &corridor::questions::sensitivity::Swing| x.swing > 1e-9;
    let still = s.swings.iter().filter(|x| !moves(x)).count();
    if !args.all {
        s.swings.retain(moves);
    }
    let hidden = s.swings.len().saturating_sub(args.top);
    s.swings.truncate(args.top);
    match args.format {
        SensitivityFormat::Json => render::json::answer(&s, &p, out)?,
        SensitivityFormat::Csv => render::csv::sensitivity(&s, args.top, &p, out)?,
        SensitivityFormat::Table | SensitivityFormat::Markdown => {
            let markdown = args.format == SensitivityFormat::Markdown;
            render::table::set_layout(render::table::width(), markdown);
            render::table::sensitivity(&s, args.top, out)?;
            if hidden > 0 {
                writeln!(
                    out,
                    "{hidden} more assumptions with smaller swings (--top to show them)"
                )?;
            }
            if still > 0 && !args.all {
                writeln!(
                    out,
                    "{still} assumptions do not move the difference (--all lists them)"
                )?;
            }
            render::table::provenance(&p, out)?;
        }
    }
    Ok(Status::Ok)
}
