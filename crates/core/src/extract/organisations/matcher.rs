//! Finding a set of literal names in a text, leftmost-longest: the register
//! matches its bodies' names and acronyms with it, and the gazetteer its
//! well-known bodies.
//!
//! A byte trie walked from every position: the names of one plan take a few
//! microseconds to index, where an Aho-Corasick automaton took over a
//! millisecond to build for searches that cost less than that together, and
//! names start with few distinct bytes, so most positions end the walk at
//! once.

use std::ops::Range;

use super::tokens::{has_byte_in, skip_eights};

const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct Node {
    byte: u8,
    first_child: u32,
    next_sibling: u32,
    /// The name that ends here (the first given, for a name given twice).
    pattern: u32,
}

/// A set of names, searched for as written (case-sensitive).
#[derive(Debug, Clone)]
pub(super) struct NameMatcher {
    /// The node of each first byte.
    root: [u32; 256],
    nodes: Vec<Node>,
}

fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(NONE)
}

impl NameMatcher {
    /// A matcher for `names`; a match reports the name's position in `names`.
    pub fn new<'p>(names: impl IntoIterator<Item = &'p str>) -> Self {
        let mut m = NameMatcher {
            root: [NONE; 256],
            nodes: Vec::new(),
        };
        for (id, name) in names.into_iter().enumerate() {
            m.insert(name.as_bytes(), index(id));
        }
        m
    }

    fn insert(&mut self, name: &[u8], id: u32) {
        // An empty name would match everywhere; no caller has one.
        let Some((&first, rest)) = name.split_first() else {
            return;
        };
        let mut node = self.root[usize::from(first)];
        if node == NONE {
            node = self.push(first);
            self.root[usize::from(first)] = node;
        }
        for &b in rest {
            node = match self.child(node, b) {
                Some(c) => c,
                None => {
                    let c = self.push(b);
                    self.nodes[c as usize].next_sibling = self.nodes[node as usize].first_child;
                    self.nodes[node as usize].first_child = c;
                    c
                }
            };
        }
        let n = &mut self.nodes[node as usize];
        if n.pattern == NONE {
            n.pattern = id;
        }
    }

    fn push(&mut self, byte: u8) -> u32 {
        self.nodes.push(Node {
            byte,
            first_child: NONE,
            next_sibling: NONE,
            pattern: NONE,
        });
        index(self.nodes.len() - 1)
    }

    fn child(&self, node: u32, byte: u8) -> Option<u32> {
        let mut c = self.nodes[node as usize].first_child;
        while c != NONE {
            let n = &self.nodes[c as usize];
            if n.byte == byte {
                return Some(c);
            }
            c = n.next_sibling;
        }
        None
    }

    /// The longest name that starts at `at`, whose first byte leads to
    /// `node`: its end and its position.
    fn longest_at(&self, bytes: &[u8], at: usize, mut node: u32) -> Option<(usize, usize)> {
        let mut best = None;
        let mut end = at + 1;
        while node != NONE {
            let n = &self.nodes[node as usize];
            if n.pattern != NONE {
                best = Some((end, n.pattern as usize));
            }
            let Some(&b) = bytes.get(end) else {
                break;
            };
            node = self.child(node, b).unwrap_or(NONE);
            end += 1;
        }
        best
    }

    /// Non-overlapping matches, leftmost first and, of those starting at
    /// the same place, the longest: each with the name's position.
    /// The reference semantics that [`find_both`] keeps; only tests call it.
    #[cfg(test)]
    pub fn find_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (Range<usize>, usize)> + 'a {
        let bytes = text.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < bytes.len() {
                // Most bytes start no name: pass them in a tight loop.
                let node = self.root[usize::from(bytes[at])];
                if node == NONE {
                    at += 1;
                    continue;
                }
                if let Some((end, id)) = self.longest_at(bytes, at, node) {
                    let start = at;
                    at = end;
                    return Some((start..end, id));
                }
                at += 1;
            }
            None
        })
    }
}

/// The bytes that start a name of either of two matchers: [`find_both`]
/// passes every other byte with one lookup.
#[derive(Debug, Clone)]
pub(super) struct Starts {
    table: [bool; 256],
    /// Every start byte is an ASCII capital or digit or a non-ASCII byte:
    /// such bytes are a few in a hundred in running text, so stretches
    /// without any are passed eight bytes at a time.
    sparse: bool,
}

