//! Renders a network as an SVG map over Natural Earth land: legs coloured by mode (the colours
//! of `route export`), lines under construction or planned dashed and fainter, ports and
//! passages as dots, a few places labelled, a legend and a credit.
//!
//! ```sh
//! cargo run --release --example render_map -- docs/network.svg            # embedded network
//! cargo run --release --example render_map -- out.svg my-network.geojson  # any network file
//! ```
//!
//! The land comes from `data/naturalearth/land-50m.geojson` and the thin country borders from
//! `data/naturalearth/countries-10m.geojson`, read at run time. The projection is
//! equirectangular with true scale along 35°N (the Caspian), over lon −20…80, lat −40…66,
//! widened if the network reaches beyond. Coordinates are clipped to the frame, simplified to
//! a third of a pixel and written with at most two decimals.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use corridor::atlas::DEFAULT_NETWORK;
use corridor::network::{
    LoadOptions, Mode, Network, Node, NodeKind, Status, normalize_lon, parse_network,
};
use corridor::render::geojson::mode_colour;
use geo::{Coord, LineString, Simplify};
use geojson::{FeatureCollection, GeometryValue, Position};

/// A point in SVG space, pixels.
type P = (f64, f64);

/// The smallest box drawn, lon/lat degrees: west, east, south, north.
const DEFAULT_BOX: [f64; 4] = [-20.0, 80.0, -40.0, 66.0];
/// The box Natural Earth is clipped to (data/naturalearth/README.md); the map never exceeds it.
const NATURAL_EARTH_BOX: [f64; 4] = [-30.0, 100.0, -45.0, 72.0];
/// Latitude of true scale.
const STANDARD_PARALLEL: f64 = 35.0;
/// Map width, px.
const MAP_WIDTH: f64 = 900.0;
/// Space above the map (title) and below it (credit), px.
const HEADER: f64 = 58.0;
const FOOTER: f64 = 26.0;
/// Page margin left and right, px.
const SIDE: f64 = 14.0;
/// Douglas–Peucker tolerance, px.
const SIMPLIFY_PX: f64 = 0.35;

const SEA: &str = "#d5e8f4";
const LAND: &str = "#e6e5e1";
const COAST: &str = "#aeb4b8";
const BORDER: &str = "#b3b1ab";
const FONT: &str = "DejaVu Sans, Helvetica, Arial, sans-serif";

/// A labelled place: node ids (or passage ids) to try in order, the text, where to put the
/// label relative to the node (px), and a position to use if the network lacks the node.
struct Label {
    keys: &'static [&'static str],
    text: &'static str,
    dx: f64,
    dy: f64,
    anchor: &'static str,
    fallback: (f64, f64),
}

const LABELS: &[Label] = &[
    Label {
        keys: &["nhava-sheva"],
        text: "Nhava Sheva",
        dx: -7.0,
        dy: 4.0,
        anchor: "end",
        fallback: (72.95, 18.95),
    },
    Label {
        keys: &["bandar-abbas"],
        text: "Bandar Abbas",
        dx: 4.0,
        dy: 14.0,
        anchor: "start",
        fallback: (56.06, 27.11),
    },
    Label {
        keys: &["tehran"],
        text: "Tehran",
        dx: 6.0,
        dy: 10.0,
        anchor: "start",
        fallback: (51.40, 35.66),
    },
    Label {
        keys: &["baku"],
        text: "Baku",
        dx: 7.0,
        dy: 4.0,
        anchor: "start",
        fallback: (49.85, 40.38),
    },
    Label {
        keys: &["astrakhan"],
        text: "Astrakhan",
        dx: 7.0,
        dy: 0.0,
        anchor: "start",
        fallback: (48.02, 46.38),
    },
    Label {
        keys: &["moscow"],
        text: "Moscow",
        dx: 7.0,
        dy: 4.0,
        anchor: "start",
        fallback: (37.66, 55.77),
    },
    Label {
        keys: &["st-petersburg"],
        text: "St Petersburg",
        dx: 7.0,
        dy: -4.0,
        anchor: "start",
        fallback: (30.20, 59.88),
    },
    Label {
        keys: &["suez", "suez-canal", "port-said"],
        text: "Suez",
        dx: -7.0,
        dy: 4.0,
        anchor: "end",
        fallback: (32.55, 29.95),
    },
    Label {
        keys: &["cape", "cape-of-good-hope"],
        text: "Cape of Good Hope",
        dx: 8.0,
        dy: 4.0,
        anchor: "start",
        fallback: (18.47, -34.36),
    },
    Label {
        keys: &["rotterdam"],
        text: "Rotterdam",
        dx: -7.0,
        dy: -3.0,
        anchor: "end",
        fallback: (4.04, 51.95),
    },
];

