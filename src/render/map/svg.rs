//! Writing SVG text: path data in hundredths of a pixel, numbers, escapes.

use std::fmt::Write as _;

use super::projection::P;

/// Appends path data: an absolute move, then relative line-tos, all in hundredths of a pixel
/// (rounded once, so the relative steps add up exactly).
pub(crate) fn path_data(d: &mut String, pts: &[P], close: bool) {
    let mut prev: Option<(i64, i64)> = None;
    let mut n = 0;
    for &(x, y) in pts {
        let q = ((x * 100.0).round() as i64, (y * 100.0).round() as i64);
        match prev {
            None => {
                let _ = write!(d, "M{} {}", hundredths(q.0), hundredths(q.1));
            }
            Some(p) if p == q => continue,
            Some(p) => {
                d.push_str(if n == 1 { "l" } else { " " });
                let (dx, dy) = (q.0 - p.0, q.1 - p.1);
                d.push_str(&hundredths(dx));
                if dy >= 0 {
                    d.push(' ');
                }
                d.push_str(&hundredths(dy));
            }
        }
        prev = Some(q);
        n += 1;
    }
    if close {
        d.push('z');
    }
}

/// A count of hundredths as a short decimal: 150 → "1.5", -5 → "-0.05", 300 → "3".
pub(crate) fn hundredths(v: i64) -> String {
    let (sign, a) = if v < 0 { ("-", -v) } else { ("", v) };
    let (int, frac) = (a / 100, a % 100);
    match frac {
        0 => format!("{sign}{int}"),
        f if f % 10 == 0 => format!("{sign}{int}.{}", f / 10),
        f => format!("{sign}{int}.{f:02}"),
    }
}

/// A pixel value with at most two decimals.
pub(crate) fn num(v: f64) -> String {
    hundredths((v * 100.0).round() as i64)
}

pub(crate) fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_hundredths_that_add_up() {
        let mut d = String::new();
        path_data(
            &mut d,
            &[(1.0, 2.0), (1.505, 2.0), (3.0, 1.0), (3.0, 1.0)],
            true,
        );
        assert_eq!(d, "M1 2l0.51 0 1.49-1z");
        assert_eq!(hundredths(-5), "-0.05");
        assert_eq!(num(2.999), "3");
        assert_eq!(esc("A & B <c>"), "A &amp; B &lt;c&gt;");
    }
}
