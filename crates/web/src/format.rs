//! Dates and numbers in each language's form.
//!
//! The words (month names, the order of day, month and year) come from
//! the Fluent files; the separators are the locales' conventions (CLDR):
//! `1,234.5` in English and Korean, `1.234,5` in Danish, and `45 %` with a
//! space in Danish.

use crate::i18n::{Lang, Tr};

/// A `YYYY-MM-DD` date (or `YYYY-MM`, `YYYY`) as the language writes it;
/// anything else as given.
pub fn date(t: &Tr, iso: &str) -> String {
    let mut parts = iso.splitn(3, '-');
    let year = parts
        .next()
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    let month = parts
        .next()
        .and_then(|m| m.parse::<u8>().ok())
        .filter(|m| (1..=12).contains(m));
    let day = parts
        .next()
        .and_then(|d| d.parse::<u8>().ok())
        .filter(|d| (1..=31).contains(d));
    let (Some(year), Some(month)) = (year, month) else {
        return iso.to_owned();
    };
    let month_name = t.get(&format!("month-{month}"));
    match day {
        Some(day) => t.args(
            "date-long",
            &[
                ("day", day.to_string()),
                ("month", month_name),
                ("monthnum", month.to_string()),
                ("year", year.to_owned()),
            ],
        ),
        None => t.args(
            "date-month",
            &[
                ("month", month_name),
                ("monthnum", month.to_string()),
                ("year", year.to_owned()),
            ],
        ),
    }
}

/// A whole number with the language's thousands separator.
pub fn integer(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Da => '.',
        Lang::En | Lang::Ko => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A share from 0.0 to 1.0 as a whole percentage (`45%`, `45 %`).
pub fn percent(lang: Lang, share: f64) -> String {
    let n = (share.clamp(0.0, 1.0) * 100.0).round() as u64;
    match lang {
        Lang::Da => format!("{n}\u{a0}%"),
        Lang::En | Lang::Ko => format!("{n}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_the_language() {
        assert_eq!(date(Tr::of(Lang::En), "2021-11-03"), "3 November 2021");
        assert_eq!(date(Tr::of(Lang::Da), "2021-11-03"), "3. november 2021");
        assert_eq!(date(Tr::of(Lang::Ko), "2021-11-03"), "2021년 11월 3일");
        assert_eq!(date(Tr::of(Lang::Ko), "2021-11"), "2021년 11월");
        assert_eq!(date(Tr::of(Lang::En), "soon"), "soon");
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(integer(Lang::En, 1234567), "1,234,567");
        assert_eq!(integer(Lang::Da, 1234567), "1.234.567");
        assert_eq!(integer(Lang::Ko, 999), "999");
        assert_eq!(percent(Lang::En, 0.456), "46%");
        assert_eq!(percent(Lang::Da, 0.456), "46\u{a0}%");
    }
}
