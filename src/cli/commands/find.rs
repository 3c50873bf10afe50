//! `route find`: one route, leg by leg; or one route per line for a file of pairs.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

use corridor::provenance::Input;
use corridor::questions::find::{self, Request};
use corridor::render;
use corridor::routing::Router;

use crate::cli::args::{FindArgs, FindFormat};
use crate::cli::config::Config;
use crate::cli::{Status, hints};

pub fn run(config: &Config, args: &FindArgs, out: &mut impl Write) -> Result<Status> {
    if let Some(pairs) = &args.pairs {
        return batch(config, args, pairs, out);
    }
    let (Some(from), Some(to)) = (&args.from, &args.to) else {
        bail!("give --from and --to, or --pairs FILE");
    };
    let model = config.model()?;
    let mut router = Router::new();
    if let Some(k) = args.alternatives.filter(|&k| k > 1) {
        return alternatives(config, args, from, to, usize::from(k), out);
    }
    let r = one(config, args, from, to, &model, &mut router)?;
    let p = config.provenance(Some(args.route.by.into()));
    match args.format {
        FindFormat::Csv => render::csv::route(&r, &p, out)?,
        FindFormat::Table | FindFormat::Markdown => {
            let markdown = args.format == FindFormat::Markdown;
            render::table::set_layout(render::table::width(), markdown);
            render::table::route(&r, out)?;
            render::table::provenance(&p, out)?;
        }
        FindFormat::Json => render::json::answer(&r, &p, out)?,
        FindFormat::Geojson => render::geojson::route(&r, &p, out)?,
        FindFormat::Url => writeln!(out, "{}", render::url::geojson_io(&[&r])?)?,
        FindFormat::Svg => {
            let land = render::map::Basemap::embedded_land()?;
            out.write_all(render::map::routes(&[&r], &r.label, &land).as_bytes())?;
        }
    }
    Ok(Status::Ok)
}

/// The request for one pair, with the scenarios' avoidances for its ends.
fn request(
    config: &Config,
    args: &FindArgs,
    from: &str,
    to: &str,
) -> Result<(find::Ends, Request)> {
    let ends = config.ends(from, to)?;
    let req = Request {
        from: ends.from,
        to: ends.to,
        via: config.targets(&args.route.via, "--via")?,
        avoid: config.avoid(&args.route.avoid, &ends)?,
        objective: args.route.by.into(),
        include_planned: config.include_planned,
    };
    Ok((ends, req))
}

/// Up to `k` different routes, best first.
fn alternatives(
    config: &Config,
    args: &FindArgs,
    from: &str,
    to: &str,
    k: usize,
    out: &mut impl Write,
) -> Result<Status> {
    let atlas = config.atlas()?;
    let model = config.model()?;
    let (ends, req) = request(config, args, from, to)?;
    let net = atlas.network();
    let label = format!("{} → {}", net.node(req.from).name, net.node(req.to).name);
    let routes: Vec<_> = corridor::questions::alternatives::routes(
        atlas,
        &model,
        &mut Router::new(),
        &req,
        &req.via,
        k,
        &label,
        None,
    )
    .map_err(|e| match config.scenario_avoidances(&ends) {
        Some(note) if e.is_no_route() => anyhow::Error::new(e).context(note),
        _ => e.into(),
    })?
    .into_iter()
    .map(|(_, r)| r)
    .collect();
    let p = config.provenance(Some(args.route.by.into()));
    match args.format {
        FindFormat::Csv => {
            for r in &routes {
                render::csv::route(r, &p, out)?;
            }
        }
        FindFormat::Table | FindFormat::Markdown => {
            let markdown = args.format == FindFormat::Markdown;
            render::table::set_layout(render::table::width(), markdown);
            for (i, r) in routes.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                writeln!(out, "Route {} of {}", i + 1, routes.len())?;
                render::table::route(r, out)?;
            }
            render::table::provenance(&p, out)?;
        }
        FindFormat::Json => {
            render::json::answer(&serde_json::json!({ "routes": routes }), &p, out)?;
        }
        FindFormat::Geojson => render::geojson::routes(&routes, &p, out)?,
        FindFormat::Url => {
            let rs: Vec<_> = routes.iter().collect();
            writeln!(out, "{}", render::url::geojson_io(&rs)?)?;
        }
        FindFormat::Svg => {
            let rs: Vec<_> = routes.iter().collect();
            let land = render::map::Basemap::embedded_land()?;
            out.write_all(render::map::routes(&rs, &label, &land).as_bytes())?;
        }
    }
    Ok(Status::Ok)
}

