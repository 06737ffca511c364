//! Where a plan stands in its life: a draft, in force, or closed.

use serde::{Deserialize, Serialize};

/// A plan's stage. Joint content changes directly only in a draft, only
/// through a revision in force, and not at all once closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    /// Being prepared: any coordinator of either party edits it directly.
    Draft,
    /// Every party's coordinator approved the same content hash.
    InForce,
    /// Past its period, or followed by a successor in force: read-only,
    /// though reports may still be added for the record.
    Closed,
}

impl PlanStatus {
    /// The snake_case name, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanStatus::Draft => "draft",
            PlanStatus::InForce => "in_force",
            PlanStatus::Closed => "closed",
        }
    }

    /// Reads the stored name; `adopted` is the older word for in force.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "draft" => Some(PlanStatus::Draft),
            "in_force" | "in force" | "adopted" => Some(PlanStatus::InForce),
            "closed" => Some(PlanStatus::Closed),
            _ => None,
        }
    }

    /// Whether the public may read a plan at this stage.
    pub fn is_public(self) -> bool {
        matches!(self, PlanStatus::InForce | PlanStatus::Closed)
    }
}

impl std::fmt::Display for PlanStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PlanStatus::Draft => "draft",
            PlanStatus::InForce => "in force",
            PlanStatus::Closed => "closed",
        })
    }
}

/// The stage a plan is at on `year`: a plan in force closes after the last
/// year of its period, or as soon as its successor is in force.
pub fn effective_status(
    recorded: PlanStatus,
    last_year: Option<u16>,
    year: i32,
    successor_in_force: bool,
) -> PlanStatus {
    match recorded {
        PlanStatus::InForce
            if successor_in_force || last_year.is_some_and(|last| year > i32::from(last)) =>
        {
            PlanStatus::Closed
        }
        other => other,
    }
}

/// Whether every party has approved the same content hash: what brings a
/// draft into force. `approvals` are (party, content hash) pairs.
pub fn adopted_by_all<'a>(
    parties: &[String],
    hash: &str,
    approvals: impl IntoIterator<Item = (&'a str, &'a str)> + Clone,
) -> bool {
    !parties.is_empty()
        && parties.iter().all(|party| {
            approvals
                .clone()
                .into_iter()
                .any(|(p, h)| p.eq_ignore_ascii_case(party) && h == hash)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for s in [PlanStatus::Draft, PlanStatus::InForce, PlanStatus::Closed] {
            assert_eq!(PlanStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(PlanStatus::parse("adopted"), Some(PlanStatus::InForce));
        assert_eq!(PlanStatus::parse("signed"), None);
    }

    #[test]
    fn a_plan_in_force_closes_after_its_period_or_with_its_successor() {
        let s = PlanStatus::InForce;
        assert_eq!(
            effective_status(s, Some(2024), 2024, false),
            PlanStatus::InForce
        );
        assert_eq!(
            effective_status(s, Some(2024), 2025, false),
            PlanStatus::Closed
        );
        assert_eq!(
            effective_status(s, Some(2028), 2025, true),
            PlanStatus::Closed
        );
        assert_eq!(effective_status(s, None, 2090, false), PlanStatus::InForce);
        // a draft stays a draft, however old
        assert_eq!(
            effective_status(PlanStatus::Draft, Some(2000), 2025, true),
            PlanStatus::Draft
        );
    }

    #[test]
    fn adoption_needs_every_party_on_the_same_hash() {
        let parties = vec!["DK".to_string(), "KR".to_string()];
        assert!(!adopted_by_all(&parties, "h1", [("DK", "h1")]));
        assert!(!adopted_by_all(
            &parties,
            "h2",
            [("DK", "h1"), ("KR", "h2")]
        ));
        assert!(adopted_by_all(&parties, "h1", [("DK", "h1"), ("kr", "h1")]));
        assert!(!adopted_by_all(&[], "h1", [("DK", "h1")]));
    }
}
