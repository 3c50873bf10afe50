//! The routing graph: every leg as one or two directed arcs, indexed by tail node (CSR).
//!
//! Built once from a [`Network`]; what a route may use and what it costs are decided per query
//! by the router, so scenarios re-weight the same graph without rebuilding it.

use crate::network::geodesy::unit_vector;
use crate::network::{LegIx, Network, NodeIx};

/// A directed traversal of a leg: arc `2·leg` runs `from → to`, arc `2·leg + 1` runs back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArcIx(pub u32);

impl ArcIx {
    /// The leg this arc traverses.
    #[must_use]
    pub fn leg(self) -> LegIx {
        LegIx(self.0 >> 1)
    }

    /// True when the arc runs in the leg's own direction (`from → to`).
    #[must_use]
    pub fn is_forward(self) -> bool {
        self.0 & 1 == 0
    }

    /// The arc as `usize`.
    #[must_use]
    pub fn ix(self) -> usize {
        self.0 as usize
    }
}

/// Adjacency of a network in compressed sparse row form.
#[derive(Debug, Clone)]
pub struct Graph {
    first_out: Vec<u32>,
    out: Vec<ArcIx>,
    tail: Vec<NodeIx>,
    head: Vec<NodeIx>,
    /// Each node's position as a unit vector, for the router's lower bounds.
    unit: Vec<[f64; 3]>,
}

impl Graph {
    /// Builds the graph: two arcs per leg, one for a one-way leg.
    ///
    /// # Complexity
    /// O(nodes + legs) time and memory.
    ///
    /// # Panics
    /// If the network has 2^31 legs or more.
    #[must_use]
    pub fn build(net: &Network) -> Graph {
        let arcs = net.legs().len() * 2;
        assert!(
            u32::try_from(arcs).is_ok(),
            "network has too many legs for 32-bit arc indices"
        );
        let mut tail = Vec::with_capacity(arcs);
        let mut head = Vec::with_capacity(arcs);
        let mut degree = vec![0u32; net.nodes().len() + 1];
        for leg in net.legs() {
            tail.push(leg.from);
            head.push(leg.to);
            tail.push(leg.to);
            head.push(leg.from);
            degree[leg.from.ix()] += 1;
            if !leg.one_way {
                degree[leg.to.ix()] += 1;
            }
        }
        let mut first_out = Vec::with_capacity(net.nodes().len() + 1);
        let mut sum = 0u32;
        for d in &degree[..net.nodes().len()] {
            first_out.push(sum);
            sum += d;
        }
        first_out.push(sum);
        let mut fill = first_out.clone();
        let mut out = vec![ArcIx(0); sum as usize];
        for (l, leg) in net.legs().iter().enumerate() {
            #[allow(clippy::cast_possible_truncation)]
            let fwd = ArcIx((2 * l) as u32);
            let slot = &mut fill[leg.from.ix()];
            out[*slot as usize] = fwd;
            *slot += 1;
            if !leg.one_way {
                let slot = &mut fill[leg.to.ix()];
                out[*slot as usize] = ArcIx(fwd.0 + 1);
                *slot += 1;
            }
        }
        let unit = net
            .nodes()
            .iter()
            .map(|n| unit_vector(n.position))
            .collect();
        Graph {
            first_out,
            out,
            tail,
            head,
            unit,
        }
    }

    /// The chord between two nodes on the unit sphere: a lower bound of the distance between
    /// them that obeys the triangle inequality, and costs no trigonometry.
    #[must_use]
    #[inline]
    pub fn chord(&self, a: NodeIx, b: NodeIx) -> f64 {
        let (p, q) = (self.unit[a.ix()], self.unit[b.ix()]);
        ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
    }

    /// Number of arc slots (twice the number of legs).
    #[must_use]
    pub fn arc_count(&self) -> usize {
        self.tail.len()
    }

    /// Number of nodes.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.first_out.len() - 1
    }

    /// Arcs leaving a node.
    #[must_use]
    pub fn out_arcs(&self, node: NodeIx) -> &[ArcIx] {
        let (a, b) = (
            self.first_out[node.ix()] as usize,
            self.first_out[node.ix() + 1] as usize,
        );
        &self.out[a..b]
    }

    /// The node an arc leaves.
    #[must_use]
    pub fn tail(&self, arc: ArcIx) -> NodeIx {
        self.tail[arc.ix()]
    }

    /// The node an arc enters.
    #[must_use]
    pub fn head(&self, arc: ArcIx) -> NodeIx {
        self.head[arc.ix()]
    }

    /// Nodes reachable from `start` over any arc, as a flag per node (for connectivity checks).
    #[must_use]
    pub fn reachable(&self, start: NodeIx) -> Vec<bool> {
        let mut seen = vec![false; self.node_count()];
        let mut stack = vec![start];
        seen[start.ix()] = true;
        while let Some(n) = stack.pop() {
            for &a in self.out_arcs(n) {
                let h = self.head(a);
                if !seen[h.ix()] {
                    seen[h.ix()] = true;
                    stack.push(h);
                }
            }
        }
        seen
    }
}
