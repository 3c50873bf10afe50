//! Reading a GeoJSON FeatureCollection feature by feature, in one pass over the text.
//!
//! Features stream to a sink as they are read, so the whole document is never held as a tree.
//! Only a JSON syntax error fails the file; a member of the wrong shape (a feature that is not
//! an object, malformed coordinates, properties of the wrong type) becomes a problem of that
//! feature, and the other features are still read and checked. RFC 7946 objects must be JSON
//! objects: an array in their place is refused (serde's derived readers would accept one).
//!
//! Why not `geojson::FeatureCollection`: it builds a `serde_json::Value` for every property and
//! buffers each feature for its foreign members: decoding the embedded network it took 603 µs
//! against this reader's 318 µs (1.9×, `cargo bench --bench routing -- decode`, BENCHMARKS.md);
//! it holds the whole document in memory, and it fails the whole file at the first bad feature.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::coordinates::{Coords, CoordsSeed, Pos, Shape};
use super::properties::{Field, Properties, PropertiesSlot, Text};
use crate::error::{Error, Result};

/// A feature decoded from JSON, not yet checked.
pub(crate) enum Decoded<'a> {
    /// A Point: a node.
    Point {
        id: Option<String>,
        props: Box<Properties<'a>>,
        coords: Pos,
    },
    /// A LineString (one part) or a MultiLineString (one leg per part).
    Lines {
        id: Option<String>,
        props: Box<Properties<'a>>,
        parts: Vec<Vec<Pos>>,
    },
    /// A feature that cannot be read as a node or leg.
    Problem { id: Option<String>, message: String },
}

/// Reads the document, calling `sink` with each feature's index and content in file order.
///
/// # Errors
/// [`Error::Json`] when the text is not JSON; [`Error::Parse`] when it is not a
/// FeatureCollection with a `features` array.
pub(crate) fn features<'a>(
    text: &'a str,
    file: &str,
    sink: &mut dyn FnMut(usize, Decoded<'a>),
) -> Result<()> {
    let mut de = serde_json::Deserializer::from_str(text);
    let outcome = de
        .deserialize_any(DocumentVisitor { sink })
        .and_then(|o| de.end().map(|()| o))
        .map_err(|source| Error::Json {
            file: file.to_string(),
            source,
        })?;
    let problem = match outcome {
        Outcome::Read { kind, features } => match (kind.as_deref(), features) {
            (Some("FeatureCollection"), true) => return Ok(()),
            (Some("FeatureCollection"), false) => {
                "the FeatureCollection has no \"features\" array".to_string()
            }
            (Some(other), _) => format!("expected a FeatureCollection, found type {other:?}"),
            (None, _) => "the top-level object has no \"type\" (expected FeatureCollection)".into(),
        },
        Outcome::NotAnObject(found) => {
            format!("the document is {found}, not a GeoJSON object (expected a FeatureCollection)")
        }
    };
    Err(Error::Parse {
        file: file.to_string(),
        message: problem,
    })
}

enum Outcome {
    Read {
        kind: Option<String>,
        features: bool,
    },
    NotAnObject(&'static str),
}

struct DocumentVisitor<'s, 'a> {
    sink: &'s mut dyn FnMut(usize, Decoded<'a>),
}

impl<'de> Visitor<'de> for DocumentVisitor<'_, 'de> {
    type Value = Outcome;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a GeoJSON FeatureCollection object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Outcome, A::Error> {
        let mut kind = None;
        let mut features = false;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match key.as_ref() {
                "type" => {
                    if let Field::Value(t) = map.next_value::<Field<Text<'de>>>()? {
                        kind = Some(t.into_owned());
                    }
                }
                "features" => {
                    features = map.next_value_seed(FeaturesSeed {
                        sink: &mut *self.sink,
                    })?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Outcome::Read { kind, features })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Outcome, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Outcome::NotAnObject("an array"))
    }

    fn visit_str<E>(self, _: &str) -> std::result::Result<Outcome, E> {
        Ok(Outcome::NotAnObject("a string"))
    }

    fn visit_f64<E>(self, _: f64) -> std::result::Result<Outcome, E> {
        Ok(Outcome::NotAnObject("a number"))
    }

    fn visit_u64<E>(self, _: u64) -> std::result::Result<Outcome, E> {
        Ok(Outcome::NotAnObject("a number"))
    }

    fn visit_i64<E>(self, _: i64) -> std::result::Result<Outcome, E> {
        Ok(Outcome::NotAnObject("a number"))
    }

    fn visit_bool<E>(self, _: bool) -> std::result::Result<Outcome, E> {
        Ok(Outcome::NotAnObject("a boolean"))
    }

    fn visit_unit<E>(self) -> std::result::Result<Outcome, E> {
        Ok(Outcome::NotAnObject("null"))
    }
}

