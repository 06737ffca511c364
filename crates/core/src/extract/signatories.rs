//! Signatories: "signed by the Minister of Foreign Affairs of the Kingdom of
//! Denmark, Jeppe Kofod and the Minister of Foreign Affairs of the Republic of
//! Korea, Chung Eui-yong", and signature blocks ("For the Government of …").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::country;

/// A signatory read from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundSignatory {
    /// Name.
    pub name: String,
    /// Office.
    pub title: String,
    /// Party code, from the country in the office.
    pub party: Option<String>,
    /// Byte range of "office, name".
    pub range: Range<usize>,
}

static SIGNED_BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)signed\s+by\s+").expect("valid pattern"));

static OFFICE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(minister|secretary|president|prime|ambassador|chancellor|director|chair|head|deputy|commissioner)(?-u:\b)")
        .expect("valid pattern")
});

/// Signatories named in a "signed by …" sentence.
pub fn from_sentence(text: &str) -> Vec<FoundSignatory> {
    let Some(m) = SIGNED_BY.find(text) else {
        return Vec::new();
    };
    let rest_start = m.end();
    let rest = &text[rest_start..];
    let end = rest
        .find(". ")
        .map_or(rest.trim_end_matches('.').len(), |i| i);
    let sentence = &rest[..end];
    // Split at " and the " / " and " before an office word.
    let mut parts: Vec<Range<usize>> = Vec::new();
    let mut from = 0;
    for (i, _) in sentence.match_indices(" and ") {
        let after = &sentence[i + 5..];
        let after = after.strip_prefix("the ").unwrap_or(after);
        if OFFICE_WORD.find(after).is_some_and(|o| o.start() == 0) {
            parts.push(from..i);
            from = i + 5;
        }
    }
    parts.push(from..sentence.len());
    parts
        .into_iter()
        .filter_map(|r| {
            let part = &sentence[r.clone()];
            let lead = part.len() - part.trim_start().len();
            let part = part.trim();
            let part = part.strip_prefix("the ").unwrap_or(part);
            let (office, name) = part.rsplit_once(", ")?;
            // "Name, Office" is the other common order.
            let (office, name) = if OFFICE_WORD.is_match(office) {
                (office, name)
            } else if OFFICE_WORD.is_match(name) {
                (name, office)
            } else {
                return None;
            };
            let party = country::mentions(office)
                .first()
                .map(|m| m.code.to_string());
            let start = rest_start + r.start + lead;
            Some(FoundSignatory {
                name: name.trim().to_owned(),
                title: office.trim().to_owned(),
                party,
                range: start..rest_start + r.end,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_sentence() {
        let t = "The Joint Action Plan for 2021-2024 was signed by the Minister of Foreign Affairs of the Kingdom of Denmark, Jeppe Kofod and the Minister of Foreign Affairs of the Republic of Korea, Chung Eui-yong.";
        let s = from_sentence(t);
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].name, "Jeppe Kofod");
        assert_eq!(
            s[0].title,
            "Minister of Foreign Affairs of the Kingdom of Denmark"
        );
        assert_eq!(s[0].party.as_deref(), Some("DK"));
        assert_eq!(s[1].name, "Chung Eui-yong");
        assert_eq!(s[1].party.as_deref(), Some("KR"));
    }

    #[test]
    fn name_first_order() {
        let s = from_sentence(
            "It was signed by Jane Doe, Minister for Trade of Norway and John Roe, Minister of Economy of Chile.",
        );
        assert_eq!(s.len(), 1, "one part has no office word after 'and': {s:?}");
        let s = from_sentence(
            "It was signed by Jane Doe, Minister for Trade of Norway and the Minister of Economy of Chile, John Roe.",
        );
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].name, "Jane Doe");
        assert_eq!(s[0].party.as_deref(), Some("NO"));
        assert_eq!(s[1].party.as_deref(), Some("CL"));
    }

    #[test]
    fn no_sentence_no_signatories() {
        assert!(from_sentence("The plan was agreed in April.").is_empty());
    }
}
