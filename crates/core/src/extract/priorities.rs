//! Cross-cutting priorities: "Promoting the SDGs will be a cross-cutting
//! priority …", "Likewise, A, B and C will remain cross-cutting priorities".

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

static SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[.!?]\s+)([^.!?]*?)\s+(?:will|shall|are|is|remain|remains)\s+(?:be\s+|remain\s+)?(?:a\s+|the\s+)?cross-?cutting\s+priorit")
        .expect("valid pattern")
});

// SENTENCE after its subject: where the subject ends.
static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:will|shall|are|is|remain|remains)\s+(?:be\s+|remain\s+)?(?:a\s+|the\s+)?cross-?cutting\s+priorit")
        .expect("valid pattern")
});

/// The subject (group 1) of the [`SENTENCE`] match `m`: captures ran the
/// slow engine over the whole sentence, two DFA searches find the same.
fn subject(text: &str, m: Range<usize>) -> Option<Range<usize>> {
    // No match holds '.', '!' or '?' after its first byte, so any verb
    // found in the match is preceded by a subject the pattern allows.
    let span = &text[..m.end];
    let verb_at = |from: usize| VERB.find_at(span, from).map(|v| v.start());
    let start = if m.start == 0 && !span.starts_with(['.', '!', '?']) {
        0
    } else {
        // `[.!?]\s+` is greedy: all the white space, unless the verb
        // needs the last of it.
        let after = m.start + 1;
        let ws_end = span.len() - span[after..].trim_start().len();
        match verb_at(ws_end) {
            Some(_) => ws_end,
            None => span[after..ws_end]
                .char_indices()
                .last()
                .map(|(i, _)| after + i)?,
        }
    };
    Some(start..verb_at(start)?)
}

/// The priorities named in `text`, with byte ranges.
pub fn find(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    // Most paragraphs name no priority; a byte search for a word the
    // pattern needs (none of whose letters folds from a non-ASCII one) is
    // far cheaper than the pattern's scan.
    if !text.to_ascii_lowercase().contains("cutting") {
        return out;
    }
    for m in SENTENCE.find_iter(text) {
        let Some(subject) = subject(text, m.range()) else {
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
    fn subjects_agree_with_the_captures() {
        let pieces = [
            "Trade",
            "SDGs",
            "is",
            "IS",
            "are",
            "will",
            "shall",
            "remain",
            "remains",
            "be",
            "a",
            "the",
            "cross-cutting",
            "Cross",
            "crosscutting",
            "cutting",
            "priority",
            "priorities",
            "priorit",
            ".",
            "!",
            "?",
            ",",
            "and",
            "x",
            "é",
            " ",
            " ",
            " ",
            "  ",
            "\n",
            "\u{a0}",
        ];
        let gaps = [" ", " ", "  ", "\n", "\u{a0}", ". ", ".  ", "! ", "", ", "];
        let mut below = crate::test_random::below(0xc055_c077_1a90_0001);
        let mut found = 0;
        for _ in 0..60_000 {
            let mut t = String::new();
            for _ in 0..below(6) {
                t.push_str(pieces[below(pieces.len())]);
                t.push_str(gaps[below(gaps.len())]);
                // Often the shape of a priority, with noise.
                if below(3) == 0 {
                    for part in [
                        &[" ", "  ", "\n ", ""][..],
                        &["will", "are", "is", "remains", "IS"],
                        &[" ", "  ", ""],
                        &["", "be ", "remain ", "be  "],
                        &["", "a ", "the ", "A "],
                        &["cross-cutting", "crosscutting", "Cross-Cutting", "cross"],
                        &[" ", "\n"],
                        &["priority", "priorities", "prio"],
                    ] {
                        t.push_str(part[below(part.len())]);
                    }
                }
            }
            for c in SENTENCE.captures_iter(&t) {
                let (Some(all), Some(want)) = (c.get(0), c.get(1)) else {
                    continue;
                };
                found += 1;
                assert_eq!(subject(&t, all.range()), Some(want.range()), "{t:?}");
            }
        }
        assert!(found > 10_000, "{found} subjects");
    }

    #[test]
    fn none_without_the_words() {
        assert!(find("Denmark and Korea will cooperate.").is_empty());
    }
}
