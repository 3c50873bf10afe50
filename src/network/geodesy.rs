//! Distances on the WGS84 ellipsoid (Karney's geodesics, through geo), in km.

use geo::{Distance, Geodesic, LineString, Point};

/// Geodesic length of a line on the WGS84 ellipsoid, km.
///
/// # Example
/// ```
/// use geo::LineString;
/// // Moscow to St Petersburg as the crow flies: about 635 km.
/// let line = LineString::from(vec![(37.62, 55.75), (30.31, 59.94)]);
/// let km = corridor::network::geodesic_km(&line);
/// assert!((km - 634.0).abs() < 5.0);
/// ```
#[must_use]
pub fn geodesic_km(line: &LineString<f64>) -> f64 {
    line.lines()
        .map(|seg| Geodesic.distance(Point(seg.start), Point(seg.end)))
        .sum::<f64>()
        / 1000.0
}

/// Geodesic distance between two points on the WGS84 ellipsoid, km.
#[must_use]
pub fn distance_km(a: Point<f64>, b: Point<f64>) -> f64 {
    Geodesic.distance(a, b) / 1000.0
}

/// Normalises a longitude to −180…180 degrees (for networks stored with unwrapped longitudes).
///
/// # Example
/// ```
/// assert_eq!(corridor::network::normalize_lon(190.0), -170.0);
/// assert_eq!(corridor::network::normalize_lon(180.0), 180.0);
/// ```
#[must_use]
pub fn normalize_lon(lon: f64) -> f64 {
    let l = (lon + 180.0).rem_euclid(360.0) - 180.0;
    if l == -180.0 && lon > 0.0 { 180.0 } else { l }
}
