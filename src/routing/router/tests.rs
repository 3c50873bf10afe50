//! The router against an independent oracle (Bellman–Ford over the explicit state graph) and
//! against Floyd–Warshall when transfers are free, on seeded random graphs.

use geo::{LineString, Point};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::*;
use crate::network::{Leg, Mode, Network, Node, NodeKind, Status, Vessel};
use crate::routing::graph::Graph;

fn random_network(rng: &mut ChaCha8Rng) -> Network {
    let n = rng.random_range(2..10);
    let nodes: Vec<Node> = (0..n)
        .map(|i| Node {
            id: format!("n{i}"),
            name: format!("n{i}"),
            aliases: vec![],
            kind: NodeKind::Junction,
            country: None,
            locode: None,
            passage: None,
            source: None,
            // Scattered, so that the A* bound prunes.
            position: Point::new(f64::from(i * 7 % 10), f64::from(i * 3 % 5)),
        })
        .collect();
    let m = rng.random_range(1..20);
    let legs = (0..m)
        .map(|i| {
            let a = rng.random_range(0..n);
            let mut b = rng.random_range(0..n);
            if b == a {
                b = (a + 1) % n;
            }
            Leg {
                id: format!("l{i}"),
                name: None,
                from: NodeIx(a),
                to: NodeIx(b),
                mode: if rng.random_bool(0.5) {
                    Mode::Sea
                } else {
                    Mode::Rail
                },
                countries: vec![],
                status: Status::Operational,
                gauge_mm: None,
                traction: None,
                vessel: Vessel::Container,
                passages: vec![],
                one_way: rng.random_bool(0.2),
                source: None,
                published_km: None,
                published_source: None,
                geometry: LineString::from(vec![(f64::from(a), 0.0), (f64::from(b), 0.0)]),
                drawn_km: rng.random_range(1.0..100.0),
            }
        })
        .collect();
    Network::from_parts(nodes, legs)
}

/// Arc weight = leg length; a change between sea and rail costs 7 plus the node index; the
/// route pays 3 to start or end on a sea leg.
struct TestWeigher<'a> {
    net: &'a Network,
    free_transfers: bool,
    /// The A* bound the weigher offers (0: plain Dijkstra).
    per_chord: f64,
}

/// The least weight per chord over the legs: the bound a weigher may offer the router.
fn least_per_chord(net: &Network, g: &Graph) -> f64 {
    net.legs()
        .iter()
        .filter(|l| g.chord(l.from, l.to) > 0.0)
        .map(|l| l.drawn_km / g.chord(l.from, l.to))
        .fold(f64::INFINITY, f64::min)
        .min(f64::MAX)
        * (1.0 - 1e-9)
}

impl Weigher for TestWeigher<'_> {
    fn per_chord(&self) -> f64 {
        self.per_chord
    }
    // With free transfers the router searches over nodes (Floyd–Warshall checks it).
    fn transfers_free(&self) -> bool {
        self.free_transfers
    }
    fn arc(&self, arc: ArcIx) -> f64 {
        self.net.leg(arc.leg()).drawn_km
    }
    fn transfer(&self, node: NodeIx, prev: Option<ArcIx>, next: Option<ArcIx>) -> f64 {
        if self.free_transfers {
            return 0.0;
        }
        let mode = |a: ArcIx| self.net.leg(a.leg()).mode;
        match (prev, next) {
            (Some(p), Some(q)) if mode(p) != mode(q) => 7.0 + f64::from(node.0),
            (None, Some(a)) | (Some(a), None) if mode(a) == Mode::Sea => 3.0,
            _ => 0.0,
        }
    }
}

