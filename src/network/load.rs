//! Reading a network from GeoJSON, with a report of every problem found.

use std::collections::HashMap;
use std::collections::HashSet;

use geo::{Coord, LineString, Point};
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
    parse_measured(text, file, options, None)
}

/// [`parse_network`] with the lines' geodesic lengths known in advance (in file order, one per
/// LineString or MultiLineString part), as build.rs computes them for the embedded network.
/// A list of the wrong size is ignored.
pub(crate) fn parse_measured(
    text: &str,
    file: &str,
    options: &LoadOptions,
    lengths_km: Option<&[f64]>,
) -> Result<Network> {
    let decoded = decode_document(text, file)?;
    let mut b = Builder::new(options);
    let mut pending_legs = Vec::new();
    for (i, decoded) in decoded.into_iter().enumerate() {
        match decoded {
            Decoded::Problem { id, message } => b.problem(i, id, message),
            Decoded::Point { id, props, coords } => {
                if let Some(c) = b.position(i, id.as_ref(), coords) {
                    b.node(i, id, props, c);
                }
            }
            Decoded::Lines { id, props, parts } => {
                let n = parts.len();
                for (k, part) in parts.iter().enumerate() {
                    let part_id = if n > 1 {
                        id.as_ref().map(|s| format!("{s}#{k}"))
                    } else {
                        id.clone()
                    };
                    let line = b.line(i, part_id.as_ref(), part);
                    pending_legs.push((i, part_id, props.clone(), line));
                }
            }
        }
    }
    // Legs come after all nodes so that `from`/`to` may name nodes later in the file.
    let known = lengths_km.filter(|l| l.len() == pending_legs.len());
    for (k, (i, id, props, line)) in pending_legs.into_iter().enumerate() {
        b.leg(i, id, props, line, known.map(|l| l[k]));
    }
    b.finish(file)
}

// Input is read with these lean structs rather than `geojson::Feature`: its flattened
// foreign members make serde buffer every feature, and parsing dominated the start-up of
// `route compare` (benches/routing.rs, "parse embedded GeoJSON"). Output still uses `geojson`.

/// A feature as read: geometry coordinates kept raw until the geometry type is known.
#[derive(serde::Deserialize)]
struct RawFeature<'a> {
    #[serde(rename = "type", borrow)]
    kind: std::borrow::Cow<'a, str>,
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    properties: Option<Map<String, Value>>,
    #[serde(default, borrow)]
    geometry: Option<RawGeometry<'a>>,
}

/// A feature as read on the fast path (see [`Props`]).
#[derive(serde::Deserialize)]
struct TypedFeature<'a> {
    #[serde(rename = "type", borrow)]
    kind: std::borrow::Cow<'a, str>,
    #[serde(default)]
    id: Option<Value>,
    // Boxed so that the feature list stays small; the box moves on into `Props`.
    #[serde(default, borrow)]
    properties: Option<Box<TypedProps<'a>>>,
    #[serde(default, borrow)]
    geometry: Option<RawGeometry<'a>>,
}

/// A geometry as read.
#[derive(serde::Deserialize)]
struct RawGeometry<'a> {
    #[serde(rename = "type", borrow)]
    kind: std::borrow::Cow<'a, str>,
    #[serde(default, borrow)]
    coordinates: Option<&'a serde_json::value::RawValue>,
}

/// A position as read: longitude and latitude (an altitude or more is ignored); fewer than two
/// numbers is kept as `len < 2` so the checks can report it.
#[derive(Debug, Clone, Copy)]
struct Pos {
    xy: [f64; 2],
    len: usize,
}

impl<'de> serde::Deserialize<'de> for Pos {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Pos, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Pos;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a position: an array of numbers [lon, lat]")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Pos, A::Error> {
                let mut pos = Pos {
                    xy: [f64::NAN; 2],
                    len: 0,
                };
                while let Some(x) = seq.next_element::<f64>()? {
                    if pos.len < 2 {
                        pos.xy[pos.len] = x;
                    }
                    pos.len += 1;
                }
                Ok(pos)
            }
        }
        d.deserialize_seq(Visit)
    }
}

/// A feature decoded from JSON, not yet checked.
enum Decoded<'a> {
    Point {
        id: Option<String>,
        props: Props<'a>,
        coords: Pos,
    },
    /// A LineString (one part) or a MultiLineString (one leg per part).
    Lines {
        id: Option<String>,
        props: Props<'a>,
        parts: Vec<Vec<Pos>>,
    },
    Problem {
        id: Option<String>,
        message: String,
    },
}

