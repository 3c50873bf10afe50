//! Profiles: named sets of assumption overrides that reproduce a published study, with the
//! study's own results so that tests (and users) can see how close the model lands.

use super::assumptions::Assumptions;
use super::assumptions_file::Entries;
use super::metrics::Objective;
use crate::embedded;
use crate::error::{Error, Result};

/// A published result a profile should reproduce.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Expectation {
    /// The study's name for the route.
    pub label: String,
    /// Corridor id the route is computed through.
    pub corridor: String,
    /// Origin place.
    pub from: String,
    /// Destination place.
    pub to: String,
    /// Published door-to-door time, days.
    pub time_days: Option<f64>,
    /// Published cost per TEU, USD.
    pub cost_usd: Option<f64>,
    /// Where the published figure comes from.
    pub source: Option<String>,
    /// Further places the study's route passed (`--via` names), beyond the corridor.
    pub via: Vec<String>,
    /// What the study's route did not use (`--avoid` names).
    pub avoid: Vec<String>,
    /// What the route is chosen by (`time` unless the study's route is better matched
    /// otherwise, e.g. `cost` for a shipment that took the cheapest rail line).
    pub by: Objective,
}

/// One profile.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Profile {
    /// Name used with `--profile`.
    pub name: String,
    /// What the profile stands for.
    pub description: String,
    /// The study it reproduces.
    pub source: String,
    /// Assumption overrides, in file order.
    pub set: Vec<(String, f64)>,
    /// Published results.
    pub expect: Vec<Expectation>,
}

impl Profile {
    /// Applies the profile's overrides to `a`.
    ///
    /// # Errors
    /// [`Error::UnknownAssumption`] if the profile names a key the assumptions lack.
    pub fn apply(&self, a: &mut Assumptions) -> Result<()> {
        let origin = format!("profile {}", self.name);
        for (k, v) in &self.set {
            a.set(k, *v, &origin)?;
        }
        Ok(())
    }
}

/// All profiles of a file.
#[derive(Debug, Clone, Default)]
pub struct Profiles {
    list: Vec<Profile>,
}

/// A profile as written in the file.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileTable {
    #[serde(default)]
    description: String,
    #[serde(default)]
    source: String,
    /// Quoted dotted keys: `"speed.sea.container" = 13.2`.
    #[serde(default)]
    set: Entries<f64>,
    #[serde(default)]
    expect: Vec<ExpectTable>,
}

/// A published result as written in the file.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectTable {
    label: String,
    corridor: String,
    from: String,
    to: String,
    time_days: Option<f64>,
    cost_usd: Option<f64>,
    source: Option<String>,
    #[serde(default)]
    via: Vec<String>,
    #[serde(default)]
    avoid: Vec<String>,
    #[serde(default)]
    by: Objective,
}

impl Profiles {
    /// The embedded profiles.
    ///
    /// # Errors
    /// Only if the embedded file is broken, which the test suite rules out.
    pub fn embedded() -> Result<Profiles> {
        Profiles::parse(embedded::PROFILES, embedded::PROFILES_NAME)
    }

    /// Parses a profiles TOML file: one table per profile with `description`, `source`, a
    /// `set` table of `"key" = number` and an array `expect` of published results.
    ///
    /// # Errors
    /// [`Error::DataFile`] with line and column for malformed TOML, an unknown key or a value
    /// of the wrong type.
    pub fn parse(text: &str, file: &str) -> Result<Profiles> {
        let Entries(tables): Entries<ProfileTable> =
            toml::from_str(text).map_err(|e| Error::toml(file, text, &e, None))?;
        let list = tables
            .into_iter()
            .map(|(name, t)| Profile {
                name,
                description: t.description,
                source: t.source,
                set: t.set.0,
                expect: t
                    .expect
                    .into_iter()
                    .map(|e| Expectation {
                        label: e.label,
                        corridor: e.corridor,
                        from: e.from,
                        to: e.to,
                        time_days: e.time_days,
                        cost_usd: e.cost_usd,
                        source: e.source,
                        via: e.via,
                        avoid: e.avoid,
                        by: e.by,
                    })
                    .collect(),
            })
            .collect();
        Ok(Profiles { list })
    }

    /// All profiles, in file order.
    #[must_use]
    pub fn list(&self) -> &[Profile] {
        &self.list
    }

    /// The profile with this name.
    ///
    /// # Errors
    /// [`Error::UnknownProfile`] listing the known names.
    pub fn get(&self, name: &str) -> Result<&Profile> {
        self.list
            .iter()
            .find(|p| p.name == name)
            .ok_or_else(|| Error::UnknownProfile {
                name: name.to_string(),
                known: self.list.iter().map(|p| p.name.clone()).collect(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_key_names_its_line() {
        let e = Profiles::parse(
            "[p]\ndescription = \"x\"\n[[p.expect]]\nlabel = \"a\"\ncoridor = \"suez\"\n",
            "p.toml",
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("p.toml:5:1: unknown field `coridor`"),
            "{e}"
        );
        let e = Profiles::parse("[p.set]\n\"dwell.port_call\" = \"long\"\n", "p.toml").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("p.toml:2:21: invalid type: string"),
            "{e}"
        );
    }
}
