//! A layer of Natural Earth polygons (land, or countries) indexed for tracing lines through it.
//!
//! # Why crossings and not point tests
//!
//! The obvious check — densify every leg to 1 km and test each point against the polygons — is
//! what `data/tools/check_geometry.py` does with shapely's prepared geometries. In Rust without
//! an optimised test profile it is far too slow: Eurasia-plus-Africa is one 60,000-vertex ring in
//! `land-10m`, a point-in-polygon test walks the whole ring, and the network has tens of
//! thousands of kilometres of legs. A line, however, only changes side where it crosses a
//! boundary edge. So the layer keeps the ring edges in an R-tree (in runs of 16 consecutive
//! edges); tracing a leg asks the tree for the few edges near each short piece of it (at most
//! [`STEP_KM`] long), computes the exact crossings, and cuts the leg
//! into [`Stretch`]es that lie wholly inside or outside the polygons. Then one point-in-polygon
//! test per stretch (countries), or one per leg plus a toggle at each crossing (land/water),
//! classifies every kilometre exactly. Both are exact, not sampled: a 300 m spit crossed by a
//! sea lane is found even though it falls between two 1 km sample points.
//!
//! # Conventions
//!
//! * Segments between two positions of a leg are read as geodesics on WGS84, like
//!   `check_geometry.py` (its default `--interp gc`) and like `Leg::length_km`: each segment is
//!   cut into sub-segments of at most [`STEP_KM`] along the geodesic, and each sub-segment is
//!   straight in lon/lat (the difference over ≤ 10 km is a few metres).
//! * Crossings are exact (geo's robust orientation kernel) and degenerate cases — a leg through
//!   a polygon vertex, along an edge, or with a vertex on an edge — are settled by simulation of
//!   simplicity: the leg is read as shifted by an infinitesimal `(ε, ε²)`. So the parity of the
//!   crossings between two points of a leg always tells whether they are on the same side.

use std::path::Path;

use geo::{
    Contains, Coord, Distance, GeoNum, Geodesic, InterpolatePoint, Kernel, LineString, Orientation,
    Point, Polygon,
};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree, RTreeObject};
use serde_json::Value;

/// Longest sub-segment, km, a leg's geodesic segments are cut into before tracing.
pub const STEP_KM: f64 = 10.0;

/// The study box the Natural Earth files are clipped to: lon −30…100, lat −45…72
/// (data/naturalearth/README.md). Polygons cut by the box have edges along it, so nothing
/// outside it (or on it) means anything.
pub const CLIP_BOX: (f64, f64, f64, f64) = (-30.0, -45.0, 100.0, 72.0);

/// True if a position lies strictly inside [`CLIP_BOX`].
pub fn in_clip_box(c: Coord<f64>) -> bool {
    let (x0, y0, x1, y1) = CLIP_BOX;
    c.x > x0 && c.x < x1 && c.y > y0 && c.y < y1
}

/// Edges per R-tree entry. The tree indexes runs of up to this many consecutive ring edges, not
/// single edges: bulk-loading 300,000 edges takes seconds in the unoptimised test profile (the
/// tree is generic, so it is compiled with the test crate), 20,000 runs a fraction of that.
const EDGES_PER_RUN: usize = 16;

/// Up to [`EDGES_PER_RUN`] consecutive edges of one ring: `vertices[start..=start + edges]`.
#[derive(Debug, Clone, Copy)]
struct EdgeRun {
    start: u32,
    edges: u8,
    envelope: AABB<[f64; 2]>,
}

impl RTreeObject for EdgeRun {
    type Envelope = AABB<[f64; 2]>;
    fn envelope(&self) -> Self::Envelope {
        self.envelope
    }
}

/// A feature of the layer: its properties of interest.
#[derive(Debug, Clone)]
pub struct Feature {
    /// `iso2` property (`""` when absent or empty).
    pub iso2: String,
    /// `name` property (`""` when absent).
    pub name: String,
}

/// Polygons of one GeoJSON FeatureCollection, with an R-tree of their edges and one of their
/// bounding boxes.
pub struct Layer {
    /// The features, in file order.
    pub features: Vec<Feature>,
    /// Every polygon (multipolygons split into parts).
    polygons: Vec<Polygon<f64>>,
    /// Feature index of each polygon.
    owner: Vec<usize>,
    /// Bounding box of each polygon, data = polygon index.
    boxes: RTree<GeomWithData<Rectangle<[f64; 2]>, usize>>,
    /// Every ring vertex, ring after ring (runs index into it).
    vertices: Vec<Coord<f64>>,
    /// Every ring edge, in runs.
    runs: RTree<EdgeRun>,
}

