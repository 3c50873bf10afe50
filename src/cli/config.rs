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
use corridor::model::{Assumptions, CostModel, Params, Profiles};
use corridor::network::{LoadOptions, parse_network};
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
    /// Route over legs that are not operational too.
    pub include_planned: bool,
    /// Snap limit for `LON,LAT` places, km.
    pub max_snap_km: f64,
    /// Cargo mass per TEU override, t.
    pub cargo_tonnes: Option<f64>,
}

/// Reads a file named by an option, or returns the embedded text (without copying it).
fn text(
    path: Option<&Path>,
    embedded: &'static str,
    embedded_name: &str,
    what: &str,
) -> Result<(Cow<'static, str>, String)> {
    match path {
        Some(p) => {
            let t = fs::read_to_string(p)
                .with_context(|| format!("cannot read {what} file {}", p.display()))?;
            Ok((Cow::Owned(t), p.display().to_string()))
        }
        None => Ok((Cow::Borrowed(embedded), embedded_name.to_string())),
    }
}

fn load_atlas(g: &Global) -> Result<std::result::Result<Atlas, Error>> {
    let (cor_text, cor_file) = text(
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
            let (net_text, net_file) = text(Some(path), "", "", "network")?;
            parse_network(&net_text, &net_file, &options)
        }
        // The embedded network comes with its leg lengths measured at build time.
        None => embedded::network(&options),
    };
    Ok(network.and_then(|n| Ok(Atlas::new(n, Corridors::parse(&cor_text, &cor_file)?))))
}

impl Config {
    /// Reads and checks everything the options name.
    ///
    /// # Errors
    /// Unreadable files, malformed assumptions or profiles, an unknown profile, a bad
    /// override, an out-of-range number.
    pub fn load(g: &Global) -> Result<Config> {
        if !(g.max_snap_km.is_finite() && g.max_snap_km >= 0.0) {
            bail!(
                "--max-snap-km {}: must be a non-negative number of km",
                g.max_snap_km
            );
        }
        if let Some(t) = g.cargo_tonnes
            && !(t.is_finite() && t > 0.0)
        {
            bail!("--cargo-tonnes {t}: must be a positive number of tonnes");
        }
        let base = match g.assumptions.as_deref() {
            Some(path) => {
                let (a_text, a_file) = text(Some(path), "", "", "assumptions")?;
                Assumptions::parse(&a_text, &a_file)?
            }
            // The embedded assumptions come as a table read at build time.
            None => Assumptions::embedded()?,
        };
        // Parsing the embedded profiles is skipped when nothing names one: it was a tenth of
        // `route compare`'s run (BENCHMARKS.md).
        let profiles = if g.profiles.is_some() || g.profile.is_some() {
            let (p_text, p_file) = text(
                g.profiles.as_deref(),
                embedded::PROFILES,
                embedded::PROFILES_NAME,
                "profiles",
            )?;
            Some(Profiles::parse(&p_text, &p_file)?)
        } else {
            None
        };
        let mut assumptions = base.clone();
        if let (Some(name), Some(profiles)) = (&g.profile, &profiles) {
            profiles.get(name)?.apply(&mut assumptions)?;
        }
        let set = |a: &mut Assumptions| a.apply_overrides(&g.set, "--set").context("--set");
        set(&mut assumptions)?;
        let mut base_assumptions = base;
        set(&mut base_assumptions)?;
        let params = Params::from_assumptions(&assumptions)?.with_cargo_tonnes(g.cargo_tonnes);
        Ok(Config {
            atlas: load_atlas(g)?,
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
