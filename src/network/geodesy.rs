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
/// assert_eq!(corridor::network::normalize_lon(72.95), 72.95);
/// ```
#[must_use]
pub fn normalize_lon(lon: f64) -> f64 {
    // In range, unchanged: the arithmetic below would move 72.95 to 72.94999999999999.
    if (-180.0..=180.0).contains(&lon) {
        return lon;
    }
    let l = (lon + 180.0).rem_euclid(360.0) - 180.0;
    if l == -180.0 && lon > 0.0 { 180.0 } else { l }
}

/// Mean Earth radius (IUGG R1), km: the sphere on which the loader compares short distances.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Unit vector of a position on the sphere. The chord between two unit vectors grows
/// monotonically with great-circle distance, at every latitude and across ±180°.
#[must_use]
pub fn unit_vector(p: Point<f64>) -> [f64; 3] {
    let (lon, lat) = (p.x().to_radians(), p.y().to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// The chord between two unit vectors that lie `km` apart on the sphere of
/// [`EARTH_RADIUS_KM`]: two points are within `km` of each other exactly when the chord
/// between their unit vectors is at most this.
#[must_use]
pub fn chord_of_km(km: f64) -> f64 {
    2.0 * (km / (2.0 * EARTH_RADIUS_KM)).sin()
}
