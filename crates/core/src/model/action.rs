use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::recurrence::Recurrence;
use crate::span::Span;
use crate::strength::Strength;

/// One commitment of the plan, usually one bullet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Action {
    /// Stable code `line.track.item`, e.g. `1.1.3`.
    pub code: String,
    /// The commitment as written, line breaks joined.
    pub text: String,
    /// What sort of commitment it is.
    pub kind: ActionKind,
    /// Firm, or hedged with the words that hedge it.
    pub strength: Strength,
    /// Organisations the text names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<OrgRef>,
    /// SDGs the text names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sdgs: Vec<SdgMention>,
    /// How often, if the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<Recurrence>,
    /// Ids of the mechanisms this action mentions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mechanisms: Vec<String>,
    /// Earlier codes of this action, oldest first, when a revision moved,
    /// merged or split it: progress reported under them counts for it.
    /// Empty (and absent from the JSON, so older hashes hold) otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub origins: Vec<String>,
    /// Where the action stands.
    pub span: Span,
}

/// A mention of an organisation inside a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct OrgRef {
    /// Id of the organisation in [`crate::Plan::organisations`].
    pub id: String,
    /// Where it is mentioned.
    pub span: Span,
}

/// A mention of a Sustainable Development Goal or target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SdgMention {
    /// Goal number as written (may be out of range: the linter reports it).
    pub goal: u32,
    /// Target id in dotted form (`7.2`, `1.a`) when a target is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The title written beside the number, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_as_written: Option<String>,
    /// Where the mention stands (number and title).
    pub span: Span,
}

/// What sort of commitment an action is, by its leading words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// Meetings, consultations, dialogue.
    Dialogue,
    /// Knowledge-sharing, exchange of experience, workshops, study visits.
    KnowledgeSharing,
    /// Joint events, initiatives or projects.
    JointEvent,
    /// Signing or implementing an agreement.
    Agreement,
    /// Research and innovation collaboration.
    Research,
    /// Promotion of trade, investment, mobility.
    Promotion,
    /// Support for a third party or institution.
    Support,
    /// General cooperation or collaboration.
    Cooperation,
    /// None of the above.
    Other,
}

impl ActionKind {
    /// Every kind, in a stable order.
    pub const ALL: [ActionKind; 9] = [
        ActionKind::Dialogue,
        ActionKind::KnowledgeSharing,
        ActionKind::JointEvent,
        ActionKind::Agreement,
        ActionKind::Research,
        ActionKind::Promotion,
        ActionKind::Support,
        ActionKind::Cooperation,
        ActionKind::Other,
    ];

    /// Classifies an action by the words it opens with; the first matching
    /// rule wins, so the order of the rules is the order of precedence.
    pub fn classify(text: &str) -> ActionKind {
        // The opening words say what is committed; later words are context.
        const HEAD_CHARS: usize = 90;
        match text.get(..HEAD_CHARS.min(text.len())) {
            // ASCII lower-cases byte for byte: fold the opening only.
            Some(opening) if opening.is_ascii() => {
                let mut head = [0u8; HEAD_CHARS + PAD];
                head[..opening.len()].copy_from_slice(opening.as_bytes());
                head.make_ascii_lowercase();
                kind_in(&head)
            }
            _ => {
                let head: String = text.to_lowercase().chars().take(HEAD_CHARS).collect();
                let mut head = head.into_bytes();
                head.extend([0; PAD]);
                kind_in(&head)
            }
        }
    }

    /// The English label.
    pub fn label(self) -> &'static str {
        match self {
            ActionKind::Dialogue => "dialogue",
            ActionKind::KnowledgeSharing => "knowledge-sharing",
            ActionKind::JointEvent => "joint event",
            ActionKind::Agreement => "agreement",
            ActionKind::Research => "research",
            ActionKind::Promotion => "promotion",
            ActionKind::Support => "support",
            ActionKind::Cooperation => "cooperation",
            ActionKind::Other => "other",
        }
    }
}

/// The rules of [`ActionKind::classify`], in order of precedence: a kind,
/// and the words in the opening of an action that make it that kind.
const KIND_RULES: &[(ActionKind, &[&str])] = &[
    (
        ActionKind::Dialogue,
        &["meeting", "consultation", "dialogue", "summit"],
    ),
    (
        ActionKind::KnowledgeSharing,
        &["knowledge", "exchange", "information", "share"],
    ),
    (
        ActionKind::Agreement,
        &["mou", "agreement", "memorandum", "treaty"],
    ),
    (
        ActionKind::JointEvent,
        &["joint ", "event", "workshop", "seminar"],
    ),
    (
        ActionKind::Research,
        &["research", "scientific", "r&d", "science"],
    ),
    (
        ActionKind::Promotion,
        &["promot", "facilitat", "mobility", "expand"],
    ),
    (ActionKind::Support, &["support", "contribut", "participat"]),
    (
        ActionKind::Cooperation,
        &["cooperat", "collaborat", "partnership"],
    ),
];

/// Every word of [`KIND_RULES`], rule by rule, with its rule's index.
const KIND_WORDS: [(usize, &str); 30] = {
    let mut out = [(0, ""); 30];
    let mut n = 0;
    let mut r = 0;
    while r < KIND_RULES.len() {
        let words = KIND_RULES[r].1;
        let mut w = 0;
        while w < words.len() {
            out[n] = (r, words[w]);
            n += 1;
            w += 1;
        }
        r += 1;
    }
    assert!(n == out.len(), "KIND_WORDS counts every rule word");
    out
};

