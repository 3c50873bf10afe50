//! corridor
#![deny(missing_docs)]
pub mod assess;
pub mod assumptions;
pub mod atlas;
pub mod compare;
pub mod corridor;
pub mod error;
pub mod find;
pub mod graph;
pub mod montecarlo;
pub mod network;
pub mod places;
pub mod profile;
pub mod render;
pub mod report;
pub mod router;
pub mod selector;
pub mod sensitivity;
pub mod validate;
pub use assumptions::{Assumptions, Param};
pub use atlas::Atlas;
pub use corridor::{Corridor, Corridors};
pub use error::{Error, Problem, Result};
