//! Does a goal title written in a plan fit a goal?
//!
//! Plans write the official long title, a short name in English, Korean or
//! Danish ("Clean Water and Sanitation", "기후변화 대응", "Klimaindsats"), or a
//! fragment of one ("Partnerships"), with their own case, punctuation,
//! hyphens, "&" for "and" and a leading "Goal 6:". Both sides are normalised
//! into content words (lower case, "&" → "and", hyphens joined, stop words
//! dropped, a plural "s" removed) and scored against every name of every goal:
//!
//! | written vs a name                           | score                |
//! |---------------------------------------------|----------------------|
//! | same words (ignoring spaces)                | 1.0                  |
//! | contains all the name's words               | 0.9                  |
//! | all its words are in the name               | 0.5 + 0.4 × share    |
//! | else: character-bigram Dice ≥ 0.8 (typos)   | 0.9 × Dice           |
//!
//! A title fits goal N when N's best score is at least [`FIT`] and no other
//! goal scores higher. So "Responsible Consumption and Production" does not
//! fit 13: it is goal 12's name.

use std::sync::LazyLock;

use regex::Regex;

use super::{Goal, goal, goals};
use crate::extract::is_hangul;

/// The least score that counts as a fit.
const FIT: f32 = 0.5;

/// Goals scoring within this much of the best count as equally good, so a
/// fragment several goals share ("Life", "Water") picks none of them.
const MARGIN: f32 = 0.08;

/// Least character-bigram Dice coefficient for a fuzzy (typo) match.
const FUZZY: f32 = 0.8;

/// Further names plans use, written by us (not from the licensed data): the
/// UN's title-case short names differ from Open SDG's only in case, so these
/// are mostly the Korean wordings other Korean sources use, and common
/// abbreviations.
const EXTRA_NAMES: &[(u32, &[&str])] = &[
    (1, &["End poverty", "빈곤 종식"]),
    (2, &["End hunger", "기아 종식"]),
    (3, &["Good health", "건강과 웰빙"]),
    (4, &["양질의 교육"]),
    (5, &["성평등"]),
    (6, &["깨끗한 물과 위생"]),
    (7, &["Clean energy", "적정하고 깨끗한 에너지"]),
    (8, &["Decent work", "양질의 일자리와 경제성장"]),
    (9, &["산업, 혁신과 사회기반시설", "산업, 혁신, 인프라"]),
    (10, &["Reduced inequality", "불평등 완화"]),
    (11, &["지속가능한 도시와 공동체"]),
    (12, &["책임감 있는 소비와 생산", "책임 있는 소비와 생산"]),
    (13, &["기후행동"]),
    (14, &["해양생태계 보전", "해양 생태계"]),
    (15, &["육상생태계 보전", "육상 생태계"]),
    (16, &["Peace and justice", "평화, 정의, 강력한 제도"]),
    (
        17,
        &[
            "Partnerships",
            "Global partnership",
            "파트너십",
            "Partnerskaber",
        ],
    ),
];

/// Words that carry no meaning for matching (en, da, ko).
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "the", "for", "of", "all", "in", "its", "at", "to", "on", "og", "i", "på",
    "til", "및",
];

