//! Quantitative targets: "increasing a share of renewable power generation to
//! 20% by 2030", "70% GHG emissions by 2030", "a 50% cut in emissions by
//! 2030", "net zero by 2050", "carbon neutrality by 2050".

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::country;
use crate::model::Direction;

/// A target read from a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundTarget {
    /// What is measured.
    pub measure: String,
    /// The value aimed at.
    pub value: f64,
    /// `%`, `net zero`, or the unit as written.
    pub unit: String,
    /// Direction, when the text gives one.
    pub direction: Option<Direction>,
    /// Year, when the text gives one.
    pub year: Option<i32>,
    /// Party from the nearest country word before it in the sentence.
    pub party: Option<String>,
    /// Byte range of the phrase.
    pub range: Range<usize>,
}

static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)([0-9]{1,3}(?:\.[0-9]+)?)\s?(?:%|per\s?cent|percent)(?:\s+(reduction|cut|decrease|increase|rise|growth)\s+(?:in|of))?((?:\s+[A-Za-z][A-Za-z0-9_-]*){0,6}?)\s+(?:by|in|until|before)\s+((?:19|20)[0-9][0-9])(?-u:\b)")
        .expect("valid pattern")
});

static PERCENT_NO_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:target|goal|ambition|aim|pledge|commit[A-Za-z0-9_]*|reduc[A-Za-z0-9_]*|increas[A-Za-z0-9_]*|cut[A-Za-z0-9_]*)(?-u:\b)[^.;]{0,80}?(?-u:\b)([0-9]{1,3}(?:\.[0-9]+)?)\s?(?:%|per\s?cent|percent)")
        .expect("valid pattern")
});

static NET_ZERO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(net[- ]zero|carbon[- ]neutral(?:ity)?|climate[- ]neutral(?:ity)?)((?:\s+[a-z][A-Za-z0-9_-]*){0,3}?)\s+(?:by|in|before)\s+((?:19|20)[0-9][0-9])(?-u:\b)")
        .expect("valid pattern")
});

static VERB_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(increas[A-Za-z0-9_]*|rais[A-Za-z0-9_]*|boost[A-Za-z0-9_]*|expand[A-Za-z0-9_]*|grow[A-Za-z0-9_]*|doubl[A-Za-z0-9_]*|reduc[A-Za-z0-9_]*|cut[A-Za-z0-9_]*|lower[A-Za-z0-9_]*|decreas[A-Za-z0-9_]*|halv[A-Za-z0-9_]*)\s+((?:the\s+|a\s+|an\s+|its\s+|their\s+)?[^,.;]{0,80}?)\s+(to|by)\s*$")
        .expect("valid pattern")
});

fn direction_word(word: &str) -> Option<Direction> {
    let w = word.to_lowercase();
    if [
        "increas", "rais", "boost", "expand", "grow", "doubl", "rise",
    ]
    .iter()
    .any(|p| w.starts_with(p))
    {
        Some(Direction::Increase)
    } else if ["reduc", "cut", "lower", "decreas", "halv"]
        .iter()
        .any(|p| w.starts_with(p))
    {
        Some(Direction::Decrease)
    } else {
        None
    }
}

fn sentence_start(text: &str, at: usize) -> usize {
    text[..at].rfind(". ").map_or(0, |i| i + 2)
}

fn party_before(text: &str, at: usize) -> Option<String> {
    let from = sentence_start(text, at);
    country::mentions(&text[from..at])
        .last()
        .map(|m| m.code.to_string())
}

fn clean_measure(m: &str) -> String {
    let m = m.trim();
    let m = m
        .strip_prefix("the ")
        .or_else(|| m.strip_prefix("a "))
        .or_else(|| m.strip_prefix("an "))
        .unwrap_or(m);
    m.trim().to_owned()
}

