//! `route compare`: the INSTC beside the best route through each other corridor.

use std::io::Write;

use anyhow::{Result, bail};

use corridor::questions::compare::{self, Comparison, Request};
use corridor::questions::montecarlo::{self, Draws};
use corridor::render;

use crate::cli::Status;
use crate::cli::args::{CompareArgs, CompareFormat};
use crate::cli::config::Config;

/// Most Monte Carlo draws, for the time they take: 200,000 draws took 0.73 s for `--via suez`
/// and 1.52 s for every corridor (`/usr/bin/time`, release build, 16 and 28 MB: the
/// percentiles come from a reservoir of 100,000 draws, so memory stops growing there;
/// 5,000,000 draws had taken 63 s and 610 MB). The help says so.
const MAX_SAMPLES: usize = 200_000;

pub fn run(config: &Config, args: &CompareArgs, out: &mut impl Write) -> Result<Status> {
    let atlas = config.atlas()?;
    let model = config.model()?;
    let ends = config.ends(&args.ends.from, &args.ends.to)?;
    let reference = config
        .targets(std::slice::from_ref(&args.ends.reference), "--reference")?
        .remove(0);
    let req = Request {
        from: ends.from,
        to: ends.to,
        reference,
        others: config.targets(&args.route.via, "--via")?,
        avoid: config.avoid(&args.route.avoid, &ends)?,
        objective: args.route.by.into(),
        include_planned: config.include_planned,
    };
    if let Some(samples) = args.samples
        && (samples == 0 || samples > MAX_SAMPLES)
    {
        bail!("--samples {samples}: give between 1 and {MAX_SAMPLES} draws");
    }
    if args.samples.is_some()
        && !matches!(
            args.format,
            CompareFormat::Table | CompareFormat::Json | CompareFormat::Markdown
        )
    {
        bail!(
            "--samples adds percentiles to the table, JSON or Markdown; --format {} has no place for them",
            format!("{:?}", args.format).to_lowercase()
        );
    }
    let seed = args.seed.unwrap_or(1);
    let mut c = compare::run(atlas, &model, &req).map_err(|e| {
        if e.is_no_route() {
            // The reference cannot be routed (`--avoid IR` with the INSTC): say what to change.
            let other = args
                .route
                .via
                .first()
                .map_or("suez", String::as_str)
                .to_string();
            anyhow::Error::new(e).context(format!(
                "the reference {} has no route here; compare against another with --reference (e.g. --reference {other})",
                args.ends.reference
            ))
        } else {
            e.into()
        }
    })?;
    if let Some(k) = args.alternatives.filter(|&k| k > 1) {
        compare::add_alternatives(atlas, &model, &req, &mut c, usize::from(k))?;
    }
    if let Some(note) = config.scenario_avoidances(&ends) {
        for u in &mut c.unavailable {
            u.reason = format!("{}; {note}", u.reason);
        }
    }
    if let Some(samples) = args.samples {
        c.uncertainty = Some(uncertainty(config, &c, samples, seed)?);
    }
    let mut p = config.provenance(Some(req.objective));
    if let Some(samples) = args.samples {
        (p.samples, p.seed) = (Some(samples), Some(seed));
    }
    match args.format {
        CompareFormat::Csv => render::csv::comparison(&c, &p, out)?,
        CompareFormat::Table | CompareFormat::Markdown => {
            let markdown = args.format == CompareFormat::Markdown;
            render::table::set_layout(render::table::width(), markdown);
            render::table::comparison(&c, out)?;
            render::table::provenance(&p, out)?;
        }
        CompareFormat::Json => render::json::answer(&c, &p, out)?,
        CompareFormat::Geojson => render::geojson::comparison(&c, &p, out)?,
        CompareFormat::Svg => {
            let routes: Vec<_> = c.routes.iter().map(|r| &r.route).collect();
            let title = format!(
                "{} → {}, each route the best by {}",
                c.from.name, c.to.name, c.objective
            );
            let land = render::map::Basemap::embedded_land()?;
            out.write_all(render::map::routes(&routes, &title, &land).as_bytes())?;
        }
        CompareFormat::Url => {
            let routes: Vec<_> = c.routes.iter().map(|r| &r.route).collect();
            writeln!(out, "{}", render::url::geojson_io(&routes)?)?;
        }
    }
    Ok(Status::Ok)
}

fn uncertainty(
    config: &Config,
    c: &Comparison,
    samples: usize,
    seed: u64,
) -> Result<montecarlo::Uncertainty> {
    let bar = indicatif::ProgressBar::new(samples as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} draws ({eta})")
            .expect("valid template"),
    );
    bar.set_message("Monte Carlo");
    let u = montecarlo::run(
        config.atlas()?.network(),
        &config.assumptions,
        config.cargo_tonnes,
        c,
        Draws { samples, seed },
        |done| bar.set_position(done as u64),
    )?;
    bar.finish_and_clear();
    Ok(u)
}
