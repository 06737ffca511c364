//! Finding a set of literal names in a text: the register matches its
//! bodies' names and acronyms with it, and the gazetteer its well-known
//! bodies.

use std::ops::Range;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

/// A set of names, searched for as written (case-sensitive), from word
/// starts only.
#[derive(Debug, Clone)]
pub(super) struct NameMatcher {
    /// Every non-empty name (an empty one would match everywhere).
    automaton: AhoCorasick,
    /// The position in the caller's list of each of the automaton's names.
    ids: Vec<usize>,
}

impl NameMatcher {
    /// A matcher for `names`; a match reports the name's position in `names`.
    pub fn new<'p>(names: impl IntoIterator<Item = &'p str>) -> Self {
        let (ids, names): (Vec<usize>, Vec<&str>) = names
            .into_iter()
            .enumerate()
            .filter(|(_, name)| !name.is_empty())
            .unzip();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(names)
            .expect("a set of literal names builds an automaton");
        NameMatcher { automaton, ids }
    }

    /// The longest name starting at each word start of `text` (see
    /// [`at_word_start`]), without overlaps: each with the name's position.
    /// Of two equal names, the first given is reported.
    ///
    /// A match from inside a word could only be one the register rejects,
    /// and it would hide a valid one that starts inside it: with "EA Fund"
    /// and "Fund" registered, "the DEA Fund" would lose its "Fund" to the
    /// "EA Fund" inside "DEA".
    pub fn find_at_word_starts(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        let mut out = Vec::new();
        let mut next = 0;
        for (at, _) in text.char_indices() {
            if at < next || !at_word_start(text, at) {
                continue;
            }
            let input = Input::new(text).range(at..).anchored(Anchored::Yes);
            if let Some(m) = self.automaton.find(input) {
                out.push((m.range(), self.ids[m.pattern().as_usize()]));
                next = m.end();
            }
        }
        out
    }
}

/// True when the char before `at` (a char boundary) does not continue a
/// word: a letter, a digit, `-` or `&`.
fn at_word_start(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '&')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(names: &[&str], text: &'t str) -> Vec<(&'t str, usize)> {
        NameMatcher::new(names.iter().copied())
            .find_at_word_starts(text)
            .into_iter()
            .map(|(r, id)| (&text[r], id))
            .collect()
    }

    #[test]
    fn longest_at_each_word_start_without_overlap() {
        let names = ["Fund", "Innovation Fund", "Fund Denmark", "Inn", "KIAT"];
        assert_eq!(
            found(&names, "Innovation Fund Denmark and KIAT"),
            [("Innovation Fund", 1), ("KIAT", 4)]
        );
        assert_eq!(
            found(&names, "Innovator Fund Denmark"),
            [("Inn", 3), ("Fund Denmark", 2)]
        );
        assert!(found(&names, "").is_empty());
    }

    #[test]
    fn a_name_given_twice_reports_the_first() {
        assert_eq!(
            found(&["DEA", "Danish Energy Agency", "DEA", ""], "the DEA."),
            [("DEA", 0)]
        );
    }

    #[test]
    fn a_match_inside_a_word_hides_nothing() {
        assert_eq!(found(&["EA Fund", "Fund"], "the DEA Fund"), [("Fund", 1)]);
        // "é" is a letter too: no match starts after it.
        assert_eq!(
            found(&["EA Fund", "Fund"], "éFund -Fund (Fund"),
            [("Fund", 1)]
        );
    }

    #[test]
    fn matches_are_case_sensitive_and_byte_exact() {
        assert_eq!(
            found(&["Ørsted", "WHO"], "who, WHO and Ørsted"),
            [("WHO", 1), ("Ørsted", 0)]
        );
    }
}
