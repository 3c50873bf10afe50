//! "Did you mean": the names closest to a misspelt one.

use crate::network::fold;

/// Up to three candidates closest to `query`: a candidate that contains the query (or is
/// contained in it) first, then by edit distance on folded text (`strsim::levenshtein`),
/// within half the query's length (at least 3 edits).
///
/// # Example
/// ```
/// let names = ["Bandar Abbas", "Bandar Anzali", "Baku"];
/// assert_eq!(corridor::routing::suggest::closest("bandar abas", names.into_iter())[0], "Bandar Abbas");
/// ```
#[must_use]
pub fn closest<'a>(query: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<String> {
    let q = fold(query);
    let qn = q.chars().count();
    // A text this long is not a misspelt name; comparing it would cost its length times every
    // candidate's (a 1,000,000-character name against a large network took seconds).
    if qn > MAX_QUERY_CHARS {
        return Vec::new();
    }
    let limit = (q.len() / 2).max(3);
    let mut scored: Vec<(usize, &str)> = candidates
        .filter_map(|c| {
            let f = fold(c);
            if f.contains(&q) || q.contains(&f) {
                return Some((1, c));
            }
            // The edit distance is at least the difference in length: skip what cannot pass.
            if f.chars().count().abs_diff(qn) > limit {
                return None;
            }
            let d = strsim::levenshtein(&q, &f);
            (d <= limit).then_some((d, c))
        })
        .collect();
    scored.sort_unstable();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .take(3)
        .map(|(_, c)| c.to_string())
        .collect()
}

/// How alike a typed name and a form of a place's name are, 0…1: Jaro–Winkler on the folded
/// texts (`strsim::jaro_winkler`), also without the parenthesis (`Bandar Abbas (Shahid
/// Rajaee)` → `bandar abbas`), without spaces and hyphens (`BandarAbbas`), and word by word
/// (a little lower, so that a whole name beats one of its words). A form that contains the
/// query, or is contained in it, scores 0.99.
fn similarity(q: &str, q_compact: &str, form: &str) -> f64 {
    let f: String = fold(form).chars().take(MAX_QUERY_CHARS).collect();
    let base = f.split(" (").next().unwrap_or(&f).trim();
    if base.chars().count() >= 3 && (base.contains(q) || q.contains(base)) {
        return 0.99;
    }
    let compact: String = base.chars().filter(|c| c.is_alphanumeric()).collect();
    let words = base
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(|w| 0.95 * strsim::jaro_winkler(q, w));
    [
        strsim::jaro_winkler(q, &f),
        strsim::jaro_winkler(q, base),
        strsim::jaro_winkler(q_compact, &compact),
    ]
    .into_iter()
    .chain(words)
    .fold(0.0, f64::max)
}

/// Least similarity at which a place is suggested.
const MIN_SIMILARITY: f64 = 0.8;

/// Up to three places closest to `query`, each given as `(what to show, the forms of its
/// name)`: by the best [`similarity`] of any form, at least 0.8, one suggestion per place.
/// The work is bounded: a query over [`MAX_QUERY_CHARS`] gets none, and each form is read to
/// that many characters.
///
/// # Example
/// ```
/// use corridor::routing::suggest::closest_place;
/// let places = [("Bandar Abbas (Shahid Rajaee)", vec!["bandar-abbas", "Bandar Abbas (Shahid Rajaee)"]),
///               ("Bandar Anzali", vec!["anzali", "Bandar Anzali"]),
///               ("Helsinki (Vuosaari)", vec!["helsinki", "Helsinki (Vuosaari)"])];
/// for typo in ["Bandar Abas", "Bandar Abbass", "BandarAbbas"] {
///     assert_eq!(closest_place(typo, places.iter().map(|(n, f)| (*n, f.clone())))[0], "Bandar Abbas (Shahid Rajaee)");
/// }
/// assert_eq!(closest_place("Helsnki", places.iter().map(|(n, f)| (*n, f.clone())))[0], "Helsinki (Vuosaari)");
/// ```
#[must_use]
pub fn closest_place<'a>(
    query: &str,
    places: impl Iterator<Item = (&'a str, Vec<&'a str>)>,
) -> Vec<String> {
    let q = fold(query);
    if q.chars().count() > MAX_QUERY_CHARS || q.is_empty() {
        return Vec::new();
    }
    let q = q.trim().to_string();
    let qc: String = q.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut scored: Vec<(f64, &str)> = places
        .map(|(show, forms)| {
            let s = forms
                .iter()
                .map(|f| similarity(&q, &qc, f))
                .fold(0.0, f64::max);
            (s, show)
        })
        .filter(|(s, _)| *s >= MIN_SIMILARITY)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .take(3)
        .map(|(_, c)| c.to_string())
        .collect()
}

/// Longest query that gets suggestions, in characters.
pub const MAX_QUERY_CHARS: usize = 100;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_query_gets_no_suggestions_at_once() {
        let long = "x".repeat(1_000_000);
        let names: Vec<String> = (0..10_000).map(|i| format!("place {i}")).collect();
        assert!(closest(&long, names.iter().map(String::as_str)).is_empty());
    }
}
