//! Routes as GeoJSON that tells them apart: a colour per route from a colour-blind-safe
//! palette, the mode shown by line width and dash, a leg shared by several routes drawn once
//! (in grey, with every route that uses it in its properties), the origin and destination as
//! marked points, stops coloured and sized by kind, and a summary of the routes and their
//! colours in the collection's foreign member `corridor`.

use std::collections::HashMap;

use geojson::Feature;
use serde_json::{Value, json};

use super::{feature, round2};
use crate::model::report::{LegReport, StopReport};
use crate::model::{RouteReport, StopReason};
use crate::network::export::{line_geometry, point_geometry};
use crate::network::{Mode, Status};

/// The Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), distinguishable with
/// every common form of colour blindness: (name, hex), one per route in order.
pub const PALETTE: [(&str, &str); 7] = [
    ("blue", "#0072B2"),
    ("vermillion", "#D55E00"),
    ("bluish green", "#009E73"),
    ("reddish purple", "#CC79A7"),
    ("orange", "#E69F00"),
    ("sky blue", "#56B4E9"),
    ("black", "#000000"),
];

/// The colour of a leg that several routes share.
pub const SHARED: (&str, &str) = ("grey", "#777777");

/// Line width by mode, pixels: rail thickest, sea and ferry thinnest.
fn width(mode: Mode) -> f64 {
    match mode {
        Mode::Rail => 5.0,
        Mode::Road => 4.0,
        Mode::Sea | Mode::Ferry => 3.0,
    }
}

/// Dash pattern by mode (SVG `stroke-dasharray`, which Leaflet and QGIS read; geojson.io draws
/// every line solid): road dashed, ferry dotted, sea and rail solid.
fn dash(mode: Mode) -> Option<&'static str> {
    match mode {
        Mode::Road => Some("10 6"),
        Mode::Ferry => Some("2 6"),
        Mode::Sea | Mode::Rail => None,
    }
}

/// Marker colour and size of a stop, by its first reason.
fn stop_style(reasons: &[StopReason]) -> (&'static str, &'static str) {
    match reasons.first() {
        Some(StopReason::PortCall) => ("#1f4e79", "medium"),
        Some(StopReason::Relay) => ("#6a3d9a", "medium"),
        Some(StopReason::Border) => ("#b2182b", "small"),
        Some(StopReason::ModeChange | StopReason::GaugeChange) => ("#e08214", "small"),
        Some(StopReason::CaspianWait) => ("#35978f", "small"),
        Some(StopReason::Passage) | None => ("#4d4d4d", "small"),
    }
}

/// Words for a list of reasons.
fn reasons(rs: &[StopReason]) -> String {
    rs.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(", ")
}

