//! A map of routes: each route in its colour of the GeoJSON output (the Okabe–Ito palette),
//! the mode shown by width and dash as there, over Natural Earth land, with the origin and
//! destination labelled and a legend giving each route's days, cost and emissions.

use std::fmt::Write as _;

use super::basemap::Basemap;
use super::layers::{border_layer, graticule, land_layer, line_path, open_frame};
use super::projection::{P, Projection};
use super::svg::{esc, num};
use super::{FONT, HEADER, MAP_WIDTH, NATURAL_EARTH_BOX, SIDE};
use crate::model::RouteReport;
use crate::network::{Mode, Status, normalize_lon};
use crate::render::geojson::routes::PALETTE;
use crate::render::table::thousands;

/// Line width by mode, px: rail thickest (as in the GeoJSON).
fn line_width(mode: Mode) -> f64 {
    match mode {
        Mode::Rail => 3.2,
        Mode::Road => 2.6,
        Mode::Sea | Mode::Ferry => 2.0,
    }
}

/// Dash by mode: road dashed, ferry dotted.
fn dash(mode: Mode, status: Status) -> &'static str {
    match (mode, status) {
        (_, Status::UnderConstruction | Status::Planned) => r#" stroke-dasharray="2 3""#,
        (Mode::Road, _) => r#" stroke-dasharray="7 4""#,
        (Mode::Ferry, _) => r#" stroke-dasharray="1 4""#,
        _ => "",
    }
}