/// Zero bytes after the opening, so that every word can be compared at
/// every position without a bounds check; no rule word holds a zero byte.
const PAD: usize = 16;

/// Bit `w` of entry `(a & 31) * 32 + (b & 31)` is set when
/// [`KIND_WORDS`]`[w]` starts with bytes `a`, `b`: a filter (other bytes
/// share the entries) that leaves most positions no word to compare.
const FIRST_TWO: [u32; 1024] = {
    let mut out = [0u32; 1024];
    let mut w = 0;
    while w < KIND_WORDS.len() {
        let word = KIND_WORDS[w].1.as_bytes();
        out[pair(word[0], word[1])] |= 1 << w;
        w += 1;
    }
    out
};

/// The entry of [`FIRST_TWO`] for two bytes.
const fn pair(a: u8, b: u8) -> usize {
    (a as usize & 31) * 32 + (b as usize & 31)
}

/// Each of [`KIND_WORDS`] as its rule's index and its bytes zero-padded to
/// [`PAD`], read as two little-endian words with masks, so that comparing
/// it at a position is two loads, two masks and two compares.
struct PackedWord {
    rule: usize,
    bytes: [u64; 2],
    mask: [u64; 2],
}

const PACKED: [PackedWord; KIND_WORDS.len()] = {
    const EMPTY: PackedWord = PackedWord {
        rule: 0,
        bytes: [0; 2],
        mask: [0; 2],
    };
    let mut out = [EMPTY; KIND_WORDS.len()];
    let mut n = 0;
    while n < KIND_WORDS.len() {
        let (rule, word) = KIND_WORDS[n];
        let word = word.as_bytes();
        assert!(word.len() <= PAD, "rule words fit the padding");
        let mut i = 0;
        while i < word.len() {
            out[n].bytes[i / 8] |= (word[i] as u64) << (8 * (i % 8));
            out[n].mask[i / 8] |= 0xff << (8 * (i % 8));
            i += 1;
        }
        out[n].rule = rule;
        n += 1;
    }
    out
};

/// Two little-endian words from `at` (the caller keeps [`PAD`] bytes there).
#[inline]
fn load(head: &[u8], at: usize) -> [u64; 2] {
    let word = |i: usize| {
        head.get(i..i + 8)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    };
    [word(at), word(at + 8)]
}

/// The kind of the first rule with a word anywhere in the folded opening
/// `head` (followed by [`PAD`] zero bytes); words may overlap, so none
/// hides another.
fn kind_in(head: &[u8]) -> ActionKind {
    let mut best = KIND_RULES.len();
    for i in 0..head.len().saturating_sub(PAD) {
        let mut words = FIRST_TWO[pair(head[i], head[i + 1])];
        if words == 0 {
            continue;
        }
        let at = load(head, i);
        while words != 0 {
            let w = &PACKED[words.trailing_zeros() as usize];
            words &= words - 1;
            if w.rule < best && at[0] & w.mask[0] == w.bytes[0] && at[1] & w.mask[1] == w.bytes[1] {
                best = w.rule;
            }
        }
        if best == 0 {
            break;
        }
    }
    KIND_RULES.get(best).map_or(ActionKind::Other, |r| r.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_the_opening_words() {
        assert_eq!(
            ActionKind::classify("Annual ministerial meetings in the Green Growth Alliance"),
            ActionKind::Dialogue
        );
        assert_eq!(
            ActionKind::classify("Knowledge-sharing and cooperation on clean energy"),
            ActionKind::KnowledgeSharing
        );
        assert_eq!(
            ActionKind::classify("Possible joint P4G events in relevant fora"),
            ActionKind::JointEvent
        );
        assert_eq!(
            ActionKind::classify("Cooperation on circular economy"),
            ActionKind::Cooperation
        );
        assert_eq!(ActionKind::classify("Something else"), ActionKind::Other);
    }

    /// The rules as first written: every word searched for in the folded opening.
    fn classify_by_search(text: &str) -> ActionKind {
        let lower = text.to_lowercase();
        let head: String = lower.chars().take(90).collect();
        KIND_RULES
            .iter()
            .find(|(_, words)| words.iter().any(|w| head.contains(w)))
            .map_or(ActionKind::Other, |r| r.0)
    }

    #[test]
    fn the_scan_agrees_with_a_search_per_word() {
        let mut pieces: Vec<&str> = KIND_WORDS.iter().map(|&(_, w)| w).collect();
        pieces.extend([
            " ",
            " ",
            "-",
            ",",
            "\0",
            "joint",
            "r&",
            "d",
            "mo",
            "u",
            "e",
            "s",
            "İ",
            "\u{212A}nowledge",
            "ẞ",
            "é",
            "Σ",
            "x",
        ]);
        // Which pieces, and whether each is upper-cased.
        let texts =
            proptest::collection::vec((0..pieces.len(), proptest::bool::weighted(0.25)), 0..40);
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let result = runner.run(&texts, |parts| {
            let t: String = parts
                .iter()
                .map(|&(i, upper)| {
                    if upper {
                        pieces[i].to_uppercase()
                    } else {
                        pieces[i].to_owned()
                    }
                })
                .collect();
            proptest::prop_assert_eq!(ActionKind::classify(&t), classify_by_search(&t), "{:?}", t);
            Ok(())
        });
        assert!(result.is_ok(), "{result:?}");
    }
}
