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
