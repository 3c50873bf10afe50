//! Writing a network as GeoJSON: a LineString (or, across ±180°, a MultiLineString) per leg and
//! a Point per node, with every property the loader reads (so a network written and read back
//! routes the same); coordinates rounded to 6 decimals (≈ 10 cm, which leaves the embedded
//! data's positions unchanged) and lines cut at the antimeridian (RFC 7946 §3.1.9), which the
//! loader joins again. A caller may add properties
//! (the map styling of `route export`) through a decorator.

use geo::LineString;
use geojson::{Feature, Geometry, GeometryValue, JsonObject};
use serde_json::json;

use super::geodesy::normalize_lon;
use super::kinds::Vessel;
use super::model::{Leg, Network, Node};

/// Rounds to 6 decimals.
#[must_use]
pub fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Splits a line into parts that do not cross the antimeridian, longitudes normalised to
/// −180…180 and rounded to 6 decimals. A segment spanning more than 180° of longitude is taken
/// to cross ±180°; the crossing latitude is interpolated linearly.
///
/// # Example
/// ```
/// use geo::LineString;
/// let parts = corridor::network::export::split_antimeridian(&LineString::from(vec![(170.0, 40.0), (-170.0, 50.0)]));
/// assert_eq!(parts, vec![vec![[170.0, 40.0], [180.0, 45.0]], vec![[-180.0, 45.0], [-170.0, 50.0]]]);
/// ```
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

/// A line as a GeoJSON geometry, cut at ±180° when it crosses.
#[must_use]
pub fn line_geometry(line: &LineString<f64>) -> Geometry {
    let mut parts = split_antimeridian(line);
    if parts.len() == 1 {
        Geometry::new(GeometryValue::new_line_string(parts.remove(0)))
    } else {
        Geometry::new(GeometryValue::new_multi_line_string(parts))
    }
}

/// A position as a GeoJSON Point, rounded to 6 decimals.
#[must_use]
pub fn point_geometry(lon: f64, lat: f64) -> Geometry {
    Geometry::new(GeometryValue::new_point([
        round6(normalize_lon(lon)),
        round6(lat),
    ]))
}

/// A network element being written.
#[derive(Debug, Clone, Copy)]
pub enum Element<'n> {
    /// A leg, with its readable name (its `name`, else "from – to").
    Leg(&'n Leg, &'n str),
    /// A node.
    Node(&'n Node),
}

/// Every property the loader reads, so that exporting and reloading changes no answer (the
/// name only where the leg has one: `name` is the caller's readable name for styling).
fn leg_properties(net: &Network, l: &Leg) -> JsonObject {
    let mut p = JsonObject::new();
    p.insert("id".into(), json!(l.id));
    if let Some(name) = &l.name {
        p.insert("name".into(), json!(name));
    }
    p.insert("from".into(), json!(net.node(l.from).id));
    p.insert("to".into(), json!(net.node(l.to).id));
    p.insert("mode".into(), json!(l.mode));
    p.insert("status".into(), json!(l.status));
    p.insert("countries".into(), json!(l.countries));
    if let Some(g) = l.gauge_mm {
        p.insert("gauge_mm".into(), json!(g));
    }
    if let Some(t) = l.traction {
        p.insert("traction".into(), json!(t.as_str()));
    }
    if l.vessel != Vessel::Container {
        p.insert("vessel".into(), json!(l.vessel.as_str()));
    }
    if !l.passages.is_empty() {
        p.insert("passages".into(), json!(l.passages));
    }
    if l.one_way {
        p.insert("one_way".into(), json!(true));
    }
    if let Some(km) = l.published_km {
        p.insert("length_km".into(), json!(km));
    }
    if let Some(s) = &l.published_source {
        p.insert("length_source".into(), json!(s));
    }
    // The drawn length is informational: the loader measures the line itself.
    p.insert(
        "drawn_km".into(),
        json!((l.drawn_km * 100.0).round() / 100.0),
    );
    if let Some(s) = &l.source {
        p.insert("source".into(), json!(s));
    }
    p
}

fn node_properties(n: &Node) -> JsonObject {
    let mut p = JsonObject::new();
    p.insert("id".into(), json!(n.id));
    p.insert("name".into(), json!(n.name));
    if !n.aliases.is_empty() {
        p.insert("aliases".into(), json!(n.aliases));
    }
    p.insert("kind".into(), json!(n.kind.as_str()));
    if let Some(c) = &n.country {
        p.insert("country".into(), json!(c));
    }
    if let Some(l) = &n.locode {
        p.insert("locode".into(), json!(l));
    }
    if let Some(x) = &n.passage {
        p.insert("passage".into(), json!(x));
    }
    if let Some(s) = &n.source {
        p.insert("source".into(), json!(s));
    }
    p
}

/// Every leg, then every node, as a GeoJSON feature with its properties; `decorate` may add
/// more to each.
#[must_use]
pub fn features(
    net: &Network,
    mut decorate: impl FnMut(Element<'_>, &mut JsonObject),
) -> Vec<Feature> {
    let mut out = Vec::with_capacity(net.nodes().len() + net.legs().len());
    for l in net.legs() {
        let name = l
            .name
            .clone()
            .unwrap_or_else(|| format!("{} – {}", net.node(l.from).name, net.node(l.to).name));
        let mut props = leg_properties(net, l);
        decorate(Element::Leg(l, &name), &mut props);
        out.push(Feature {
            geometry: Some(line_geometry(&l.geometry)),
            properties: Some(props),
            ..Feature::default()
        });
    }
    for n in net.nodes() {
        let mut props = node_properties(n);
        decorate(Element::Node(n), &mut props);
        out.push(Feature {
            geometry: Some(point_geometry(n.position.x(), n.position.y())),
            properties: Some(props),
            ..Feature::default()
        });
    }
    out
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
