//! What the binary adds to the library's errors: the flag that can help, and the exit status.

use corridor::Error;
use corridor::error::ProblemKind;

/// A remedy naming this binary's flags, for the errors where one can help.
pub fn hint(e: &Error) -> Option<&'static str> {
    match e {
        Error::SnapTooFar { .. } => Some("raise it with --max-snap-km"),
        Error::TooLongForUrl { .. } => {
            Some("save --format geojson to a file and drop it on https://geojson.io instead")
        }
        Error::NoRoute {
            planned_would_route: true,
            ..
        } => Some("--include-planned routes over legs not yet in service, which gives a route"),
        Error::InvalidNetwork { problems, .. }
            if problems.iter().any(|p| p.kind == ProblemKind::MissingMode) =>
        {
            Some("give --default-mode MODE to load legs without `mode`")
        }
        _ => None,
    }
}

/// The error with its chain of causes, `: `-separated, and the hint in parentheses.
pub fn message(e: &anyhow::Error) -> String {
    let mut text = format!("{e:#}");
    if let Some(h) = e
        .chain()
        .find_map(|c| c.downcast_ref::<Error>())
        .and_then(hint)
    {
        text.push_str(&format!(" ({h})"));
    }
    text
}

/// The same for a library error.
pub fn describe(e: &Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    if let Some(h) = hint(e) {
        text.push_str(&format!(" ({h})"));
    }
    text
}
