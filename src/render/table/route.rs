//! One route, stage by stage: a summary, the stages, the stops and the split by mode.

use std::io::{self, Write};

use comfy_table::Cell;

use super::{plural, right, table, thousands};
use crate::model::{KM_PER_NM, RouteReport};
use crate::network::{Mode, Status};

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
        let mode = if l.status == Status::Operational {
            l.mode.to_string()
        } else {
            format!("{} ({})", l.mode, l.status.as_str().replace('-', " "))
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
/// One route as one line (`route find --pairs`): places, km, days, USD/TEU, kg CO2e/TEU and
/// the passages, so a batch reads as a list.
///
/// # Errors
/// I/O errors of the writer.
pub fn route_line(r: &RouteReport, w: &mut impl Write) -> io::Result<()> {
    let passages = if r.passages.is_empty() {
        String::new()
    } else {
        format!(" · {}", r.passages.join(", "))
    };
    writeln!(
        w,
        "{} → {}: {} km · {:.1} days · USD {} · {} kg CO2e{passages}",
        r.from.name,
        r.to.name,
        thousands(r.distance_km),
        r.time_days,
        thousands(r.cost_usd),
        thousands(r.co2e_kg),
    )
}

/// Writes one route leg by leg: totals, legs, stops and the split by mode.
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
    super::print(w, t)?;
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
        super::print(w, t)?;
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
    super::print(w, t)
}
