//! Which corridor a route takes: the most specific corridor whose rules the route meets, to
//! label a route found without one (a reach, an alternative) by its branch.

use super::router::{Path, Requirement};
use super::selector::{self, Target};
use super::{Atlas, Graph};
use crate::error::Result;
use crate::network::NodeIx;

/// Each corridor's rules, resolved once for a network.
#[derive(Debug, Clone)]
pub struct Branches {
    /// Corridor id and its constraints (planned legs allowed: a branch is a shape, not a
    /// status), most requirements first, then file order.
    list: Vec<(String, selector::Constraints)>,
}

fn meets(r: &Requirement, path: &Path, nodes: &[NodeIx]) -> bool {
    path.arcs.iter().any(|a| r.legs.contains(&a.leg())) || nodes.iter().any(|n| r.nodes.contains(n))
}

impl Branches {
    /// Resolves every corridor of the atlas; a corridor naming what the network lacks is left
    /// out (no route can take it).
    ///
    /// # Errors
    /// Corridor-rule errors other than a missing name.
    pub fn new(atlas: &Atlas) -> Result<Branches> {
        let mut list = Vec::new();
        for c in atlas.corridors().list() {
            match selector::constraints(atlas, &[Target::Corridor(c.clone())], &[], true) {
                Ok(k) => list.push((c.id.clone(), k)),
                Err(crate::Error::UnknownName { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        list.sort_by_key(|(_, k)| std::cmp::Reverse(k.requirements.len()));
        Ok(Branches { list })
    }

    /// The id of the most specific corridor `path` satisfies (every requirement met, nothing
    /// avoided), or `None`.
    #[must_use]
    pub fn of(&self, graph: &Graph, path: &Path) -> Option<&str> {
        let first = path.arcs.first()?;
        let nodes: Vec<NodeIx> = std::iter::once(graph.tail(*first))
            .chain(path.arcs.iter().map(|&a| graph.head(a)))
            .collect();
        self.list
            .iter()
            .find(|(_, k)| {
                k.requirements.iter().all(|r| meets(r, path, &nodes))
                    && path.arcs.iter().all(|a| k.restrictions.leg_ok(a.leg()))
                    && nodes.iter().all(|&n| k.restrictions.node_ok(n))
            })
            .map(|(id, _)| id.as_str())
    }
}
