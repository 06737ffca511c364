//! "ACR – Name" definitions: an acronym, a dash between white space, and
//! a short description up to punctuation, the end, or the next spaced dash.
//!
//! A hand parser anchored at each spaced dash replaced the pattern
//! `(?-u:\b)([A-Z][A-Z0-9&]*(?:-[A-Z0-9&]+)*)\s+[-–—]\s+([^-–—,;.()]{3,80}?)\s*(?:\s[-–—]|[,;.()]|$)`:
//! the pattern was tried at every capital of every text that has a spaced
//! dash, and most have none near an acronym. It must find exactly what the
//! pattern found (tested on random texts), since matches consume the text
//! they cover.

use std::ops::Range;

/// The length in bytes of the dash at `at`, or 0 for none.
fn dash_len(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at..) {
        Some([b'-', ..]) => 1,
        // '–' is E2 80 93, '—' is E2 80 94.
        Some([0xE2, 0x80, 0x93 | 0x94, ..]) => 3,
        _ => 0,
    }
}

/// True when the character that ends at `at` is white space.
fn space_before(text: &str, at: usize) -> bool {
    match text.as_bytes()[..at].last() {
        Some(&b) if b.is_ascii() => char::from(b).is_whitespace(),
        Some(_) => text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_whitespace),
        None => false,
    }
}

/// The white space character that starts at `at`, if any: its length.
fn space_at(text: &str, at: usize) -> Option<usize> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => char::from(b).is_whitespace().then_some(1),
        Some(_) => text[at..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map(char::len_utf8),
        None => None,
    }
}

/// Each dash with white space on both sides, as a byte range.
fn spaced_dashes(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        // '-' and the lead byte of '–' and '—', which `dash_len` confirms.
        while let Some(p) = memchr::memchr2(b'-', 0xE2, &bytes[from..]) {
            let at = from + p;
            let len = dash_len(bytes, at);
            from = at + len.max(1);
            if len > 0 && space_before(text, at) && space_at(text, at + len).is_some() {
                return Some(at..at + len);
            }
        }
        None
    })
}

/// Where the acronym that ends at `end` starts, given that the search for
/// the next definition starts at `from`: the leftmost start at an ASCII
/// word boundary from which `[A-Z][A-Z0-9&]*(?:-[A-Z0-9&]+)*` runs to `end`.
fn acronym_start(bytes: &[u8], from: usize, end: usize) -> Option<usize> {
    let in_run = |b: u8| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'&' || b == b'-';
    if end == 0 || bytes[end - 1] == b'-' {
        return None;
    }
    let mut run = end;
    while run > from && in_run(bytes[run - 1]) {
        run -= 1;
    }
    // A start after a double hyphen; none before it can run to `end`.
    let mut clean = run;
    for i in run..end.saturating_sub(1) {
        if bytes[i] == b'-' && bytes[i + 1] == b'-' {
            clean = i + 2;
        }
    }
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    (clean..end).find(|&s| bytes[s].is_ascii_uppercase() && (s == 0 || !is_word(bytes[s - 1])))
}

/// True for a character the description may hold (not a dash, `,` `;` `.` `(` `)`).
fn in_description(c: char) -> bool {
    !matches!(c, '-' | '–' | '—' | ',' | ';' | '.' | '(' | ')')
}

/// Where a description ending at `at` ends its definition (after the
/// white space and the punctuation or dash that close it), if anything
/// closes it there.
fn closing(text: &str, at: usize) -> Option<usize> {
    let mut q = at;
    while let Some(len) = space_at(text, q) {
        q += len;
    }
    let bytes = text.as_bytes();
    match bytes.get(q) {
        None => Some(q),
        Some(b',' | b';' | b'.' | b'(' | b')') => Some(q + 1),
        Some(_) if q > at && dash_len(bytes, q) > 0 => Some(q + dash_len(bytes, q)),
        Some(_) => None,
    }
}