/// A feature's properties: typed and borrowed from the text when every known property has
/// the expected type (no allocation for most strings), else a JSON map that `Fields` checks
/// key by key with a message for each wrong value.
#[derive(Clone)]
enum Props<'a> {
    Typed(Box<TypedProps<'a>>),
    Map(Map<String, Value>),
}

// Borrowed `&str`, not `Cow`: smaller, and a string with escapes (rare in networks) makes the
// fast path fail over to the map path, which handles it.
type Text<'a> = Option<&'a str>;
type Texts<'a> = Option<Vec<&'a str>>;

/// The properties of data/README.md, with the types they must have.
#[derive(Clone, Default, serde::Deserialize)]
struct TypedProps<'a> {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default, borrow)]
    name: Text<'a>,
    #[serde(default, borrow)]
    aliases: Texts<'a>,
    #[serde(default, borrow)]
    kind: Text<'a>,
    #[serde(default, borrow)]
    country: Text<'a>,
    #[serde(default, borrow)]
    locode: Text<'a>,
    #[serde(default, borrow)]
    passage: Text<'a>,
    #[serde(default, borrow)]
    source: Text<'a>,
    #[serde(default, borrow)]
    from: Text<'a>,
    #[serde(default, borrow)]
    to: Text<'a>,
    #[serde(default, borrow)]
    mode: Text<'a>,
    #[serde(default, borrow)]
    countries: Texts<'a>,
    #[serde(default, borrow)]
    status: Text<'a>,
    #[serde(default)]
    gauge_mm: Option<f64>,
    #[serde(default, borrow)]
    traction: Text<'a>,
    #[serde(default, borrow)]
    vessel: Text<'a>,
    #[serde(default, borrow)]
    passages: Texts<'a>,
    #[serde(default)]
    one_way: Option<bool>,
    #[serde(default)]
    published_km: Option<f64>,
    #[serde(default, borrow)]
    published_source: Text<'a>,
}

/// A property value taken out of [`Props`].
enum Prop<'a> {
    Text(&'a str),
    Texts(Vec<&'a str>),
    Number(f64),
    Bool(bool),
    Json(Value),
}

impl<'a> Props<'a> {
    fn id(&self) -> Option<String> {
        match self {
            Props::Typed(t) => t.id.as_ref().filter(|v| !v.is_null()).map(id_text),
            Props::Map(m) => m.get("id").filter(|v| !v.is_null()).map(id_text),
        }
    }

    /// True when the key is present and not null.
    fn has(&self, key: &str) -> bool {
        match self {
            Props::Typed(t) => match key {
                "from" => t.from.is_some(),
                "to" => t.to.is_some(),
                "mode" => t.mode.is_some(),
                _ => false,
            },
            Props::Map(m) => m.get(key).is_some_and(|v| !v.is_null()),
        }
    }

    /// Takes a value out (absent or null gives `None`).
    fn take(&mut self, key: &str) -> Option<Prop<'a>> {
        let text = |t: &mut Text<'a>| t.take().map(Prop::Text);
        let texts = |t: &mut Texts<'a>| t.take().map(Prop::Texts);
        match self {
            Props::Typed(t) => match key {
                "name" => text(&mut t.name),
                "aliases" => texts(&mut t.aliases),
                "kind" => text(&mut t.kind),
                "country" => text(&mut t.country),
                "locode" => text(&mut t.locode),
                "passage" => text(&mut t.passage),
                "source" => text(&mut t.source),
                "from" => text(&mut t.from),
                "to" => text(&mut t.to),
                "mode" => text(&mut t.mode),
                "countries" => texts(&mut t.countries),
                "status" => text(&mut t.status),
                "gauge_mm" => t.gauge_mm.take().map(Prop::Number),
                "traction" => text(&mut t.traction),
                "vessel" => text(&mut t.vessel),
                "passages" => texts(&mut t.passages),
                "one_way" => t.one_way.take().map(Prop::Bool),
                "published_km" => t.published_km.take().map(Prop::Number),
                "published_source" => text(&mut t.published_source),
                _ => None,
            },
            Props::Map(m) => match m.remove(key)? {
                Value::Null => None,
                other => Some(Prop::Json(other)),
            },
        }
    }
}

