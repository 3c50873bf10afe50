//! `route`: the command-line face of the `corridor` library. It only turns arguments into
//! requests, calls the library and writes the result; all logic lives in the library.

#![forbid(unsafe_code)]

mod cli;

use std::borrow::Cow;
use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Parser;

use corridor::assess::{CostModel, Params};
use corridor::atlas::{Atlas, DEFAULT_CORRIDORS};
use corridor::compare::{self, CompareRequest};
use corridor::corridor::Corridors;
use corridor::find::{self, RouteRequest};
use corridor::network::{LoadOptions, parse_network};
use corridor::profile::{DEFAULT_PROFILES, Profiles};
use corridor::render::{self, Format};
use corridor::{Assumptions, Error};

use cli::{Cli, Command, FormatArg, Inputs, ListWhat, RouteArgs};

/// Exit status: 0 success, 1 no route, 2 usage or input error (as grep and ripgrep do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Ok = 0,
    NoRoute = 1,
    Error = 2,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Output is rendered into memory first, so an error never leaves half a document on stdout.
    let mut out = Vec::new();
    // `run` returning Ok means the output is complete (possibly a report of what failed).
    let (status, complete) = match run(cli, &mut out) {
        Ok(status) => (status, true),
        Err(e) => {
            let no_route = e.downcast_ref::<Error>().is_some_and(Error::is_no_route);
            eprintln!("route: error: {e:#}");
            (
                if no_route {
                    Status::NoRoute
                } else {
                    Status::Error
                },
                false,
            )
        }
    };
    if complete
        && let Err(e) = io::stdout()
            .lock()
            .write_all(&out)
            .and_then(|()| io::stdout().flush())
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("route: error: writing output: {e}");
        return ExitCode::from(Status::Error as u8);
    }
    ExitCode::from(status as u8)
}

/// Reads a file named by an option, or returns the embedded text (without copying it).
fn text(
    path: Option<&Path>,
    embedded: &'static str,
    what: &str,
) -> Result<(Cow<'static, str>, String)> {
    match path {
        Some(p) => {
            let t = fs::read_to_string(p)
                .with_context(|| format!("cannot read {what} file {}", p.display()))?;
            Ok((Cow::Owned(t), p.display().to_string()))
        }
        None => Ok((Cow::Borrowed(embedded), format!("<embedded {what}>"))),
    }
}

fn load_atlas(inputs: &Inputs) -> Result<Atlas> {
    let (cor_text, cor_file) = text(inputs.corridors.as_deref(), DEFAULT_CORRIDORS, "corridors")?;
    let options = LoadOptions {
        default_mode: inputs.default_mode.map(Into::into),
        ..LoadOptions::default()
    };
    let network = match inputs.network.as_deref() {
        Some(path) => {
            let (net_text, net_file) = text(Some(path), "", "network")?;
            parse_network(&net_text, &net_file, &options)?
        }
        // The embedded network comes with its leg lengths measured at build time.
        None => corridor::atlas::embedded_network(&options)?,
    };
    let corridors = Corridors::parse(&cor_text, &cor_file)?;
    Ok(Atlas::new(network, corridors))
}

/// The assumptions file (or the embedded table), before any profile or `--set`.
fn base_assumptions(inputs: &Inputs) -> Result<Assumptions> {
    Ok(match inputs.assumptions.as_deref() {
        Some(path) => {
            let (a_text, a_file) = text(Some(path), "", "assumptions")?;
            Assumptions::parse(&a_text, &a_file)?
        }
        // The embedded assumptions come as a table read at build time.
        None => Assumptions::embedded()?,
    })
}

/// The assumptions in force: the file, then `--profile`, then every `--set`.
fn load_assumptions(inputs: &Inputs) -> Result<Assumptions> {
    let mut a = base_assumptions(inputs)?;
    if let Some(name) = &inputs.profile {
        load_profiles(inputs)?.get(name)?.apply(&mut a)?;
    }
    a.apply_overrides(&inputs.set)?;
    Ok(a)
}

fn load_profiles(inputs: &Inputs) -> Result<Profiles> {
    let (p_text, p_file) = text(inputs.profiles.as_deref(), DEFAULT_PROFILES, "profiles")?;
    Ok(Profiles::parse(&p_text, &p_file)?)
}

/// `--cargo-tonnes`, checked.
fn cargo_tonnes(inputs: &Inputs) -> Result<Option<f64>> {
    match inputs.cargo_tonnes {
        Some(t) if !(t.is_finite() && t > 0.0) => {
            bail!("--cargo-tonnes {t}: must be a positive number of tonnes")
        }
        t => Ok(t),
    }
}