/// One route, with the scenario's avoidances for its ends and a note when they left none.
fn one(
    config: &Config,
    args: &FindArgs,
    from: &str,
    to: &str,
    model: &corridor::model::CostModel<'_>,
    router: &mut Router,
) -> Result<corridor::model::RouteReport> {
    let atlas = config.atlas()?;
    let (ends, req) = request(config, args, from, to)?;
    find::run_with(atlas, model, router, &req).map_err(|e| {
        match config.scenario_avoidances(&ends) {
            Some(note) if e.is_no_route() => anyhow::Error::new(e).context(note),
            _ => e.into(),
        }
    })
}

/// The pairs of a CSV file (two columns, an optional `from,to` header), and the file's record
/// for the provenance.
fn read_pairs(path: &Path) -> Result<(Vec<(String, String)>, Input)> {
    let bytes = if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b)
            .context("cannot read the pairs from standard input")?;
        b
    } else {
        std::fs::read(path).with_context(|| format!("cannot read pairs file {}", path.display()))?
    };
    let input = Input::file("pairs", &path.display().to_string(), &bytes);
    let reader = bytes.as_slice();
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(reader);
    let mut pairs = Vec::new();
    for (i, record) in csv.records().enumerate() {
        let record =
            record.with_context(|| format!("pairs file {}: line {}", path.display(), i + 1))?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() != 2 {
            bail!(
                "pairs file {}: line {} has {} field(s); each line is origin,destination",
                path.display(),
                i + 1,
                record.len()
            );
        }
        let (a, b) = (record[0].to_string(), record[1].to_string());
        if i == 0 && a.eq_ignore_ascii_case("from") && b.eq_ignore_ascii_case("to") {
            continue;
        }
        pairs.push((a, b));
    }
    Ok((pairs, input))
}

/// One line per pair, in file order: the route, or why there is none (no route, an unknown
/// place). Exit status 1 when any pair has no route.
fn batch(config: &Config, args: &FindArgs, path: &Path, out: &mut impl Write) -> Result<Status> {
    if !matches!(args.format, FindFormat::Table | FindFormat::Json) {
        bail!("--pairs writes one route per line: give --format table or json");
    }
    let (pairs, input) = read_pairs(path)?;
    let model = config.model()?;
    let mut router = Router::new();
    let mut missed = false;
    for (from, to) in &pairs {
        let r = one(config, args, from, to, &model, &mut router);
        missed |= r.is_err();
        match (args.format, r) {
            (FindFormat::Json, Ok(r)) => {
                serde_json::to_writer(&mut *out, &r)?;
                writeln!(out)?;
            }
            (FindFormat::Json, Err(e)) => {
                let line = serde_json::json!({"from": from, "to": to, "error": hints::message(&e)});
                writeln!(out, "{line}")?;
            }
            (_, Ok(r)) => render::table::route_line(&r, out)?,
            (_, Err(e)) => writeln!(out, "{from} → {to}: {}", hints::message(&e))?,
        }
    }
    let mut p = config.provenance(Some(args.route.by.into()));
    p.inputs.push(input);
    match args.format {
        FindFormat::Json => writeln!(out, "{}", serde_json::json!({ "provenance": p }))?,
        _ => render::table::provenance(&p, out)?,
    }
    Ok(if missed { Status::NoRoute } else { Status::Ok })
}
