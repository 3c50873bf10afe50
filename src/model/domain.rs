//! What values an assumption can physically take, by its unit: speeds are positive and below
//! what any ship, train or truck does, dwell times, rates and emission factors are not
//! negative and below a year or an absurd price, shares lie in 0…1. Every value is checked
//! against its domain where it enters (the assumptions file, a profile, a scenario, `--set`,
//! `--cargo-tonnes`), so no computation downstream meets a negative, an infinity or an
//! overflow (issue 13: `--set cost.sea.container=1e308` printed `inf`, `low = -500` gave
//! negative costs and sent the router round negative cycles).

/// The values a quantity may take: `min` (excluded when `open_min`) to `max`, in its unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Domain {
    /// Least value.
    pub min: f64,
    /// Whether `min` itself is excluded.
    pub open_min: bool,
    /// Greatest value.
    pub max: f64,
}

impl Domain {
    const fn closed(min: f64, max: f64) -> Domain {
        Domain {
            min,
            open_min: false,
            max,
        }
    }

    /// The domain of a unit as written in the assumptions file. The bounds are generous
    /// limits of the physically possible, not plausible ranges: 1 to 40 kn (the fastest
    /// container ships make about 25), 10 to 3,000 km/day and 1 to 150 km/h, 1 to 24 h a day,
    /// a year of dwell (8,760 h), USD 100 per TEU-km and USD 100,000 per TEU, 5 kg CO2e per
    /// t-km (a truck emits about 0.1), 0.1 to 40 t per TEU (a 40-foot box carries under 30).
    /// Speeds and masses have a least value above zero: divided by, a tiny one overflows.
    #[must_use]
    pub fn of_unit(unit: &str) -> Domain {
        match unit {
            "kn" => Domain::closed(1.0, 40.0),
            "km/day" => Domain::closed(10.0, 3_000.0),
            "km/h" => Domain::closed(1.0, 150.0),
            "h/day" => Domain::closed(1.0, 24.0),
            "h" => Domain::closed(0.0, 8_760.0),
            "USD/TEU-km" => Domain::closed(0.0, 100.0),
            "USD/TEU" | "kg CO2e/TEU" => Domain::closed(0.0, 100_000.0),
            "fraction" => Domain::closed(0.0, 1.0),
            "kg CO2e/t-km" => Domain::closed(0.0, 5.0),
            "t/TEU" => Domain::closed(0.1, 40.0),
            _ => Domain::closed(0.0, 1e9),
        }
    }

    /// Whether `x` lies in the domain (a finite number between the bounds).
    #[must_use]
    pub fn contains(&self, x: f64) -> bool {
        x.is_finite()
            && x <= self.max
            && if self.open_min {
                x > self.min
            } else {
                x >= self.min
            }
    }

    /// The domain in words: `above 0 and at most 40`, `0 to 1`.
    #[must_use]
    pub fn describe(&self) -> String {
        if self.open_min {
            format!("above {} and at most {}", self.min, self.max)
        } else {
            format!("{} to {}", self.min, self.max)
        }
    }
}

/// Checks a value and its range against the unit's domain: each finite and inside it, and
/// low ≤ value ≤ high. The error names the part and the allowed values.
///
/// # Errors
/// A message naming what is wrong.
pub fn check(
    value: f64,
    low: Option<f64>,
    high: Option<f64>,
    unit: &str,
) -> std::result::Result<(), String> {
    let d = Domain::of_unit(unit);
    for (name, x) in [("value", Some(value)), ("low", low), ("high", high)] {
        if let Some(x) = x
            && !d.contains(x)
        {
            return Err(format!(
                "`{name}` = {x} is outside what a quantity in {unit} can be ({})",
                d.describe()
            ));
        }
    }
    if low.is_some_and(|l| l > value) || high.is_some_and(|h| h < value) {
        return Err(format!(
            "range low {low:?} … high {high:?} does not contain the value {value}"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_values_are_outside_their_domain() {
        assert!(check(13.2, Some(10.0), Some(16.0), "kn").is_ok());
        assert!(check(0.0, None, None, "kn").is_err(), "a ship must move");
        assert!(check(1e308, None, None, "USD/TEU-km").is_err());
        assert!(
            check(24.0, Some(-500.0), None, "h").is_err(),
            "negative low"
        );
        assert!(check(0.5, None, Some(1.5), "fraction").is_err());
        assert!(check(10.0, None, None, "t/TEU").is_ok());
        assert!(
            check(5e-324, None, None, "t/TEU").is_err(),
            "divided by, it overflows"
        );
        assert!(check(f64::NAN, None, None, "h").is_err());
        assert!(
            check(5.0, Some(6.0), None, "h").is_err(),
            "low above the value"
        );
    }
}
