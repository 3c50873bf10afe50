//! Route computation benchmarks: loading and graph building, one `find` and one `compare` on
//! the embedded network, a 10,000-draw Monte Carlo of `compare`, and one query on a generated
//! network of about a million legs, so the cost of routing can be seen to grow with size.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use geo::{LineString, Point};

use corridor::embedded;
use corridor::model::{CostModel, Objective, Params};
use corridor::network::{
    Leg, LoadOptions, Mode, Network, Node, NodeIx, NodeKind, Status, Vessel, parse_network,
};
use corridor::questions::montecarlo::{self, Draws};
use corridor::questions::{compare, find, matrix};
use corridor::routing::{ArcIx, Corridors, Restrictions, Router, Weigher};
use corridor::{Assumptions, Atlas};

fn embedded(c: &mut Criterion) {
    c.bench_function("load embedded network + corridors + build graph", |b| {
        b.iter(|| Atlas::embedded().unwrap());
    });
    c.bench_function("load embedded assumptions", |b| {
        b.iter(|| Assumptions::embedded().unwrap());
    });
    let atlas = Atlas::embedded().unwrap();
    let assumptions = Assumptions::embedded().unwrap();
    let model = CostModel::new(
        atlas.network(),
        Params::from_assumptions(&assumptions).unwrap(),
    );
    c.bench_function("find nhava-sheva → moscow by time", |b| {
        let req = find::Query::default().resolve(&atlas).unwrap();
        b.iter(|| find::run(&atlas, &model, black_box(&req)).unwrap());
    });
    // The search alone, by A* (as `find` runs it) and by plain Dijkstra, in the same run.
    let req = find::Query::default().resolve(&atlas).unwrap();
    let mut router = Router::new();
    let none = Restrictions::default();
    let w = model.weigher(Objective::Time);
    c.bench_function("search nhava-sheva → moscow by time: A*", |b| {
        b.iter(|| router.shortest(atlas.graph(), &w, req.from, req.to, &[], &none));
    });
    c.bench_function("search nhava-sheva → moscow by time: Dijkstra", |b| {
        b.iter(|| router.shortest(atlas.graph(), &Plain(w), req.from, req.to, &[], &none));
    });
    c.bench_function("compare --via suez", |b| {
        let query = compare::Query {
            via: vec!["suez".into()],
            ..Default::default()
        };
        let req = query.resolve(&atlas).unwrap();
        b.iter(|| compare::run(&atlas, &model, black_box(&req)).unwrap());
    });
    let all = compare::Query::default().resolve(&atlas).unwrap();
    c.bench_function("compare, all corridors", |b| {
        b.iter(|| compare::run(&atlas, &model, black_box(&all)).unwrap());
    });
    let comparison = compare::run(&atlas, &model, &all).unwrap();
    let mut g = c.benchmark_group("monte carlo");
    g.sample_size(10);
    g.bench_function("10,000 draws of compare (all corridors)", |b| {
        b.iter(|| {
            let draws = Draws {
                samples: 10_000,
                seed: 1,
            };
            montecarlo::run(
                atlas.network(),
                &assumptions,
                None,
                &comparison,
                draws,
                |_| {},
            )
            .unwrap()
        });
    });
    g.finish();
}

