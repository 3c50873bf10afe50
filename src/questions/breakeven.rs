//! Break-even: the value of one assumption at which the reference corridor and another are
//! equal on a metric. Both routes are chosen afresh at every value tried, so a value at which
//! one corridor switches to another route is found as well as a smooth crossing.

use super::compare::Request;
use super::sensitivity::difference;
use crate::error::{Error, Result};
use crate::model::{Assumptions, Layout, Metric, Unit};
use crate::routing::Atlas;

/// Values tried across the range before bisecting each change of sign.
const SAMPLES: usize = 24;
/// Bisection steps on each change of sign (the interval shrinks 2^-48 of a sample step).
const STEPS: usize = 48;

/// How the difference passes zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The difference moves through zero continuously: at `value` the two are equal.
    Crossing,
    /// The difference jumps over zero where a route changes: below `value` one corridor wins,
    /// above it the other, and they are never exactly equal.
    Jump,
}

/// One value at which the winner changes.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Root {
    /// The assumption's value, in its unit.
    pub value: f64,
    /// How the difference passes zero there.
    pub kind: Kind,
    /// Difference (other − reference) just below `value`, in the metric's unit.
    pub below: f64,
    /// Difference just above `value`.
    pub above: f64,
}

/// The answer.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Breakeven {
    /// The assumption varied.
    pub key: String,
    /// Its unit.
    pub key_unit: String,
    /// Its value in force.
    pub current: f64,
    /// The range searched (the assumption's plausible range).
    pub low: f64,
    /// High end of the range.
    pub high: f64,
    /// Metric of the differences.
    pub metric: Metric,
    /// Unit of the differences.
    pub unit: Unit,
    /// Reference route label.
    pub reference: String,
    /// Other route label.
    pub other: String,
    /// Difference (other − reference) at the current value.
    pub at_current: f64,
    /// Difference at the low end.
    pub at_low: f64,
    /// Difference at the high end.
    pub at_high: f64,
    /// Every value in the range at which the winner changes, lowest first; empty when one
    /// corridor wins across the whole range.
    pub roots: Vec<Root>,
}

/// Finds where `other − reference` changes sign as the assumption `key` moves across its
/// range: the range is sampled at 24 values, and each change of sign is bisected 48 times.
///
/// # Errors
/// [`Error::WrongTargetCount`] unless `req.others` names exactly one corridor;
/// [`Error::UnknownAssumption`]; [`Error::InvalidAssumption`] for a key without a range;
/// [`Error::NoRoute`] when either route is missing at some value.
pub fn run(
    atlas: &Atlas,
    assumptions: &Assumptions,
    cargo_tonnes: Option<f64>,
    req: &Request,
    metric: Metric,
    key: &str,
) -> Result<Breakeven> {
    if req.others.len() != 1 {
        return Err(Error::WrongTargetCount {
            expected: 1,
            given: req.others.len(),
        });
    }
    let index = assumptions
        .params()
        .iter()
        .position(|p| p.key.as_ref() == key)
        .ok_or_else(|| Error::UnknownAssumption {
            key: key.to_string(),
            suggestions: crate::routing::suggest::closest(
                key,
                assumptions.params().iter().map(|p| p.key.as_ref()),
            ),
        })?;
    let p = &assumptions.params()[index];
    let (low, current, high) = p.triple();
    if high.partial_cmp(&low) != Some(std::cmp::Ordering::Greater) {
        return Err(Error::InvalidAssumption {
            origin: p.origin.to_string(),
            key: key.to_string(),
            value: current,
            reason: "has no range to search for a break-even".into(),
        });
    }
    let layout = Layout::new(assumptions)?;
    let base = assumptions.values();
    let at = |x: f64| -> Result<(f64, String, String)> {
        let mut v = base.clone();
        v[index] = x;
        let params = layout.params(&v)?.with_cargo_tonnes(cargo_tonnes);
        difference(atlas, params, req, metric)
    };
    let (at_current, reference, other) = at(current)?;
    #[allow(clippy::cast_precision_loss)]
    let xs: Vec<f64> = (0..=SAMPLES)
        .map(|i| low + (high - low) * i as f64 / SAMPLES as f64)
        .collect();
    let ds: Vec<f64> = xs
        .iter()
        .map(|&x| at(x).map(|r| r.0))
        .collect::<Result<_>>()?;
    let scale = ds
        .iter()
        .fold(0.0f64, |m, d| m.max(d.abs()))
        .max(f64::MIN_POSITIVE);
    let mut roots = Vec::new();
    for i in 0..SAMPLES {
        let (mut a, mut b) = (xs[i], xs[i + 1]);
        let (mut da, mut db) = (ds[i], ds[i + 1]);
        if da == 0.0 && i > 0 {
            continue; // found as the end of the previous interval
        }
        if da.signum() == db.signum() && da != 0.0 && db != 0.0 {
            continue;
        }
        for _ in 0..STEPS {
            if da == 0.0 || db == 0.0 {
                break;
            }
            let m = 0.5 * (a + b);
            let dm = at(m)?.0;
            if dm.signum() == da.signum() {
                (a, da) = (m, dm);
            } else {
                (b, db) = (m, dm);
            }
        }
        let value = if da == 0.0 {
            a
        } else if db == 0.0 {
            b
        } else {
            0.5 * (a + b)
        };
        // Near a smooth crossing both sides are close to zero; at a jump they are not.
        let kind = if da.abs().max(db.abs()) <= 1e-6 * scale {
            Kind::Crossing
        } else {
            Kind::Jump
        };
        roots.push(Root {
            value,
            kind,
            below: da,
            above: db,
        });
    }
    Ok(Breakeven {
        key: key.to_string(),
        key_unit: p.unit.to_string(),
        current,
        low,
        high,
        metric,
        unit: metric.unit(),
        reference,
        other,
        at_current,
        at_low: ds[0],
        at_high: ds[SAMPLES],
        roots,
    })
}
