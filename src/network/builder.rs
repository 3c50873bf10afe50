//! Turning decoded features into a checked [`Network`]: every property typed and checked,
//! ids unique, positions in range, leg ends tied to their nodes; every problem collected with
//! the feature's index and id.

use std::collections::HashSet;

use geo::{Coord, LineString, Point};

use super::LoadOptions;
use super::checks::Checks;
use super::coordinates::Pos;
use super::geodesy::{distance_km, geodesic_km, normalize_lon};
use super::join::{Joiner, Piecing, Split};
use super::kinds::NodeKind;
use super::model::{Ids, Leg, Network, Node, NodeIx};
use super::properties::Properties;
use crate::error::{Error, Problem, ProblemKind, Result};

mod fields;
mod positions;

use positions::{antimeridian_groups, position_id};

/// A leg whose properties are checked, waiting for its ends to be tied to nodes (a leg may
/// name nodes that come later in the file).
/// The leg itself waits in [`Builder::legs`], at the same index: moving 216-byte legs from
/// one vector to another was a sixth of loading a million of them (BENCHMARKS.md).
struct PendingLeg {
    feature: usize,
    /// The feature gave the leg its id (so messages name it).
    given: bool,
    ends: Ends,
    /// The leg has problems: its ends are still checked (so every problem is reported), but
    /// it is not added.
    bad: bool,
}

/// How a leg's ends are found.
enum Ends {
    /// By the `from`/`to` node ids.
    Named { from: String, to: String },
    /// By the end coordinates.
    Loose,
}

/// Collects nodes, legs and problems feature by feature.
pub(crate) struct Builder<'o> {
    options: &'o LoadOptions,
    nodes: Vec<Node>,
    node_ids: Ids<NodeIx>,
    leg_ids: HashSet<String>,
    pending: Vec<PendingLeg>,
    legs: Vec<Leg>,
    problems: Vec<Problem>,
}

impl<'o> Builder<'o> {
    pub(crate) fn new(options: &'o LoadOptions) -> Self {
        Builder {
            options,
            nodes: Vec::new(),
            node_ids: Ids::default(),
            leg_ids: HashSet::new(),
            pending: Vec::new(),
            legs: Vec::new(),
            problems: Vec::new(),
        }
    }

    pub(crate) fn problem(&mut self, feature: usize, id: Option<String>, message: String) {
        self.problems.push(Problem {
            feature,
            id,
            message,
            kind: ProblemKind::Other,
        });
    }

    fn report(&mut self, feature: usize, id: Option<&String>, checks: Checks) {
        for (message, kind) in checks.messages {
            self.problems.push(Problem {
                feature,
                id: id.cloned(),
                message,
                kind,
            });
        }
    }

    /// A checked position, or a problem.
    fn position(&mut self, i: usize, id: Option<&String>, p: Pos) -> Option<Coord<f64>> {
        let message = if p.len < 2 {
            let given = &p.xy[..p.len];
            format!("position {given:?} has fewer than two numbers")
        } else {
            let [lon, lat] = p.xy;
            if !lon.is_finite() || !lat.is_finite() {
                format!("position [{lon}, {lat}] is not a pair of finite numbers")
            } else if !(-540.0..=540.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
                // Longitudes unwrapped once past ±180° (as some global sea networks store them)
                // are accepted.
                format!(
                    "position [{lon}, {lat}] is out of range (longitude −540…540, latitude −90…90)"
                )
            } else {
                return Some(Coord { x: lon, y: lat });
            }
        };
        self.problem(i, id.cloned(), message);
        None
    }

    fn line(&mut self, i: usize, id: Option<&String>, coords: &[Pos]) -> Option<LineString<f64>> {
        if coords.len() < 2 {
            let message = format!(
                "line has {} position(s); a leg needs at least two",
                coords.len()
            );
            self.problem(i, id.cloned(), message);
            return None;
        }
        let mut out = Vec::with_capacity(coords.len());
        let mut ok = true;
        for c in coords {
            match self.position(i, id, *c) {
                Some(c) => out.push(c),
                None => ok = false,
            }
        }
        ok.then(|| LineString::new(out))
    }