/// The `features` member: `true` when it is an array (its features go to the sink).
struct FeaturesSeed<'s, 'a> {
    sink: &'s mut dyn FnMut(usize, Decoded<'a>),
}

impl<'de> DeserializeSeed<'de> for FeaturesSeed<'_, 'de> {
    type Value = bool;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FeaturesSeed<'_, 'de> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of features")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<bool, A::Error> {
        let mut i = 0;
        while let Some(feature) = seq.next_element::<FeatureSlot<'de>>()? {
            (self.sink)(i, feature.0);
            i += 1;
        }
        Ok(true)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }

    fn visit_unit<E>(self) -> std::result::Result<bool, E> {
        Ok(false)
    }

    fn visit_str<E>(self, _: &str) -> std::result::Result<bool, E> {
        Ok(false)
    }

    fn visit_f64<E>(self, _: f64) -> std::result::Result<bool, E> {
        Ok(false)
    }

    fn visit_u64<E>(self, _: u64) -> std::result::Result<bool, E> {
        Ok(false)
    }

    fn visit_i64<E>(self, _: i64) -> std::result::Result<bool, E> {
        Ok(false)
    }

    fn visit_bool<E>(self, _: bool) -> std::result::Result<bool, E> {
        Ok(false)
    }
}

/// One element of `features`, decoded (or the reason it cannot be).
struct FeatureSlot<'a>(Decoded<'a>);

/// A feature's `geometry` member as read: its type and its coordinates, read in the same pass
/// when the type comes first (as it usually does), else kept raw until the type is known.
#[derive(Default)]
struct RawGeometry<'a> {
    kind: Field<Text<'a>>,
    coordinates: Option<Read<'a>>,
}

/// Coordinates read with the shape known, or kept as text.
enum Read<'a> {
    Parsed(std::result::Result<Coords, String>),
    Raw(&'a RawValue),
}

enum GeometrySlot<'a> {
    Null,
    Object(RawGeometry<'a>),
    Wrong(&'static str),
}

impl<'de> serde::Deserialize<'de> for GeometrySlot<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = GeometrySlot<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a geometry object or null")
            }
            fn visit_unit<E>(self) -> std::result::Result<Self::Value, E> {
                Ok(GeometrySlot::Null)
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                let mut g = RawGeometry::default();
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    match key.as_ref() {
                        "type" => g.kind = map.next_value()?,
                        "coordinates" => {
                            let shape = match &g.kind {
                                Field::Value(k) => Shape::of(k),
                                _ => None,
                            };
                            g.coordinates = Some(match shape {
                                Some(s) => Read::Parsed(map.next_value_seed(CoordsSeed(s))?),
                                None => Read::Raw(map.next_value()?),
                            });
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(GeometrySlot::Object(g))
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(GeometrySlot::Wrong("an array"))
            }
            fn visit_str<E>(self, _: &str) -> std::result::Result<Self::Value, E> {
                Ok(GeometrySlot::Wrong("a string"))
            }
            fn visit_f64<E>(self, _: f64) -> std::result::Result<Self::Value, E> {
                Ok(GeometrySlot::Wrong("a number"))
            }
            fn visit_u64<E>(self, _: u64) -> std::result::Result<Self::Value, E> {
                Ok(GeometrySlot::Wrong("a number"))
            }
            fn visit_i64<E>(self, _: i64) -> std::result::Result<Self::Value, E> {
                Ok(GeometrySlot::Wrong("a number"))
            }
            fn visit_bool<E>(self, _: bool) -> std::result::Result<Self::Value, E> {
                Ok(GeometrySlot::Wrong("a boolean"))
            }
        }
        d.deserialize_any(Visit)
    }
}

impl<'de> serde::Deserialize<'de> for FeatureSlot<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(FeatureVisitor)
    }
}

struct FeatureVisitor;

impl FeatureVisitor {
    fn not_an_object<'a>(found: &str) -> FeatureSlot<'a> {
        FeatureSlot(Decoded::Problem {
            id: None,
            message: format!("is {found}, not a GeoJSON Feature object"),
        })
    }
}