/// A part of a traced line that crosses no boundary: wholly inside one polygon set or outside.
#[derive(Debug, Clone, Copy)]
pub struct Stretch {
    /// Start, km from the first position of the line.
    pub from_km: f64,
    /// End, km from the first position.
    pub to_km: f64,
    /// A point well inside the stretch (middle of its longest sub-segment part).
    pub probe: Coord<f64>,
}

impl Stretch {
    /// Length, km.
    pub fn km(&self) -> f64 {
        self.to_km - self.from_km
    }
}

fn ring(v: &Value) -> LineString<f64> {
    v.as_array()
        .expect("ring is an array")
        .iter()
        .map(|p| {
            let p = p.as_array().expect("position is an array");
            Coord {
                x: p[0].as_f64().expect("lon"),
                y: p[1].as_f64().expect("lat"),
            }
        })
        .collect()
}

fn polygon(v: &Value) -> Polygon<f64> {
    let rings = v.as_array().expect("polygon is an array of rings");
    Polygon::new(ring(&rings[0]), rings[1..].iter().map(ring).collect())
}

impl Layer {
    /// Reads a GeoJSON FeatureCollection of Polygons and MultiPolygons.
    ///
    /// # Panics
    /// If the file is missing or not such a collection (test data, so a panic is the report).
    pub fn load(path: &Path) -> Layer {
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        Layer::parse(&text)
    }

    /// Builds a layer from the text of a FeatureCollection.
    pub fn parse(text: &str) -> Layer {
        let fc: Value = serde_json::from_str(text).expect("valid JSON");
        let mut features = Vec::new();
        let mut polygons = Vec::new();
        let mut owner = Vec::new();
        for f in fc["features"].as_array().expect("a FeatureCollection") {
            let i = features.len();
            let prop = |k: &str| f["properties"][k].as_str().unwrap_or("").to_string();
            features.push(Feature {
                iso2: prop("iso2"),
                name: prop("name"),
            });
            let g = &f["geometry"];
            let coords = &g["coordinates"];
            match g["type"].as_str() {
                Some("Polygon") => {
                    polygons.push(polygon(coords));
                    owner.push(i);
                }
                Some("MultiPolygon") => {
                    for p in coords.as_array().expect("array of polygons") {
                        polygons.push(polygon(p));
                        owner.push(i);
                    }
                }
                other => panic!("unsupported geometry {other:?}"),
            }
        }
        Layer::new(features, polygons, owner)
    }

    /// Builds a layer from polygons; `owner[i]` is the index in `features` of `polygons[i]`.
    pub fn new(features: Vec<Feature>, polygons: Vec<Polygon<f64>>, owner: Vec<usize>) -> Layer {
        let mut boxes = Vec::with_capacity(polygons.len());
        let mut vertices: Vec<Coord<f64>> = Vec::new();
        let mut runs = Vec::new();
        for (i, p) in polygons.iter().enumerate() {
            let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
            for r in std::iter::once(p.exterior()).chain(p.interiors()) {
                let first = vertices.len();
                for &c in &r.0 {
                    lo = [lo[0].min(c.x), lo[1].min(c.y)];
                    hi = [hi[0].max(c.x), hi[1].max(c.y)];
                    if vertices.len() == first || *vertices.last().expect("non-empty") != c {
                        vertices.push(c);
                    }
                }
                let n_edges = (vertices.len() - first).saturating_sub(1);
                for k in (0..n_edges).step_by(EDGES_PER_RUN) {
                    let edges = EDGES_PER_RUN.min(n_edges - k);
                    let start = first + k;
                    let (mut a, mut b) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
                    for c in &vertices[start..=start + edges] {
                        a = [a[0].min(c.x), a[1].min(c.y)];
                        b = [b[0].max(c.x), b[1].max(c.y)];
                    }
                    runs.push(EdgeRun {
                        start: u32::try_from(start).expect("fewer than 2^32 vertices"),
                        edges: u8::try_from(edges).expect("short runs"),
                        envelope: AABB::from_corners(a, b),
                    });
                }
            }
            boxes.push(GeomWithData::new(Rectangle::from_corners(lo, hi), i));
        }
        Layer {
            features,
            polygons,
            owner,
            boxes: RTree::bulk_load(boxes),
            vertices,
            runs: RTree::bulk_load(runs),
        }
    }

    /// The feature containing a point: an exact point-in-polygon test on the polygons whose
    /// bounding box contains it. `None` outside every polygon (or exactly on a boundary).
    pub fn locate(&self, c: Coord<f64>) -> Option<usize> {
        self.boxes
            .locate_all_at_point(&[c.x, c.y])
            .find(|b| self.polygons[b.data].contains(&c))
            .map(|b| self.owner[b.data])
    }