/// Equirectangular projection onto the map frame.
struct Projection {
    west: f64,
    north: f64,
    /// px per degree of latitude.
    k: f64,
    /// px per degree of longitude.
    kx: f64,
    /// Frame, px: left, top, right, bottom.
    frame: [f64; 4],
}

impl Projection {
    fn new(bbox: [f64; 4]) -> Projection {
        let [west, east, south, north] = bbox;
        let kx = MAP_WIDTH / (east - west);
        let k = kx / STANDARD_PARALLEL.to_radians().cos();
        let frame = [SIDE, HEADER, SIDE + MAP_WIDTH, HEADER + (north - south) * k];
        Projection {
            west,
            north,
            k,
            kx,
            frame,
        }
    }

    fn project(&self, lon: f64, lat: f64) -> P {
        (
            self.frame[0] + (normalize_lon(lon) - self.west) * self.kx,
            self.frame[1] + (self.north - lat) * self.k,
        )
    }

    fn pos(&self, p: &Position) -> P {
        self.project(p[0], p[1])
    }
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.len() > 2 || args[0].starts_with('-') {
        bail!("usage: render_map OUT.svg [NETWORK.geojson]");
    }
    let started = Instant::now();
    let out = PathBuf::from(&args[0]);
    let (network, title) = match args.get(1) {
        Some(file) => {
            let text =
                std::fs::read_to_string(file).with_context(|| format!("cannot read {file}"))?;
            let name = Path::new(file)
                .file_name()
                .map_or(file.clone(), |n| n.to_string_lossy().into_owned());
            (
                parse_network(&text, file, &LoadOptions::default())?,
                format!("corridor: {name}"),
            )
        }
        None => (embedded()?, "corridor: the embedded network".to_string()),
    };

    let ne = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/naturalearth");
    let land = read_collection(&ne.join("land-50m.geojson"))?;
    let countries = read_collection(&ne.join("countries-10m.geojson"))?;

    let proj = Projection::new(map_box(&network));
    let svg = render(&network, &title, &proj, &land, &countries);
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(&out, &svg).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {}: {} nodes, {} legs, {:.0} KB in {:.2} s",
        out.display(),
        network.nodes.len(),
        network.legs.len(),
        svg.len() as f64 / 1024.0,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The embedded network. Loaded through [`corridor::Atlas::embedded`]; should the embedded
/// corridors not fit the network (while it is being edited), the network alone is drawn.
fn embedded() -> Result<Network> {
    match corridor::Atlas::embedded() {
        Ok(atlas) => Ok(atlas.network),
        Err(e) => {
            eprintln!("warning: the embedded atlas does not load ({e}); drawing the network alone");
            Ok(parse_network(
                DEFAULT_NETWORK,
                "<embedded network>",
                &LoadOptions::default(),
            )?)
        }
    }
}

fn read_collection(path: &Path) -> Result<FeatureCollection> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    text.parse::<FeatureCollection>()
        .with_context(|| format!("{} is not a GeoJSON FeatureCollection", path.display()))
}

