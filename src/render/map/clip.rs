//! Clipping to a frame and simplification, in page space.

use geo::{Coord, LineString, Simplify};

use super::SIMPLIFY_PX;
use super::projection::P;

/// Sutherland–Hodgman clip of a ring (not closed) to a rectangle [left, top, right, bottom].
pub(crate) fn clip_ring(ring: &[P], r: [f64; 4]) -> Vec<P> {
    let mut out = ring.to_vec();
    for side in 0..4 {
        let Some(&last) = out.last() else { break };
        let input = std::mem::take(&mut out);
        let inside = |p: P| match side {
            0 => p.0 >= r[0],
            1 => p.1 >= r[1],
            2 => p.0 <= r[2],
            _ => p.1 <= r[3],
        };
        let cross = |a: P, b: P| -> P {
            if side % 2 == 0 {
                let x = r[side];
                (x, a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0))
            } else {
                let y = r[side];
                (a.0 + (b.0 - a.0) * (y - a.1) / (b.1 - a.1), y)
            }
        };
        let mut prev = last;
        for &cur in &input {
            match (inside(prev), inside(cur)) {
                (true, true) => out.push(cur),
                (false, true) => {
                    out.push(cross(prev, cur));
                    out.push(cur);
                }
                (true, false) => out.push(cross(prev, cur)),
                (false, false) => {}
            }
            prev = cur;
        }
    }
    out
}

/// Liang–Barsky clip of a polyline to a rectangle, in parts.
pub(crate) fn clip_line(pts: &[P], r: [f64; 4]) -> Vec<Vec<P>> {
    let mut parts = Vec::new();
    let mut cur: Vec<P> = Vec::new();
    for w in pts.windows(2) {
        if let Some((a, b)) = clip_segment(w[0], w[1], r) {
            if cur.last() != Some(&a) {
                if cur.len() >= 2 {
                    parts.push(std::mem::take(&mut cur));
                }
                cur = vec![a];
            }
            cur.push(b);
        } else {
            if cur.len() >= 2 {
                parts.push(std::mem::take(&mut cur));
            }
            cur.clear();
        }
    }
    if cur.len() >= 2 {
        parts.push(cur);
    }
    parts
}

pub(crate) fn clip_segment(a: P, b: P, r: [f64; 4]) -> Option<(P, P)> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, a.0 - r[0]),
        (dx, r[2] - a.0),
        (-dy, a.1 - r[1]),
        (dy, r[3] - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| {
        if t == 0.0 {
            a
        } else if t == 1.0 {
            b
        } else {
            (a.0 + t * dx, a.1 + t * dy)
        }
    };
    Some((at(t0), at(t1)))
}

/// Douglas–Peucker at [`SIMPLIFY_PX`].
pub(crate) fn simplify(pts: &[P]) -> Vec<P> {
    let line: LineString<f64> = pts.iter().map(|&(x, y)| Coord { x, y }).collect();
    line.simplify(SIMPLIFY_PX)
        .coords()
        .map(|c| (c.x, c.y))
        .collect()
}

/// Shoelace area, px².
pub(crate) fn area(pts: &[P]) -> f64 {
    let n = pts.len();
    (0..n)
        .map(|i| {
            let (a, b) = (pts[i], pts[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum::<f64>()
        / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rings_and_lines_are_cut_at_the_frame() {
        let frame = [0.0, 0.0, 10.0, 10.0];
        let square = [(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)];
        let clipped = clip_ring(&square, frame);
        assert!((area(&clipped).abs() - 25.0).abs() < 1e-9, "{clipped:?}");
        let parts = clip_line(
            &[
                (-5.0, 5.0),
                (5.0, 5.0),
                (15.0, 5.0),
                (15.0, 8.0),
                (5.0, 8.0),
            ],
            frame,
        );
        assert_eq!(
            parts,
            vec![
                vec![(0.0, 5.0), (5.0, 5.0), (10.0, 5.0)],
                vec![(10.0, 8.0), (5.0, 8.0)]
            ]
        );
        assert_eq!(clip_segment((20.0, 20.0), (30.0, 30.0), frame), None);
    }

    #[test]
    fn simplification_drops_points_within_a_third_of_a_pixel() {
        let line = [(0.0, 0.0), (5.0, 0.1), (10.0, 0.0), (10.0, 10.0)];
        assert_eq!(simplify(&line), vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)]);
    }
}
