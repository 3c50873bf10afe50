//! The analysis tables: a sensitivity tornado, and each profile beside its study.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment};

use super::{para, right, table, thousands};
use crate::model::Metric;
use crate::questions::reproduce::ProfileCheck;
use crate::questions::sensitivity::Sensitivity;

/// Writes a sensitivity analysis as a ranked table with a text tornado bar, the `top` rows
/// with the largest swing; returns how many rows were left out.
///
/// # Errors
/// I/O errors of the writer.
pub fn sensitivity(s: &Sensitivity, top: usize, w: &mut impl Write) -> io::Result<usize> {
    let fmt = |x: f64| {
        if s.metric == Metric::Time {
            format!("{x:+.1}")
        } else {
            format!("{:+}", thousands(x)).replace("++", "+")
        }
    };
    para(
        w,
        &format!(
            "{} minus {}: {} {} with every assumption central; each row sets one assumption to its low, then its high value",
            s.other,
            s.reference,
            fmt(s.base),
            s.unit
        ),
    )?;
    let max = s.swings.iter().map(|x| x.swing).fold(0.0, f64::max);
    let mut t = table(vec![
        "assumption",
        "low → high",
        "Δ at low",
        "Δ at high",
        "swing",
    ]);
    for x in s.swings.iter().take(top) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let bar = if max > 0.0 {
            "█".repeat(((x.swing / max) * 20.0).round() as usize)
        } else {
            String::new()
        };
        t.add_row(vec![
            Cell::new(&x.key),
            Cell::new(format!("{} → {} {}", x.low, x.high, x.unit)),
            Cell::new(fmt(x.at_low)).set_alignment(CellAlignment::Right),
            Cell::new(fmt(x.at_high)).set_alignment(CellAlignment::Right),
            Cell::new(bar),
        ]);
    }
    super::print(w, t)?;
    Ok(s.swings.len().saturating_sub(top))
}

/// Writes what each profile changes and how close it lands to its study.
///
/// # Errors
/// I/O errors of the writer.
pub fn profiles(checks: &[ProfileCheck], w: &mut impl Write) -> io::Result<()> {
    let opt = |x: Option<f64>, f: &dyn Fn(f64) -> String| x.map_or_else(|| "—".to_string(), f);
    for c in checks {
        para(w, &format!("profile {}: {}", c.name, c.source))?;
        if c.results.is_empty() && c.overrides.is_empty() {
            writeln!(w, "  (the defaults; no published case attached)")?;
            continue;
        }
        let mut t = table(vec![
            "case",
            "corridor",
            "days pub.",
            "profile",
            "default",
            "USD pub.",
            "profile",
            "default",
        ]);
        for r in &c.results {
            t.add_row(vec![
                Cell::new(&r.label),
                Cell::new(&r.corridor),
                Cell::new(opt(r.published_days, &|x| format!("{x:.0}"))),
                Cell::new(format!("{:.1}", r.profile_days)),
                Cell::new(format!("{:.1}", r.default_days)),
                Cell::new(opt(r.published_usd, &thousands)),
                Cell::new(thousands(r.profile_usd)),
                Cell::new(thousands(r.default_usd)),
            ]);
        }
        right(&mut t, 2);
        super::print(w, t)?;
        if !c.overrides.is_empty() {
            let mut t = table(vec!["assumption", "default", "profile", "unit"]);
            for o in &c.overrides {
                t.add_row(vec![
                    o.key.clone(),
                    o.default.map_or_else(|| "—".to_string(), |d| d.to_string()),
                    format!("{}", o.profile),
                    o.unit.clone(),
                ]);
            }
            right(&mut t, 1);
            writeln!(w, "why it differs from the defaults:\n{t}")?;
        }
    }
    Ok(())
}
