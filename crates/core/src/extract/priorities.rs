//! Cross-cutting priorities: "Promoting the SDGs will be a cross-cutting
//! priority …", "Likewise, A, B and C will remain cross-cutting priorities".

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A sentence whose subject "will be a cross-cutting priority"; the
/// subject is group 1.
static SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[.!?]\s+)([^.!?]*?)\s+(?:will|shall|are|is|remain|remains)\s+(?:be\s+|remain\s+)?(?:a\s+|the\s+)?cross-?cutting\s+priorit")
        .expect("valid pattern")
});

/// The priorities named in `text`, with byte ranges.
pub fn find(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    for sentence in SENTENCE.captures_iter(text) {
        let Some(subject) = sentence.get(1).map(|m| m.range()) else {
            continue;
        };
        let mut s = &text[subject.clone()];
        let mut base = subject.start;
        for lead in [
            "Likewise, ",
            "Similarly, ",
            "Moreover, ",
            "Furthermore, ",
            "In addition, ",
            "Also, ",
        ] {
            if let Some(rest) = s.strip_prefix(lead) {
                base += lead.len();
                s = rest;
            }
        }
        // Split "A, B and C" into items.
        let mut pieces: Vec<Range<usize>> = Vec::new();
        let mut from = 0;
        for (i, sep) in s
            .match_indices(", ")
            .chain(s.match_indices(" and "))
            .collect::<std::collections::BTreeMap<_, _>>()
        {
            // ", and " holds both separators; the second starts inside the first.
            if i < from {
                continue;
            }
            pieces.push(from..i);
            from = i + sep.len();
        }
        pieces.push(from..s.len());
        // Keep "X and Y" together when splitting gives one-word fragments.
        if pieces
            .iter()
            .any(|r| s[r.clone()].split_whitespace().count() < 2)
        {
            pieces = s
                .split(", ")
                .scan(0usize, |pos, p| {
                    let r = *pos..*pos + p.len();
                    *pos += p.len() + 2;
                    Some(r)
                })
                .collect();
        }
        for r in pieces {
            let item = s[r.clone()].trim().trim_start_matches("and ").trim();
            if item.is_empty() {
                continue;
            }
            let off = s[r.clone()].find(item).unwrap_or(0);
            out.push((
                base + r.start + off..base + r.start + off + item.len(),
                item.to_owned(),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_priorities() {
        let t = "Promoting the Sustainable Development Goals will be a cross-cutting priority in all areas within the Joint Action Plan Programme. Likewise, economic diplomacy, cooperation in the field of connectivity and frequent high-level political visits will remain cross-cutting priorities to promote the continued cooperation.";
        let p: Vec<String> = find(t).into_iter().map(|x| x.1).collect();
        assert_eq!(
            p,
            [
                "Promoting the Sustainable Development Goals",
                "economic diplomacy",
                "cooperation in the field of connectivity",
                "frequent high-level political visits"
            ]
        );
        for (r, s) in find(t) {
            assert_eq!(&t[r], s);
        }
    }

    #[test]
    fn serial_comma_before_and() {
        let t = "Trade, energy, and health will be cross-cutting priorities.";
        let p: Vec<String> = find(t).into_iter().map(|x| x.1).collect();
        assert_eq!(p, ["Trade", "energy", "health"]);
    }

    #[test]
    fn none_without_the_words() {
        assert!(find("Denmark and Korea will cooperate.").is_empty());
    }
}