/// The assumptions in force and the model parameters resolved from them.
fn load_params(inputs: &Inputs) -> Result<(Assumptions, Params)> {
    let assumptions = load_assumptions(inputs)?;
    let params = Params::from_assumptions(&assumptions)?.with_cargo_tonnes(cargo_tonnes(inputs)?);
    Ok((assumptions, params))
}

fn route_request(
    from: String,
    to: String,
    args: &RouteArgs,
    inputs: &Inputs,
) -> Result<RouteRequest> {
    if !(inputs.max_snap_km.is_finite() && inputs.max_snap_km >= 0.0) {
        bail!(
            "--max-snap-km {}: must be a non-negative number of km",
            inputs.max_snap_km
        );
    }
    Ok(RouteRequest {
        from,
        to,
        via: args.via.clone(),
        avoid: args.avoid.clone(),
        objective: args.by.into(),
        include_planned: inputs.include_planned,
        max_snap_km: inputs.max_snap_km,
    })
}

/// Runs a command, rendering into `out`. `Ok(Status::Error)` means "write the output, then fail"
/// (a validation report that found problems).
fn run(cli: Cli, out: &mut Vec<u8>) -> Result<Status> {
    let inputs = &cli.inputs;
    match cli.command {
        Command::Compare(args) => {
            let atlas = load_atlas(inputs)?;
            let (assumptions, params) = load_params(inputs)?;
            let model = CostModel::new(&atlas.network, params);
            let req = CompareRequest {
                route: route_request(args.ends.from, args.ends.to, &args.route, inputs)?,
                reference: args.ends.reference,
            };
            let mut c = compare::compare(&atlas, &model, &req)?;
            for n in &c.notes {
                eprintln!("route: {n}");
            }
            if let Some(samples) = args.samples {
                // Draws are kept to compute percentiles: 32 bytes per route and draw.
                const MAX_SAMPLES: usize = 5_000_000;
                if samples == 0 || samples > MAX_SAMPLES {
                    bail!("--samples {samples}: give between 1 and {MAX_SAMPLES} draws");
                }
                let labels: Vec<String> = c.routes.iter().map(|r| r.route.label.clone()).collect();
                let bar = indicatif::ProgressBar::new(samples as u64);
                bar.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{msg} {bar:40} {pos}/{len} draws ({eta})",
                    )
                    .expect("valid template"),
                );
                bar.set_message("Monte Carlo");
                let u = corridor::montecarlo::run(
                    &atlas.network,
                    &assumptions,
                    cargo_tonnes(inputs)?,
                    &c.paths,
                    &labels,
                    samples,
                    args.seed,
                    |done| bar.set_position(done as u64),
                )?;
                bar.finish_and_clear();
                c.uncertainty = Some(u);
            }
            match Format::from(args.route.format) {
                Format::Table => render::table::comparison(&c, out)?,
                Format::Json => render::json(&c, out)?,
                Format::Geojson => render::geojson::comparison(&c, out)?,
            }
            // The process ends next: freeing thousands of small allocations one by one would
            // be a measurable part of `route compare`'s run time (BENCHMARKS.md).
            std::mem::forget(c);
            std::mem::forget(model);
            std::mem::forget(atlas);
        }
        Command::Find(args) => {
            let atlas = load_atlas(inputs)?;
            let (_, params) = load_params(inputs)?;
            let model = CostModel::new(&atlas.network, params);
            let req = route_request(args.from, args.to, &args.route, inputs)?;
            let (r, notes) = find::find(&atlas, &model, &req)?;
            for n in &notes {
                eprintln!("route: {n}");
            }
            match Format::from(args.route.format) {
                Format::Table => render::table::route(&r, out)?,
                Format::Json => render::json(&r, out)?,
                Format::Geojson => render::geojson::route(&r, out)?,
            }
        }
        Command::Sensitivity(args) => {
            let atlas = load_atlas(inputs)?;
            // Resolving the parameters once checks that the assumptions hold every key.
            let (assumptions, _) = load_params(inputs)?;
            let route_args = RouteArgs {
                via: vec![args.via.clone()],
                avoid: args.avoid.clone(),
                by: args.by,
                format: args.format,
            };
            let req = CompareRequest {
                route: route_request(args.ends.from, args.ends.to, &route_args, inputs)?,
                reference: args.ends.reference,
            };
            let s = corridor::sensitivity::run(
                &atlas,
                &assumptions,
                cargo_tonnes(inputs)?,
                &req,
                args.metric.into(),
            )?;
            match args.format {
                FormatArg::Json => render::json(&s, out)?,
                FormatArg::Table => render::table::sensitivity(&s, args.top, out)?,
                FormatArg::Geojson => bail!("sensitivity supports --format table or json"),
            }
        }
        Command::List { what, format } => {
            let atlas = load_atlas(inputs)?;
            let net = &atlas.network;
            if format == FormatArg::Geojson {
                bail!("list supports --format table or json; use `route export` for GeoJSON");
            }
            let json = format == FormatArg::Json;
            match what {
                ListWhat::Nodes if json => render::json(&list_nodes(net), out)?,
                ListWhat::Nodes => render::table::nodes(net, out)?,
                ListWhat::Legs if json => render::json(&list_legs(net), out)?,
                ListWhat::Legs => render::table::legs(net, out)?,
                ListWhat::Corridors if json => render::json(&atlas.corridors.list, out)?,
                ListWhat::Corridors => render::table::corridors(&atlas.corridors, out)?,
                ListWhat::Passages if json => render::json(&net.passages(), out)?,
                ListWhat::Passages => render::table::passages(net, out)?,
            }
        }
        Command::Validate => return validate(inputs, out),
        Command::Export => {
            let atlas = load_atlas(inputs)?;
            render::geojson::network(&atlas.network, out)?;
        }
        Command::Assumptions { format } => {
            let a = load_assumptions(inputs)?;
            match format {
                FormatArg::Json => render::json(&a.params(), out)?,
                FormatArg::Table => render::table::assumptions(&a, out)?,
                FormatArg::Geojson => bail!("assumptions supports --format table or json"),
            }
        }
        Command::Profiles { format } => {
            let atlas = load_atlas(inputs)?;
            let profiles = load_profiles(inputs)?;
            if let Some(name) = &inputs.profile {
                profiles.get(name)?;
            }
            // The baseline is the assumptions file with --set applied, without --profile.
            let mut defaults = base_assumptions(inputs)?;
            defaults.apply_overrides(&inputs.set)?;
            let checks = profiles
                .list
                .iter()
                .filter(|p| inputs.profile.as_ref().is_none_or(|n| *n == p.name))
                .map(|p| corridor::profile::check(&atlas, &defaults, p))
                .collect::<corridor::Result<Vec<_>>>()?;
            match format {
                FormatArg::Json => render::json(&checks, out)?,
                FormatArg::Table => render::table::profiles(&checks, out)?,
                FormatArg::Geojson => bail!("profiles supports --format table or json"),
            }
        }
    }
    Ok(Status::Ok)
}

