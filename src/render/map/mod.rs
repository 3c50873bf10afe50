//! SVG maps over Natural Earth land: legs coloured by mode (the colours of the GeoJSON
//! output), lines under construction or planned dashed and fainter, ports and passages as
//! dots, a few places labelled, an inset of the Caspian and Iran, a legend and a credit.
//!
//! The projection is equirectangular with true scale along 35°N (the Caspian): the main map
//! covers lon −20…80, lat −40…66 (widened if the network reaches beyond), the inset
//! lon 43.5…64.5, lat 24…48.5. Coordinates are clipped to each frame, simplified to a third of
//! a pixel and written with at most two decimals.

mod basemap;
mod clip;
mod labels;
mod layers;
mod legend;
mod projection;
mod routes;
mod svg;

pub use basemap::Basemap;
pub use routes::routes;

use std::fmt::Write as _;

use crate::network::{Network, Status, normalize_lon};
use layers::map;
use legend::legend;
use projection::Projection;
use svg::{esc, num};

/// The smallest box of the main map, lon/lat degrees: west, east, south, north.
pub(crate) const MAIN_BOX: [f64; 4] = [-20.0, 80.0, -40.0, 66.0];
/// The inset: the Caspian, Iran and the Gulf.
pub(crate) const INSET_BOX: [f64; 4] = [43.5, 64.5, 24.0, 48.5];
/// The box Natural Earth is clipped to (data/naturalearth/README.md); the map never exceeds it.
pub(crate) const NATURAL_EARTH_BOX: [f64; 4] = [-30.0, 100.0, -45.0, 72.0];
/// Latitude of true scale.
pub(crate) const STANDARD_PARALLEL: f64 = 35.0;
/// Widths of the main map and the inset, px.
pub(crate) const MAP_WIDTH: f64 = 900.0;
pub(crate) const INSET_WIDTH: f64 = 440.0;
/// Space above the maps (title), below them (credit), around the page and between the maps, px.
pub(crate) const HEADER: f64 = 58.0;
pub(crate) const FOOTER: f64 = 26.0;
pub(crate) const SIDE: f64 = 14.0;
pub(crate) const GAP: f64 = 22.0;
/// Douglas–Peucker tolerance, px.
pub(crate) const SIMPLIFY_PX: f64 = 0.35;

pub(crate) const SEA: &str = "#d5e8f4";
pub(crate) const LAND: &str = "#e6e5e1";
pub(crate) const COAST: &str = "#aeb4b8";
pub(crate) const BORDER: &str = "#b3b1ab";
pub(crate) const PORT: &str = "#1b3a57";
pub(crate) const PASSAGE: &str = "#4a6b82";
pub(crate) const FONT: &str = "DejaVu Sans, Helvetica, Arial, sans-serif";
pub(crate) const LABEL_SIZE: f64 = 11.5;

/// One map on the page.
pub(crate) struct View {
    pub(crate) proj: Projection,
    /// The inset: thicker lines, every node drawn, more labels.
    pub(crate) detail: bool,
}

/// [`MAIN_BOX`] widened to hold the whole network with a 2° margin, within Natural Earth's.
fn main_box(net: &Network) -> [f64; 4] {
    let mut b = MAIN_BOX;
    let points = net
        .nodes()
        .iter()
        .map(|n| (n.position.x(), n.position.y()))
        .chain(
            net.legs()
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

/// Draws a network as an SVG page: the main map (widened to hold the whole network), an inset
/// of the Caspian and Iran, a legend, a title and a credit.
///
/// # Example
/// ```
/// use corridor::render::map::{Basemap, network};
/// let atlas = corridor::Atlas::embedded().unwrap();
/// let svg = network(atlas.network(), "the embedded network", &Basemap::default());
/// assert!(svg.starts_with("<svg") && svg.contains("Legend"));
/// ```
#[must_use]
pub fn network(net: &Network, title: &str, bg: &Basemap) -> String {
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
        .legs()
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
        .legs()
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
        net.nodes().len(),
        net.legs().len(),
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