/// A grid of `side × side` junctions joined by rail legs to their east and north neighbours
/// (about `2·side²` legs), with a sea leg every few cells so transfers are priced too.
fn grid(side: u32) -> Network {
    let node = |x: u32, y: u32| Node {
        id: format!("n{x}-{y}"),
        name: format!("n{x}-{y}"),
        aliases: vec![],
        kind: NodeKind::Junction,
        country: None,
        locode: None,
        passage: None,
        source: None,
        position: Point::new(f64::from(x) * 0.05, f64::from(y) * 0.05),
    };
    let mut nodes = Vec::with_capacity((side * side) as usize);
    for y in 0..side {
        for x in 0..side {
            nodes.push(node(x, y));
        }
    }
    let ix = |x: u32, y: u32| NodeIx(y * side + x);
    let mut legs = Vec::with_capacity(2 * (side * side) as usize);
    let mut leg = |a: (u32, u32), b: (u32, u32), k: usize| {
        let pa = (f64::from(a.0) * 0.05, f64::from(a.1) * 0.05);
        let pb = (f64::from(b.0) * 0.05, f64::from(b.1) * 0.05);
        let mode = if k.is_multiple_of(7) {
            Mode::Sea
        } else {
            Mode::Rail
        };
        legs.push(Leg {
            id: format!("l{k}"),
            name: None,
            from: ix(a.0, a.1),
            to: ix(b.0, b.1),
            mode,
            countries: vec![],
            status: Status::Operational,
            gauge_mm: (mode == Mode::Rail).then_some(1435),
            traction: None,
            vessel: Vessel::Container,
            passages: vec![],
            one_way: false,
            source: None,
            published_km: None,
            published_source: None,
            geometry: LineString::from(vec![pa, pb]),
            drawn_km: 5.0 + (k % 5) as f64,
        });
    };
    let mut k = 0;
    for y in 0..side {
        for x in 0..side {
            if x + 1 < side {
                leg((x, y), (x + 1, y), k);
                k += 1;
            }
            if y + 1 < side {
                leg((x, y), (x, y + 1), k);
                k += 1;
            }
        }
    }
    Network::from_parts(nodes, legs)
}

/// The same weigher with its A* bound withheld: plain Dijkstra, the reference the router's A*
/// is measured against in the same run.
struct Plain<W>(W);

impl<W: Weigher> Weigher for Plain<W> {
    fn arc(&self, arc: ArcIx) -> f64 {
        self.0.arc(arc)
    }
    fn transfer(&self, node: NodeIx, prev: Option<ArcIx>, next: Option<ArcIx>) -> f64 {
        self.0.transfer(node, prev, next)
    }
    fn may_turn_back(&self, node: NodeIx, arc: ArcIx) -> bool {
        self.0.may_turn_back(node, arc)
    }
    fn transfers_free(&self) -> bool {
        self.0.transfers_free()
    }
}

fn scaling(c: &mut Criterion) {
    let params = Params::from_assumptions(&Assumptions::embedded().unwrap()).unwrap();
    let mut g = c.benchmark_group("query corner to corner on a generated grid");
    g.sample_size(10);
    for side in [100u32, 300, 708] {
        let net = grid(side);
        let legs = net.legs().len();
        let atlas = Atlas::new(net, Corridors::default());
        let model = CostModel::new(atlas.network(), params.clone());
        let mut router = Router::new();
        let (from, to) = (NodeIx(0), NodeIx(side * side - 1));
        let none = Restrictions::default();
        for objective in [Objective::Time, Objective::Distance] {
            let w = model.weigher(objective);
            let name = format!("{objective:?} A*");
            g.bench_with_input(BenchmarkId::new(name, legs), &legs, |b, _| {
                b.iter(|| {
                    router
                        .shortest(atlas.graph(), &w, from, to, &[], &none)
                        .unwrap()
                });
            });
            let name = format!("{objective:?} Dijkstra");
            g.bench_with_input(BenchmarkId::new(name, legs), &legs, |b, _| {
                b.iter(|| {
                    router
                        .shortest(atlas.graph(), &Plain(w), from, to, &[], &none)
                        .unwrap()
                });
            });
        }
    }
    g.finish();
}

/// What a network given with `--network` costs: parsing plus measuring every leg.
fn parse_only(c: &mut Criterion) {
    c.bench_function(
        "parse + measure the embedded GeoJSON as a --network file",
        |b| {
            b.iter(|| {
                parse_network(black_box(embedded::NETWORK), "n", &LoadOptions::default()).unwrap()
            });
        },
    );
    c.bench_function(
        "parse the embedded assumptions TOML as an --assumptions file",
        |b| {
            b.iter(|| Assumptions::parse(black_box(embedded::ASSUMPTIONS), "a").unwrap());
        },
    );
}