/// [`DEFAULT_BOX`] widened to hold the whole network with a 2° margin, within Natural Earth's.
fn map_box(net: &Network) -> [f64; 4] {
    let mut b = DEFAULT_BOX;
    let points = net
        .nodes
        .iter()
        .map(|n| (n.position.x(), n.position.y()))
        .chain(
            net.legs
                .iter()
                .flat_map(|l| l.geometry.coords().map(|c| (c.x, c.y))),
        );
    for (lon, lat) in points {
        let lon = normalize_lon(lon);
        b[0] = b[0].min((lon - 2.0).floor());
        b[1] = b[1].max((lon + 2.0).ceil());
        b[2] = b[2].min((lat - 2.0).floor());
        b[3] = b[3].max((lat + 2.0).ceil());
    }
    [
        b[0].max(NATURAL_EARTH_BOX[0]),
        b[1].min(NATURAL_EARTH_BOX[1]),
        b[2].max(NATURAL_EARTH_BOX[2]),
        b[3].min(NATURAL_EARTH_BOX[3]),
    ]
}

fn render(
    net: &Network,
    title: &str,
    proj: &Projection,
    land: &FeatureCollection,
    countries: &FeatureCollection,
) -> String {
    let [left, top, right, bottom] = proj.frame;
    let (width, height) = (right + SIDE, bottom + FOOTER);
    let mut s = String::with_capacity(1 << 20);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT}">"#,
        w = num(width),
        h = num(height)
    );
    let _ = writeln!(
        s,
        r##"<defs><clipPath id="frame"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath></defs>"##,
        num(left),
        num(top),
        num(right - left),
        num(bottom - top)
    );
    let _ = writeln!(
        s,
        r##"<rect width="100%" height="100%" fill="#ffffff"/><rect x="{}" y="{}" width="{}" height="{}" fill="{SEA}"/>"##,
        num(left),
        num(top),
        num(right - left),
        num(bottom - top)
    );
    s.push_str(r#"<g clip-path="url(#frame)">"#);
    s.push('\n');
    graticule(&mut s, proj);
    land_layer(&mut s, proj, land);
    border_layer(&mut s, proj, countries);
    leg_layer(&mut s, proj, net);
    s.push_str("</g>\n");
    node_layer(&mut s, proj, net);
    let _ = writeln!(
        s,
        r##"<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#6b7780" stroke-width="1"/>"##,
        num(left),
        num(top),
        num(right - left),
        num(bottom - top)
    );
    legend(&mut s, proj);

    let planned = net
        .legs
        .iter()
        .filter(|l| l.status != Status::Operational)
        .count();
    let _ = writeln!(
        s,
        r##"<text x="{}" y="26" font-size="19" font-weight="bold" fill="#222">{}</text>"##,
        num(left),
        esc(title)
    );
    let _ = writeln!(
        s,
        r##"<text x="{}" y="46" font-size="12" fill="#555">{} nodes, {} legs ({} under construction or planned) · equirectangular, true scale at {}°N</text>"##,
        num(left),
        net.nodes.len(),
        net.legs.len(),
        planned,
        STANDARD_PARALLEL
    );
    let _ = writeln!(
        s,
        r##"<text x="{}" y="{}" font-size="11" fill="#555" text-anchor="end">Land: Natural Earth (public domain)</text>"##,
        num(right),
        num(bottom + 17.0)
    );
    let _ = writeln!(
        s,
        r##"<text x="{}" y="{}" font-size="11" fill="#888">corridor · examples/render_map.rs</text>"##,
        num(left),
        num(bottom + 17.0)
    );
    s.push_str("</svg>\n");
    s
}