    /// True if any polygon contains the point.
    pub fn contains(&self, c: Coord<f64>) -> bool {
        self.locate(c).is_some()
    }

    /// Parameters `t` along `p → q` where the segment crosses a ring edge, sorted. Shared
    /// edges (a border between two countries) give the crossing once per polygon.
    ///
    /// Exact and free of special cases: the traced line is taken as shifted by an infinitesimal
    /// `(ε, ε²)` (simulation of simplicity), so it never runs through a polygon vertex, along an
    /// edge, or has a vertex on an edge; a crossing is counted only when each segment strictly
    /// separates the other's ends.
    pub fn crossings(&self, p: Coord<f64>, q: Coord<f64>) -> Vec<f64> {
        let env = AABB::from_corners([p.x, p.y], [q.x, q.y]);
        let mut ts: Vec<f64> = Vec::new();
        let (x0, x1, y0, y1) = (p.x.min(q.x), p.x.max(q.x), p.y.min(q.y), p.y.max(q.y));
        for run in self.runs.locate_in_envelope_intersecting(&env) {
            let start = run.start as usize;
            for w in self.vertices[start..=start + run.edges as usize].windows(2) {
                let (a, b) = (w[0], w[1]);
                if a.x.max(b.x) < x0 || a.x.min(b.x) > x1 || a.y.max(b.y) < y0 || a.y.min(b.y) > y1
                {
                    continue;
                }
                if side_of_line(p, q, a) == side_of_line(p, q, b) {
                    continue;
                }
                if side_of_edge(a, b, p) == side_of_edge(a, b, q) {
                    continue;
                }
                let cross = |c: Coord<f64>| (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
                let (dp, dq) = (cross(p), cross(q));
                let t = if dp == dq { 0.0 } else { dp / (dp - dq) };
                ts.push(t.clamp(0.0, 1.0));
            }
        }
        ts.sort_by(f64::total_cmp);
        ts
    }

    /// Cuts a line (lon/lat degrees, segments read as geodesics) into stretches at every
    /// boundary crossing, in order. Consecutive stretches are separated by exactly one crossing
    /// (several crossings at the same place give zero-length stretches between them), so the
    /// inside/outside state alternates from one stretch to the next.
    pub fn trace(&self, line: &LineString<f64>) -> Vec<Stretch> {
        let mut out = Vec::new();
        let mut km = 0.0;
        let mut start_km = 0.0;
        // Longest part of a sub-segment in the current stretch: (length km, midpoint).
        let mut best: (f64, Coord<f64>) = (-1.0, line.0[0]);
        for seg in line.lines() {
            for (p, q, len) in geodesic_pieces(seg.start, seg.end) {
                let lerp = |t: f64| Coord {
                    x: p.x + (q.x - p.x) * t,
                    y: p.y + (q.y - p.y) * t,
                };
                let mut prev = 0.0;
                for t in self.crossings(p, q) {
                    let part = (t - prev) * len;
                    if part > best.0 {
                        best = (part, lerp((prev + t) / 2.0));
                    }
                    let at = km + t * len;
                    out.push(Stretch {
                        from_km: start_km,
                        to_km: at,
                        probe: best.1,
                    });
                    start_km = at;
                    best = (-1.0, lerp(t));
                    prev = t;
                }
                let part = (1.0 - prev) * len;
                if part > best.0 {
                    best = (part, lerp((prev + 1.0) / 2.0));
                }
                km += len;
            }
        }
        out.push(Stretch {
            from_km: start_km,
            to_km: km,
            probe: best.1,
        });
        out
    }
}

/// Which side of the traced segment `p → q` the polygon vertex `a` lies on (true: left), with
/// the traced line shifted by `(ε, ε²)`: an exact zero falls back on the sign of
/// `−cross(q − p, (1, 0))`, then of `−cross(q − p, (0, 1))`.
fn side_of_line(p: Coord<f64>, q: Coord<f64>, a: Coord<f64>) -> bool {
    match <f64 as GeoNum>::Ker::orient2d(p, q, a) {
        Orientation::CounterClockwise => true,
        Orientation::Clockwise => false,
        Orientation::Collinear if q.y != p.y => q.y > p.y,
        Orientation::Collinear => p.x > q.x,
    }
}

/// Which side of the polygon edge `a → b` the traced point `p` lies on (true: left), with `p`
/// shifted by `(ε, ε²)`: an exact zero falls back on the sign of `cross(b − a, (1, 0))`, then of
/// `cross(b − a, (0, 1))`.
fn side_of_edge(a: Coord<f64>, b: Coord<f64>, p: Coord<f64>) -> bool {
    match <f64 as GeoNum>::Ker::orient2d(a, b, p) {
        Orientation::CounterClockwise => true,
        Orientation::Clockwise => false,
        Orientation::Collinear if b.y != a.y => a.y > b.y,
        Orientation::Collinear => b.x > a.x,
    }
}

/// A geodesic segment `a → b` as sub-segments of at most [`STEP_KM`]: `(start, end, km)`.
pub fn geodesic_pieces(a: Coord<f64>, b: Coord<f64>) -> Vec<(Coord<f64>, Coord<f64>, f64)> {
    let (pa, pb) = (Point(a), Point(b));
    let d = Geodesic.distance(pa, pb) / 1000.0;
    let n = (d / STEP_KM).ceil().max(1.0) as usize;
    let mut pts = vec![a];
    for i in 1..n {
        pts.push(
            Geodesic
                .point_at_ratio_between(pa, pb, i as f64 / n as f64)
                .0,
        );
    }
    pts.push(b);
    pts.windows(2).map(|w| (w[0], w[1], d / n as f64)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{coord, polygon};

    fn square() -> Layer {
        // A 1°×1° square with a 0.2° hole, and a second feature to its east.
        let p = polygon!(
            exterior: [(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0), (x: 0.0, y: 0.0)],
            interiors: [[(x: 0.4, y: 0.4), (x: 0.4, y: 0.6), (x: 0.6, y: 0.6), (x: 0.6, y: 0.4), (x: 0.4, y: 0.4)]],
        );
        let q = polygon![(x: 1.0, y: 0.0), (x: 2.0, y: 0.0), (x: 2.0, y: 1.0), (x: 1.0, y: 1.0)];
        let f = |s: &str| Feature {
            iso2: s.into(),
            name: s.into(),
        };
        Layer::new(vec![f("AA"), f("BB")], vec![p, q], vec![0, 1])
    }

    #[test]
    fn stretches_alternate_at_crossings() {
        let l = square();
        let line = LineString::from(vec![(-0.5, 0.5), (0.5, 0.5), (0.5, 0.8)]);
        let s = l.trace(&line);
        // outside | square | hole | square
        assert_eq!(s.len(), 4, "{s:?}");
        assert_eq!(l.locate(s[0].probe), None);
        assert_eq!(l.locate(s[1].probe), Some(0));
        assert_eq!(l.locate(s[2].probe), None);
        assert_eq!(l.locate(s[3].probe), Some(0));
        let total: f64 = s.iter().map(Stretch::km).sum();
        assert!((total - corridor::network::geodesic_km(&line)).abs() < 1e-6);
    }

    #[test]
    fn a_line_through_a_vertex_keeps_parity() {
        let l = square();
        // Diagonally through the corner (0, 0), ending inside the square: an odd number of
        // crossings, so an even number of stretches, the last one inside.
        let s = l.trace(&LineString::from(vec![(-0.5, -0.5), (0.3, 0.3)]));
        assert_eq!(s.len() % 2, 0, "{s:?}");
        assert_eq!(l.locate(s.last().unwrap().probe), Some(0));
        // A leg vertex lying exactly on the square's west edge is crossed once.
        let s = l.trace(&LineString::from(vec![(-0.5, 0.2), (0.0, 0.2), (0.3, 0.2)]));
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(l.locate(s[1].probe), Some(0));
        // Running along the south edge, then turning in: read as shifted infinitesimally
        // north, the line enters the square once, at its corner.
        let s = l.trace(&LineString::from(vec![(-0.5, 0.0), (0.2, 0.0), (0.2, 0.3)]));
        assert_eq!(s.len(), 2, "{s:?}");
        assert!((s[0].to_km - 55.66).abs() < 0.01, "{s:?}");
        assert_eq!(l.locate(coord! { x: 0.2, y: 0.3 }), Some(0));
        // Along the south edge and out again south of it: in at the corner, out further on.
        let s = l.trace(&LineString::from(vec![
            (-0.5, 0.0),
            (0.2, 0.0),
            (0.2, -0.3),
        ]));
        assert_eq!(s.len(), 3, "{s:?}");
    }

    #[test]
    fn shared_borders_give_two_crossings() {
        let l = square();
        let line = LineString::from(vec![(0.5, 0.2), (1.5, 0.2)]);
        let s = l.trace(&line);
        let owners: Vec<_> = s
            .iter()
            .filter(|x| x.km() > 0.001)
            .map(|x| l.locate(x.probe))
            .collect();
        assert_eq!(owners, vec![Some(0), Some(1)]);
    }
}
