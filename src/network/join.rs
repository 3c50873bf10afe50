//! Tying lines that carry no `from`/`to` into a network: every vertex of such a line is
//! matched to the places near it, and the line becomes a leg between each two consecutive
//! vertices that are places. A vertex is a place when it is a line's end, when a Point node
//! lies within the join tolerance of it, or when another line passes within the tolerance at
//! one of its own vertices (a T-junction or a crossing that shares a vertex, as OpenStreetMap
//! ways and published sea-lane networks are drawn).
//!
//! Distances are chords between unit vectors, which are exact on the sphere at every latitude
//! and across ±180° (a degree grid is neither); at the tolerances used (tens of metres) the
//! sphere differs from the ellipsoid by under 0.5 %. Vertices are bucketed in a hash grid of
//! cubes twice the tolerance wide, so that each lookup probes the 8 cubes it can reach.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use geo::{LineString, Point};
use rustc_hash::FxHasher;

use super::geodesy::{chord_of_km, geodesic_km, unit_vector};
use super::model::{Leg, NodeIx};

/// A cluster of positions within the tolerance of its first one.
pub(crate) type ClusterIx = u32;

/// What the joiner learnt about a cluster.
#[derive(Debug, Clone)]
pub(crate) struct Cluster {
    /// Unit vector of its first position.
    rep: [f64; 3],
    /// Its first position (longitude normalised).
    pub(crate) position: Point<f64>,
    /// The Point node it was seeded with, if any.
    pub(crate) node: Option<u32>,
    /// True when some line ends here.
    pub(crate) end: bool,
    /// The first line with a vertex here, and whether another one has one too.
    first_line: u32,
    shared: bool,
    /// The next cluster in the same cube (`NONE` at the end).
    next_in_cube: ClusterIx,
}

impl Cluster {
    /// Whether the cluster is a place where legs meet or end.
    pub(crate) fn is_place(&self) -> bool {
        self.node.is_some() || self.end || self.shared
    }
}

/// The first cluster of each cube; the others follow through `next_in_cube`, so a cube costs
/// no allocation of its own.
type Cells = HashMap<[i64; 3], ClusterIx, BuildHasherDefault<FxHasher>>;

/// End of a cube's list.
const NONE: ClusterIx = ClusterIx::MAX;

/// Greedy clustering of positions: each joins the nearest cluster whose first position lies
/// within the tolerance, or starts one. Not transitive, so a line sampled more densely than
/// the tolerance does not collapse into one place.
#[derive(Debug)]
pub(crate) struct Joiner {
    /// The cluster each exact position already joined: most lines that meet share their end
    /// coordinates exactly, and one lookup here spares the eight cubes and two sines.
    exact: HashMap<[u64; 2], ClusterIx, BuildHasherDefault<FxHasher>>,
    chord: f64,
    /// 1 / cube width.
    inverse: f64,
    cells: Cells,
    clusters: Vec<Cluster>,
}

/// No line yet.
const NO_LINE: u32 = u32::MAX;

impl Joiner {
    /// A joiner for positions within `tolerance_km` of each other.
    pub(crate) fn new(tolerance_km: f64) -> Joiner {
        let chord = chord_of_km(tolerance_km.max(1e-9));
        Joiner {
            exact: HashMap::default(),
            chord,
            inverse: 1.0 / (2.0 * chord),
            cells: Cells::default(),
            clusters: Vec::new(),
        }
    }

    /// The clusters made.
    pub(crate) fn clusters(&self) -> &[Cluster] {
        &self.clusters
    }

    #[allow(clippy::cast_possible_truncation)]
    fn scaled(&self, v: [f64; 3]) -> [f64; 3] {
        [
            v[0] * self.inverse,
            v[1] * self.inverse,
            v[2] * self.inverse,
        ]
    }

