//! Output: tables for people, JSON for scripts, GeoJSON for maps. Renderers write to any
//! `io::Write`; the binary decides where the bytes go.

pub mod geojson;
pub mod table;

use std::io::{self, Write};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// A readable table.
    #[default]
    Table,
    /// One JSON object.
    Json,
    /// An RFC 7946 FeatureCollection with simplestyle properties.
    Geojson,
}

/// Writes any serialisable value as pretty JSON followed by a newline.
///
/// # Errors
/// I/O errors of the writer.
pub fn json<T: serde::Serialize>(value: &T, w: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, value).map_err(io::Error::other)?;
    writeln!(w)
}
