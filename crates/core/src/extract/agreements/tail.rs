//! The tail of an agreement entry (", 2021 TBC." / " 2016." / ", 2018-2022."
//! / " (2019)"), read by hand.
//!
//! [`TAIL`] says what a tail is; reading it with captures cost more than the
//! rest of an entry's parse, so [`read`] walks the same shape directly. The
//! regex stays the reference (randomized test) and reads the entries that
//! hold "ſ", which case-folds to the "s" of "to be signed".

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

// The tail: ", 2021 TBC." / " 2016." / ", 2018-2022." / " (2019)".
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)[,\s(]*(?-u:\b)((?:19|20)[0-9][0-9])(?:\s*[-–/]\s*((?:19|20)[0-9][0-9]))?\)?\s*(\(?(?-u:\b)(?:{})(?-u:\b)\)?)?\s*[.;]?\s*$",
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

/// The tail of `entry`, as [`TAIL`] matches it.
pub(crate) fn read(entry: &str) -> Option<Tail> {
    if entry.contains('\u{17F}') {
        let c = TAIL.captures(entry)?;
        return Some(Tail {
            start: c.get(0)?.start(),
            first: c.get(1)?.range(),
            last: c.get(2).map(|m| m.range()),
            pending: c.get(3).is_some(),
        });
    }
    let b = entry.as_bytes();
    // The leftmost year that starts a tail running to the end.
    (0..b.len())
        .filter(|&p| is_year(b, p) && !(p > 0 && is_word(b[p - 1])))
        .find_map(|p| {
            let (last, pending) = after_year(entry, p + 4)?;
            let start = entry[..p]
                .trim_end_matches(|c: char| c == ',' || c == '(' || c.is_whitespace())
                .len();
            Some(Tail {
                start,
                first: p..p + 4,
                last,
                pending,
            })
        })
}

/// A word byte of `(?-u:\b)`.
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `(?:19|20)[0-9][0-9]` at `at`.
fn is_year(b: &[u8], at: usize) -> bool {
    matches!(b.get(at..at + 4), Some([c, d, y, z])
        if matches!((c, d), (b'1', b'9') | (b'2', b'0')) && y.is_ascii_digit() && z.is_ascii_digit())
}

/// The position after the white space from `at`.
fn skip_space(entry: &str, at: usize) -> usize {
    entry.len() - entry[at..].trim_start().len()
}

/// After the first year: an optional `\s*[-–/]\s*` second year, then the
/// rest. The second year and whether a status follows.
fn after_year(entry: &str, at: usize) -> Option<(Option<Range<usize>>, bool)> {
    let dash = skip_space(entry, at);
    if let Some(rest) = entry[dash..].strip_prefix(['-', '–', '/']) {
        let year = skip_space(entry, entry.len() - rest.len());
        if is_year(entry.as_bytes(), year)
            && let Some(pending) = rest_of_tail(entry, year + 4)
        {
            return Some((Some(year..year + 4), pending));
        }
    }
    rest_of_tail(entry, at).map(|pending| (None, pending))
}

/// `\)?\s*(\(?\bSTATUS\b\)?)?\s*[.;]?\s*$` from `at`: whether it matches,
/// and whether with a status.
fn rest_of_tail(entry: &str, at: usize) -> Option<bool> {
    let b = entry.as_bytes();
    let mut i = at + usize::from(b.get(at) == Some(&b')'));
    i = skip_space(entry, i);
    let mut s = i + usize::from(b.get(i) == Some(&b'('));
    let status = (s == 0 || !is_word(b[s - 1]))
        .then(|| {
            STATUSES.iter().find(|w| {
                b.get(s..s + w.len())
                    .is_some_and(|t| t.eq_ignore_ascii_case(w.as_bytes()))
                    && !b.get(s + w.len()).is_some_and(|&c| is_word(c))
            })
        })
        .flatten();
    if let Some(w) = status {
        s += w.len();
        i = s + usize::from(b.get(s) == Some(&b')'));
    }
    let end = skip_space(entry, i);
    let end = end + usize::from(matches!(b.get(end), Some(b'.' | b';')));
    (skip_space(entry, end) == entry.len()).then_some(status.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_regex_captures() {
        let pieces = [
            "MoU",
            " ",
            " ",
            ",",
            "(",
            ")",
            "2018",
            "2021",
            "1999",
            "2099",
            "1899",
            "12",
            "-",
            "–",
            "/",
            ".",
            ";",
            "TBC",
            "tbd",
            "To be confirmed",
            "to be signed",
            "Pending",
            "x",
            "\u{a0}",
            "\n",
            "é",
            "_",
            "in preparation",
            "under negotiation",
            "forthcoming",
            "ſigned",
        ];
        let mut below = crate::test_random::below(0x7a11_0000_2021_0001_u64);
        let (mut found, mut periods, mut pending) = (0, 0, 0);
        for _ in 0..30_000 {
            let mut t: String = (0..below(10))
                .map(|_| pieces[below(pieces.len())])
                .collect();
            // Half the texts end in the shape of a tail, with noise.
            if below(2) == 0 {
                for part in [
                    &[",", " ", "("][..],
                    &["2019"],
                    &["", "-", " – ", "/"],
                    &["2022", ""],
                    &["", " TBC", " (pending)", ")"],
                    &["", ".", ";", " "],
                ] {
                    t.push_str(part[below(part.len())]);
                }
            }
            let want = TAIL.captures(&t).and_then(|c| {
                Some(Tail {
                    start: c.get(0)?.start(),
                    first: c.get(1)?.range(),
                    last: c.get(2).map(|m| m.range()),
                    pending: c.get(3).is_some(),
                })
            });
            found += usize::from(want.is_some());
            periods += usize::from(want.as_ref().is_some_and(|w| w.last.is_some()));
            pending += usize::from(want.as_ref().is_some_and(|w| w.pending));
            assert_eq!(read(&t), want, "{t:?}");
        }
        assert!(
            found > 5_000 && periods > 1_000 && pending > 1_000,
            "the texts exercise the tail: {found} tails, {periods} periods, {pending} pending"
        );
    }
}
