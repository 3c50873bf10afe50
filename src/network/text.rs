//! Text folding for matching names typed by users.

/// Folds a name for matching: ASCII transliteration (accents removed), lower case, and runs of
/// spaces, hyphens, underscores and apostrophes collapsed to one space.
///
/// # Example
/// ```
/// assert_eq!(corridor::network::fold("Bandar-e Anzali"), "bandar e anzali");
/// assert_eq!(corridor::network::fold("  ASTARA "), "astara");
/// assert_eq!(corridor::network::fold("Gyzylgaýa"), "gyzylgaya");
/// ```
#[must_use]
pub fn fold(s: &str) -> String {
    let ascii = deunicode::deunicode(s).to_ascii_lowercase();
    let mut out = String::with_capacity(ascii.len());
    let mut gap = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}
