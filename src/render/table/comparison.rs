//! The comparison tables: one row per route, the differences from the reference, the
//! passages and countries, and the Monte Carlo percentiles.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment};

use super::{mode_split, right, signed_pct, table, thousands};

/// `+1,234` or `-1,234` (`±0` for less than one).
fn signed_thousands(x: f64) -> String {
    if x.abs() < 0.5 {
        "±0".into()
    } else if x > 0.0 {
        format!("+{}", thousands(x))
    } else {
        format!("-{}", thousands(-x))
    }
}
use crate::questions::compare::Comparison;
use crate::questions::montecarlo::Uncertainty;

/// Writes a comparison: one row per route with distance, time, cost, emissions, transfers,
/// borders and the difference from the reference; then the split by mode and the passages.
///
/// # Errors
/// I/O errors of the writer.
pub fn comparison(c: &Comparison, w: &mut impl Write) -> io::Result<()> {
    let reference = &c.routes[0].route.label;
    writeln!(
        w,
        "{} → {}   (each route the best by {})",
        c.from.name, c.to.name, c.objective
    )?;
    let mut t = table(vec![
        "Route",
        "km",
        "sea nm",
        "days",
        "USD/TEU",
        "t CO2e",
        "transfers",
        "borders",
    ]);
    for r in &c.routes {
        let x = &r.route;
        t.add_row(vec![
            Cell::new(&x.label),
            Cell::new(thousands(x.distance_km)),
            Cell::new(thousands(x.sea_nm)),
            Cell::new(format!("{:.1}", x.time_days)),
            Cell::new(thousands(x.cost_usd)),
            Cell::new(format!("{:.2}", x.co2e_kg / 1000.0)),
            Cell::new(x.transfers),
            Cell::new(x.borders),
        ]);
    }
    right(&mut t, 1);
    super::print(w, t)?;
    let header = format!("vs {reference}");
    let mut t = table(vec![
        header.as_str(),
        "Δ km",
        "Δ days",
        "Δ USD/TEU",
        "Δ t CO2e",
    ]);
    for r in &c.routes {
        let x = &r.route;
        let d = &r.vs_reference;
        if r.is_reference {
            t.add_row(vec![
                Cell::new(format!("{} (reference)", x.label)),
                Cell::new("—"),
                Cell::new("—"),
                Cell::new("—"),
                Cell::new("—"),
            ]);
            continue;
        }
        t.add_row(vec![
            Cell::new(&x.label),
            Cell::new(format!(
                "{} ({})",
                signed_thousands(d.distance_km),
                signed_pct(d.distance_pct)
            )),
            Cell::new(format!("{:+.1} ({})", d.time_days, signed_pct(d.time_pct))),
            Cell::new(format!(
                "{} ({})",
                signed_thousands(d.cost_usd),
                signed_pct(d.cost_pct)
            )),
            Cell::new(format!(
                "{:+.2} ({})",
                d.co2e_kg / 1000.0,
                signed_pct(d.co2e_pct)
            )),
        ]);
    }
    right(&mut t, 1);
    if c.routes.len() > 1 {
        super::print(w, t)?;
    }
    let mut t = table(vec!["Route", "branch", "stops, days", "km by mode"]);
    for r in &c.routes {
        let x = &r.route;
        t.add_row(vec![
            Cell::new(&x.label),
            Cell::new(&r.branch),
            Cell::new(format!("{:.1}", x.stop_hours / 24.0)).set_alignment(CellAlignment::Right),
            Cell::new(mode_split(x)),
        ]);
    }
    super::print(w, t)?;
    let mut t = table(vec!["Route", "passages", "countries"]);
    for r in &c.routes {
        let x = &r.route;
        t.add_row(vec![
            x.label.clone(),
            if x.passages.is_empty() {
                "—".into()
            } else {
                x.passages.join(", ")
            },
            x.countries.join(" "),
        ]);
    }
    super::print(w, t)?;
    for u in &c.unavailable {
        super::para(w, &format!("{}: {}", u.label, u.reason))?;
    }
    if let Some(u) = &c.uncertainty {
        uncertainty(u, w)?;
    }
    Ok(())
}

/// Writes Monte Carlo percentiles of time and cost per route.
///
/// # Errors
/// I/O errors of the writer.
pub fn uncertainty(u: &Uncertainty, w: &mut impl Write) -> io::Result<()> {
    writeln!(
        w,
        "Monte Carlo: {} draws (seed {}) of the {} assumptions that have a range; routes fixed",
        thousands(u.samples as f64),
        u.seed,
        u.varied.len()
    )?;
    let mut t = table(vec![
        "Route", "days P10", "P50", "P90", "USD P10", "P50", "P90", "faster", "cheaper",
    ]);
    for (i, r) in u.routes.iter().enumerate() {
        let share = |x: f64| {
            if i == 0 {
                "ref".to_string()
            } else {
                format!("{:.0}%", x * 100.0)
            }
        };
        t.add_row(vec![
            Cell::new(&r.label),
            Cell::new(format!("{:.1}", r.time_days.p10)),
            Cell::new(format!("{:.1}", r.time_days.p50)),
            Cell::new(format!("{:.1}", r.time_days.p90)),
            Cell::new(thousands(r.cost_usd.p10)),
            Cell::new(thousands(r.cost_usd.p50)),
            Cell::new(thousands(r.cost_usd.p90)),
            Cell::new(share(r.faster_than_reference)),
            Cell::new(share(r.cheaper_than_reference)),
        ]);
    }
    right(&mut t, 1);
    super::print(w, t)?;
    writeln!(
        w,
        "faster / cheaper: share of draws in which the route beats the reference"
    )?;
    // The first table's figures take every assumption at its most likely value; with skewed
    // ranges they sit off the median, and a reader should be told where.
    let at: Vec<String> = u
        .routes
        .iter()
        .map(|r| {
            format!(
                "{}: time at P{:.0}, cost at P{:.0}",
                r.label,
                r.time_rank * 100.0,
                r.cost_rank * 100.0
            )
        })
        .collect();
    super::para(
        w,
        &format!(
            "The figures of the first table (each assumption at its most likely value) fall at these percentiles of the draws: {}.",
            at.join("; ")
        ),
    )
}