fn list_nodes(net: &corridor::network::Network) -> Vec<serde_json::Value> {
    net.nodes
        .iter()
        .map(|n| {
            serde_json::json!({
                "id": n.id, "name": n.name, "aliases": n.aliases, "kind": n.kind.as_str(),
                "country": n.country, "locode": n.locode, "passage": n.passage,
                "lon": n.position.x(), "lat": n.position.y(),
            })
        })
        .collect()
}

fn list_legs(net: &corridor::network::Network) -> Vec<serde_json::Value> {
    net.legs
        .iter()
        .map(|l| {
            serde_json::json!({
                "id": l.id, "name": l.name, "from": net.node(l.from).id, "to": net.node(l.to).id,
                "mode": l.mode, "status": l.status.as_str(), "countries": l.countries,
                "gauge_mm": l.gauge_mm, "passages": l.passages, "distance_km": l.length_km,
                "published_km": l.published_km, "source": l.source,
            })
        })
        .collect()
}

fn validate(inputs: &Inputs, out: &mut Vec<u8>) -> Result<Status> {
    let atlas = match load_atlas(inputs) {
        Ok(a) => a,
        Err(e) => {
            // Loading problems are the report: print them on stdout, one per line.
            writeln!(out, "{e:#}")?;
            writeln!(out, "FAILED")?;
            eprintln!("route: error: the network did not load; see the report on stdout");
            return Ok(Status::Error);
        }
    };
    let report = corridor::validate::check(&atlas);
    writeln!(out, "{report}")?;
    let assumptions = load_assumptions(inputs)?;
    Params::from_assumptions(&assumptions)?;
    writeln!(
        out,
        "assumptions: {} parameters, all the model needs are present",
        assumptions.params().len()
    )?;
    if report.is_ok() {
        Ok(Status::Ok)
    } else {
        eprintln!(
            "route: error: {} problem(s); see the report on stdout",
            report.errors.len()
        );
        Ok(Status::Error)
    }
}
