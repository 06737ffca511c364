use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
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
        let head: String = match text.get(..HEAD_CHARS.min(text.len())) {
            // ASCII lower-cases character for character: fold the opening only.
            Some(opening) if opening.is_ascii() => opening.to_ascii_lowercase(),
            _ => text.to_lowercase().chars().take(HEAD_CHARS).collect(),
        };
        // One pass finds every rule word in the opening (overlapping, so
        // none hides another), instead of a substring search per word.
        let mut found = [false; KIND_WORDS.len()];
        for m in KIND_MATCHER.find_overlapping_iter(&head) {
            found[m.pattern().as_usize()] = true;
        }
        let mut at = 0;
        for &(kind, words) in KIND_RULES {
            if found[at..at + words.len()].contains(&true) {
                return kind;
            }
            at += words.len();
        }
        ActionKind::Other
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

/// Every word of [`KIND_RULES`], rule by rule.
const KIND_WORDS: [&str; 30] = {
    let mut out = [""; 30];
    let mut n = 0;
    let mut r = 0;
    while r < KIND_RULES.len() {
        let words = KIND_RULES[r].1;
        let mut w = 0;
        while w < words.len() {
            out[n] = words[w];
            n += 1;
            w += 1;
        }
        r += 1;
    }
    assert!(n == out.len(), "KIND_WORDS counts every rule word");
    out
};

static KIND_MATCHER: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(KIND_WORDS).expect("the rule words are valid patterns"));

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
}
