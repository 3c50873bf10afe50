//! Renders a network as an SVG map over Natural Earth land: legs coloured by mode (the colours
//! of `route export`), lines under construction or planned dashed and fainter, ports and
//! passages as dots, a few places labelled, an inset of the Caspian and Iran, a legend and a
//! credit.
//!
//! ```sh
//! cargo run --release --example render_map -- docs/network.svg            # embedded network
//! cargo run --release --example render_map -- out.svg my-network.geojson  # any network file
//! ```
//!
//! The land comes from `data/naturalearth/land-50m.geojson` and the thin country borders from
//! `data/naturalearth/countries-10m.geojson`, read at run time. The projection is
//! equirectangular with true scale along 35°N (the Caspian): the main map covers
//! lon −20…80, lat −40…66 (widened if the network reaches beyond), the inset lon 43.5…64.5,
//! lat 24…48.5. Coordinates are clipped to each frame, simplified to a third of a pixel and
//! written with at most two decimals.

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

/// A point in SVG space, px.
type P = (f64, f64);

/// The smallest box of the main map, lon/lat degrees: west, east, south, north.
const MAIN_BOX: [f64; 4] = [-20.0, 80.0, -40.0, 66.0];
/// The inset: the Caspian, Iran and the Gulf.
const INSET_BOX: [f64; 4] = [43.5, 64.5, 24.0, 48.5];
/// The box Natural Earth is clipped to (data/naturalearth/README.md); the map never exceeds it.
const NATURAL_EARTH_BOX: [f64; 4] = [-30.0, 100.0, -45.0, 72.0];
/// Latitude of true scale.
const STANDARD_PARALLEL: f64 = 35.0;
/// Widths of the main map and the inset, px.
const MAP_WIDTH: f64 = 900.0;
const INSET_WIDTH: f64 = 440.0;
/// Space above the maps (title), below them (credit), around the page and between the maps, px.
const HEADER: f64 = 58.0;
const FOOTER: f64 = 26.0;
const SIDE: f64 = 14.0;
const GAP: f64 = 22.0;
/// Douglas–Peucker tolerance, px.
const SIMPLIFY_PX: f64 = 0.35;

const SEA: &str = "#d5e8f4";
const LAND: &str = "#e6e5e1";
const COAST: &str = "#aeb4b8";
const BORDER: &str = "#b3b1ab";
const PORT: &str = "#1b3a57";
const PASSAGE: &str = "#4a6b82";
const FONT: &str = "DejaVu Sans, Helvetica, Arial, sans-serif";
const LABEL_SIZE: f64 = 11.5;

/// A place labelled on the main map: node ids (or passage ids) to try in order, the text,
/// where the label goes relative to the node (px), and a position to use if the network lacks
/// the node.
struct Label {
    keys: &'static [&'static str],
    text: &'static str,
    dx: f64,
    dy: f64,
    anchor: Anchor,
    fallback: (f64, f64),
}

#[derive(Clone, Copy, PartialEq)]
enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

