//! `route completions SHELL` and `route man`: generated from the argument definitions, so
//! they list exactly the commands, flags and formats that exist.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::Status;
use crate::cli::args::Cli;

pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> Result<Status> {
    clap_complete::generate(shell, &mut Cli::command(), "route", out);
    Ok(Status::Ok)
}

pub fn man(out: &mut impl Write) -> Result<Status> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(Status::Ok)
}