/// Decodes a document's features. The whole document is read in one pass; only when that
/// fails is it read again feature by feature, so that a bad feature becomes a problem with its
/// index (and the others are still checked) instead of failing the file.
fn decode_document<'a>(text: &'a str, file: &str) -> Result<Vec<Decoded<'a>>> {
    let (kind, decoded) = match serde_json::from_str::<FastDocument<'_>>(text) {
        Ok(doc) => (
            doc.kind,
            doc.features.map(|f| {
                f.into_iter()
                    .map(|t| {
                        let props = Props::Typed(t.properties.unwrap_or_default());
                        decode_feature(&t.kind, t.id, props, t.geometry)
                    })
                    .collect()
            }),
        ),
        Err(_) => {
            let doc: Document<'_> = serde_json::from_str(text).map_err(|e| Error::Parse {
                file: file.to_string(),
                message: format!("not valid JSON or not a GeoJSON object: {e}"),
            })?;
            (
                doc.kind,
                doc.features.map(|f| f.into_iter().map(decode).collect()),
            )
        }
    };
    match kind.as_deref() {
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
    decoded.ok_or_else(|| parse_err(file, "the FeatureCollection has no \"features\" array"))
}

fn decode<'a>(raw: &'a serde_json::value::RawValue) -> Decoded<'a> {
    match serde_json::from_str::<RawFeature<'a>>(raw.get()) {
        Ok(f) => decode_feature(
            &f.kind,
            f.id,
            Props::Map(f.properties.unwrap_or_default()),
            f.geometry,
        ),
        Err(e) => {
            let id = serde_json::from_str::<Value>(raw.get())
                .ok()
                .and_then(|v| v.get("properties").and_then(|p| p.get("id")).map(id_text));
            Decoded::Problem {
                id,
                message: format!("not a valid GeoJSON feature: {e}"),
            }
        }
    }
}

fn decode_feature<'a>(
    kind: &str,
    feature_id: Option<Value>,
    props: Props<'a>,
    geometry: Option<RawGeometry<'a>>,
) -> Decoded<'a> {
    let id = props
        .id()
        .or_else(|| feature_id.as_ref().filter(|v| !v.is_null()).map(id_text));
    if kind != "Feature" {
        let message = format!("has type {kind:?}; a network holds Features");
        return Decoded::Problem { id, message };
    }
    let Some(geometry) = geometry else {
        return Decoded::Problem {
            id,
            message: "has no geometry".into(),
        };
    };
    let coords = geometry.coordinates.map_or("null", |c| c.get());
    let bad = |e: serde_json::Error| format!("{} coordinates are malformed: {e}", geometry.kind);
    match geometry.kind.as_ref() {
        "Point" => match serde_json::from_str::<Pos>(coords) {
            Ok(coords) => Decoded::Point { id, props, coords },
            Err(e) => Decoded::Problem {
                id,
                message: bad(e),
            },
        },
        "LineString" => match serde_json::from_str::<Vec<Pos>>(coords) {
            Ok(line) => Decoded::Lines {
                id,
                props,
                parts: vec![line],
            },
            Err(e) => Decoded::Problem {
                id,
                message: bad(e),
            },
        },
        "MultiLineString" => match serde_json::from_str::<Vec<Vec<Pos>>>(coords) {
            Ok(parts) => Decoded::Lines { id, props, parts },
            Err(e) => Decoded::Problem {
                id,
                message: bad(e),
            },
        },
        other => Decoded::Problem {
            id,
            message: format!("has a {other} geometry; nodes are Points and legs LineStrings"),
        },
    }
}

/// The top level of a GeoJSON document, features parsed in the same pass.
#[derive(serde::Deserialize)]
struct FastDocument<'a> {
    #[serde(rename = "type", borrow)]
    kind: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow)]
    features: Option<Vec<TypedFeature<'a>>>,
}

