//! How often something recurs: the words plans use ("annual", "biennial",
//! "bi-annual", "regular") and the iCalendar rule each one means.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// A recurrence stated in a plan's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Recurrence {
    /// The words as written ("bi-annual").
    pub phrase: String,
    /// The reading jointplan takes.
    pub frequency: Frequency,
    /// The other reading, when the words mean two things (bi-annual: twice a
    /// year, or every two years).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative: Option<Frequency>,
    /// Where the words stand.
    pub span: Span,
}

impl Recurrence {
    /// True when the words allow two readings.
    pub fn is_ambiguous(&self) -> bool {
        self.alternative.is_some()
    }
}

/// A frequency: every N units, or unspecified ("regular", "frequent").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "every", rename_all = "snake_case")]
pub enum Frequency {
    /// Every `interval` years.
    Years {
        /// Number of years between occurrences.
        interval: u32,
    },
    /// Every `interval` months.
    Months {
        /// Number of months between occurrences.
        interval: u32,
    },
    /// Every `interval` weeks.
    Weeks {
        /// Number of weeks between occurrences.
        interval: u32,
    },
    /// The text says it recurs but not how often.
    Unspecified,
}

impl Frequency {
    /// The RFC 5545 RRULE value, or none when unspecified.
    pub fn rrule(self) -> Option<String> {
        let (freq, interval) = match self {
            Frequency::Years { interval } => ("YEARLY", interval),
            Frequency::Months { interval } => ("MONTHLY", interval),
            Frequency::Weeks { interval } => ("WEEKLY", interval),
            Frequency::Unspecified => return None,
        };
        Some(if interval <= 1 {
            format!("FREQ={freq}")
        } else {
            format!("FREQ={freq};INTERVAL={interval}")
        })
    }

    /// Plain English: "every year", "every 2 years", "twice a year".
    pub fn describe(self) -> String {
        match self {
            Frequency::Years { interval: 1 } => "every year".into(),
            Frequency::Years { interval } => format!("every {interval} years"),
            Frequency::Months { interval: 6 } => "twice a year".into(),
            Frequency::Months { interval: 3 } => "every quarter".into(),
            Frequency::Months { interval: 1 } => "every month".into(),
            Frequency::Months { interval } => format!("every {interval} months"),
            Frequency::Weeks { interval: 1 } => "every week".into(),
            Frequency::Weeks { interval } => format!("every {interval} weeks"),
            Frequency::Unspecified => "at an unspecified interval".into(),
        }
    }
}

/// The recurrence words as a pattern; [`crate::action_words`] scans for them
/// together with the hedging words.
pub(crate) const WORD_PATTERN: &str = r"(?ix)(?-u:\b)(
            annual(?:ly)? | yearly | every\ year | each\ year | once\ a\ year
          | bi-?ennial(?:ly)? | every\ (?:two|2|other|second)\ years?
          | tri-?ennial(?:ly)? | every\ (?:three|3)\ years
          | bi-?annual(?:ly)? | semi-?annual(?:ly)? | twice\ (?:a|per|each|every)\ year | half-?yearly
          | quarterly | every\ (?:three|3)\ months
          | bi-?monthly | monthly | every\ month
          | bi-?weekly | fortnightly | weekly
          | regular(?:ly)? | on\ a\ regular\ basis | frequent(?:ly)? | periodic(?:al(?:ly)?)?
        )(?-u:\b)
        # Danish, with Unicode word boundaries (årlig starts with a letter
        # outside ASCII); Korean words take particles (격년으로), so none after them.
        | \b(?:hvert\ andet\ år | hvert\ år | halvårlig(?:e|t)? | årlig(?:e|t)?)\b
        | 매년 | 격년 | 매분기 | 반기별";

static WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(WORD_PATTERN).expect("recurrence pattern is valid"));