/// A leading goal number: "Goal 6:", "SDG 6 –", "SDG6", "6.", "Mål 6", "목표 6".
static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*[(\[]?\s*(?:(?:un\s+|global\s+)?(?:sdgs?|goal|verdensmål|mål|목표|지속가능발전목표)\s*(?:no\.?|nr\.?|#)?\s*)?\d{1,2}(?:\s*[:.)\]\-–—]+\s*|\s+|$)",
    )
    .expect("the goal-prefix pattern is valid (tested)")
});

/// A title reduced to its content words.
struct Normal {
    words: Vec<String>,
    squashed: String,
    /// Sorted character bigrams of `squashed`.
    bigrams: Vec<(char, char)>,
}

impl Normal {
    fn new(text: &str) -> Normal {
        let lower = text.to_lowercase();
        let body = match PREFIX.find(&lower) {
            Some(m) => &lower[m.end()..],
            None => &lower,
        };
        let mut cleaned = String::with_capacity(body.len());
        let mut prev_alnum = false;
        let mut chars = body.chars().peekable();
        while let Some(c) = chars.next() {
            let next_alnum = chars.peek().is_some_and(|n| n.is_alphanumeric());
            match c {
                '&' | '+' => cleaned.push_str(" and "),
                // Hyphens and apostrophes inside a word join it: "well-being" = "wellbeing".
                '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}' if prev_alnum && next_alnum => {}
                c if c.is_alphanumeric() => cleaned.push(c),
                _ => cleaned.push(' '),
            }
            prev_alnum = c.is_alphanumeric();
        }
        let words: Vec<String> = cleaned
            .split_whitespace()
            .filter(|w| !STOP_WORDS.contains(w))
            .map(stem)
            .collect();
        let squashed = words.concat();
        let bigrams = bigrams(&squashed);
        Normal {
            words,
            squashed,
            bigrams,
        }
    }
}

/// Light English plural stemming: "inequalities" → "inequality", "goals" → "goal".
fn stem(word: &str) -> String {
    if !word.is_ascii() {
        return word.to_owned();
    }
    if word.len() > 4
        && let Some(base) = word.strip_suffix("ies")
    {
        return format!("{base}y");
    }
    crate::extract::singular(word).to_owned()
}

/// Same word; for Korean, also the same stem with a particle attached
/// ("건강과" ~ "건강").
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Checked on non-ASCII words only: scoring compares every word of a
    // title with every word of every goal name.
    if !a.is_ascii() && !b.is_ascii() && is_hangul(a) && is_hangul(b) {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        return short.chars().count() >= 2 && long.starts_with(short);
    }
    false
}

fn contains_all(haystack: &[String], needles: &[String]) -> bool {
    needles
        .iter()
        .all(|n| haystack.iter().any(|h| same_word(h, n)))
}

fn bigrams(s: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = s.chars().collect();
    let mut grams: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
    grams.sort_unstable();
    grams
}

/// Sørensen–Dice coefficient of two sorted bigram multisets.
fn dice(a: &[(char, char)], b: &[(char, char)]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = crate::extract::common_sorted(a, b);
    // Bigram counts of short titles are far below f32's exact-integer range.
    #[allow(clippy::cast_precision_loss)]
    let score = 2.0 * common as f32 / (a.len() + b.len()) as f32;
    score
}

fn score(written: &Normal, name: &Normal) -> f32 {
    if written.words.is_empty() || name.words.is_empty() {
        return 0.0;
    }
    if written.squashed == name.squashed {
        return 1.0;
    }
    if contains_all(&written.words, &name.words) {
        return 0.9;
    }
    if contains_all(&name.words, &written.words) {
        #[allow(clippy::cast_precision_loss)]
        let share = written.words.len() as f32 / name.words.len().max(written.words.len()) as f32;
        return 0.5 + 0.4 * share;
    }
    // Dice is at most 2 × the smaller count / both counts: skip the merge
    // when that bound is already below FUZZY (a fragment against a long title).
    let (a, b) = (written.bigrams.len(), name.bigrams.len());
    #[allow(clippy::cast_precision_loss)]
    let bound = 2.0 * a.min(b) as f32 / (a + b).max(1) as f32;
    if bound < FUZZY {
        return 0.0;
    }
    let d = dice(&written.bigrams, &name.bigrams);
    if d >= FUZZY { 0.9 * d } else { 0.0 }
}

/// Every name of every goal, normalised once: index 0 is goal 1.
static NAMES: LazyLock<Vec<Vec<Normal>>> = LazyLock::new(|| {
    goals()
        .iter()
        .map(|g| {
            let mut names: Vec<&str> = vec![
                &g.title_en,
                &g.short_en,
                &g.title_ko,
                &g.short_ko,
                &g.title_da,
            ];
            if let Some((_, extra)) = EXTRA_NAMES.iter().find(|(n, _)| *n == g.number) {
                names.extend_from_slice(extra);
            }
            names.into_iter().map(Normal::new).collect()
        })
        .collect()
});

