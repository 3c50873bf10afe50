//! `route backtest`: observations routed as they ran, beside what was observed.

use std::fs;
use std::io::Write;

use anyhow::{Context, Result, bail};

use corridor::provenance::Input;
use corridor::questions::{backtest, observations};
use corridor::render;

use crate::cli::Status;
use crate::cli::args::{BacktestArgs, BacktestFormat};
use crate::cli::config::Config;

pub fn run(config: &Config, args: &BacktestArgs, out: &mut impl Write) -> Result<Status> {
    if config.scenario_named() {
        bail!(
            "--scenario: the backtest routes each observation in the scenarios in force at its \
             date (`route scenarios` lists their periods)"
        );
    }
    let (list, input) = match &args.observations {
        Some(path) => {
            let text = fs::read_to_string(path)
                .with_context(|| format!("cannot read observations file {}", path.display()))?;
            let name = path.display().to_string();
            (
                observations::parse(&text, &name)?,
                Input::file("observations", &name, text.as_bytes()),
            )
        }
        None => (observations::embedded()?, Input::embedded("observations")),
    };
    let network = config.network_before_scenarios()?;
    let scenarios = config.scenarios()?;
    let inputs = backtest::Inputs {
        network: &network,
        corridors: config.atlas()?.corridors(),
        assumptions: &config.profiled,
        overrides: &config.overrides,
        scenarios: &scenarios,
    };
    let b = backtest::run(&inputs, &list)?;
    let mut p = config.provenance(Some(corridor::model::Objective::Time));
    p.scenarios = vec!["those in force at each date".into()];
    p.scenarios_in_force.clear();
    p.inputs.push(input);
    match args.format {
        BacktestFormat::Json => render::json::answer(&b, &p, out)?,
        BacktestFormat::Table => {
            render::table::backtest(&b, args.worst, out)?;
            render::table::provenance(&p, out)?;
        }
    }
    Ok(Status::Ok)
}