const LABELS: &[Label] = &[
    Label {
        keys: &["nhava-sheva"],
        text: "Nhava Sheva",
        dx: -7.0,
        dy: 4.0,
        anchor: Anchor::End,
        fallback: (72.95, 18.95),
    },
    Label {
        keys: &["bandar-abbas"],
        text: "Bandar Abbas",
        dx: -5.0,
        dy: 14.0,
        anchor: Anchor::End,
        fallback: (56.06, 27.11),
    },
    Label {
        keys: &["tehran"],
        text: "Tehran",
        dx: 6.0,
        dy: 10.0,
        anchor: Anchor::Start,
        fallback: (51.40, 35.66),
    },
    Label {
        keys: &["baku"],
        text: "Baku",
        dx: 7.0,
        dy: 4.0,
        anchor: Anchor::Start,
        fallback: (49.85, 40.38),
    },
    Label {
        keys: &["astrakhan"],
        text: "Astrakhan",
        dx: 7.0,
        dy: 0.0,
        anchor: Anchor::Start,
        fallback: (48.02, 46.38),
    },
    Label {
        keys: &["moscow"],
        text: "Moscow",
        dx: 7.0,
        dy: 4.0,
        anchor: Anchor::Start,
        fallback: (37.66, 55.77),
    },
    Label {
        keys: &["st-petersburg"],
        text: "St Petersburg",
        dx: 7.0,
        dy: -4.0,
        anchor: Anchor::Start,
        fallback: (30.20, 59.88),
    },
    Label {
        keys: &["suez", "suez-south"],
        text: "Suez",
        dx: -7.0,
        dy: 4.0,
        anchor: Anchor::End,
        fallback: (32.55, 29.95),
    },
    Label {
        keys: &["cape", "cape-of-good-hope"],
        text: "Cape of Good Hope",
        dx: 8.0,
        dy: 4.0,
        anchor: Anchor::Start,
        fallback: (18.47, -34.36),
    },
    Label {
        keys: &["rotterdam"],
        text: "Rotterdam",
        dx: -7.0,
        dy: -3.0,
        anchor: Anchor::End,
        fallback: (4.04, 51.95),
    },
];

/// Equirectangular projection onto a frame.
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
    fn new(bbox: [f64; 4], left: f64, top: f64, width: f64) -> Projection {
        let [west, east, south, north] = bbox;
        let kx = width / (east - west);
        let k = kx / STANDARD_PARALLEL.to_radians().cos();
        let frame = [left, top, left + width, top + (north - south) * k];
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

    fn contains(&self, p: P) -> bool {
        let [l, t, r, b] = self.frame;
        p.0 >= l && p.0 <= r && p.1 >= t && p.1 <= b
    }
}

/// One map on the page.
struct View {
    proj: Projection,
    /// The inset: thicker lines, every node drawn, more labels.
    detail: bool,
}

/// Natural Earth, in lon/lat: land rings and country borders (edges two countries share).
struct Background {
    land: Vec<Vec<(f64, f64)>>,
    borders: Vec<Vec<(f64, f64)>>,
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
    let background = Background {
        land: land_rings(&read_collection(&ne.join("land-50m.geojson"))?),
        borders: shared_borders(&read_collection(&ne.join("countries-10m.geojson"))?),
    };