/// Every target in `text`.
pub fn find(text: &str) -> Vec<FoundTarget> {
    let mut out: Vec<FoundTarget> = Vec::new();
    for c in PERCENT.captures_iter(text) {
        let (Some(all), Some(value)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let value: f64 = value.as_str().parse().unwrap_or(0.0);
        let year = c.get(4).and_then(|y| y.as_str().parse().ok());
        let noun_dir = c.get(2).and_then(|m| direction_word(m.as_str()));
        let after = c
            .get(3)
            .map(|m| clean_measure(m.as_str()))
            .unwrap_or_default();
        let before = &text[sentence_start(text, all.start())..all.start()];
        let verb = VERB_BEFORE.captures(before);
        let verb_dir = verb
            .as_ref()
            .and_then(|v| v.get(1))
            .and_then(|m| direction_word(m.as_str()));
        let verb_measure = verb
            .as_ref()
            .and_then(|v| v.get(2))
            .map(|m| clean_measure(m.as_str()));
        let measure = if after.is_empty() {
            verb_measure.unwrap_or_default()
        } else {
            after
        };
        let start = match verb.as_ref().and_then(|v| v.get(0)) {
            Some(m) if verb_dir.is_some() => all.start() - before.len() + m.start(),
            _ => all.start(),
        };
        out.push(FoundTarget {
            measure,
            value,
            unit: "%".into(),
            direction: noun_dir.or(verb_dir),
            year,
            party: party_before(text, all.start()),
            range: start..all.end(),
        });
    }
    for c in NET_ZERO.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let what = c
            .get(2)
            .map(|m| clean_measure(m.as_str()))
            .unwrap_or_default();
        out.push(FoundTarget {
            measure: if what.is_empty() {
                "greenhouse-gas emissions".into()
            } else {
                what
            },
            value: 0.0,
            unit: "net zero".into(),
            direction: Some(Direction::NetZero),
            year: c.get(3).and_then(|y| y.as_str().parse().ok()),
            party: party_before(text, all.start()),
            range: all.range(),
        });
    }
    for c in PERCENT_NO_YEAR.captures_iter(text) {
        let (Some(all), Some(value)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let value = value.range();
        if out
            .iter()
            .any(|t| t.range.start <= value.start && value.end <= t.range.end)
        {
            continue;
        }
        out.push(FoundTarget {
            measure: String::new(),
            value: text[value.clone()].parse().unwrap_or(0.0),
            unit: "%".into(),
            direction: all
                .as_str()
                .split_whitespace()
                .next()
                .and_then(direction_word),
            year: None,
            party: party_before(text, all.start()),
            range: value.start..all.end(),
        });
    }
    out.sort_by_key(|t| t.range.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const REF: &str = "This will further facilitate Korea's 3020 Plan to achieve a target of increasing a share of renewable power generation to 20% by 2030. Meanwhile, the Danish Climate Act sets out an ambition of 70% GHG emissions by 2030 and net zero by 2050.";

    #[test]
    fn reference_targets() {
        let t = find(REF);
        assert_eq!(t.len(), 3, "{t:#?}");
        assert_eq!(t[0].measure, "share of renewable power generation");
        assert_eq!(t[0].value, 20.0);
        assert_eq!(t[0].direction, Some(Direction::Increase));
        assert_eq!(t[0].year, Some(2030));
        assert_eq!(t[0].party.as_deref(), Some("KR"));
        assert_eq!(t[1].measure, "GHG emissions");
        assert_eq!(t[1].value, 70.0);
        assert_eq!(t[1].direction, None);
        assert_eq!(t[1].party.as_deref(), Some("DK"));
        assert_eq!(t[2].direction, Some(Direction::NetZero));
        assert_eq!(t[2].year, Some(2050));
        assert_eq!(t[2].party.as_deref(), Some("DK"));
    }

    #[test]
    fn other_shapes() {
        let t = find("Japan will cut emissions by 46% by 2030.");
        assert_eq!(t[0].direction, Some(Direction::Decrease));
        assert_eq!(t[0].measure, "emissions");
        assert_eq!(t[0].party.as_deref(), Some("JP"));
        let t = find("a 55% reduction in greenhouse gas emissions by 2030");
        assert_eq!(t[0].direction, Some(Direction::Decrease));
        assert_eq!(t[0].measure, "greenhouse gas emissions");
        let t = find("The target is to reach 30% renewables.");
        assert_eq!(t[0].year, None);
        assert_eq!(t[0].value, 30.0);
    }

    #[test]
    fn no_target_no_match() {
        assert!(find("Trade grew in 2019 and the plan runs 2021-2024.").is_empty());
        assert!(find("Cooperation on circular economy.").is_empty());
    }
}
