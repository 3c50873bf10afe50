//! The one validated configuration of a run: every file read, every option checked, the
//! assumptions in force resolved, before any command does its work (fd's `construct_config`,
//! ripgrep's low → high arguments).

use std::borrow::Cow;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};

use corridor::Error;
use corridor::embedded;
use corridor::error::did_you_mean;
use corridor::model::Objective;
use corridor::model::{Assumptions, CostModel, Params, Profiles, Scenarios, World};
use corridor::network::{LegIx, LoadOptions, Network, Status, parse_network, prepared};
use corridor::provenance::{Input, Provenance};
use corridor::questions::find;
use corridor::routing::{Atlas, Corridors, Target};

use super::args::Global;

/// Everything a command needs, loaded and checked.
pub struct Config {
    /// The network and corridors, or why they do not load (`validate` reports it; every other
    /// command fails with it).
    atlas: std::result::Result<Atlas, Error>,
    /// The assumptions in force: the file, then the profile, then every override.
    pub assumptions: Assumptions,
    /// The assumptions file with the overrides but without the profile (the baseline of
    /// `profiles`).
    pub base_assumptions: Assumptions,
    /// The model's parameters from [`Config::assumptions`], with the cargo mass override.
    pub params: Params,
    /// The profiles file, when one was named or a profile asked for (else read on demand).
    profiles: Option<Profiles>,
    /// The profile asked for, if any (it exists).
    pub profile: Option<String>,
    /// The leg statuses the scenarios in force replaced on the atlas's network.
    replaced: Vec<(LegIx, Status)>,
    /// The assumptions file with the profile, before any scenario or override (what the
    /// backtest starts each world from).
    pub profiled: Assumptions,
    /// The `--set` overrides, in order.
    pub overrides: Vec<String>,
    /// What the scenarios in force change (their leg statuses are set on the atlas, their
    /// values in [`Config::assumptions`]; their avoidances join every request's).
    pub world: World,
    /// The scenarios file, when read.
    scenarios: Option<Scenarios>,
    /// Route over legs that are not operational too.
    pub include_planned: bool,
    /// Snap limit for `LON,LAT` places, km.
    pub max_snap_km: f64,
    /// Cargo mass per TEU override, t.
    pub cargo_tonnes: Option<f64>,
    /// True when `--scenario` was given.
    named_scenario: bool,
    /// The record of this run's inputs and choices, without the objective and draws (each
    /// command adds its own: [`Config::provenance`]).
    provenance: Provenance,
}

/// Reads a file named by an option, or returns the embedded text (without copying it), with
/// the input's record for the provenance.
fn text(
    path: Option<&Path>,
    embedded: &'static str,
    embedded_name: &str,
    role: &'static str,
) -> Result<(Cow<'static, str>, String, Input)> {
    match path {
        // `-`: standard input, as ripgrep and fd read it.
        Some(p) if p.as_os_str() == "-" => {
            let mut t = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut t)
                .with_context(|| format!("cannot read the {role} from standard input"))?;
            let input = Input::file(role, "-", t.as_bytes());
            Ok((Cow::Owned(t), "<stdin>".to_string(), input))
        }
        Some(p) => {
            if role == "network" {
                refuse_blank(p)
                    .with_context(|| format!("cannot read {role} file {}", p.display()))?;
            }
            let t = fs::read_to_string(p)
                .with_context(|| format!("cannot read {role} file {}", p.display()))?;
            let name = p.display().to_string();
            let input = Input::file(role, &name, t.as_bytes());
            Ok((Cow::Owned(t), name, input))
        }
        None => Ok((
            Cow::Borrowed(embedded),
            embedded_name.to_string(),
            Input::embedded(role),
        )),
    }
}

/// The atlas in the world, with the statuses the world replaced.
type Loaded = std::result::Result<(Atlas, Vec<(LegIx, Status)>), Error>;

/// Fails, reading at most 64 KiB at a time, when a network file holds nothing but whitespace,
/// so a huge blank file is refused without being held in memory (it took 1.6 GB before).
fn refuse_blank(path: &Path) -> Result<()> {
    use std::io::Read as _;
    let mut f = fs::File::open(path)?;
    let mut buf = vec![0_u8; 64 * 1024];
    let mut total: u64 = 0;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 && total == 0 {
            bail!("the file is empty");
        }
        if n == 0 {
            bail!("the file holds no data, only {total} bytes of whitespace");
        }
        if buf[..n].iter().any(|b| !b.is_ascii_whitespace()) {
            return Ok(());
        }
        total += n as u64;
    }
}

