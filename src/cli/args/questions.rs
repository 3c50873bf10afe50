//! The arguments of the questions across places and values: `matrix`, `reach`, `breakeven`.

use clap::Args;

use super::{BreakevenFormat, ByArg, ComparedEnds, MatrixFormat, MetricArg, ReachFormat};

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  route matrix --from \"Nhava Sheva\",Mundra --to Moscow,Baku,Almaty --via suez --via cape\n  route matrix --to instc-destinations --format csv > matrix.csv"
)]
pub struct MatrixArgs {
    /// Origins, comma-separated or repeated (a LON,LAT pair stays one place)
    #[arg(
        long,
        allow_hyphen_values = true,
        default_value = "nhava-sheva",
        value_name = "PLACES"
    )]
    pub from: Vec<String>,
    /// Destinations, as --from; `instc-destinations` names the places the INSTC serves
    #[arg(
        long,
        allow_hyphen_values = true,
        default_value = "instc-destinations",
        value_name = "PLACES"
    )]
    pub to: Vec<String>,
    /// The corridor or passage in the first column
    #[arg(long, default_value = "instc", value_name = "NAME")]
    pub reference: String,
    /// A corridor or passage beside the reference (repeatable; default: every corridor)
    #[arg(long, allow_hyphen_values = true, value_name = "NAME")]
    pub via: Vec<String>,
    /// Passage, node, country, mode or corridor no route may use (repeatable)
    #[arg(long, allow_hyphen_values = true, value_name = "NAME")]
    pub avoid: Vec<String>,
    /// What each route minimises
    #[arg(long = "by", value_enum, default_value_t = ByArg::Time)]
    pub by: ByArg,
    /// Output format
    #[arg(long, value_enum, default_value_t = MatrixFormat::Table)]
    pub format: MatrixFormat,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  route reach --from \"Nhava Sheva\" --within 20d\n  route reach --from Mundra --within 3000usd --format geojson > reach.geojson"
)]
pub struct ReachArgs {
    /// Origin: node id, name, alias, UN/LOCODE or LON,LAT
    #[arg(
        long,
        allow_hyphen_values = true,
        default_value = "nhava-sheva",
        value_name = "PLACE"
    )]
    pub from: String,
    /// The budget: days (`20d`, `36h`) or US dollars per TEU (`3000usd`)
    #[arg(long, value_parser = parse_budget, value_name = "BUDGET")]
    pub within: corridor::questions::reach::Budget,
    /// Passage, node, country, mode or corridor no route may use (repeatable)
    #[arg(long, allow_hyphen_values = true, value_name = "NAME")]
    pub avoid: Vec<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ReachFormat::Table)]
    pub format: ReachFormat,
}

/// Reads a budget: a positive number with a unit, `d`/`days`, `h`/`hours` or `usd`.
fn parse_budget(text: &str) -> Result<corridor::questions::reach::Budget, String> {
    use corridor::questions::reach::Budget;
    let t = text.trim().to_ascii_lowercase();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'e' || c == '+' || c == '-'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let x: f64 = number
        .parse()
        .map_err(|_| format!("{text:?}: give a number and a unit, e.g. 20d or 3000usd"))?;
    if !(x.is_finite() && x > 0.0 && x < 1e9) {
        return Err(format!(
            "{text:?}: the budget must be a positive number below 1e9"
        ));
    }
    match unit.trim() {
        "d" | "day" | "days" => Ok(Budget::Days(x)),
        "h" | "hour" | "hours" => Ok(Budget::Days(x / 24.0)),
        "usd" | "$" | "usd/teu" => Ok(Budget::Usd(x)),
        other => Err(format!(
            "{text:?}: unknown unit {other:?}; use d (days), h (hours) or usd (US dollars per TEU)"
        )),
    }
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  route breakeven --via suez --param dwell.port_call --metric time\n  route breakeven --via suez --param cost.rail.IR --metric cost --format json"
)]
pub struct BreakevenArgs {
    #[command(flatten)]
    pub ends: ComparedEnds,
    /// The corridor or passage set against the reference
    #[arg(long, default_value = "suez", value_name = "NAME")]
    pub via: String,
    /// The assumption to vary across its range (see `route assumptions`)
    #[arg(long, value_name = "KEY")]
    pub param: String,
    /// Passage, node, country, mode or corridor no route may use (repeatable)
    #[arg(long, allow_hyphen_values = true, value_name = "NAME")]
    pub avoid: Vec<String>,
    /// What the two corridors are to be equal in
    #[arg(long, value_enum, default_value_t = MetricArg::Time)]
    pub metric: MetricArg,
    /// Routes are chosen by
    #[arg(long = "by", value_enum, default_value_t = ByArg::Time)]
    pub by: ByArg,
    /// Output format
    #[arg(long, value_enum, default_value_t = BreakevenFormat::Table)]
    pub format: BreakevenFormat,
}
