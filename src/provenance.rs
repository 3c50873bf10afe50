//! How an output was made: the tool's version, every input file with its content hash, and
//! every choice that changes an answer (profile, scenarios, overrides, planned legs, objective,
//! Monte Carlo draws). Renderers write it as a table footer, a JSON `provenance` object and a
//! GeoJSON collection's foreign member `corridor`, so that a pasted table or a saved file can be
//! reproduced. It holds no time or host: the same inputs give byte-identical output.

use sha2::{Digest, Sha256};

use crate::embedded;

/// One input file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Input {
    /// What it is: `network`, `corridors`, `assumptions`, `profiles`, `scenarios`.
    pub role: &'static str,
    /// The path given, or `embedded` for the data compiled in.
    pub file: String,
    /// SHA-256 of its bytes, lowercase hex (what `sha256sum` prints).
    pub sha256: String,
}

impl Input {
    /// The embedded file of `role`, with the hash build.rs computed.
    ///
    /// # Panics
    /// If `role` is not one of the embedded files' roles (a programming error).
    #[must_use]
    pub fn embedded(role: &'static str) -> Input {
        let sha256 = embedded::SHA256
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, h)| (*h).to_string())
            .unwrap_or_else(|| panic!("no embedded {role} file"));
        Input {
            role,
            file: "embedded".into(),
            sha256,
        }
    }

    /// A file read from `path` with contents `bytes`.
    #[must_use]
    pub fn file(role: &'static str, path: &str, bytes: &[u8]) -> Input {
        Input {
            role,
            file: path.to_string(),
            sha256: sha256_hex(bytes),
        }
    }
}

/// SHA-256 of `bytes` as lowercase hex.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Everything that made an output what it is.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Provenance {
    /// `route 0.1.0`: the tool and its version.
    pub tool: String,
    /// The command as given, without the program path (`compare --via suez`).
    pub command: String,
    /// The input files used, with their hashes.
    pub inputs: Vec<Input>,
    /// The profile applied, if any.
    pub profile: Option<String>,
    /// The scenarios asked for (or the default one), as named.
    pub scenarios: Vec<String>,
    /// Every scenario in force, included ones first.
    pub scenarios_in_force: Vec<String>,
    /// Every assumption override, as given (`dwell.port_call=36`).
    pub set: Vec<String>,
    /// Whether legs that are not operational were routed over.
    pub include_planned: bool,
    /// What routes minimise (`time`, `distance`, `cost`, `co2e`), where the output has routes.
    pub objective: Option<String>,
    /// Cargo mass per TEU override, tonnes.
    pub cargo_tonnes: Option<f64>,
    /// Monte Carlo draws, where drawn.
    pub samples: Option<usize>,
    /// Monte Carlo seed, where drawn.
    pub seed: Option<u64>,
}

impl Provenance {
    /// The record for this library's version: `route X.Y.Z`.
    #[must_use]
    pub fn new(command: String) -> Provenance {
        Provenance {
            tool: format!("route {}", env!("CARGO_PKG_VERSION")),
            command,
            ..Provenance::default()
        }
    }

    /// One short line for people: version, the command line (else the profile, overrides and
    /// planned legs), scenarios, draws, and the data: each file given with the first 12 hex digits of its hash, the
    /// embedded files as one fingerprint (the hash of their hashes).
    ///
    /// ```
    /// use corridor::provenance::{Input, Provenance};
    /// let mut p = Provenance::new("compare --via suez".into());
    /// p.scenarios = vec!["present".into()];
    /// p.inputs.push(Input::file("network", "net.geojson", b"{}"));
    /// assert!(p.line().starts_with("route "));
    /// assert!(p.line().contains("· scenario present ·"));
    /// assert!(p.line().ends_with("network net.geojson 44136fa355b3"));
    /// ```
    #[must_use]
    pub fn line(&self) -> String {
        let mut parts = vec![self.tool.clone()];
        if !self.command.is_empty() {
            parts.push(self.command.clone());
        }
        parts.push(match self.scenarios.as_slice() {
            [] => "no scenario".to_string(),
            [one] => format!("scenario {one}"),
            many => format!("scenarios {}", many.join(", ")),
        });
        // The command line, when known, already says these.
        if self.command.is_empty() {
            if let Some(p) = &self.profile {
                parts.push(format!("profile {p}"));
            }
            if !self.set.is_empty() {
                parts.push(format!("set {}", self.set.join(", ")));
            }
            if self.include_planned {
                parts.push("planned legs included".into());
            }
        }
        if let (Some(n), Some(s)) = (self.samples, self.seed) {
            parts.push(format!("{n} draws, seed {s}"));
        }
        let (embedded, files): (Vec<&Input>, Vec<&Input>) =
            self.inputs.iter().partition(|i| i.file == "embedded");
        for i in files {
            parts.push(format!("{} {} {}", i.role, i.file, short(&i.sha256)));
        }
        if !embedded.is_empty() {
            let joined: String = embedded
                .iter()
                .map(|i| format!("{}:{}\n", i.role, i.sha256))
                .collect();
            let label = if embedded.len() == self.inputs.len() {
                "embedded data"
            } else {
                "other data embedded"
            };
            parts.push(format!("{label} {}", short(&sha256_hex(joined.as_bytes()))));
        }
        parts.join(" · ")
    }
}

fn short(hex: &str) -> &str {
    &hex[..12.min(hex.len())]
}
