//! Model assumptions: every speed, dwell, rate and emission factor as a keyed parameter with its
//! value, unit, range and source, read from TOML and overridable key by key.

use std::borrow::Cow;
use std::fmt;

use super::assumptions_file::{self, Row};
use super::domain::{Domain, check};
use crate::embedded::{self, EMBEDDED_PARAMS};
use crate::error::{Error, Result, locate};
use crate::routing::suggest::closest;

/// Text of a parameter: borrowed from the embedded table, owned when read from a file.
pub type Text = Cow<'static, str>;

/// One model parameter.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Param {
    /// Dotted key, e.g. `speed.sea.container`.
    pub key: Text,
    /// Value in `unit` (the most likely value when a range is given).
    pub value: f64,
    /// Low end of the plausible range, in `unit`.
    pub low: Option<f64>,
    /// High end of the plausible range, in `unit`.
    pub high: Option<f64>,
    /// Unit, e.g. `kn`, `km/day`, `h`, `USD/TEU-km`, `kg CO2e/t-km`.
    pub unit: Text,
    /// Where the value comes from (or `estimate`).
    pub source: Text,
    /// Reasoning behind the value.
    pub note: Option<Text>,
    /// Where the value was last set: the file, a profile or `--set`.
    pub origin: Text,
}

impl Param {
    /// True when the parameter has a range to sample or swing.
    #[must_use]
    pub fn has_range(&self) -> bool {
        self.low.is_some() || self.high.is_some()
    }

    /// The range as (low, most likely, high), defaulting missing ends to the value.
    #[must_use]
    pub fn triple(&self) -> (f64, f64, f64) {
        (
            self.low.unwrap_or(self.value),
            self.value,
            self.high.unwrap_or(self.value),
        )
    }
}

/// The full set of parameters, sorted by key.
#[derive(Debug, Clone, Default)]
pub struct Assumptions {
    /// Sorted by key, so a key is found by binary search.
    params: Vec<Param>,
}

/// Key families to which a user may add a key for another country (`speed.rail.UZ`).
const OPEN_FAMILIES: [&str; 4] = [
    "speed.rail.",
    "cost.rail.",
    "dwell.passage.",
    "cost.passage.",
];