impl<'de> Visitor<'de> for FeatureVisitor {
    type Value = FeatureSlot<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a GeoJSON Feature object")
    }

    fn visit_map<A: MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        let mut kind: Field<Text<'de>> = Field::Absent;
        let mut feature_id: Field<Text<'de>> = Field::Absent;
        let mut props = PropertiesSlot::Object(Box::default());
        let mut geometry = GeometrySlot::Null;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match key.as_ref() {
                "type" => kind = map.next_value()?,
                "id" => feature_id = map.next_value()?,
                "properties" => props = map.next_value()?,
                "geometry" => geometry = map.next_value()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(FeatureSlot(assemble(kind, feature_id, props, geometry)))
    }

    fn visit_seq<A: SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Self::not_an_object("an array"))
    }

    fn visit_str<E>(self, _: &str) -> std::result::Result<Self::Value, E> {
        Ok(Self::not_an_object("a string"))
    }

    fn visit_f64<E>(self, _: f64) -> std::result::Result<Self::Value, E> {
        Ok(Self::not_an_object("a number"))
    }

    fn visit_u64<E>(self, _: u64) -> std::result::Result<Self::Value, E> {
        Ok(Self::not_an_object("a number"))
    }

    fn visit_i64<E>(self, _: i64) -> std::result::Result<Self::Value, E> {
        Ok(Self::not_an_object("a number"))
    }

    fn visit_bool<E>(self, _: bool) -> std::result::Result<Self::Value, E> {
        Ok(Self::not_an_object("a boolean"))
    }

    fn visit_unit<E>(self) -> std::result::Result<Self::Value, E> {
        Ok(Self::not_an_object("null"))
    }
}

/// A feature's members, once all are read, as a node, a leg or a problem.
fn assemble<'a>(
    kind: Field<Text<'a>>,
    feature_id: Field<Text<'a>>,
    props: PropertiesSlot<'a>,
    geometry: GeometrySlot<'a>,
) -> Decoded<'a> {
    let props = match props {
        PropertiesSlot::Object(p) => Ok(p),
        PropertiesSlot::Wrong(found) => Err(found),
    };
    // The `id` property names a feature in messages, else the feature's own `id`.
    let id = props
        .as_ref()
        .ok()
        .and_then(|p| match &p.id {
            Field::Value(id) => Some(id.to_string()),
            _ => None,
        })
        .or(match feature_id {
            Field::Value(id) => Some(id.into_owned()),
            _ => None,
        });
    let problem = |message: String| Decoded::Problem {
        id: id.clone(),
        message,
    };
    match kind {
        Field::Value(k) if k == "Feature" => {}
        Field::Value(k) => return problem(format!("has type {k:?}; a network holds Features")),
        Field::Absent => return problem("has no \"type\" (expected Feature)".into()),
        Field::Wrong(found) => {
            return problem(format!("has {found} as its type; expected \"Feature\""));
        }
    }
    let props = match props {
        Ok(p) => p,
        Err(found) => {
            return problem(format!(
                "has {found} as `properties`; RFC 7946 requires an object"
            ));
        }
    };
    let geometry = match geometry {
        GeometrySlot::Object(g) => g,
        GeometrySlot::Null => return problem("has no geometry".into()),
        GeometrySlot::Wrong(found) => {
            return problem(format!(
                "has {found} as `geometry`; RFC 7946 requires an object"
            ));
        }
    };
    let kind = match &geometry.kind {
        Field::Value(k) => k.as_ref(),
        _ => return problem("has a geometry without a \"type\"".into()),
    };
    let Some(shape) = Shape::of(kind) else {
        return problem(format!(
            "has a {kind} geometry; nodes are Points and legs LineStrings"
        ));
    };
    let coords = match geometry.coordinates {
        None => return problem(format!("{kind} has no coordinates")),
        Some(Read::Parsed(c)) => c,
        // Valid JSON, read once already to find its end.
        Some(Read::Raw(raw)) => CoordsSeed(shape)
            .deserialize(&mut serde_json::Deserializer::from_str(raw.get()))
            .map_err(|e| e.to_string())
            .and_then(|c| c),
    };
    match coords {
        Ok(Coords::Point(coords)) => Decoded::Point { id, props, coords },
        Ok(Coords::Lines(parts)) => Decoded::Lines { id, props, parts },
        Err(e) => problem(format!("{kind} coordinates are malformed: {e}")),
    }
}
