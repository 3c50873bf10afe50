//! The library's one error type. Variants carry the ids and values a user needs to fix the
//! input; they never name a command-line flag (the binary adds hints for its own flags).

use std::fmt;

/// What a [`Problem`] is, where a caller may be able to offer a remedy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// A leg has no `mode` and no default mode was given ([`crate::network::LoadOptions`]).
    MissingMode,
    /// Anything else; the message says what.
    Other,
}

/// One problem found while loading or validating a network, tied to a feature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Index of the feature in the file's `features` array (0-based).
    pub feature: usize,
    /// The feature's `id` property, when it has one.
    pub id: Option<String>,
    /// What is wrong, naming the property and value.
    pub message: String,
    /// What kind of problem it is.
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "feature #{} (id {id:?}): {}", self.feature, self.message),
            None => write!(f, "feature #{}: {}", self.feature, self.message),
        }
    }
}

/// Everything that can go wrong in `corridor`, with the ids and values a user needs to fix it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A document is not JSON.
    #[error("{file}: not valid JSON")]
    Json {
        /// File (or `<embedded network>`) being read.
        file: String,
        /// The parser's error, with line and column.
        #[source]
        source: serde_json::Error,
    },
    /// A JSON document is not the expected GeoJSON object.
    #[error("{file}: {message}")]
    Parse {
        /// File being read.
        file: String,
        /// What the document is instead.
        message: String,
    },
    /// The network has one or more problems; all are listed.
    #[error("{file}: {} problem(s) in the network:\n  {}", problems.len(), list(problems))]
    InvalidNetwork {
        /// File being read.
        file: String,
        /// Every problem found.
        problems: Vec<Problem>,
    },
    /// A TOML data file (assumptions, corridors, profiles) is malformed or holds a value of the
    /// wrong type or an unknown key.
    #[error("{file}{}: {}{message}", location(*line, *column), key.as_ref().map(|k| format!("`{k}`: ")).unwrap_or_default())]
    DataFile {
        /// File being read.
        file: String,
        /// Line of the offending text, 1-based, where known.
        line: Option<usize>,
        /// Column, 1-based, where known.
        column: Option<usize>,
        /// Dotted key of the offending entry, where known.
        key: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// A place name matched no node.
    #[error("unknown place {query:?}{}", did_you_mean(suggestions))]
    UnknownPlace {
        /// What the user typed.
        query: String,
        /// The closest node names.
        suggestions: Vec<String>,
    },
    /// A place name matches several nodes equally well.
    #[error("place {query:?} is ambiguous: it matches {}; use a node id", candidates.join(", "))]
    AmbiguousPlace {
        /// What the user typed.
        query: String,
        /// `id (name)` of each match.
        candidates: Vec<String>,
    },
    /// A name to pass or avoid is no corridor, passage, node, country or mode.
    #[error(
        "unknown name {query:?}: not a corridor, passage, node, country or mode{}",
        did_you_mean(suggestions)
    )]
    UnknownName {
        /// What the user typed.
        query: String,
        /// Close names.
        suggestions: Vec<String>,
    },
    /// A `LON,LAT` place lies too far from every node.
    #[error(
        "{lon},{lat} is {distance_km:.1} km from the nearest place {node:?}, beyond the {limit_km} km snap limit"
    )]
    SnapTooFar {
        /// Longitude given, degrees.
        lon: f64,
        /// Latitude given, degrees.
        lat: f64,
        /// Nearest node id.
        node: String,
        /// Great-circle distance to it, km.
        distance_km: f64,
        /// The limit in force, km.
        limit_km: f64,
    },
    /// A coordinate given as a place is malformed or out of range.
    #[error("invalid coordinate {text:?}: {reason}")]
    BadCoordinate {
        /// What the user typed.
        text: String,
        /// Why it was refused.
        reason: String,
    },
    /// The origin and the destination are the same node.
    #[error("the origin {from:?} and the destination {to:?} are the same node ({node})")]
    SameEnds {
        /// The origin as given.
        from: String,
        /// The destination as given.
        to: String,
        /// The node both resolve to.
        node: String,
    },
    /// A request carries more "must pass" requirements than the router supports.
    #[error(
        "{count} requirements (from the names to pass and corridor rules); at most {max} are supported"
    )]
    TooManyRequirements {
        /// Requirements asked for.
        count: usize,
        /// The router's limit.
        max: usize,
    },
    /// An analysis needs a given number of routes to compare with the reference.
    #[error(
        "this analysis compares the reference with exactly {expected} other corridor or passage; {given} given"
    )]
    WrongTargetCount {
        /// How many it needs.
        expected: usize,
        /// How many were given.
        given: usize,
    },
    /// No route satisfies the request.
    #[error("no route from {from} to {to}{}", if constraints.is_empty() { String::new() } else { format!(" {}", constraints.join(", ")) })]
    NoRoute {
        /// Origin node id.
        from: String,
        /// Destination node id.
        to: String,
        /// The restrictions in force, in words (may be empty).
        constraints: Vec<String>,
        /// True when legs under construction, planned or suspended were left out.
        operational_only: bool,
        /// True when including those legs gives a route (checked only where a search failed).
        planned_would_route: bool,
    },
    /// An assumption key does not exist.
    #[error("unknown assumption {key:?}{}", did_you_mean(suggestions))]
    UnknownAssumption {
        /// The key asked for.
        key: String,
        /// Close keys.
        suggestions: Vec<String>,
    },
    /// An assumption value is outside what the model accepts.
    #[error("{origin}: {key} = {}: {reason}", show(*value))]
    InvalidAssumption {
        /// Where the value came from (a file, a profile, an override).
        origin: String,
        /// The key.
        key: String,
        /// The value refused.
        value: f64,
        /// What the value must be.
        reason: String,
    },
    /// An override is not `KEY=VALUE` with a number.
    #[error("override {text:?}: {reason}")]
    BadOverride {
        /// The override as given.
        text: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A corridor rule is malformed or names something the network lacks.
    #[error("{file}: corridor {corridor:?}: {message}")]
    Corridor {
        /// File being read.
        file: String,
        /// The corridor id.
        corridor: String,
        /// What is wrong.
        message: String,
    },
    /// A scenario name is unknown.
    #[error("unknown scenario {name:?}; known scenarios: {}", known.join(", "))]
    UnknownScenario {
        /// The name asked for.
        name: String,
        /// Scenarios that exist.
        known: Vec<String>,
    },
    /// A route was asked to start or end where cargo cannot (a sea-lane junction, a point in
    /// a strait).
    #[error(
        "{query:?} is {node} ({name}), a {kind}, not a place where cargo starts or ends; name a port, terminal, station, city or border crossing, or node:{node} to start or end there anyway"
    )]
    NotACargoPlace {
        /// What was asked for.
        query: String,
        /// The node it names.
        node: String,
        /// The node's name.
        name: String,
        /// Its kind, in words.
        kind: String,
    },
    /// A result is too large to travel in a geojson.io link.
    #[error(
        "the result needs a link of {length} characters even simplified; geojson.io accepts at most {max}"
    )]
    TooLongForUrl {
        /// The shortest link length reached, characters.
        length: usize,
        /// The most geojson.io accepts, characters.
        max: usize,
    },
    /// Scenarios include one another in a cycle.
    #[error("scenarios include one another in a cycle: {}", cycle.join(" → "))]
    ScenarioCycle {
        /// The scenarios of the cycle, the first repeated at the end.
        cycle: Vec<String>,
    },
    /// A scenario is malformed.
    #[error("{file}: scenario {scenario:?}: {message}")]
    Scenario {
        /// File being read.
        file: String,
        /// The scenario id.
        scenario: String,
        /// What is wrong.
        message: String,
    },
    /// A prepared network cannot be read.
    #[error("{file}: {message}")]
    Prepared {
        /// File being read.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// An observation of a backtest file is malformed.
    #[error("{file}: observation {id:?}: {message}")]
    Observation {
        /// File being read.
        file: String,
        /// The observation's id.
        id: String,
        /// What is wrong.
        message: String,
    },
    /// A leg id names no leg of the network.
    #[error("{origin}: no leg {id:?} in the network")]
    UnknownLeg {
        /// The id given.
        id: String,
        /// Where it was given (a scenario).
        origin: String,
    },
    /// A profile name is unknown.
    #[error("unknown profile {name:?}; known profiles: {}", known.join(", "))]
    UnknownProfile {
        /// The name asked for.
        name: String,
        /// Profiles that exist.
        known: Vec<String>,
    },
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n  ")
}

fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(":{l}:{c}"),
        (Some(l), None) => format!(":{l}"),
        _ => String::new(),
    }
}

/// A number as a user wrote it: `1e308`, not 309 digits.
///
/// # Example
/// ```
/// assert_eq!(corridor::error::show(1e308), "1e308");
/// assert_eq!(corridor::error::show(36.5), "36.5");
/// ```
#[must_use]
pub fn show(x: f64) -> String {
    if x != 0.0 && (x.abs() >= 1e15 || x.abs() < 1e-6) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// `; did you mean "a", "b"?` for a list of suggestions, or nothing for none.
///
/// # Example
/// ```
/// assert_eq!(corridor::error::did_you_mean(&["Baku".into()]), "; did you mean \"Baku\"?");
/// assert_eq!(corridor::error::did_you_mean(&[]), "");
/// ```
#[must_use]
pub fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!(
            "; did you mean {}?",
            suggestions
                .iter()
                .map(|s| format!("{s:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

impl Error {
    /// True when the error means "no route exists" rather than bad input (exit code 1 vs 2).
    #[must_use]
    pub fn is_no_route(&self) -> bool {
        matches!(self, Error::NoRoute { .. })
    }

    /// A TOML error of `file` (whose text is `text`), located by line and column.
    pub(crate) fn toml(file: &str, text: &str, e: &toml::de::Error, key: Option<String>) -> Error {
        let (line, column) = e.span().map_or((None, None), |s| {
            let (l, c) = line_column(text, s.start);
            (Some(l), Some(c))
        });
        Error::DataFile {
            file: file.to_string(),
            line,
            column,
            key,
            message: e.message().to_string(),
        }
    }
}

/// Line and column (1-based) of the start of a byte span, where there is one.
pub(crate) fn locate(
    text: &str,
    span: Option<std::ops::Range<usize>>,
) -> (Option<usize>, Option<usize>) {
    span.map_or((None, None), |s| {
        let (l, c) = line_column(text, s.start);
        (Some(l), Some(c))
    })
}

/// Line and column (1-based, in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Result with the crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
