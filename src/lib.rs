//! corridor
#![deny(missing_docs)]
pub mod error;
pub mod graph;
pub mod network;
pub mod router;
pub use error::{Error, Problem, Result};
