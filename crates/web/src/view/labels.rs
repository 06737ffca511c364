//! The translated names of the plan model's fixed vocabularies: statuses,
//! levels, kinds, parties and SDG goals.

use jointplan_core::life::status::PlanStatus;
use jointplan_core::progress::{Level, Status};
use jointplan_core::{ActionKind, Plan, Strength};
use jointplan_store::OccurrenceStatus;

use crate::i18n::Tr;

/// A plan's stage.
pub fn plan_status(t: &Tr, status: PlanStatus) -> String {
    t.get(&format!("status-{}", status.as_str()))
}

/// A completion level.
pub fn level(t: &Tr, level: Level) -> String {
    t.get(&format!("level-{}", level.as_str()))
}

/// A report's status.
pub fn report_status(t: &Tr, status: Status) -> String {
    t.get(&format!("report-status-{}", status.as_str()))
}

/// A meeting's status.
pub fn meeting_status(t: &Tr, status: OccurrenceStatus) -> String {
    t.get(&format!("meeting-{}", status.as_str()))
}

/// An action's kind.
pub fn action_kind(t: &Tr, kind: ActionKind) -> String {
    t.get(&format!("kind-{}", kind.label().replace(' ', "-")))
}

/// An action's strength, with the hedging words as written.
pub fn strength(t: &Tr, strength: &Strength) -> String {
    match strength {
        Strength::Firm => t.get("strength-firm"),
        Strength::Hedged { hedges } => {
            let words: Vec<&str> = hedges.iter().map(|h| h.phrase.as_str()).collect();
            t.arg("strength-hedged", "words", &words.join(", "))
        }
    }
}

/// A party's name in the language, or as the plan writes it.
pub fn party(t: &Tr, plan: &Plan, code: &str) -> String {
    let id = format!("country-{}", code.to_ascii_lowercase());
    if t.has(&id) {
        return t.get(&id);
    }
    plan.partnership
        .parties
        .iter()
        .find(|p| p.code.eq_ignore_ascii_case(code))
        .map_or_else(|| code.to_owned(), |p| p.name.clone())
}

/// An SDG goal's number and short title in the language ("7 Clean energy").
pub fn goal(t: &Tr, number: u32) -> String {
    match jointplan_core::sdg::goal(number) {
        Some(g) => format!("{number} {}", g.short(t.lang().sdg())),
        None => number.to_string(),
    }
}

/// An SDG goal's full title in the language.
pub fn goal_title(t: &Tr, number: u32) -> String {
    jointplan_core::sdg::goal(number).map_or_else(
        || t.arg("sdg-unknown", "number", &number.to_string()),
        |g| g.title(t.lang().sdg()).to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_vocabulary_word_has_a_message_in_every_language() {
        for lang in Lang::ALL {
            let t = Tr::of(lang);
            let mut ids: Vec<String> = Vec::new();
            ids.extend(
                [PlanStatus::Draft, PlanStatus::InForce, PlanStatus::Closed]
                    .map(|s| format!("status-{}", s.as_str())),
            );
            ids.extend(Level::ALL.map(|l| format!("level-{}", l.as_str())));
            ids.extend(Status::ALL.map(|s| format!("report-status-{}", s.as_str())));
            ids.extend(ActionKind::ALL.map(|k| format!("kind-{}", k.label().replace(' ', "-"))));
            for id in ids {
                assert!(t.has(&id), "{} lacks {id}", lang.code());
            }
        }
    }

    #[test]
    fn goals_are_named_in_the_language() {
        assert!(goal(Tr::of(Lang::Ko), 13).starts_with("13 "));
        assert_ne!(goal(Tr::of(Lang::Ko), 13), goal(Tr::of(Lang::En), 13));
    }
}
