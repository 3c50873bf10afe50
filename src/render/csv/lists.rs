//! CSV of the tabular answers: a comparison, a route's legs, the network's lists, the
//! assumptions, a sensitivity ranking and the profile checks.

use std::io::{self, Write};

use super::{Rows, round};
use crate::model::{Assumptions, RouteReport};
use crate::network::Network;
use crate::provenance::Provenance;
use crate::questions::compare::Comparison;
use crate::questions::reproduce::ProfileCheck;
use crate::questions::sensitivity::Sensitivity;
use crate::routing::Corridors;

/// Writes a comparison, one row per route: its figures, its differences from the reference
/// (absolute and in percent), its branch, passages and countries.
///
/// # Errors
/// I/O errors of the writer.
pub fn comparison(c: &Comparison, provenance: &Provenance, w: &mut impl Write) -> io::Result<()> {
    let mut rows = Rows::new(&[
        "route",
        "corridor",
        "reference",
        "branch",
        "distance_km",
        "sea_nm",
        "time_days",
        "cost_usd",
        "co2e_t",
        "transfers",
        "borders",
        "delta_km",
        "delta_days",
        "delta_usd",
        "delta_co2e_t",
        "delta_km_pct",
        "delta_days_pct",
        "delta_usd_pct",
        "delta_co2e_pct",
        "passages",
        "countries",
    ])?;
    for r in &c.routes {
        let (x, d) = (&r.route, &r.vs_reference);
        rows.row(&[
            &x.label,
            x.corridor.as_deref().unwrap_or(""),
            if r.is_reference { "1" } else { "" },
            &r.branch,
            &round(x.distance_km, 1),
            &round(x.sea_nm, 1),
            &round(x.time_days, 2),
            &round(x.cost_usd, 0),
            &round(x.co2e_kg / 1000.0, 3),
            &x.transfers.to_string(),
            &x.borders.to_string(),
            &round(d.distance_km, 1),
            &round(d.time_days, 2),
            &round(d.cost_usd, 0),
            &round(d.co2e_kg / 1000.0, 3),
            &round(d.distance_pct, 1),
            &round(d.time_pct, 1),
            &round(d.cost_pct, 1),
            &round(d.co2e_pct, 1),
            &x.passages.join(" "),
            &x.countries.join(" "),
        ])?;
    }
    rows.finish(provenance, w)
}

/// Writes a route's legs in travel order: ends (ids and names), mode, status, km, hours,
/// USD and kg CO2e per TEU, countries and passages.
///
/// # Errors
/// I/O errors of the writer.
pub fn route(r: &RouteReport, provenance: &Provenance, w: &mut impl Write) -> io::Result<()> {
    let mut rows = Rows::new(&[
        "seq",
        "leg",
        "from",
        "to",
        "from_name",
        "to_name",
        "mode",
        "status",
        "distance_km",
        "time_hours",
        "cost_usd",
        "co2e_kg",
        "countries",
        "passages",
    ])?;
    for (i, l) in r.legs.iter().enumerate() {
        rows.row(&[
            &(i + 1).to_string(),
            &l.id,
            &l.from,
            &l.to,
            &l.from_name,
            &l.to_name,
            l.mode.as_str(),
            l.status.as_str(),
            &round(l.distance_km, 1),
            &round(l.time_hours, 2),
            &round(l.cost_usd, 0),
            &round(l.co2e_kg, 1),
            &l.countries.join(" "),
            &l.passages.join(" "),
        ])?;
    }
    rows.finish(provenance, w)
}

