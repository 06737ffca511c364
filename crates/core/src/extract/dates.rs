//! Periods ("2021-2024") and dates ("April 2021", "12 April 2021", "2021-04-12").

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{PartialDate, Period};

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)((?:19|20)[0-9][0-9])\s*(?:-|–|—|to|until)\s*((?:19|20)[0-9][0-9])(?-u:\b)",
    )
    .expect("valid pattern")
});

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:([0-9]{1,2})(?:st|nd|rd|th)?\s+)?(january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+([0-9]{1,2})(?:st|nd|rd|th)?,?)?\s+((?:19|20)[0-9][0-9])(?-u:\b)|(?-u:\b)((?:19|20)[0-9][0-9])-([0-9][0-9])-([0-9][0-9])(?-u:\b)")
        .expect("valid pattern")
});

/// A date as Korean documents write it: "2025년 5월 20일", "2025년 5월".
static KOREAN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?<year>(?:19|20)[0-9][0-9])년\s*(?<month>[0-9]{1,2})월(?:\s*(?<day>[0-9]{1,2})일)?",
    )
    .expect("Korean date pattern is valid")
});

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The first period in `text` whose end is after its start and at most 15 years later.
pub fn find_period(text: &str) -> Option<(std::ops::Range<usize>, Period)> {
    PERIOD.captures_iter(text).find_map(|c| {
        let start: i32 = c.get(1)?.as_str().parse().ok()?;
        let end: i32 = c.get(2)?.as_str().parse().ok()?;
        let whole = c.get(0)?.range();
        (end > start && end - start <= 15).then_some((whole, Period { start, end }))
    })
}

/// Every date in `text` (month and year at least), in order.
pub fn find_dates(text: &str) -> Vec<(std::ops::Range<usize>, PartialDate)> {
    let mut out = english_and_iso_dates(text);
    out.extend(korean_dates(text));
    out.sort_by_key(|(r, _)| r.start);
    out
}

fn korean_dates(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, PartialDate)> + '_ {
    KOREAN_DATE.captures_iter(text).filter_map(|c| {
        let year = c.name("year")?.as_str().parse().ok()?;
        let month = c
            .name("month")?
            .as_str()
            .parse()
            .ok()
            .filter(|m| (1..=12).contains(m))?;
        let day = c
            .name("day")
            .and_then(|d| d.as_str().parse().ok())
            .filter(|d| (1..=31).contains(d));
        Some((
            c.get(0)?.range(),
            PartialDate {
                year,
                month: Some(month),
                day,
            },
        ))
    })
}

fn english_and_iso_dates(text: &str) -> Vec<(std::ops::Range<usize>, PartialDate)> {
    DATE.captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?.range();
            if let Some(y) = c.get(5) {
                let year = y.as_str().parse().ok()?;
                let month: u8 = c.get(6)?.as_str().parse().ok()?;
                let day: u8 = c.get(7)?.as_str().parse().ok()?;
                return ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((
                    whole,
                    PartialDate {
                        year,
                        month: Some(month),
                        day: Some(day),
                    },
                ));
            }
            let month_name = c.get(2)?.as_str().to_lowercase();
            let month = MONTHS.iter().position(|m| *m == month_name)? as u8 + 1;
            let day = c
                .get(1)
                .or(c.get(3))
                .and_then(|d| d.as_str().parse::<u8>().ok())
                .filter(|d| (1..=31).contains(d));
            let year = c.get(4)?.as_str().parse().ok()?;
            Some((
                whole,
                PartialDate {
                    year,
                    month: Some(month),
                    day,
                },
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_dates_are_read() {
        let found = find_dates("2025년 5월 20일 서울");
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].1.year, found[0].1.month, found[0].1.day),
            (2025, Some(5), Some(20))
        );
    }

    #[test]
    fn periods() {
        assert_eq!(
            find_period("PLAN 2021-2024").map(|p| p.1),
            Some(Period {
                start: 2021,
                end: 2024
            })
        );
        assert_eq!(
            find_period("from 2025 to 2028").map(|p| p.1),
            Some(Period {
                start: 2025,
                end: 2028
            })
        );
        assert_eq!(find_period("in 2021"), None);
        assert_eq!(
            find_period("1959-2021 history 2021-2024").map(|p| p.1.start),
            Some(2021)
        );
    }

    #[test]
    fn dates() {
        let d = find_dates("April 2021");
        assert_eq!(
            d[0].1,
            PartialDate {
                year: 2021,
                month: Some(4),
                day: None
            }
        );
        let d = find_dates("signed on 12 April 2021 and April 13, 2021 and 2021-04-14");
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].1.day, Some(12));
        assert_eq!(d[1].1.day, Some(13));
        assert_eq!(d[2].1.day, Some(14));
        assert!(find_dates("we may meet").is_empty());
    }
}
