//! Lists: the nodes, legs, passages and corridors of a network, and the assumptions.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment};

use super::{right, table, thousands};
use crate::embedded;
use crate::model::{Assumptions, Scenarios};
use crate::network::Network;
use crate::routing::Corridors;

/// Lists the nodes of a network.
///
/// # Errors
/// I/O errors of the writer.
pub fn nodes(net: &Network, w: &mut impl Write) -> io::Result<()> {
    let mut t = table(vec![
        "id", "name", "kind", "country", "locode", "lon", "lat",
    ]);
    for n in net.nodes() {
        t.add_row(vec![
            n.id.clone(),
            n.name.clone(),
            n.kind.as_str().into(),
            n.country.clone().unwrap_or_default(),
            n.locode.clone().unwrap_or_default(),
            format!("{:.4}", n.position.x()),
            format!("{:.4}", n.position.y()),
        ]);
    }
    super::print(w, t)?;
    writeln!(w, "{} nodes", net.nodes().len())
}

/// Lists the legs of a network.
///
/// # Errors
/// I/O errors of the writer.
pub fn legs(net: &Network, w: &mut impl Write) -> io::Result<()> {
    // The ends are in the JSON and CSV lists: with them the ids no longer fit whole.
    let mut t = table(vec!["id", "mode", "km", "status", "countries"]);
    for l in net.legs() {
        t.add_row(vec![
            Cell::new(&l.id),
            Cell::new(l.mode),
            Cell::new(thousands(l.length_km())).set_alignment(CellAlignment::Right),
            Cell::new(l.status.as_str().replace('-', " ")),
            Cell::new(l.countries.join(" ")),
        ]);
    }
    super::print(w, t)?;
    writeln!(
        w,
        "{} legs (their ends: --format csv or json)",
        net.legs().len()
    )
}

/// Lists the passages of a network.
///
/// # Errors
/// I/O errors of the writer.
pub fn passages(net: &Network, w: &mut impl Write) -> io::Result<()> {
    let mut t = table(vec!["passage", "name"]);
    for (id, name) in net.passages() {
        t.add_row(vec![id, name]);
    }
    super::print(w, t)
}

/// Lists corridors.
///
/// # Errors
/// I/O errors of the writer.
pub fn corridors(c: &Corridors, w: &mut impl Write) -> io::Result<()> {
    let mut t = table(vec!["corridor", "name", "must pass", "must avoid"]);
    for x in c.list() {
        t.add_row(vec![
            x.id.clone(),
            x.name.clone(),
            x.pass
                .iter()
                .map(|alts| alts.join(" or "))
                .collect::<Vec<_>>()
                .join("; "),
            x.avoid.join(", "),
        ]);
    }
    super::print(w, t)
}

/// Lists every assumption with value, range, unit and source.
///
/// # Errors
/// I/O errors of the writer.
pub fn assumptions(a: &Assumptions, w: &mut impl Write) -> io::Result<()> {
    let mut t = table(vec!["key", "value", "range", "unit", "source"]);
    for p in a.params() {
        let range = match (p.low, p.high) {
            (None, None) => String::new(),
            _ => format!("{}–{}", p.low.unwrap_or(p.value), p.high.unwrap_or(p.value)),
        };
        let mut source = p.source.to_string();
        if p.origin != embedded::ASSUMPTIONS_NAME && !p.origin.is_empty() && p.origin != source {
            source = format!("[{}] {source}", p.origin);
        }
        t.add_row(vec![
            p.key.to_string(),
            format!("{}", p.value),
            range,
            p.unit.to_string(),
            source,
        ]);
    }
    super::print(w, t)
}

/// Lists the assumptions briefly: key, value, range and unit, one line each (sources in the
/// full view).
///
/// # Errors
/// I/O errors of the writer.
pub fn assumptions_brief(a: &Assumptions, w: &mut impl Write) -> io::Result<()> {
    let mut t = table(vec!["key", "value", "range", "unit"]);
    for p in a.params() {
        let range = match (p.low, p.high) {
            (None, None) => String::new(),
            _ => format!("{}–{}", p.low.unwrap_or(p.value), p.high.unwrap_or(p.value)),
        };
        t.add_row(vec![
            p.key.to_string(),
            format!("{}", p.value),
            range,
            p.unit.to_string(),
        ]);
    }
    right(&mut t, 1);
    super::print(w, t)?;
    writeln!(
        w,
        "{} assumptions (sources: route assumptions)",
        a.params().len()
    )
}

/// Lists scenarios: what each is, the period it describes and what it changes; `in_force` are
/// the scenarios the command routes in (marked `*`).
///
/// # Errors
/// I/O errors of the writer.
pub fn scenarios(s: &Scenarios, in_force: &[String], w: &mut impl Write) -> io::Result<()> {
    let mut t = table(vec![
        "scenario",
        "period",
        "what it is, and what it changes",
    ]);
    for x in s.list() {
        let mark = if in_force.contains(&x.id) { " *" } else { "" };
        let mut what = vec![x.name.clone()];
        what.extend(x.changes().into_iter().map(|c| format!("· {c}")));
        t.add_row(vec![
            format!("{}{mark}", x.id),
            s.period_text(x),
            what.join("\n"),
        ]);
    }
    super::print(w, t)?;
    if in_force.is_empty() {
        writeln!(w, "* none in force")
    } else {
        writeln!(w, "* in force: {}", in_force.join(", "))
    }
}