/// The box of every route's geometry with a 3° margin (6° where a route is small), within
/// Natural Earth's box: lon west, east, lat south, north.
fn bounds(routes: &[&RouteReport]) -> [f64; 4] {
    let mut b = [
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    for c in routes
        .iter()
        .flat_map(|r| &r.legs)
        .flat_map(|l| l.geometry.coords())
    {
        let lon = normalize_lon(c.x);
        b = [b[0].min(lon), b[1].max(lon), b[2].min(c.y), b[3].max(c.y)];
    }
    if !b[0].is_finite() {
        return [40.0, 80.0, 10.0, 50.0];
    }
    let margin = if (b[1] - b[0]).max(b[3] - b[2]) < 15.0 {
        6.0
    } else {
        3.0
    };
    [
        (b[0] - margin).max(NATURAL_EARTH_BOX[0]),
        (b[1] + margin).min(NATURAL_EARTH_BOX[1]),
        (b[2] - margin).max(NATURAL_EARTH_BOX[2]),
        (b[3] + margin).min(NATURAL_EARTH_BOX[3]),
    ]
}

/// An SVG map of `routes`, the first drawn on top, titled `title`.
///
/// # Example
/// ```
/// use corridor::{Assumptions, Atlas, model::{CostModel, Params}, questions::find};
/// use corridor::render::map::{Basemap, routes};
/// let atlas = Atlas::embedded()?;
/// let model = CostModel::new(atlas.network(), Params::from_assumptions(&Assumptions::embedded()?)?);
/// let r = find::run(&atlas, &model, &find::Query::default().resolve(&atlas)?)?;
/// let svg = routes(&[&r], "Nhava Sheva → Moscow", &Basemap::default());
/// assert!(svg.starts_with("<svg") && svg.contains(&r.label));
/// # Ok::<(), corridor::Error>(())
/// ```
#[must_use]
pub fn routes(routes: &[&RouteReport], title: &str, bg: &Basemap) -> String {
    let proj = Projection::new(bounds(routes), SIDE, HEADER, MAP_WIDTH);
    let [left, _, right, bottom] = proj.frame;
    let legend_top = bottom + 16.0;
    let height = legend_top + 22.0 * routes.len() as f64 + 40.0;
    let width = right + SIDE;
    let mut s = String::with_capacity(1 << 18);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT}">"#,
        w = num(width),
        h = num(height)
    );
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let rect = open_frame(&mut s, proj.frame, "routes");
    graticule(&mut s, &proj, 10);
    land_layer(&mut s, &proj, &bg.land);
    border_layer(&mut s, &proj, &bg.borders);
    // The last route first, so the first (the reference) is drawn on top.
    for (i, r) in routes.iter().enumerate().rev() {
        let colour = PALETTE[i % PALETTE.len()].1;
        let _ = writeln!(s, r#"<g id="route-{}">"#, i + 1);
        for l in &r.legs {
            let pts: Vec<P> = l
                .geometry
                .coords()
                .map(|c| proj.project(normalize_lon(c.x), c.y))
                .collect();
            let mut d = String::new();
            line_path(&mut d, &pts, proj.frame);
            if d.is_empty() {
                continue;
            }
            let _ = writeln!(
                s,
                r#"<path d="{d}" fill="none" stroke="{colour}" stroke-width="{}" stroke-opacity="0.9" stroke-linecap="round" stroke-linejoin="round"{}/>"#,
                num(line_width(l.mode)),
                dash(l.mode, l.status)
            );
        }
        s.push_str("</g>\n");
    }
    s.push_str("</g>\n");
    let _ = writeln!(
        s,
        r##"<rect {rect} fill="none" stroke="#6b7780" stroke-width="1"/>"##
    );
    if let Some(first) = routes.first() {
        let ends = [
            (
                &first.from.name,
                first.legs.first().and_then(|l| l.geometry.0.first()),
            ),
            (
                &first.to.name,
                first.legs.last().and_then(|l| l.geometry.0.last()),
            ),
        ];
        for (name, at) in ends {
            let Some(c) = at else { continue };
            let (x, y) = proj.project(normalize_lon(c.x), c.y);
            // The label on the side of the point with more room.
            let (dx, anchor) = if x > 0.5 * (left + right) {
                (-8.0, "end")
            } else {
                (8.0, "start")
            };
            let _ = writeln!(
                s,
                r##"<circle cx="{}" cy="{}" r="5" fill="#000" stroke="#fff" stroke-width="1.5"/><text x="{}" y="{}" font-size="13" font-weight="bold" fill="#111" stroke="#fff" stroke-width="3" paint-order="stroke" text-anchor="{anchor}">{}</text>"##,
                num(x),
                num(y),
                num(x + dx),
                num(y - 7.0),
                esc(name)
            );
        }
    }
    for (i, r) in routes.iter().enumerate() {
        let y = legend_top + 22.0 * i as f64;
        let _ = writeln!(
            s,
            r##"<rect x="{}" y="{}" width="28" height="5" fill="{}"/><text x="{}" y="{}" font-size="12.5" fill="#222">{}: {} km · {:.1} days · USD {} per TEU · {:.2} t CO2e per TEU</text>"##,
            num(SIDE),
            num(y + 4.0),
            PALETTE[i % PALETTE.len()].1,
            num(SIDE + 36.0),
            num(y + 10.0),
            esc(&r.label),
            thousands(r.distance_km),
            r.time_days,
            thousands(r.cost_usd),
            r.co2e_kg / 1000.0
        );
    }
    let _ = writeln!(
        s,
        r##"<text x="{}" y="{}" font-size="11" fill="#555">Lines: rail thick, road dashed, sea and ferry thin (ferry dotted); under construction or planned finely dashed. Land: Natural Earth (public domain).</text>"##,
        num(SIDE),
        num(height - 12.0)
    );
    let _ = writeln!(
        s,
        r##"<text x="{}" y="26" font-size="19" font-weight="bold" fill="#222">{}</text>"##,
        num(SIDE),
        esc(title)
    );
    let _ = writeln!(
        s,
        r##"<text x="{}" y="46" font-size="12" fill="#555">{} route(s) · equirectangular projection, true scale at 35°N</text>"##,
        num(SIDE),
        routes.len()
    );
    s.push_str("</svg>\n");
    s
}
