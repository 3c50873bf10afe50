//! The library's one error type.

use std::fmt;

/// One problem found while loading or validating a network, tied to a feature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Index of the feature in the file's `features` array (0-based).
    pub feature: usize,
    /// The feature's `id` property, when it has one.
    pub id: Option<String>,
    /// What is wrong, naming the property and value.
    pub message: String,
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
    /// The input is not readable JSON or TOML, or not the expected document type.
    #[error("{file}: {message}")]
    Parse {
        /// File (or `<embedded network>`) being read.
        file: String,
        /// The parser's message, with line and column where known.
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
    /// A place name matched no node.
    #[error("unknown place {query:?}{}", suggest(suggestions))]
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
    /// A name given to `--via` or `--avoid` is no corridor, passage, node, country or mode.
    #[error(
        "unknown {role} {query:?}: not a corridor, passage, node, country or mode{}",
        suggest(suggestions)
    )]
    UnknownName {
        /// `--via` or `--avoid`.
        role: &'static str,
        /// What the user typed.
        query: String,
        /// Close names.
        suggestions: Vec<String>,
    },
    /// A `LON,LAT` place lies too far from every node.
    #[error(
        "{lon},{lat} is {distance_km:.1} km from the nearest node {node:?}, beyond the {limit_km} km snap limit (raise it with --max-snap-km)"
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
    /// No route satisfies the request.
    #[error("no route from {from} to {to}{}", if constraints.is_empty() { String::new() } else { format!(" {constraints}") })]
    NoRoute {
        /// Origin node id.
        from: String,
        /// Destination node id.
        to: String,
        /// The restrictions in force, in words (may be empty).
        constraints: String,
    },
    /// An assumptions or profile file is malformed.
    #[error("{file}: {message}")]
    Assumptions {
        /// File being read.
        file: String,
        /// What is wrong, naming the key and value.
        message: String,
    },
    /// An assumption key does not exist.
    #[error("unknown assumption {key:?}{}", suggest(suggestions))]
    UnknownAssumption {
        /// The key asked for.
        key: String,
        /// Close keys.
        suggestions: Vec<String>,
    },
    /// A corridors file is malformed or names something the network lacks.
    #[error("{file}: corridor {corridor:?}: {message}")]
    Corridor {
        /// File being read.
        file: String,
        /// The corridor id.
        corridor: String,
        /// What is wrong.
        message: String,
    },
    /// A profile name is unknown.
    #[error("unknown profile {name:?}; known profiles: {}", known.join(", "))]
    UnknownProfile {
        /// The name asked for.
        name: String,
        /// Profiles that exist.
        known: Vec<String>,
    },
    /// A request is inconsistent (for example `--from` equals `--to`).
    #[error("{0}")]
    Request(String),
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n  ")
}

fn suggest(suggestions: &[String]) -> String {
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
}

/// Result with the crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
