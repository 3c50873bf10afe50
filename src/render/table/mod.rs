//! Tables for the terminal (comfy-table), sized to fit 100 columns: one file per kind of
//! answer ([`comparison`], [`route`], [`analysis`], [`lists`]), sharing the layout helpers here.

mod analysis;
mod backtest;
mod breakeven;
mod comparison;
mod lists;
mod matrix;
mod reach;
mod route;

pub use analysis::{profiles, sensitivity};
pub use backtest::backtest;
pub use breakeven::breakeven;
pub use comparison::{comparison, uncertainty};
pub use lists::{assumptions, corridors, legs, nodes, passages, scenarios};
pub use matrix::matrix;
pub use reach::reach;
pub use route::{route, route_line};

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement, Table};

use crate::model::RouteReport;

/// Width the tables are laid out for, columns.
pub const WIDTH: u16 = 100;

pub(crate) fn table(header: Vec<&str>) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(WIDTH);
    t.set_header(header);
    t
}

pub(crate) fn right(t: &mut Table, from: usize) {
    let n = t.column_count();
    for i in from..n {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// Writes free text wrapped at [`WIDTH`] columns by display width (textwrap), never splitting
/// a word.
pub(crate) fn para(w: &mut impl Write, text: &str) -> io::Result<()> {
    let options = textwrap::Options::new(usize::from(WIDTH))
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    writeln!(w, "{}", textwrap::fill(text, options))
}

/// Writes an item of a list wrapped at [`WIDTH`] columns: `  ` before its first line, `    `
/// before the others.
pub(crate) fn item(w: &mut impl Write, text: &str) -> io::Result<()> {
    let options = textwrap::Options::new(usize::from(WIDTH))
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .initial_indent("  ")
        .subsequent_indent("    ");
    writeln!(w, "{}", textwrap::fill(text, options))
}

/// Writes the footer line that says how a table was made ([`Provenance::line`]), wrapped at
/// [`WIDTH`] columns.
///
/// # Errors
/// I/O errors of the writer.
pub fn provenance(p: &crate::provenance::Provenance, w: &mut impl Write) -> io::Result<()> {
    para(w, &p.line())
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

pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

pub(crate) fn signed_pct(x: f64) -> String {
    if x.abs() < 0.05 {
        "—".into()
    } else {
        format!("{x:+.0}%")
    }
}

pub(crate) fn mode_split(r: &RouteReport) -> String {
    r.by_mode
        .iter()
        .map(|m| format!("{} {}", m.mode, thousands(m.distance_km)))
        .collect::<Vec<_>>()
        .join(", ")
}