/// The [`Starts`] of `first` and `second`.
pub(super) fn starts(first: &NameMatcher, second: &NameMatcher) -> Box<Starts> {
    let mut s = Box::new(Starts {
        table: [false; 256],
        sparse: true,
    });
    for b in 0..=255u8 {
        let i = usize::from(b);
        if first.root[i] != NONE || second.root[i] != NONE {
            s.table[i] = true;
            s.sparse &= may_start_sparse(b);
        }
    }
    s
}

fn may_start_sparse(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit() || !b.is_ascii()
}

/// True when one of the eight bytes of `x` passes [`may_start_sparse`].
fn has_sparse_start(x: u64) -> bool {
    x & 0x8080_8080_8080_8080 != 0 || has_byte_in(x, b'A', b'Z') || has_byte_in(x, b'0', b'9')
}

/// The first start byte in `bytes` from `from`.
fn next_start(bytes: &[u8], from: usize, starts: &Starts) -> Option<usize> {
    let mut at = from;
    loop {
        let mut end = bytes.len();
        if starts.sparse {
            at = skip_eights(bytes, at, has_sparse_start);
            end = end.min(at + 8);
        }
        let here = bytes.get(at..end)?;
        if let Some(p) = here.iter().position(|&b| starts.table[usize::from(b)]) {
            return Some(at + p);
        }
        if end == bytes.len() {
            return None;
        }
        at = end;
    }
}

