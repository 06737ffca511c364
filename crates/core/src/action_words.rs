//! An action's hedges and recurrence words, found together for the
//! importer, which needs both of each action.

use std::ops::Range;

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

/// The hedges and recurrence words of `text`, each in order.
pub fn scan(text: &str) -> ActionWords {
    ActionWords {
        hedges: strength::find_hedges(text),
        recurrences: recurrence::find_all(text).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
