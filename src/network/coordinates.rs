//! Reading GeoJSON coordinates in the same pass as the rest of the feature, leniently: a
//! malformed position makes a problem of its feature, never an error of the file.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::properties::Field;

/// A position as read: longitude and latitude (an altitude or more is ignored); fewer than two
/// numbers is kept as `len < 2` so the checks can report it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pos {
    pub(crate) xy: [f64; 2],
    pub(crate) len: usize,
}

/// The geometry types a network holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Point,
    LineString,
    MultiLineString,
}

impl Shape {
    /// The shape of a GeoJSON geometry type, if a network can hold it.
    pub(crate) fn of(kind: &str) -> Option<Shape> {
        match kind {
            "Point" => Some(Shape::Point),
            "LineString" => Some(Shape::LineString),
            "MultiLineString" => Some(Shape::MultiLineString),
            _ => None,
        }
    }
}

/// Coordinates as read: a point, or the parts of a line; `Err` describes what is malformed.
#[derive(Debug, Clone)]
pub(crate) enum Coords {
    Point(Pos),
    Lines(Vec<Vec<Pos>>),
}

/// Reads coordinates of a known shape.
pub(crate) struct CoordsSeed(pub(crate) Shape);

impl<'de> DeserializeSeed<'de> for CoordsSeed {
    type Value = Result<Coords, String>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        Ok(match self.0 {
            Shape::Point => d.deserialize_any(PosVisitor)?.map(Coords::Point),
            Shape::LineString => d
                .deserialize_any(LineVisitor)?
                .map(|l| Coords::Lines(vec![l])),
            Shape::MultiLineString => d.deserialize_any(MultiVisitor)?.map(Coords::Lines),
        })
    }
}

/// What a value that should have been an array was, in words (the value is consumed).
fn not_an_array<'de, A: MapAccess<'de>>(mut map: A) -> Result<String, A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok("an object".into())
}

macro_rules! scalars_are_wrong {
    ($what:literal) => {
        fn visit_bool<E: de::Error>(self, b: bool) -> Result<Self::Value, E> {
            Ok(Err(format!("{} is {b}", $what)))
        }
        fn visit_f64<E: de::Error>(self, x: f64) -> Result<Self::Value, E> {
            Ok(Err(format!("{} is the number {x}", $what)))
        }
        fn visit_u64<E: de::Error>(self, x: u64) -> Result<Self::Value, E> {
            Ok(Err(format!("{} is the number {x}", $what)))
        }
        fn visit_i64<E: de::Error>(self, x: i64) -> Result<Self::Value, E> {
            Ok(Err(format!("{} is the number {x}", $what)))
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
            Ok(Err(format!("{} is the string {s:?}", $what)))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Err(format!("{} is null", $what)))
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            Ok(Err(format!("{} is {}", $what, not_an_array(map)?)))
        }
    };
}

#[derive(Clone, Copy)]
struct PosVisitor;

impl<'de> Visitor<'de> for PosVisitor {
    type Value = Result<Pos, String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a position: an array of numbers [lon, lat]")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut pos = Pos {
            xy: [f64::NAN; 2],
            len: 0,
        };
        let mut wrong = None;
        while let Some(x) = seq.next_element::<Field<f64>>()? {
            match x {
                Field::Value(x) if pos.len < 2 => pos.xy[pos.len] = x,
                Field::Value(_) => {}
                Field::Wrong(w) => wrong = wrong.or(Some(format!("a position holds {w}"))),
                Field::Absent => wrong = wrong.or(Some("a position holds null".into())),
            }
            pos.len += 1;
        }
        Ok(wrong.map_or(Ok(pos), Err))
    }

    scalars_are_wrong!("a position");
}

/// A sequence of `T`, each read by `V`; the first malformed element makes the whole `Err`,
/// numbered.
fn read_all<'de, A, T, V>(
    mut seq: A,
    what: &str,
    visitor: V,
) -> Result<Result<Vec<T>, String>, A::Error>
where
    A: SeqAccess<'de>,
    V: Visitor<'de, Value = Result<T, String>> + Copy,
{
    struct Element<V>(V);
    impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for Element<V> {
        type Value = V::Value;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
            d.deserialize_any(self.0)
        }
    }
    let mut out = Vec::new();
    let mut wrong = None;
    let mut i = 0;
    while let Some(item) = seq.next_element_seed(Element(visitor))? {
        match item {
            Ok(v) if wrong.is_none() => out.push(v),
            Err(e) if wrong.is_none() => wrong = Some(format!("{what} {i}: {e}")),
            _ => {}
        }
        i += 1;
    }
    Ok(wrong.map_or(Ok(out), Err))
}

#[derive(Clone, Copy)]
struct LineVisitor;

impl<'de> Visitor<'de> for LineVisitor {
    type Value = Result<Vec<Pos>, String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of positions")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        read_all(seq, "position", PosVisitor)
    }

    scalars_are_wrong!("the line");
}

#[derive(Clone, Copy)]
struct MultiVisitor;

impl<'de> Visitor<'de> for MultiVisitor {
    type Value = Result<Vec<Vec<Pos>>, String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of lines")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        read_all(seq, "line", LineVisitor)
    }

    scalars_are_wrong!("the coordinates");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(shape: Shape, json: &str) -> Result<Coords, String> {
        let mut de = serde_json::Deserializer::from_str(json);
        CoordsSeed(shape).deserialize(&mut de).unwrap()
    }

    #[test]
    fn malformed_positions_are_described_with_their_place() {
        assert!(
            matches!(read(Shape::LineString, "[[0,0],[1,1,5]]"), Ok(Coords::Lines(l)) if l[0].len() == 2 && l[0][1].len == 3)
        );
        assert_eq!(
            read(Shape::LineString, r#"[[0,0],[0,"x"]]"#).unwrap_err(),
            "position 1: a position holds the string \"x\""
        );
        assert_eq!(
            read(Shape::MultiLineString, "[[[0,0],[1,1]], 7]").unwrap_err(),
            "line 1: the line is the number 7"
        );
        assert_eq!(
            read(Shape::Point, "{}").unwrap_err(),
            "a position is an object"
        );
        let Ok(Coords::Point(p)) = read(Shape::Point, "[5]") else {
            panic!("a short position reads, for the checks to report")
        };
        assert_eq!(p.len, 1);
    }
}
