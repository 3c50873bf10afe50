//! Stage 2, routing: the network as a graph of directed arcs, the shortest-path search over it,
//! and what turns names into nodes, requirements and restrictions.
//!
//! - [`graph`]: every leg as one or two arcs, in compressed sparse row form, built once.
//! - [`router`]: shortest paths over (arc, requirements met) states, with a cost on every arc
//!   and on every stop between two arcs, and places a route must pass.
//! - [`places`]: ids, names, aliases, UN/LOCODEs and `LON,LAT` positions to nodes.
//! - [`selector`]: corridors, passages, nodes, countries, modes and legs to pass or avoid.
//! - [`corridors`]: the corridor rules of `corridors.toml`.
//! - [`atlas`]: a network with its graph, gazetteer and corridors, built once.
//! - [`branch`]: which corridor a route takes, to label routes found without one.
//! - [`suggest`]: "did you mean" for misspelt names.

pub mod atlas;
pub mod branch;
pub mod corridors;
pub mod graph;
pub mod places;
pub mod router;
pub mod selector;
pub mod suggest;

pub use atlas::Atlas;
pub use branch::Branches;
pub use corridors::{Corridor, Corridors};
pub use graph::{ArcIx, Graph};
pub use places::{Gazetteer, Resolved, Snap};
pub use router::{Path, Requirement, Restrictions, Router, Weigher};
pub use selector::{Constraints, Target};
