//! A break-even in words: where the winner changes as one assumption moves.

use std::io::{self, Write};

use super::{item, para, thousands};
use crate::model::Metric;
use crate::questions::breakeven::{Breakeven, Kind};

/// Writes a break-even: the difference at the current value and at the ends of the range, and
/// each value at which the winner changes, or that none does.
///
/// # Errors
/// I/O errors of the writer.
pub fn breakeven(b: &Breakeven, w: &mut impl Write) -> io::Result<()> {
    let fmt = |x: f64| {
        if b.metric == Metric::Time {
            format!("{x:+.2} {}", b.unit)
        } else {
            format!(
                "{}{} {}",
                if x < 0.0 { "-" } else { "+" },
                thousands(x.abs()),
                b.unit
            )
        }
    };
    let winner = |d: f64| if d < 0.0 { &b.other } else { &b.reference };
    para(
        w,
        &format!(
            "{} minus {} in {}, as {} moves across its range {} → {} {} (now {}):",
            b.other,
            b.reference,
            b.metric.as_str(),
            b.key,
            b.low,
            b.high,
            b.key_unit,
            b.current
        ),
    )?;
    item(
        w,
        &format!("at {} {}: {}", b.low, b.key_unit, fmt(b.at_low)),
    )?;
    item(
        w,
        &format!(
            "at {} {} (now): {}",
            b.current,
            b.key_unit,
            fmt(b.at_current)
        ),
    )?;
    item(
        w,
        &format!("at {} {}: {}", b.high, b.key_unit, fmt(b.at_high)),
    )?;
    if b.roots.is_empty() {
        return para(
            w,
            &format!(
                "No break-even in the range: {} wins at every value from {} to {} {}.",
                winner(b.at_low),
                b.low,
                b.high,
                b.key_unit
            ),
        );
    }
    for r in &b.roots {
        let how = match r.kind {
            Kind::Crossing => "the two are equal".to_string(),
            Kind::Jump => format!(
                "a route changes and the difference jumps from {} to {}",
                fmt(r.below),
                fmt(r.above)
            ),
        };
        para(
            w,
            &format!(
                "Break-even at {} = {:.6} {}: {how}; below it {} wins, above it {}.",
                b.key,
                r.value,
                b.key_unit,
                winner(r.below),
                winner(r.above)
            ),
        )?;
    }
    Ok(())
}
