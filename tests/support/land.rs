//! The geometry checks of one leg against Natural Earth: does it stay on its side of the coast,
//! and does it cross the countries it declares?
//!
//! Both trace the leg through a [`Layer`] (edge crossings found with an R-tree, see
//! [`super::layer`]) instead of testing densified points against whole continents:
//!
//! * land/water: one exact point-in-polygon test at the leg's first position gives the state
//!   there; it toggles at every coastline crossing. A second test at the last position must
//!   agree with the toggled state — a built-in check of the crossing code itself.
//! * countries: one point-in-polygon test per stretch between two border (or coast) crossings.
//!
//! Thresholds are those of `data/tools/check_geometry.py`, so the Python tool and this test
//! agree on what fails — except right at a threshold, where the tool's 1 km samples and the
//! exact lengths here can fall on different sides (a 1.3 km run the tool measures as 1.0).

use corridor::network::Leg;
use geo::Coord;

use super::NaturalEarth;
use super::layer::{Layer, in_clip_box};

/// Sea and ferry legs may touch land within this many km of either end (port approaches: a
/// port stands on the coast, and 1:10m coastlines are good to a few hundred metres only).
pub const SEA_TRIM_KM: f64 = 5.0;
/// Rail and road legs may touch water within this many km of either end.
pub const LAND_TRIM_KM: f64 = 2.0;
/// ... and within this many km of an end at a port: a line into a port runs to the quay, and
/// 1:10m coastlines lack harbour islands (HaminaKotka's Mussalo is water in `land-10m`).
pub const LAND_AT_PORT_TRIM_KM: f64 = 5.0;
/// A leg fails with more than this many km on the wrong side of the coast.
pub const MAX_WRONG_SIDE_KM: f64 = 1.0;
/// Runs through a country shorter than this are ignored when listing the countries crossed
/// (a line along a border wobbles across it on 1:10m data).
pub const MIN_COUNTRY_KM: f64 = 1.0;

/// Passages whose water Natural Earth 1:10m fills in with land: the Suez Canal and the
/// Volga–Caspian channel are land in `land-10m`, the Bosphorus and the Dardanelles are open
/// but only a few 400 m grid cells wide (data/naturalearth/README.md, "Caveats"). A sea or
/// ferry leg listing one of these in `passages` is exempt from the land/water check — by name,
/// nothing else is loosened. Such legs declare the countries whose land they cross (`["EG"]`
/// for the canal) and [`countries_failure`] checks that. The Caspian itself is a hole in the
/// land polygons, i.e. water, and is not exempt.
pub const EXEMPT_PASSAGES: [&str; 5] = [
    "suez",
    "bosphorus",
    "dardanelles",
    "volga-caspian-channel",
    "elbe",
];

/// The passages of a leg that exempt it from the land/water check.
pub fn exempt_passages(leg: &Leg) -> Vec<&str> {
    leg.passages
        .iter()
        .map(String::as_str)
        .filter(|p| EXEMPT_PASSAGES.contains(p))
        .collect()
}

/// A run of a leg on the wrong side of the coast.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    /// Start, km from the leg's first position.
    pub from_km: f64,
    /// End, km.
    pub to_km: f64,
    /// A point in the run (lon, lat).
    pub at: Coord<f64>,
    /// Length of the stretch `at` was taken from, km (to pick the most telling point).
    at_km: f64,
}

/// Where a line lies relative to the coast.
#[derive(Debug, Clone, Default)]
pub struct Side {
    /// Length of the line, km (geodesic).
    pub total_km: f64,
    /// km on the wrong side, outside the trimmed ends.
    pub wrong_km: f64,
    /// The runs on the wrong side, longest first.
    pub runs: Vec<Run>,
    /// km whose stretch lies outside the Natural Earth clip box (cannot be checked).
    pub unchecked_km: f64,
    /// False if the state toggled along the line disagrees with a point-in-polygon test at the
    /// last position (never expected; it would mean a bug in the crossing code).
    pub consistent: bool,
}

