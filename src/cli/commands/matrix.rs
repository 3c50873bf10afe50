//! `route matrix`: every origin with every destination through each corridor.

use std::io::Write;

use anyhow::{Context, Result, bail};

use corridor::network::NodeIx;
use corridor::questions::find::Ends;
use corridor::questions::matrix::{self, INSTC_DESTINATIONS, INSTC_DESTINATIONS_PRESET, Request};
use corridor::render;
use corridor::routing::Target;

use crate::cli::Status;
use crate::cli::args::{MatrixArgs, MatrixFormat};
use crate::cli::config::Config;

/// Most pairs one matrix may hold (each pair is a line of output per corridor).
const MAX_PAIRS: usize = 10_000;

/// The places of a list flag: each value split at commas, a `LON,LAT` pair kept together, the
/// preset expanded.
fn places(values: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let number = |s: &str| s.trim().parse::<f64>().is_ok();
    for v in values {
        let parts: Vec<&str> = v.split(',').map(str::trim).collect();
        let mut i = 0;
        while i < parts.len() {
            if i + 1 < parts.len() && number(parts[i]) && number(parts[i + 1]) {
                out.push(format!("{},{}", parts[i], parts[i + 1]));
                i += 2;
                continue;
            }
            match parts[i] {
                "" => {}
                p if p.eq_ignore_ascii_case(INSTC_DESTINATIONS_PRESET) => {
                    out.extend(INSTC_DESTINATIONS.iter().map(|s| (*s).to_string()));
                }
                p => out.push(p.to_string()),
            }
            i += 1;
        }
    }
    out
}

/// Resolves each place, noting on stderr where a `LON,LAT` was snapped.
fn resolve(config: &Config, texts: &[String], flag: &str) -> Result<Vec<NodeIx>> {
    let atlas = config.atlas()?;
    if texts.is_empty() {
        bail!("{flag}: give at least one place");
    }
    texts
        .iter()
        .map(|t| {
            let r = corridor::questions::find::end(atlas, t, config.max_snap_km)
                .with_context(|| format!("{flag} {t:?}"))?;
            if let Some(s) = r.snap {
                let n = atlas.network().node(r.node);
                eprintln!(
                    "route: {flag} {},{} snapped to {} ({}), {:.1} km away",
                    s.lon, s.lat, n.id, n.name, s.distance_km
                );
            }
            Ok(r.node)
        })
        .collect()
}

pub fn run(config: &Config, args: &MatrixArgs, out: &mut impl Write) -> Result<Status> {
    let atlas = config.atlas()?;
    let model = config.model()?;
    let origins = resolve(config, &places(&args.from), "--from")?;
    let destinations = resolve(config, &places(&args.to), "--to")?;
    let pairs = origins.len() * destinations.len();
    if pairs > MAX_PAIRS {
        bail!("{pairs} pairs: a matrix holds at most {MAX_PAIRS}");
    }
    let reference = config
        .targets(std::slice::from_ref(&args.reference), "--reference")?
        .remove(0);
    let mut corridors = vec![reference.clone()];
    if args.via.is_empty() {
        corridors.extend(
            atlas
                .corridors()
                .list()
                .iter()
                .filter(|c| !matches!(&reference, Target::Corridor(r) if r.id == c.id))
                .cloned()
                .map(Target::Corridor),
        );
    } else {
        corridors.extend(config.targets(&args.via, "--via")?);
    }
    let mut avoid = Vec::with_capacity(pairs);
    for &from in &origins {
        for &to in &destinations {
            let ends = Ends {
                from,
                to,
                from_snap: None,
                to_snap: None,
            };
            avoid.push(config.avoid(&args.avoid, &ends)?);
        }
    }
    let req = Request {
        origins,
        destinations,
        corridors,
        avoid,
        objective: args.by.into(),
        include_planned: config.include_planned,
    };
    let m = matrix::run(atlas, &model, &req)?;
    let p = config.provenance(Some(req.objective));
    match args.format {
        MatrixFormat::Table | MatrixFormat::Markdown => {
            let markdown = args.format == MatrixFormat::Markdown;
            render::table::set_layout(render::table::width(), markdown);
            render::table::matrix(&m, out)?;
            render::table::provenance(&p, out)?;
        }
        MatrixFormat::Csv => render::csv::matrix(&m, &p, out)?,
        MatrixFormat::Json => render::json::answer(&m, &p, out)?,
        MatrixFormat::Geojson => render::geojson::matrix(&m, &p, out)?,
        MatrixFormat::Svg => {
            let routes: Vec<_> = m
                .pairs
                .iter()
                .flat_map(|p| &p.routes)
                .map(|c| &c.route)
                .collect();
            let title = format!("{} pairs × {} corridors", m.pairs.len(), m.corridors.len());
            let land = render::map::Basemap::embedded_land()?;
            out.write_all(render::map::routes(&routes, &title, &land).as_bytes())?;
        }
    }
    let routed = m.pairs.iter().any(|pair| !pair.routes.is_empty());
    Ok(if routed { Status::Ok } else { Status::NoRoute })
}

#[cfg(test)]
mod tests {
    use super::places;

    #[test]
    fn lists_split_at_commas_but_coordinates_stay_whole() {
        let v = |s: &[&str]| s.iter().map(|x| (*x).to_string()).collect::<Vec<_>>();
        assert_eq!(
            places(&v(&[
                "Nhava Sheva,Mundra",
                "72.9,18.9",
                "Baku, 49.8,40.4,Minsk"
            ])),
            v(&[
                "Nhava Sheva",
                "Mundra",
                "72.9,18.9",
                "Baku",
                "49.8,40.4",
                "Minsk"
            ])
        );
        assert_eq!(places(&v(&["instc-destinations"])).len(), 12);
    }
}