/// Reads a network file: a prepared network (`route prepare`) by its first bytes, else GeoJSON
/// text; `-` is standard input. The loading error, if any, is returned inside for `validate`.
pub fn read_network(
    path: &Path,
    options: &LoadOptions,
) -> Result<(
    std::result::Result<corridor::network::Network, Error>,
    Input,
)> {
    let (bytes, name) = if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b)
            .context("cannot read the network from standard input")?;
        (b, "<stdin>".to_string())
    } else {
        refuse_blank(path)
            .with_context(|| format!("cannot read network file {}", path.display()))?;
        let b = fs::read(path)
            .with_context(|| format!("cannot read network file {}", path.display()))?;
        (b, path.display().to_string())
    };
    let input = Input::file(
        "network",
        if name == "<stdin>" { "-" } else { &name },
        &bytes,
    );
    if prepared::is_prepared(&bytes) {
        return Ok((prepared::from_bytes(&bytes, &name), input));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow!(
            "cannot read network file {name}: not UTF-8 text (byte {}) and not a prepared network",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok((parse_network(&text, &name, options), input))
}

fn load_atlas(g: &Global, world: &World, inputs: &mut Vec<Input>) -> Result<Loaded> {
    let (cor_text, cor_file, cor_input) = text(
        g.corridors.as_deref(),
        embedded::CORRIDORS,
        embedded::CORRIDORS_NAME,
        "corridors",
    )?;
    let options = LoadOptions {
        default_mode: g.default_mode.map(Into::into),
        ..LoadOptions::default()
    };
    let network = match g.network.as_deref() {
        Some(path) => {
            let (network, input) = read_network(path, &options)?;
            inputs.push(input);
            network
        }
        // The embedded network comes with its leg lengths measured at build time.
        None => {
            inputs.push(Input::embedded("network"));
            embedded::network(&options)
        }
    };
    inputs.push(cor_input);
    Ok(network.and_then(|mut n| {
        let replaced = world.apply_to_network(&mut n)?;
        Ok((
            Atlas::new(n, Corridors::parse(&cor_text, &cor_file)?),
            replaced,
        ))
    }))
}

/// The scenarios asked for: those named, else the file's default scenario for the embedded
/// network (the present) or a scenarios file; none for another network without `--scenario`.
/// Returns what they change, the file, and the ids asked for (or the default's).
fn load_world(
    g: &Global,
    inputs: &mut Vec<Input>,
) -> Result<(World, Option<Scenarios>, Vec<String>)> {
    if g.scenario.is_empty() && g.network.is_some() && g.scenarios.is_none() {
        return Ok((World::default(), None, Vec::new()));
    }
    let (s_text, s_file, input) = text(
        g.scenarios.as_deref(),
        embedded::SCENARIOS,
        embedded::SCENARIOS_NAME,
        "scenarios",
    )?;
    let scenarios = Scenarios::parse(&s_text, &s_file)?;
    inputs.push(input);
    let ids: Vec<String> = if g.scenario.is_empty() {
        scenarios
            .default_scenario()
            .map(|s| s.id.clone())
            .into_iter()
            .collect()
    } else {
        g.scenario.clone()
    };
    let world = scenarios.world(&ids).context("--scenario")?;
    Ok((world, Some(scenarios), ids))
}

impl Config {
    /// Reads and checks everything the options name.
    ///
    /// # Errors
    /// Unreadable files, malformed assumptions or profiles, an unknown profile, a bad
    /// override, an out-of-range number.
    /// `command` is the command line as given, without the program (for the provenance).
    pub fn load(g: &Global, command: String) -> Result<Config> {
        if !(g.max_snap_km.is_finite() && g.max_snap_km >= 0.0) {
            bail!(
                "--max-snap-km {}: must be a non-negative number of km",
                g.max_snap_km
            );
        }
        let tonnes = corridor::model::domain::Domain::of_unit("t/TEU");
        if let Some(t) = g.cargo_tonnes
            && !tonnes.contains(t)
        {
            bail!(
                "--cargo-tonnes {}: cargo per TEU must be {} t",
                corridor::error::show(t),
                tonnes.describe()
            );
        }
        let mut inputs = Vec::new();
        let base = match g.assumptions.as_deref() {
            Some(path) => {
                let (a_text, a_file, input) = text(Some(path), "", "", "assumptions")?;
                inputs.push(input);
                Assumptions::parse(&a_text, &a_file)?
            }
            // The embedded assumptions come as a table read at build time.
            None => {
                inputs.push(Input::embedded("assumptions"));
                Assumptions::embedded()?
            }
        };
        // Parsing the embedded profiles is skipped when nothing names one: it was a tenth of
        // `route compare`'s run (BENCHMARKS.md).
        let profiles = if g.profiles.is_some() || g.profile.is_some() {
            let (p_text, p_file, input) = text(
                g.profiles.as_deref(),
                embedded::PROFILES,
                embedded::PROFILES_NAME,
                "profiles",
            )?;
            inputs.push(input);
            Some(Profiles::parse(&p_text, &p_file)?)
        } else {
            None
        };
        let (world, scenarios, asked) = load_world(g, &mut inputs)?;
        let mut assumptions = base.clone();
        if let (Some(name), Some(profiles)) = (&g.profile, &profiles) {
            profiles.get(name)?.apply(&mut assumptions)?;
        }
        let profiled = assumptions.clone();
        world.apply_to_assumptions(&mut assumptions)?;
        let set = |a: &mut Assumptions| {
            a.apply_overrides(&g.set, "--set").map_err(|e| match e {
                // It names --set already.
                Error::InvalidAssumption { .. } => anyhow::Error::new(e),
                other => anyhow::Error::new(other).context("--set"),
            })
        };
        set(&mut assumptions)?;
        let mut base_assumptions = base;
        set(&mut base_assumptions)?;
        let params = Params::from_assumptions(&assumptions)?.with_cargo_tonnes(g.cargo_tonnes);
        let (atlas, replaced) = match load_atlas(g, &world, &mut inputs)? {
            Ok((atlas, replaced)) => (Ok(atlas), replaced),
            Err(e) => (Err(e), Vec::new()),
        };
        let provenance = Provenance {
            inputs,
            profile: g.profile.clone(),
            scenarios: asked,
            scenarios_in_force: world.scenarios.clone(),
            set: g.set.clone(),
            include_planned: g.include_planned,
            cargo_tonnes: g.cargo_tonnes,
            ..Provenance::new(command)
        };
        Ok(Config {
            atlas,
            replaced,
            profiled,
            overrides: g.set.clone(),
            named_scenario: !g.scenario.is_empty(),
            provenance,
            world,
            scenarios,
            assumptions,
            base_assumptions,
            params,
            profiles,
            profile: g.profile.clone(),
            include_planned: g.include_planned,
            max_snap_km: g.max_snap_km,
            cargo_tonnes: g.cargo_tonnes,
        })
    }

    /// How this run's output is made: the inputs and choices, with the command's objective.
    #[must_use]
    pub fn provenance(&self, objective: Option<Objective>) -> Provenance {
        Provenance {
            objective: objective.map(|o| o.as_str().to_string()),
            ..self.provenance.clone()
        }
    }

    /// The network as loaded, before the scenarios in force changed any status.
    ///
    /// # Errors
    /// Why the atlas did not load.
    pub fn network_before_scenarios(&self) -> Result<Network> {
        let mut net = self.atlas()?.network().clone();
        World::restore(&mut net, &self.replaced);
        Ok(net)
    }

    /// Whether `--scenario` was given (not the default).
    #[must_use]
    pub fn scenario_named(&self) -> bool {
        self.named_scenario
    }

    /// The profiles file (the embedded one unless another was named).
    ///
    /// # Errors
    /// Only if the embedded profiles are broken, which the test suite rules out.
    pub fn profiles(&self) -> Result<Cow<'_, Profiles>> {
        Ok(match &self.profiles {
            Some(p) => Cow::Borrowed(p),
            None => Cow::Owned(Profiles::embedded()?),
        })
    }

    /// The network and corridors.
    ///
    /// # Errors
    /// Why they did not load.
    pub fn atlas(&self) -> Result<&Atlas> {
        self.atlas
            .as_ref()
            .map_err(|e| anyhow!(super::hints::describe(e)))
    }

    /// The network and corridors, or the loading error itself.
    pub fn loaded(&self) -> std::result::Result<&Atlas, &Error> {
        self.atlas.as_ref()
    }

    /// The cost model of the atlas under the parameters in force.
    ///
    /// # Errors
    /// Why the atlas did not load.
    pub fn model(&self) -> Result<CostModel<'_>> {
        Ok(CostModel::new(self.atlas()?.network(), self.params.clone()))
    }

    /// Resolves `--from` and `--to`, noting on stderr where a `LON,LAT` was snapped.
    ///
    /// # Errors
    /// Unknown or ambiguous places, coordinates too far from the network, equal ends.
    pub fn ends(&self, from: &str, to: &str) -> Result<find::Ends> {
        let atlas = self.atlas()?;
        let ends = find::ends(atlas, from, to, self.max_snap_km).map_err(|e| match e {
            Error::SameEnds { from, to, node } => {
                anyhow!("--from {from:?} and --to {to:?} are the same node ({node})")
            }
            other => other.into(),
        })?;
        let net = atlas.network();
        for (flag, node, snap) in [
            ("--from", ends.from, ends.from_snap),
            ("--to", ends.to, ends.to_snap),
        ] {
            if let Some(s) = snap {
                let n = net.node(node);
                eprintln!(
                    "route: {flag} {},{} snapped to {} ({}), {:.1} km away",
                    s.lon, s.lat, n.id, n.name, s.distance_km
                );
            }
        }
        Ok(ends)
    }

    /// The scenarios file (the embedded one unless another was named).
    ///
    /// # Errors
    /// Only if the embedded scenarios are broken, which the test suite rules out.
    pub fn scenarios(&self) -> Result<Cow<'_, Scenarios>> {
        Ok(match &self.scenarios {
            Some(s) => Cow::Borrowed(s),
            None => Cow::Owned(Scenarios::embedded()?),
        })
    }

    /// What a request between `ends` must avoid: the names of `--avoid` and those of the
    /// scenarios in force that its ends are not spared from.
    ///
    /// # Errors
    /// An unknown name, with the closest ones.
    pub fn avoid(&self, names: &[String], ends: &find::Ends) -> Result<Vec<Target>> {
        let mut out = self.targets(names, "--avoid")?;
        let net = self.atlas()?.network();
        let country = |n| net.node(n).country.as_deref();
        for a in self
            .world
            .avoid_between(country(ends.from), country(ends.to))
        {
            out.extend(
                self.targets(std::slice::from_ref(&a.name), "avoid")
                    .with_context(|| format!("scenario {}", a.scenario))?,
            );
        }
        Ok(out)
    }

    /// What the scenarios in force make a request between `ends` avoid, in words
    /// (`scenario red-sea-crisis avoids passage:bab-el-mandeb`), for messages about a missing
    /// route; `None` when they avoid nothing there.
    #[must_use]
    pub fn scenario_avoidances(&self, ends: &find::Ends) -> Option<String> {
        let net = self.atlas().ok()?.network();
        let country = |n| net.node(n).country.as_deref();
        let list: Vec<String> = self
            .world
            .avoid_between(country(ends.from), country(ends.to))
            .iter()
            .map(|a| format!("scenario {} avoids {}", a.scenario, a.name))
            .collect();
        (!list.is_empty()).then(|| list.join(", "))
    }

    /// Resolves the names given to a flag (`--via`, `--avoid`, `--reference`).
    ///
    /// # Errors
    /// An unknown name, with the closest ones.
    pub fn targets(&self, names: &[String], flag: &str) -> Result<Vec<Target>> {
        let atlas = self.atlas()?;
        names
            .iter()
            .map(|n| {
                atlas.target(n).map_err(|e| match e {
                    Error::UnknownName {
                        query,
                        mut suggestions,
                    } => {
                        // A reference is usually a corridor: with nothing close, offer them all.
                        if suggestions.is_empty() && flag == "--reference" {
                            suggestions =
                                atlas.corridors().list().iter().map(|c| c.id.clone()).collect();
                        }
                        anyhow!(
                            "unknown {flag} {query:?}: not a corridor, passage, node, country or mode{}",
                            did_you_mean(&suggestions)
                        )
                    }
                    other => anyhow::Error::new(other).context(format!("{flag} {n:?}")),
                })
            })
            .collect()
    }
}
