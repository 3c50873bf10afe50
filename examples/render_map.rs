//! Renders a network as an SVG map over Natural Earth land (`corridor::render::map`).
//!
//! ```sh
//! cargo run --release --example render_map -- docs/network.svg            # embedded network
//! cargo run --release --example render_map -- out.svg my-network.geojson  # any network file
//! ```

use std::path::Path;

use corridor::network::{LoadOptions, parse_network};
use corridor::render::map::{self, Basemap};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out), None) = (args.first(), args.get(2)) else {
        return Err("usage: render_map OUT.svg [NETWORK.geojson]".into());
    };
    let (network, title) = match args.get(1) {
        Some(file) => {
            let name = Path::new(file)
                .file_name()
                .map_or(file.clone(), |n| n.to_string_lossy().into_owned());
            (
                parse_network(
                    &std::fs::read_to_string(file)?,
                    file,
                    &LoadOptions::default(),
                )?,
                format!("corridor: {name}"),
            )
        }
        None => (
            corridor::embedded::network(&LoadOptions::default())?,
            "corridor: the embedded network".to_string(),
        ),
    };
    let ne = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/naturalearth");
    let (land, countries) = (
        ne.join("land-50m.geojson"),
        ne.join("countries-10m.geojson"),
    );
    let basemap = Basemap::from_geojson(
        &std::fs::read_to_string(&land)?,
        &land.display().to_string(),
        &std::fs::read_to_string(&countries)?,
        &countries.display().to_string(),
    )?;
    let svg = map::network(&network, &title, &basemap);
    std::fs::write(out, &svg)?;
    eprintln!(
        "wrote {out}: {} nodes, {} legs, {} KB",
        network.nodes().len(),
        network.legs().len(),
        svg.len() / 1024
    );
    Ok(())
}
