//! Heading numbers: "1.", "1)", "1.2", "I.", "A.", "Chapter 3", "Part II".

use std::sync::LazyLock;

use regex::Regex;

/// A heading's number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbering {
    /// The parts of the number (1.2 → [1, 2]; II → [2]; B → [2]).
    pub parts: Vec<u32>,
    /// True for a letter ("A.", "b)").
    pub letter: bool,
}

impl Numbering {
    /// Depth: 1 for "1." or "I.", 2 for "1.2".
    pub fn depth(&self) -> usize {
        self.parts.len()
    }
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:chapter|part|section|pillar|area|line)\s+)?(?:([0-9]{1,3}(?:\.[0-9]{1,3})*)\.?\)?|([IVXLC]{1,6})[.)]|([A-Za-z])[.)]|([가나다라마바사아자차카타파하])\.)(?:\s+|$)")
        .expect("numbering pattern is valid")
});

/// The syllables Korean documents number their sections with, in order.
const KOREAN_NUMBERS: [char; 14] = [
    '가', '나', '다', '라', '마', '바', '사', '아', '자', '차', '카', '타', '파', '하',
];

/// The box a Korean outline marks its first level with ("□ 해상풍력 협력").
const KOREAN_BOX: char = '□';

/// Splits a heading into its number and its title.
pub fn split(heading: &str) -> (Option<Numbering>, &str) {
    let h = heading.trim();
    if let Some(rest) = h.strip_prefix(KOREAN_BOX) {
        return (None, rest.trim());
    }
    let Some(c) = NUMBER.captures(h) else {
        return (None, h);
    };
    let rest = h[c.get(0).map_or(0, |m| m.end())..].trim();
    if rest.is_empty() {
        return (None, h);
    }
    if let Some(d) = c.get(1) {
        let parts: Vec<u32> = d
            .as_str()
            .split('.')
            .filter_map(|p| p.parse().ok())
            .collect();
        return (
            Some(Numbering {
                parts,
                letter: false,
            }),
            rest,
        );
    }
    if let Some(n) = c.get(2).and_then(|r| roman(r.as_str())) {
        return (
            Some(Numbering {
                parts: vec![n],
                letter: false,
            }),
            rest,
        );
    }
    if let Some(n) = c.get(4).and_then(|k| {
        KOREAN_NUMBERS
            .iter()
            .position(|&s| k.as_str().starts_with(s))
    }) {
        // "가." numbers a line as "1." does: it is no sub-item letter.
        return (
            Some(Numbering {
                parts: vec![u32::try_from(n).unwrap_or(0) + 1],
                letter: false,
            }),
            rest,
        );
    }
    if let Some(l) = c.get(3).and_then(|l| l.as_str().chars().next()) {
        let n = u32::from(l.to_ascii_uppercase()) - u32::from('A') + 1;
        return (
            Some(Numbering {
                parts: vec![n],
                letter: true,
            }),
            rest,
        );
    }
    (None, h)
}

fn roman(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        let (n, t) = split("1. SUSTAINABILITY & GREEN TRANSITION");
        assert_eq!(n.map(|n| n.parts), Some(vec![1]));
        assert_eq!(t, "SUSTAINABILITY & GREEN TRANSITION");
        assert_eq!(split("2.3 Trade").0.map(|n| n.parts), Some(vec![2, 3]));
        assert_eq!(split("IV. Security").0.map(|n| n.parts), Some(vec![4]));
        let (n, _) = split("B) Science");
        assert!(n.as_ref().is_some_and(|n| n.letter && n.parts == [2]));
        assert_eq!(split("Chapter 3 Health").0.map(|n| n.parts), Some(vec![3]));
        assert_eq!(split("PREAMBLE").0, None);
        assert_eq!(split("2021-2024").0, None);
        assert_eq!(split("I love plans").0, None);
    }

    #[test]
    fn korean_numbers_and_boxes() {
        let (n, t) = split("나. 보건 협력");
        assert!(n.as_ref().is_some_and(|n| !n.letter && n.parts == [2]));
        assert_eq!(t, "보건 협력");
        assert_eq!(split("□ 해상풍력 협력"), (None, "해상풍력 협력"));
    }
}
