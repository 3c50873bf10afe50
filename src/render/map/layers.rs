//! The layers of one map: sea and graticule, land, borders, legs, nodes and labels.

use std::fmt::Write as _;

use super::basemap::Basemap;
use super::clip::{area, clip_line, clip_ring, simplify};
use super::labels::{LABELS, find, place, short_name, text_box, write_text};
use super::projection::{P, Projection};
use super::svg::{num, path_data};
use super::{BORDER, COAST, LABEL_SIZE, LAND, PASSAGE, PORT, SEA, View};
use crate::network::{Mode, Network, Node, NodeKind, Status};
use crate::render::geojson::mode_colour;

/// Starts a map's frame: the clip path named `id`, the sea, and the group that clips what
/// follows (closed by `</g>`). Returns the frame's rectangle attributes for its border.
pub(crate) fn open_frame(s: &mut String, frame: [f64; 4], id: &str) -> String {
    let [left, top, right, bottom] = frame;
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
    rect
}

/// One map: sea, graticule, land, borders, legs, nodes, labels and a frame.
pub(crate) fn map(s: &mut String, view: &View, net: &Network, bg: &Basemap, id: &str) {
    let rect = open_frame(s, view.proj.frame, id);
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
pub(crate) fn graticule(s: &mut String, proj: &Projection, step: i32) {
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

pub(crate) fn degrees(v: i32, pos: char, neg: char) -> String {
    match v {
        0 => "0°".into(),
        v if v > 0 => format!("{v}°{pos}"),
        v => format!("{}°{neg}", -v),
    }
}

/// The land: every ring projected, clipped to the frame and simplified, in one path whose
/// even-odd rule keeps the holes (the Caspian) open.
pub(crate) fn land_layer(s: &mut String, proj: &Projection, rings: &[Vec<(f64, f64)>]) {
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

pub(crate) fn border_layer(s: &mut String, proj: &Projection, borders: &[Vec<(f64, f64)>]) {
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
pub(crate) fn line_path(d: &mut String, pts: &[P], frame: [f64; 4]) {
    for part in clip_line(pts, frame) {
        let simple = simplify(&part);
        if simple.len() >= 2 {
            path_data(d, &simple, false);
        }
    }
}

/// Stroke attributes of a status: lines under construction or planned dashed and fainter,
/// suspended ones dotted.
pub(crate) fn status_style(status: Status) -> &'static str {
    match status {
        Status::Operational => r#" stroke-opacity="0.9""#,
        Status::UnderConstruction | Status::Planned => {
            r#" stroke-opacity="0.6" stroke-dasharray="5 3""#
        }
        Status::Suspended => r#" stroke-opacity="0.6" stroke-dasharray="0.1 4""#,
    }
}

/// The legs, one path per mode and style: sea under ferry under road under rail.
pub(crate) fn leg_layer(s: &mut String, view: &View, net: &Network) {
    let scale = if view.detail { 1.25 } else { 1.0 };
    for mode in [Mode::Sea, Mode::Ferry, Mode::Road, Mode::Rail] {
        for status in [
            Status::Operational,
            Status::UnderConstruction,
            Status::Suspended,
        ] {
            let mut d = String::new();
            for l in net
                .legs()
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

pub(crate) fn mode_width(mode: Mode) -> f64 {
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
pub(crate) fn node_layer(s: &mut String, view: &View, net: &Network) {
    let proj = &view.proj;
    let mut ports = String::new();
    let mut passages = String::new();
    let mut others = String::new();
    // Boxes labels must avoid: left, top, right, bottom.
    let mut taken: Vec<[f64; 4]> = Vec::new();
    for n in net.nodes() {
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

    let (texts, extra_dots) = labels(view, net, &mut taken);
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

/// The labels of a map and the dots of labelled places that are not ports or passages: on
/// the main map the places of [`LABELS`]; in the inset those, then ports, then the other
/// nodes, each where it collides with nothing in `taken`.
fn labels(view: &View, net: &Network, taken: &mut Vec<[f64; 4]>) -> (String, String) {
    let proj = &view.proj;
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
            place(&mut texts, taken, proj, p, label.text, Some(preferred));
        } else {
            let b = text_box(p, label.text, preferred);
            taken.push(b);
            write_text(&mut texts, p, label.text, preferred);
        }
    }
    if view.detail {
        let mut rest: Vec<&Node> = net
            .nodes()
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
                place(&mut texts, taken, proj, p, &text, None);
                named.push((text, p));
            }
        }
    }
    (texts, extra_dots)
}
