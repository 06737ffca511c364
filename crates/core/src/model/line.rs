use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Action, Paragraph, SdgMention};
use crate::span::Span;

/// A numbered strategic line of effort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Line {
    /// Line number, from 1.
    pub number: u32,
    /// Title as written ("Sustainability & Green Transition").
    pub title: String,
    /// The ambition text under the heading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ambition: Vec<Paragraph>,
    /// SDGs the line declares it promotes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sdgs: Vec<SdgMention>,
    /// Cooperation tracks, in document order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tracks: Vec<Track>,
    /// The heading.
    pub span: Span,
}

impl Line {
    /// The line's actions, track by track.
    pub fn actions(&self) -> impl Iterator<Item = &Action> {
        self.tracks.iter().flat_map(|t| t.actions.iter())
    }
}

/// A cooperation channel inside a line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Track {
    /// `line.track`, e.g. `1.2`.
    pub code: String,
    /// The kind of channel.
    pub kind: TrackKind,
    /// The heading as written; empty when the document has none for this line.
    pub heading: String,
    /// Actions, in document order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// The heading (or the first action when there is none).
    pub span: Span,
}

/// The fixed set of cooperation channels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TrackKind {
    /// Government-to-government cooperation.
    GovernmentToGovernment,
    /// Regional and local government cooperation.
    RegionalLocal,
    /// Trade, investment and economy.
    TradeEconomy,
    /// Science, research and education.
    Science,
    /// Multilateral cooperation.
    Multilateral,
    /// Green multilateralism.
    GreenMultilateralism,
    /// Culture and people-to-people exchange.
    CulturePeopleToPeople,
    /// Security and defence.
    SecurityDefence,
    /// A heading that fits none of the above.
    Other,
}

impl TrackKind {
    /// Every kind, in a stable order.
    pub const ALL: [TrackKind; 9] = [
        TrackKind::GovernmentToGovernment,
        TrackKind::RegionalLocal,
        TrackKind::TradeEconomy,
        TrackKind::Science,
        TrackKind::Multilateral,
        TrackKind::GreenMultilateralism,
        TrackKind::CulturePeopleToPeople,
        TrackKind::SecurityDefence,
        TrackKind::Other,
    ];

    /// The kind a heading names, by its words ("GREEN MULTILATERALISM" → green multilateralism).
    pub fn from_heading(heading: &str) -> TrackKind {
        let h = heading.to_lowercase();
        let has = |w: &str| h.contains(w);
        if has("green multilateral") {
            TrackKind::GreenMultilateralism
        } else if has("multilateral") || has("international organi") || has("global cooperation") {
            TrackKind::Multilateral
        } else if has("government-to-government")
            || has("government to government")
            || has("g2g")
            || has("bilateral government")
            || has("intergovernmental")
        {
            TrackKind::GovernmentToGovernment
        } else if has("regional") || has("local") || has("municipal") || has("city") {
            TrackKind::RegionalLocal
        } else if has("trade")
            || has("econom")
            || has("business")
            || has("investment")
            || has("commerc")
        {
            TrackKind::TradeEconomy
        } else if has("science")
            || has("scientific")
            || has("research")
            || has("education")
            || has("academ")
            || has("innovation")
        {
            TrackKind::Science
        } else if has("culture") || has("cultural") || has("people-to-people") || has("youth") {
            TrackKind::CulturePeopleToPeople
        } else if has("security") || has("defence") || has("defense") {
            TrackKind::SecurityDefence
        } else {
            TrackKind::Other
        }
    }

    /// The English label.
    pub fn label(self) -> &'static str {
        match self {
            TrackKind::GovernmentToGovernment => "Government-to-government",
            TrackKind::RegionalLocal => "Regional & local",
            TrackKind::TradeEconomy => "Trade & economy",
            TrackKind::Science => "Science",
            TrackKind::Multilateral => "Multilateral",
            TrackKind::GreenMultilateralism => "Green multilateralism",
            TrackKind::CulturePeopleToPeople => "Culture & people-to-people",
            TrackKind::SecurityDefence => "Security & defence",
            TrackKind::Other => "Other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_map_to_kinds() {
        assert_eq!(
            TrackKind::from_heading("GOVERNMENT-TO-GOVERNMENT COOPERATION"),
            TrackKind::GovernmentToGovernment
        );
        assert_eq!(
            TrackKind::from_heading("REGIONAL AND LOCAL COOPERATION"),
            TrackKind::RegionalLocal
        );
        assert_eq!(
            TrackKind::from_heading("TRADE & ECONOMY"),
            TrackKind::TradeEconomy
        );
        assert_eq!(
            TrackKind::from_heading("SCIENCE COOPERATION"),
            TrackKind::Science
        );
        assert_eq!(
            TrackKind::from_heading("GREEN MULTILATERALISM"),
            TrackKind::GreenMultilateralism
        );
        assert_eq!(
            TrackKind::from_heading("Multilateral cooperation"),
            TrackKind::Multilateral
        );
        assert_eq!(TrackKind::from_heading("Miscellaneous"), TrackKind::Other);
    }
}
