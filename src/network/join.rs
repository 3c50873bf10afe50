//! Tying loose leg ends to nodes: a grid of node positions in which an end finds the nearest
//! node within the join tolerance.

use std::collections::HashMap;

use geo::Point;

use super::geodesy::distance_km;
use super::model::{Node, NodeIx};

/// Node positions bucketed by cells of about the join tolerance.
#[derive(Debug)]
pub(crate) struct JoinGrid {
    tolerance_km: f64,
    cell_deg: f64,
    cells: HashMap<(i64, i64), Vec<NodeIx>>,
}

impl JoinGrid {
    /// An empty grid for ends within `tolerance_km` of a node.
    pub(crate) fn new(tolerance_km: f64) -> JoinGrid {
        // 1° of latitude ≈ 111 km; the cell is never smaller than the tolerance in latitude.
        JoinGrid {
            tolerance_km,
            cell_deg: (tolerance_km / 111.0).max(1e-6),
            cells: HashMap::new(),
        }
    }

    fn cell(&self, p: Point<f64>) -> (i64, i64) {
        #[allow(clippy::cast_possible_truncation)]
        (
            (p.x() / self.cell_deg).floor() as i64,
            (p.y() / self.cell_deg).floor() as i64,
        )
    }

    /// Records a node's position.
    pub(crate) fn insert(&mut self, ix: NodeIx, position: Point<f64>) {
        let cell = self.cell(position);
        self.cells.entry(cell).or_default().push(ix);
    }

    /// The node nearest to `p` within the tolerance, if any.
    pub(crate) fn nearest(&self, p: Point<f64>, nodes: &[Node]) -> Option<NodeIx> {
        let (cx, cy) = self.cell(p);
        let mut best: Option<(f64, NodeIx)> = None;
        for dx in -1..=1 {
            for dy in -1..=1 {
                let Some(list) = self.cells.get(&(cx + dx, cy + dy)) else {
                    continue;
                };
                for &n in list {
                    let d = distance_km(nodes[n.ix()].position, p);
                    if d <= self.tolerance_km && best.is_none_or(|(bd, _)| d < bd) {
                        best = Some((d, n));
                    }
                }
            }
        }
        best.map(|(_, n)| n)
    }
}
