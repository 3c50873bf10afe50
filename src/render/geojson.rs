//! GeoJSON output for geojson.io and GIS: RFC 7946 FeatureCollections with simplestyle-spec
//! properties (`stroke`, `stroke-width`, `stroke-opacity`, `marker-color`, `title`,
//! `description`), coordinates rounded to 6 decimals (≈ 10 cm) and lines cut at the
//! antimeridian (RFC 7946 §3.1.9).

use std::io::{self, Write};

use geo::LineString;
use geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject};
use serde_json::{Value, json};

use crate::compare::Comparison;
use crate::network::{Mode, Network, NodeKind, Status, normalize_lon};
use crate::report::RouteReport;

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

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Splits a line into parts that do not cross the antimeridian, longitudes normalised to
/// −180…180 and rounded to 6 decimals. A segment spanning more than 180° of longitude is taken
/// to cross ±180°; the crossing latitude is interpolated linearly.
#[must_use]
pub fn split_antimeridian(line: &LineString<f64>) -> Vec<Vec<[f64; 2]>> {
    let mut parts: Vec<Vec<[f64; 2]>> = vec![Vec::new()];
    let mut prev: Option<(f64, f64)> = None;
    for c in line.coords() {
        let (lon, lat) = (normalize_lon(c.x), c.y);
        if let Some((plon, plat)) = prev {
            let d = lon - plon;
            if d.abs() > 180.0 {
                // Crossing: east edge when going east past +180, else west edge.
                let (edge, other) = if d < 0.0 {
                    (180.0, -180.0)
                } else {
                    (-180.0, 180.0)
                };
                let span = 360.0 - d.abs();
                let t = (edge - plon).abs() / span;
                let cross_lat = plat + (lat - plat) * t;
                parts
                    .last_mut()
                    .expect("non-empty")
                    .push([edge, round6(cross_lat)]);
                parts.push(vec![[other, round6(cross_lat)]]);
            }
        }
        parts
            .last_mut()
            .expect("non-empty")
            .push([round6(lon), round6(lat)]);
        prev = Some((lon, lat));
    }
    parts.retain(|p| p.len() >= 2);
    parts
}

fn line_geometry(line: &LineString<f64>) -> Geometry {
    let mut parts = split_antimeridian(line);
    if parts.len() == 1 {
        Geometry::new(GeometryValue::new_line_string(parts.remove(0)))
    } else {
        Geometry::new(GeometryValue::new_multi_line_string(parts))
    }
}

fn point_geometry(lon: f64, lat: f64) -> Geometry {
    Geometry::new(GeometryValue::new_point([
        round6(normalize_lon(lon)),
        round6(lat),
    ]))
}

fn feature(geometry: Geometry, props: Value) -> Feature {
    let Value::Object(properties) = props else {
        unreachable!("properties are built as objects")
    };
    Feature {
        geometry: Some(geometry),
        properties: Some(properties),
        ..Feature::default()
    }
}

