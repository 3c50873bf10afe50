//! Stage 3, the model: what legs and stops cost in km, hours, USD per TEU and kg CO2e per TEU.
//!
//! - [`assumptions`]: every speed, dwell, rate and emission factor with unit, range and
//!   source, read from `assumptions.toml` ([`assumptions_file`]) and overridable key by key.
//! - [`domain`]: the values each unit can physically take, checked where a value enters.
//! - [`params`]: the assumptions as the numbers the model reads ([`Params`]).
//! - [`stops`]: why and where a route stops, and what a stop costs.
//! - [`pricing`]: what a leg costs, and the one function that prices a path.
//! - [`metrics`]: the quantities ([`Metrics`], [`Objective`], [`Metric`]).
//! - [`report`]: a priced path as the user sees it ([`RouteReport`]).
//! - [`profiles`]: named sets of assumptions that reproduce published studies.
//! - [`scenarios`]: named what-ifs (a passage avoided, a line built) with their sources.

pub mod assumptions;
pub mod assumptions_file;
pub mod domain;
pub mod metrics;
pub mod params;
pub mod pricing;
pub mod profiles;
pub mod report;
pub mod scenarios;
pub mod stops;

pub use assumptions::{Assumptions, Param};
pub use metrics::{KM_PER_NM, Metric, Metrics, Objective, Unit};
pub use params::{Layout, Params, Scalar};
pub use pricing::{CostModel, Pricing, price_path};
pub use profiles::{Profile, Profiles};
pub use report::RouteReport;
pub use scenarios::{Scenario, Scenarios, World};
pub use stops::{StopReason, StopReasons};

#[cfg(test)]
mod tests;