/// The features of `routes` and the summary that says which colour is which route.
pub(super) fn features(routes: &[&RouteReport]) -> (Vec<Feature>, Value) {
    let colour = |i: usize| PALETTE[i % PALETTE.len()];
    // Each leg once, with the routes that use it, in order of first use.
    let mut legs: Vec<(&LegReport, Vec<usize>)> = Vec::new();
    let mut leg_at: HashMap<&str, usize> = HashMap::new();
    let mut stops: Vec<(&StopReport, Vec<usize>)> = Vec::new();
    let mut stop_at: HashMap<&str, usize> = HashMap::new();
    for (i, r) in routes.iter().enumerate() {
        for l in &r.legs {
            let k = *leg_at.entry(l.id.as_str()).or_insert_with(|| {
                legs.push((l, Vec::new()));
                legs.len() - 1
            });
            legs[k].1.push(i);
        }
        for s in &r.stops {
            let k = *stop_at.entry(s.node.as_str()).or_insert_with(|| {
                stops.push((s, Vec::new()));
                stops.len() - 1
            });
            stops[k].1.push(i);
        }
    }
    let labels = |users: &[usize]| -> Vec<&str> {
        users.iter().map(|&u| routes[u].label.as_str()).collect()
    };
    let mut out = Vec::with_capacity(legs.len() + stops.len() + 2);
    for (l, users) in &legs {
        let (name, hex) = if users.len() == 1 {
            colour(users[0])
        } else {
            SHARED
        };
        let mut props = json!({
            "routes": labels(users),
            "leg": l.id,
            "from": l.from,
            "to": l.to,
            "mode": l.mode,
            "status": l.status,
            "distance_km": round2(l.distance_km),
            "drawn_km": round2(l.drawn_km),
            "length": l.length,
            "time_hours": round2(l.time_hours),
            "cost_usd": round2(l.cost_usd),
            "co2e_kg": round2(l.co2e_kg),
            "countries": l.countries,
            "passages": l.passages,
            "source": l.source,
            "colour": name,
            "stroke": hex,
            "stroke-width": width(l.mode),
            "stroke-opacity": if l.status == Status::Operational { 0.9 } else { 0.45 },
            "title": format!("{} → {} ({})", l.from_name, l.to_name, l.mode),
            "description": format!(
                "{}. {:.0} km, {:.1} h, USD {:.0}/TEU, {:.0} kg CO2e/TEU; {}",
                labels(users).join("; "),
                l.distance_km,
                l.time_hours,
                l.cost_usd,
                l.co2e_kg,
                l.status.as_str()
            ),
        });
        if let Some(d) = dash(l.mode) {
            props["stroke-dasharray"] = json!(d);
        }
        out.push(feature(line_geometry(&l.geometry), props));
    }
    for (s, users) in &stops {
        let (hex, size) = stop_style(&s.reasons);
        let per_route = users
            .iter()
            .map(|&u| {
                let x = routes[u]
                    .stops
                    .iter()
                    .find(|x| x.node == s.node)
                    .unwrap_or(s);
                format!(
                    "{}: {:.1} h, USD {:.0}/TEU",
                    routes[u].label, x.time_hours, x.cost_usd
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        out.push(feature(
            point_geometry(s.position[0], s.position[1]),
            json!({
                "routes": labels(users),
                "node": s.node,
                "reasons": s.reasons,
                "time_hours": round2(s.time_hours),
                "cost_usd": round2(s.cost_usd),
                "co2e_kg": round2(s.co2e_kg),
                "marker-color": hex,
                "marker-size": size,
                "title": format!("{} ({})", s.name, reasons(&s.reasons)),
                "description": per_route,
            }),
        ));
    }
    if let Some(first) = routes.first() {
        let ends = [
            (
                "origin",
                &first.from,
                first.legs.first().and_then(|l| l.geometry.0.first()),
            ),
            (
                "destination",
                &first.to,
                first.legs.last().and_then(|l| l.geometry.0.last()),
            ),
        ];
        for (role, place, at) in ends {
            let Some(at) = at else { continue };
            out.push(feature(
                point_geometry(at.x, at.y),
                json!({
                    "role": role,
                    "node": place.id,
                    "marker-color": "#000000",
                    "marker-size": "large",
                    "marker-symbol": if role == "origin" { "circle" } else { "star" },
                    "title": format!("{}: {}", if role == "origin" { "Origin" } else { "Destination" }, place.name),
                    "description": format!("{} of {} route(s)", role, routes.len()),
                }),
            ));
        }
    }
    let summary = json!({
        "routes": routes.iter().enumerate().map(|(i, r)| json!({
            "label": r.label,
            "colour": colour(i).0,
            "stroke": colour(i).1,
            "distance_km": round2(r.distance_km),
            "time_days": round2(r.time_days),
            "cost_usd": round2(r.cost_usd),
            "co2e_kg": round2(r.co2e_kg),
        })).collect::<Vec<_>>(),
        "shared_legs": { "colour": SHARED.0, "stroke": SHARED.1 },
        "modes": "line width: rail 5, road 4 (dashed), sea and ferry 3 (ferry dotted)",
    });
    (out, summary)
}
