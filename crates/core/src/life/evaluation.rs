//! Evaluation reconciliation: each party assesses each action on its own;
//! the parties' scores are kept apart, disagreements are shown, and an
//! agreed result settles an action once both sides have agreed on it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Lowest and highest score an assessment can give.
pub const SCORES: std::ops::RangeInclusive<u8> = 1..=5;

/// One party's assessment of one action in one evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// The evaluation it belongs to (`mid-term`, `final`).
    pub evaluation: String,
    /// The action's code.
    pub action: String,
    /// The assessing party's code.
    pub party: String,
    /// Score, 1 (not achieved) to 5 (fully achieved).
    pub score: u8,
    /// The assessor's note.
    #[serde(default)]
    pub note: String,
}

/// The result both parties settled on for one action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreed {
    /// The evaluation.
    pub evaluation: String,
    /// The action's code.
    pub action: String,
    /// The agreed score.
    pub score: u8,
    /// The agreed wording.
    #[serde(default)]
    pub note: String,
}

/// Where an action's evaluation stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum State {
    /// Some party has not assessed it yet.
    Waiting {
        /// The parties still to assess.
        missing: Vec<String>,
    },
    /// Every party gave the same score, nothing recorded yet.
    Concurring,
    /// The parties' scores differ.
    Disagreeing {
        /// Highest minus lowest score.
        spread: u8,
    },
    /// The parties recorded an agreed result.
    Settled {
        /// The agreed score.
        score: u8,
    },
}

/// One action's evaluation across the parties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reconciled {
    /// The action's code.
    pub action: String,
    /// Each party's current score (its latest assessment).
    pub by_party: BTreeMap<String, u8>,
    /// Where it stands.
    pub state: State,
}

/// An assessment that cannot be accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("score {0} is outside 1..=5")]
pub struct BadScore(pub u8);

/// Checks a score.
pub fn check_score(score: u8) -> Result<u8, BadScore> {
    if SCORES.contains(&score) {
        Ok(score)
    } else {
        Err(BadScore(score))
    }
}

/// Reconciles one evaluation: `assessments` and `agreed` oldest first (a later
/// assessment by the same party replaces its earlier one), for the given
/// actions and parties. Actions come back in the order given.
pub fn reconcile(
    actions: &[String],
    parties: &[String],
    assessments: &[Assessment],
    agreed: &[Agreed],
) -> Vec<Reconciled> {
    let mut scores: BTreeMap<&str, BTreeMap<String, u8>> = BTreeMap::new();
    for a in assessments {
        scores
            .entry(a.action.as_str())
            .or_default()
            .insert(a.party.to_uppercase(), a.score);
    }
    let mut settled: BTreeMap<&str, u8> = BTreeMap::new();
    for a in agreed {
        settled.insert(a.action.as_str(), a.score);
    }
    actions
        .iter()
        .map(|code| {
            let by_party = scores.get(code.as_str()).cloned().unwrap_or_default();
            let missing: Vec<String> = parties
                .iter()
                .map(|p| p.to_uppercase())
                .filter(|p| !by_party.contains_key(p))
                .collect();
            let state = if let Some(&score) = settled.get(code.as_str()) {
                State::Settled { score }
            } else if !missing.is_empty() {
                State::Waiting { missing }
            } else {
                let hi = by_party.values().copied().max().unwrap_or(0);
                let lo = by_party.values().copied().min().unwrap_or(0);
                if hi == lo {
                    State::Concurring
                } else {
                    State::Disagreeing { spread: hi - lo }
                }
            };
            Reconciled {
                action: code.clone(),
                by_party,
                state,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(action: &str, party: &str, score: u8) -> Assessment {
        Assessment {
            evaluation: "mid-term".into(),
            action: action.into(),
            party: party.into(),
            score,
            note: String::new(),
        }
    }

    #[test]
    fn disagreements_are_visible_until_settled() {
        let actions = vec![
            "1.1.1".to_string(),
            "1.1.2".to_string(),
            "1.1.3".to_string(),
            "1.1.4".to_string(),
        ];
        let parties = vec!["DK".to_string(), "KR".to_string()];
        let assessments = [
            a("1.1.1", "DK", 4),
            a("1.1.1", "KR", 2),
            a("1.1.2", "DK", 3),
            a("1.1.3", "DK", 5),
            a("1.1.3", "KR", 5),
            a("1.1.4", "DK", 1),
            a("1.1.4", "KR", 3),
            a("1.1.4", "KR", 1),
        ];
        let agreed = [Agreed {
            evaluation: "mid-term".into(),
            action: "1.1.1".into(),
            score: 3,
            note: String::new(),
        }];
        let r = reconcile(&actions, &parties, &assessments, &agreed);
        assert_eq!(r[0].state, State::Settled { score: 3 });
        assert_eq!(
            r[0].by_party["KR"], 2,
            "each party's own score stays visible"
        );
        assert_eq!(
            r[1].state,
            State::Waiting {
                missing: vec!["KR".into()]
            }
        );
        assert_eq!(r[2].state, State::Concurring);
        assert_eq!(
            r[3].state,
            State::Concurring,
            "a later assessment replaces the party's earlier one"
        );
    }

    #[test]
    fn spread_is_reported() {
        let r = reconcile(
            &["x".into()],
            &["DK".into(), "KR".into()],
            &[a("x", "DK", 5), a("x", "KR", 1)],
            &[],
        );
        assert_eq!(r[0].state, State::Disagreeing { spread: 4 });
        assert!(check_score(6).is_err());
    }
}
