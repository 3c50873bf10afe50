//! The legend of the side panel.

use std::fmt::Write as _;

use super::layers::status_style;
use super::svg::num;
use super::{PASSAGE, PORT};
use crate::network::{Mode, Status};
use crate::render::geojson::mode_colour;

/// The legend, at (x, y) in the side panel (with a row for suspended lines if asked);
/// returns where it ends.
pub(crate) fn legend(s: &mut String, x: f64, y: f64, suspended: bool) -> f64 {
    let mut rows: Vec<(&str, &str, &str)> = vec![
        ("sea", mode_colour(Mode::Sea), ""),
        ("rail", mode_colour(Mode::Rail), ""),
        ("road", mode_colour(Mode::Road), ""),
        ("ferry", mode_colour(Mode::Ferry), ""),
        (
            "under construction or planned",
            "#555555",
            status_style(Status::Planned),
        ),
    ];
    if suspended {
        rows.push((
            "suspended (built, closed to traffic)",
            "#555555",
            status_style(Status::Suspended),
        ));
    }
    let row = 19.0;
    let _ = writeln!(
        s,
        r##"<g font-size="12" fill="#222"><text x="{}" y="{}" font-size="13" font-weight="bold">Legend</text>"##,
        num(x),
        num(y + 6.0)
    );
    let mut cy = y + 26.0;
    for (name, colour, style) in rows {
        let _ = write!(
            s,
            r#"<path d="M{} {}h32" stroke="{colour}" stroke-width="2.6" stroke-linecap="round"{style}/><text x="{}" y="{}">{name}</text>"#,
            num(x + 2.0),
            num(cy),
            num(x + 46.0),
            num(cy + 4.0)
        );
        cy += row;
    }
    let dots = [
        (
            "port",
            format!(r##"r="2.8" fill="{PORT}" stroke="#ffffff" stroke-width="0.8""##),
        ),
        (
            "strait or canal",
            format!(r##"r="2.4" fill="#ffffff" stroke="{PASSAGE}" stroke-width="1.1""##),
        ),
        (
            "station, terminal or border (inset)",
            r##"r="2" fill="#555555""##.to_string(),
        ),
    ];
    for (name, style) in dots {
        let _ = write!(
            s,
            r#"<circle cx="{}" cy="{}" {style}/><text x="{}" y="{}">{name}</text>"#,
            num(x + 18.0),
            num(cy),
            num(x + 46.0),
            num(cy + 4.0)
        );
        cy += row;
    }
    s.push_str("</g>\n");
    cy
}
