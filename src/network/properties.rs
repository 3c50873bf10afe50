//! The properties a network feature may carry (data/README.md documents them), each written
//! once below with its JSON type. Values are read leniently: a property of the wrong type is
//! kept as a description, so the loader reports it with the feature's index instead of
//! failing the file.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A property as found: absent or null, of the expected type, or of another type (described
/// for the problem report).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) enum Field<T> {
    /// Not present, or `null`.
    #[default]
    Absent,
    /// Present with the expected type.
    Value(T),
    /// Present with another type: what was found, in words.
    Wrong(String),
}

/// A string property; numbers are accepted and kept as their JSON text (ids such as `17`).
pub(crate) type Text<'a> = Cow<'a, str>;
/// An array of strings; a single string is accepted as a one-element array.
pub(crate) type Texts<'a> = Vec<Cow<'a, str>>;

/// What a JSON value of the wrong type was, in words.
fn found_str(s: &str) -> String {
    let short: String = s.chars().take(40).collect();
    if short.len() < s.len() {
        format!("the string {short:?}…")
    } else {
        format!("the string {short:?}")
    }
}

/// The JSON types a property may have, and how each is read from what serde finds.
pub(crate) trait Kind<'de>: Sized {
    /// The expected type, in words.
    const EXPECTED: &'static str;
    fn from_text(_: Cow<'de, str>) -> Option<Self> {
        None
    }
    /// A number; `text` gives its JSON text (made only when asked: formatting every
    /// coordinate was a tenth of the loader's time).
    fn from_number(_: f64, _text: impl FnOnce() -> String) -> Option<Self> {
        None
    }
    fn from_bool(_: bool) -> Option<Self> {
        None
    }
    /// Reads an array; `Ok(Err(found))` when it holds something else.
    fn from_seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Result<Self, String>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Err("an array".into()))
    }
}

impl<'de> Kind<'de> for Text<'de> {
    const EXPECTED: &'static str = "a string";
    fn from_text(s: Cow<'de, str>) -> Option<Self> {
        Some(s)
    }
    fn from_number(_: f64, text: impl FnOnce() -> String) -> Option<Self> {
        Some(Cow::Owned(text()))
    }
}

impl<'de> Kind<'de> for Texts<'de> {
    const EXPECTED: &'static str = "an array of strings";
    fn from_text(s: Cow<'de, str>) -> Option<Self> {
        Some(vec![s])
    }
    fn from_seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Result<Self, String>, A::Error> {
        let mut out = Vec::new();
        let mut wrong = None;
        while let Some(item) = seq.next_element::<Field<Str<'de>>>()? {
            match item {
                Field::Value(Str(s)) if wrong.is_none() => out.push(s),
                Field::Wrong(w) if wrong.is_none() => wrong = Some(format!("an array holding {w}")),
                Field::Absent if wrong.is_none() => wrong = Some("an array holding null".into()),
                _ => {}
            }
        }
        Ok(wrong.map_or(Ok(out), Err))
    }
}

/// An element of an array of strings: only a string will do.
pub(crate) struct Str<'a>(Cow<'a, str>);

impl<'de> Kind<'de> for Str<'de> {
    const EXPECTED: &'static str = "a string";
    fn from_text(s: Cow<'de, str>) -> Option<Self> {
        Some(Str(s))
    }
}

impl<'de> Kind<'de> for f64 {
    const EXPECTED: &'static str = "a number";
    fn from_number(x: f64, _: impl FnOnce() -> String) -> Option<Self> {
        Some(x)
    }
}

impl<'de> Kind<'de> for bool {
    const EXPECTED: &'static str = "true or false";
    fn from_bool(b: bool) -> Option<Self> {
        Some(b)
    }
}

struct FieldVisitor<T>(PhantomData<T>);

impl<T> FieldVisitor<T> {
    fn wrong<E>(found: String) -> Result<Field<T>, E> {
        Ok(Field::Wrong(found))
    }
}