/// Traces a line through the land layer. `on_water`: the line should be on water (sea, ferry)
/// rather than on land (rail, road). The first and last `trim_km` are not counted.
pub fn wrong_side(land: &Layer, line: &geo::LineString<f64>, on_water: bool, trim_km: f64) -> Side {
    let stretches = land.trace(line);
    let first = line.0[0];
    let last = *line.0.last().expect("a line has positions");
    let start_on_land = land.contains(first);
    let total_km = stretches.last().map_or(0.0, |s| s.to_km);
    let (lo, hi) = (trim_km, total_km - trim_km);
    let mut side = Side {
        total_km,
        ..Side::default()
    };
    let mut on_land = start_on_land;
    for (i, s) in stretches.iter().enumerate() {
        if i > 0 {
            on_land = !on_land;
        }
        let (a, b) = (s.from_km.max(lo), s.to_km.min(hi));
        if b <= a {
            continue;
        }
        if !in_clip_box(s.probe) {
            side.unchecked_km += b - a;
            continue;
        }
        if on_land != on_water {
            continue;
        }
        side.wrong_km += b - a;
        let joined = side.runs.last_mut().filter(|r| a - r.to_km < 1e-9);
        match joined {
            Some(r) => {
                r.to_km = b;
                if s.km() > r.at_km {
                    (r.at, r.at_km) = (s.probe, s.km());
                }
            }
            None => side.runs.push(Run {
                from_km: a,
                to_km: b,
                at: s.probe,
                at_km: s.km(),
            }),
        }
    }
    side.consistent = !(in_clip_box(first) && in_clip_box(last)) || on_land == land.contains(last);
    side.runs
        .sort_by(|x, y| (y.to_km - y.from_km).total_cmp(&(x.to_km - x.from_km)));
    side
}

fn where_(runs: &[Run], total_km: f64) -> String {
    let mut s: Vec<String> = runs
        .iter()
        .take(3)
        .map(|r| {
            format!(
                "{:.1} km at km {:.0}–{:.0} of {:.0}, near {:.3},{:.3}",
                r.to_km - r.from_km,
                r.from_km,
                r.to_km,
                total_km,
                r.at.x,
                r.at.y
            )
        })
        .collect();
    if runs.len() > 3 {
        s.push(format!("and {} more", runs.len() - 3));
    }
    s.join("; ")
}

/// The land/water failure of a leg, if any: a sea or ferry leg with more than
/// [`MAX_WRONG_SIDE_KM`] on land beyond the first/last [`SEA_TRIM_KM`], or a rail or road leg
/// with more than that on water beyond the first/last [`LAND_TRIM_KM`]. Legs through an
/// [`EXEMPT_PASSAGES`] passage pass. A leg partly outside the clip box fails: it cannot be
/// checked there.
///
/// `at_port` says whether the leg starts or ends at a port node ([`LAND_AT_PORT_TRIM_KM`]
/// then applies to a land leg).
pub fn side_failure(ne: &NaturalEarth, leg: &Leg, at_port: bool) -> Option<String> {
    let water = leg.mode.is_water();
    if water && !exempt_passages(leg).is_empty() {
        return None;
    }
    let trim = match (water, at_port) {
        (true, _) => SEA_TRIM_KM,
        (false, true) => LAND_AT_PORT_TRIM_KM,
        (false, false) => LAND_TRIM_KM,
    };
    let side = wrong_side(&ne.land, &leg.geometry, water, trim);
    let what = if water { "on land" } else { "on water" };
    let mut problems = Vec::new();
    if side.wrong_km > MAX_WRONG_SIDE_KM {
        problems.push(format!(
            "{:.1} km {what} ({})",
            side.wrong_km,
            where_(&side.runs, side.total_km)
        ));
    }
    if side.unchecked_km > 0.0 {
        problems.push(format!(
            "{:.1} km outside the Natural Earth clip box lon −30…100, lat −45…72 (cannot be checked)",
            side.unchecked_km
        ));
    }
    if !side.consistent {
        problems.push(
            "coastline crossings disagree with a point-in-polygon test at the last position \
             (a degenerate position exactly on the coastline?)"
                .into(),
        );
    }
    (!problems.is_empty()).then(|| format!("{} ({}): {}", leg.id, leg.mode, problems.join("; ")))
}

