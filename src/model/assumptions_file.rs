//! The assumptions file format: every TOML table holding a `value` is a parameter whose key is
//! the table's dotted path (`[speed.sea.container]`), with fields of [`ParamTable`].
//!
//! This file depends on serde and toml only: build.rs includes it (`#[path]`) to read the
//! embedded file into a table at build time with exactly the reader the library uses.

use serde::Deserialize;
use toml::de::{DeTable, DeValue, ValueDeserializer};

/// One parameter table as written in the file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParamTable {
    /// The most likely value, in `unit`.
    pub value: f64,
    /// Low end of the plausible range.
    pub low: Option<f64>,
    /// High end of the plausible range.
    pub high: Option<f64>,
    /// Unit.
    pub unit: Option<String>,
    /// Where the value comes from, or "estimate".
    pub source: Option<String>,
    /// Reasoning behind the value.
    pub note: Option<String>,
}

/// A parameter read from the file: its dotted key and table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Dotted key.
    pub key: String,
    /// The table.
    pub table: ParamTable,
    /// Byte range of the table in the file, where known.
    pub span: Option<std::ops::Range<usize>>,
}

/// Why the file does not read: the offending key (if known), the byte span (if known) and
/// the message.
#[derive(Debug, Clone, PartialEq)]
pub struct FileError {
    /// Dotted key of the offending entry.
    pub key: Option<String>,
    /// Byte range of the offending text.
    pub span: Option<std::ops::Range<usize>>,
    /// What is wrong.
    pub message: String,
}

impl FileError {
    fn toml(key: Option<String>, e: &toml::de::Error) -> FileError {
        FileError {
            key,
            span: e.span(),
            message: e.message().to_string(),
        }
    }
}

/// Reads every parameter of an assumptions file, in file order.
///
/// # Errors
/// A [`FileError`] for malformed TOML, a bare value outside a parameter table, an unknown
/// field in a parameter table or a field of the wrong type.
pub fn read(text: &str) -> Result<Vec<Row>, FileError> {
    let doc = DeTable::parse(text).map_err(|e| FileError::toml(None, &e))?;
    let mut rows = Vec::new();
    walk(doc.into_inner(), "", &mut rows)?;
    Ok(rows)
}

fn walk(table: DeTable<'_>, prefix: &str, rows: &mut Vec<Row>) -> Result<(), FileError> {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.get_ref().to_string()
        } else {
            format!("{prefix}.{}", k.get_ref())
        };
        let DeValue::Table(t) = v.get_ref() else {
            return Err(FileError {
                message: "is a bare value; a parameter is a table with value, unit and source"
                    .into(),
                span: Some(k.span()),
                key: Some(key),
            });
        };
        if t.keys().any(|f| f.get_ref() == "value") {
            let span = v.span();
            let table = ParamTable::deserialize(ValueDeserializer::from(v))
                .map_err(|e| FileError::toml(Some(key.clone()), &e))?;
            rows.push(Row {
                key,
                table,
                span: Some(span),
            });
        } else {
            let DeValue::Table(t) = v.into_inner() else {
                unreachable!("checked above")
            };
            walk(t, &key, rows)?;
        }
    }
    Ok(())
}

/// The tables of a TOML document in file order, each deserialised as `T` (toml's own map
/// deserialises only into its untyped values).
#[derive(Debug, Clone, PartialEq)]
pub struct Entries<T>(pub Vec<(String, T)>);

impl<T> Default for Entries<T> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = Entries<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a table")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Entries<T>, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, T>()? {
                    out.push((k, v));
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}
