//! The background of a map: Natural Earth land rings and country borders, in lon/lat.

use std::collections::HashMap;

use geojson::{FeatureCollection, GeometryValue, Position};

use crate::error::{Error, Result};

/// Natural Earth, in lon/lat: land rings and country borders (edges two countries share).
#[derive(Debug, Clone, Default)]
pub struct Basemap {
    pub(crate) land: Vec<Vec<(f64, f64)>>,
    pub(crate) borders: Vec<Vec<(f64, f64)>>,
}

/// Natural Earth 1:50m land (public domain), compiled in for maps of results.
const EMBEDDED_LAND: &str = include_str!("../../../data/naturalearth/land-50m.geojson");

impl Basemap {
    /// Natural Earth 1:50m land as compiled into the library (no country borders: the 1:10m
    /// countries file is 4 MB), for maps of results drawn by the binary.
    ///
    /// # Errors
    /// Only if the embedded file is broken, which the test suite rules out.
    pub fn embedded_land() -> Result<Basemap> {
        let land = EMBEDDED_LAND
            .parse::<FeatureCollection>()
            .map_err(|e| Error::Parse {
                file: "data/naturalearth/land-50m.geojson (embedded)".into(),
                message: format!("not a GeoJSON FeatureCollection: {e}"),
            })?;
        Ok(Basemap {
            land: land_rings(&land),
            borders: Vec::new(),
        })
    }

    /// Reads land polygons and admin-0 country polygons (Natural Earth GeoJSON, as in
    /// `data/naturalearth/`).
    ///
    /// # Errors
    /// [`Error::Parse`] naming the file when a text is not a GeoJSON FeatureCollection.
    pub fn from_geojson(
        land: &str,
        land_file: &str,
        countries: &str,
        countries_file: &str,
    ) -> Result<Basemap> {
        let read = |text: &str, file: &str| {
            text.parse::<FeatureCollection>().map_err(|e| Error::Parse {
                file: file.to_string(),
                message: format!("not a GeoJSON FeatureCollection: {e}"),
            })
        };
        Ok(Basemap {
            land: land_rings(&read(land, land_file)?),
            borders: shared_borders(&read(countries, countries_file)?),
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borders_are_the_edges_two_countries_share() {
        let a = r#"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}"#;
        let b = r#"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1,0],[2,0],[2,1],[1,1],[1,0]]]}}"#;
        let fc = format!(r#"{{"type":"FeatureCollection","features":[{a},{b}]}}"#);
        let m = Basemap::from_geojson(&fc, "land", &fc, "countries").unwrap();
        assert_eq!(m.land.len(), 2);
        assert_eq!(m.borders, vec![vec![(1.0, 0.0), (1.0, 1.0)]]);
        assert!(
            Basemap::from_geojson("{}", "land.geojson", &fc, "c")
                .unwrap_err()
                .to_string()
                .starts_with("land.geojson: not a GeoJSON")
        );
    }
}