    let svg = render(&network, &title, &background);
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

/// The embedded network, loaded through [`corridor::Atlas::embedded`]. Should the embedded
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

fn lon_lat(p: &Position) -> (f64, f64) {
    (p[0], p[1])
}

/// Every ring of every land polygon (outer rings and holes such as the Caspian alike).
fn land_rings(land: &FeatureCollection) -> Vec<Vec<(f64, f64)>> {
    let mut rings = Vec::new();
    for f in &land.features {
        let Some(g) = &f.geometry else { continue };
        for_each_polygon(&g.value, &mut |polygon| {
            rings.extend(polygon.iter().map(|r| r.iter().map(lon_lat).collect()));
        });
    }
    rings
}

/// The land borders of the admin-0 layer: edges that two countries share (world-atlas builds
/// the countries from one topology, so a shared edge has the same two positions in both),
/// chained into lines. Coasts are left to the land layer.
fn shared_borders(countries: &FeatureCollection) -> Vec<Vec<(f64, f64)>> {
    type Key = (i64, i64);
    let key = |p: &Position| -> Key { ((p[0] * 1e5).round() as i64, (p[1] * 1e5).round() as i64) };
    let edge = |a: &Position, b: &Position| {
        let (a, b) = (key(a), key(b));
        if a <= b { (a, b) } else { (b, a) }
    };
    let mut rings: Vec<(usize, &Vec<Position>)> = Vec::new();
    for (i, f) in countries.features.iter().enumerate() {
        if let Some(g) = &f.geometry {
            collect_rings(&g.value, i, &mut rings);
        }
    }
    // Edge → (first country that has it, whether another country has it too).
    let mut edges: HashMap<(Key, Key), (usize, bool)> = HashMap::new();
    for &(i, ring) in &rings {
        for w in ring.windows(2) {
            edges
                .entry(edge(&w[0], &w[1]))
                .and_modify(|(owner, shared)| *shared |= *owner != i)
                .or_insert((i, false));
        }
    }
    let mut lines = Vec::new();
    for &(i, ring) in &rings {
        let mut run: Vec<(f64, f64)> = Vec::new();
        for w in ring.windows(2) {
            let border = edges
                .get(&edge(&w[0], &w[1]))
                .is_some_and(|&(owner, shared)| shared && owner == i);
            if border {
                if run.is_empty() {
                    run.push(lon_lat(&w[0]));
                }
                run.push(lon_lat(&w[1]));
            } else if !run.is_empty() {
                lines.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            lines.push(run);
        }
    }
    lines
}

fn collect_rings<'a>(g: &'a GeometryValue, i: usize, out: &mut Vec<(usize, &'a Vec<Position>)>) {
    match g {
        GeometryValue::Polygon { coordinates } => out.extend(coordinates.iter().map(|r| (i, r))),
        GeometryValue::MultiPolygon { coordinates } => {
            out.extend(coordinates.iter().flatten().map(|r| (i, r)));
        }
        GeometryValue::GeometryCollection { geometries } => {
            for g in geometries {
                collect_rings(&g.value, i, out);
            }
        }
        _ => {}
    }
}

/// [`MAIN_BOX`] widened to hold the whole network with a 2° margin, within Natural Earth's.
fn main_box(net: &Network) -> [f64; 4] {
    let mut b = MAIN_BOX;
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

fn render(net: &Network, title: &str, bg: &Background) -> String {
    let main = View {
        proj: Projection::new(main_box(net), SIDE, HEADER, MAP_WIDTH),
        detail: false,
    };
    let panel = main.proj.frame[2] + GAP;
    let inset = View {
        proj: Projection::new(INSET_BOX, panel, HEADER + 20.0, INSET_WIDTH),
        detail: true,
    };
    let bottom = main.proj.frame[3].max(inset.proj.frame[3] + 200.0);
    let (width, height) = (panel + INSET_WIDTH + SIDE, bottom + FOOTER);

    let mut s = String::with_capacity(1 << 20);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT}">"#,
        w = num(width),
        h = num(height)
    );
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    map(&mut s, &main, net, bg, "main");
    // Where the inset lies on the main map.
    let (a, b) = (
        main.proj.project(INSET_BOX[0], INSET_BOX[3]),
        main.proj.project(INSET_BOX[1], INSET_BOX[2]),
    );
    let _ = writeln!(
        s,
        r##"<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#34495e" stroke-width="0.8" stroke-dasharray="3 2"/>"##,
        num(a.0),
        num(a.1),
        num(b.0 - a.0),
        num(b.1 - a.1)
    );
    map(&mut s, &inset, net, bg, "inset");
    let _ = writeln!(
        s,
        r##"<text x="{}" y="{}" font-size="13" font-weight="bold" fill="#222">The INSTC core: Caspian Sea and Iran</text>"##,
        num(panel),
        num(HEADER + 13.0)
    );
    let suspended = net
        .legs
        .iter()
        .filter(|l| l.status == Status::Suspended)
        .count();
    let notes_y = legend(&mut s, panel, inset.proj.frame[3] + 20.0, suspended > 0) + 12.0;
    let _ = writeln!(
        s,
        r##"<g font-size="11" fill="#555"><text x="{x}" y="{}">The dashed box on the main map marks the inset.</text><text x="{x}" y="{}">Lines are drawn straight between their positions.</text></g>"##,
        num(notes_y),
        num(notes_y + 15.0),
        x = num(panel)
    );

    let planned = net
        .legs
        .iter()
        .filter(|l| matches!(l.status, Status::UnderConstruction | Status::Planned))
        .count();
    let not_in_service = if suspended > 0 {
        format!("{planned} under construction or planned, {suspended} suspended")
    } else {
        format!("{planned} under construction or planned")
    };
    let _ = writeln!(
        s,
        r##"<text x="{}" y="26" font-size="19" font-weight="bold" fill="#222">{}</text>"##,
        num(SIDE),
        esc(title)
    );
    let _ = writeln!(
        s,
        r##"<text x="{}" y="46" font-size="12" fill="#555">{} nodes, {} legs ({}) · equirectangular projection, true scale at {}°N</text>"##,
        num(SIDE),
        net.nodes.len(),
        net.legs.len(),
        not_in_service,
        STANDARD_PARALLEL
    );
    let _ = writeln!(
        s,
        r##"<text x="{}" y="{}" font-size="11" fill="#555" text-anchor="end">Land: Natural Earth (public domain)</text>"##,
        num(width - SIDE),
        num(bottom + 17.0)
    );
    let _ = writeln!(
        s,
        r##"<text x="{}" y="{}" font-size="11" fill="#888">corridor · examples/render_map.rs</text>"##,
        num(SIDE),
        num(bottom + 17.0)
    );
    s.push_str("</svg>\n");
    s
}

/// One map: sea, graticule, land, borders, legs, nodes, labels and a frame.
fn map(s: &mut String, view: &View, net: &Network, bg: &Background, id: &str) {
    let [left, top, right, bottom] = view.proj.frame;
    let rect = format!(
        r#"x="{}" y="{}" width="{}" height="{}""#,
        num(left),
        num(top),
        num(right - left),
        num(bottom - top)
    );
    let _ = writeln!(
        s,
        r#"<clipPath id="{id}"><rect {rect}/></clipPath><rect {rect} fill="{SEA}"/>"#
    );
    let _ = writeln!(s, r#"<g clip-path="url(#{id})">"#);
    graticule(s, &view.proj, if view.detail { 5 } else { 10 });
    land_layer(s, &view.proj, &bg.land);
    border_layer(s, &view.proj, &bg.borders);
    leg_layer(s, view, net);
    s.push_str("</g>\n");
    node_layer(s, view, net);
    let _ = writeln!(
        s,
        r##"<rect {rect} fill="none" stroke="#6b7780" stroke-width="1"/>"##
    );
}

/// Meridians and parallels every `step` degrees, white on the sea (the land covers them),
/// labelled every other line along the left and bottom edges.
fn graticule(s: &mut String, proj: &Projection, step: i32) {
    let [left, top, right, bottom] = proj.frame;
    let mut d = String::new();
    let mut labels = String::new();
    for lon in (-180..=180).step_by(step as usize) {
        let (x, _) = proj.project(f64::from(lon), 0.0);
        if x <= left + 1.0 || x >= right - 1.0 {
            continue;
        }
        let _ = write!(d, "M{} {}V{}", num(x), num(top), num(bottom));
        if lon % (2 * step) == 0 && x > left + 20.0 && x < right - 20.0 {
            let _ = write!(
                labels,
                r#"<text x="{}" y="{}" text-anchor="middle">{}</text>"#,
                num(x),
                num(bottom - 4.0),
                degrees(lon, 'E', 'W')
            );
        }
    }
    for lat in (-90..=90).step_by(step as usize) {
        let (_, y) = proj.project(0.0, f64::from(lat));
        if y <= top + 1.0 || y >= bottom - 1.0 {
            continue;
        }
        let _ = write!(d, "M{} {}H{}", num(left), num(y), num(right));
        if lat % (2 * step) == 0 && y > top + 12.0 && y < bottom - 16.0 {
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

/// The land: every ring projected, clipped to the frame and simplified, in one path whose
/// even-odd rule keeps the holes (the Caspian) open.
fn land_layer(s: &mut String, proj: &Projection, rings: &[Vec<(f64, f64)>]) {
    let mut d = String::new();
    for ring in rings {
        let mut pts: Vec<P> = ring.iter().map(|&(x, y)| proj.project(x, y)).collect();
        if pts.len() > 1 && pts.first() == pts.last() {
            pts.pop();
        }
        let clipped = clip_ring(&pts, proj.frame);
        if clipped.len() < 3 || area(&clipped).abs() < 0.8 {
            continue;
        }
        let simple = simplify(&clipped);
        if simple.len() >= 3 {
            path_data(&mut d, &simple, true);
        }
    }
    let _ = writeln!(
        s,
        r#"<path d="{d}" fill="{LAND}" fill-rule="evenodd" stroke="{COAST}" stroke-width="0.5" stroke-linejoin="round"/>"#
    );
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

fn border_layer(s: &mut String, proj: &Projection, borders: &[Vec<(f64, f64)>]) {
    let mut d = String::new();
    for line in borders {
        let pts: Vec<P> = line.iter().map(|&(x, y)| proj.project(x, y)).collect();
        line_path(&mut d, &pts, proj.frame);
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

/// Stroke attributes of a status: lines under construction or planned dashed and fainter,
/// suspended ones dotted.
fn status_style(status: Status) -> &'static str {
    match status {
        Status::Operational => r#" stroke-opacity="0.9""#,
        Status::UnderConstruction | Status::Planned => {
            r#" stroke-opacity="0.6" stroke-dasharray="5 3""#
        }
        Status::Suspended => r#" stroke-opacity="0.6" stroke-dasharray="0.1 4""#,
    }
}

/// The legs, one path per mode and style: sea under ferry under road under rail.
fn leg_layer(s: &mut String, view: &View, net: &Network) {
    let scale = if view.detail { 1.25 } else { 1.0 };
    for mode in [Mode::Sea, Mode::Ferry, Mode::Road, Mode::Rail] {
        for status in [
            Status::Operational,
            Status::UnderConstruction,
            Status::Suspended,
        ] {
            let mut d = String::new();
            for l in net
                .legs
                .iter()
                .filter(|l| l.mode == mode && status_style(l.status) == status_style(status))
            {
                let pts: Vec<P> = l
                    .geometry
                    .coords()
                    .map(|c| view.proj.project(c.x, c.y))
                    .collect();
                line_path(&mut d, &pts, view.proj.frame);
            }
            if d.is_empty() {
                continue;
            }
            let style = status_style(status);
            let _ = writeln!(
                s,
                r#"<path d="{d}" fill="none" stroke="{}" stroke-width="{}" stroke-linecap="round" stroke-linejoin="round"{style}/>"#,
                mode_colour(mode),
                mode_width(mode) * scale
            );
        }
    }
}

fn mode_width(mode: Mode) -> f64 {
    match mode {
        Mode::Sea => 1.6,
        Mode::Ferry => 2.0,
        Mode::Road => 2.0,
        Mode::Rail => 2.2,
    }
}

/// Ports and passages as dots (in the inset also stations, terminals and borders), then the
/// labels: on the main map the places of [`LABELS`]; in the inset those, then ports, then the
/// other nodes, each where it collides with no earlier label or dot.
fn node_layer(s: &mut String, view: &View, net: &Network) {
    let proj = &view.proj;
    let mut ports = String::new();
    let mut passages = String::new();
    let mut others = String::new();
    // Boxes labels must avoid: left, top, right, bottom.
    let mut taken: Vec<[f64; 4]> = Vec::new();
    for n in &net.nodes {
        let p = proj.project(n.position.x(), n.position.y());
        if !proj.contains(p) {
            continue;
        }
        let (target, r) = match n.kind {
            NodeKind::Port => (&mut ports, 2.6),
            NodeKind::Passage => (&mut passages, 2.2),
            NodeKind::Junction => continue,
            _ if view.detail => (&mut others, 1.9),
            _ => continue,
        };
        let _ = write!(
            target,
            r#"<circle cx="{}" cy="{}" r="{r}"/>"#,
            num(p.0),
            num(p.1)
        );
        taken.push([p.0 - r, p.1 - r, p.0 + r, p.1 + r]);
    }

    let mut texts = String::new();
    let mut extra_dots = String::new();
    let mut labelled: Vec<&str> = Vec::new();
    for label in LABELS {
        let node = find(net, label.keys);
        let (lon, lat) = node.map_or(label.fallback, |n| (n.position.x(), n.position.y()));
        let p = proj.project(lon, lat);
        if !proj.contains(p) {
            continue;
        }
        if let Some(n) = node {
            labelled.push(&n.id);
            if !view.detail && !matches!(n.kind, NodeKind::Port | NodeKind::Passage) {
                let _ = write!(
                    extra_dots,
                    r#"<circle cx="{}" cy="{}" r="2.4"/>"#,
                    num(p.0),
                    num(p.1)
                );
            }
        }
        let preferred = (label.dx, label.dy, label.anchor);
        if view.detail {
            place(&mut texts, &mut taken, proj, p, label.text, Some(preferred));
        } else {
            let b = text_box(p, label.text, preferred);
            taken.push(b);
            write_text(&mut texts, p, label.text, preferred);
        }
    }
    if view.detail {
        let mut rest: Vec<&Node> = net
            .nodes
            .iter()
            .filter(|n| !labelled.contains(&n.id.as_str()))
            .filter(|n| !matches!(n.kind, NodeKind::Junction | NodeKind::Border))
            .collect();
        rest.sort_by_key(|n| match n.kind {
            NodeKind::Port => 0,
            NodeKind::Passage => 1,
            _ => 2,
        });
        // Two nodes of one town (Astara in Iran and in Azerbaijan) get one label.
        let mut named: Vec<(String, P)> = Vec::new();
        for n in rest {
            let p = proj.project(n.position.x(), n.position.y());
            let text = short_name(&n.name);
            let near = |q: &P| (q.0 - p.0).hypot(q.1 - p.1) < 40.0;
            if proj.contains(p) && !named.iter().any(|(t, q)| *t == text && near(q)) {
                place(&mut texts, &mut taken, proj, p, &text, None);
                named.push((text, p));
            }
        }
    }
    let _ = writeln!(
        s,
        r##"<g fill="#555555" stroke="#ffffff" stroke-width="0.6">{others}</g>"##
    );
    let _ = writeln!(
        s,
        r##"<g fill="#ffffff" stroke="{PASSAGE}" stroke-width="1.1">{passages}</g>"##
    );
    let _ = writeln!(
        s,
        r##"<g fill="{PORT}" stroke="#ffffff" stroke-width="0.8">{ports}</g>"##
    );
    let _ = writeln!(
        s,
        r##"<g fill="#333333" stroke="#ffffff" stroke-width="0.8">{extra_dots}</g>"##
    );
    let _ = writeln!(
        s,
        r##"<g font-size="{LABEL_SIZE}" fill="#1d1d1d" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" stroke-opacity="0.85" paint-order="stroke">{texts}</g>"##
    );
}

/// A node name without its parenthesis or a trailing "railway station" and the like.
fn short_name(name: &str) -> String {
    let mut n = name.split(" (").next().unwrap_or(name).trim().to_string();
    for suffix in [
        " rail transshipment terminal",
        " railway station",
        " rail terminal",
        " station",
    ] {
        if let Some(stripped) = n.strip_suffix(suffix) {
            n = stripped.to_string();
        }
    }
    n
}

/// Places a label at the first free spot around `p` (the preferred one first); skips it when
/// none is free, unless it was given a preferred spot.
fn place(
    texts: &mut String,
    taken: &mut Vec<[f64; 4]>,
    proj: &Projection,
    p: P,
    text: &str,
    preferred: Option<(f64, f64, Anchor)>,
) {
    let candidates = [
        (6.0, 4.0, Anchor::Start),
        (-6.0, 4.0, Anchor::End),
        (5.0, -4.0, Anchor::Start),
        (5.0, 12.0, Anchor::Start),
        (-5.0, -4.0, Anchor::End),
        (-5.0, 12.0, Anchor::End),
        (0.0, -7.0, Anchor::Middle),
        (0.0, 15.0, Anchor::Middle),
    ];
    let [l, t, r, b] = proj.frame;
    let free = |bx: [f64; 4]| {
        bx[0] >= l + 2.0
            && bx[2] <= r - 2.0
            && bx[1] >= t + 2.0
            && bx[3] <= b - 2.0
            && !taken.iter().any(|o| overlaps(o, &bx))
    };
    let spot = preferred
        .into_iter()
        .chain(candidates)
        .find(|&c| free(text_box(p, text, c)))
        .or(preferred);
    if let Some(c) = spot {
        taken.push(text_box(p, text, c));
        write_text(texts, p, text, c);
    }
}

/// Estimated box of a label (DejaVu Sans averages about 0.6 em a character).
fn text_box(p: P, text: &str, (dx, dy, anchor): (f64, f64, Anchor)) -> [f64; 4] {
    let w = 0.6 * LABEL_SIZE * text.chars().count() as f64;
    let x0 = match anchor {
        Anchor::Start => p.0 + dx,
        Anchor::Middle => p.0 + dx - w / 2.0,
        Anchor::End => p.0 + dx - w,
    };
    let base = p.1 + dy;
    [
        x0 - 1.0,
        base - 0.8 * LABEL_SIZE,
        x0 + w + 1.0,
        base + 0.25 * LABEL_SIZE,
    ]
}

fn overlaps(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

fn write_text(texts: &mut String, p: P, text: &str, (dx, dy, anchor): (f64, f64, Anchor)) {
    let _ = write!(
        texts,
        r#"<text x="{}" y="{}"{}>{}</text>"#,
        num(p.0 + dx),
        num(p.1 + dy),
        if anchor == Anchor::Start {
            String::new()
        } else {
            format!(r#" text-anchor="{}""#, anchor.as_str())
        },
        esc(text)
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

/// The legend, at (x, y) in the side panel (with a row for suspended lines if asked);
/// returns where it ends.
fn legend(s: &mut String, x: f64, y: f64, suspended: bool) -> f64 {
    let mut rows: Vec<(&str, &str, &str)> = vec![
        ("sea", mode_colour(Mode::Sea), ""),
        ("rail", mode_colour(Mode::Rail), ""),
        ("road", mode_colour(Mode::Road), ""),
        ("ferry", mode_colour(Mode::Ferry), ""),
        (
            "under construction or planned",
            "#555555",
            status_style(Status::Planned),
        ),
    ];
    if suspended {
        rows.push((
            "suspended (built, closed to traffic)",
            "#555555",
            status_style(Status::Suspended),
        ));
    }
    let row = 19.0;
    let _ = writeln!(
        s,
        r##"<g font-size="12" fill="#222"><text x="{}" y="{}" font-size="13" font-weight="bold">Legend</text>"##,
        num(x),
        num(y + 6.0)
    );
    let mut cy = y + 26.0;
    for (name, colour, style) in rows {
        let _ = write!(
            s,
            r#"<path d="M{} {}h32" stroke="{colour}" stroke-width="2.6" stroke-linecap="round"{style}/><text x="{}" y="{}">{name}</text>"#,
            num(x + 2.0),
            num(cy),
            num(x + 46.0),
            num(cy + 4.0)
        );
        cy += row;
    }
    let dots = [
        (
            "port",
            format!(r##"r="2.8" fill="{PORT}" stroke="#ffffff" stroke-width="0.8""##),
        ),
        (
            "strait or canal",
            format!(r##"r="2.4" fill="#ffffff" stroke="{PASSAGE}" stroke-width="1.1""##),
        ),
        (
            "station, terminal or border (inset)",
            r##"r="2" fill="#555555""##.to_string(),
        ),
    ];
    for (name, style) in dots {
        let _ = write!(
            s,
            r#"<circle cx="{}" cy="{}" {style}/><text x="{}" y="{}">{name}</text>"#,
            num(x + 18.0),
            num(cy),
            num(x + 46.0),
            num(cy + 4.0)
        );
        cy += row;
    }
    s.push_str("</g>\n");
    cy
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
        if let Some((a, b)) = clip_segment(w[0], w[1], r) {
            if cur.last() != Some(&a) {
                if cur.len() >= 2 {
                    parts.push(std::mem::take(&mut cur));
                }
                cur = vec![a];
            }
            cur.push(b);
        } else {
            if cur.len() >= 2 {
                parts.push(std::mem::take(&mut cur));
            }
            cur.clear();
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
