//! The equirectangular projection of a map frame, with true scale along one parallel.

use super::STANDARD_PARALLEL;
use crate::network::normalize_lon;

/// A point in SVG space, px.
pub(crate) type P = (f64, f64);

/// Equirectangular projection onto a frame.
pub(crate) struct Projection {
    west: f64,
    north: f64,
    /// px per degree of latitude.
    k: f64,
    /// px per degree of longitude.
    kx: f64,
    /// Frame, px: left, top, right, bottom.
    pub(crate) frame: [f64; 4],
}

impl Projection {
    pub(crate) fn new(bbox: [f64; 4], left: f64, top: f64, width: f64) -> Projection {
        let [west, east, south, north] = bbox;
        let kx = width / (east - west);
        let k = kx / STANDARD_PARALLEL.to_radians().cos();
        let frame = [left, top, left + width, top + (north - south) * k];
        Projection {
            west,
            north,
            k,
            kx,
            frame,
        }
    }

    pub(crate) fn project(&self, lon: f64, lat: f64) -> P {
        (
            self.frame[0] + (normalize_lon(lon) - self.west) * self.kx,
            self.frame[1] + (self.north - lat) * self.k,
        )
    }

    pub(crate) fn contains(&self, p: P) -> bool {
        let [l, t, r, b] = self.frame;
        p.0 >= l && p.0 <= r && p.1 >= t && p.1 <= b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corners_map_to_the_frame_and_scale_is_true_along_the_parallel() {
        let p = Projection::new([0.0, 10.0, 30.0, 40.0], 5.0, 7.0, 100.0);
        assert_eq!(p.project(0.0, 40.0), (5.0, 7.0));
        let (x, y) = p.project(10.0, 30.0);
        assert!((x - 105.0).abs() < 1e-9);
        // 10° of latitude are longer on the page than 10° of longitude by 1 / cos 35°.
        assert!((y - 7.0 - 100.0 / 35f64.to_radians().cos()).abs() < 1e-9);
        assert!(p.contains((50.0, 50.0)) && !p.contains((200.0, 50.0)));
        // Longitudes are normalised before projecting.
        assert!((p.project(365.0, 35.0).0 - p.project(5.0, 35.0).0).abs() < 1e-9);
    }
}
