//! Mechanisms: a recurrence word followed by a meeting noun ("Annual
//! ministerial meetings in the Green Growth Alliance", "Biennial Joint
//! Committee Meetings (JCM)", "bi-annual senior official consultations").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::words::normalise;
use crate::recurrence::{self, Frequency};

/// A mechanism named in an action's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundMechanism {
    /// The name phrase, from the recurrence word to the end of the noun phrase.
    pub name: String,
    /// Key that identifies the same mechanism named twice (acronym, or normalised name).
    pub key: String,
    /// Byte range of the name.
    pub range: Range<usize>,
    /// Byte range of the recurrence word.
    pub recurrence_range: Range<usize>,
    /// The reading of the recurrence word.
    pub frequency: Frequency,
    /// The other reading, if ambiguous.
    pub alternative: Option<Frequency>,
}

static MEETING_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(meetings?|consultations?|committees?|dialogues?|summits?|forums?|fora|conferences?|sessions?|talks|councils?|commissions?|roundtables?|round tables?|working groups?)(?-u:\b)")
        .expect("valid pattern")
});

// Where a mechanism's name stops: a clause or a purpose starts.
static NAME_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:[.;:]\s|[.;:]$|,|\s[-–—]\s|\s(?:focusing|focused|to\s|on\s+the\s+occasion|e\.g\.|i\.e\.|including|with\s+a|where|which|that|aimed|in\s+order|at\s+appropriate|in\s+Seoul|in\s+Copenhagen)(?-u:\b))")
        .expect("valid pattern")
});

static ACRONYM_IN_PARENS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([A-Z][A-Za-z0-9&-]{1,9})\)").expect("valid pattern"));

/// Mechanisms in an action's text: one per recurrence word that governs a meeting noun.
pub fn find(text: &str) -> Vec<FoundMechanism> {
    let words: Vec<_> = recurrence::find_all(text).collect();
    find_among(text, &words)
}

/// As [`find`], given the recurrence words of `text` (from
/// [`recurrence::find_all`]), which the importer has already found.
pub fn find_among(
    text: &str,
    words: &[(Range<usize>, Frequency, Option<Frequency>)],
) -> Vec<FoundMechanism> {
    let mut out = Vec::new();
    for (rec_range, frequency, alternative) in words.iter().cloned() {
        let rest = &text[rec_range.start..];
        let end = NAME_END
            .find(&rest[rec_range.len()..])
            .map_or(rest.len(), |m| m.start() + rec_range.len());
        let phrase = &rest[..end];
        // An adverb ("regularly updated") qualifies a verb, not a body.
        let word = phrase[..rec_range.len()].to_lowercase();
        if word.ends_with("ly")
            && ![
                "yearly",
                "quarterly",
                "monthly",
                "weekly",
                "fortnightly",
                "bimonthly",
                "bi-monthly",
                "half-yearly",
                "halfyearly",
                "biweekly",
                "bi-weekly",
            ]
            .contains(&word.as_str())
        {
            continue;
        }
        // The meeting noun must come within the first few words.
        let Some(noun) = MEETING_NOUN.find(phrase) else {
            continue;
        };
        if phrase[..noun.start()].split_whitespace().count() > 4 {
            continue;
        }
        let mut name = phrase.trim_end();
        // A long name stops before "between …": who meets is context, not name.
        if name.split_whitespace().count() > 8
            && !ACRONYM_IN_PARENS.is_match(name)
            && let Some(i) = name.find(" between ")
        {
            name = &name[..i];
        }
        let range = rec_range.start..rec_range.start + name.len();
        let key = ACRONYM_IN_PARENS
            .captures(name)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().to_owned())
            .unwrap_or_else(|| normalise(name));
        out.push(FoundMechanism {
            name: name.to_owned(),
            key,
            range,
            recurrence_range: rec_range,
            frequency,
            alternative,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        find(text).into_iter().map(|m| m.name).collect()
    }

    #[test]
    fn mechanisms_in_the_reference_forms() {
        assert_eq!(
            names(
                "Annual ministerial meetings in the Green Growth Alliance focusing on topics of mutual interest."
            ),
            ["Annual ministerial meetings in the Green Growth Alliance"]
        );
        assert_eq!(
            names(
                "Annual consultations on climate policy at political level and through climate envoys, e.g. on the occasion"
            ),
            [
                "Annual consultations on climate policy at political level and through climate envoys"
            ]
        );
        assert_eq!(
            names(
                "Dialogue on Arctic affairs, including bi-annual senior official consultations - e.g. between Arctic ambassadors."
            ),
            ["bi-annual senior official consultations"]
        );
        assert_eq!(
            names(
                "Regular political consultations to discuss issues of mutual interest in Seoul or Copenhagen."
            ),
            ["Regular political consultations"]
        );
    }

    #[test]
    fn the_same_mechanism_has_the_same_key() {
        let a = find(
            "Identify opportunities at Biennial Joint Committee Meetings (JCM) between the Korean Ministry of Science and ICT (MSIT) and the Danish Ministry (MHES).",
        );
        let b = find(
            "Biennial Joint Committee Meetings (JCM) between the Korean Ministry of Science and ICT (MSIT).",
        );
        assert_eq!(a[0].key, "JCM");
        assert_eq!(a[0].key, b[0].key);
        assert_eq!(a[0].frequency, Frequency::Years { interval: 2 });
    }

    #[test]
    fn recurrence_without_meeting_is_no_mechanism() {
        assert!(find("Annual reporting of emissions data").is_empty());
        assert!(find("Cooperation on circular economy").is_empty());
        assert!(find("regularly updated statistics on visits to museums").is_empty());
    }
}
