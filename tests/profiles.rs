//! Each profile reproduces its study: the model under the profile lands within 15 % of every
//! published time and cost the profile lists (data/profiles.toml names the sources).

use corridor::model::Profiles;
use corridor::questions::reproduce;
use corridor::{Assumptions, Atlas};

/// Largest accepted gap between the model and a published figure.
const TOLERANCE: f64 = 0.15;

fn gap(model: f64, published: f64) -> f64 {
    (model - published) / published
}

#[test]
fn every_profile_lands_within_15_percent_of_its_study() {
    let atlas = Atlas::embedded().unwrap();
    let defaults = Assumptions::embedded().unwrap();
    let profiles = Profiles::embedded().unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for p in profiles.list() {
        let c = reproduce::run(&atlas, &defaults, p)
            .unwrap_or_else(|e| panic!("profile {}: {e}", p.name));
        for r in &c.results {
            if let Some(days) = r.published_days {
                checked += 1;
                let g = gap(r.profile_days, days);
                println!(
                    "{} / {}: {:.1} days vs {days} published ({:+.1}%)",
                    p.name,
                    r.label,
                    r.profile_days,
                    g * 100.0
                );
                if g.abs() > TOLERANCE {
                    failures.push(format!(
                        "{} / {}: {:.1} days vs {days} ({:+.0}%)",
                        p.name,
                        r.label,
                        r.profile_days,
                        g * 100.0
                    ));
                }
            }
            if let Some(usd) = r.published_usd {
                checked += 1;
                let g = gap(r.profile_usd, usd);
                println!(
                    "{} / {}: USD {:.0} vs {usd} published ({:+.1}%)",
                    p.name,
                    r.label,
                    r.profile_usd,
                    g * 100.0
                );
                if g.abs() > TOLERANCE {
                    failures.push(format!(
                        "{} / {}: USD {:.0} vs {usd} ({:+.0}%)",
                        p.name,
                        r.label,
                        r.profile_usd,
                        g * 100.0
                    ));
                }
            }
        }
    }
    assert!(
        checked >= 9,
        "comcec-2017 has 8 figures and run-2016 one; checked {checked}"
    );
    assert!(
        failures.is_empty(),
        "profiles off by more than 15%:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_named_profiles_exist() {
    let profiles = Profiles::embedded().unwrap();
    for name in ["default", "comcec-2017", "run-2016"] {
        profiles.get(name).unwrap();
    }
    assert!(
        profiles
            .get("nope")
            .unwrap_err()
            .to_string()
            .contains("known profiles: default, comcec-2017, run-2016")
    );
}