/// The reason the loader decodes GeoJSON itself (src/network/decode.rs): the `geojson` crate's
/// serde path on the same text, beside our decoder and the checks and build that follow it.
fn decode(c: &mut Criterion) {
    let mut g = c.benchmark_group("decode");
    g.bench_function("ours: decode only", |b| {
        b.iter(|| corridor::network::decode_only(black_box(embedded::NETWORK)).unwrap());
    });
    g.bench_function("ours: decode + check + build the embedded network", |b| {
        b.iter(|| embedded::network(&LoadOptions::default()).unwrap());
    });
    g.bench_function(
        "geojson::FeatureCollection from the same text (decode only)",
        |b| {
            b.iter(|| {
                black_box(embedded::NETWORK)
                    .parse::<geojson::FeatureCollection>()
                    .unwrap()
            });
        },
    );
    g.finish();
}

/// A `side × side` grid drawn as someone else's sea network would be: each row and each
/// column one long LineString through every crossing, so every crossing is a shared interior
/// vertex (a T or X junction) that the loader must split at.
fn long_lines(side: u32) -> Network {
    let at = |i: u32| f64::from(i) * 0.5;
    let mut text = String::from(r#"{"type":"FeatureCollection","features":["#);
    let mut first = true;
    for k in 0..side {
        for horizontal in [true, false] {
            let coords: Vec<String> = (0..side)
                .map(|i| {
                    if horizontal {
                        format!("[{},{}]", at(i), at(k))
                    } else {
                        format!("[{},{}]", at(k), at(i))
                    }
                })
                .collect();
            if !first {
                text.push(',');
            }
            first = false;
            text.push_str(&format!(
                r#"{{"type":"Feature","properties":{{"mode":"sea"}},"geometry":{{"type":"LineString","coordinates":[{}]}}}}"#,
                coords.join(",")
            ));
        }
    }
    text.push_str("]}");
    parse_network(&text, "long-lines", &LoadOptions::default()).unwrap()
}

/// Plain Dijkstra on distance over a CSR adjacency of nodes: the reference the router is held
/// to on a batch of queries (issue 10).
struct Csr {
    start: Vec<u32>,
    adj: Vec<(u32, f64)>,
}

impl Csr {
    fn new(net: &Network) -> Csr {
        let n = net.nodes().len();
        let mut start = vec![0_u32; n + 1];
        for l in net.legs() {
            start[l.from.ix() + 1] += 1;
            start[l.to.ix() + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut adj = vec![(0, 0.0); start[n] as usize];
        for l in net.legs() {
            for (a, b) in [(l.from, l.to), (l.to, l.from)] {
                adj[fill[a.ix()] as usize] = (b.0, l.length_km());
                fill[a.ix()] += 1;
            }
        }
        Csr { start, adj }
    }

    fn distance(&self, from: u32, to: u32, dist: &mut Vec<f64>) -> Option<f64> {
        use std::cmp::Reverse;
        dist.clear();
        dist.resize(self.start.len() - 1, f64::INFINITY);
        let mut heap = std::collections::BinaryHeap::new();
        dist[from as usize] = 0.0;
        heap.push(Reverse((Km(0.0), from)));
        while let Some(Reverse((Km(d), v))) = heap.pop() {
            if v == to {
                return Some(d);
            }
            if d > dist[v as usize] {
                continue;
            }
            let (a, b) = (
                self.start[v as usize] as usize,
                self.start[v as usize + 1] as usize,
            );
            for &(w, km) in &self.adj[a..b] {
                let nd = d + km;
                if nd < dist[w as usize] {
                    dist[w as usize] = nd;
                    heap.push(Reverse((Km(nd), w)));
                }
            }
        }
        None
    }
}

#[derive(PartialEq)]
struct Km(f64);
impl Eq for Km {}
impl PartialOrd for Km {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Km {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&o.0)
    }
}

fn batch(c: &mut Criterion) {
    let net = long_lines(100);
    let legs = net.legs().len();
    let atlas = Atlas::new(net, Corridors::default());
    let params = Params::from_assumptions(&Assumptions::embedded().unwrap()).unwrap();
    let model = CostModel::new(atlas.network(), params);
    let csr = Csr::new(atlas.network());
    let n = u32::try_from(atlas.network().nodes().len()).unwrap();
    // 100 fixed pairs spread over the network.
    let pairs: Vec<(NodeIx, NodeIx)> = (0..100_u32)
        .map(|i| (NodeIx(i * 7919 % n), NodeIx((i * 104_729 + 13) % n)))
        .filter(|(a, b)| a != b)
        .collect();
    let mut router = Router::new();
    let none = Restrictions::default();
    let w = model.weigher(Objective::Distance);
    // Both searches find the same distances (the loader's T-junctions join the lines).
    let mut dist = Vec::new();
    for &(a, b) in &pairs {
        let ours = router
            .shortest(atlas.graph(), &w, a, b, &[], &none)
            .unwrap()
            .weight;
        let plain = csr.distance(a.0, b.0, &mut dist).unwrap();
        assert!((ours - plain).abs() < 1e-6 * plain, "{ours} vs {plain}");
    }
    let mut g = c.benchmark_group(format!(
        "batch of {} queries by distance, {legs} legs with T-junctions",
        pairs.len()
    ));
    g.bench_function("router (A*)", |b| {
        b.iter(|| {
            for &(a, z) in &pairs {
                black_box(router.shortest(atlas.graph(), &w, a, z, &[], &none));
            }
        });
    });
    g.bench_function("router (Dijkstra)", |b| {
        b.iter(|| {
            for &(a, z) in &pairs {
                black_box(router.shortest(atlas.graph(), &Plain(w), a, z, &[], &none));
            }
        });
    });
    g.bench_function("plain CSR Dijkstra over nodes", |b| {
        b.iter(|| {
            for &(a, z) in &pairs {
                black_box(csr.distance(a.0, z.0, &mut dist));
            }
        });
    });
    g.finish();
}

criterion_group!(
    benches, embedded, parse_only, decode, scaling, batch, matrices
);
criterion_main!(benches);

/// A 10 × 20 matrix on the embedded network through the INSTC, Suez and the Cape: the matrix
/// (one-to-many searches across the cores) beside the same 600 routes found one `find` at a
/// time on one core, in the same run.
fn matrices(c: &mut Criterion) {
    let atlas = Atlas::embedded().unwrap();
    let assumptions = Assumptions::embedded().unwrap();
    let model = CostModel::new(
        atlas.network(),
        Params::from_assumptions(&assumptions).unwrap(),
    );
    let node = |id: &str| atlas.network().node_by_id(id).unwrap();
    let origins: Vec<NodeIx> = [
        "nhava-sheva",
        "mundra",
        "deendayal-kandla",
        "chennai",
        "karachi",
        "colombo",
        "jebel-ali",
        "salalah",
        "bandar-abbas",
        "chabahar",
    ]
    .iter()
    .map(|id| node(id))
    .collect();
    let destinations: Vec<NodeIx> = [
        "moscow",
        "st-petersburg",
        "astrakhan",
        "kazan",
        "yekaterinburg",
        "baku",
        "minsk",
        "almaty",
        "tashkent",
        "ashgabat",
        "kabul",
        "helsinki",
        "rotterdam",
        "hamburg",
        "novorossiysk",
        "rostov-on-don",
        "makhachkala",
        "ust-luga",
        "samarkand",
        "mazar-i-sharif",
    ]
    .iter()
    .map(|id| node(id))
    .collect();
    let corridors: Vec<_> = ["instc", "suez", "cape"]
        .iter()
        .map(|n| atlas.target(n).unwrap())
        .collect();
    let req = matrix::Request {
        avoid: vec![Vec::new(); origins.len() * destinations.len()],
        origins,
        destinations,
        corridors,
        objective: Objective::Time,
        include_planned: false,
    };
    let mut g = c.benchmark_group("matrix 10 × 20 × 3 corridors");
    g.sample_size(20);
    g.bench_function("matrix::run (one-to-many, rayon)", |b| {
        b.iter(|| matrix::run(&atlas, &model, black_box(&req)).unwrap());
    });
    g.bench_function("one find per pair and corridor", |b| {
        let mut router = Router::new();
        b.iter(|| {
            let mut n = 0;
            for &from in &req.origins {
                for &to in &req.destinations {
                    for t in &req.corridors {
                        let r = find::Request {
                            from,
                            to,
                            via: vec![t.clone()],
                            avoid: Vec::new(),
                            objective: Objective::Time,
                            include_planned: false,
                        };
                        n += usize::from(find::run_with(&atlas, &model, &mut router, &r).is_ok());
                    }
                }
            }
            n
        });
    });
    g.finish();
}