/// Meridians and parallels every 10°, white on the sea (the land covers them), with degree
/// labels every 20° along the left and bottom edges.
fn graticule(s: &mut String, proj: &Projection) {
    let [left, top, right, bottom] = proj.frame;
    let mut d = String::new();
    let mut labels = String::new();
    for lon in (-180..=180).step_by(10) {
        let (x, _) = proj.project(f64::from(lon), 0.0);
        if x <= left || x >= right {
            continue;
        }
        let _ = write!(d, "M{} {}V{}", num(x), num(top), num(bottom));
        if lon % 20 == 0 {
            let _ = write!(
                labels,
                r#"<text x="{}" y="{}" text-anchor="middle">{}</text>"#,
                num(x),
                num(bottom - 4.0),
                degrees(lon, 'E', 'W')
            );
        }
    }
    for lat in (-90..=90).step_by(10) {
        let (_, y) = proj.project(0.0, f64::from(lat));
        if y <= top || y >= bottom {
            continue;
        }
        let _ = write!(d, "M{} {}H{}", num(left), num(y), num(right));
        if lat % 20 == 0 {
            let _ = write!(
                labels,
                r#"<text x="{}" y="{}">{}</text>"#,
                num(left + 3.0),
                num(y - 3.0),
                degrees(lat, 'N', 'S')
            );
        }
    }
    let _ = writeln!(
        s,
        r##"<path d="{d}" fill="none" stroke="#ffffff" stroke-width="0.7" stroke-opacity="0.8"/>"##
    );
    let _ = writeln!(s, r##"<g font-size="9" fill="#7d98ab">{labels}</g>"##);
}

fn degrees(v: i32, pos: char, neg: char) -> String {
    match v {
        0 => "0°".into(),
        v if v > 0 => format!("{v}°{pos}"),
        v => format!("{}°{neg}", -v),
    }
}

/// Every polygon of Natural Earth's land, clipped to the frame and simplified; holes (the
/// Caspian) are kept by the even-odd rule.
fn land_layer(s: &mut String, proj: &Projection, land: &FeatureCollection) {
    let mut d = String::new();
    for f in &land.features {
        let Some(g) = &f.geometry else { continue };
        for_each_polygon(&g.value, &mut |rings| {
            for ring in rings {
                let pts: Vec<P> = ring.iter().map(|p| proj.pos(p)).collect();
                ring_path(&mut d, &pts, proj.frame, 0.8);
            }
        });
    }
    let _ = writeln!(
        s,
        r#"<path d="{d}" fill="{LAND}" fill-rule="evenodd" stroke="{COAST}" stroke-width="0.5" stroke-linejoin="round"/>"#
    );
}

fn for_each_polygon(g: &GeometryValue, f: &mut impl FnMut(&[Vec<Position>])) {
    match g {
        GeometryValue::Polygon { coordinates } => f(coordinates),
        GeometryValue::MultiPolygon { coordinates } => coordinates.iter().for_each(|p| f(p)),
        GeometryValue::GeometryCollection { geometries } => {
            for g in geometries {
                for_each_polygon(&g.value, f);
            }
        }
        _ => {}
    }
}

/// Appends one ring: projected, clipped, simplified; rings smaller than `min_area` px² are
/// dropped.
fn ring_path(d: &mut String, pts: &[P], frame: [f64; 4], min_area: f64) {
    let mut pts = pts.to_vec();
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    let clipped = clip_ring(&pts, frame);
    if clipped.len() < 3 || area(&clipped).abs() < min_area {
        return;
    }
    let simple = simplify(&clipped);
    if simple.len() >= 3 {
        path_data(d, &simple, true);
    }
}

/// Shoelace area, px².
fn area(pts: &[P]) -> f64 {
    let n = pts.len();
    (0..n)
        .map(|i| {
            let (a, b) = (pts[i], pts[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum::<f64>()
        / 2.0
}

/// Country borders: the edges two countries of Natural Earth's admin-0 layer share (coasts are
/// drawn by the land layer), chained into lines.
fn border_layer(s: &mut String, proj: &Projection, countries: &FeatureCollection) {
    type Key = (i64, i64);
    let key = |p: &Position| -> Key { ((p[0] * 1e5).round() as i64, (p[1] * 1e5).round() as i64) };
    let edge = |a: Key, b: Key| if a <= b { (a, b) } else { (b, a) };
    // Edge → (first country that has it, whether another country has it too).
    let mut edges: HashMap<(Key, Key), (usize, bool)> = HashMap::new();
    let mut polygons: Vec<(usize, Vec<Vec<Position>>)> = Vec::new();
    for (i, f) in countries.features.iter().enumerate() {
        let Some(g) = &f.geometry else { continue };
        for_each_polygon(&g.value, &mut |rings| {
            polygons.push((i, rings.to_vec()));
        });
    }
    for (i, rings) in &polygons {
        for ring in rings {
            for w in ring.windows(2) {
                let e = edge(key(&w[0]), key(&w[1]));
                edges
                    .entry(e)
                    .and_modify(|(owner, shared)| *shared |= *owner != *i)
                    .or_insert((*i, false));
            }
        }
    }
    let mut d = String::new();
    for (i, rings) in &polygons {
        for ring in rings {
            let mut run: Vec<P> = Vec::new();
            for w in ring.windows(2) {
                let take = edges
                    .get(&edge(key(&w[0]), key(&w[1])))
                    .is_some_and(|&(owner, shared)| shared && owner == *i);
                if take {
                    if run.is_empty() {
                        run.push(proj.pos(&w[0]));
                    }
                    run.push(proj.pos(&w[1]));
                } else if !run.is_empty() {
                    line_path(&mut d, &std::mem::take(&mut run), proj.frame);
                }
            }
            line_path(&mut d, &run, proj.frame);
        }
    }
    let _ = writeln!(
        s,
        r#"<path d="{d}" fill="none" stroke="{BORDER}" stroke-width="0.6" stroke-linejoin="round"/>"#
    );
}

/// Appends a polyline: clipped to the frame and simplified.
fn line_path(d: &mut String, pts: &[P], frame: [f64; 4]) {
    for part in clip_line(pts, frame) {
        let simple = simplify(&part);
        if simple.len() >= 2 {
            path_data(d, &simple, false);
        }
    }
}

/// The legs, one path per mode and status: sea under ferry under road under rail; lines not
/// yet in service dashed and fainter.
fn leg_layer(s: &mut String, proj: &Projection, net: &Network) {
    for mode in [Mode::Sea, Mode::Ferry, Mode::Road, Mode::Rail] {
        for operational in [true, false] {
            let mut d = String::new();
            for l in net
                .legs
                .iter()
                .filter(|l| l.mode == mode && (l.status == Status::Operational) == operational)
            {
                let pts: Vec<P> = l
                    .geometry
                    .coords()
                    .map(|c| proj.project(c.x, c.y))
                    .collect();
                line_path(&mut d, &pts, proj.frame);
            }
            if d.is_empty() {
                continue;
            }
            let width = match mode {
                Mode::Sea => 1.6,
                Mode::Ferry => 2.0,
                Mode::Road => 1.9,
                Mode::Rail => 2.1,
            };
            let style = if operational {
                r#" stroke-opacity="0.9""#
            } else {
                r#" stroke-opacity="0.6" stroke-dasharray="5 3""#
            };
            let _ = writeln!(
                s,
                r#"<path d="{d}" fill="none" stroke="{}" stroke-width="{width}" stroke-linecap="round" stroke-linejoin="round"{style}/>"#,
                mode_colour(mode)
            );
        }
    }
}

/// Ports and passages as dots, then the labelled places (with a dot if the node is of another
/// kind) and their labels.
fn node_layer(s: &mut String, proj: &Projection, net: &Network) {
    let inside = |p: P| {
        p.0 >= proj.frame[0] && p.0 <= proj.frame[2] && p.1 >= proj.frame[1] && p.1 <= proj.frame[3]
    };
    let mut ports = String::new();
    let mut passages = String::new();
    for n in &net.nodes {
        let p = proj.project(n.position.x(), n.position.y());
        if !inside(p) {
            continue;
        }
        match n.kind {
            NodeKind::Port => {
                let _ = write!(
                    ports,
                    r#"<circle cx="{}" cy="{}" r="2.6"/>"#,
                    num(p.0),
                    num(p.1)
                );
            }
            NodeKind::Passage => {
                let _ = write!(
                    passages,
                    r#"<circle cx="{}" cy="{}" r="2.2"/>"#,
                    num(p.0),
                    num(p.1)
                );
            }
            _ => {}
        }
    }
    let _ = writeln!(
        s,
        r##"<g fill="#ffffff" stroke="#4a6b82" stroke-width="1.1">{passages}</g>"##
    );
    let _ = writeln!(
        s,
        r##"<g fill="#1b3a57" stroke="#ffffff" stroke-width="0.8">{ports}</g>"##
    );

    let mut dots = String::new();
    let mut texts = String::new();
    for label in LABELS {
        let node = find(net, label.keys);
        let (lon, lat) = node.map_or(label.fallback, |n| (n.position.x(), n.position.y()));
        let p = proj.project(lon, lat);
        if !inside(p) {
            continue;
        }
        if node.is_some_and(|n| !matches!(n.kind, NodeKind::Port | NodeKind::Passage)) {
            let _ = write!(
                dots,
                r#"<circle cx="{}" cy="{}" r="2.4"/>"#,
                num(p.0),
                num(p.1)
            );
        }
        let _ = write!(
            texts,
            r#"<text x="{}" y="{}" text-anchor="{}">{}</text>"#,
            num(p.0 + label.dx),
            num(p.1 + label.dy),
            label.anchor,
            esc(label.text)
        );
    }
    let _ = writeln!(
        s,
        r##"<g fill="#333333" stroke="#ffffff" stroke-width="0.8">{dots}</g>"##
    );
    let _ = writeln!(
        s,
        r##"<g font-size="11.5" fill="#1d1d1d" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" stroke-opacity="0.85" paint-order="stroke">{texts}</g>"##
    );
}

/// The first node matching a key: by id, else the node of that passage.
fn find<'a>(net: &'a Network, keys: &[&str]) -> Option<&'a Node> {
    keys.iter().find_map(|k| {
        net.node_by_id(k)
            .map(|ix| net.node(ix))
            .or_else(|| net.nodes.iter().find(|n| n.passage.as_deref() == Some(*k)))
    })
}

/// Legend in the bottom right corner (the southern Indian Ocean).
fn legend(s: &mut String, proj: &Projection) {
    let rows: [(&str, &str, &str); 5] = [
        ("sea", mode_colour(Mode::Sea), ""),
        ("rail", mode_colour(Mode::Rail), ""),
        ("road", mode_colour(Mode::Road), ""),
        ("ferry", mode_colour(Mode::Ferry), ""),
        (
            "under construction / planned",
            "#555555",
            r#" stroke-opacity="0.6" stroke-dasharray="5 3""#,
        ),
    ];
    let (w, row) = (196.0, 18.0);
    let h = 14.0 + row * (rows.len() as f64 + 2.0);
    let x = proj.frame[2] - w - 12.0;
    let y = proj.frame[3] - h - 26.0;
    let _ = writeln!(
        s,
        r##"<g font-size="11.5" fill="#222"><rect x="{}" y="{}" width="{w}" height="{}" rx="3" fill="#ffffff" fill-opacity="0.92" stroke="#9aa5ad" stroke-width="0.8"/>"##,
        num(x),
        num(y),
        num(h)
    );
    let mut cy = y + 16.0;
    for (name, colour, style) in rows {
        let _ = write!(
            s,
            r#"<path d="M{} {}h30" stroke="{colour}" stroke-width="2.4" stroke-linecap="round"{style}/><text x="{}" y="{}">{name}</text>"#,
            num(x + 12.0),
            num(cy),
            num(x + 52.0),
            num(cy + 4.0)
        );
        cy += row;
    }
    let _ = write!(
        s,
        r##"<circle cx="{}" cy="{}" r="2.6" fill="#1b3a57" stroke="#ffffff" stroke-width="0.8"/><text x="{}" y="{}">port</text>"##,
        num(x + 27.0),
        num(cy),
        num(x + 52.0),
        num(cy + 4.0)
    );
    cy += row;
    let _ = write!(
        s,
        r##"<circle cx="{}" cy="{}" r="2.2" fill="#ffffff" stroke="#4a6b82" stroke-width="1.1"/><text x="{}" y="{}">strait or canal</text>"##,
        num(x + 27.0),
        num(cy),
        num(x + 52.0),
        num(cy + 4.0)
    );
    s.push_str("</g>\n");
}

/// Sutherland–Hodgman clip of a ring (not closed) to a rectangle [left, top, right, bottom].
fn clip_ring(ring: &[P], r: [f64; 4]) -> Vec<P> {
    let mut out = ring.to_vec();
    for side in 0..4 {
        let Some(&last) = out.last() else { break };
        let input = std::mem::take(&mut out);
        let inside = |p: P| match side {
            0 => p.0 >= r[0],
            1 => p.1 >= r[1],
            2 => p.0 <= r[2],
            _ => p.1 <= r[3],
        };
        let cross = |a: P, b: P| -> P {
            if side % 2 == 0 {
                let x = r[side];
                (x, a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0))
            } else {
                let y = r[side];
                (a.0 + (b.0 - a.0) * (y - a.1) / (b.1 - a.1), y)
            }
        };
        let mut prev = last;
        for &cur in &input {
            match (inside(prev), inside(cur)) {
                (true, true) => out.push(cur),
                (false, true) => {
                    out.push(cross(prev, cur));
                    out.push(cur);
                }
                (true, false) => out.push(cross(prev, cur)),
                (false, false) => {}
            }
            prev = cur;
        }
    }
    out
}

/// Liang–Barsky clip of a polyline to a rectangle, in parts.
fn clip_line(pts: &[P], r: [f64; 4]) -> Vec<Vec<P>> {
    let mut parts = Vec::new();
    let mut cur: Vec<P> = Vec::new();
    for w in pts.windows(2) {
        match clip_segment(w[0], w[1], r) {
            Some((a, b)) => {
                if cur.last() != Some(&a) {
                    if cur.len() >= 2 {
                        parts.push(std::mem::take(&mut cur));
                    }
                    cur = vec![a];
                }
                cur.push(b);
            }
            None => {
                if cur.len() >= 2 {
                    parts.push(std::mem::take(&mut cur));
                }
                cur.clear();
            }
        }
    }
    if cur.len() >= 2 {
        parts.push(cur);
    }
    parts
}

fn clip_segment(a: P, b: P, r: [f64; 4]) -> Option<(P, P)> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, a.0 - r[0]),
        (dx, r[2] - a.0),
        (-dy, a.1 - r[1]),
        (dy, r[3] - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| {
        if t == 0.0 {
            a
        } else if t == 1.0 {
            b
        } else {
            (a.0 + t * dx, a.1 + t * dy)
        }
    };
    Some((at(t0), at(t1)))
}

/// Douglas–Peucker at [`SIMPLIFY_PX`].
fn simplify(pts: &[P]) -> Vec<P> {
    let line: LineString<f64> = pts.iter().map(|&(x, y)| Coord { x, y }).collect();
    line.simplify(SIMPLIFY_PX)
        .coords()
        .map(|c| (c.x, c.y))
        .collect()
}

/// Appends path data: an absolute move, then relative line-tos, all in hundredths of a pixel
/// (rounded once, so the relative steps add up exactly).
fn path_data(d: &mut String, pts: &[P], close: bool) {
    let mut prev: Option<(i64, i64)> = None;
    let mut n = 0;
    for &(x, y) in pts {
        let q = ((x * 100.0).round() as i64, (y * 100.0).round() as i64);
        match prev {
            None => {
                let _ = write!(d, "M{} {}", hundredths(q.0), hundredths(q.1));
            }
            Some(p) if p == q => continue,
            Some(p) => {
                d.push_str(if n == 1 { "l" } else { " " });
                let (dx, dy) = (q.0 - p.0, q.1 - p.1);
                d.push_str(&hundredths(dx));
                if dy >= 0 {
                    d.push(' ');
                }
                d.push_str(&hundredths(dy));
            }
        }
        prev = Some(q);
        n += 1;
    }
    if close {
        d.push('z');
    }
}

/// A count of hundredths as a short decimal: 150 → "1.5", -5 → "-0.05", 300 → "3".
fn hundredths(v: i64) -> String {
    let (sign, a) = if v < 0 { ("-", -v) } else { ("", v) };
    let (int, frac) = (a / 100, a % 100);
    match frac {
        0 => format!("{sign}{int}"),
        f if f % 10 == 0 => format!("{sign}{int}.{}", f / 10),
        f => format!("{sign}{int}.{f:02}"),
    }
}

/// A pixel value with at most two decimals.
fn num(v: f64) -> String {
    hundredths((v * 100.0).round() as i64)
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
