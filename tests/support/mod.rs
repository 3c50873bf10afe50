//! Helpers of the dataset tests: Natural Earth layers traced by crossings ([`layer`]), the
//! land/water and country checks of a leg ([`land`]) and an RFC 7946 lint ([`lint`]).

pub mod land;
pub mod layer;
pub mod lint;

use std::path::PathBuf;
use std::sync::LazyLock;

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