impl Assumptions {
    /// Parses an assumptions TOML file: every table holding a `value` is a parameter whose key
    /// is the table's dotted path.
    ///
    /// # Errors
    /// [`Error::Assumptions`] naming the file, key and value when the TOML is malformed, a
    /// parameter lacks `unit` or `source`, a number is not finite, or `low ≤ value ≤ high` fails.
    ///
    /// # Example
    /// ```
    /// let a = corridor::Assumptions::parse(
    ///     "[speed.sea.container]\nvalue = 16.0\nlow = 14.0\nhigh = 20.0\nunit = \"kn\"\nsource = \"x\"\n",
    ///     "inline",
    /// ).unwrap();
    /// assert_eq!(a.value("speed.sea.container"), Some(16.0));
    /// ```
    pub fn parse(text: &str, file: &str) -> Result<Assumptions> {
        let rows = assumptions_file::read(text).map_err(|e| {
            let (line, column) = locate(text, e.span);
            Error::DataFile {
                file: file.to_string(),
                line,
                column,
                key: e.key,
                message: e.message,
            }
        })?;
        let params = rows
            .into_iter()
            .map(|r| {
                let Row { key, table, span } = r;
                let located = |message: String| {
                    let (line, column) = locate(text, span.clone());
                    Error::DataFile {
                        file: file.into(),
                        line,
                        column,
                        key: Some(key.clone()),
                        message,
                    }
                };
                let unit = table.unit.ok_or_else(|| located("has no `unit`".into()))?;
                check(table.value, table.low, table.high, &unit).map_err(located)?;
                let source = table.source.ok_or_else(|| located(NO_SOURCE.into()))?;
                Ok(Param {
                    key: key.into(),
                    value: table.value,
                    low: table.low,
                    high: table.high,
                    unit: unit.into(),
                    source: source.into(),
                    note: table.note.map(Into::into),
                    origin: file.to_string().into(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Assumptions::from_params(params))
    }

    fn from_params(mut params: Vec<Param>) -> Assumptions {
        params.sort_by(|a, b| a.key.cmp(&b.key));
        Assumptions { params }
    }

    /// The embedded default assumptions, from the table build.rs read out of the embedded file
    /// (the file is parsed here only if that table is missing). Their texts are borrowed from
    /// the table, not copied.
    ///
    /// # Errors
    /// Only if the embedded file is broken, which the test suite rules out.
    pub fn embedded() -> Result<Assumptions> {
        let origin = embedded::ASSUMPTIONS_NAME;
        let Some(rows) = EMBEDDED_PARAMS else {
            return Assumptions::parse(embedded::ASSUMPTIONS, origin);
        };
        let mut params = Vec::with_capacity(rows.len());
        for &(key, value, low, high, unit, source, note) in rows {
            let ok = unit.is_some_and(|u| check(value, low, high, u).is_ok());
            let (Some(unit), Some(source), true) = (unit, source, ok) else {
                // A row the parser would refuse: let it say why, with the line.
                return Assumptions::parse(embedded::ASSUMPTIONS, origin);
            };
            params.push(Param {
                key: Cow::Borrowed(key),
                value,
                low,
                high,
                unit: Cow::Borrowed(unit),
                source: Cow::Borrowed(source),
                note: note.map(Cow::Borrowed),
                origin: Cow::Borrowed(origin),
            });
        }
        Ok(Assumptions::from_params(params))
    }

    /// All parameters, sorted by key.
    #[must_use]
    pub fn params(&self) -> &[Param] {
        &self.params
    }

    /// The parameter with this key.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Param> {
        self.position(key).map(|i| &self.params[i])
    }

    /// Position of a key in [`Assumptions::params`] and [`Assumptions::values`].
    #[must_use]
    pub fn position(&self, key: &str) -> Option<usize> {
        self.params
            .binary_search_by(|p| p.key.as_ref().cmp(key))
            .ok()
    }

    /// The value of a key.
    #[must_use]
    pub fn value(&self, key: &str) -> Option<f64> {
        self.get(key).map(|p| p.value)
    }

    /// The value of a key that the model requires.
    ///
    /// # Errors
    /// [`Error::UnknownAssumption`] when the key is missing.
    pub fn require(&self, key: &str) -> Result<f64> {
        self.value(key).ok_or_else(|| self.unknown(key))
    }

    fn unknown(&self, key: &str) -> Error {
        Error::UnknownAssumption {
            key: key.to_string(),
            suggestions: closest(key, self.params.iter().map(|p| p.key.as_ref())),
        }
    }

    /// Sets a key's value (keeping its unit and source), as `--set KEY=VALUE` does. A key may be
    /// added only in the per-country and per-passage families (`speed.rail.XX`, `cost.rail.XX`,
    /// `dwell.passage.X`, `cost.passage.X`).
    ///
    /// # Errors
    /// [`Error::UnknownAssumption`] for an unknown key; [`Error::InvalidAssumption`] for a
    /// value outside what its unit allows ([`Domain::of_unit`]), naming the allowed values.
    pub fn set(&mut self, key: &str, value: f64, origin: &str) -> Result<()> {
        let unit = match self.position(key) {
            Some(i) => self.params[i].unit.to_string(),
            None => OPEN_FAMILIES
                .iter()
                .find(|f| key.starts_with(*f))
                .and_then(|f| self.params.iter().find(|p| p.key.starts_with(f)))
                .map(|p| p.unit.to_string())
                .unwrap_or_default(),
        };
        let d = Domain::of_unit(&unit);
        if !d.contains(value) {
            return Err(Error::InvalidAssumption {
                origin: origin.to_string(),
                key: key.to_string(),
                value,
                reason: format!("a quantity in {unit} must be {}", d.describe()),
            });
        }
        if let Some(i) = self.position(key) {
            let p = &mut self.params[i];
            p.value = value;
            // A value set outside the range widens the range rather than leaving low > value.
            p.low = p.low.map(|l| l.min(value));
            p.high = p.high.map(|h| h.max(value));
            p.origin = origin.to_string().into();
            return Ok(());
        }
        let Some(family) = OPEN_FAMILIES.iter().find(|f| key.starts_with(*f)) else {
            return Err(self.unknown(key));
        };
        let unit = self
            .params
            .iter()
            .find(|p| p.key.starts_with(family))
            .map_or_else(Text::default, |p| p.unit.clone());
        let at = self
            .params
            .binary_search_by(|p| p.key.as_ref().cmp(key))
            .unwrap_err();
        self.params.insert(
            at,
            Param {
                key: key.to_string().into(),
                value,
                low: None,
                high: None,
                unit,
                source: origin.to_string().into(),
                note: None,
                origin: origin.to_string().into(),
            },
        );
        Ok(())
    }

    /// Replaces the plausible range of an assumption that exists (a scenario that changes the
    /// world changes what is plausible in it too).
    ///
    /// # Errors
    /// [`Error::InvalidAssumption`] for a range outside the unit's domain or that does not
    /// hold the value; an unknown key.
    pub fn set_range(&mut self, key: &str, low: f64, high: f64) -> Result<()> {
        let i = self.position(key).ok_or_else(|| self.unknown(key))?;
        let p = &mut self.params[i];
        if let Err(reason) = check(p.value, Some(low), Some(high), &p.unit) {
            return Err(Error::InvalidAssumption {
                origin: p.origin.to_string(),
                key: key.to_string(),
                value: p.value,
                reason,
            });
        }
        (p.low, p.high) = (Some(low), Some(high));
        Ok(())
    }

    /// Applies `KEY=VALUE` overrides in order; `origin` says where they come from in messages
    /// and in [`Param::origin`].
    ///
    /// # Errors
    /// [`Error::BadOverride`] for text without `=` or a value that is not a number, and the
    /// errors of [`Assumptions::set`].
    pub fn apply_overrides(&mut self, overrides: &[String], origin: &str) -> Result<()> {
        for o in overrides {
            let Some((k, v)) = o.split_once('=') else {
                return Err(Error::BadOverride {
                    text: o.clone(),
                    reason: "expected KEY=VALUE, e.g. dwell.port_call=36".into(),
                });
            };
            let value: f64 = v.trim().parse().map_err(|_| Error::BadOverride {
                text: o.clone(),
                reason: format!("{:?} is not a number", v.trim()),
            })?;
            self.set(k.trim(), value, origin)?;
        }
        Ok(())
    }

    /// Values of all parameters in key order (the layout [`Assumptions::with_values`] takes).
    #[must_use]
    pub fn values(&self) -> Vec<f64> {
        self.params.iter().map(|p| p.value).collect()
    }

    /// A copy with the values replaced (same order as [`Assumptions::values`]); used by Monte
    /// Carlo sampling and sensitivity runs.
    ///
    /// # Panics
    /// If `values` has another length than the parameter list.
    #[must_use]
    pub fn with_values(&self, values: &[f64]) -> Assumptions {
        assert_eq!(values.len(), self.params.len(), "one value per parameter");
        let mut a = self.clone();
        for (p, &v) in a.params.iter_mut().zip(values) {
            p.value = v;
        }
        a
    }
}

impl fmt::Display for Param {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} = {} {}", self.key, self.value, self.unit)
    }
}

const NO_SOURCE: &str = "has no `source` (write \"estimate\" and a note if it is one)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_time_table_equals_the_parsed_file() {
        assert!(
            EMBEDDED_PARAMS.is_some(),
            "build.rs read data/assumptions.toml"
        );
        let table = Assumptions::embedded().unwrap();
        let parsed = Assumptions::parse(embedded::ASSUMPTIONS, embedded::ASSUMPTIONS_NAME).unwrap();
        assert_eq!(table.params(), parsed.params());
    }

    const T: &str = r#"
