//! An action's hedges and recurrence words in one pass over its text: the
//! lazy DFA costs per byte scanned, so one scan for both vocabularies costs
//! about half of two.
//!
//! The two vocabularies share no word, and every match of either starts and
//! ends at a word boundary, so no hedge can overlap a recurrence word: the
//! matches of the joint search are exactly those of the two searches apart.

use std::ops::Range;
use std::sync::LazyLock;

use regex_automata::meta::Regex;

use crate::recurrence::{self, Frequency};
use crate::strength;

/// What [`scan`] finds in a text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ActionWords {
    /// As [`strength::find_hedges`] gives them.
    pub hedges: Vec<Range<usize>>,
    /// As [`recurrence::find_all`] gives them.
    pub recurrences: Vec<(Range<usize>, Frequency, Option<Frequency>)>,
}

// Pattern 0 is the hedges, pattern 1 the recurrence words.
static BOTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new_many(&[strength::HEDGE_PATTERN, recurrence::WORD_PATTERN])
        .expect("hedge and recurrence patterns are valid")
});

/// The hedges and recurrence words of `text`, each in order.
pub fn scan(text: &str) -> ActionWords {
    let mut found = ActionWords::default();
    for m in BOTH.find_iter(text) {
        let matched = &text[m.range()];
        if m.pattern().as_usize() == 0 {
            if strength::is_hedge(matched) {
                found.hedges.push(m.range());
            }
        } else {
            let (frequency, alternative) = recurrence::interpret(matched);
            found.recurrences.push((m.range(), frequency, alternative));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_scan_finds_what_two_do() {
        let pieces = [
            "when",
            "where",
            "if",
            "as",
            "relevant",
            "possible",
            "possibly",
            "possibility",
            "possibilities",
            "needed",
            "to",
            "the",
            "extent",
            "subject",
            "any",
            "explore",
            "exploring",
            "potential",
            "potentially",
            "consider",
            "considered",
            "may",
            "might",
            "could",
            "seek",
            "seeks",
            "endeavour",
            "endeavor",
            "strive",
            "aim",
            "aims",
            "annual",
            "annually",
            "yearly",
            "every",
            "year",
            "years",
            "each",
            "once",
            "a",
            "bi",
            "biennial",
            "ennial",
            "two",
            "2",
            "other",
            "second",
            "three",
            "3",
            "tri",
            "triennial",
            "biannual",
            "semi",
            "semiannual",
            "twice",
            "per",
            "half",
            "quarterly",
            "month",
            "months",
            "monthly",
            "bimonthly",
            "weekly",
            "biweekly",
            "fortnightly",
            "regular",
            "regularly",
            "on",
            "basis",
            "frequent",
            "frequently",
            "periodic",
            "periodical",
            "periodically",
            "AS",
            "Annual",
            "POSSIBLE",
            "ſeek",
            "Maypole",
            "irregular",
            "x",
            "é",
            "_",
        ];
        // Mostly single spaces, which the phrases need; sometimes glue.
        let gaps = [" ", " ", " ", " ", " ", "-", ", ", ".", "; ", "", "\n", "("];
        let mut below = crate::test_random::below(0x5eed_0f0e_5ca4_0001);
        let (mut hedges, mut words) = (0, 0);
        for _ in 0..30_000 {
            let t: String = (0..below(16))
                .flat_map(|_| [pieces[below(pieces.len())], gaps[below(gaps.len())]])
                .collect();
            let found = scan(&t);
            assert_eq!(found.hedges, strength::find_hedges(&t), "{t:?}");
            let apart: Vec<_> = recurrence::find_all(&t).collect();
            assert_eq!(found.recurrences, apart, "{t:?}");
            hedges += found.hedges.len();
            words += found.recurrences.len();
        }
        assert!(
            hedges > 3_000 && words > 3_000,
            "{hedges} hedges, {words} words"
        );
    }

    #[test]
    fn hedges_and_words_side_by_side() {
        let t = "Possible annual meetings, where relevant, on a regular basis as possible";
        let found = scan(t);
        let hedges: Vec<_> = found.hedges.iter().map(|r| &t[r.clone()]).collect();
        let words: Vec<_> = found.recurrences.iter().map(|w| &t[w.0.clone()]).collect();
        assert_eq!(hedges, ["Possible", "where relevant"]);
        assert_eq!(words, ["annual", "on a regular basis"]);
    }
}
