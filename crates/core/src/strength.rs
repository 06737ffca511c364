//! How firm a commitment is: hedging words ("possible", "explore", "when
//! relevant", "where possible") make it hedged.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// Firm, or hedged by the listed words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "level", rename_all = "snake_case")]
pub enum Strength {
    /// No hedging words.
    Firm,
    /// Commits only conditionally.
    Hedged {
        /// The hedging words, in order.
        hedges: Vec<Hedge>,
    },
}

impl Strength {
    /// True when hedged.
    pub fn is_hedged(&self) -> bool {
        matches!(self, Strength::Hedged { .. })
    }

    /// The hedges (empty when firm).
    pub fn hedges(&self) -> &[Hedge] {
        match self {
            Strength::Firm => &[],
            Strength::Hedged { hedges } => hedges,
        }
    }
}

/// A hedging word or phrase in an action's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Hedge {
    /// As written ("Possible", "when relevant").
    pub phrase: String,
    /// Where it stands.
    pub span: Span,
}

/// The hedging words as a pattern; [`crate::action_words`] scans for them
/// together with the recurrence words.
pub(crate) const HEDGE_PATTERN: &str = r"(?ix)(?-u:\b)(
            (?:when|where|if|as)\ (?:relevant|possible|appropriate|feasible|needed|necessary|applicable)
          | to\ the\ extent\ possible | subject\ to | if\ any
          | possibl[ey] | possibility | possibilities
          | explor(?:e|es|ed|ing) | potential(?:ly)?
          | consider(?:s|ed|ing)? | may | might | could
          | seek(?:s|ing)?\ to | endeavou?r(?:s)?\ to | strive(?:s)?\ to | aim(?:s)?\ to
        )(?-u:\b)
        # Danish and Korean (검토 consider, 모색 seek), which the
        # ASCII word boundaries above cannot delimit.
        | \b(?:mulig(?:e|t|hed|heder)? | eventuelt | undersøge | overveje)\b
        | 검토 | 모색";

static HEDGES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(HEDGE_PATTERN).expect("hedge pattern is valid"));

/// Byte ranges of the hedging words in `text`, in order.
pub fn find_hedges(text: &str) -> Vec<Range<usize>> {
    HEDGES
        .find_iter(text)
        .filter(|m| is_hedge(m.as_str()))
        .map(|m| m.range())
        .collect()
}

/// False for a match of [`HEDGE_PATTERN`] that is no hedge after all.
pub(crate) fn is_hedge(matched: &str) -> bool {
    // "as possible" in "as smoothly as possible" is a manner, not a hedge.
    !matched.eq_ignore_ascii_case("as possible")
}

/// The strength of an action's text; `span` maps a byte range of `text` to a source span.
pub fn assess(text: &str, span: &dyn Fn(Range<usize>) -> Span) -> Strength {
    from_hedges(text, find_hedges(text), span)
}

/// As [`assess`], given the hedges of `text` (from [`find_hedges`] or
/// [`crate::action_words::scan`]).
pub fn from_hedges(
    text: &str,
    hedges: Vec<Range<usize>>,
    span: &dyn Fn(Range<usize>) -> Span,
) -> Strength {
    let hedges: Vec<Hedge> = hedges
        .into_iter()
        .map(|r| Hedge {
            phrase: text[r.clone()].to_owned(),
            span: span(r),
        })
        .collect();
    if hedges.is_empty() {
        Strength::Firm
    } else {
        Strength::Hedged { hedges }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_and_korean_hedges() {
        let hedged = |t: &str| !find_hedges(t).is_empty();
        assert!(hedged("Mulig samarbejde om digitale sundhedsløsninger."));
        assert!(hedged("공동 연구를 검토한다."));
        assert!(!hedged("Fælles forskning i klimatilpasning."));
        assert!(!hedged("공동 연구를 추진한다."));
    }

    fn words(text: &str) -> Vec<&str> {
        find_hedges(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn hedges_are_found() {
        assert_eq!(words("Possible joint P4G events"), ["Possible"]);
        assert_eq!(words("Explore joint P4G partnerships"), ["Explore"]);
        assert_eq!(
            words("Collaboration when relevant in selected WHO negotiations"),
            ["when relevant"]
        );
        assert_eq!(
            words("contribute, where possible, to solving"),
            ["where possible"]
        );
        assert_eq!(
            words("including exploring the possibility for joint projects"),
            ["exploring", "possibility"]
        );
    }

    #[test]
    fn firm_commitments_have_none() {
        assert!(words("Annual ministerial meetings in the Green Growth Alliance").is_empty());
        assert!(words("Cooperation on circular economy").is_empty());
        assert!(words("trade flows as smoothly, predictably and freely as possible").is_empty());
        assert!(words("the Maypole festival").is_empty());
    }

    #[test]
    fn assess_maps_spans() {
        let s = assess("Possible joint events", &|r| Span {
            start: r.start + 100,
            end: r.end + 100,
            ..Span::default()
        });
        assert!(s.is_hedged());
        assert_eq!(s.hedges()[0].span.start, 100);
        assert_eq!(assess("Joint events", &|_| Span::default()), Strength::Firm);
    }
}
