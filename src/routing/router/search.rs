//! The two searches behind [`Router::shortest`] and [`Router::shortest_to_many`]: over
//! `(arc, requirements met)` states where stops cost something or a route must pass places,
//! and over nodes where neither (a distance query).

use super::{Entry, NONE, Path, Requirement, Restrictions, Router, Weigher};
use crate::network::NodeIx;
use crate::routing::graph::{ArcIx, Graph};

impl Router {
    /// The search over `(arc, requirements met)` states, with one goal state per target slot.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn over_arcs(
        &mut self,
        graph: &Graph,
        weigher: &impl Weigher,
        from: NodeIx,
        towards: Option<NodeIx>,
        requirements: &[Requirement],
        restrictions: &Restrictions,
        mut remaining: usize,
        found: &mut [Option<Path>],
    ) {
        let k = requirements.len();
        let layers = 1usize << k;
        let full = (layers - 1) as u16;
        let base = graph.arc_count() * layers;
        self.reset(base + found.len());
        let start_mask = self.mark_requirements(graph, requirements, from);
        let usable = |b: ArcIx| restrictions.leg_ok(b.leg()) && restrictions.node_ok(graph.head(b));
        let r = weigher.per_chord();
        let bound = |v: NodeIx| match towards {
            Some(to) if r > 0.0 => r * graph.chord(v, to),
            _ => 0.0,
        };
        for &a in graph.out_arcs(from) {
            if usable(a) {
                let s = a.ix() * layers + (start_mask | self.mask(k, a)) as usize;
                let d = weigher.transfer(from, None, Some(a)) + weigher.arc(a);
                self.relax(s, d, NONE, bound(graph.head(a)));
            }
        }
        while let Some(Entry { cost, state, .. }) = self.heap.pop() {
            let s = state as usize;
            if cost > self.dist(s) {
                continue;
            }
            if s >= base {
                if found[s - base].is_some() {
                    continue;
                }
                found[s - base] = Some(self.path(s, layers, cost));
                remaining -= 1;
                if remaining == 0 {
                    return;
                }
                continue;
            }
            #[allow(clippy::cast_possible_truncation)]
            let (arc, m) = (ArcIx((s / layers) as u32), (s % layers) as u16);
            let v = graph.head(arc);
            let slot = self.slot[v.ix()];
            if slot != NONE && m == full {
                let d = cost + weigher.transfer(v, Some(arc), None);
                self.relax(base + slot as usize, d, state, 0.0);
            }
            for &b in graph.out_arcs(v) {
                // No turning back along the leg just travelled, but where the weigher allows it
                // (a ship's call): a "via" node would otherwise be met by an out-and-back
                // excursion instead of being passed through.
                let back = b.0 == arc.0 ^ 1;
                if (!back || weigher.may_turn_back(v, arc)) && usable(b) {
                    let t = b.ix() * layers + (m | self.mask(k, b)) as usize;
                    let d = cost + weigher.transfer(v, Some(arc), Some(b)) + weigher.arc(b);
                    self.relax(t, d, state, bound(graph.head(b)));
                }
            }
        }
    }

    /// The search over nodes, for weighers without stop costs and queries without requirements
    /// (a sea-distance query): each node's state holds the arc it was reached by.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn over_nodes(
        &mut self,
        graph: &Graph,
        weigher: &impl Weigher,
        from: NodeIx,
        towards: Option<NodeIx>,
        restrictions: &Restrictions,
        mut remaining: usize,
        found: &mut [Option<Path>],
    ) {
        self.reset(graph.node_count());
        let usable = |b: ArcIx| restrictions.leg_ok(b.leg()) && restrictions.node_ok(graph.head(b));
        let r = weigher.per_chord();
        let bound = |v: NodeIx| match towards {
            Some(to) if r > 0.0 => r * graph.chord(v, to),
            _ => 0.0,
        };
        self.set(from.ix(), 0.0, NONE);
        self.heap.push(Entry {
            key: bound(from),
            cost: 0.0,
            state: from.0,
        });
        while let Some(Entry { cost, state, .. }) = self.heap.pop() {
            let v = NodeIx(state);
            if cost > self.dist(v.ix()) {
                continue;
            }
            let slot = self.slot[v.ix()];
            if slot != NONE && found[slot as usize].is_none() {
                let mut arcs = Vec::new();
                let mut at = v;
                while at != from {
                    let arc = ArcIx(self.states[at.ix()].pred);
                    arcs.push(arc);
                    at = graph.tail(arc);
                }
                arcs.reverse();
                found[slot as usize] = Some(Path { arcs, weight: cost });
                remaining -= 1;
                if remaining == 0 {
                    return;
                }
            }
            for &b in graph.out_arcs(v) {
                if usable(b) {
                    let w = graph.head(b);
                    let d = cost + weigher.arc(b);
                    if d < self.dist(w.ix()) {
                        self.set(w.ix(), d, b.0);
                        self.heap.push(Entry {
                            key: d + bound(w),
                            cost: d,
                            state: w.0,
                        });
                    }
                }
            }
        }
    }
}
