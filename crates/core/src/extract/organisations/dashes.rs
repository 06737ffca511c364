//! "ACR – Name" definitions: an acronym, a dash between white space, and
//! a short description up to punctuation, the end, or the next spaced dash.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// An acronym (`EKF`, `K-SURE`), a spaced dash, and the shortest
/// description of 3 to 80 characters that punctuation, the end of the
/// text or another spaced dash closes.
static DASH_DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?<acronym>[A-Z][A-Z0-9&]*(?:-[A-Z0-9&]+)*)\s+[-–—]\s+(?<description>[^-–—,;.()]{3,80}?)\s*(?:\s[-–—]|[,;.()]|$)",
    )
    .expect("dash definition pattern is valid")
});

/// One "ACR – Name" definition: the acronym's range, the description's,
/// and where the definition ends (where the next one may start).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DashDefinition {
    pub acronym: Range<usize>,
    pub description: Range<usize>,
    pub end: usize,
}

/// Every "ACR – Name" definition of `text`, left to right.
pub(super) fn dash_definitions(text: &str) -> impl Iterator<Item = DashDefinition> + '_ {
    DASH_DEFINITION.captures_iter(text).filter_map(|c| {
        Some(DashDefinition {
            acronym: c.name("acronym")?.range(),
            description: c.name("description")?.range(),
            end: c.get(0)?.end(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, &str)> {
        dash_definitions(text)
            .map(|d| (&text[d.acronym], &text[d.description]))
            .collect()
    }

    #[test]
    fn acronym_dash_description() {
        assert_eq!(
            found(
                "between K-SURE - Korea's Export Credit Agency - and EKF – Denmark's Export Credit Agency, with"
            ),
            [
                ("K-SURE", "Korea's Export Credit Agency"),
                ("EKF", "Denmark's Export Credit Agency")
            ]
        );
        assert_eq!(
            found("EKF\u{a0}— Danish agency."),
            [("EKF", "Danish agency")]
        );
    }

    #[test]
    fn no_spaced_dash_no_definition() {
        assert!(found("Asia-Pacific and K-SURE -- x").is_empty());
        assert!(found("the EKF-Denmark line").is_empty());
        assert!(found("EKF - ab").is_empty());
    }
}
