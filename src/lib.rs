//! `corridor`: multimodal freight routes (sea, rail, road, ferry) over a GeoJSON network, and
//! the comparison of corridors such as the International North–South Transport Corridor
//! (INSTC) with the routes through Suez and around the Cape.
//!
//! The data flows through five stages, one folder each:
//!
//! 1. [`network`]: the model (nodes, legs, modes) read from GeoJSON with a report of every
//!    problem, and written back; leg lengths are geodesic on the WGS84 ellipsoid, in km.
//! 2. [`routing`]: every leg as directed arcs, the shortest-path search with stop costs and
//!    "must pass" requirements, and the places, names and corridor rules that become its
//!    inputs ([`Atlas`] holds them, built once).
//! 3. [`model`]: what legs and stops cost in km, hours, USD per TEU and kg CO2e per TEU under
//!    [`Assumptions`], and a priced path as a [`model::RouteReport`].
//! 4. [`questions`]: the questions users ask (find and its alternatives, compare, matrix,
//!    reach, break-even, Monte Carlo, sensitivity, the published studies, the backtest,
//!    validation), each a `run` function.
//! 5. [`render`]: tables (boxes or Markdown), CSV, JSON, GeoJSON, geojson.io links and SVG
//!    maps, written to any `io::Write`.
//!
//! [`embedded`] holds the data compiled in; [`error`] the one error type; [`provenance`] the
//! record of how an output was made.
//!
//! # Example
//! ```
//! use corridor::model::{CostModel, Params};
//! use corridor::questions::compare;
//! use corridor::{Assumptions, Atlas};
//!
//! let atlas = Atlas::embedded()?;
//! let model = CostModel::new(atlas.network(), Params::from_assumptions(&Assumptions::embedded()?)?);
//! // Nhava Sheva → Moscow, the INSTC against the route through Suez.
//! let query = compare::Query { via: vec!["suez".into()], ..Default::default() };
//! let c = compare::run(&atlas, &model, &query.resolve(&atlas)?)?;
//! assert_eq!(c.routes.len(), 2);
//! assert!(c.routes[1].route.passages.contains(&"suez".to_string()));
//! # Ok::<(), corridor::Error>(())
//! ```

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod embedded;
pub mod error;
pub mod model;
pub mod network;
pub mod provenance;
pub mod questions;
pub mod render;
pub mod routing;

pub use error::{Error, Problem, Result};
pub use model::{Assumptions, Param};
pub use routing::{Atlas, Corridor, Corridors};
