//! Corridors: named rules kept in data (`corridors.toml`), not code. A corridor says what a
//! route must pass (each entry a country, passage, node or mode; `a|b` for "either") and what it
//! must avoid, e.g. the INSTC passes Iran and uses neither Suez nor the Cape.

use crate::error::{Error, Result};

/// One corridor rule.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Corridor {
    /// Id used with `--via` and in output (`instc-west`).
    pub id: String,
    /// Readable name.
    pub name: String,
    /// What it is and where its definition comes from.
    pub description: String,
    /// Requirements: the route must meet every entry; an entry lists alternatives.
    pub pass: Vec<Vec<String>>,
    /// Names the route must not use.
    pub avoid: Vec<String>,
}

/// The corridors of a file, in file order.
#[derive(Debug, Clone, Default)]
pub struct Corridors {
    /// All corridors.
    pub list: Vec<Corridor>,
}

impl Corridors {
    /// Parses a corridors TOML file: one table per corridor with `name`, `description`,
    /// `pass` (array of strings; `"a|b"` means either) and `avoid` (array of strings).
    ///
    /// # Errors
    /// [`Error::Parse`] for malformed TOML; [`Error::Corridor`] naming the corridor and key
    /// for wrong types or a corridor with neither `pass` nor `avoid`.
    ///
    /// # Example
    /// ```
    /// let c = corridor::Corridors::parse(
    ///     "[instc]\nname = \"INSTC\"\npass = [\"country:IR\"]\navoid = [\"passage:suez\", \"passage:cape\"]\n",
    ///     "inline",
    /// ).unwrap();
    /// assert_eq!(c.get("instc").unwrap().avoid.len(), 2);
    /// ```
    pub fn parse(text: &str, file: &str) -> Result<Corridors> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| Error::Parse {
            file: file.into(),
            message: e.to_string(),
        })?;
        let mut list = Vec::new();
        for (id, v) in &table {
            let err = |message: String| Error::Corridor {
                file: file.into(),
                corridor: id.clone(),
                message,
            };
            let toml::Value::Table(t) = v else {
                return Err(err("is not a table".into()));
            };
            let text = |key: &str| -> Result<Option<String>> {
                match t.get(key) {
                    None => Ok(None),
                    Some(toml::Value::String(s)) => Ok(Some(s.clone())),
                    Some(other) => Err(err(format!("`{key}` = {other} is not a string"))),
                }
            };
            let strings = |key: &str| -> Result<Vec<String>> {
                match t.get(key) {
                    None => Ok(Vec::new()),
                    Some(toml::Value::Array(items)) => items
                        .iter()
                        .map(|i| {
                            i.as_str()
                                .map(str::to_string)
                                .ok_or_else(|| err(format!("`{key}` holds {i}, not a string")))
                        })
                        .collect(),
                    Some(other) => {
                        Err(err(format!("`{key}` = {other} is not an array of strings")))
                    }
                }
            };
            for key in t.keys() {
                if !["name", "description", "pass", "avoid"].contains(&key.as_str()) {
                    return Err(err(format!(
                        "unknown key `{key}` (expected name, description, pass, avoid)"
                    )));
                }
            }
            let pass: Vec<Vec<String>> = strings("pass")?
                .into_iter()
                .map(|p| {
                    p.split('|')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .collect();
            let avoid = strings("avoid")?;
            if pass.is_empty() && avoid.is_empty() {
                return Err(err("has neither `pass` nor `avoid`".into()));
            }
            list.push(Corridor {
                id: id.clone(),
                name: text("name")?.unwrap_or_else(|| id.clone()),
                description: text("description")?.unwrap_or_default(),
                pass,
                avoid,
            });
        }
        Ok(Corridors { list })
    }

    /// The corridor with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Corridor> {
        self.list.iter().find(|c| c.id == id)
    }
}
