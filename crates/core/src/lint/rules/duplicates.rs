//! JP050: the same or nearly the same action in two places.
//!
//! Near-linear in the number of actions: identical actions are grouped by a
//! key (their sorted set of content words); the distinct ones are compared
//! only when MinHash locality-sensitive hashing puts them in a common bucket,
//! and then by exact Jaccard similarity.

use std::collections::HashMap;

use crate::lint::{Diagnostic, Sink, actions_by_line};
use crate::model::{Action, Plan};

/// Least Jaccard similarity of content words for a near duplicate.
const NEAR: f64 = 0.8;
/// Bands × rows of the MinHash signature: with 8 × 3, pairs at 0.8 meet in a
/// bucket with probability 0.99, pairs at 0.3 with about 0.2.
const BANDS: usize = 8;
const ROWS: usize = 3;
/// Fewer content words than this, and overlap means little ("Annual meetings").
const MIN_WORDS: usize = 4;

/// Words too common in plans to tell actions apart.
const STOP: &[&str] = &[
    "and",
    "or",
    "of",
    "on",
    "in",
    "to",
    "for",
    "with",
    "between",
    "the",
    "a",
    "an",
    "e",
    "g",
    "i",
    "etc",
    "including",
    "within",
    "through",
    "both",
    "relevant",
    "such",
    "as",
    "at",
    "by",
];

/// Reports every action that repeats an earlier one.
pub fn check(plan: &Plan, sink: &mut Sink) {
    if !sink.on("JP050") {
        return;
    }
    let actions: Vec<(u32, &Action)> = actions_by_line(plan).collect();
    let words: Vec<Vec<u64>> = actions
        .iter()
        .map(|(_, a)| content_words(&a.text))
        .collect();
    // Exact repeats: the first action with a word set stands for the rest.
    let mut first_with: HashMap<&[u64], usize> = HashMap::new();
    let mut distinct: Vec<usize> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if w.len() < 2 {
            continue;
        }
        match first_with.get(w.as_slice()) {
            Some(&j) => report(sink, actions[i], actions[j], 1.0),
            None => {
                first_with.insert(w.as_slice(), i);
                distinct.push(i);
            }
        }
    }
    // Near repeats among the distinct actions.
    let mut buckets: HashMap<(usize, [u64; ROWS]), Vec<usize>> = HashMap::new();
    let mut best: HashMap<usize, (usize, f64)> = HashMap::new();
    for &i in distinct.iter().filter(|&&i| words[i].len() >= MIN_WORDS) {
        let sig = signature(&words[i]);
        for b in 0..BANDS {
            let mut band = [0u64; ROWS];
            band.copy_from_slice(&sig[b * ROWS..(b + 1) * ROWS]);
            let bucket = buckets.entry((b, band)).or_default();
            for &j in bucket.iter() {
                let s = jaccard(&words[i], &words[j]);
                if s >= NEAR && best.get(&i).is_none_or(|&(_, t)| s > t) {
                    best.insert(i, (j, s));
                }
            }
            bucket.push(i);
        }
    }
    let mut near: Vec<(usize, (usize, f64))> = best.into_iter().collect();
    near.sort_by_key(|(i, _)| *i);
    for (i, (j, s)) in near {
        report(sink, actions[i], actions[j], s);
    }
}

fn report(sink: &mut Sink, (line, a): (u32, &Action), (_, first): (u32, &Action), similarity: f64) {
    let same = similarity >= 1.0;
    let shared = format!("{:.0}", similarity * 100.0);
    let how = if same {
        "the same as".to_owned()
    } else {
        format!(
            "nearly the same as ({:.0}% of words shared with)",
            similarity * 100.0
        )
    };
    sink.push(
        Diagnostic::new(
            "JP050",
            a.span,
            format!("action {} is {how} action {}", a.code, first.code),
        )
        .help(format!(
            "keep one of {} and {}, or make the difference explicit",
            first.code, a.code
        ))
        .says(
            if same {
                "lint-jp050-same"
            } else {
                "lint-jp050-near"
            },
            &[
                ("action", a.code.clone()),
                ("first", first.code.clone()),
                ("shared", shared),
            ],
        )
        .help_says(
            "lint-jp050-help",
            &[("action", a.code.clone()), ("first", first.code.clone())],
        )
        .related(first.span, format!("action {} is here", first.code))
        .in_line(Some(line))
        .for_action(Some(&a.code)),
    );
}

