//! Corridors: named rules kept in data (`corridors.toml`), not code. A corridor says what a
//! route must pass (each entry a country, passage, node or mode; `a|b` for "either") and what it
//! must avoid, e.g. the INSTC passes Iran and uses neither Suez nor the Cape.

use crate::error::{Error, Result};
use crate::model::assumptions_file::Entries;

/// One corridor rule.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Corridor {
    /// Id used to name the corridor and in output (`instc-west`).
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

/// A corridor as written in the file.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CorridorTable {
    name: Option<String>,
    description: Option<String>,
    #[serde(default)]
    pass: Vec<String>,
    #[serde(default)]
    avoid: Vec<String>,
}

/// The corridors of a file, in file order.
#[derive(Debug, Clone, Default)]
pub struct Corridors {
    list: Vec<Corridor>,
}

impl Corridors {
    /// Parses a corridors TOML file: one table per corridor with `name`, `description`,
    /// `pass` (array of strings; `"a|b"` means either) and `avoid` (array of strings).
    ///
    /// # Errors
    /// [`Error::DataFile`] with line and column for malformed TOML, a value of the wrong type
    /// or an unknown key; [`Error::Corridor`] for a corridor with neither `pass` nor `avoid`.
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
        let Entries(tables): Entries<CorridorTable> =
            toml::from_str(text).map_err(|e| Error::toml(file, text, &e, None))?;
        let mut list = Vec::with_capacity(tables.len());
        for (id, t) in tables {
            if t.pass.is_empty() && t.avoid.is_empty() {
                return Err(Error::Corridor {
                    file: file.into(),
                    corridor: id,
                    message: "has neither `pass` nor `avoid`".into(),
                });
            }
            let pass = t
                .pass
                .iter()
                .map(|p| {
                    p.split('|')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .collect();
            list.push(Corridor {
                name: t.name.unwrap_or_else(|| id.clone()),
                description: t.description.unwrap_or_default(),
                id,
                pass,
                avoid: t.avoid,
            });
        }
        let corridors = Corridors { list };
        if let Some(cycle) = corridors.cycle() {
            return Err(Error::Corridor {
                file: file.into(),
                corridor: cycle[0].clone(),
                message: format!(
                    "its `pass` rules name corridors in a cycle ({}), which no route can meet",
                    cycle.join(" → ")
                ),
            });
        }
        Ok(corridors)
    }

    /// The corridors a corridor's `pass` rules name (`corridor:ID`, or a bare name that is a
    /// corridor id, as names resolve).
    fn named_in_pass(&self, c: &Corridor) -> Vec<usize> {
        c.pass
            .iter()
            .flatten()
            .filter_map(|name| {
                let lower = name.trim().to_ascii_lowercase();
                let id = match lower.split_once(':') {
                    Some((kind, rest)) if kind.trim() == "corridor" => rest.trim().to_string(),
                    Some(_) => return None,
                    None => lower,
                };
                self.list.iter().position(|d| d.id == id)
            })
            .collect()
    }

    /// The first cycle of corridors whose `pass` rules name one another (resolving them would
    /// never end), the first repeated at the end.
    fn cycle(&self) -> Option<Vec<String>> {
        let edges: Vec<Vec<usize>> = self.list.iter().map(|c| self.named_in_pass(c)).collect();
        // 0 unvisited, 1 on the current path, 2 done.
        let mut state = vec![0u8; self.list.len()];
        for start in 0..self.list.len() {
            if state[start] != 0 {
                continue;
            }
            let mut path = vec![start];
            let mut next = vec![0usize];
            state[start] = 1;
            while let Some(&at) = path.last() {
                let i = *next.last().expect("one cursor per path entry");
                if let Some(&to) = edges[at].get(i) {
                    *next.last_mut().expect("one cursor per path entry") += 1;
                    match state[to] {
                        1 => {
                            let from = path.iter().position(|&p| p == to).expect("on the path");
                            let mut ids: Vec<String> = path[from..]
                                .iter()
                                .map(|&p| self.list[p].id.clone())
                                .collect();
                            ids.push(self.list[to].id.clone());
                            return Some(ids);
                        }
                        0 => {
                            state[to] = 1;
                            path.push(to);
                            next.push(0);
                        }
                        _ => {}
                    }
                } else {
                    state[at] = 2;
                    path.pop();
                    next.pop();
                }
            }
        }
        None
    }

    /// All corridors, in file order.
    #[must_use]
    pub fn list(&self) -> &[Corridor] {
        &self.list
    }

    /// The corridor with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Corridor> {
        self.list.iter().find(|c| c.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_and_wrong_types_name_line_and_column() {
        let e =
            Corridors::parse("[a]\nname = \"A\"\npas = [\"country:IR\"]\n", "c.toml").unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("c.toml:3:1: unknown field `pas`"), "{msg}");
        let e = Corridors::parse("[a]\npass = \"country:IR\"\n", "c.toml").unwrap_err();
        assert!(e.to_string().starts_with("c.toml:2:8: invalid type"), "{e}");
        let e = Corridors::parse("[a]\nname = \"A\"\n", "c.toml").unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.toml: corridor \"a\": has neither `pass` nor `avoid`"
        );
    }

    /// A corridor that names itself, directly or through others, is refused when read (it had
    /// overflowed the stack when a route was asked for); naming a corridor without a cycle,
    /// or in `avoid`, is fine.
    #[test]
    fn corridors_naming_one_another_in_a_cycle_are_refused() {
        let e = Corridors::parse("[w]\npass = [\"corridor:w\"]\n", "c.toml").unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.toml: corridor \"w\": its `pass` rules name corridors in a cycle (w → w), which \
             no route can meet"
        );
        let text = "[a]\npass = [\"country:IR\"]\n[b]\npass = [\"country:AZ|c\"]\n\
                    [c]\npass = [\"Corridor: B\"]\n";
        let e = Corridors::parse(text, "c.toml").unwrap_err();
        assert!(e.to_string().contains("(b → c → b)"), "{e}");
        let fine = "[a]\npass = [\"country:IR\"]\navoid = [\"corridor:b\"]\n\
                    [b]\npass = [\"corridor:a\"]\navoid = [\"corridor:a\"]\n";
        assert!(Corridors::parse(fine, "c.toml").is_ok());
    }
}