/// Writes the nodes: id, name, kind, country, UN/LOCODE, position, passage.
///
/// # Errors
/// I/O errors of the writer.
pub fn nodes(net: &Network, provenance: &Provenance, w: &mut impl Write) -> io::Result<()> {
    let mut rows = Rows::new(&[
        "id", "name", "kind", "country", "locode", "lon", "lat", "passage",
    ])?;
    for n in net.nodes() {
        rows.row(&[
            &n.id,
            &n.name,
            n.kind.as_str(),
            n.country.as_deref().unwrap_or(""),
            n.locode.as_deref().unwrap_or(""),
            &round(n.position.x(), 6),
            &round(n.position.y(), 6),
            n.passage.as_deref().unwrap_or(""),
        ])?;
    }
    rows.finish(provenance, w)
}

/// Writes the corridors: id, name, what they pass (`;` between entries) and avoid.
///
/// # Errors
/// I/O errors of the writer.
pub fn corridors(c: &Corridors, provenance: &Provenance, w: &mut impl Write) -> io::Result<()> {
    let mut rows = Rows::new(&["id", "name", "pass", "avoid", "description"])?;
    for k in c.list() {
        let pass: Vec<String> = k.pass.iter().map(|alts| alts.join("|")).collect();
        rows.row(&[
            &k.id,
            &k.name,
            &pass.join("; "),
            &k.avoid.join("; "),
            &k.description,
        ])?;
    }
    rows.finish(provenance, w)
}

/// Writes the passages: id and name.
///
/// # Errors
/// I/O errors of the writer.
pub fn passages(net: &Network, provenance: &Provenance, w: &mut impl Write) -> io::Result<()> {
    let mut rows = Rows::new(&["id", "name"])?;
    for (id, name) in net.passages() {
        rows.row(&[&id, &name])?;
    }
    rows.finish(provenance, w)
}

/// Writes the assumptions: key, value, range, unit, where the value was set, source.
///
/// # Errors
/// I/O errors of the writer.
pub fn assumptions(a: &Assumptions, provenance: &Provenance, w: &mut impl Write) -> io::Result<()> {
    let mut rows = Rows::new(&["key", "value", "low", "high", "unit", "origin", "source"])?;
    let opt = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    for p in a.params() {
        rows.row(&[
            &p.key,
            &p.value.to_string(),
            &opt(p.low),
            &opt(p.high),
            &p.unit,
            &p.origin,
            &p.source,
        ])?;
    }
    rows.finish(provenance, w)
}

/// Writes a sensitivity ranking, the `top` largest swings: key, unit, the low and high values
/// tried, the difference at each, the swing.
///
/// # Errors
/// I/O errors of the writer.
pub fn sensitivity(
    s: &Sensitivity,
    top: usize,
    provenance: &Provenance,
    w: &mut impl Write,
) -> io::Result<()> {
    let mut rows = Rows::new(&[
        "key",
        "unit",
        "low",
        "high",
        "at_low",
        "at_high",
        "swing",
        "difference_unit",
    ])?;
    for x in s.swings.iter().take(top) {
        rows.row(&[
            &x.key,
            &x.unit,
            &x.low.to_string(),
            &x.high.to_string(),
            &round(x.at_low, 3),
            &round(x.at_high, 3),
            &round(x.swing, 3),
            s.unit.as_str(),
        ])?;
    }
    rows.finish(provenance, w)
}

/// Writes each profile's cases: published, profile and default days and USD.
///
/// # Errors
/// I/O errors of the writer.
pub fn profiles(
    checks: &[ProfileCheck],
    provenance: &Provenance,
    w: &mut impl Write,
) -> io::Result<()> {
    let mut rows = Rows::new(&[
        "profile",
        "case",
        "corridor",
        "days_published",
        "days_profile",
        "days_default",
        "usd_published",
        "usd_profile",
        "usd_default",
    ])?;
    let opt = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    for c in checks {
        for r in &c.results {
            rows.row(&[
                &c.name,
                &r.label,
                &r.corridor,
                &opt(r.published_days),
                &round(r.profile_days, 2),
                &round(r.default_days, 2),
                &opt(r.published_usd),
                &round(r.profile_usd, 0),
                &round(r.default_usd, 0),
            ])?;
        }
    }
    rows.finish(provenance, w)
}
