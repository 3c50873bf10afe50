//! A geojson.io link that carries a result: `https://geojson.io/#data=data:application/json,…`
//! with the routes in a compact form (one simplified line per route, coordinates to 2
//! decimals, only the properties geojson.io draws and shows), percent-encoded.
//!
//! geojson.io answers "URI Too Long" and does not load from 8,220 characters, and its own
//! Share button is disabled from 8,000 (mapbox/geojson.io pull request #1008, June 2026), so a
//! link is at most [`MAX_URL`] characters; a result that does not fit even simplified is an
//! [`crate::Error::TooLongForUrl`].

use geo::{LineString, Simplify};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Value, json};

use super::geojson::routes::PALETTE;
use crate::error::{Error, Result};
use crate::model::RouteReport;

/// Longest link written, characters (geojson.io's own sharing limit).
pub const MAX_URL: usize = 8_000;

const PREFIX: &str = "https://geojson.io/#data=data:application/json,";

/// What is left as it is: what `encodeURIComponent` leaves (letters, digits, `-_.!~*'()`)
/// and `,` and `:`, which a URL fragment may hold as they are (RFC 3986 §3.5) and which
/// make up much of a GeoJSON text.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b',')
    .remove(b':')
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

fn round(x: f64, f: f64) -> f64 {
    (x * f).round() / f
}

/// The routes as a small FeatureCollection: each route one line (its legs joined end to end,
/// in its colour of the GeoJSON output), simplified by Ramer–Douglas–Peucker with `epsilon`
/// degrees, coordinates to 2 decimals (about 1 km), a title with its figures, and the two
/// ends as points.
fn compact(routes: &[&RouteReport], epsilon: f64) -> Value {
    let mut features = Vec::new();
    for (i, r) in routes.iter().enumerate() {
        let mut coords: Vec<geo::Coord<f64>> = Vec::new();
        for l in &r.legs {
            let mut pts = l.geometry.0.iter().copied();
            if let (Some(last), Some(first)) = (coords.last(), l.geometry.0.first())
                && last == first
            {
                pts.next();
            }
            coords.extend(pts);
        }
        let line: LineString<f64> = LineString(coords).simplify(epsilon);
        let coords: Vec<[f64; 2]> = line
            .0
            .iter()
            .map(|c| [round(c.x, 1e2), round(c.y, 1e2)])
            .collect();
        features.push(json!({
            "type": "Feature",
            "properties": {
                "stroke": PALETTE[i % PALETTE.len()].1,
                "stroke-width": 3,
                "title": format!(
                    "{}: {:.0} km, {:.1} days, USD {:.0}/TEU",
                    r.label, r.distance_km, r.time_days, r.cost_usd
                ),
            },
            "geometry": {"type": "LineString", "coordinates": coords},
        }));
    }
    if let Some(r) = routes.first() {
        let ends = [
            (
                &r.from.name,
                r.legs.first().and_then(|l| l.geometry.0.first()),
            ),
            (&r.to.name, r.legs.last().and_then(|l| l.geometry.0.last())),
        ];
        for (name, at) in ends {
            if let Some(c) = at {
                features.push(json!({
                    "type": "Feature",
                    "properties": {"marker-color": "#000000", "title": name},
                    "geometry": {"type": "Point", "coordinates": [round(c.x, 1e2), round(c.y, 1e2)]},
                }));
            }
        }
    }
    json!({"type": "FeatureCollection", "features": features})
}

/// A geojson.io link showing `routes`, simplified as much as it takes (0.02° to 1°) to fit
/// [`MAX_URL`] characters.
///
/// # Errors
/// [`Error::TooLongForUrl`] with the shortest length reached when even the coarsest form is
/// too long.
///
/// # Example
/// ```
/// use corridor::{Assumptions, Atlas, model::{CostModel, Params}, questions::find, render::url};
/// let atlas = Atlas::embedded()?;
/// let model = CostModel::new(atlas.network(), Params::from_assumptions(&Assumptions::embedded()?)?);
/// let r = find::run(&atlas, &model, &find::Query::default().resolve(&atlas)?)?;
/// let link = url::geojson_io(&[&r])?;
/// assert!(link.starts_with("https://geojson.io/#data=data:application/json,") && link.len() <= url::MAX_URL);
/// # Ok::<(), corridor::Error>(())
/// ```
pub fn geojson_io(routes: &[&RouteReport]) -> Result<String> {
    let mut shortest = usize::MAX;
    for epsilon in [0.02, 0.05, 0.1, 0.2, 0.5, 1.0] {
        let text = compact(routes, epsilon).to_string();
        let link = format!("{PREFIX}{}", utf8_percent_encode(&text, COMPONENT));
        if link.len() <= MAX_URL {
            return Ok(link);
        }
        shortest = shortest.min(link.len());
    }
    Err(Error::TooLongForUrl {
        length: shortest,
        max: MAX_URL,
    })
}
