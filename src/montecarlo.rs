//! Monte Carlo: how uncertain dwell times, speeds and rates spread a route's time and cost.
//!
//! Every parameter with a range is drawn from a triangular distribution (low, most likely,
//! high); the routes chosen under the central values are re-assessed for each draw (they are
//! not re-routed, so a draw measures the spread of a given route, not of a changing one).
//! The same seed gives the same numbers.

use rand::{Rng, RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::assess::{Metrics, Params};
use crate::assumptions::Assumptions;
use crate::error::Result;
use crate::network::Network;
use crate::report::path_metrics_with;
use crate::router::Path;

/// Percentiles of one quantity over the samples.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Spread {
    /// 10th percentile.
    pub p10: f64,
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
    /// Mean.
    pub mean: f64,
}

impl Spread {
    /// Percentiles of a sample (sorted in place), linearly interpolated.
    ///
    /// # Panics
    /// If `xs` is empty.
    #[must_use]
    pub fn of(xs: &mut [f64]) -> Spread {
        assert!(!xs.is_empty(), "at least one sample");
        xs.sort_by(f64::total_cmp);
        #[allow(clippy::cast_precision_loss)]
        let n = xs.len() as f64;
        let q = |p: f64| {
            let pos = p * (n - 1.0);
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let i = pos.floor() as usize;
            let frac = pos - pos.floor();
            if i + 1 < xs.len() {
                xs[i] + (xs[i + 1] - xs[i]) * frac
            } else {
                xs[i]
            }
        };
        Spread {
            p10: q(0.1),
            p50: q(0.5),
            p90: q(0.9),
            mean: xs.iter().sum::<f64>() / n,
        }
    }
}

/// The spread of one route.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RouteSpread {
    /// Route label.
    pub label: String,
    /// Time, days.
    pub time_days: Spread,
    /// Cost per TEU, USD.
    pub cost_usd: Spread,
    /// Emissions per TEU, kg CO2e.
    pub co2e_kg: Spread,
    /// Share of draws in which this route is faster than the reference (0–1).
    pub faster_than_reference: f64,
    /// Share of draws in which it is cheaper than the reference (0–1).
    pub cheaper_than_reference: f64,
}

/// A Monte Carlo run's result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Uncertainty {
    /// Number of draws.
    pub samples: usize,
    /// Seed of the random generator.
    pub seed: u64,
    /// Keys drawn (those with a range).
    pub varied: Vec<String>,
    /// One entry per route, the reference first.
    pub routes: Vec<RouteSpread>,
}

/// One triangular draw from (low, mode, high).
fn triangular(rng: &mut impl Rng, (low, mode, high): (f64, f64, f64)) -> f64 {
    if high <= low {
        return mode;
    }
    let u: f64 = rng.random();
    let cut = (mode - low) / (high - low);
    if u < cut {
        low + ((high - low) * (mode - low) * u).sqrt()
    } else {
        high - ((high - low) * (high - mode) * (1.0 - u)).sqrt()
    }
}

/// Runs `samples` draws over `paths` (the reference first). `progress` is called with the
/// number of draws done, every 1,000 draws and at the end.
///
/// # Errors
/// [`crate::Error::UnknownAssumption`] if a key the model needs is missing; a draw can also
/// fail when a range reaches zero for a speed.
///
/// # Panics
/// If `paths` and `labels` differ in length or are empty.
#[allow(clippy::too_many_arguments)]
pub fn run(
    net: &Network,
    assumptions: &Assumptions,
    tonnes_per_teu: Option<f64>,
    paths: &[Path],
    labels: &[String],
    samples: usize,
    seed: u64,
    mut progress: impl FnMut(usize),
) -> Result<Uncertainty> {
    assert!(
        !paths.is_empty() && paths.len() == labels.len(),
        "one label per path"
    );
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let base = assumptions.values();
    let ranged: Vec<(usize, (f64, f64, f64))> = assumptions
        .params()
        .iter()
        .enumerate()
        .filter(|(_, p)| p.has_range())
        .map(|(i, p)| (i, p.triple()))
        .collect();
    let mut values = base.clone();
    let mut draws: Vec<Vec<Metrics>> = vec![Vec::with_capacity(samples); paths.len()];
    for s in 0..samples {
        for &(i, t) in &ranged {
            values[i] = triangular(&mut rng, t);
        }
        let params = Params::from_values(assumptions, &values)?.with_cargo_tonnes(tonnes_per_teu);
        for (k, p) in paths.iter().enumerate() {
            draws[k].push(path_metrics_with(&params, net, p));
        }
        if (s + 1) % 1000 == 0 || s + 1 == samples {
            progress(s + 1);
        }
    }
    let reference = draws[0].clone();
    let routes = draws
        .iter()
        .zip(labels)
        .map(|(d, label)| {
            let mut days: Vec<f64> = d.iter().map(|m| m.hours / 24.0).collect();
            let mut usd: Vec<f64> = d.iter().map(|m| m.usd).collect();
            let mut co2: Vec<f64> = d.iter().map(|m| m.co2e_kg).collect();
            #[allow(clippy::cast_precision_loss)]
            let share = |f: &dyn Fn(&Metrics, &Metrics) -> bool| {
                d.iter().zip(&reference).filter(|(a, b)| f(a, b)).count() as f64
                    / samples.max(1) as f64
            };
            RouteSpread {
                label: label.clone(),
                faster_than_reference: share(&|a, b| a.hours < b.hours),
                cheaper_than_reference: share(&|a, b| a.usd < b.usd),
                time_days: Spread::of(&mut days),
                cost_usd: Spread::of(&mut usd),
                co2e_kg: Spread::of(&mut co2),
            }
        })
        .collect();
    Ok(Uncertainty {
        samples,
        seed,
        varied: ranged
            .iter()
            .map(|(i, _)| assumptions.params()[*i].key.clone())
            .collect(),
        routes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate() {
        let mut xs: Vec<f64> = (1..=11).map(f64::from).collect();
        let s = Spread::of(&mut xs);
        assert_eq!((s.p10, s.p50, s.p90, s.mean), (2.0, 6.0, 10.0, 6.0));
    }

    #[test]
    fn triangular_draws_stay_in_range_and_centre_on_the_mode() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let mut xs: Vec<f64> = (0..20_000)
            .map(|_| triangular(&mut rng, (0.0, 2.0, 10.0)))
            .collect();
        assert!(xs.iter().all(|x| (0.0..=10.0).contains(x)));
        let s = Spread::of(&mut xs);
        // Mean of a triangular distribution is (a + c + b) / 3 = 4.
        assert!((s.mean - 4.0).abs() < 0.05, "{s:?}");
    }
}
