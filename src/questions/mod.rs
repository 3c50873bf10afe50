//! Stage 4, the questions users ask. Each module answers one with a `run` function over an
//! [`crate::Atlas`] and the model:
//!
//! - [`find`]: one route between two places, under constraints.
//! - [`alternatives`]: up to K different routes for one request, labelled by branch.
//! - [`compare`]: the reference corridor beside the best route through each other one.
//! - [`matrix`]: every origin with every destination through each corridor, and the winners.
//! - [`reach`]: every place within a budget of days or dollars from one origin.
//! - [`montecarlo`]: how uncertain assumptions spread a comparison's times and costs.
//! - [`sensitivity`]: which assumptions swing the difference between two corridors most.
//! - [`breakeven`]: the value of one assumption at which two corridors are equal.
//! - [`reproduce`]: each profile's published cases beside the model.
//! - [`backtest`]: real shipments and service times ([`observations`]) beside the model, each
//!   in the world of its date.
//! - [`validate`]: checks of the data beyond loading.

pub mod alternatives;
pub mod backtest;
pub mod breakeven;
pub mod compare;
pub mod find;
pub mod matrix;
pub mod montecarlo;
pub mod observations;
pub mod reach;
pub mod reproduce;
pub mod sensitivity;
pub mod validate;
