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
pub(super) type Starts = [bool; 256];

/// The [`Starts`] of `first` and `second`.
pub(super) fn starts(first: &NameMatcher, second: &NameMatcher) -> Box<Starts> {
    let mut s = Box::new([false; 256]);
    for (b, start) in s.iter_mut().enumerate() {
        *start = first.root[b] != NONE || second.root[b] != NONE;
    }
    s
}

/// The matches of two matchers in one pass over `text`: exactly what
/// `first.find_iter(text)` and `second.find_iter(text)` give, but each byte is
/// looked up once for both (in `starts`, from [`starts`] of the same two),
/// which more than halves the cost of the bytes that start no name (most).
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
    for (at, &b) in bytes.iter().enumerate() {
        if !starts[usize::from(b)] {
            continue;
        }
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
    fn matches_are_case_sensitive_and_byte_exact() {
        let m = NameMatcher::new(["Ørsted", "WHO"]);
        assert_eq!(
            found(&m, "who, WHO and Ørsted"),
            [("WHO", 1), ("Ørsted", 0)]
        );
    }
}

/// The matcher replaced a leftmost-longest Aho-Corasick automaton; it must
/// find exactly what the automaton found, or mentions would change.
#[cfg(test)]
mod same_as_aho_corasick {
    use super::*;
    use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

    #[test]
    fn on_random_names_and_texts() {
        let mut seed: u64 = 12345;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let alphabet = ["A", "B", "a", " ", "-", "Ø", "é", "AB", "B A"];
        for _ in 0..5000 {
            let np = 1 + next(8);
            let pats: Vec<String> = (0..np)
                .map(|_| {
                    (0..1 + next(4))
                        .map(|_| alphabet[next(9) as usize])
                        .collect()
                })
                .collect();
            let text: String = (0..next(30)).map(|_| alphabet[next(9) as usize]).collect();
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
                .map(|_| {
                    (0..1 + next(4))
                        .map(|_| alphabet[next(9) as usize])
                        .collect()
                })
                .collect();
            let other = NameMatcher::new(other_pats.iter().map(String::as_str));
            let [a, b] = find_both(&m, &other, &starts(&m, &other), &text);
            assert_eq!(a, want, "{pats:?} {text:?}");
            assert_eq!(
                b,
                other.find_iter(&text).collect::<Vec<_>>(),
                "{other_pats:?} {text:?}"
            );
        }
    }
}
