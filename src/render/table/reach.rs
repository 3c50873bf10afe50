//! The reach table: every place within the budget, nearest first.

use std::io::{self, Write};

use comfy_table::Cell;

use super::{right, table, thousands};
use crate::questions::reach::{Budget, Reach};

/// Writes a reach: one row per place within the budget with its country, fewest days, lowest
/// USD per TEU and the corridor the best route takes.
///
/// # Errors
/// I/O errors of the writer.
pub fn reach(r: &Reach, w: &mut impl Write) -> io::Result<()> {
    let budget = match r.budget {
        Budget::Days(d) => format!("{d} days (routes chosen by time)"),
        Budget::Usd(u) => format!("USD {} per TEU (routes chosen by cost)", thousands(u)),
    };
    writeln!(
        w,
        "{} places within {budget} of {}",
        r.places.len(),
        r.from.name
    )?;
    let mut t = table(vec![
        "place",
        "country",
        "fewest days",
        "lowest USD/TEU",
        "corridor",
    ]);
    for p in &r.places {
        t.add_row(vec![
            Cell::new(&p.place.name),
            Cell::new(p.country.as_deref().unwrap_or("—")),
            Cell::new(format!("{:.1}", p.time_days)),
            Cell::new(thousands(p.cost_usd)),
            Cell::new(p.corridor.as_deref().unwrap_or("—")),
        ]);
    }
    right(&mut t, 2);
    if let Some(c) = t.column_mut(4) {
        c.set_cell_alignment(comfy_table::CellAlignment::Left);
    }
    super::print(w, t)
}
