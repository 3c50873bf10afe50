//! Shortest routes over the arc graph, with costs charged on arcs and on the transfer between
//! two arcs at a node (change of mode, border, break of gauge), and with places a route must
//! pass.
//!
//! The search runs over states `(arc, passed)`: the arc just travelled and the set of
//! requirements met so far, so that turn costs are exact and "must pass" constraints need no
//! heuristics. With `k` requirements there are `2^k` layers; k is small (a corridor rule and a
//! few `--via` names).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::graph::{ArcIx, Graph};
use crate::network::{LegIx, NodeIx};

/// What a route costs: one number per arc and per transfer, in the objective's unit.
///
/// Weights must be finite and non-negative.
pub trait Weigher {
    /// Cost of travelling an arc.
    fn arc(&self, arc: ArcIx) -> f64;
    /// Cost at `node` of moving from arc `prev` to arc `next`; `None` at the origin or the
    /// destination (a port call where the route starts or ends at sea).
    fn transfer(&self, node: NodeIx, prev: Option<ArcIx>, next: Option<ArcIx>) -> f64;

    /// True when a route may turn back at `node` after arriving on `arc`, leaving along the
    /// same leg (a ship calling at a port on a spur off the lane); by default it may not.
    fn may_turn_back(&self, _node: NodeIx, _arc: ArcIx) -> bool {
        false
    }

    /// A number `r` such that no arc weighs less than `r` times [`Graph::chord`] between its
    /// ends; the router then searches by A* with `r · chord(node, destination)` as its
    /// (consistent) lower bound. 0, the default, is plain Dijkstra.
    fn per_chord(&self) -> f64 {
        0.0
    }

    /// True when [`Weigher::transfer`] is 0 at every stop: with nothing required, the router
    /// then searches over nodes instead of arcs (half the states, no stop pricing), which finds
    /// the same cost because turning back never shortens a route of non-negative weights.
    fn transfers_free(&self) -> bool {
        false
    }
}

/// A set of legs and nodes of which a route must use at least one.
#[derive(Debug, Clone, Default)]
pub struct Requirement {
    /// Legs that satisfy the requirement.
    pub legs: Vec<LegIx>,
    /// Nodes that satisfy the requirement when the route passes them (or starts or ends there).
    pub nodes: Vec<NodeIx>,
}

/// What a query may not use.
#[derive(Debug, Clone, Default)]
pub struct Restrictions {
    /// `false` for legs the route must not use; empty means all allowed.
    pub leg_allowed: Vec<bool>,
    /// `false` for nodes the route must not pass; empty means all allowed.
    pub node_allowed: Vec<bool>,
}

impl Restrictions {
    pub(crate) fn leg_ok(&self, leg: LegIx) -> bool {
        self.leg_allowed.get(leg.ix()).is_none_or(|&b| b)
    }
    pub(crate) fn node_ok(&self, node: NodeIx) -> bool {
        self.node_allowed.get(node.ix()).is_none_or(|&b| b)
    }
}

/// A route found by the router: the arcs in order and the total weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// Arcs from origin to destination.
    pub arcs: Vec<ArcIx>,
    /// Sum of arc and transfer weights, in the objective's unit.
    pub weight: f64,
}

/// Most requirements one query may carry (2^k search layers).
pub const MAX_REQUIREMENTS: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry {
    /// Distance so far plus the lower bound to the destination: the heap's key.
    key: f64,
    /// Distance so far.
    cost: f64,
    state: u32,
}

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        // Reversed: BinaryHeap is a max-heap. Ties broken by state for determinism.
        other
            .key
            .total_cmp(&self.key)
            .then_with(|| other.state.cmp(&self.state))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct State {
    dist: f64,
    pred: u32,
    stamp: u32,
}

/// A reusable shortest-path engine: owns the per-state buffers, so repeated queries on the same
/// graph allocate nothing. Use one `Router` per thread.
#[derive(Debug, Default)]
pub struct Router {
    /// Per state: distance, predecessor and the query that last wrote it, side by side so that
    /// a relaxation touches one cache line (a third of the time on a million legs).
    states: Vec<State>,
    generation: u32,
    heap: BinaryHeap<Entry>,
    arc_mask: Vec<u16>,
    /// Per node: the index of the target it is in the current query, or `NONE`.
    slot: Vec<u32>,
}

impl Router {
    /// A router with empty buffers; they grow on first use.
    #[must_use]
    pub fn new() -> Self {
        Router::default()
    }

