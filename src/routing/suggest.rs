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
    let mut scored: Vec<(usize, &str)> = candidates
        .map(|c| {
            let f = fold(c);
            let d = if f.contains(&q) || q.contains(&f) {
                1
            } else {
                strsim::levenshtein(&q, &f)
            };
            (d, c)
        })
        .collect();
    scored.sort_unstable();
    scored.dedup_by(|a, b| a.1 == b.1);
    let limit = (q.len() / 2).max(3);
    scored
        .into_iter()
        .filter(|(d, _)| *d <= limit)
        .take(3)
        .map(|(_, c)| c.to_string())
        .collect()
}