impl<'de, T: Kind<'de>> Visitor<'de> for FieldVisitor<T> {
    type Value = Field<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTED)
    }

    fn visit_unit<E>(self) -> Result<Field<T>, E> {
        Ok(Field::Absent)
    }

    fn visit_none<E>(self) -> Result<Field<T>, E> {
        Ok(Field::Absent)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Field<T>, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Field<T>, E> {
        T::from_bool(b).map_or_else(|| Self::wrong(b.to_string()), |v| Ok(Field::Value(v)))
    }

    fn visit_u64<E>(self, x: u64) -> Result<Field<T>, E> {
        #[allow(clippy::cast_precision_loss)]
        let v = T::from_number(x as f64, || x.to_string());
        v.map_or_else(|| Self::wrong(x.to_string()), |v| Ok(Field::Value(v)))
    }

    fn visit_i64<E>(self, x: i64) -> Result<Field<T>, E> {
        #[allow(clippy::cast_precision_loss)]
        let v = T::from_number(x as f64, || x.to_string());
        v.map_or_else(|| Self::wrong(x.to_string()), |v| Ok(Field::Value(v)))
    }

    fn visit_f64<E>(self, x: f64) -> Result<Field<T>, E> {
        T::from_number(x, || x.to_string())
            .map_or_else(|| Self::wrong(x.to_string()), |v| Ok(Field::Value(v)))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Field<T>, E> {
        T::from_text(Cow::Borrowed(s))
            .map_or_else(|| Self::wrong(found_str(s)), |v| Ok(Field::Value(v)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Field<T>, E> {
        T::from_text(Cow::Owned(s.to_string()))
            .map_or_else(|| Self::wrong(found_str(s)), |v| Ok(Field::Value(v)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Field<T>, A::Error> {
        Ok(match T::from_seq(seq)? {
            Ok(v) => Field::Value(v),
            Err(found) => Field::Wrong(found),
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Field<T>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Self::wrong("an object".into())
    }
}

impl<'de, T: Kind<'de>> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FieldVisitor(PhantomData))
    }
}

/// Declares the property schema: the struct of typed, lenient fields and the one reader that
/// fills it from a JSON object (never from an array: RFC 7946 properties are objects).
macro_rules! schema {
    ($lt:lifetime; $( $(#[$doc:meta])* $field:ident : $kind:ty = $key:literal $(| $alias:literal)* ),* $(,)?) => {
        /// The properties of one feature, as read.
        #[derive(Debug, Clone, Default)]
        pub(crate) struct Properties<$lt> {
            $( $(#[$doc])* pub(crate) $field: Field<$kind>, )*
        }

        /// Every property name the loader reads, in the order of data/README.md.
        pub const KEYS: &[&str] = &[$($key),*];

        /// Other names accepted for a property, as (alias, property).
        pub const ALIASES: &[(&str, &str)] = &[$($(($alias, $key),)*)*];

        struct PropertiesVisitor;

        impl<$lt> Visitor<$lt> for PropertiesVisitor {
            type Value = Properties<$lt>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a properties object")
            }

            fn visit_map<A: MapAccess<$lt>>(self, mut map: A) -> Result<Properties<$lt>, A::Error> {
                let mut p = Properties::default();
                while let Some(key) = map.next_key::<Cow<$lt, str>>()? {
                    match key.as_ref() {
                        $( $key $(| $alias)* => p.$field = map.next_value()?, )*
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(p)
            }
        }
    };
}

schema! { 'a;
    /// Unique id of the node or leg.
    id: Text<'a> = "id",
    /// Readable name.
    name: Text<'a> = "name",
    /// Other names of a node.
    aliases: Texts<'a> = "aliases",
    /// Node kind (`port`, `station` …).
    kind: Text<'a> = "kind",
    /// ISO code of a node's country.
    country: Text<'a> = "country",
    /// UN/LOCODE of a node.
    locode: Text<'a> = "locode",
    /// Passage id of a node in a strait or canal.
    passage: Text<'a> = "passage",
    /// Where the feature comes from.
    source: Text<'a> = "source",
    /// Node id at a leg's first position.
    from: Text<'a> = "from",
    /// Node id at a leg's last position.
    to: Text<'a> = "to",
    /// Mode of a leg.
    mode: Text<'a> = "mode",
    /// ISO codes of the countries a leg crosses.
    countries: Texts<'a> = "countries",
    /// Status of a leg.
    status: Text<'a> = "status",
    /// Track gauge, mm.
    gauge_mm: f64 = "gauge_mm",
    /// Rail traction.
    traction: Text<'a> = "traction",
    /// Vessel of a sea leg.
    vessel: Text<'a> = "vessel",
    /// Passages a leg runs through.
    passages: Texts<'a> = "passages",
    /// Usable in one direction only.
    one_way: bool = "one_way",
    /// A published length, km (`published_km` is its earlier name).
    length_km: f64 = "length_km" | "published_km",
    /// Source of `length_km`.
    length_source: Text<'a> = "length_source" | "published_source",
}

/// A feature's `properties` member: an object, `null` (no properties) or something else
/// (described).
pub(crate) enum PropertiesSlot<'a> {
    // Boxed: a feature holds one slot while its other members are read.
    Object(Box<Properties<'a>>),
    Wrong(String),
}

impl<'de> Deserialize<'de> for PropertiesSlot<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Slot;
        impl<'de> Visitor<'de> for Slot {
            type Value = PropertiesSlot<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a properties object or null")
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(PropertiesSlot::Object(Box::default()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                PropertiesVisitor
                    .visit_map(map)
                    .map(|p| PropertiesSlot::Object(Box::new(p)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(PropertiesSlot::Wrong("an array".into()))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(PropertiesSlot::Wrong("a boolean".into()))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(PropertiesSlot::Wrong("a number".into()))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(PropertiesSlot::Wrong("a number".into()))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(PropertiesSlot::Wrong("a number".into()))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(PropertiesSlot::Wrong("a string".into()))
            }
        }
        d.deserialize_any(Slot)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn props(json: &str) -> Properties<'_> {
        match serde_json::from_str::<PropertiesSlot<'_>>(json).unwrap() {
            PropertiesSlot::Object(p) => *p,
            PropertiesSlot::Wrong(w) => panic!("not an object: {w}"),
        }
    }

    #[test]
    fn values_of_the_wrong_type_are_described_not_fatal() {
        let p = props(
            r#"{"id": 17, "name": ["x"], "gauge_mm": "wide", "countries": ["IR", 5], "one_way": true, "extra": {"a": 1}}"#,
        );
        assert_eq!(p.id, Field::Value(Cow::Borrowed("17")));
        assert_eq!(p.name, Field::Wrong("an array".into()));
        assert_eq!(p.gauge_mm, Field::Wrong("the string \"wide\"".into()));
        assert_eq!(p.countries, Field::Wrong("an array holding 5".into()));
        assert_eq!(p.one_way, Field::Value(true));
        assert_eq!(p.mode, Field::Absent);
    }

    #[test]
    fn strings_borrow_unless_escaped_and_one_string_is_a_list() {
        let p = props(r#"{"name": "Astara", "source": "a \"quoted\" source", "passages": "suez"}"#);
        assert!(matches!(p.name, Field::Value(Cow::Borrowed("Astara"))));
        assert!(matches!(p.source, Field::Value(Cow::Owned(_))));
        assert_eq!(p.passages, Field::Value(vec![Cow::Borrowed("suez")]));
    }

    #[test]
    fn properties_must_be_an_object_or_null() {
        assert!(matches!(
            serde_json::from_str::<PropertiesSlot<'_>>("[1, 2]").unwrap(),
            PropertiesSlot::Wrong(_)
        ));
        assert!(matches!(
            serde_json::from_str::<PropertiesSlot<'_>>("null").unwrap(),
            PropertiesSlot::Object(_)
        ));
    }
}
