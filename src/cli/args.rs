//! Command-line arguments (clap), as close to the flags as possible; [`super::config`] turns
//! them into a validated configuration. No clap type reaches the library.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use corridor::model::{Metric, Objective};
use corridor::network::Mode;
use corridor::routing::places::DEFAULT_MAX_SNAP_KM;

mod formats;
mod questions;

pub use formats::*;
pub use questions::*;

/// Multimodal freight routes over a GeoJSON network: the International North–South Transport
/// Corridor (INSTC) against Suez and the Cape, by distance, time, cost and CO2e.
#[derive(Debug, Parser)]
#[command(name = "route", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub global: Global,
}

/// Where the data and assumptions come from (options of every command).
#[derive(Debug, Args)]
pub struct Global {
    /// Network GeoJSON file, `-` for standard input (default: the embedded INSTC network)
    #[arg(long, global = true, value_name = "FILE")]
    pub network: Option<PathBuf>,
    /// Corridors TOML file (default: the embedded corridors)
    #[arg(long, global = true, value_name = "FILE")]
    pub corridors: Option<PathBuf>,
    /// Assumptions TOML file replacing the embedded one
    #[arg(long, global = true, value_name = "FILE")]
    pub assumptions: Option<PathBuf>,
    /// Profiles TOML file replacing the embedded one
    #[arg(long, global = true, value_name = "FILE")]
    pub profiles: Option<PathBuf>,
    /// Apply a named profile (e.g. comcec-2017, run-2016) before any --set
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// Route in a named scenario (repeatable; default for the embedded network: present;
    /// `normal` for the canal-open world); applied after --profile and before --set
    #[arg(long, global = true, value_name = "NAME")]
    pub scenario: Vec<String>,
    /// Scenarios TOML file replacing the embedded one
    #[arg(long, global = true, value_name = "FILE")]
    pub scenarios: Option<PathBuf>,
    /// Override an assumption, e.g. --set dwell.port_call=36 (repeatable)
    #[arg(long = "set", global = true, value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Mode for legs of --network that have no `mode` property
    #[arg(long, global = true, value_enum, value_name = "MODE")]
    pub default_mode: Option<ModeArg>,
    /// Route over legs under construction, planned or suspended as well
    #[arg(long, global = true)]
    pub include_planned: bool,
    /// Refuse to snap a LON,LAT place to a node farther than this, km
    #[arg(long, global = true, default_value_t = DEFAULT_MAX_SNAP_KM, value_name = "KM")]
    pub max_snap_km: f64,
    /// Width of tables and text, columns (at least 60; default: the terminal's width when
    /// output goes to a terminal, else 100)
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(60..=1000))]
    pub width: Option<u16>,
    /// Cargo mass per TEU for emissions, tonnes (default: cargo.tonnes_per_teu); routes also
    /// report kg CO2e per tonne
    #[arg(long, global = true, value_name = "T")]
    pub cargo_tonnes: Option<f64>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare the INSTC with the best route through each --via corridor or passage
    Compare(CompareArgs),
    /// Find one route, leg by leg
    Find(FindArgs),
    /// Every origin with every destination: the best route through each corridor and the
    /// winner on time, cost and CO2e
    Matrix(MatrixArgs),
    /// Every place a box gets to from one origin within a budget of days or US dollars
    Reach(ReachArgs),
    /// Rank the assumptions by how much they swing the INSTC-versus-other difference
    Sensitivity(SensitivityArgs),
    /// The value of one assumption at which the INSTC and another corridor are equal
    Breakeven(BreakevenArgs),
    /// List nodes, legs, corridors or passages of the network
    List(ListArgs),
    /// Check the network, corridors and assumptions; exit 2 if anything is wrong
    #[command(
        after_help = "Examples:\n  route validate\n  route --network my.geojson --default-mode rail validate"
    )]
    Validate,
    /// Print a shell completion script (bash, zsh, fish, powershell or elvish)
    #[command(
        after_help = "Examples:\n  route completions bash > /etc/bash_completion.d/route\n  route completions zsh > ~/.zfunc/_route"
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), as shipped in docs/route.1
    #[command(after_help = "Examples:\n  route man > route.1 && man ./route.1")]
    Man,
    /// Write the whole network, as loaded and before any scenario: styled GeoJSON (for
    /// geojson.io and --network), an SVG map or CSV
    Export(ExportArgs),
    /// List every assumption with its value, range, unit and source
    Assumptions(AssumptionsArgs),
    /// Each profile's published results beside the model under the profile and the defaults
    Profiles(ProfilesArgs),
    /// List the scenarios: what each is, when it held and what it changes
    Scenarios(ScenariosArgs),
    /// Route real shipments and service times as they ran, each in the world of its date, and
    /// set the model beside what was observed
    Backtest(BacktestArgs),
    /// Load, check, join and measure a GeoJSON network once and write it in a binary form that
    /// --network reads in a fraction of the time
    Prepare(PrepareArgs),
}

