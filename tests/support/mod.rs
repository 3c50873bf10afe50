//! Helpers of the dataset tests: Natural Earth layers traced by crossings ([`layer`]), the
//! land/water and country checks of a leg ([`land`]), the published-length check
//! ([`length_failure`]) and an RFC 7946 lint ([`lint`]).

pub mod land;
pub mod layer;
pub mod lint;

use std::path::PathBuf;
use std::sync::LazyLock;

use corridor::network::Leg;
use corridor::questions::validate::PUBLISHED_TOLERANCE;
use layer::Layer;

/// The Natural Earth reference data of `data/naturalearth/`.
pub struct NaturalEarth {
    /// `land-10m.geojson`: land polygons (the Caspian is a hole, so water).
    pub land: Layer,
    /// `countries-10m.geojson`: one feature per country, property `iso2`.
    pub countries: Layer,
}

fn data_file(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data/naturalearth")
        .join(name)
}

static NATURAL_EARTH: LazyLock<NaturalEarth> = LazyLock::new(|| {
    let (land, countries) = std::thread::scope(|s| {
        let land = s.spawn(|| Layer::load(&data_file("land-10m.geojson")));
        let countries = Layer::load(&data_file("countries-10m.geojson"));
        (land.join().expect("land loads"), countries)
    });
    NaturalEarth { land, countries }
});

/// The Natural Earth layers, loaded once per test binary (both files in parallel).
pub fn natural_earth() -> &'static NaturalEarth {
    &NATURAL_EARTH
}

/// Legs whose real line cannot be drawn from the sources at hand, with the wider bound each is
/// held to and why. They are drawn through the stations or towns whose positions are published
/// and fall short of the published length where the real line winds between them: the
/// Trans-Iranian line's loops and spiral tunnels between Gaduk and Veresk, the descent from
/// Chah Tar to the coast, the mountain road and the unpublished alignment of the new line in
/// Baluchestan. Listed by name, like the canals of the land check, rather than loosening the
/// 10 % rule; a leg here still fails if its gap passes its bound. Drawing them needs track and
/// road geometry (e.g. OpenStreetMap), see data/README.md.
pub const ALIGNMENT_NOT_DRAWN: [(&str, f64, &str); 13] = [
    (
        "rail-bandar-abbas-bafq",
        0.18,
        "descent from Chah Tar to Bandar Abbas not traced",
    ),
    (
        "rail-garmsar-rostamkola",
        0.22,
        "Firuzkuh–Veresk loops and spiral tunnels not traced",
    ),
    (
        "rail-rostamkola-amirabad",
        0.15,
        "curve of the Amirabad branch not traced",
    ),
    (
        "rail-bam-kerman",
        0.13,
        "Jupar and Mahan stations have no published position",
    ),
    (
        "rail-iranshahr-khash",
        0.22,
        "alignment of the line under construction not published; drawn straight",
    ),
    (
        "road-chabahar-zahedan",
        0.26,
        "mountain road drawn town to town",
    ),
    (
        "road-tehran-nowshahr",
        0.29,
        "Chalus road across the Alborz drawn town to town",
    ),
    (
        "rail-chabahar-iranshahr",
        0.32,
        "alignment of the line under construction not published; drawn straight",
    ),
    (
        "rail-karshi-termez",
        0.16,
        "stations of the mountain section (Tashguzar – Boysun – Kumkurgan) have no published position",
    ),
    (
        "rail-friendship-bridge-mazar-i-sharif",
        0.20,
        "no station position published; drawn straight to the estimated Naibabad terminal",
    ),
    ("road-herat-delaram", 0.11, "ring road drawn town to town"),
    (
        "road-delaram-kandahar",
        0.11,
        "ring road drawn town to town",
    ),
    (
        "road-torkham-border-kabul",
        0.15,
        "the Kabul river gorge not traced",
    ),
];

/// The length failure of a leg, if any: a geodesic length (`Leg::length_km`) more than
/// [`PUBLISHED_TOLERANCE`] (10 %), or its bound in [`ALIGNMENT_NOT_DRAWN`], away from its
/// `published_km`.
pub fn length_failure(leg: &Leg) -> Option<String> {
    let p = leg.published_km?;
    let gap = (leg.drawn_km - p) / p;
    let bound = ALIGNMENT_NOT_DRAWN
        .iter()
        .find(|(id, _, _)| *id == leg.id)
        .map_or(PUBLISHED_TOLERANCE, |(_, b, _)| *b);
    (gap.abs() > bound).then(|| {
        format!(
            "{}: geodesic {:.1} km vs published {p} km ({:+.1} %; source: {})",
            leg.id,
            leg.drawn_km,
            gap * 100.0,
            leg.published_source.as_deref().unwrap_or("—")
        )
    })
}

/// A one-leg network built by the crate's own loader (no `from`/`to`: nodes come from the
/// ends), for unit tests with deliberately bad legs. `extra` properties are merged in.
#[cfg(test)]
pub fn test_leg(
    mode: &str,
    countries: &[&str],
    passages: &[&str],
    coords: &[(f64, f64)],
    extra: serde_json::Value,
) -> Leg {
    use corridor::network::{LoadOptions, parse_network};
    let mut props = serde_json::json!({
        "id": format!("test-{mode}"), "mode": mode, "countries": countries,
        "passages": passages, "source": "unit test", "gauge_mm": 1435, "traction": "diesel"
    });
    if let (Some(p), Some(e)) = (props.as_object_mut(), extra.as_object()) {
        p.extend(e.clone());
    }
    let fc = serde_json::json!({
        "type": "FeatureCollection",
        "features": [{
            "type": "Feature",
            "properties": props,
            "geometry": {"type": "LineString", "coordinates": coords.iter().map(|&(x, y)| [x, y]).collect::<Vec<_>>()}
        }]
    });
    let net =
        parse_network(&fc.to_string(), "<test>", &LoadOptions::default()).expect("test leg loads");
    net.into_parts().1.into_iter().next().expect("one leg")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leg_far_from_its_published_length_fails() {
        // Tehran–Qazvin, about 130 km as the crow flies.
        let coords = [(51.39, 35.69), (50.0, 36.27)];
        let ok = test_leg(
            "rail",
            &["IR"],
            &[],
            &coords,
            serde_json::json!({"published_km": 137.0}),
        );
        assert_eq!(length_failure(&ok), None, "{}", ok.drawn_km);
        let bad = test_leg(
            "rail",
            &["IR"],
            &[],
            &coords,
            serde_json::json!({"published_km": 160.0, "published_source": "test"}),
        );
        let msg = length_failure(&bad).expect("fails");
        assert!(
            msg.contains("published 160 km") && msg.contains('%'),
            "{msg}"
        );
        let none = test_leg("rail", &["IR"], &[], &coords, serde_json::json!({}));
        assert_eq!(length_failure(&none), None);
    }
}
