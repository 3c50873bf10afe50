//! The output formats of each command: one enum per command, so that clap refuses a format
//! the command lacks and `--help` lists only those it has.

use clap::ValueEnum;

/// Formats of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Table,
    Json,
    /// RFC 4180 CSV with a header row (and a last row `# route …`, the provenance)
    Csv,
    /// Markdown pipe tables, for reports
    Markdown,
    Geojson,
    /// An SVG map of the routes over Natural Earth land, with a legend
    Svg,
    /// A geojson.io link that carries the routes (simplified to fit 8,000 characters)
    Url,
}

/// Formats of `matrix`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MatrixFormat {
    Table,
    /// Markdown pipe tables, for reports
    Markdown,
    Csv,
    Json,
    Geojson,
    /// An SVG map of every route
    Svg,
}

/// Formats of `reach`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReachFormat {
    Table,
    /// Markdown pipe tables, for reports
    Markdown,
    Csv,
    Json,
    Geojson,
}

/// Formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Geojson,
    Svg,
    Csv,
}

/// Formats of `find`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FindFormat {
    Table,
    Json,
    /// The route's legs as RFC 4180 CSV with a header row (and a last row `# route …`)
    Csv,
    /// Markdown pipe tables, for reports
    Markdown,
    Geojson,
    /// An SVG map of the route over Natural Earth land, with a legend
    Svg,
    /// A geojson.io link that carries the route (simplified to fit 8,000 characters)
    Url,
}

/// Formats of `breakeven`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BreakevenFormat {
    Table,
    Json,
}

/// Formats of `sensitivity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SensitivityFormat {
    Table,
    Json,
    /// RFC 4180 CSV with a header row (and a last row `# route …`, the provenance)
    Csv,
    /// Markdown pipe tables, for reports
    Markdown,
}

/// Formats of `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    /// RFC 4180 CSV with a header row (and a last row `# route …`, the provenance)
    Csv,
    /// Markdown pipe tables, for reports
    Markdown,
}

/// Formats of `assumptions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AssumptionsFormat {
    Table,
    Json,
    /// RFC 4180 CSV with a header row (and a last row `# route …`, the provenance)
    Csv,
    /// Markdown pipe tables, for reports
    Markdown,
}

/// Formats of `backtest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BacktestFormat {
    Table,
    Json,
}

/// Formats of `scenarios`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScenariosFormat {
    Table,
    Json,
}

/// Formats of `profiles`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfilesFormat {
    Table,
    Json,
    /// RFC 4180 CSV with a header row (and a last row `# route …`, the provenance)
    Csv,
    /// Markdown pipe tables, for reports
    Markdown,
}
