//! Monte Carlo: how uncertain dwell times, speeds and rates spread a route's time and cost.
//!
//! Every parameter with a range is drawn from a triangular distribution (low, most likely,
//! high; `rand_distr::Triangular`); the routes chosen under the central values are re-priced
//! for each draw by the same function that priced them (they are not re-routed, so a draw
//! measures the spread of a given route, not of a changing one). The same seed gives the same
//! numbers.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Triangular};

use super::compare::Comparison;

/// Most draws kept for the percentiles (32 bytes each per route): beyond it, a uniform sample
/// of the draws (Algorithm R).
pub const RESERVOIR: usize = 100_000;
use crate::error::Result;
use crate::model::pricing::{Repricing, price_path};
use crate::model::{Assumptions, Layout, Metrics};
use crate::network::Network;

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
    /// Where the deterministic time (every assumption at its most likely value) falls among
    /// the draws: the share of draws at or below it (0–1).
    pub time_rank: f64,
    /// The same for the cost.
    pub cost_rank: f64,
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

/// How many draws, from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Draws {
    /// Number of draws.
    pub samples: usize,
    /// Seed of the random generator.
    pub seed: u64,
}

/// Draws the ranged assumptions `draws.samples` times and re-prices every route of `c` (the
/// reference first) under each draw. `progress` is called with the number of draws done,
/// every 1,000 draws and at the end.
///
/// # Errors
/// [`crate::Error::UnknownAssumption`] if a key the model needs is missing;
/// [`crate::Error::InvalidAssumption`] when a draw makes a speed zero (a range reaching zero).
///
/// # Panics
/// If the comparison has no route.
pub fn run(
    net: &Network,
    assumptions: &Assumptions,
    cargo_tonnes: Option<f64>,
    c: &Comparison,
    draws: Draws,
    mut progress: impl FnMut(usize),
) -> Result<Uncertainty> {
    assert!(!c.paths.is_empty(), "a comparison has a reference route");
    let Draws { samples, seed } = draws;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let layout = Layout::new(assumptions)?;
    let ranged: Vec<(usize, Triangular<f64>)> = assumptions
        .params()
        .iter()
        .enumerate()
        .filter(|(_, p)| p.has_range())
        .filter_map(|(i, p)| {
            let (low, mode, high) = p.triple();
            Triangular::new(low, high, mode).ok().map(|d| (i, d))
        })
        .collect();
    let mut values = assumptions.values();
    // The percentiles come from a reservoir of at most RESERVOIR draws (Algorithm R, its own
    // seeded generator, so the first RESERVOIR draws are the same as without it): memory does
    // not grow with the number of draws. The shares are counted over every draw.
    let keep = samples.min(RESERVOIR);
    let mut metrics: Vec<Vec<Metrics>> = vec![Vec::with_capacity(keep); c.paths.len()];
    let mut pick = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed);
    let mut beats = vec![(0usize, 0usize); c.paths.len()];
    let mut draw = vec![Metrics::default(); c.paths.len()];
    for s in 0..samples {
        for (i, d) in &ranged {
            values[*i] = d.sample(&mut rng);
        }
        let params = layout.params(&values)?.with_cargo_tonnes(cargo_tonnes);
        let pricing = Repricing {
            params: &params,
            network: net,
        };
        for (k, p) in c.paths.iter().enumerate() {
            draw[k] = price_path(&pricing, net, p, |_| {});
        }
        for k in 0..draw.len() {
            beats[k].0 += usize::from(draw[k].hours < draw[0].hours);
            beats[k].1 += usize::from(draw[k].usd < draw[0].usd);
        }
        let slot = if s < RESERVOIR {
            Some(s)
        } else {
            let j = rand::RngExt::random_range(&mut pick, 0..=s);
            (j < RESERVOIR).then_some(j)
        };
        if let Some(j) = slot {
            for (k, m) in metrics.iter_mut().enumerate() {
                if j < m.len() {
                    m[j] = draw[k];
                } else {
                    m.push(draw[k]);
                }
            }
        }
        if (s + 1) % 1000 == 0 || s + 1 == samples {
            progress(s + 1);
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let share = |n: usize| n as f64 / samples.max(1) as f64;
    let routes = metrics
        .iter()
        .zip(&c.routes)
        .zip(&beats)
        .map(|((d, r), &(faster, cheaper))| spread(&r.route, d, share(faster), share(cheaper)))
        .collect();
    Ok(Uncertainty {
        samples,
        seed,
        varied: ranged
            .iter()
            .map(|(i, _)| assumptions.params()[*i].key.to_string())
            .collect(),
        routes,
    })
}

fn spread(
    route: &crate::model::RouteReport,
    d: &[Metrics],
    faster_than_reference: f64,
    cheaper_than_reference: f64,
) -> RouteSpread {
    let mut days: Vec<f64> = d.iter().map(|m| m.hours / 24.0).collect();
    let mut usd: Vec<f64> = d.iter().map(|m| m.usd).collect();
    let mut co2: Vec<f64> = d.iter().map(|m| m.co2e_kg).collect();
    #[allow(clippy::cast_precision_loss)]
    let rank = |xs: &[f64], x: f64| {
        xs.iter().filter(|&&v| v <= x * (1.0 + 1e-12)).count() as f64 / xs.len().max(1) as f64
    };
    RouteSpread {
        label: route.label.clone(),
        faster_than_reference,
        cheaper_than_reference,
        time_rank: rank(&days, route.time_days),
        cost_rank: rank(&usd, route.cost_usd),
        time_days: Spread::of(&mut days),
        cost_usd: Spread::of(&mut usd),
        co2e_kg: Spread::of(&mut co2),
    }
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
        let d = Triangular::new(0.0, 10.0, 2.0).unwrap();
        let mut xs: Vec<f64> = (0..20_000).map(|_| d.sample(&mut rng)).collect();
        assert!(xs.iter().all(|x| (0.0..=10.0).contains(x)));
        let s = Spread::of(&mut xs);
        // Mean of a triangular distribution is (a + c + b) / 3 = 4.
        assert!((s.mean - 4.0).abs() < 0.05, "{s:?}");
    }
}