/// Bellman–Ford over every (arc, mask) state; returns the best goal cost.
fn oracle(
    g: &Graph,
    w: &impl Weigher,
    from: NodeIx,
    to: NodeIx,
    reqs: &[Requirement],
    r: &Restrictions,
) -> Option<f64> {
    if from == to || !r.node_ok(from) || !r.node_ok(to) {
        return None;
    }
    let layers = 1usize << reqs.len();
    let meets = |arc: Option<ArcIx>, node: NodeIx| -> usize {
        let mut m = 0;
        for (i, q) in reqs.iter().enumerate() {
            let by_leg = arc.is_some_and(|a| q.legs.contains(&a.leg()));
            if by_leg || q.nodes.contains(&node) {
                m |= 1 << i;
            }
        }
        m
    };
    let usable = |a: ArcIx| r.leg_ok(a.leg()) && r.node_ok(g.head(a));
    let arcs = g.arc_count();
    let mut dist = vec![f64::INFINITY; arcs * layers];
    for &a in g.out_arcs(from) {
        if usable(a) {
            let m = meets(None, from) | meets(Some(a), g.head(a));
            let d = w.transfer(from, None, Some(a)) + w.arc(a);
            let s = a.ix() * layers + m;
            dist[s] = dist[s].min(d);
        }
    }
    for _ in 0..=(arcs * layers) {
        let mut changed = false;
        for s in 0..arcs * layers {
            if dist[s].is_infinite() {
                continue;
            }
            let a = ArcIx(u32::try_from(s / layers).unwrap());
            let m = s % layers;
            for &b in g.out_arcs(g.head(a)) {
                if !usable(b) || b.0 == a.0 ^ 1 {
                    continue;
                }
                let t = b.ix() * layers + (m | meets(Some(b), g.head(b)));
                let d = dist[s] + w.transfer(g.head(a), Some(a), Some(b)) + w.arc(b);
                if d < dist[t] - 1e-12 {
                    dist[t] = d;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let mut best = f64::INFINITY;
    for a in 0..arcs {
        let arc = ArcIx(u32::try_from(a).unwrap());
        let s = a * layers + (layers - 1);
        if g.head(arc) == to && dist[s].is_finite() {
            best = best.min(dist[s] + w.transfer(to, Some(arc), None));
        }
    }
    best.is_finite().then_some(best)
}

fn check_path(
    g: &Graph,
    w: &impl Weigher,
    p: &Path,
    from: NodeIx,
    to: NodeIx,
    reqs: &[Requirement],
    r: &Restrictions,
) {
    assert_eq!(g.tail(p.arcs[0]), from);
    assert_eq!(g.head(*p.arcs.last().unwrap()), to);
    let mut total = w.transfer(from, None, Some(p.arcs[0]));
    for (i, &a) in p.arcs.iter().enumerate() {
        assert!(r.leg_ok(a.leg()) && r.node_ok(g.head(a)));
        if i > 0 {
            assert_eq!(g.head(p.arcs[i - 1]), g.tail(a), "arcs must connect");
            assert_ne!(p.arcs[i - 1].0 ^ 1, a.0, "no U-turn");
            total += w.transfer(g.tail(a), Some(p.arcs[i - 1]), Some(a));
        }
        total += w.arc(a);
    }
    total += w.transfer(to, p.arcs.last().copied(), None);
    assert!(
        (total - p.weight).abs() < 1e-9,
        "path weight {} but arcs sum to {total}",
        p.weight
    );
    for q in reqs {
        let met = p
            .arcs
            .iter()
            .any(|a| q.legs.contains(&a.leg()) || q.nodes.contains(&g.head(*a)))
            || q.nodes.contains(&from);
        assert!(met, "requirement {q:?} not met by {p:?}");
    }
}

#[test]
fn router_matches_bellman_ford_oracle_on_random_graphs() {
    let mut rng = ChaCha8Rng::seed_from_u64(20_261_127);
    let mut router = Router::new();
    let mut found = 0;
    for _ in 0..400 {
        let net = random_network(&mut rng);
        let g = Graph::build(&net);
        // Half the cases search by A* with the tightest bound the weights allow.
        let astar = rng.random_bool(0.5);
        let w = TestWeigher {
            net: &net,
            free_transfers: false,
            per_chord: if astar {
                least_per_chord(&net, &g).max(0.0)
            } else {
                0.0
            },
        };
        let n = u32::try_from(net.nodes().len()).unwrap();
        let m = u32::try_from(net.legs().len()).unwrap();
        for _ in 0..10 {
            let from = NodeIx(rng.random_range(0..n));
            let to = NodeIx(rng.random_range(0..n));
            let reqs: Vec<Requirement> = (0..rng.random_range(0..3))
                .map(|_| Requirement {
                    legs: (0..rng.random_range(0..2))
                        .map(|_| LegIx(rng.random_range(0..m)))
                        .collect(),
                    nodes: (0..rng.random_range(0..2))
                        .map(|_| NodeIx(rng.random_range(0..n)))
                        .collect(),
                })
                .collect();
            let r = Restrictions {
                leg_allowed: (0..m).map(|_| rng.random_bool(0.85)).collect(),
                node_allowed: if rng.random_bool(0.3) {
                    (0..n).map(|_| rng.random_bool(0.8)).collect()
                } else {
                    vec![]
                },
            };
            let got = router.shortest(&g, &w, from, to, &reqs, &r);
            let want = oracle(&g, &w, from, to, &reqs, &r);
            match (&got, want) {
                (Some(p), Some(o)) => {
                    assert!(
                        (p.weight - o).abs() < 1e-9,
                        "router {} oracle {o}",
                        p.weight
                    );
                    check_path(&g, &w, p, from, to, &reqs, &r);
                    found += 1;
                }
                (None, None) => {}
                _ => panic!(
                    "router {got:?} oracle {want:?} on {net:?} from {from:?} to {to:?} reqs {reqs:?}"
                ),
            }
        }
    }
    assert!(
        found > 500,
        "the random cases should mostly have routes ({found})"
    );
}

#[test]
#[allow(clippy::needless_range_loop)] // Floyd–Warshall reads best as index loops.
fn free_transfers_match_floyd_warshall() {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let mut router = Router::new();
    for _ in 0..200 {
        let net = random_network(&mut rng);
        let g = Graph::build(&net);
        let n = net.nodes().len();
        let mut d = vec![vec![f64::INFINITY; n]; n];
        for leg in net.legs() {
            let (a, b) = (leg.from.ix(), leg.to.ix());
            d[a][b] = d[a][b].min(leg.drawn_km);
            if !leg.one_way {
                d[b][a] = d[b][a].min(leg.drawn_km);
            }
        }
        for k in 0..n {
            for i in 0..n {
                for j in 0..n {
                    if d[i][k] + d[k][j] < d[i][j] {
                        d[i][j] = d[i][k] + d[k][j];
                    }
                }
            }
        }
        let w = TestWeigher {
            net: &net,
            free_transfers: true,
            per_chord: least_per_chord(&net, &g).max(0.0),
        };
        for i in 0..n {
            for j in 0..n {
                let (ni, nj) = (
                    NodeIx(u32::try_from(i).unwrap()),
                    NodeIx(u32::try_from(j).unwrap()),
                );
                let got = router.shortest(&g, &w, ni, nj, &[], &Restrictions::default());
                if i == j {
                    assert!(got.is_none());
                } else if d[i][j].is_finite() {
                    assert!((got.unwrap().weight - d[i][j]).abs() < 1e-9);
                } else {
                    assert!(got.is_none());
                }
            }
        }
    }
}

/// One search to many targets finds, for each, what the oracle finds for that pair alone
/// (with stop costs and requirements, and over nodes when transfers are free), in the order
/// given, duplicates and the origin included.
#[test]
fn one_to_many_matches_the_oracle_for_every_target() {
    let mut rng = ChaCha8Rng::seed_from_u64(20_261_202);
    let mut router = Router::new();
    let mut found = 0;
    for case in 0..300 {
        let net = random_network(&mut rng);
        let g = Graph::build(&net);
        let w = TestWeigher {
            net: &net,
            free_transfers: case % 2 == 0,
            per_chord: 0.0,
        };
        let n = u32::try_from(net.nodes().len()).unwrap();
        let m = u32::try_from(net.legs().len()).unwrap();
        let from = NodeIx(rng.random_range(0..n));
        let mut targets: Vec<NodeIx> = (0..rng.random_range(1..6))
            .map(|_| NodeIx(rng.random_range(0..n)))
            .collect();
        targets.push(targets[0]);
        targets.push(from);
        // Requirements only where the weigher charges transfers (over arcs).
        let reqs: Vec<Requirement> = if w.free_transfers {
            vec![]
        } else {
            (0..rng.random_range(0..3))
                .map(|_| Requirement {
                    legs: vec![LegIx(rng.random_range(0..m))],
                    nodes: vec![NodeIx(rng.random_range(0..n))],
                })
                .collect()
        };
        let r = Restrictions {
            leg_allowed: (0..m).map(|_| rng.random_bool(0.9)).collect(),
            node_allowed: vec![],
        };
        let got = router.shortest_to_many(&g, &w, from, &targets, &reqs, &r);
        assert_eq!(got.len(), targets.len());
        for (&to, p) in targets.iter().zip(&got) {
            match (p, oracle(&g, &w, from, to, &reqs, &r)) {
                (Some(p), Some(o)) => {
                    assert!((p.weight - o).abs() < 1e-9, "many {} oracle {o}", p.weight);
                    check_path(&g, &w, p, from, to, &reqs, &r);
                    found += 1;
                }
                (None, None) => {}
                (p, o) => panic!("many {p:?} oracle {o:?} from {from:?} to {to:?}"),
            }
        }
        assert!(got.last().unwrap().is_none(), "the origin is not a target");
    }
    assert!(
        found > 300,
        "the random cases should mostly have routes ({found})"
    );
}
