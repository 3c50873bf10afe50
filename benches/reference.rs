//! The plain reference for the loader and router at scale (issue 10, BENCHMARKS.md): what a
//! careful programmer would write for one query on someone else's network, without any of
//! `route`'s checks, reports or stop costs. It parses the GeoJSON into typed structs with
//! serde, joins line ends that are exactly equal, measures every line with Karney's geodesic
//! (geo), builds a CSR graph and runs Dijkstra on distance from the node nearest one position
//! to the node nearest another.
//!
//! ```text
//! cargo bench --bench reference -- grid.geojson 0,0 35.35,35.35
//! ```
//!
//! Without arguments (as `cargo bench` runs it) it routes a small generated grid, so the bench
//! target stays a working program.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use geo::{Distance, Geodesic, Point};
use serde::Deserialize;

#[derive(Deserialize)]
struct Collection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    geometry: Geometry,
}

#[derive(Deserialize)]
struct Geometry {
    coordinates: Vec<[f64; 2]>,
}

fn route(text: &str, from: [f64; 2], to: [f64; 2]) -> Option<f64> {
    let fc: Collection = serde_json::from_str(text).expect("a FeatureCollection of LineStrings");
    let mut ids: HashMap<(u64, u64), u32> = HashMap::new();
    let mut pos: Vec<[f64; 2]> = Vec::new();
    let mut node = |p: [f64; 2], pos: &mut Vec<[f64; 2]>| -> u32 {
        *ids.entry((p[0].to_bits(), p[1].to_bits()))
            .or_insert_with(|| {
                pos.push(p);
                u32::try_from(pos.len() - 1).unwrap()
            })
    };
    let mut edges: Vec<(u32, u32, f64)> = Vec::with_capacity(fc.features.len());
    for f in &fc.features {
        let c = &f.geometry.coordinates;
        let km: f64 = c
            .windows(2)
            .map(|w| Geodesic.distance(Point::new(w[0][0], w[0][1]), Point::new(w[1][0], w[1][1])))
            .sum::<f64>()
            / 1000.0;
        let a = node(c[0], &mut pos);
        let b = node(c[c.len() - 1], &mut pos);
        edges.push((a, b, km));
    }
    // CSR, both directions.
    let n = pos.len();
    let mut start = vec![0_u32; n + 1];
    for &(a, b, _) in &edges {
        start[a as usize + 1] += 1;
        start[b as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut adj = vec![(0_u32, 0.0_f64); 2 * edges.len()];
    for &(a, b, km) in &edges {
        adj[fill[a as usize] as usize] = (b, km);
        fill[a as usize] += 1;
        adj[fill[b as usize] as usize] = (a, km);
        fill[b as usize] += 1;
    }
    let nearest = |q: [f64; 2]| -> u32 {
        let d2 = |p: &[f64; 2]| (p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2);
        let best = (0..n)
            .min_by(|&i, &j| d2(&pos[i]).total_cmp(&d2(&pos[j])))
            .unwrap();
        u32::try_from(best).unwrap()
    };
    let (s, t) = (nearest(from), nearest(to));
    let mut dist = vec![f64::INFINITY; n];
    let mut heap = BinaryHeap::new();
    dist[s as usize] = 0.0;
    heap.push(Reverse((Ordered(0.0), s)));
    while let Some(Reverse((Ordered(d), v))) = heap.pop() {
        if v == t {
            return Some(d);
        }
        if d > dist[v as usize] {
            continue;
        }
        for &(w, km) in &adj[start[v as usize] as usize..start[v as usize + 1] as usize] {
            let nd = d + km;
            if nd < dist[w as usize] {
                dist[w as usize] = nd;
                heap.push(Reverse((Ordered(nd), w)));
            }
        }
    }
    None
}

struct Ordered(f64);
impl PartialEq for Ordered {
    fn eq(&self, o: &Self) -> bool {
        self.0.total_cmp(&o.0).is_eq()
    }
}
impl Eq for Ordered {}
impl PartialOrd for Ordered {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Ordered {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&o.0)
    }
}

fn lon_lat(s: &str) -> [f64; 2] {
    let (a, b) = s.split_once(',').expect("LON,LAT");
    [
        a.parse().expect("a longitude"),
        b.parse().expect("a latitude"),
    ]
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let started = std::time::Instant::now();
    let km = if let [file, from, to] = args.as_slice() {
        let text = std::fs::read_to_string(file).expect("a readable file");
        route(&text, lon_lat(from), lon_lat(to))
    } else {
        let mut text = String::from(r#"{"type":"FeatureCollection","features":["#);
        for i in 0..10 {
            if i > 0 {
                text.push(',');
            }
            text.push_str(&format!(
                r#"{{"type":"Feature","properties":{{}},"geometry":{{"type":"LineString","coordinates":[[{i},0],[{},0]]}}}}"#,
                i + 1
            ));
        }
        text.push_str("]}");
        route(&text, [0.0, 0.0], [10.0, 0.0])
    };
    match km {
        Some(km) => println!("{km:.3} km in {:.3} s", started.elapsed().as_secs_f64()),
        None => println!("no route"),
    }
}