/// The shortest description of 3 to 80 characters from `start` that
/// something closes: its end, and the end of the definition.
fn description(text: &str, start: usize) -> Option<(usize, usize)> {
    let mut end = start;
    for (n, c) in text[start..].chars().take(80).enumerate() {
        if !in_description(c) {
            return None;
        }
        end += c.len_utf8();
        if n >= 2
            && let Some(close) = closing(text, end)
        {
            return Some((end, close));
        }
    }
    None
}

/// One "ACR – Name" definition: the acronym's range, the description's,
/// and where the definition ends (where the next one may start).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DashDefinition {
    pub acronym: Range<usize>,
    pub description: Range<usize>,
    pub end: usize,
}

/// Every "ACR – Name" definition of `text`, left to right, as the pattern
/// above finds them.
pub(super) fn dash_definitions(text: &str) -> impl Iterator<Item = DashDefinition> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    let mut dashes = spaced_dashes(text);
    std::iter::from_fn(move || {
        for dash in dashes.by_ref() {
            if dash.start < from {
                continue;
            }
            // The acronym ends where the white space before the dash starts.
            let mut gap = dash.start;
            while gap > from && space_before(text, gap) {
                gap -= text[..gap].chars().next_back().map_or(1, char::len_utf8);
            }
            let Some(start) = acronym_start(bytes, from, gap) else {
                continue;
            };
            // The white space after the dash goes to the description only
            // when no description fits after all of it; one space at least
            // stays with the dash.
            let mut at = dash.end;
            while let Some(len) = space_at(text, at) {
                at += len;
            }
            while at > dash.end {
                if let Some((end, close)) = description(text, at) {
                    from = close;
                    return Some(DashDefinition {
                        acronym: start..gap,
                        description: at..end,
                        end: close,
                    });
                }
                at -= text[..at].chars().next_back().map_or(1, char::len_utf8);
            }
        }
        None
    })
}

/// The parser replaced a pattern; it must agree with it on any text.
#[cfg(test)]
mod same_as_pattern {
    use super::*;
    use regex::Regex;

    #[test]
    fn on_random_texts() {
        let re = Regex::new(r"(?-u:\b)([A-Z][A-Z0-9&]*(?:-[A-Z0-9&]+)*)\s+[-–—]\s+([^-–—,;.()]{3,80}?)\s*(?:\s[-–—]|[,;.()]|$)").unwrap();
        let spaced = Regex::new(r"\s[-–—]\s").unwrap();
        let mut next = crate::test_random::below(7);
        // The first alphabet has every edge; the second makes definitions common.
        #[rustfmt::skip]
        let alphabets: [&[&str]; 2] = [
            &[
                "A", "K", "b", "9", "&", "_", "-", "–", "—", " ", " ", "\u{a0}", "\n", ",", ".",
                "(", ")", "é", "Ab", "EKF", "x-y", " - ", " – ", "Agency of the long description name",
            ],
            &[
                "EKF", "K-SURE", "A&B", "a", " - ", " – ", " —\u{2003}", "  ", "\u{85}", "x", "Ab",
                "Agency", ".", ";", "-", "Agency of the long description name", "A--B", "_K",
            ],
        ];
        for round in 0..60000 {
            let alphabet = alphabets[round % 2];
            let len = next(30);
            let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            let want: Vec<_> = re
                .captures_iter(&text)
                .map(|c| DashDefinition {
                    acronym: c.get(1).unwrap().range(),
                    description: c.get(2).unwrap().range(),
                    end: c.get(0).unwrap().end(),
                })
                .collect();
            let got: Vec<_> = dash_definitions(&text).collect();
            assert_eq!(got, want, "{text:?}");
            assert_eq!(has_spaced_dash(&text), spaced.is_match(&text), "{text:?}");
        }
    }

    fn has_spaced_dash(text: &str) -> bool {
        spaced_dashes(text).next().is_some()
    }

    #[test]
    fn dashes_between_white_space() {
        assert!(has_spaced_dash("EKF - Denmark's Export Credit Agency"));
        assert!(has_spaced_dash("EKF\u{a0}– Denmark"));
        assert!(!has_spaced_dash("Asia-Pacific and K-SURE -- x"));
        assert!(!has_spaced_dash("-"));
    }
}
