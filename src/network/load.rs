//! Reading a network from GeoJSON, with a report of every problem found.

use std::collections::HashMap;
use std::collections::HashSet;

use geo::{Coord, LineString, Point};
use geojson::{Feature, GeometryValue};
use serde_json::{Map, Value};

use super::{
    Leg, Mode, Network, Node, NodeIx, NodeKind, Status, Traction, Vessel, distance_km, geodesic_km,
    normalize_lon,
};
use crate::error::{Error, Problem, Result};

/// How to read a network file.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Mode given to legs that have no `mode` property; `None` makes such legs an error.
    pub default_mode: Option<Mode>,
    /// Leg ends closer than this are one node when legs carry no `from`/`to`, km.
    pub join_tolerance_km: f64,
    /// A leg end may lie at most this far from its `from`/`to` node, km.
    pub end_tolerance_km: f64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            default_mode: None,
            join_tolerance_km: 0.05,
            end_tolerance_km: 1.0,
        }
    }
}

/// Parses a GeoJSON FeatureCollection into a [`Network`], checking it as it goes.
///
/// Point features become nodes and LineString features legs (a MultiLineString becomes one leg
/// per part). Legs without `from`/`to` are tied to nodes by their end coordinates; nodes are
/// created where no node lies within [`LoadOptions::join_tolerance_km`].
///
/// # Errors
/// [`Error::Parse`] when the text is not JSON or not a FeatureCollection;
/// [`Error::InvalidNetwork`] listing every problem (duplicate ids, unknown `from`/`to`, leg
/// ends more than 1 km from their nodes, unknown modes, coordinates out of range, lines with
/// fewer than two positions …) with the index and id of each offending feature.
///
/// # Example
/// ```
/// use corridor::network::{parse_network, LoadOptions};
/// let text = r#"{"type":"FeatureCollection","features":[
///   {"type":"Feature","properties":{"mode":"rail"},
///    "geometry":{"type":"LineString","coordinates":[[37.6,55.7],[30.3,59.9]]}}]}"#;
/// let net = parse_network(text, "inline", &LoadOptions::default()).unwrap();
/// assert_eq!((net.nodes.len(), net.legs.len()), (2, 1));
/// ```
pub fn parse_network(text: &str, file: &str, options: &LoadOptions) -> Result<Network> {
    let doc: Value = serde_json::from_str(text).map_err(|e| Error::Parse {
        file: file.to_string(),
        message: format!("not valid JSON: {e}"),
    })?;
    let Value::Object(mut doc) = doc else {
        return Err(parse_err(file, "the top level is not a JSON object"));
    };
    match doc.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => {}
        Some(other) => {
            return Err(parse_err(
                file,
                &format!("expected a FeatureCollection, found type {other:?}"),
            ));
        }
        None => {
            return Err(parse_err(
                file,
                "the top-level object has no \"type\" (expected FeatureCollection)",
            ));
        }
    }
    let Some(Value::Array(features)) = doc.remove("features") else {
        return Err(parse_err(
            file,
            "the FeatureCollection has no \"features\" array",
        ));
    };

    let mut b = Builder::new(options);
    let mut pending_legs = Vec::new();
    for (i, value) in features.into_iter().enumerate() {
        let id_hint = value
            .get("properties")
            .and_then(|p| p.get("id"))
            .map(id_text);
        let feature: Feature = match serde_json::from_value(value) {
            Ok(f) => f,
            Err(e) => {
                b.problem(i, id_hint, format!("not a valid GeoJSON feature: {e}"));
                continue;
            }
        };
        let props = feature.properties.clone().unwrap_or_default();
        let id = props
            .get("id")
            .map(id_text)
            .or_else(|| feature.id.as_ref().map(feature_id_text));
        let Some(geometry) = feature.geometry else {
            b.problem(i, id, "has no geometry".into());
            continue;
        };
        match geometry.value {
            GeometryValue::Point { coordinates } => {
                if let Some(c) = b.position(i, id.as_ref(), coordinates.as_slice()) {
                    b.node(i, id, &props, c);
                }
            }
            GeometryValue::LineString { coordinates } => {
                let line = b.line(i, id.as_ref(), &coordinates);
                pending_legs.push((i, id, props, line));
            }
            GeometryValue::MultiLineString { coordinates } => {
                let parts = coordinates.len();
                for (k, part) in coordinates.iter().enumerate() {
                    let part_id = if parts > 1 {
                        id.as_ref().map(|s| format!("{s}#{k}"))
                    } else {
                        id.clone()
                    };
                    let line = b.line(i, part_id.as_ref(), part);
                    pending_legs.push((i, part_id, props.clone(), line));
                }
            }
            other => b.problem(
                i,
                id,
                format!(
                    "has a {} geometry; nodes are Points and legs LineStrings",
                    other.type_name()
                ),
            ),
        }
    }
    // Legs come after all nodes so that `from`/`to` may name nodes later in the file.
    for (i, id, props, line) in pending_legs {
        b.leg(i, id, &props, line);
    }
    b.finish(file)
}

