//! The matrix table: one block of rows per origin–destination pair, one row per corridor, the
//! winner on each metric marked.

use std::io::{self, Write};

use comfy_table::Cell;

use super::{right, table, thousands};
use crate::questions::matrix::{Matrix, Pair};

/// A place's name without its parenthesis (`Nhava Sheva (JNPT)` → `Nhava Sheva`), to keep
/// the pair column narrow; the JSON and CSV carry the full names and ids.
fn short(name: &str) -> &str {
    name.split(" (").next().unwrap_or(name)
}

/// The metrics a corridor wins in a pair, in words (`time, cost`).
fn wins(pair: &Pair, corridor: &str) -> String {
    let w = &pair.winners;
    [("time", &w.time), ("cost", &w.cost), ("CO2e", &w.co2e)]
        .iter()
        .filter(|(_, c)| c.as_deref() == Some(corridor))
        .map(|(m, _)| *m)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes a matrix: for each pair the route through each corridor (km, days, USD per TEU,
/// t CO2e per TEU) and which corridor wins each metric; corridors without a route are listed
/// with the reason under the table.
///
/// # Errors
/// I/O errors of the writer.
pub fn matrix(m: &Matrix, w: &mut impl Write) -> io::Result<()> {
    writeln!(
        w,
        "{} pairs × {} corridors   (each route the best by {}; \"best\" marks the winner)",
        m.pairs.len(),
        m.corridors.len(),
        m.objective
    )?;
    let mut t = table(vec![
        "From → to",
        "corridor",
        "km",
        "days",
        "USD/TEU",
        "t CO2e",
        "best",
    ]);
    let mut notes = Vec::new();
    for pair in &m.pairs {
        let mut first = true;
        let mut pair_cell = || {
            let text = if first {
                format!("{} → {}", short(&pair.from.name), short(&pair.to.name))
            } else {
                String::new()
            };
            first = false;
            Cell::new(text)
        };
        // In column order, whether routed or not.
        for id in &m.corridors {
            if let Some(c) = pair.routes.iter().find(|c| &c.corridor == id) {
                t.add_row(vec![
                    pair_cell(),
                    Cell::new(&c.corridor),
                    Cell::new(thousands(c.distance_km)),
                    Cell::new(format!("{:.1}", c.time_days)),
                    Cell::new(thousands(c.cost_usd)),
                    Cell::new(format!("{:.2}", c.co2e_t)),
                    Cell::new(wins(pair, &c.corridor)),
                ]);
            } else if let Some(u) = pair.unavailable.iter().find(|u| &u.corridor == id) {
                t.add_row(vec![
                    pair_cell(),
                    Cell::new(&u.corridor),
                    Cell::new("no route"),
                    Cell::new(""),
                    Cell::new(""),
                    Cell::new(""),
                    Cell::new(""),
                ]);
                notes.push((pair, u));
            }
        }
    }
    right(&mut t, 2);
    if let Some(c) = t.column_mut(6) {
        c.set_cell_alignment(comfy_table::CellAlignment::Left);
    }
    super::print(w, t)?;
    // One note per corridor: the pairs it cannot serve, and the first reason in full.
    let mut by_corridor: Vec<(&str, Vec<String>, &str)> = Vec::new();
    for (pair, u) in &notes {
        let name = format!("{} → {}", short(&pair.from.name), short(&pair.to.name));
        match by_corridor.iter_mut().find(|(c, _, _)| *c == u.corridor) {
            Some((_, pairs, _)) => pairs.push(name),
            None => by_corridor.push((&u.corridor, vec![name], &u.reason)),
        }
    }
    for (corridor, pairs, reason) in by_corridor {
        super::item(
            w,
            &format!(
                "{corridor}: no route for {} ({}); the first: {reason}",
                pairs.join(", "),
                if pairs.len() == 1 {
                    "1 pair".to_string()
                } else {
                    format!("{} pairs", pairs.len())
                },
            ),
        )?;
    }
    Ok(())
}