    fn reset(&mut self, states: usize) {
        if self.states.len() < states {
            let blank = State {
                dist: f64::INFINITY,
                pred: NONE,
                stamp: 0,
            };
            self.states.resize(states, blank);
        }
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.states.iter_mut().for_each(|s| s.stamp = 0);
            self.generation = 1;
        }
        self.heap.clear();
    }

    fn dist(&self, s: usize) -> f64 {
        let st = &self.states[s];
        if st.stamp == self.generation {
            st.dist
        } else {
            f64::INFINITY
        }
    }

    fn set(&mut self, s: usize, dist: f64, pred: u32) {
        self.states[s] = State {
            dist,
            pred,
            stamp: self.generation,
        };
    }

    /// The cheapest route from `from` to `to` that uses at least one leg or node of every
    /// requirement and nothing the restrictions forbid. A route turns straight back along the
    /// leg it arrived on only where [`Weigher::may_turn_back`] allows it.
    ///
    /// Returns `None` when no such route exists (or `from == to`).
    ///
    /// # Complexity
    /// Dijkstra over `arcs × 2^k` states (A* where the weigher gives a lower bound, which
    /// settles fewer of them): O(S log S) time for S states, O(S) memory kept for the next
    /// query.
    ///
    /// # Panics
    /// If more than [`MAX_REQUIREMENTS`] requirements are given (a programmer error: callers
    /// check the count against user input first).
    pub fn shortest(
        &mut self,
        graph: &Graph,
        weigher: &impl Weigher,
        from: NodeIx,
        to: NodeIx,
        requirements: &[Requirement],
        restrictions: &Restrictions,
    ) -> Option<Path> {
        self.search(
            graph,
            weigher,
            from,
            &[to],
            requirements,
            restrictions,
            true,
        )
        .pop()
        .flatten()
    }

    /// The cheapest route from `from` to each of `targets` (one-to-many), under the same rules
    /// as [`Router::shortest`]: one Dijkstra search that stops once every target is settled,
    /// which is what a matrix row or a reach question needs. The result is in the order of
    /// `targets`; `None` where no route exists or the target is the origin.
    ///
    /// # Panics
    /// As [`Router::shortest`].
    pub fn shortest_to_many(
        &mut self,
        graph: &Graph,
        weigher: &impl Weigher,
        from: NodeIx,
        targets: &[NodeIx],
        requirements: &[Requirement],
        restrictions: &Restrictions,
    ) -> Vec<Option<Path>> {
        self.search(
            graph,
            weigher,
            from,
            targets,
            requirements,
            restrictions,
            false,
        )
    }

    /// The search behind both entry points; `a_star` uses the weigher's chord bound towards the
    /// single target.
    #[allow(clippy::too_many_arguments)]
    fn search(
        &mut self,
        graph: &Graph,
        weigher: &impl Weigher,
        from: NodeIx,
        targets: &[NodeIx],
        requirements: &[Requirement],
        restrictions: &Restrictions,
        a_star: bool,
    ) -> Vec<Option<Path>> {
        assert!(
            requirements.len() <= MAX_REQUIREMENTS,
            "at most {MAX_REQUIREMENTS} requirements"
        );
        let mut found = vec![None; targets.len()];
        if !restrictions.node_ok(from) {
            return found;
        }
        // Each distinct reachable target gets a slot (the index of its first mention).
        self.slot.resize(graph.node_count(), NONE);
        let mut remaining = 0usize;
        for (i, &t) in targets.iter().enumerate() {
            if t != from && restrictions.node_ok(t) && self.slot[t.ix()] == NONE {
                #[allow(clippy::cast_possible_truncation)]
                let i = i as u32;
                self.slot[t.ix()] = i;
                remaining += 1;
            }
        }
        if remaining > 0 {
            let towards = if a_star && targets.len() == 1 {
                Some(targets[0])
            } else {
                None
            };
            if requirements.is_empty() && weigher.transfers_free() {
                self.over_nodes(
                    graph,
                    weigher,
                    from,
                    towards,
                    restrictions,
                    remaining,
                    &mut found,
                );
            } else {
                self.over_arcs(
                    graph,
                    weigher,
                    from,
                    towards,
                    requirements,
                    restrictions,
                    remaining,
                    &mut found,
                );
            }
        }
        for (i, &t) in targets.iter().enumerate() {
            let first = self.slot[t.ix()];
            if first != NONE && first as usize != i {
                found[i] = found[first as usize].clone();
            }
        }
        for &t in targets {
            self.slot[t.ix()] = NONE;
        }
        found
    }

    /// Records which requirements each arc meets (by its leg, or by the node it enters) and
    /// returns those the origin meets.
    fn mark_requirements(
        &mut self,
        graph: &Graph,
        requirements: &[Requirement],
        from: NodeIx,
    ) -> u16 {
        if requirements.is_empty() {
            return 0;
        }
        self.arc_mask.clear();
        self.arc_mask.resize(graph.arc_count(), 0);
        let mut node_mask = vec![0u16; graph.node_count()];
        for (r, req) in requirements.iter().enumerate() {
            let bit = 1u16 << r;
            for &leg in &req.legs {
                self.arc_mask[2 * leg.ix()] |= bit;
                self.arc_mask[2 * leg.ix() + 1] |= bit;
            }
            for &n in &req.nodes {
                node_mask[n.ix()] |= bit;
            }
        }
        for (a, m) in self.arc_mask.iter_mut().enumerate() {
            #[allow(clippy::cast_possible_truncation)]
            let head = graph.head(ArcIx(a as u32));
            *m |= node_mask[head.ix()];
        }
        node_mask[from.ix()]
    }

    /// The requirements an arc meets (none when the query has none).
    #[inline]
    fn mask(&self, k: usize, a: ArcIx) -> u16 {
        if k > 0 { self.arc_mask[a.ix()] } else { 0 }
    }

    /// Lowers a state's distance if `d` is better, remembering the predecessor; `bound` is the
    /// lower bound from the state's node to the destination.
    #[inline]
    fn relax(&mut self, s: usize, d: f64, pred: u32, bound: f64) {
        debug_assert!(
            d.is_finite() && d >= 0.0,
            "weights must be finite and non-negative"
        );
        if d < self.dist(s) {
            self.set(s, d, pred);
            #[allow(clippy::cast_possible_truncation)]
            self.heap.push(Entry {
                key: d + bound,
                cost: d,
                state: s as u32,
            });
        }
    }

    fn path(&self, goal: usize, layers: usize, weight: f64) -> Path {
        let mut arcs = Vec::new();
        let mut s = self.states[goal].pred;
        while s != NONE {
            #[allow(clippy::cast_possible_truncation)]
            arcs.push(ArcIx((s as usize / layers) as u32));
            s = self.states[s as usize].pred;
        }
        arcs.reverse();
        Path { arcs, weight }
    }
}

mod search;
#[cfg(test)]
mod tests;