    fn push(&mut self, v: [f64; 3], position: Point<f64>, node: Option<u32>) -> ClusterIx {
        let ix = ClusterIx::try_from(self.clusters.len()).expect("fewer than 2^32 places");
        let s = self.scaled(v);
        #[allow(clippy::cast_possible_truncation)]
        let cube = [
            s[0].floor() as i64,
            s[1].floor() as i64,
            s[2].floor() as i64,
        ];
        let head = self.cells.entry(cube).or_insert(NONE);
        let next_in_cube = std::mem::replace(head, ix);
        self.clusters.push(Cluster {
            rep: v,
            position,
            node,
            end: false,
            first_line: NO_LINE,
            shared: false,
            next_in_cube,
        });
        ix
    }

    /// Seeds a cluster with a Point node, whatever lies near it (two Points are two places).
    pub(crate) fn seed(&mut self, position: Point<f64>, node: u32) -> ClusterIx {
        self.push(unit_vector(position), position, Some(node))
    }

    /// The nearest cluster within the tolerance of `v`.
    fn nearest(&self, v: [f64; 3]) -> Option<ClusterIx> {
        let s = self.scaled(v);
        // Each coordinate is within one tolerance (half a cube) of at most one face of its
        // cube: the cubes to probe are its own and its neighbours towards those faces.
        let mut lo = [0_i64; 3];
        let mut hi = [0_i64; 3];
        for a in 0..3 {
            let f = s[a].floor();
            #[allow(clippy::cast_possible_truncation)]
            let c = f as i64;
            let frac = s[a] - f;
            (lo[a], hi[a]) = if frac < 0.5 { (c - 1, c) } else { (c, c + 1) };
        }
        let mut best: Option<(f64, ClusterIx)> = None;
        for x in lo[0]..=hi[0] {
            for y in lo[1]..=hi[1] {
                for z in lo[2]..=hi[2] {
                    let mut c = self.cells.get(&[x, y, z]).copied().unwrap_or(NONE);
                    while c != NONE {
                        let cl = &self.clusters[c as usize];
                        let r = cl.rep;
                        let d2 =
                            (r[0] - v[0]).powi(2) + (r[1] - v[1]).powi(2) + (r[2] - v[2]).powi(2);
                        if d2 <= self.chord * self.chord && best.is_none_or(|(b, _)| d2 < b) {
                            best = Some((d2, c));
                        }
                        c = cl.next_in_cube;
                    }
                }
            }
        }
        best.map(|(_, c)| c)
    }

    /// The cluster of vertex `position` of line `line`, which is an end of it when `end`.
    pub(crate) fn vertex(&mut self, line: u32, position: Point<f64>, end: bool) -> ClusterIx {
        let key = [position.x().to_bits(), position.y().to_bits()];
        let c = if let Some(&c) = self.exact.get(&key) {
            c
        } else {
            let v = unit_vector(position);
            let c = match self.nearest(v) {
                Some(c) => c,
                None => self.push(v, position, None),
            };
            self.exact.insert(key, c);
            c
        };
        let cl = &mut self.clusters[c as usize];
        cl.end |= end;
        if cl.first_line == NO_LINE {
            cl.first_line = line;
        } else if cl.first_line != line {
            cl.shared = true;
        }
        c
    }
}

/// The loose lines' vertices matched to places, consumed line by line in the order given to
/// [`Builder::join`].
#[derive(Default)]
pub(crate) struct Split {
    pub(crate) vertex_cluster: Vec<ClusterIx>,
    pub(crate) node_of: Vec<Option<NodeIx>>,
    pub(crate) place: Vec<bool>,
    /// The first vertex of the next line in `vertex_cluster`.
    pub(crate) next: usize,
    /// Junction nodes made (places that are not Point nodes).
    pub(crate) junctions: usize,
}