/// The best score of `written` against each goal, by goal index.
fn scores(written: &str) -> Vec<f32> {
    let written = Normal::new(written);
    NAMES
        .iter()
        .map(|names| names.iter().map(|n| score(&written, n)).fold(0.0, f32::max))
        .collect()
}

/// Does a title written beside SDG `number` in a plan fit that goal's
/// official title or a known short name, in any language?
///
/// Tolerates case, punctuation, hyphens, "&" for "and", a leading "Goal N:"
/// and fragments ("Partnerships" for 17); rejects a title that fits another
/// goal better (13 with "Responsible Consumption and Production" is false).
/// A fragment shared about equally by several goals ("Life") fits each of them.
pub fn title_fits(number: u32, written: &str) -> bool {
    goal(number).is_some_and(|goal| fits(goal, &scores(written)))
}

/// The goal whose title (any language) best fits `written`, if exactly one
/// goal fits clearly best ("Climate Action" → 13; "Life" → `None`, it is
/// ambiguous between 14 and 15).
pub fn goal_by_title(written: &str) -> Option<&'static Goal> {
    best(&scores(written))
}

/// [`title_fits`] and [`goal_by_title`] from one scoring of `written`:
/// `None` when it fits goal `number`, else `Some` of the other goal it
/// fits, if one does. Scoring is the costly part, so the linter asks once.
pub fn title_misfit(number: u32, written: &str) -> Option<Option<&'static Goal>> {
    let goal = goal(number)?;
    let scores = scores(written);
    if fits(goal, &scores) {
        return None;
    }
    Some(best(&scores).filter(|g| g.number != number))
}

fn fits(goal: &Goal, scores: &[f32]) -> bool {
    let own = scores[goal.number as usize - 1];
    own >= FIT && scores.iter().all(|&s| s < own + MARGIN)
}

fn best(scores: &[f32]) -> Option<&'static Goal> {
    let best = scores.iter().copied().fold(0.0, f32::max);
    if best < FIT {
        return None;
    }
    let mut winners = scores
        .iter()
        .enumerate()
        .filter(|(_, s)| **s + MARGIN > best);
    let (index, _) = winners.next()?;
    if winners.next().is_some() {
        return None;
    }
    goals().get(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_pattern_compiles_and_strips() {
        for (text, rest) in [
            ("Goal 6: Clean water", "clean water"),
            ("SDG 6 – clean water", "clean water"),
            ("sdg6 clean water", "clean water"),
            ("6. Clean water", "clean water"),
            ("(6) Clean water", "clean water"),
            ("목표 6 깨끗한 물", "깨끗한 물"),
            ("Verdensmål 6: Rent vand", "rent vand"),
        ] {
            let lower = text.to_lowercase();
            let m = PREFIX.find(&lower).map_or(0, |m| m.end());
            assert_eq!(&lower[m..], rest, "{text}");
        }
        assert!(PREFIX.find("2030 agenda").is_none());
    }

    #[test]
    fn normalises_hyphens_ampersands_and_plurals() {
        let a = Normal::new("Good Health & Well-being");
        let b = Normal::new("good health and wellbeing");
        assert_eq!(a.squashed, b.squashed);
        assert_eq!(
            Normal::new("Reduced Inequalities").words,
            ["reduced", "inequality"]
        );
    }

    #[test]
    fn every_goal_has_names() {
        assert_eq!(NAMES.len(), 17);
        assert!(NAMES.iter().all(|names| names.len() >= 5));
        assert!(EXTRA_NAMES.iter().all(|(n, _)| goal(*n).is_some()));
    }

    #[test]
    fn dice_of_identical_is_one() {
        let g = bigrams("climateaction");
        assert!((dice(&g, &g) - 1.0).abs() < f32::EPSILON);
        assert!(dice(&g, &[]).abs() < f32::EPSILON);
    }
}
