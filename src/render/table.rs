//! Tables for the terminal (comfy-table), sized to fit 100 columns.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};

use crate::assess::KM_PER_NM;
use crate::assumptions::Assumptions;
use crate::compare::Comparison;
use crate::network::{Mode, Network, Status};
use crate::report::RouteReport;

/// Width the tables are laid out for, columns.
pub const WIDTH: u16 = 100;

fn table(header: Vec<&str>) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(WIDTH);
    t.set_header(header);
    t
}

fn right(t: &mut Table, from: usize) {
    let n = t.column_count();
    for i in from..n {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// Writes free text wrapped at [`WIDTH`] columns (words are never split).
fn para(w: &mut impl Write, text: &str) -> io::Result<()> {
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > WIDTH as usize {
            writeln!(w, "{line}")?;
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    writeln!(w, "{line}")
}

/// Thousands separators: 16066 → "16,066".
#[must_use]
pub fn thousands(x: f64) -> String {
    #[allow(clippy::cast_possible_truncation)]
    let n = x.round() as i64;
    let s = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn signed_pct(x: f64) -> String {
    if x.abs() < 0.05 {
        "—".into()
    } else {
        format!("{x:+.0}%")
    }
}

fn mode_split(r: &RouteReport) -> String {
    r.by_mode
        .iter()
        .map(|m| format!("{} {}", m.mode, thousands(m.distance_km)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes a comparison: one row per route with distance, time, cost, emissions, transfers,
/// borders and the difference from the reference; then the split by mode and the passages.
///
/// # Errors
/// I/O errors of the writer.
pub fn comparison(c: &Comparison, w: &mut impl Write) -> io::Result<()> {
    let reference = &c.routes[0].route.label;
    writeln!(
        w,
        "{} → {}   (each route the best by {})",
        c.from.name, c.to.name, c.objective
    )?;
    let mut t = table(vec![
        "Route",
        "km",
        "sea nm",
        "days",
        "USD/TEU",
        "t CO2e",
        "transfers",
        "borders",
    ]);
    for r in &c.routes {
        let x = &r.route;
        t.add_row(vec![
            Cell::new(&x.label),
            Cell::new(thousands(x.distance_km)),
            Cell::new(thousands(x.sea_nm)),
            Cell::new(format!("{:.1}", x.time_days)),
            Cell::new(thousands(x.cost_usd)),
            Cell::new(format!("{:.2}", x.co2e_kg / 1000.0)),
            Cell::new(x.transfers),
            Cell::new(x.borders),
        ]);
    }
    right(&mut t, 1);
    writeln!(w, "{t}")?;
    let header = format!("vs {reference}");
    let mut t = table(vec![
        header.as_str(),
        "Δ km",
        "Δ days",
        "Δ USD",
        "Δ CO2e",
        "stops, days",
        "km by mode",
    ]);
    for r in c.routes.iter().filter(|r| !r.is_reference) {
        let x = &r.route;
        let d = &r.vs_reference;
        t.add_row(vec![
            Cell::new(&x.label),
            Cell::new(signed_pct(d.distance_pct)),
            Cell::new(signed_pct(d.time_pct)),
            Cell::new(signed_pct(d.cost_pct)),
            Cell::new(signed_pct(d.co2e_pct)),
            Cell::new(format!("{:.1}", x.stop_hours / 24.0)),
            Cell::new(mode_split(x)),
        ]);
    }
    right(&mut t, 1);
    if let Some(col) = t.column_mut(6) {
        col.set_cell_alignment(CellAlignment::Left);
    }
    if c.routes.len() > 1 {
        writeln!(w, "{t}")?;
    }
    let mut t = table(vec!["Route", "passages", "countries"]);
    for r in &c.routes {
        let x = &r.route;
        t.add_row(vec![
            x.label.clone(),
            if x.passages.is_empty() {
                "—".into()
            } else {
                x.passages.join(", ")
            },
            x.countries.join(" "),
        ]);
    }
    writeln!(w, "{t}")?;
    if c.routes.len() == 1 {
        writeln!(
            w,
            "reference {reference}: {} (km by mode)",
            mode_split(&c.routes[0].route)
        )?;
    }
    for u in &c.unavailable {
        writeln!(w, "{}: {}", u.label, u.reason)?;
    }
    if let Some(u) = &c.uncertainty {
        uncertainty(u, w)?;
    }
    Ok(())
}

/// Writes Monte Carlo percentiles of time and cost per route.
///
/// # Errors
/// I/O errors of the writer.
pub fn uncertainty(u: &crate::montecarlo::Uncertainty, w: &mut impl Write) -> io::Result<()> {
    writeln!(
        w,
        "Monte Carlo: {} draws (seed {}) of the {} assumptions that have a range; routes fixed",
        thousands(u.samples as f64),
        u.seed,
        u.varied.len()
    )?;
    let mut t = table(vec![
        "Route", "days P10", "P50", "P90", "USD P10", "P50", "P90", "faster", "cheaper",
    ]);
    for (i, r) in u.routes.iter().enumerate() {
        let share = |x: f64| {
            if i == 0 {
                "ref".to_string()
            } else {
                format!("{:.0}%", x * 100.0)
            }
        };
        t.add_row(vec![
            Cell::new(&r.label),
            Cell::new(format!("{:.1}", r.time_days.p10)),
            Cell::new(format!("{:.1}", r.time_days.p50)),
            Cell::new(format!("{:.1}", r.time_days.p90)),
            Cell::new(thousands(r.cost_usd.p10)),
            Cell::new(thousands(r.cost_usd.p50)),
            Cell::new(thousands(r.cost_usd.p90)),
            Cell::new(share(r.faster_than_reference)),
            Cell::new(share(r.cheaper_than_reference)),
        ]);
    }
    right(&mut t, 1);
    writeln!(w, "{t}")?;
    writeln!(
        w,
        "faster / cheaper: share of draws in which the route beats the reference"
    )
}

/// Writes a sensitivity analysis as a ranked table with a text tornado bar.
///
/// # Errors
/// I/O errors of the writer.
pub fn sensitivity(
    s: &crate::sensitivity::Sensitivity,
    top: usize,
    w: &mut impl Write,
) -> io::Result<()> {
    let fmt = |x: f64| {
        if s.unit == "days" {
            format!("{x:+.1}")
        } else {
            format!("{:+}", thousands(x)).replace("++", "+")
        }
    };
    para(
        w,
        &format!(
            "{} minus {}: {} {} with every assumption central; each row sets one assumption to its low, then its high value",
            s.other,
            s.reference,
            fmt(s.base),
            s.unit
        ),
    )?;
    let max = s.swings.iter().map(|x| x.swing).fold(0.0, f64::max);
    let mut t = table(vec![
        "assumption",
        "low → high",
        "Δ at low",
        "Δ at high",
        "swing",
    ]);
    for x in s.swings.iter().take(top) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let bar = if max > 0.0 {
            "█".repeat(((x.swing / max) * 20.0).round() as usize)
        } else {
            String::new()
        };
        t.add_row(vec![
            Cell::new(&x.key),
            Cell::new(format!("{} → {} {}", x.low, x.high, x.unit)),
            Cell::new(fmt(x.at_low)).set_alignment(CellAlignment::Right),
            Cell::new(fmt(x.at_high)).set_alignment(CellAlignment::Right),
            Cell::new(bar),
        ]);
    }
    writeln!(w, "{t}")?;
    if s.swings.len() > top {
        writeln!(
            w,
            "{} more assumptions with smaller swings (--top to show them)",
            s.swings.len() - top
        )?;
    }
    Ok(())
}

/// A run of legs of one mode and status without a stop between them.
struct Stage {
    from: String,
    to: String,
    mode: String,
    km: f64,
    hours: f64,
    usd: f64,
    co2e: f64,
    legs: usize,
}

fn stages(r: &RouteReport) -> Vec<Stage> {
    let mut out: Vec<Stage> = Vec::new();
    let mut last_mode = String::new();
    for l in &r.legs {
        let mode = if l.status == Status::Operational.as_str() {
            l.mode.to_string()
        } else {
            format!("{} ({})", l.mode, l.status)
        };
        let stop_here = r.stops.iter().any(|s| s.node == l.from);
        match out.last_mut() {
            Some(st) if mode == last_mode && !stop_here => {
                st.to.clone_from(&l.to_name);
                st.km += l.distance_km;
                st.hours += l.time_hours;
                st.usd += l.cost_usd;
                st.co2e += l.co2e_kg;
                st.legs += 1;
            }
            _ => out.push(Stage {
                from: l.from_name.clone(),
                to: l.to_name.clone(),
                mode: mode.clone(),
                km: l.distance_km,
                hours: l.time_hours,
                usd: l.cost_usd,
                co2e: l.co2e_kg,
                legs: 1,
            }),
        }
        last_mode = mode;
    }
    out
}

/// Writes one route: a summary, then stage by stage, then the stops and the split by mode.
///
/// # Errors
/// I/O errors of the writer.
pub fn route(r: &RouteReport, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "{}   (chosen by {})", r.label, r.objective)?;
    writeln!(
        w,
        "{} km ({} nm at sea) · {:.1} days · USD {} per TEU · {} kg CO2e per TEU",
        thousands(r.distance_km),
        thousands(r.sea_nm),
        r.time_days,
        thousands(r.cost_usd),
        thousands(r.co2e_kg),
    )?;
    writeln!(
        w,
        "{} · {} · {:.0} kg CO2e per tonne of cargo ({} t per TEU)",
        plural(r.transfers, "transfer"),
        plural(r.borders, "border"),
        r.co2e_kg_per_tonne,
        r.cargo_tonnes_per_teu
    )?;
    if !r.passages.is_empty() {
        writeln!(w, "passages: {}", r.passages.join(", "))?;
    }
    writeln!(w, "countries: {}", r.countries.join(" → "))?;
    // Consecutive legs of one mode with no stop between them (a ship passing sea-lane
    // junctions, a train passing stations) read as one stage; JSON keeps every leg.
    let mut t = table(vec![
        "#", "from", "to", "mode", "km", "hours", "USD", "kg CO2e", "legs",
    ]);
    for (i, st) in stages(r).iter().enumerate() {
        t.add_row(vec![
            Cell::new(i + 1),
            Cell::new(&st.from),
            Cell::new(&st.to),
            Cell::new(&st.mode),
            Cell::new(thousands(st.km)),
            Cell::new(format!("{:.1}", st.hours)),
            Cell::new(thousands(st.usd)),
            Cell::new(thousands(st.co2e)),
            Cell::new(st.legs),
        ]);
    }
    right(&mut t, 4);
    writeln!(w, "{t}")?;
    if !r.stops.is_empty() {
        let mut t = table(vec!["stop", "why", "hours", "USD", "kg CO2e"]);
        for s in &r.stops {
            t.add_row(vec![
                Cell::new(&s.name),
                Cell::new(
                    s.reasons
                        .iter()
                        .map(|x| x.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                Cell::new(format!("{:.1}", s.time_hours)),
                Cell::new(thousands(s.cost_usd)),
                Cell::new(thousands(s.co2e_kg)),
            ]);
        }
        right(&mut t, 2);
        writeln!(w, "{t}")?;
    }
    let mut t = table(vec!["mode", "km", "nm", "hours moving", "USD", "kg CO2e"]);
    for m in &r.by_mode {
        t.add_row(vec![
            m.mode.to_string(),
            thousands(m.distance_km),
            if m.mode == Mode::Sea || m.mode == Mode::Ferry {
                thousands(m.distance_km / KM_PER_NM)
            } else {
                "—".into()
            },
            format!("{:.1}", m.time_hours),
            thousands(m.cost_usd),
            thousands(m.co2e_kg),
        ]);
    }
    right(&mut t, 1);
    writeln!(w, "{t}")
}

/// Lists nodes, legs or passages of a network.
///
/// # Errors
/// I/O errors of the writer.
pub fn nodes(net: &Network, w: &mut impl Write) -> io::Result<()> {
    let mut t = table(vec![
        "id", "name", "kind", "country", "locode", "lon", "lat",
    ]);
    for n in &net.nodes {
        t.add_row(vec![
            n.id.clone(),
            n.name.clone(),
            n.kind.as_str().into(),
            n.country.clone().unwrap_or_default(),
            n.locode.clone().unwrap_or_default(),
            format!("{:.4}", n.position.x()),
            format!("{:.4}", n.position.y()),
        ]);
    }
    writeln!(w, "{t}")?;
    writeln!(w, "{} nodes", net.nodes.len())
}

/// Lists the legs of a network.
///
/// # Errors
/// I/O errors of the writer.
pub fn legs(net: &Network, w: &mut impl Write) -> io::Result<()> {
    let mut t = table(vec![
        "id",
        "from",
        "to",
        "mode",
        "km",
        "status",
        "countries",
    ]);
    for l in &net.legs {
        t.add_row(vec![
            Cell::new(&l.id),
            Cell::new(&net.node(l.from).id),
            Cell::new(&net.node(l.to).id),
            Cell::new(l.mode),
            Cell::new(thousands(l.length_km)).set_alignment(CellAlignment::Right),
            Cell::new(l.status.as_str()),
            Cell::new(l.countries.join(" ")),
        ]);
    }
    writeln!(w, "{t}")?;
    writeln!(w, "{} legs", net.legs.len())
}

/// Lists the passages of a network.
///
/// # Errors
/// I/O errors of the writer.
pub fn passages(net: &Network, w: &mut impl Write) -> io::Result<()> {
    let mut t = table(vec!["passage", "name"]);
    for (id, name) in net.passages() {
        t.add_row(vec![id, name]);
    }
    writeln!(w, "{t}")
}

/// Lists corridors.
///
/// # Errors
/// I/O errors of the writer.
pub fn corridors(c: &crate::corridor::Corridors, w: &mut impl Write) -> io::Result<()> {
    let mut t = table(vec!["corridor", "name", "must pass", "must avoid"]);
    for x in &c.list {
        t.add_row(vec![
            x.id.clone(),
            x.name.clone(),
            x.pass
                .iter()
                .map(|alts| alts.join(" or "))
                .collect::<Vec<_>>()
                .join("; "),
            x.avoid.join(", "),
        ]);
    }
    writeln!(w, "{t}")
}

/// Lists every assumption with value, range, unit and source.
///
/// # Errors
/// I/O errors of the writer.
pub fn assumptions(a: &Assumptions, w: &mut impl Write) -> io::Result<()> {
    let mut t = table(vec!["key", "value", "range", "unit", "source"]);
    for p in a.params() {
        let range = match (p.low, p.high) {
            (None, None) => String::new(),
            _ => format!("{}–{}", p.low.unwrap_or(p.value), p.high.unwrap_or(p.value)),
        };
        let mut source = p.source.clone();
        if p.origin != "<embedded assumptions>" && !p.origin.is_empty() && p.origin != source {
            source = format!("[{}] {source}", p.origin);
        }
        t.add_row(vec![
            p.key.clone(),
            format!("{}", p.value),
            range,
            p.unit.clone(),
            source,
        ]);
    }
    writeln!(w, "{t}")
}

/// Writes what each profile changes and how close it lands to its study.
///
/// # Errors
/// I/O errors of the writer.
pub fn profiles(checks: &[crate::profile::ProfileCheck], w: &mut impl Write) -> io::Result<()> {
    let opt = |x: Option<f64>, f: &dyn Fn(f64) -> String| x.map_or_else(|| "—".to_string(), f);
    for c in checks {
        para(w, &format!("profile {}: {}", c.name, c.source))?;
        if c.results.is_empty() && c.overrides.is_empty() {
            writeln!(w, "  (the defaults; no published case attached)")?;
            continue;
        }
        let mut t = table(vec![
            "case",
            "corridor",
            "days pub.",
            "profile",
            "default",
            "USD pub.",
            "profile",
            "default",
        ]);
        for r in &c.results {
            t.add_row(vec![
                Cell::new(&r.label),
                Cell::new(&r.corridor),
                Cell::new(opt(r.published_days, &|x| format!("{x:.0}"))),
                Cell::new(format!("{:.1}", r.profile_days)),
                Cell::new(format!("{:.1}", r.default_days)),
                Cell::new(opt(r.published_usd, &thousands)),
                Cell::new(thousands(r.profile_usd)),
                Cell::new(thousands(r.default_usd)),
            ]);
        }
        right(&mut t, 2);
        writeln!(w, "{t}")?;
        if !c.overrides.is_empty() {
            let mut t = table(vec!["assumption", "default", "profile", "unit"]);
            for o in &c.overrides {
                t.add_row(vec![
                    o.key.clone(),
                    format!("{}", o.default),
                    format!("{}", o.profile),
                    o.unit.clone(),
                ]);
            }
            right(&mut t, 1);
            writeln!(w, "why it differs from the defaults:\n{t}")?;
        }
    }
    Ok(())
}
