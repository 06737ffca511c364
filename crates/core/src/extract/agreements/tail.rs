//! The tail of an agreement entry (", 2021 TBC." / " 2016." / ", 2018-2022."
//! / " (2019)"): its years and whether a status says it is not signed yet.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

// The tail: ", 2021 TBC." / " 2016." / ", 2018-2022." / " (2019)".
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)[,\s(]*(?-u:\b)(?<first>(?:19|20)[0-9][0-9])(?:\s*[-–/]\s*(?<last>(?:19|20)[0-9][0-9]))?\)?\s*(?<status>\(?(?-u:\b)(?:{})(?-u:\b)\)?)?\s*[.;]?\s*$",
        STATUSES.join("|")
    ))
    .expect("valid pattern")
});

/// The words that say an agreement is not signed yet, lower case: after
/// the years in a tail, or anywhere in an entry.
pub(crate) const STATUSES: [&str; 8] = [
    "tbc",
    "tbd",
    "to be confirmed",
    "to be signed",
    "pending",
    "forthcoming",
    "under negotiation",
    "in preparation",
];

/// A tail read from an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tail {
    /// Where the tail starts (the title ends).
    pub start: usize,
    /// The year, or the first of two.
    pub first: Range<usize>,
    /// The second year of a period.
    pub last: Option<Range<usize>>,
    /// A status after the years says the agreement is not signed yet.
    pub pending: bool,
}

/// The tail of `entry`, if it ends with one.
pub(crate) fn read(entry: &str) -> Option<Tail> {
    let c = TAIL.captures(entry)?;
    Some(Tail {
        start: c.get(0)?.start(),
        first: c.name("first")?.range(),
        last: c.name("last").map(|m| m.range()),
        pending: c.name("status").is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The title before the tail, the years, and whether it is pending.
    fn parts(entry: &str) -> Option<(&str, Vec<&str>, bool)> {
        let t = read(entry)?;
        let mut years = vec![&entry[t.first]];
        years.extend(t.last.map(|r| &entry[r]));
        Some((&entry[..t.start], years, t.pending))
    }

    #[test]
    fn years_and_status_at_the_end() {
        assert_eq!(
            parts("MoU on Energy, 2021 TBC."),
            Some(("MoU on Energy", vec!["2021"], true))
        );
        assert_eq!(
            parts("MoU on Energy 2016."),
            Some(("MoU on Energy", vec!["2016"], false))
        );
        assert_eq!(
            parts("Work programme, 2018-2022."),
            Some(("Work programme", vec!["2018", "2022"], false))
        );
        assert_eq!(
            parts("Accord (2019)"),
            Some(("Accord", vec!["2019"], false))
        );
        assert_eq!(
            parts("MoC on Health, 2024 (to be signed)"),
            Some(("MoC on Health", vec!["2024"], true))
        );
    }

    #[test]
    fn no_tail_without_a_year_at_the_end() {
        assert_eq!(parts("MoU on Energy"), None);
        assert_eq!(parts("MoU of 2018 on Energy"), None);
        assert_eq!(parts("Agenda 2030x"), None);
        assert_eq!(parts("Plan 1899."), None);
    }
}
