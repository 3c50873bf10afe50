//! Labels: the places named on the main map, and a placement that avoids collisions.

use std::fmt::Write as _;

use super::LABEL_SIZE;
use super::projection::{P, Projection};
use super::svg::{esc, num};
use crate::network::{Network, Node};

/// A place labelled on the main map: node ids (or passage ids) to try in order, the text,
/// where the label goes relative to the node (px), and a position to use if the network lacks
/// the node.
pub(crate) struct Label {
    pub(crate) keys: &'static [&'static str],
    pub(crate) text: &'static str,
    pub(crate) dx: f64,
    pub(crate) dy: f64,
    pub(crate) anchor: Anchor,
    pub(crate) fallback: (f64, f64),
}

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

pub(crate) const LABELS: &[Label] = &[
    Label {
        keys: &["nhava-sheva"],
        text: "Nhava Sheva",
        dx: -7.0,
        dy: 4.0,
        anchor: Anchor::End,
        fallback: (72.95, 18.95),
    },
    Label {
        keys: &["bandar-abbas"],
        text: "Bandar Abbas",
        dx: -5.0,
        dy: 14.0,
        anchor: Anchor::End,
        fallback: (56.06, 27.11),
    },
    Label {
        keys: &["tehran"],
        text: "Tehran",
        dx: 6.0,
        dy: 10.0,
        anchor: Anchor::Start,
        fallback: (51.40, 35.66),
    },
    Label {
        keys: &["baku"],
        text: "Baku",
        dx: 7.0,
        dy: 4.0,
        anchor: Anchor::Start,
        fallback: (49.85, 40.38),
    },
    Label {
        keys: &["astrakhan"],
        text: "Astrakhan",
        dx: 7.0,
        dy: 0.0,
        anchor: Anchor::Start,
        fallback: (48.02, 46.38),
    },
    Label {
        keys: &["moscow"],
        text: "Moscow",
        dx: 7.0,
        dy: 4.0,
        anchor: Anchor::Start,
        fallback: (37.66, 55.77),
    },
    Label {
        keys: &["st-petersburg"],
        text: "St Petersburg",
        dx: 7.0,
        dy: -4.0,
        anchor: Anchor::Start,
        fallback: (30.20, 59.88),
    },
    Label {
        keys: &["suez", "suez-south"],
        text: "Suez",
        dx: -7.0,
        dy: 4.0,
        anchor: Anchor::End,
        fallback: (32.55, 29.95),
    },
    Label {
        keys: &["cape", "cape-of-good-hope"],
        text: "Cape of Good Hope",
        dx: 8.0,
        dy: 4.0,
        anchor: Anchor::Start,
        fallback: (18.47, -34.36),
    },
    Label {
        keys: &["rotterdam"],
        text: "Rotterdam",
        dx: -7.0,
        dy: -3.0,
        anchor: Anchor::End,
        fallback: (4.04, 51.95),
    },
];

/// A node name without its parenthesis or a trailing "railway station" and the like.
pub(crate) fn short_name(name: &str) -> String {
    let mut n = name.split(" (").next().unwrap_or(name).trim().to_string();
    for suffix in [
        " rail transshipment terminal",
        " railway station",
        " rail terminal",
        " station",
    ] {
        if let Some(stripped) = n.strip_suffix(suffix) {
            n = stripped.to_string();
        }
    }
    n
}

/// Places a label at the first free spot around `p` (the preferred one first); skips it when
/// none is free, unless it was given a preferred spot.
pub(crate) fn place(
    texts: &mut String,
    taken: &mut Vec<[f64; 4]>,
    proj: &Projection,
    p: P,
    text: &str,
    preferred: Option<(f64, f64, Anchor)>,
) {
    let candidates = [
        (6.0, 4.0, Anchor::Start),
        (-6.0, 4.0, Anchor::End),
        (5.0, -4.0, Anchor::Start),
        (5.0, 12.0, Anchor::Start),
        (-5.0, -4.0, Anchor::End),
        (-5.0, 12.0, Anchor::End),
        (0.0, -7.0, Anchor::Middle),
        (0.0, 15.0, Anchor::Middle),
    ];
    let [l, t, r, b] = proj.frame;
    let free = |bx: [f64; 4]| {
        bx[0] >= l + 2.0
            && bx[2] <= r - 2.0
            && bx[1] >= t + 2.0
            && bx[3] <= b - 2.0
            && !taken.iter().any(|o| overlaps(o, &bx))
    };
    let spot = preferred
        .into_iter()
        .chain(candidates)
        .find(|&c| free(text_box(p, text, c)))
        .or(preferred);
    if let Some(c) = spot {
        taken.push(text_box(p, text, c));
        write_text(texts, p, text, c);
    }
}

/// Estimated box of a label (DejaVu Sans averages about 0.6 em a character).
pub(crate) fn text_box(p: P, text: &str, (dx, dy, anchor): (f64, f64, Anchor)) -> [f64; 4] {
    let w = 0.6 * LABEL_SIZE * text.chars().count() as f64;
    let x0 = match anchor {
        Anchor::Start => p.0 + dx,
        Anchor::Middle => p.0 + dx - w / 2.0,
        Anchor::End => p.0 + dx - w,
    };
    let base = p.1 + dy;
    [
        x0 - 1.0,
        base - 0.8 * LABEL_SIZE,
        x0 + w + 1.0,
        base + 0.25 * LABEL_SIZE,
    ]
}

pub(crate) fn overlaps(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

pub(crate) fn write_text(
    texts: &mut String,
    p: P,
    text: &str,
    (dx, dy, anchor): (f64, f64, Anchor),
) {
    let _ = write!(
        texts,
        r#"<text x="{}" y="{}"{}>{}</text>"#,
        num(p.0 + dx),
        num(p.1 + dy),
        if anchor == Anchor::Start {
            String::new()
        } else {
            format!(r#" text-anchor="{}""#, anchor.as_str())
        },
        esc(text)
    );
}

/// The first node matching a key: by id, else the node of that passage.
pub(crate) fn find<'a>(net: &'a Network, keys: &[&str]) -> Option<&'a Node> {
    keys.iter().find_map(|k| {
        net.node_by_id(k).map(|ix| net.node(ix)).or_else(|| {
            net.nodes()
                .iter()
                .find(|n| n.passage.as_deref() == Some(*k))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_go_where_nothing_else_is() {
        let proj = Projection::new([0.0, 20.0, 0.0, 20.0], 0.0, 0.0, 400.0);
        let mut texts = String::new();
        let mut taken = Vec::new();
        let p = (200.0, 200.0);
        place(&mut texts, &mut taken, &proj, p, "Baku", None);
        place(&mut texts, &mut taken, &proj, p, "Baku", None);
        assert_eq!(taken.len(), 2);
        assert!(!overlaps(&taken[0], &taken[1]), "{taken:?}");
        assert_eq!(texts.matches("<text").count(), 2);
        assert_eq!(short_name("Astara (Iran) rail terminal"), "Astara");
    }
}
