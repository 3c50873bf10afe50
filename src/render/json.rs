//! JSON output: any serialisable answer as one pretty-printed JSON value.

use std::io::{self, Write};

use crate::provenance::Provenance;

/// Writes a value as pretty JSON followed by a newline.
///
/// # Errors
/// I/O errors of the writer.
pub fn write<T: serde::Serialize>(value: &T, w: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, value).map_err(io::Error::other)?;
    writeln!(w)
}

/// An answer with the record of how it was made, as one object: the answer's keys, then
/// `provenance`.
#[derive(serde::Serialize)]
struct WithProvenance<'a, T: serde::Serialize> {
    #[serde(flatten)]
    answer: &'a T,
    provenance: &'a Provenance,
}

/// Writes an answer (a value that serialises as a JSON object) as pretty JSON with a
/// `provenance` key added, followed by a newline.
///
/// # Errors
/// I/O errors of the writer; an answer that is not an object cannot be flattened.
pub fn answer<T: serde::Serialize>(
    value: &T,
    provenance: &Provenance,
    w: &mut impl Write,
) -> io::Result<()> {
    write(
        &WithProvenance {
            answer: value,
            provenance,
        },
        w,
    )
}

/// Writes the nodes of a network as a JSON array of objects with the properties of
/// data/README.md and their position.
///
/// # Errors
/// I/O errors of the writer.
pub fn nodes(net: &crate::network::Network, w: &mut impl Write) -> io::Result<()> {
    let list: Vec<serde_json::Value> = net
        .nodes()
        .iter()
        .map(|n| {
            serde_json::json!({
                "id": n.id, "name": n.name, "aliases": n.aliases, "kind": n.kind.as_str(),
                "country": n.country, "locode": n.locode, "passage": n.passage,
                "lon": n.position.x(), "lat": n.position.y(),
            })
        })
        .collect();
    write(&list, w)
}

/// Writes the legs of a network as a JSON array of objects with the properties of
/// data/README.md, the length routes use (`distance_km`), the drawn geodesic length
/// (`drawn_km`) and which of the two is used (`length`: `published` or `drawn`).
///
/// # Errors
/// I/O errors of the writer.
pub fn legs(net: &crate::network::Network, w: &mut impl Write) -> io::Result<()> {
    let list: Vec<serde_json::Value> = net
        .legs()
        .iter()
        .map(|l| {
            serde_json::json!({
                "id": l.id, "name": l.name, "from": net.node(l.from).id, "to": net.node(l.to).id,
                "mode": l.mode, "status": l.status, "countries": l.countries,
                "gauge_mm": l.gauge_mm, "passages": l.passages, "distance_km": l.length_km(),
                "drawn_km": l.drawn_km, "length": l.length_basis(), "length_km": l.published_km,
                "length_source": l.published_source, "source": l.source,
            })
        })
        .collect();
    write(&list, w)
}
