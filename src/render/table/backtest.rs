//! The backtest: each observation beside the model, the median error and the worst misses.

use std::io::{self, Write};

use comfy_table::Cell;

use super::{item, para, right, table, thousands};
use crate::questions::backtest::{Backtest, Case};
use crate::questions::observations::Basis;

fn pct(x: f64) -> String {
    format!("{:+.0}%", x * 100.0)
}

fn days(c: &Case) -> String {
    c.model_days
        .map_or_else(|| "—".into(), |d| format!("{d:.1}"))
}

/// Writes every case (calibrated ones marked `†`; basis `port` for port to port, `door` for
/// door to door), the costs where published, the median absolute error over the independent
/// cases, and the `worst` largest misses with the route the model took.
///
/// # Errors
/// I/O errors of the writer.
pub fn backtest(b: &Backtest, worst: usize, w: &mut impl Write) -> io::Result<()> {
    let mut t = table(vec![
        "observation",
        "date",
        "basis",
        "observed d",
        "model d",
        "error",
    ]);
    for c in &b.cases {
        let mark = if c.calibrated { " †" } else { "" };
        t.add_row(vec![
            Cell::new(format!("{}{mark}", c.id)),
            Cell::new(&c.date),
            Cell::new(match c.basis {
                Basis::PortToPort => "port",
                Basis::DoorToDoor => "door",
            }),
            Cell::new(c.observed_days.to_string()),
            Cell::new(days(c)),
            Cell::new(c.error.map_or_else(|| "no route".into(), pct)),
        ]);
    }
    right(&mut t, 3);
    super::print(w, t)?;
    let costs: Vec<&Case> = b
        .cases
        .iter()
        .filter(|c| c.observed_usd.is_some())
        .collect();
    if !costs.is_empty() {
        let mut t = table(vec!["observation", "USD/TEU observed", "model"]);
        for c in costs {
            t.add_row(vec![
                c.id.clone(),
                c.observed_usd.map(thousands).unwrap_or_default(),
                c.model_usd.map(thousands).unwrap_or_else(|| "—".into()),
            ]);
        }
        right(&mut t, 1);
        super::print(w, t)?;
    }
    let summary = match b.median_abs_error {
        Some(m) => format!(
            "Median absolute error {:.1} % over the {} observations no default or profile was \
             fitted to († marks the {} that were, not counted); {} did not route.",
            m * 100.0,
            b.independent,
            b.calibrated,
            b.unrouted
        ),
        None => "No observation independent of the calibration routed.".into(),
    };
    para(w, &summary)?;
    let list = b.worst(worst);
    if !list.is_empty() {
        writeln!(w, "Largest misses:")?;
        for c in list {
            item(
                w,
                &format!(
                    "{} ({}): {} d observed, {} d modelled, {}; scenarios {}; {}",
                    c.id,
                    c.date,
                    c.observed_days,
                    days(c),
                    c.error.map_or_else(String::new, pct),
                    if c.scenarios.is_empty() {
                        "none (the normal world)".to_string()
                    } else {
                        c.scenarios.join(", ")
                    },
                    c.route
                ),
            )?;
        }
    }
    Ok(())
}