/// The countries a line crosses, in order, ignoring the first and last `trim_km`: runs shorter
/// than [`MIN_COUNTRY_KM`] are dropped, water and areas without an ISO code (Baikonur, Kosovo,
/// N. Cyprus …) are transparent. Also returns the names of the no-code areas crossed.
pub fn countries_crossed(
    countries: &Layer,
    line: &geo::LineString<f64>,
    trim_km: f64,
) -> (Vec<String>, Vec<String>) {
    let stretches = countries.trace(line);
    let total_km = stretches.last().map_or(0.0, |s| s.to_km);
    let (lo, hi) = (trim_km, total_km - trim_km);
    // Runs of the same feature (None: water or outside the box), with their length.
    let mut runs: Vec<(Option<usize>, f64)> = Vec::new();
    for s in &stretches {
        let km = s.to_km.min(hi) - s.from_km.max(lo);
        if km <= 1e-9 {
            continue;
        }
        let owner = if in_clip_box(s.probe) {
            countries.locate(s.probe)
        } else {
            None
        };
        match runs.last_mut() {
            Some((o, k)) if *o == owner => *k += km,
            _ => runs.push((owner, km)),
        }
    }
    let mut seq: Vec<String> = Vec::new();
    let mut no_code: Vec<String> = Vec::new();
    for (owner, km) in runs {
        let Some(f) = owner.map(|o| &countries.features[o]) else {
            continue;
        };
        if km < MIN_COUNTRY_KM {
            continue;
        }
        if f.iso2.is_empty() {
            if !no_code.contains(&f.name) {
                no_code.push(f.name.clone());
            }
        } else if seq.last() != Some(&f.iso2) {
            seq.push(f.iso2.clone());
        }
    }
    (seq, no_code)
}

/// The country failure of a leg, if any. Rail and road legs must declare exactly the countries
/// their geometry crosses; sea and ferry legs must declare none, except legs through an
/// [`EXEMPT_PASSAGES`] passage, which must declare the countries whose (Natural Earth) land they
/// cross beyond the first/last [`SEA_TRIM_KM`].
pub fn countries_failure(ne: &NaturalEarth, leg: &Leg) -> Option<String> {
    let water = leg.mode.is_water();
    let crossed = if water && exempt_passages(leg).is_empty() {
        Vec::new()
    } else {
        let trim = if water { SEA_TRIM_KM } else { 0.0 };
        countries_crossed(&ne.countries, &leg.geometry, trim).0
    };
    (leg.countries != crossed).then(|| {
        let rule = if water && exempt_passages(leg).is_empty() {
            " (a sea leg declares no countries)"
        } else {
            ""
        };
        format!(
            "{} ({}): declares {:?}, geometry crosses {:?}{rule}",
            leg.id, leg.mode, leg.countries, crossed
        )
    })
}

#[cfg(test)]
mod tests {
    //! The checks must be able to fail: deliberately bad legs on real Natural Earth data.
    use super::*;
    use crate::support::natural_earth;
    use geo::coord;

    fn leg(mode: &str, countries: &[&str], passages: &[&str], coords: &[(f64, f64)]) -> Leg {
        crate::support::test_leg(mode, countries, passages, coords, serde_json::json!({}))
    }

    #[test]
    fn natural_earth_knows_land_from_water() {
        let ne = natural_earth();
        let land = |x, y| ne.land.contains(coord! { x: x, y: y });
        assert!(land(51.39, 35.69), "Tehran is on land");
        assert!(!land(50.5, 42.0), "the middle Caspian is water");
        assert!(!land(65.0, 15.0), "the Arabian Sea is water");
        assert!(land(32.35, 30.6), "the Suez Canal is land at 1:10m");
        let country = |x, y| {
            ne.countries
                .locate(coord! { x: x, y: y })
                .map(|i| ne.countries.features[i].iso2.as_str())
        };
        assert_eq!(country(51.39, 35.69), Some("IR"));
        assert_eq!(country(37.62, 55.75), Some("RU"));
        assert_eq!(country(50.5, 42.0), None);
    }

    #[test]
    fn a_sea_leg_across_arabia_fails() {
        let ne = natural_earth();
        // Gulf of Aden to the Persian Gulf as the crow flies: some 1,500 km over Yemen and Saudi
        // Arabia.
        let l = leg("sea", &[], &[], &[(46.0, 12.5), (50.5, 26.8)]);
        let side = wrong_side(&ne.land, &l.geometry, true, SEA_TRIM_KM);
        assert!(side.consistent);
        assert!(side.wrong_km > 1000.0, "{side:?}");
        let msg = side_failure(ne, &l, false).expect("fails");
        assert!(msg.contains("km on land") && msg.contains("near"), "{msg}");
        // The same line listed as passing Suez is exempt by name.
        let l = leg("sea", &[], &["suez"], &[(46.0, 12.5), (50.5, 26.8)]);
        assert_eq!(side_failure(ne, &l, false), None);
    }