/// True when the char before `at` (a char boundary) does not continue a
/// word: the register keeps only matches that start there, so a match is
/// looked for nowhere else.
fn at_word_start(text: &str, at: usize) -> bool {
    let Some(&prev) = at.checked_sub(1).and_then(|p| text.as_bytes().get(p)) else {
        return true;
    };
    if prev.is_ascii() {
        return !(prev.is_ascii_alphanumeric() || prev == b'-' || prev == b'&');
    }
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// The matches of two matchers in one pass over `text`, each starting at a
/// word start (see [`at_word_start`]): what `first.find_iter(text)` and
/// `second.find_iter(text)` give when walks start only there. The bytes
/// that start no name of either (most) are passed by [`next_start`], in
/// `starts` from [`starts`] of the same two.
///
/// A walk from inside a word could only find a match the register rejects,
/// and such a match used to hide a valid one that started inside it: with
/// "EA Fund" and "Fund" registered, "the DEA Fund" lost its "Fund" to the
/// "EA Fund" inside "DEA".
pub(super) fn find_both(
    first: &NameMatcher,
    second: &NameMatcher,
    starts: &Starts,
    text: &str,
) -> [Vec<(Range<usize>, usize)>; 2] {
    let bytes = text.as_bytes();
    let mut out: [Vec<(Range<usize>, usize)>; 2] = [Vec::new(), Vec::new()];
    // Where each matcher may match next: after its last match, as in `find_iter`.
    let mut next = [0usize; 2];
    let mut from = 0;
    while let Some(at) = next_start(bytes, from, starts) {
        from = at + 1;
        if !at_word_start(text, at) {
            continue;
        }
        let b = bytes[at];
        for (i, m) in [first, second].into_iter().enumerate() {
            let node = m.root[usize::from(b)];
            if node == NONE || at < next[i] {
                continue;
            }
            if let Some((end, id)) = m.longest_at(bytes, at, node) {
                out[i].push((at..end, id));
                next[i] = end;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(m: &NameMatcher, text: &'t str) -> Vec<(&'t str, usize)> {
        m.find_iter(text).map(|(r, id)| (&text[r], id)).collect()
    }

    #[test]
    fn leftmost_then_longest_without_overlap() {
        let m = NameMatcher::new(["Fund", "Innovation Fund", "Fund Denmark", "Inn", "KIAT"]);
        assert_eq!(
            found(&m, "Innovation Fund Denmark and KIAT"),
            [("Innovation Fund", 1), ("KIAT", 4)]
        );
        assert_eq!(
            found(&m, "Innovator Fund Denmark"),
            [("Inn", 3), ("Fund Denmark", 2)]
        );
        assert!(found(&m, "").is_empty());
    }

    #[test]
    fn a_name_given_twice_reports_the_first() {
        let m = NameMatcher::new(["DEA", "Danish Energy Agency", "DEA", ""]);
        assert_eq!(found(&m, "the DEA."), [("DEA", 0)]);
    }

    #[test]
    fn next_start_finds_every_start_byte() {
        let text = "the 2021 plan of KIAT – Ørsted, and eGov: x".as_bytes();
        for names in [&["K", "2", "Ø", "–"][..], &["K", "e"], &["Z"]] {
            let m = NameMatcher::new(names.iter().copied());
            let s = starts(&m, &m);
            for from in 0..=text.len() {
                let want = (from..text.len()).find(|&i| s.table[usize::from(text[i])]);
                assert_eq!(next_start(text, from, &s), want, "{names:?} {from}");
            }
        }
    }

    #[test]
    fn a_match_inside_a_word_hides_nothing() {
        let m = NameMatcher::new(["EA Fund", "Fund"]);
        let none = NameMatcher::new(["Q"]);
        let text = "the DEA Fund";
        let [found, _] = find_both(&m, &none, &starts(&m, &none), text);
        assert_eq!(found, [(8..12, 1)]);
        // "é" is a letter too: no walk starts after it.
        let [found, _] = find_both(&m, &none, &starts(&m, &none), "éFund -Fund (Fund");
        assert_eq!(found, [(14..18, 1)]);
    }

    #[test]
    fn matches_are_case_sensitive_and_byte_exact() {
        let m = NameMatcher::new(["Ørsted", "WHO"]);
        assert_eq!(
            found(&m, "who, WHO and Ørsted"),
            [("WHO", 1), ("Ørsted", 0)]
        );
    }
}

/// `find_both` starts walks at word starts only; it must find what a plain
/// scan of the names finds from those places.
#[cfg(test)]
fn at_word_starts(pats: &[String], text: &str) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut next = 0;
    for at in (0..text.len()).filter(|&at| text.is_char_boundary(at)) {
        if at < next || !at_word_start(text, at) {
            continue;
        }
        // The longest name here; of equal names, the first given.
        let best = pats
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.is_empty() && text[at..].starts_with(p.as_str()))
            .min_by_key(|(id, p)| (std::cmp::Reverse(p.len()), *id));
        if let Some((id, p)) = best {
            out.push((at..at + p.len(), id));
            next = at + p.len();
        }
    }
    out
}

/// The matcher replaced a leftmost-longest Aho-Corasick automaton; it must
/// find exactly what the automaton found, or mentions would change.
#[cfg(test)]
mod same_as_aho_corasick {
    use super::*;
    use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

    #[test]
    fn on_random_names_and_texts() {
        let mut next = crate::test_random::below(12345);
        let alphabet = ["A", "B", "a", " ", "-", "Ø", "é", "AB", "B A"];
        for _ in 0..5000 {
            let np = 1 + next(8);
            let pats: Vec<String> = (0..np)
                .map(|_| (0..1 + next(4)).map(|_| alphabet[next(9)]).collect())
                .collect();
            let text: String = (0..next(30)).map(|_| alphabet[next(9)]).collect();
            let ac = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(&pats)
                .unwrap();
            let want: Vec<_> = ac
                .find_iter(&text)
                .map(|m| (m.range(), m.pattern().as_usize()))
                .collect();
            let m = NameMatcher::new(pats.iter().map(String::as_str));
            let got: Vec<_> = m.find_iter(&text).collect();
            assert_eq!(got, want, "{pats:?} {text:?}");
            // One pass for two matchers finds what each finds alone.
            let other_pats: Vec<String> = (0..1 + next(8))
                .map(|_| (0..1 + next(4)).map(|_| alphabet[next(9)]).collect())
                .collect();
            let other = NameMatcher::new(other_pats.iter().map(String::as_str));
            let [a, b] = find_both(&m, &other, &starts(&m, &other), &text);
            assert_eq!(a, at_word_starts(&pats, &text), "{pats:?} {text:?}");
            assert_eq!(
                b,
                at_word_starts(&other_pats, &text),
                "{other_pats:?} {text:?}"
            );
        }
    }
}
