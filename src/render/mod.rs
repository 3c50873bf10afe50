//! Stage 5, rendering: one module per output kind, each writing to any `io::Write`; the
//! binary decides where the bytes go.
//!
//! - [`table`]: tables for people (comfy-table, wrapped at word boundaries).
//! - [`json`]: one JSON value for scripts (schema in docs/json.md).
//! - [`csv`]: rows for spreadsheets.
//! - [`geojson`]: RFC 7946 FeatureCollections styled for geojson.io.
//! - [`map`]: SVG maps over Natural Earth land.
//! - [`url`]: geojson.io links that carry a result.

pub mod csv;
pub mod geojson;
pub mod json;
pub mod map;
pub mod table;
pub mod url;