/// The action's content words as sorted, distinct hashes: case folded, a
/// plural "s" dropped, small words skipped. Hashing each word as it is read
/// avoids a string per word, which dominated the cost on large plans.
fn content_words(text: &str) -> Vec<u64> {
    let mut out: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP.iter().any(|s| s.eq_ignore_ascii_case(w)))
        .map(|w| {
            let folded = crate::extract::singular(w);
            fnv(folded)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Jaccard similarity of two sorted, distinct lists.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let common = crate::extract::common_sorted(a, b);
    let union = a.len() + b.len() - common;
    if union == 0 {
        return 0.0;
    }
    // Word counts of one action are far below f64's exact-integer range.
    #[allow(clippy::cast_precision_loss)]
    let s = common as f64 / union as f64;
    s
}

/// FNV-1a of the word in lower case: stable across runs and platforms,
/// unlike the std hasher.
fn fnv(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    if word.is_ascii() {
        word.bytes().for_each(|b| eat(b.to_ascii_lowercase()));
    } else {
        let mut buf = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            c.encode_utf8(&mut buf).bytes().for_each(&mut eat);
        }
    }
    h
}

/// SplitMix64 finaliser: one independent-looking hash per seed.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn signature(words: &[u64]) -> [u64; BANDS * ROWS] {
    let mut sig = [u64::MAX; BANDS * ROWS];
    for &h in words {
        for (k, slot) in sig.iter_mut().enumerate() {
            let v = mix(h ^ (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            if v < *slot {
                *slot = v;
            }
        }
    }
    sig
}

#[cfg(test)]
mod tests {
    use crate::lint::testkit::{PlanBuilder, findings};

    #[test]
    fn same_and_nearly_same_actions_fire() {
        let p = PlanBuilder::new()
            .line("Green", "SDG 7 (Affordable and Clean Energy).")
            .action("Knowledge-sharing and cooperation on clean energy transition and ways to divest from coal-fired generation.")
            .action("Cooperation on circular economy.")
            .line("Politics", "SDG 16 (Peace, Justice and Strong Institutions).")
            .action("Knowledge-sharing and cooperation on the clean energy transitions and ways to divest from coal-fired power generation.")
            .action("Cooperation on circular economy.")
            .build();
        let f = findings(&p, "JP050");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(
            f.iter()
                .any(|d| d.message.contains("2.1.1 is nearly the same as"))
        );
        assert!(
            f.iter()
                .any(|d| d.message.contains("2.1.2 is the same as action 1.1.2"))
        );
    }

    #[test]
    fn different_actions_do_not_fire() {
        let p = PlanBuilder::new()
            .line("Green", "SDG 7 (Affordable and Clean Energy).")
            .action("Dialogue and cooperation on relevant free trade issues in the WTO.")
            .action("Dialogue and cooperation to support IMO as the central international organization for shipping.")
            .action("Dialogue and cooperation to promote quality shipping on fair and equal terms.")
            .build();
        assert!(findings(&p, "JP050").is_empty());
    }

    #[test]
    fn many_copies_stay_linear() {
        let mut b = PlanBuilder::new().line("Green", "SDG 7 (Affordable and Clean Energy).");
        for _ in 0..2000 {
            b = b.action("Annual ministerial meetings in the Green Growth Alliance on energy.");
        }
        let f = findings(&b.build(), "JP050");
        assert_eq!(f.len(), 1999);
    }
}