[speed.sea.container]
value = 16
low = 14.0
high = 20.0
unit = "kn"
source = "s"
[speed.rail.IR]
value = 300.0
unit = "km/day"
source = "estimate"
note = "n"
"#;

    #[test]
    fn parses_nested_keys_and_overrides() {
        let mut a = Assumptions::parse(T, "t.toml").unwrap();
        assert_eq!(a.params().len(), 2);
        assert_eq!(a.value("speed.sea.container"), Some(16.0));
        a.apply_overrides(
            &["speed.sea.container=22".into(), "speed.rail.UZ=400".into()],
            "--set",
        )
        .unwrap();
        let p = a.get("speed.sea.container").unwrap();
        assert_eq!(
            (p.value, p.high, p.origin.as_ref()),
            (22.0, Some(22.0), "--set")
        );
        assert_eq!(a.get("speed.rail.UZ").unwrap().unit, "km/day");
    }

    #[test]
    fn unknown_keys_suggest_close_ones() {
        let mut a = Assumptions::parse(T, "t.toml").unwrap();
        let e = a.set("speed.sea.containr", 3.0, "--set").unwrap_err();
        assert!(
            e.to_string()
                .contains("did you mean \"speed.sea.container\""),
            "{e}"
        );
        let e = a
            .apply_overrides(&["speed.sea.container=fast".into()], "--set")
            .unwrap_err();
        assert!(e.to_string().contains("\"fast\" is not a number"), "{e}");
    }

    #[test]
    fn bad_files_name_the_key() {
        let e = Assumptions::parse("[a]\nvalue = 1\nunit = \"h\"\n", "f.toml").unwrap_err();
        assert_eq!(
            e.to_string(),
            "f.toml:1:1: `a`: has no `source` (write \"estimate\" and a note if it is one)"
        );
        let e = Assumptions::parse("[a]\nvalue = 1\nunit = \"h\"\nsoruce = \"x\"\n", "f.toml")
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("f.toml:4:1: `a`: unknown field `soruce`"),
            "{e}"
        );
        let e = Assumptions::parse(
            "[a]\nvalue = 5\nlow = 6\nunit = \"h\"\nsource = \"x\"\n",
            "f.toml",
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("does not contain the value 5"),
            "{e}"
        );
    }
}
