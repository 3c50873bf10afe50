//! CSV for spreadsheets (the csv crate, RFC 4180 quoting): one row per record, a header row,
//! and a last row `# route …` that says how the file was made (spreadsheets show it as a row;
//! `pandas.read_csv(…, comment="#")` skips it).

use std::io::{self, Write};

use crate::provenance::Provenance;
use crate::questions::matrix::Matrix;
use crate::questions::reach::Reach;

mod lists;

pub use lists::{
    assumptions, comparison, corridors, nodes, passages, profiles, route, sensitivity,
};

fn round(x: f64, places: i32) -> String {
    let f = 10f64.powi(places);
    format!("{}", (x * f).round() / f)
}

/// A CSV file being written in memory: a header row, then rows, then the provenance row.
struct Rows(csv::Writer<Vec<u8>>);

impl Rows {
    fn new(header: &[&str]) -> io::Result<Rows> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(header).map_err(io::Error::other)?;
        Ok(Rows(w))
    }

    fn row(&mut self, cells: &[&str]) -> io::Result<()> {
        self.0.write_record(cells).map_err(io::Error::other)
    }

    fn finish(self, provenance: &Provenance, w: &mut impl Write) -> io::Result<()> {
        finish(self.0, provenance, w)
    }
}

/// Writes a matrix, one row per pair and corridor: the ends (id and name), the corridor, km,
/// days, USD per TEU, t CO2e per TEU, `1` in the `best_*` columns the corridor wins, the
/// passages, and why there is no route where there is none.
///
/// # Errors
/// I/O errors of the writer.
pub fn matrix(m: &Matrix, provenance: &Provenance, w: &mut impl Write) -> io::Result<()> {
    let mut rows = Rows::new(&[
        "from_id",
        "from",
        "to_id",
        "to",
        "corridor",
        "distance_km",
        "time_days",
        "cost_usd",
        "co2e_t",
        "best_time",
        "best_cost",
        "best_co2e",
        "passages",
        "no_route",
    ])?;
    let flag = |won: &Option<String>, c: &str| if won.as_deref() == Some(c) { "1" } else { "" };
    for p in &m.pairs {
        for id in &m.corridors {
            let Some(c) = p.routes.iter().find(|c| &c.corridor == id) else {
                if let Some(u) = p.unavailable.iter().find(|u| &u.corridor == id) {
                    rows.row(&[
                        &p.from.id,
                        &p.from.name,
                        &p.to.id,
                        &p.to.name,
                        &u.corridor,
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        &u.reason,
                    ])?;
                }
                continue;
            };
            rows.row(&[
                &p.from.id,
                &p.from.name,
                &p.to.id,
                &p.to.name,
                &c.corridor,
                &round(c.distance_km, 1),
                &round(c.time_days, 2),
                &round(c.cost_usd, 0),
                &round(c.co2e_t, 3),
                flag(&p.winners.time, &c.corridor),
                flag(&p.winners.cost, &c.corridor),
                flag(&p.winners.co2e, &c.corridor),
                &c.passages.join(" "),
                "",
            ])?;
        }
    }
    rows.finish(provenance, w)
}

/// Ends a file with its provenance row and writes it out whole.
fn finish(
    csv: csv::Writer<Vec<u8>>,
    provenance: &Provenance,
    w: &mut impl Write,
) -> io::Result<()> {
    let mut bytes = csv
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?;
    let mut last = csv::Writer::from_writer(Vec::new());
    last.write_record([format!("# {}", provenance.line())])
        .map_err(io::Error::other)?;
    bytes.extend(
        last.into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?,
    );
    w.write_all(&bytes)
}

/// Writes a reach, one row per place: id, name, country, position, fewest days, lowest USD
/// per TEU and the corridor of the best route.
///
/// # Errors
/// I/O errors of the writer.
pub fn reach(r: &Reach, provenance: &Provenance, w: &mut impl Write) -> io::Result<()> {
    let mut rows = Rows::new(&[
        "id",
        "name",
        "country",
        "lon",
        "lat",
        "time_days",
        "cost_usd",
        "corridor",
    ])?;
    for p in &r.places {
        rows.row(&[
            p.place.id.as_str(),
            &p.place.name,
            p.country.as_deref().unwrap_or(""),
            &round(p.lon, 6),
            &round(p.lat, 6),
            &round(p.time_days, 2),
            &round(p.cost_usd, 0),
            p.corridor.as_deref().unwrap_or(""),
        ])?;
    }
    rows.finish(provenance, w)
}

/// Writes a network's legs, one row each: id, name, from and to node ids, mode, status,
/// countries, the length routed (km) and its basis, the drawn length (km), passages, source.
///
/// # Errors
/// I/O errors of the writer.
pub fn legs(
    net: &crate::network::Network,
    provenance: &Provenance,
    w: &mut impl Write,
) -> io::Result<()> {
    let mut rows = Rows::new(&[
        "id",
        "name",
        "from",
        "to",
        "mode",
        "status",
        "countries",
        "length_km",
        "length",
        "drawn_km",
        "passages",
        "source",
    ])?;
    for l in net.legs() {
        let basis = match l.length_basis() {
            crate::network::LengthBasis::Published => "published",
            crate::network::LengthBasis::Drawn => "drawn",
        };
        rows.row(&[
            l.id.as_str(),
            l.name.as_deref().unwrap_or(""),
            &net.node(l.from).id,
            &net.node(l.to).id,
            l.mode.as_str(),
            l.status.as_str(),
            &l.countries.join(" "),
            &round(l.length_km(), 1),
            basis,
            &round(l.drawn_km, 1),
            &l.passages.join(" "),
            l.source.as_deref().unwrap_or(""),
        ])?;
    }
    rows.finish(provenance, w)
}