    #[test]
    fn a_sea_leg_on_open_water_passes() {
        let ne = natural_earth();
        // Off Mumbai to the Gulf of Oman, and across the middle Caspian.
        for coords in [
            &[(72.7, 18.9), (66.0, 22.0), (58.8, 24.5)][..],
            &[(50.6, 39.8), (52.3, 41.0)][..],
        ] {
            let l = leg("sea", &[], &[], coords);
            assert_eq!(side_failure(ne, &l, false), None);
            assert_eq!(countries_failure(ne, &l), None);
        }
    }

    #[test]
    fn only_the_port_approaches_may_touch_land() {
        let ne = natural_earth();
        // From Bandar Abbas' waterfront out into the Strait of Hormuz: the first few km cross
        // Natural Earth's coastline (about 4 km of land), within the 5 km a port approach may.
        let ok = leg(
            "sea",
            &[],
            &[],
            &[(56.06, 27.15), (56.25, 27.05), (56.6, 26.75)],
        );
        assert_eq!(side_failure(ne, &ok, false), None);
        // Starting 15 km inland is not a port approach.
        let bad = leg(
            "sea",
            &[],
            &[],
            &[(56.06, 27.3), (56.25, 27.05), (56.6, 26.75)],
        );
        let side = wrong_side(&ne.land, &bad.geometry, true, SEA_TRIM_KM);
        assert!(side.wrong_km > 5.0, "{side:?}");
        assert!(side_failure(ne, &bad, false).is_some());
    }

    #[test]
    fn a_rail_leg_across_the_caspian_fails() {
        let ne = natural_earth();
        let l = leg("rail", &["AZ", "TM"], &[], &[(50.6, 39.8), (52.3, 41.0)]);
        let msg = side_failure(ne, &l, false).expect("fails");
        assert!(msg.contains("km on water"), "{msg}");
        let side = wrong_side(&ne.land, &l.geometry, false, LAND_TRIM_KM);
        assert!(side.wrong_km > 150.0, "{side:?}");
    }

    #[test]
    fn a_sea_leg_cutting_across_musandam_fails() {
        let ne = natural_earth();
        // Straight across the Musandam peninsula (Strait of Hormuz), an overland cut of a few
        // tens of km.
        let l = leg("sea", &[], &[], &[(55.8, 26.0), (57.0, 26.6)]);
        let side = wrong_side(&ne.land, &l.geometry, true, SEA_TRIM_KM);
        assert!(side.wrong_km > 5.0, "{side:?}");
    }

    #[test]
    fn a_rail_leg_declaring_the_wrong_country_fails() {
        let ne = natural_earth();
        // Tehran to Qazvin, all in Iran.
        let coords = [(51.39, 35.69), (50.0, 36.27)];
        assert_eq!(
            countries_failure(ne, &leg("rail", &["IR"], &[], &coords)),
            None
        );
        let msg = countries_failure(ne, &leg("rail", &["AZ"], &[], &coords)).expect("fails");
        assert!(msg.contains("\"IR\""), "{msg}");
        // Yerevan to Tbilisi crosses Armenia, then Georgia: order matters.
        let coords = [(44.51, 40.18), (44.79, 41.72)];
        assert_eq!(
            countries_crossed(&ne.countries, &leg("rail", &[], &[], &coords).geometry, 0.0).0,
            ["AM", "GE"]
        );
        assert!(countries_failure(ne, &leg("rail", &["GE", "AM"], &[], &coords)).is_some());
        assert!(countries_failure(ne, &leg("rail", &["AM"], &[], &coords)).is_some());
    }

    #[test]
    fn sea_legs_declare_no_countries_unless_through_a_filled_channel() {
        let ne = natural_earth();
        let open = leg("sea", &["IR"], &[], &[(58.8, 24.5), (66.0, 22.0)]);
        assert!(countries_failure(ne, &open).is_some());
        // Port Said to Suez along the canal: Natural Earth land of Egypt.
        let canal = [(32.31, 31.25), (32.34, 30.95), (32.33, 30.6), (32.57, 30.0)];
        assert_eq!(
            countries_failure(ne, &leg("sea", &["EG"], &["suez"], &canal)),
            None
        );
        assert!(countries_failure(ne, &leg("sea", &[], &["suez"], &canal)).is_some());
    }
}
