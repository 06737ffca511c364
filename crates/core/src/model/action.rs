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
        let lower = text.to_lowercase();
        // The opening words say what is committed; later words are context.
        let head: String = lower.chars().take(90).collect();
        let has = |w: &str| head.contains(w);
        if has("meeting") || has("consultation") || has("dialogue") || has("summit") {
            ActionKind::Dialogue
        } else if has("knowledge") || has("exchange") || has("information") || has("share") {
            ActionKind::KnowledgeSharing
        } else if has("mou") || has("agreement") || has("memorandum") || has("treaty") {
            ActionKind::Agreement
        } else if has("joint ") || has("event") || has("workshop") || has("seminar") {
            ActionKind::JointEvent
        } else if has("research") || has("scientific") || has("r&d") || has("science") {
            ActionKind::Research
        } else if has("promot") || has("facilitat") || has("mobility") || has("expand") {
            ActionKind::Promotion
        } else if has("support") || has("contribut") || has("participat") {
            ActionKind::Support
        } else if has("cooperat") || has("collaborat") || has("partnership") {
            ActionKind::Cooperation
        } else {
            ActionKind::Other
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
