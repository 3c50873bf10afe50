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
pub use lists::{assumptions, assumptions_brief, corridors, legs, nodes, passages, scenarios};
pub use matrix::matrix;
pub use reach::reach;
pub use route::{route, route_line};

use std::io::{self, Write};

use std::sync::atomic::{AtomicBool, AtomicU16, Ordering};

use comfy_table::presets::{ASCII_MARKDOWN, UTF8_FULL_CONDENSED};
use comfy_table::{CellAlignment, ContentArrangement, Table};

use crate::model::RouteReport;

/// Width the tables are laid out for by default, columns.
pub const WIDTH: u16 = 100;
/// Narrowest width accepted, columns (below it the tables cannot hold their columns).
pub const MIN_WIDTH: u16 = 60;

static LAYOUT_WIDTH: AtomicU16 = AtomicU16::new(WIDTH);
static MARKDOWN: AtomicBool = AtomicBool::new(false);

/// How tables are laid out, for the whole process: the width in columns (at least
/// [`MIN_WIDTH`]) and whether they are Markdown (pipe tables, never wrapped) instead of boxes.
/// The binary sets it once from `--width`, the terminal and `--format markdown`.
pub fn set_layout(width: u16, markdown: bool) {
    LAYOUT_WIDTH.store(width.max(MIN_WIDTH), Ordering::Relaxed);
    MARKDOWN.store(markdown, Ordering::Relaxed);
}

/// The width tables and text are laid out for, columns.
#[must_use]
pub fn width() -> u16 {
    LAYOUT_WIDTH.load(Ordering::Relaxed)
}

pub(crate) fn table(header: Vec<&str>) -> Table {
    let mut t = Table::new();
    if MARKDOWN.load(Ordering::Relaxed) {
        t.load_style(ASCII_MARKDOWN)
            .set_content_arrangement(ContentArrangement::Disabled);
    } else {
        t.load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(width());
    }
    t.set_header(header);
    t
}

/// Writes a table, each column at least as wide as its longest word so that no word is broken
/// across lines (`gulf-of-finland-helsinki`, `under-construction`); comfy-table then wraps
/// at spaces within the width.
pub(crate) fn print(w: &mut impl Write, mut t: Table) -> io::Result<()> {
    use comfy_table::{ColumnConstraint, Width};
    if MARKDOWN.load(Ordering::Relaxed) {
        // A pipe table needs a blank line between it and the text around it.
        return writeln!(w, "\n{t}\n");
    }
    let n = t.column_count();
    let mut longest = vec![0u16; n];
    let mut measure = |i: usize, text: &str| {
        let word = text
            .split_whitespace()
            .map(unicode_width::UnicodeWidthStr::width)
            .max()
            .unwrap_or(0);
        longest[i] = longest[i].max(u16::try_from(word).unwrap_or(u16::MAX));
    };
    if let Some(h) = t.header() {
        for (i, c) in h.cell_iter().enumerate().take(n) {
            measure(i, &c.content());
        }
    }
    for row in t.row_iter() {
        for (i, c) in row.cell_iter().enumerate().take(n) {
            measure(i, &c.content());
        }
    }
    // Laid out as comfy-table would; where a column came out narrower than its longest word,
    // laid out again with every column bounded below by its longest word (only then: bounds
    // stop comfy-table from using the whole width), while the words fit side by side.
    let laid = t.to_string();
    let widths: Vec<u16> = laid
        .lines()
        .next()
        .map(|top| {
            top.trim_matches(|c| c == '┌' || c == '┐')
                .split('┬')
                .map(|c| u16::try_from(c.chars().count()).unwrap_or(u16::MAX))
                .collect()
        })
        .unwrap_or_default();
    let total: u32 = longest.iter().map(|&x| u32::from(x) + 3).sum();
    // `widths` include the padding, one space each side.
    let broken = longest.iter().zip(&widths).any(|(&l, &got)| l + 2 > got);
    let changed = broken && widths.len() == n && total <= u32::from(width());
    if changed {
        // Every column bounded, or comfy-table takes from one column what it gives another.
        for (i, &l) in longest.iter().enumerate() {
            if let Some(col) = t.column_mut(i) {
                col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(l + 2)));
            }
        }
    }
    if !changed {
        return writeln!(w, "{laid}");
    }
    writeln!(w, "{t}")
}

pub(crate) fn right(t: &mut Table, from: usize) {
    let n = t.column_count();
    for i in from..n {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// Writes free text wrapped at [`width`] columns by display width (textwrap), never splitting
/// a word.
pub(crate) fn para(w: &mut impl Write, text: &str) -> io::Result<()> {
    let options = textwrap::Options::new(usize::from(width()))
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    writeln!(w, "{}", textwrap::fill(text, options))
}

/// Writes an item of a list wrapped at [`width`] columns: `  ` before its first line, `    `
/// before the others.
pub(crate) fn item(w: &mut impl Write, text: &str) -> io::Result<()> {
    let options = textwrap::Options::new(usize::from(width()))
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .initial_indent("  ")
        .subsequent_indent("    ");
    writeln!(w, "{}", textwrap::fill(text, options))
}

/// Writes the footer line that says how a table was made ([`Provenance::line`]), wrapped at
/// [`width`] columns.
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