fn route_features(r: &RouteReport, out: &mut Vec<Feature>) {
    for (i, l) in r.legs.iter().enumerate() {
        let title = format!("{} → {} ({})", l.from_name, l.to_name, l.mode);
        let description = format!(
            "{}: leg {} of {}. {:.0} km, {:.1} h, USD {:.0}/TEU, {:.0} kg CO2e/TEU. Countries: {}. Source: {}",
            r.label,
            i + 1,
            r.legs.len(),
            l.distance_km,
            l.time_hours,
            l.cost_usd,
            l.co2e_kg,
            if l.countries.is_empty() {
                "—".into()
            } else {
                l.countries.join(", ")
            },
            l.source.as_deref().unwrap_or("—")
        );
        out.push(feature(
            line_geometry(&l.geometry),
            json!({
                "route": r.label,
                "leg": l.id,
                "seq": i + 1,
                "from": l.from,
                "to": l.to,
                "mode": l.mode,
                "status": l.status,
                "distance_km": round2(l.distance_km),
                "time_hours": round2(l.time_hours),
                "cost_usd": round2(l.cost_usd),
                "co2e_kg": round2(l.co2e_kg),
                "countries": l.countries,
                "passages": l.passages,
                "stroke": mode_colour(l.mode),
                "stroke-width": 4,
                "stroke-opacity": if l.status == Status::Operational.as_str() { 0.9 } else { 0.45 },
                "title": title,
                "description": description,
            }),
        ));
    }
    for s in &r.stops {
        let why = s
            .reasons
            .iter()
            .map(|x| x.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        out.push(feature(
            point_geometry(s.position[0], s.position[1]),
            json!({
                "route": r.label,
                "node": s.node,
                "reasons": s.reasons,
                "time_hours": round2(s.time_hours),
                "cost_usd": round2(s.cost_usd),
                "co2e_kg": round2(s.co2e_kg),
                "marker-color": "#333333",
                "marker-size": "small",
                "title": s.name,
                "description": format!("{}: {why}; {:.1} h, USD {:.0}/TEU", r.label, s.time_hours, s.cost_usd),
            }),
        ));
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn write_collection(features: Vec<Feature>, w: &mut impl Write) -> io::Result<()> {
    let fc = FeatureCollection::new(features);
    serde_json::to_writer(&mut *w, &fc).map_err(io::Error::other)?;
    writeln!(w)
}

/// Writes one route: a LineString per leg, coloured by mode, and a Point per stop.
///
/// # Errors
/// I/O errors of the writer.
pub fn route(r: &RouteReport, w: &mut impl Write) -> io::Result<()> {
    let mut features = Vec::new();
    route_features(r, &mut features);
    write_collection(features, w)
}

/// Writes every route of a comparison into one FeatureCollection (property `route` tells them
/// apart).
///
/// # Errors
/// I/O errors of the writer.
pub fn comparison(c: &Comparison, w: &mut impl Write) -> io::Result<()> {
    let mut features = Vec::new();
    for r in &c.routes {
        route_features(&r.route, &mut features);
    }
    write_collection(features, w)
}

/// Writes the whole network, styled: legs coloured by mode, lines under construction or planned
/// fainter and thinner, every feature with a title and description.
///
/// # Errors
/// I/O errors of the writer.
pub fn network(net: &Network, w: &mut impl Write) -> io::Result<()> {
    let mut features = Vec::with_capacity(net.nodes.len() + net.legs.len());
    for l in &net.legs {
        let name = l
            .name
            .clone()
            .unwrap_or_else(|| format!("{} – {}", net.node(l.from).name, net.node(l.to).name));
        let operational = l.status == Status::Operational;
        let mut props = json!({
            "id": l.id,
            "name": name,
            "from": net.node(l.from).id,
            "to": net.node(l.to).id,
            "mode": l.mode,
            "status": l.status.as_str(),
            "countries": l.countries,
            "length_km": round2(l.length_km),
            "stroke": mode_colour(l.mode),
            "stroke-width": if operational { 3 } else { 2 },
            "stroke-opacity": if operational { 0.9 } else { 0.35 },
            "title": name,
            "description": format!(
                "{} · {} · {} · {:.0} km{} · source: {}",
                name,
                l.mode,
                l.status.as_str(),
                l.length_km,
                l.gauge_mm.map(|g| format!(" · gauge {g} mm")).unwrap_or_default(),
                l.source.as_deref().unwrap_or("—")
            ),
        });
        let obj = props.as_object_mut().expect("object");
        if let Some(g) = l.gauge_mm {
            obj.insert("gauge_mm".into(), json!(g));
        }
        if !l.passages.is_empty() {
            obj.insert("passages".into(), json!(l.passages));
        }
        if let Some(p) = l.published_km {
            obj.insert("published_km".into(), json!(p));
        }
        features.push(feature(line_geometry(&l.geometry), props));
    }
    for n in &net.nodes {
        let colour = match n.kind {
            NodeKind::Port => "#1f78b4",
            NodeKind::Border => "#33a02c",
            NodeKind::Passage => "#a6cee3",
            NodeKind::Junction => "#bbbbbb",
            _ => "#e31a1c",
        };
        let mut props: JsonObject = JsonObject::new();
        props.insert("id".into(), json!(n.id));
        props.insert("name".into(), json!(n.name));
        props.insert("kind".into(), json!(n.kind.as_str()));
        if let Some(c) = &n.country {
            props.insert("country".into(), json!(c));
        }
        if let Some(l) = &n.locode {
            props.insert("locode".into(), json!(l));
        }
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
        features.push(Feature {
            geometry: Some(point_geometry(n.position.x(), n.position.y())),
            properties: Some(props),
            ..Feature::default()
        });
    }
    write_collection(features, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_crossing_the_antimeridian_are_cut() {
        let parts = split_antimeridian(&LineString::from(vec![(170.0, 40.0), (-170.0, 50.0)]));
        assert_eq!(
            parts,
            vec![
                vec![[170.0, 40.0], [180.0, 45.0]],
                vec![[-180.0, 45.0], [-170.0, 50.0]]
            ]
        );
        let unwrapped = split_antimeridian(&LineString::from(vec![(179.0, 0.0), (181.0, 0.0)]));
        assert_eq!(unwrapped.len(), 2);
        let plain = split_antimeridian(&LineString::from(vec![(10.1234567891, 1.0), (11.0, 2.0)]));
        assert_eq!(plain, vec![vec![[10.123457, 1.0], [11.0, 2.0]]]);
    }
}