fn parse_err(file: &str, message: &str) -> Error {
    Error::Parse {
        file: file.to_string(),
        message: message.to_string(),
    }
}

fn id_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn feature_id_text(id: &geojson::feature::Id) -> String {
    match id {
        geojson::feature::Id::String(s) => s.clone(),
        geojson::feature::Id::Number(n) => n.to_string(),
    }
}

struct Builder<'a> {
    options: &'a LoadOptions,
    nodes: Vec<Node>,
    legs: Vec<Leg>,
    node_ids: HashMap<String, NodeIx>,
    leg_ids: HashSet<String>,
    /// Grid of node positions for tying loose leg ends to nodes (cell ≈ join tolerance).
    grid: HashMap<(i64, i64), Vec<NodeIx>>,
    cell_deg: f64,
    problems: Vec<Problem>,
}

impl<'a> Builder<'a> {
    fn new(options: &'a LoadOptions) -> Self {
        // 1° of latitude ≈ 111 km; the cell is never smaller than the tolerance anywhere.
        let cell_deg = (options.join_tolerance_km / 111.0).max(1e-6);
        Builder {
            options,
            nodes: Vec::new(),
            legs: Vec::new(),
            node_ids: HashMap::new(),
            leg_ids: HashSet::new(),
            grid: HashMap::new(),
            cell_deg,
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, feature: usize, id: Option<String>, message: String) {
        self.problems.push(Problem {
            feature,
            id,
            message,
        });
    }

    fn position(&mut self, i: usize, id: Option<&String>, c: &[f64]) -> Option<Coord<f64>> {
        if c.len() < 2 {
            self.problem(
                i,
                id.cloned(),
                format!("position {c:?} has fewer than two numbers"),
            );
            return None;
        }
        let (lon, lat) = (c[0], c[1]);
        if !lon.is_finite() || !lat.is_finite() {
            self.problem(
                i,
                id.cloned(),
                format!("position [{lon}, {lat}] is not a pair of finite numbers"),
            );
            return None;
        }
        // Longitudes unwrapped once past ±180° (as some global sea networks store them) are accepted.
        if !(-540.0..=540.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
            self.problem(
                i,
                id.cloned(),
                format!(
                    "position [{lon}, {lat}] is out of range (longitude −540…540, latitude −90…90)"
                ),
            );
            return None;
        }
        Some(Coord { x: lon, y: lat })
    }

    fn line(
        &mut self,
        i: usize,
        id: Option<&String>,
        coords: &[geojson::Position],
    ) -> Option<LineString<f64>> {
        if coords.len() < 2 {
            self.problem(
                i,
                id.cloned(),
                format!(
                    "line has {} position(s); a leg needs at least two",
                    coords.len()
                ),
            );
            return None;
        }
        let mut out = Vec::with_capacity(coords.len());
        let mut ok = true;
        for c in coords {
            match self.position(i, id, c.as_slice()) {
                Some(c) => out.push(c),
                None => ok = false,
            }
        }
        ok.then(|| LineString::new(out))
    }

    fn cell(&self, p: Point<f64>) -> (i64, i64) {
        #[allow(clippy::cast_possible_truncation)]
        (
            (p.x() / self.cell_deg).floor() as i64,
            (p.y() / self.cell_deg).floor() as i64,
        )
    }

    fn add_node(&mut self, node: Node) -> NodeIx {
        let ix = NodeIx(u32::try_from(self.nodes.len()).expect("fewer than 2^32 nodes"));
        let cell = self.cell(node.position);
        self.grid.entry(cell).or_default().push(ix);
        self.node_ids.insert(node.id.clone(), ix);
        self.nodes.push(node);
        ix
    }

    fn node(&mut self, i: usize, id: Option<String>, props: &Map<String, Value>, c: Coord<f64>) {
        let id = id.unwrap_or_else(|| format!("node-{i}"));
        if self.node_ids.contains_key(&id) {
            self.problem(i, Some(id), "duplicate node id".into());
            return;
        }
        let mut fields = Fields {
            props,
            problems: Vec::new(),
        };
        let name = fields.string("name").unwrap_or_else(|| id.clone());
        let aliases = fields.strings("aliases");
        let kind = fields
            .parsed::<NodeKind>("kind")
            .unwrap_or(NodeKind::Junction);
        let country = fields.country("country");
        let locode = fields.string("locode");
        if let Some(l) = &locode
            && (l.len() != 5 || !l.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            fields
                .problems
                .push(format!("`locode` {l:?} is not a five-character UN/LOCODE"));
        }
        let passage = fields.string("passage");
        let source = fields.string("source");
        for m in fields.problems {
            self.problem(i, Some(id.clone()), m);
        }
        let position = Point::new(normalize_lon(c.x), c.y);
        self.add_node(Node {
            id,
            name,
            aliases,
            kind,
            country,
            locode,
            passage,
            source,
            position,
        });
    }

    /// The node within the join tolerance of `p`, or a new junction node there.
    fn node_at(&mut self, p: Point<f64>) -> NodeIx {
        let (cx, cy) = self.cell(p);
        let mut best: Option<(f64, NodeIx)> = None;
        for dx in -1..=1 {
            for dy in -1..=1 {
                if let Some(list) = self.grid.get(&(cx + dx, cy + dy)) {
                    for &n in list {
                        let d = distance_km(self.nodes[n.ix()].position, p);
                        if d <= self.options.join_tolerance_km && best.is_none_or(|(bd, _)| d < bd)
                        {
                            best = Some((d, n));
                        }
                    }
                }
            }
        }
        if let Some((_, n)) = best {
            return n;
        }
        let id = format!("n{:.5},{:.5}", p.x(), p.y());
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

    fn end_node(
        &mut self,
        fields: &mut Fields<'_>,
        key: &str,
        end: Point<f64>,
        loose: bool,
    ) -> Option<NodeIx> {
        if loose {
            return Some(self.node_at(end));
        }
        let name = fields.string(key)?;
        let Some(&n) = self.node_ids.get(&name) else {
            fields
                .problems
                .push(format!("`{key}` names unknown node {name:?}"));
            return None;
        };
        let d = distance_km(self.nodes[n.ix()].position, end);
        if d > self.options.end_tolerance_km {
            let which = if key == "from" { "first" } else { "last" };
            fields.problems.push(format!(
                "{which} position lies {d:.2} km from its `{key}` node {name:?} (at most {} km allowed)",
                self.options.end_tolerance_km
            ));
        }
        Some(n)
    }

    /// Checks a leg's properties and, when its geometry is usable too, adds it.
    fn leg(
        &mut self,
        i: usize,
        given_id: Option<String>,
        props: &Map<String, Value>,
        line: Option<LineString<f64>>,
    ) {
        let id = given_id.clone().unwrap_or_else(|| format!("leg-{i}"));
        if given_id.is_some() && !self.leg_ids.insert(id.clone()) {
            self.problem(i, given_id, "duplicate leg id".into());
            return;
        }
        let mut f = Fields {
            props,
            problems: Vec::new(),
        };
        let ends = line.as_ref().map(|l| {
            let (first, last) = (l.0[0], l.0[l.0.len() - 1]);
            (
                Point::new(normalize_lon(first.x), first.y),
                Point::new(normalize_lon(last.x), last.y),
            )
        });
        // A leg is tied by coordinates only when it names neither end.
        let loose = !props.contains_key("from") && !props.contains_key("to");
        if !loose && (!props.contains_key("from") || !props.contains_key("to")) {
            f.problems.push("names only one of `from` and `to`".into());
        }
        let (from, to) = match ends {
            Some((p_first, p_last)) => (
                self.end_node(&mut f, "from", p_first, loose),
                self.end_node(&mut f, "to", p_last, loose),
            ),
            None => (None, None),
        };
        let mode = match f.parsed::<Mode>("mode") {
            Some(m) => Some(m),
            None if !props.contains_key("mode") => {
                match self.options.default_mode {
                    Some(m) => Some(m),
                    None => {
                        f.problems.push("has no `mode` (sea, rail, road or ferry); give --default-mode to load it".into());
                        None
                    }
                }
            }
            None => None,
        };
        let countries = f.countries("countries");
        let status = f.parsed::<Status>("status").unwrap_or(Status::Operational);
        let gauge_mm = f.number("gauge_mm").and_then(|g| {
            if (500.0..=2000.0).contains(&g) && g.fract() == 0.0 {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                Some(g as u16)
            } else {
                f.problems.push(format!(
                    "`gauge_mm` {g} is not a track gauge in whole millimetres (500–2000)"
                ));
                None
            }
        });
        let traction = match f.string("traction").as_deref() {
            None => None,
            Some("electric") => Some(Traction::Electric),
            Some("diesel") => Some(Traction::Diesel),
            Some(other) => {
                f.problems.push(format!(
                    "unknown `traction` {other:?} (expected electric or diesel)"
                ));
                None
            }
        };
        let vessel = match f.string("vessel").as_deref() {
            None | Some("container") => Vessel::Container,
            Some("river-sea") => Vessel::RiverSea,
            Some(other) => {
                f.problems.push(format!(
                    "unknown `vessel` {other:?} (expected container or river-sea)"
                ));
                Vessel::Container
            }
        };
        let passages = f.strings("passages");
        let one_way = f.boolean("one_way");
        let name = f.string("name");
        let source = f.string("source");
        let published_km = f.number("published_km");
        if let Some(km) = published_km
            && km <= 0.0
        {
            f.problems
                .push(format!("`published_km` {km} is not a positive length"));
        }
        let published_source = f.string("published_source");
        let problems = std::mem::take(&mut f.problems);
        let bad = !problems.is_empty();
        for m in problems {
            self.problem(i, given_id.clone(), m);
        }
        let (Some(line), Some(from), Some(to), Some(mode), false) = (line, from, to, mode, bad)
        else {
            return;
        };
        let length_km = geodesic_km(&line);
        self.legs.push(Leg {
            id,
            name,
            from,
            to,
            mode,
            countries,
            status,
            gauge_mm,
            traction,
            vessel,
            passages,
            one_way,
            source,
            published_km,
            published_source,
            geometry: line,
            length_km,
        });
    }

    fn finish(self, file: &str) -> Result<Network> {
        if !self.problems.is_empty() {
            let mut problems = self.problems;
            problems.sort_by_key(|p| p.feature);
            return Err(Error::InvalidNetwork {
                file: file.to_string(),
                problems,
            });
        }
        assert!(
            u32::try_from(self.legs.len()).is_ok(),
            "fewer than 2^32 legs"
        );
        Ok(Network::from_parts(self.nodes, self.legs))
    }
}

/// Typed access to a feature's properties, collecting a message for every wrong value.
struct Fields<'p> {
    props: &'p Map<String, Value>,
    problems: Vec<String>,
}

impl Fields<'_> {
    fn string(&mut self, key: &str) -> Option<String> {
        match self.props.get(key)? {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            other => {
                self.problems
                    .push(format!("`{key}` is {other}, not a string"));
                None
            }
        }
    }

