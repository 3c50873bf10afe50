//! GeoJSON output for geojson.io and GIS: RFC 7946 FeatureCollections with simplestyle-spec
//! properties (`stroke`, `stroke-width`, `stroke-opacity`, `marker-color`, `title`,
//! `description`), coordinates rounded to 6 decimals (≈ 10 cm) and lines cut at the
//! antimeridian (RFC 7946 §3.1.9).

use std::io::{self, Write};

use geojson::{Feature, FeatureCollection, Geometry, JsonObject};
use serde_json::{Value, json};

use crate::model::RouteReport;
use crate::network::export::{self, Element, point_geometry};
use crate::network::{Leg, Mode, Network, Node, NodeKind, Status};
use crate::provenance::Provenance;
use crate::questions::compare::Comparison;

pub mod routes;

/// simplestyle colour of a mode.
#[must_use]
pub fn mode_colour(mode: Mode) -> &'static str {
    match mode {
        Mode::Sea => "#1f78b4",
        Mode::Rail => "#e31a1c",
        Mode::Road => "#ff7f00",
        Mode::Ferry => "#6a3d9a",
    }
}

pub(crate) fn feature(geometry: Geometry, props: Value) -> Feature {
    let Value::Object(properties) = props else {
        unreachable!("properties are built as objects")
    };
    Feature {
        geometry: Some(geometry),
        properties: Some(properties),
        ..Feature::default()
    }
}

pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Writes a collection with the provenance (and the routes' legend) in a foreign member
/// `corridor` (RFC 7946 §6.1, which GIS tools keep and geojson.io ignores; not `properties`,
/// which geojson.io's validator refuses on a FeatureCollection).
fn write_collection(
    features: Vec<Feature>,
    provenance: &Provenance,
    summary: Option<Value>,
    w: &mut impl Write,
) -> io::Result<()> {
    let mut fc = FeatureCollection::new(features);
    let mut members = JsonObject::new();
    let mut props = json!({ "provenance": provenance });
    if let Some(s) = summary {
        props["legend"] = s;
    }
    members.insert("corridor".into(), props);
    fc.foreign_members = Some(members);
    serde_json::to_writer(&mut *w, &fc).map_err(io::Error::other)?;
    writeln!(w)
}

/// Writes routes in one collection, told apart by colour ([`routes::PALETTE`]).
fn write_routes(
    rs: &[&RouteReport],
    provenance: &Provenance,
    w: &mut impl Write,
) -> io::Result<()> {
    let (features, summary) = routes::features(rs);
    write_collection(features, provenance, Some(summary), w)
}

/// Writes one route: a LineString per leg (width and dash by mode), a Point per stop, the
/// origin and the destination.
///
/// # Errors
/// I/O errors of the writer.
pub fn route(r: &RouteReport, provenance: &Provenance, w: &mut impl Write) -> io::Result<()> {
    write_routes(&[r], provenance, w)
}

/// Writes several routes into one collection, a colour per route, shared legs drawn once.
///
/// # Errors
/// I/O errors of the writer.
pub fn routes(rs: &[RouteReport], provenance: &Provenance, w: &mut impl Write) -> io::Result<()> {
    write_routes(&rs.iter().collect::<Vec<_>>(), provenance, w)
}

/// Writes every route of a comparison into one collection, a colour per route (the reference
/// first), shared legs drawn once; `properties.legend` says which colour is which route.
///
/// # Errors
/// I/O errors of the writer.
pub fn comparison(c: &Comparison, provenance: &Provenance, w: &mut impl Write) -> io::Result<()> {
    write_routes(
        &c.routes.iter().map(|r| &r.route).collect::<Vec<_>>(),
        provenance,
        w,
    )
}

/// Writes every route of a matrix into one collection (each route labelled with its pair and
/// corridor).
///
/// # Errors
/// I/O errors of the writer.
pub fn matrix(
    m: &crate::questions::matrix::Matrix,
    provenance: &Provenance,
    w: &mut impl Write,
) -> io::Result<()> {
    let rs: Vec<&RouteReport> = m
        .pairs
        .iter()
        .flat_map(|p| &p.routes)
        .map(|c| &c.route)
        .collect();
    write_routes(&rs, provenance, w)
}

/// Writes a reach as a Point per place, coloured from green (near) to red (the edge of the
/// budget) by the budget's metric, with the figures in its properties and popup.
///
/// # Errors
/// I/O errors of the writer.
pub fn reach(
    r: &crate::questions::reach::Reach,
    provenance: &Provenance,
    w: &mut impl Write,
) -> io::Result<()> {
    use crate::questions::reach::Budget;
    let limit = match r.budget {
        Budget::Days(d) => d,
        Budget::Usd(u) => u,
    };
    let features = r
        .places
        .iter()
        .map(|p| {
            let spent = match r.budget {
                Budget::Days(_) => p.time_days,
                Budget::Usd(_) => p.cost_usd,
            };
            let share = (spent / limit).clamp(0.0, 1.0);
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let (red, green) = ((255.0 * share) as u8, (255.0 * (1.0 - share)) as u8);
            feature(
                point_geometry(p.lon, p.lat),
                json!({
                    "id": p.place.id,
                    "name": p.place.name,
                    "country": p.country,
                    "time_days": round2(p.time_days),
                    "cost_usd": p.cost_usd.round(),
                    "corridor": p.corridor,
                    "marker-color": format!("#{red:02x}{green:02x}00"),
                    "marker-size": "small",
                    "title": p.place.name,
                    "description": format!(
                        "from {}: {:.1} days at best, USD {:.0}/TEU at best{}",
                        r.from.name,
                        p.time_days,
                        p.cost_usd,
                        p.corridor.as_deref().map(|c| format!("; by {c}")).unwrap_or_default()
                    ),
                }),
            )
        })
        .collect();
    write_collection(features, provenance, None, w)
}

/// Writes the whole network, styled: legs coloured by mode, lines under construction or planned
/// fainter and thinner, every feature with a title and description.
///
/// # Errors
/// I/O errors of the writer.
pub fn network(net: &Network, provenance: &Provenance, w: &mut impl Write) -> io::Result<()> {
    let features = export::features(net, |e, props| match e {
        Element::Leg(l, name) => style_leg(l, name, props),
        Element::Node(n) => style_node(n, props),
    });
    write_collection(features, provenance, None, w)
}

fn style_leg(l: &Leg, name: &str, props: &mut JsonObject) {
    let operational = l.status == Status::Operational;
    props.insert("stroke".into(), json!(mode_colour(l.mode)));
    props.insert(
        "stroke-width".into(),
        json!(if operational { 3 } else { 2 }),
    );
    props.insert(
        "stroke-opacity".into(),
        json!(if operational { 0.9 } else { 0.35 }),
    );
    props.insert("title".into(), json!(name));
    props.insert(
        "description".into(),
        json!(format!(
            "{} · {} · {} · {:.0} km{} · source: {}",
            name,
            l.mode,
            l.status.as_str(),
            l.length_km(),
            l.gauge_mm
                .map(|g| format!(" · gauge {g} mm"))
                .unwrap_or_default(),
            l.source.as_deref().unwrap_or("—")
        )),
    );
}

fn style_node(n: &Node, props: &mut JsonObject) {
    let colour = match n.kind {
        NodeKind::Port => "#1f78b4",
        NodeKind::Border => "#33a02c",
        NodeKind::Passage => "#a6cee3",
        NodeKind::Junction => "#bbbbbb",
        _ => "#e31a1c",
    };
    props.insert("marker-color".into(), json!(colour));
    props.insert(
        "marker-size".into(),
        json!(if n.kind == NodeKind::Junction {
            "small"
        } else {
            "medium"
        }),
    );
    props.insert("title".into(), json!(n.name));
    props.insert(
        "description".into(),
        json!(format!(
            "{} · {}{}{} · source: {}",
            n.name,
            n.kind.as_str(),
            n.country
                .as_ref()
                .map(|c| format!(" · {c}"))
                .unwrap_or_default(),
            n.locode
                .as_ref()
                .map(|c| format!(" · {c}"))
                .unwrap_or_default(),
            n.source.as_deref().unwrap_or("—")
        )),
    );
}