/// What a recurrence word means: the reading taken and, if ambiguous, the other.
pub fn interpret(phrase: &str) -> (Frequency, Option<Frequency>) {
    let p = phrase.to_lowercase().replace('-', "");
    let years = |interval| Frequency::Years { interval };
    let months = |interval| Frequency::Months { interval };
    let weeks = |interval| Frequency::Weeks { interval };
    if p.starts_with("hvert andet") || p == "격년" {
        (years(2), None)
    } else if p.starts_with("halvårlig") || p == "반기별" {
        (months(6), None)
    } else if p.starts_with("årlig") || p == "hvert år" || p == "매년" {
        (years(1), None)
    } else if p == "매분기" {
        (months(3), None)
    } else if p.starts_with("biannual") {
        // Dictionaries give "twice a year"; many drafters mean "every two years".
        (months(6), Some(years(2)))
    } else if p.starts_with("bimonthly") {
        (months(2), Some(weeks(2)))
    } else if p.starts_with("biweekly") {
        (weeks(2), Some(Frequency::Unspecified))
    } else if p.starts_with("biennial")
        || p.starts_with("every two")
        || p.starts_with("every 2")
        || p.starts_with("every other")
        || p.starts_with("every second")
    {
        (years(2), None)
    } else if p.starts_with("triennial") || p == "every three years" || p == "every 3 years" {
        (years(3), None)
    } else if p.starts_with("semiannual") || p.starts_with("twice") || p.starts_with("halfyearly") {
        (months(6), None)
    } else if p.starts_with("quarterly") || p.contains("three months") || p.contains("3 months") {
        (months(3), None)
    } else if p.starts_with("monthly") || p == "every month" {
        (months(1), None)
    } else if p.starts_with("fortnightly") {
        (weeks(2), None)
    } else if p.starts_with("weekly") {
        (weeks(1), None)
    } else if p.starts_with("annual") || p.contains("year") {
        (years(1), None)
    } else {
        (Frequency::Unspecified, None)
    }
}

/// The first recurrence stated in `text`: byte range of the words, and their readings.
pub fn find(text: &str) -> Option<(Range<usize>, Frequency, Option<Frequency>)> {
    let m = WORDS.find(text)?;
    let (frequency, alternative) = interpret(m.as_str());
    Some((m.range(), frequency, alternative))
}

/// Every recurrence word in `text`, with byte ranges.
pub fn find_all(
    text: &str,
) -> impl Iterator<Item = (Range<usize>, Frequency, Option<Frequency>)> + '_ {
    WORDS.find_iter(text).map(|m| {
        let (f, a) = interpret(m.as_str());
        (m.range(), f, a)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_and_korean_words() {
        let years = |interval| Some(Frequency::Years { interval });
        let first = |t: &str| find(t).map(|(_, f, _)| f);
        assert_eq!(first("Årlig energidialog"), years(1));
        assert_eq!(first("erfaringer hvert andet år."), years(2));
        assert_eq!(first("정책대화를 매년 개최한다."), years(1));
        assert_eq!(first("격년으로 전문가 회의를 개최한다."), years(2));
        assert_eq!(first("Danmark og Vietnam"), None);
    }

    fn first(text: &str) -> Option<(Frequency, Option<Frequency>)> {
        find(text).map(|(_, f, a)| (f, a))
    }

    #[test]
    fn plain_words_give_rules() {
        assert_eq!(
            first("Annual ministerial meetings").and_then(|f| f.0.rrule()),
            Some("FREQ=YEARLY".into())
        );
        assert_eq!(
            first("Biennial Joint Committee Meetings").and_then(|f| f.0.rrule()),
            Some("FREQ=YEARLY;INTERVAL=2".into())
        );
        assert_eq!(
            first("quarterly reviews").and_then(|f| f.0.rrule()),
            Some("FREQ=MONTHLY;INTERVAL=3".into())
        );
        assert_eq!(
            first("meets every two years").map(|f| f.0),
            Some(Frequency::Years { interval: 2 })
        );
    }

    #[test]
    fn ambiguous_words_carry_both_readings() {
        let (f, alt) = first("including bi-annual senior official consultations").expect("found");
        assert_eq!(f, Frequency::Months { interval: 6 });
        assert_eq!(alt, Some(Frequency::Years { interval: 2 }));
        let (_, alt) = first("biannual review").expect("found");
        assert!(alt.is_some());
        let (f, alt) = first("bimonthly calls").expect("found");
        assert_eq!(f, Frequency::Months { interval: 2 });
        assert!(alt.is_some());
    }

    #[test]
    fn vague_words_are_unspecified() {
        for t in [
            "Regular political consultations",
            "Frequent high-level consultations",
            "meet periodically",
        ] {
            let (f, _) = first(t).expect(t);
            assert_eq!(f, Frequency::Unspecified, "{t}");
            assert_eq!(f.rrule(), None);
        }
    }

    #[test]
    fn no_recurrence_no_match() {
        assert_eq!(first("Cooperation on circular economy"), None);
        assert_eq!(first("the annuity market"), None);
        assert_eq!(first("irregular migration"), None);
    }
}