    fn add_node(&mut self, node: Node) -> NodeIx {
        let ix = NodeIx::of(self.nodes.len());
        self.node_ids.insert(node.id.clone(), ix);
        self.nodes.push(node);
        ix
    }

    /// A Point feature: a node.
    pub(crate) fn point(
        &mut self,
        i: usize,
        id: Option<String>,
        props: Box<Properties<'_>>,
        p: Pos,
    ) {
        let Some(c) = self.position(i, id.as_ref(), p) else {
            return;
        };
        let id = id.unwrap_or_else(|| format!("node-{i}"));
        if self.node_ids.contains_key(&id) {
            self.problem(i, Some(id), "duplicate node id".into());
            return;
        }
        let mut checks = Checks::default();
        let name = checks
            .text("name", props.name)
            .unwrap_or_else(|| id.clone());
        let aliases = checks.texts("aliases", props.aliases);
        let kind = checks
            .parsed::<NodeKind>("kind", props.kind, true)
            .unwrap_or(NodeKind::Junction);
        let country = checks
            .text("country", props.country)
            .filter(|c| checks.country_code("country", c));
        let locode = checks.text("locode", props.locode);
        if let Some(l) = &locode
            && (l.len() != 5 || !l.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            checks.push(format!("`locode` {l:?} is not a five-character UN/LOCODE"));
        }
        let passage = checks.text("passage", props.passage);
        let source = checks.text("source", props.source);
        self.report(i, Some(&id), checks);
        self.add_node(Node {
            id,
            name,
            aliases,
            kind,
            country,
            locode,
            passage,
            source,
            position: Point::new(normalize_lon(c.x), c.y),
        });
    }

    /// A LineString or MultiLineString feature: one leg per part. `lengths` yields the
    /// precomputed geodesic length of each part, when known.
    pub(crate) fn lines(
        &mut self,
        i: usize,
        id: Option<String>,
        props: Box<Properties<'_>>,
        parts: &[Vec<Pos>],
        lengths: &mut dyn FnMut() -> Option<f64>,
    ) {
        let groups = antimeridian_groups(parts);
        if groups.len() == 1 {
            let (line, known_km) = self.group(i, id.as_ref(), parts, &groups[0], lengths);
            self.leg(i, id, props, line, known_km);
            return;
        }
        for (k, g) in groups.iter().enumerate() {
            let part_id = id.as_ref().map(|s| format!("{s}#{k}"));
            let (line, known_km) = self.group(i, part_id.as_ref(), parts, g, lengths);
            self.leg(i, part_id, props.clone(), line, known_km);
        }
    }

    /// The parts `range` of a MultiLineString as one line (a line cut at ±180° whole again,
    /// its longitudes unwrapped), with the sum of their precomputed lengths when all are known.
    fn group(
        &mut self,
        i: usize,
        id: Option<&String>,
        parts: &[Vec<Pos>],
        range: &std::ops::Range<usize>,
        lengths: &mut dyn FnMut() -> Option<f64>,
    ) -> (Option<LineString<f64>>, Option<f64>) {
        let mut known = Some(0.0);
        for _ in range.clone() {
            known = known.zip(lengths()).map(|(a, b)| a + b);
        }
        if range.len() == 1 {
            return (self.line(i, id, &parts[range.start]), known);
        }
        let mut joined: Vec<Pos> = parts[range.start].clone();
        let mut shift = 0.0;
        for part in &parts[range.start + 1..range.end] {
            // Each part starts on the meridian where the one before ended, on its other side.
            let end = joined.last().map_or(0.0, |p| p.xy[0]);
            shift += if end - shift > 0.0 { 360.0 } else { -360.0 };
            joined.extend(part[1..].iter().map(|p| Pos {
                xy: [p.xy[0] + shift, p.xy[1]],
                len: p.len,
            }));
        }
        (self.line(i, id, &joined), known)
    }

