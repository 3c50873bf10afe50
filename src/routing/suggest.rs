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
