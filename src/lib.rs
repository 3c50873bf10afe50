//! `corridor`: multimodal freight routes (sea, rail, road, ferry) over a GeoJSON network, and
//! the comparison of corridors such as the International North–South Transport Corridor
//! (INSTC) with the routes through Suez and around the Cape.
//!
//! The data flows through the modules in this order:
//!
//! - [`network`]: the model (nodes, legs, modes) and GeoJSON loading with a problem report;
//!   leg lengths are geodesic on the WGS84 ellipsoid, in km.
//! - [`graph`]: every leg as directed arcs in CSR form, built once.
//! - [`router`]: shortest paths over (arc, requirements met) states, with a cost on every arc
//!   and on every stop between two arcs; [`places`] and [`selector`] turn names into nodes,
//!   requirements and restrictions; [`corridor`] holds the corridor rules.
//! - [`assess`]: what legs and stops cost in km, hours, USD per TEU and kg CO2e per TEU under
//!   [`Assumptions`]; [`report`] turns a path into a [`report::RouteReport`].
//! - [`find`], [`compare`], [`montecarlo`], [`sensitivity`], [`profile`]: the questions users
//!   ask; [`validate`] checks data beyond loading.
//! - [`render`]: tables, JSON and GeoJSON written to any `io::Write`.
//!
//! # Example
//! ```
//! use corridor::assess::{CostModel, Params};
//! use corridor::compare::{compare, CompareRequest};
//! use corridor::{Assumptions, Atlas};
//!
//! let atlas = Atlas::embedded()?;
//! let model = CostModel::new(&atlas.network, Params::from_assumptions(&Assumptions::embedded()?)?);
//! let mut req = CompareRequest::default(); // Nhava Sheva → Moscow, INSTC as the reference
//! req.route.via = vec!["suez".into()];
//! let c = compare(&atlas, &model, &req)?;
//! assert_eq!(c.routes.len(), 2);
//! assert!(c.routes[1].route.passages.contains(&"suez".to_string()));
//! # Ok::<(), corridor::Error>(())
//! ```

#![deny(missing_docs)]
#![forbid(unsafe_code)]

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