    /// Checks a leg's properties and, when its geometry is usable too, queues it.
    fn leg(
        &mut self,
        i: usize,
        given_id: Option<String>,
        mut props: Box<Properties<'_>>,
        line: Option<LineString<f64>>,
        known_km: Option<f64>,
    ) {
        let id = given_id.clone().unwrap_or_else(|| format!("leg-{i}"));
        if given_id.is_some() && !self.leg_ids.insert(id.clone()) {
            self.problem(i, given_id, "duplicate leg id".into());
            return;
        }
        let mut checks = Checks::default();
        // A leg is tied by coordinates only when it names neither end.
        let ends = match (
            checks.text("from", std::mem::take(&mut props.from)),
            checks.text("to", std::mem::take(&mut props.to)),
        ) {
            (Some(from), Some(to)) => Some(Ends::Named { from, to }),
            (None, None) => Some(Ends::Loose),
            _ => {
                checks.push("names only one of `from` and `to`".into());
                None
            }
        };
        let (leg, has_mode) = self.leg_fields(id, props, &mut checks);
        let bad = !checks.messages.is_empty();
        self.report(i, given_id.as_ref(), checks);
        let (Some(line), Some(ends)) = (line, ends) else {
            return;
        };
        debug_assert!(has_mode || bad, "a leg without a mode has a problem");
        // A leg with problems is never measured: it only has its ends checked. A loose leg is
        // measured once it is split at its junctions.
        let drawn_km = if bad || matches!(ends, Ends::Loose) {
            0.0
        } else {
            known_km
                .filter(|k| k.is_finite())
                .unwrap_or_else(|| geodesic_km(&line))
        };
        self.pending.push(PendingLeg {
            feature: i,
            given: given_id.is_some(),
            ends,
            bad,
        });
        self.legs.push(Leg {
            geometry: line,
            drawn_km,
            ..leg
        });
    }

    /// A junction node at `p`, named by its position (`n72.95000,18.95000`).
    fn junction(&mut self, p: Point<f64>) -> NodeIx {
        let id = position_id(p);
        self.add_node(Node {
            id: id.clone(),
            name: id,
            aliases: Vec::new(),
            kind: NodeKind::Junction,
            country: None,
            locode: None,
            passage: None,
            source: None,
            position: p,
        })
    }

    /// The node a named end refers to, checked to lie within the end tolerance.
    fn named_end(
        &mut self,
        (feature, id): (usize, Option<&String>),
        key: &str,
        name: &str,
        end: Point<f64>,
    ) -> Option<NodeIx> {
        let problem = |b: &mut Self, message: String| {
            b.problem(feature, id.cloned(), message);
        };
        let Some(&n) = self.node_ids.get(name) else {
            problem(self, format!("`{key}` names unknown node {name:?}"));
            return None;
        };
        let at = self.nodes[n.ix()].position;
        // Most ends sit exactly on their node: skip the geodesic then.
        let d = if at == end { 0.0 } else { distance_km(at, end) };
        if d > self.options.end_tolerance_km {
            let which = if key == "from" { "first" } else { "last" };
            let message = format!(
                "{which} position lies {d:.2} km from its `{key}` node {name:?} (at most {} km allowed)",
                self.options.end_tolerance_km
            );
            problem(self, message);
        }
        Some(n)
    }

