//! Positions the builder turns into structure: the parts of a MultiLineString that are one
//! line cut at ±180°, and the ids of the junctions it makes where lines meet.

use geo::Point;

use crate::network::coordinates::Pos;

/// A MultiLineString's parts grouped into lines: consecutive parts that meet at ±180° (one
/// ends on the meridian where the next starts, at the same latitude, on the other side) are one
/// line cut there by a writer that follows RFC 7946 §3.1.9, as `route export` does.
pub(super) fn antimeridian_groups(parts: &[Vec<Pos>]) -> Vec<std::ops::Range<usize>> {
    let meets = |a: &[Pos], b: &[Pos]| match (a.last(), b.first()) {
        (Some(x), Some(y)) => {
            x.len >= 2
                && y.len >= 2
                && x.xy[0].abs() == 180.0
                && y.xy[0] == -x.xy[0]
                && x.xy[1] == y.xy[1]
                && b.len() >= 2
        }
        _ => false,
    };
    let mut groups = Vec::new();
    let mut start = 0;
    for k in 1..=parts.len() {
        if k == parts.len() || !meets(&parts[k - 1], &parts[k]) {
            groups.push(start..k);
            start = k;
        }
    }
    groups
}

/// `n{lon:.5},{lat:.5}`, written with integer formatting: float formatting of a million
/// junction ids was a tenth of loading a million legs (BENCHMARKS.md).
pub(super) fn position_id(p: Point<f64>) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(24);
    s.push('n');
    for (k, x) in [p.x(), p.y()].into_iter().enumerate() {
        if k == 1 {
            s.push(',');
        }
        #[allow(clippy::cast_possible_truncation)]
        let units = (x * 1e5).round() as i64;
        if units < 0 {
            s.push('-');
        }
        let u = units.unsigned_abs();
        let _ = write!(s, "{}.{:05}", u / 100_000, u % 100_000);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_ids_read_like_fixed_point_formatting() {
        for (x, y) in [
            (72.95, 18.95),
            (-170.123456, -0.5),
            (0.0, 89.99999),
            (35.35, 35.4),
        ] {
            assert_eq!(
                position_id(Point::new(x, y)),
                format!("n{x:.5},{y:.5}"),
                "{x},{y}"
            );
        }
    }
}
