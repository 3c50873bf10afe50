//! One file per command: each a `run(&Config, its arguments, output) -> Result<Status>`.

pub mod assumptions;
pub mod backtest;
pub mod breakeven;
pub mod compare;
pub mod export;
pub mod find;
pub mod help;
pub mod list;
pub mod matrix;
pub mod prepare;
pub mod profiles;
pub mod reach;
pub mod scenarios;
pub mod sensitivity;
pub mod validate;

/// The comparison `sensitivity` and `breakeven` ask about: the reference against one other
/// corridor or passage between the ends, with the scenarios' avoidances for those ends.
pub(crate) fn one_against_one(
    config: &crate::cli::config::Config,
    ends: &crate::cli::args::ComparedEnds,
    via: &str,
    avoid: &[String],
    by: crate::cli::args::ByArg,
) -> anyhow::Result<corridor::questions::compare::Request> {
    let e = config.ends(&ends.from, &ends.to)?;
    Ok(corridor::questions::compare::Request {
        from: e.from,
        to: e.to,
        reference: config
            .targets(std::slice::from_ref(&ends.reference), "--reference")?
            .remove(0),
        others: config.targets(&[via.to_string()], "--via")?,
        avoid: config.avoid(avoid, &e)?,
        objective: by.into(),
        include_planned: config.include_planned,
    })
}