    /// Ties every queued leg to its nodes and returns the network, or every problem found.
    pub(crate) fn finish(mut self, file: &str) -> Result<Network> {
        let pending = std::mem::take(&mut self.pending);
        let mut legs = std::mem::take(&mut self.legs);
        let loose: Vec<usize> = (0..pending.len())
            .filter(|&k| matches!(pending[k].ends, Ends::Loose) && !pending[k].bad)
            .collect();
        let mut split = if loose.is_empty() {
            Split::default()
        } else {
            self.join(&legs, &loose)
        };
        // Legs are tied in place; only a leg dropped or cut into pieces needs the vector rebuilt.
        let mut keep = vec![true; legs.len()];
        let mut pieces: Vec<(usize, Vec<Leg>)> = Vec::new();
        for (k, p) in pending.iter().enumerate() {
            match &p.ends {
                // A bad loose leg creates no nodes.
                Ends::Loose if p.bad => keep[k] = false,
                Ends::Loose => match split.pieces(&mut legs[k]) {
                    Piecing::One => {}
                    Piecing::None => keep[k] = false,
                    Piecing::Many(v) => {
                        keep[k] = false;
                        pieces.push((k, v));
                    }
                },
                Ends::Named { from, to } => {
                    let line = &legs[k].geometry;
                    let (first, last) = (line.0[0], line.0[line.0.len() - 1]);
                    let first = Point::new(normalize_lon(first.x), first.y);
                    let last = Point::new(normalize_lon(last.x), last.y);
                    let id = p.given.then(|| legs[k].id.clone());
                    let a = self.named_end((p.feature, id.as_ref()), "from", from, first);
                    let b = self.named_end((p.feature, id.as_ref()), "to", to, last);
                    match (a.zip(b), p.bad) {
                        (Some((from, to)), false) => (legs[k].from, legs[k].to) = (from, to),
                        _ => keep[k] = false,
                    }
                }
            }
        }
        if !self.problems.is_empty() {
            let mut problems = self.problems;
            problems.sort_by_key(|p| p.feature);
            return Err(Error::InvalidNetwork {
                file: file.to_string(),
                problems,
            });
        }
        if keep.iter().any(|k| !k) {
            let mut pieces = pieces.into_iter().peekable();
            let mut out = Vec::with_capacity(legs.len());
            for (k, leg) in legs.into_iter().enumerate() {
                if keep[k] {
                    out.push(leg);
                } else if pieces.peek().is_some_and(|(at, _)| *at == k) {
                    out.extend(pieces.next().expect("peeked").1);
                }
            }
            legs = out;
        }
        Ok(Network::from_indexed(
            self.nodes,
            legs,
            self.node_ids,
            split.junctions,
        ))
    }

    /// Matches every vertex of the loose lines to the places near it (the Point nodes first),
    /// and makes a junction node for each place that is not a Point.
    fn join(&mut self, legs: &[Leg], loose: &[usize]) -> Split {
        let mut j = Joiner::new(self.options.join_tolerance_km);
        for (i, n) in self.nodes.iter().enumerate() {
            j.seed(n.position, u32::try_from(i).expect("fewer than 2^32 nodes"));
        }
        let mut vertex_cluster = Vec::new();
        for (li, &k) in loose.iter().enumerate() {
            let line = u32::try_from(li).expect("fewer than 2^32 lines");
            let coords = &legs[k].geometry.0;
            let last = coords.len() - 1;
            for (k, c) in coords.iter().enumerate() {
                let at = Point::new(normalize_lon(c.x), c.y);
                vertex_cluster.push(j.vertex(line, at, k == 0 || k == last));
            }
        }
        let clusters = j.clusters();
        let mut node_of: Vec<Option<NodeIx>> =
            clusters.iter().map(|c| c.node.map(NodeIx)).collect();
        let mut junctions = 0;
        // Junction nodes in the order their lines meet them, so ids follow the file.
        for &c in &vertex_cluster {
            let cl = &clusters[c as usize];
            if cl.is_place() && node_of[c as usize].is_none() {
                node_of[c as usize] = Some(self.junction(cl.position));
                junctions += 1;
            }
        }
        let place: Vec<bool> = clusters
            .iter()
            .map(super::join::Cluster::is_place)
            .collect();
        Split {
            vertex_cluster,
            node_of,
            place,
            next: 0,
            junctions,
        }
    }
}
