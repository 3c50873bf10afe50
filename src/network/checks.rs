//! Typed reading of a feature's property values: each wrong one becomes a message for the
//! feature's problem list, and the reader goes on.

use std::borrow::Cow;
use std::str::FromStr;

use super::properties::{Field, Text, Texts};
use crate::error::ProblemKind;

/// Longest text accepted for a property, in characters: free text (`source`, `note` …)
/// 20,000; names, ids and codes 300 (the embedded network's longest name has 115).
fn max_chars(key: &str) -> usize {
    if key.ends_with("source") || key == "note" || key == "description" {
        20_000
    } else {
        300
    }
}

/// Typed reading of property values, collecting a message for each wrong one.
#[derive(Default)]
pub(crate) struct Checks {
    pub(crate) messages: Vec<(String, ProblemKind)>,
}

impl Checks {
    pub(crate) fn push(&mut self, message: String) {
        self.messages.push((message, ProblemKind::Other));
    }

    /// A text too long for what it names is refused here, so that no table layout or name
    /// search downstream works on it (a 1,000,000-character name had made commands hang).
    fn too_long(&mut self, key: &str, s: &str) -> bool {
        let max = max_chars(key);
        let n = s.chars().count();
        if n > max {
            self.push(format!(
                "`{key}` is {n} characters long; at most {max} are accepted"
            ));
            return true;
        }
        false
    }

    pub(crate) fn text(&mut self, key: &str, f: Field<Text<'_>>) -> Option<String> {
        match f {
            Field::Absent => None,
            Field::Value(s) if self.too_long(key, &s) => None,
            Field::Value(s) => Some(s.into_owned()),
            Field::Wrong(found) => {
                self.push(format!("`{key}` is {found}, not a string"));
                None
            }
        }
    }

    pub(crate) fn texts(&mut self, key: &str, f: Field<Texts<'_>>) -> Vec<String> {
        match f {
            Field::Absent => Vec::new(),
            Field::Value(v) => v
                .into_iter()
                .filter(|s| !self.too_long(key, s))
                .map(Cow::into_owned)
                .collect(),
            Field::Wrong(found) => {
                self.push(format!("`{key}` is {found}, not an array of strings"));
                Vec::new()
            }
        }
    }

    pub(crate) fn number(&mut self, key: &str, f: Field<f64>) -> Option<f64> {
        match f {
            Field::Absent => None,
            Field::Value(x) => Some(x),
            Field::Wrong(found) => {
                self.push(format!("`{key}` is {found}, not a number"));
                None
            }
        }
    }

    pub(crate) fn flag(&mut self, key: &str, f: Field<bool>) -> bool {
        match f {
            Field::Absent => false,
            Field::Value(b) => b,
            Field::Wrong(found) => {
                self.push(format!("`{key}` is {found}, not true or false"));
                false
            }
        }
    }

    /// A text parsed into a vocabulary; `prefix` puts the key before the parser's message.
    pub(crate) fn parsed<T: FromStr<Err = String>>(
        &mut self,
        key: &str,
        f: Field<Text<'_>>,
        prefix: bool,
    ) -> Option<T> {
        let s = self.text(key, f)?;
        match s.parse() {
            Ok(v) => Some(v),
            Err(e) if prefix => {
                self.push(format!("`{key}`: {e}"));
                None
            }
            Err(e) => {
                self.push(e);
                None
            }
        }
    }

    pub(crate) fn country_code(&mut self, key: &str, c: &str) -> bool {
        let ok = c.len() == 2 && c.chars().all(|ch| ch.is_ascii_uppercase());
        if !ok {
            self.push(format!(
                "`{key}` holds {c:?}, not an ISO 3166-1 alpha-2 code such as \"IR\""
            ));
        }
        ok
    }
}
