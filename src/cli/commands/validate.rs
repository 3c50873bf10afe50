//! `route validate`: the network, corridors and assumptions checked, as a report.

use std::io::Write;

use anyhow::Result;

use corridor::questions::validate;

use crate::cli::Status;
use crate::cli::config::Config;
use crate::cli::hints;

pub fn run(config: &Config, out: &mut impl Write) -> Result<Status> {
    let atlas = match config.loaded() {
        Ok(a) => a,
        Err(e) => {
            // Loading problems are the report: print them on stdout, one per line.
            writeln!(out, "{}", hints::describe(e))?;
            writeln!(out, "FAILED")?;
            eprintln!("route: error: the network did not load; see the report on stdout");
            return Ok(Status::Error);
        }
    };
    let report = validate::run(atlas);
    writeln!(out, "{report}")?;
    // Config::load resolved the parameters, so every key the model needs is present.
    writeln!(
        out,
        "assumptions: {} parameters, all the model needs are present",
        config.assumptions.params().len()
    )?;
    if report.is_ok() {
        Ok(Status::Ok)
    } else {
        eprintln!(
            "route: error: {} problem(s); see the report on stdout",
            report.errors.len()
        );
        Ok(Status::Error)
    }
}