/// The top level of a GeoJSON document, features left unparsed.
#[derive(serde::Deserialize)]
struct Document<'a> {
    #[serde(rename = "type")]
    kind: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow)]
    features: Option<Vec<&'a serde_json::value::RawValue>>,
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

    fn position(&mut self, i: usize, id: Option<&String>, p: Pos) -> Option<Coord<f64>> {
        let c = &p.xy[..p.len.min(2)];
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

    fn line(&mut self, i: usize, id: Option<&String>, coords: &[Pos]) -> Option<LineString<f64>> {
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
            match self.position(i, id, *c) {
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

    fn node(&mut self, i: usize, id: Option<String>, mut props: Props<'_>, c: Coord<f64>) {
        let id = id.unwrap_or_else(|| format!("node-{i}"));
        if self.node_ids.contains_key(&id) {
            self.problem(i, Some(id), "duplicate node id".into());
            return;
        }
        let mut fields = Fields {
            props: &mut props,
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
        fields: &mut Fields<'_, '_>,
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
        let at = self.nodes[n.ix()].position;
        // Most ends sit exactly on their node: skip the geodesic then.
        let d = if at == end { 0.0 } else { distance_km(at, end) };
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
        mut props: Props<'_>,
        line: Option<LineString<f64>>,
        known_km: Option<f64>,
    ) {
        // Which keys exist is decided before `Fields` takes values out.
        let (has_from, has_to, has_mode) = (props.has("from"), props.has("to"), props.has("mode"));
        let id = given_id.clone().unwrap_or_else(|| format!("leg-{i}"));
        if given_id.is_some() && !self.leg_ids.insert(id.clone()) {
            self.problem(i, given_id, "duplicate leg id".into());
            return;
        }
        let mut f = Fields {
            props: &mut props,
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
        let loose = !has_from && !has_to;
        if !loose && (!has_from || !has_to) {
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
            None if !has_mode => {
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
        let length_km = known_km
            .filter(|k| k.is_finite())
            .unwrap_or_else(|| geodesic_km(&line));
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
/// Typed access to a feature's properties, collecting a message for every wrong value. Each
/// value is taken out once read, so long texts such as sources are moved, never copied.
struct Fields<'p, 'a> {
    props: &'p mut Props<'a>,
    problems: Vec<String>,
}

impl Fields<'_, '_> {
    fn string(&mut self, key: &str) -> Option<String> {
        match self.props.take(key)? {
            Prop::Text(s) => Some(s.to_string()),
            Prop::Json(Value::String(s)) => Some(s),
            Prop::Json(Value::Number(n)) => Some(n.to_string()),
            Prop::Json(other) => {
                self.problems
                    .push(format!("`{key}` is {other}, not a string"));
                None
            }
            Prop::Texts(_) | Prop::Number(_) | Prop::Bool(_) => {
                self.problems.push(format!("`{key}` is not a string"));
                None
            }
        }
    }

    fn strings(&mut self, key: &str) -> Vec<String> {
        match self.props.take(key) {
            None => Vec::new(),
            Some(Prop::Texts(items)) => items.into_iter().map(str::to_string).collect(),
            Some(Prop::Text(s)) => vec![s.to_string()],
            Some(Prop::Json(Value::Array(items))) if items.iter().all(Value::is_string) => items
                .into_iter()
                .filter_map(|v| match v {
                    Value::String(s) => Some(s),
                    _ => None,
                })
                .collect(),
            Some(Prop::Json(Value::String(s))) => vec![s],
            Some(Prop::Json(other)) => {
                self.problems
                    .push(format!("`{key}` is {other}, not an array of strings"));
                Vec::new()
            }
            Some(Prop::Number(_) | Prop::Bool(_)) => {
                self.problems
                    .push(format!("`{key}` is not an array of strings"));
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
        match self.props.take(key)? {
            Prop::Number(n) => Some(n),
            Prop::Json(Value::Number(n)) => n.as_f64(),
            Prop::Json(other) => {
                self.problems
                    .push(format!("`{key}` is {other}, not a number"));
                None
            }
            Prop::Text(_) | Prop::Texts(_) | Prop::Bool(_) => {
                self.problems.push(format!("`{key}` is not a number"));
                None
            }
        }
    }

    fn boolean(&mut self, key: &str) -> bool {
        match self.props.take(key) {
            None => false,
            Some(Prop::Bool(b) | Prop::Json(Value::Bool(b))) => b,
            Some(Prop::Json(other)) => {
                self.problems
                    .push(format!("`{key}` is {other}, not true or false"));
                false
            }
            Some(_) => {
                self.problems.push(format!("`{key}` is not true or false"));
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
            all.contains("feature #6 (id \"l4\"): LineString coordinates are malformed"),
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
