//! `route scenarios`: the named worlds, when each held and what each changes.

use std::io::Write;

use anyhow::Result;

use corridor::render;

use crate::cli::Status;
use crate::cli::args::{ScenariosArgs, ScenariosFormat};
use crate::cli::config::Config;

pub fn run(config: &Config, args: &ScenariosArgs, out: &mut impl Write) -> Result<Status> {
    let s = config.scenarios()?;
    match args.format {
        ScenariosFormat::Json => render::json::write(&s.list(), out)?,
        ScenariosFormat::Table => render::table::scenarios(&s, &config.world.scenarios, out)?,
    }
    Ok(Status::Ok)
}