impl Split {
    /// Cuts a loose line at every vertex that is a place and adds the pieces as legs: the
    /// leg's id if it is one piece, else `ID#0`, `ID#1` …; a published length is shared out
    /// in proportion to the pieces' drawn lengths. A piece whose vertices all lie in one place
    /// is dropped.
    pub(crate) fn pieces(&mut self, line: &mut Leg) -> Piecing {
        let n = line.geometry.0.len();
        let clusters = &self.vertex_cluster[self.next..self.next + n];
        self.next += n;
        let node = |c: ClusterIx| self.node_of[c as usize].expect("a place has a node");
        let inner_places = clusters[1..n - 1].iter().any(|&c| self.place[c as usize]);
        if !inner_places {
            // The common case: the line is one leg, tied where it lies.
            if clusters.iter().all(|&c| c == clusters[0]) {
                return Piecing::None;
            }
            line.from = node(clusters[0]);
            line.to = node(clusters[n - 1]);
            line.drawn_km = geodesic_km(&line.geometry);
            return Piecing::One;
        }
        let mut cuts: Vec<usize> = (0..n)
            .filter(|&k| self.place[clusters[k] as usize])
            .collect();
        cuts.dedup();
        let coords = std::mem::take(&mut line.geometry.0);
        let mut out: Vec<Leg> = Vec::with_capacity(cuts.len() - 1);
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            if clusters[a..=b].iter().all(|&c| c == clusters[a]) {
                continue;
            }
            let geometry = LineString::new(coords[a..=b].to_vec());
            let drawn_km = geodesic_km(&geometry);
            out.push(Leg {
                from: node(clusters[a]),
                to: node(clusters[b]),
                geometry,
                drawn_km,
                ..line.clone()
            });
        }
        if out.len() > 1 {
            let total: f64 = out.iter().map(|l| l.drawn_km).sum();
            for (k, l) in out.iter_mut().enumerate() {
                l.id = format!("{}#{k}", line.id);
                if let Some(km) = l.published_km
                    && total > 0.0
                {
                    l.published_km = Some(km * l.drawn_km / total);
                }
            }
        }
        match out.len() {
            0 => Piecing::None,
            _ => Piecing::Many(out),
        }
    }
}

/// What became of a loose line.
pub(crate) enum Piecing {
    /// It is one leg, tied in place.
    One,
    /// It is no leg (all its vertices lie in one place).
    None,
    /// It is these legs.
    Many(Vec<Leg>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_within_the_tolerance_join_at_any_latitude_and_across_the_antimeridian() {
        let mut j = Joiner::new(0.05);
        // 45 m apart at 60°N: 0.0008° of longitude is 44.6 m there.
        let a = j.vertex(0, Point::new(10.0, 60.0), true);
        assert_eq!(j.vertex(1, Point::new(10.0008, 60.0), true), a);
        // 60 m apart: not joined.
        assert_ne!(j.vertex(2, Point::new(10.00108, 60.0), true), a);
        // ±180° are one meridian.
        let e = j.vertex(3, Point::new(180.0, 0.0), true);
        assert_eq!(j.vertex(4, Point::new(-180.0, 0.0), true), e);
        assert_eq!(j.vertex(5, Point::new(179.9997, 0.0), true), e);
        // Near the pole, 40 m apart across many degrees of longitude.
        let p = j.vertex(6, Point::new(0.0, 89.9998), true);
        assert_eq!(j.vertex(7, Point::new(90.0, 89.9998), true), p);
    }

    #[test]
    fn joining_is_not_transitive_and_notes_shared_vertices() {
        let mut j = Joiner::new(0.05);
        // A line sampled every 30 m keeps its vertices apart beyond the tolerance.
        let v: Vec<ClusterIx> = (0..5)
            .map(|k| j.vertex(0, Point::new(f64::from(k) * 0.00027, 0.0), k == 0 || k == 4))
            .collect();
        assert_eq!(v[0], v[1], "30 m: within the tolerance of the first");
        assert_ne!(v[0], v[2], "60 m from the first: a cluster of its own");
        let c = &j.clusters()[v[2] as usize];
        assert!(
            !c.is_place(),
            "an interior vertex of one line is not a place"
        );
        j.vertex(1, Point::new(2.0 * 0.00027, 0.0), false);
        assert!(
            j.clusters()[v[2] as usize].is_place(),
            "a vertex two lines share is"
        );
    }
}