/// What a route must pass and avoid, and what it minimises.
#[derive(Debug, Args)]
pub struct RouteArgs {
    /// Place the route must use: corridor, passage, node, country or mode (repeatable)
    #[arg(long, allow_hyphen_values = true, value_name = "NAME")]
    pub via: Vec<String>,
    /// Passage, node, country, mode or corridor the route must not use (repeatable)
    #[arg(long, allow_hyphen_values = true, value_name = "NAME")]
    pub avoid: Vec<String>,
    /// What to minimise
    #[arg(long = "by", value_enum, default_value_t = ByArg::Time)]
    pub by: ByArg,
}

/// The ends and the reference corridor of a comparison (`compare`, `sensitivity`).
#[derive(Debug, Args)]
pub struct ComparedEnds {
    /// Origin: node id, name, alias, UN/LOCODE or LON,LAT
    #[arg(
        long,
        allow_hyphen_values = true,
        default_value = "nhava-sheva",
        value_name = "PLACE"
    )]
    pub from: String,
    /// Destination, as --from
    #[arg(
        long,
        allow_hyphen_values = true,
        default_value = "moscow",
        value_name = "PLACE"
    )]
    pub to: String,
    /// Corridor or passage every route is compared with
    #[arg(long, default_value = "instc", value_name = "NAME")]
    pub reference: String,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  route compare --via suez\n  route compare --to \"St Petersburg\" --via suez --via cape --format svg > c.svg\n  route compare --via suez --samples 10000 --scenario normal"
)]
pub struct CompareArgs {
    #[command(flatten)]
    pub ends: ComparedEnds,
    /// Monte Carlo: draw the ranged assumptions N times (at most 200,000) and report
    /// P10/P50/P90
    #[arg(long, value_name = "N")]
    pub samples: Option<usize>,
    /// Seed of the Monte Carlo draws (same seed, same numbers; default 1)
    #[arg(long, value_name = "S", requires = "samples")]
    pub seed: Option<u64>,
    /// Up to K genuinely different routes (sharing at most 70 % of their length), each labelled
    /// by the branch it takes, best first
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u16).range(1..=20))]
    pub alternatives: Option<u16>,
    #[command(flatten)]
    pub route: RouteArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
    pub format: CompareFormat,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  route find --from \"Nhava Sheva\" --to Astrakhan --by time\n  route find --from Mundra --to Kabul --alternatives 3\n  route find --pairs pairs.csv --format json > routes.jsonl"
)]
pub struct FindArgs {
    /// Origin: node id, name, alias, UN/LOCODE or LON,LAT
    #[arg(
        long,
        allow_hyphen_values = true,
        value_name = "PLACE",
        required_unless_present = "pairs",
        conflicts_with = "pairs"
    )]
    pub from: Option<String>,
    /// Destination, as --from
    #[arg(
        long,
        allow_hyphen_values = true,
        value_name = "PLACE",
        required_unless_present = "pairs",
        conflicts_with = "pairs"
    )]
    pub to: Option<String>,
    /// Route every origin,destination pair of a CSV file (`-` for standard input; a header
    /// row `from,to` is optional): one route per line of output, table or JSON Lines; exit 1
    /// when any pair has no route
    #[arg(long, value_name = "FILE")]
    pub pairs: Option<PathBuf>,
    /// Up to K genuinely different routes (sharing at most 70 % of their length), each labelled
    /// by the branch it takes, best first
    #[arg(long, value_name = "K", conflicts_with = "pairs", value_parser = clap::value_parser!(u16).range(1..=20))]
    pub alternatives: Option<u16>,
    #[command(flatten)]
    pub route: RouteArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = FindFormat::Table)]
    pub format: FindFormat,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  route export > network.geojson\n  route export --format svg > network.svg\n  route --network network.geojson compare --via suez --scenario present"
)]
pub struct ExportArgs {
    /// Output format: styled GeoJSON (for geojson.io and `--network`), an SVG map, or CSV
    /// (one row per leg)
    #[arg(long, value_enum, default_value_t = ExportFormat::Geojson)]
    pub format: ExportFormat,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  route sensitivity --via suez\n  route sensitivity --via suez --metric cost --top 5 --format json"
)]
pub struct SensitivityArgs {
    #[command(flatten)]
    pub ends: ComparedEnds,
    /// The corridor or passage set against the reference
    #[arg(long, default_value = "suez", value_name = "NAME")]
    pub via: String,
    /// Passage, node, country, mode or corridor no route may use (repeatable)
    #[arg(long, allow_hyphen_values = true, value_name = "NAME")]
    pub avoid: Vec<String>,
    /// What the difference is measured in
    #[arg(long, value_enum, default_value_t = MetricArg::Time)]
    pub metric: MetricArg,
    /// Routes are chosen by
    #[arg(long = "by", value_enum, default_value_t = ByArg::Time)]
    pub by: ByArg,
    /// Rows to show, in every format
    #[arg(long, default_value_t = 15)]
    pub top: usize,
    /// Also list the assumptions that do not move the difference at all
    #[arg(long)]
    pub all: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = SensitivityFormat::Table)]
    pub format: SensitivityFormat,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  route list nodes\n  route list legs --format csv > legs.csv\n  route list corridors"
)]
pub struct ListArgs {
    /// What to list
    #[arg(value_enum)]
    pub what: ListWhat,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListWhat {
    Nodes,
    Legs,
    Corridors,
    Passages,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  route assumptions --brief\n  route assumptions --format csv > assumptions.csv"
)]
pub struct AssumptionsArgs {
    /// Key, value, unit and range only (the sources are in the full view and in JSON)
    #[arg(long)]
    pub brief: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = AssumptionsFormat::Table)]
    pub format: AssumptionsFormat,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  route profiles\n  route --profile comcec-2017 profiles --format markdown"
)]
pub struct ProfilesArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = ProfilesFormat::Table)]
    pub format: ProfilesFormat,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  route prepare big.geojson -o big.rnet\n  route --network big.rnet find --from 0,0 --to 35,35"
)]
pub struct PrepareArgs {
    /// The GeoJSON network to prepare (`-` for standard input)
    #[arg(value_name = "NETWORK")]
    pub input: PathBuf,
    /// Where to write the prepared network
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  route backtest\n  route backtest --worst 10 --format json")]
pub struct BacktestArgs {
    /// Observations TOML file replacing the embedded one (data/observations.toml)
    #[arg(long, value_name = "FILE")]
    pub observations: Option<PathBuf>,
    /// How many of the worst misses to list after the table
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub worst: usize,
    /// Output format
    #[arg(long, value_enum, default_value_t = BacktestFormat::Table)]
    pub format: BacktestFormat,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  route scenarios\n  route compare --via suez --scenario normal"
)]
pub struct ScenariosArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = ScenariosFormat::Table)]
    pub format: ScenariosFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum MetricArg {
    Time,
    Cost,
    Co2e,
}

impl From<MetricArg> for Metric {
    fn from(m: MetricArg) -> Self {
        match m {
            MetricArg::Time => Metric::Time,
            MetricArg::Cost => Metric::Cost,
            MetricArg::Co2e => Metric::Co2e,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ModeArg {
    Sea,
    Rail,
    Road,
    Ferry,
}

impl From<ModeArg> for Mode {
    fn from(m: ModeArg) -> Mode {
        match m {
            ModeArg::Sea => Mode::Sea,
            ModeArg::Rail => Mode::Rail,
            ModeArg::Road => Mode::Road,
            ModeArg::Ferry => Mode::Ferry,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ByArg {
    Time,
    Distance,
    Cost,
    Co2e,
}

impl From<ByArg> for Objective {
    fn from(b: ByArg) -> Objective {
        match b {
            ByArg::Time => Objective::Time,
            ByArg::Distance => Objective::Distance,
            ByArg::Cost => Objective::Cost,
            ByArg::Co2e => Objective::Co2e,
        }
    }
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