    fn strings(&mut self, key: &str) -> Vec<String> {
        match self.props.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) if items.iter().all(Value::is_string) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            Some(Value::String(s)) => vec![s.clone()],
            Some(other) => {
                self.problems
                    .push(format!("`{key}` is {other}, not an array of strings"));
                Vec::new()
            }
        }
    }

    fn country_code(&mut self, key: &str, c: &str) -> bool {
        if c.len() == 2 && c.chars().all(|ch| ch.is_ascii_uppercase()) {
            true
        } else {
            self.problems.push(format!(
                "`{key}` holds {c:?}, not an ISO 3166-1 alpha-2 code such as \"IR\""
            ));
            false
        }
    }

    fn country(&mut self, key: &str) -> Option<String> {
        let c = self.string(key)?;
        self.country_code(key, &c).then_some(c)
    }

    fn countries(&mut self, key: &str) -> Vec<String> {
        let list = self.strings(key);
        list.into_iter()
            .filter(|c| self.country_code(key, c))
            .collect()
    }

    fn number(&mut self, key: &str) -> Option<f64> {
        match self.props.get(key)? {
            Value::Null => None,
            Value::Number(n) => n.as_f64(),
            other => {
                self.problems
                    .push(format!("`{key}` is {other}, not a number"));
                None
            }
        }
    }

    fn boolean(&mut self, key: &str) -> bool {
        match self.props.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.problems
                    .push(format!("`{key}` is {other}, not true or false"));
                false
            }
        }
    }

    fn parsed<T: std::str::FromStr<Err = String>>(&mut self, key: &str) -> Option<T> {
        let s = self.string(key)?;
        match s.parse() {
            Ok(v) => Some(v),
            Err(e) => {
                self.problems.push(format!("`{key}`: {e}"));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fc(features: &str) -> String {
        format!(r#"{{"type":"FeatureCollection","features":[{features}]}}"#)
    }

    fn point(id: &str, lon: f64, lat: f64) -> String {
        format!(
            r#"{{"type":"Feature","properties":{{"id":"{id}","kind":"port"}},"geometry":{{"type":"Point","coordinates":[{lon},{lat}]}}}}"#
        )
    }

    fn problems(text: &str, options: &LoadOptions) -> Vec<Problem> {
        match parse_network(text, "t.geojson", options) {
            Err(Error::InvalidNetwork { problems, .. }) => problems,
            other => panic!("expected problems, got {other:?}"),
        }
    }

    #[test]
    fn legs_without_ends_are_tied_by_coordinates() {
        let text = fc(
            r#"{"type":"Feature","properties":{"mode":"sea"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,0]]}},
            {"type":"Feature","properties":{"mode":"sea"},"geometry":{"type":"LineString","coordinates":[[1.0000001,0],[2,0]]}}"#,
        );
        let net = parse_network(&text, "t", &LoadOptions::default()).unwrap();
        assert_eq!(net.nodes.len(), 3);
        assert_eq!(net.legs[0].to, net.legs[1].from);
        assert!((net.legs[0].length_km - 111.32).abs() < 0.1);
    }

    #[test]
    fn missing_mode_needs_a_default() {
        let text = fc(
            r#"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[0,0],[1,0]]}}"#,
        );
        let p = problems(&text, &LoadOptions::default());
        assert!(p[0].message.contains("--default-mode"), "{p:?}");
        let opts = LoadOptions {
            default_mode: Some(Mode::Sea),
            ..LoadOptions::default()
        };
        assert_eq!(
            parse_network(&text, "t", &opts).unwrap().legs[0].mode,
            Mode::Sea
        );
    }

    #[test]
    fn unwrapped_longitudes_are_accepted() {
        let text = fc(
            r#"{"type":"Feature","properties":{"mode":"sea"},"geometry":{"type":"LineString","coordinates":[[179,0],[181,0]]}}"#,
        );
        let net = parse_network(&text, "t", &LoadOptions::default()).unwrap();
        assert!((net.legs[0].length_km - 222.6).abs() < 0.5);
        assert!((net.node(net.legs[0].to).position.x() - -179.0).abs() < 1e-9);
    }

    #[test]
    fn every_problem_is_reported_with_index_and_id() {
        let text = fc(&[
            point("a", 0.0, 0.0),
            point("a", 1.0, 0.0),
            point("b", 200.0, 95.0),
            r#"{"type":"Feature","properties":{"id":"l1","from":"a","to":"zz","mode":"sea"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,0]]}}"#.into(),
            r#"{"type":"Feature","properties":{"id":"l2","from":"a","to":"a","mode":"hovercraft"},"geometry":{"type":"LineString","coordinates":[[0,0],[0.5,0]]}}"#.into(),
            r#"{"type":"Feature","properties":{"id":"l3","mode":"sea"},"geometry":{"type":"LineString","coordinates":[[0,0]]}}"#.into(),
            r#"{"type":"Feature","properties":{"id":"l4","mode":"sea"},"geometry":{"type":"LineString","coordinates":[[0,"x"],[1,1]]}}"#.into(),
        ]
        .join(","));
        let p = problems(&text, &LoadOptions::default());
        let text: Vec<String> = p.iter().map(ToString::to_string).collect();
        let all = text.join("\n");
        assert!(
            all.contains("feature #1 (id \"a\"): duplicate node id"),
            "{all}"
        );
        assert!(
            all.contains("feature #2 (id \"b\"): position [200, 95] is out of range"),
            "{all}"
        );
        assert!(
            all.contains("feature #3 (id \"l1\"): `to` names unknown node \"zz\""),
            "{all}"
        );
        assert!(
            all.contains("feature #4 (id \"l2\"): last position lies 55.66 km"),
            "{all}"
        );
        assert!(all.contains("unknown mode \"hovercraft\""), "{all}");
        assert!(
            all.contains("feature #5 (id \"l3\"): line has 1 position(s)"),
            "{all}"
        );
        assert!(
            all.contains("feature #6 (id \"l4\"): not a valid GeoJSON feature"),
            "{all}"
        );
    }

    #[test]
    fn not_a_feature_collection_is_a_parse_error() {
        let e = parse_network(
            r#"{"type":"Feature"}"#,
            "x.geojson",
            &LoadOptions::default(),
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("x.geojson: expected a FeatureCollection"),
            "{e}"
        );
        let e = parse_network("{", "x.geojson", &LoadOptions::default()).unwrap_err();
        assert!(e.to_string().contains("not valid JSON"), "{e}");
    }
}
