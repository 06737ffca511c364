//! How specific each action is (none, low, medium, high), and the
//! per-line summary table of `jointplan lint --summary`.
//!
//! Three signals, in the spirit of SMART objectives and OGP verifiability:
//! a responsible organisation, an output, and a date or frequency. The
//! rating counts them; a hedge lowers it one step.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::diagnostic::{Diagnostic, Severity};
use super::sdg_served;
use crate::model::{Action, ActionKind, Plan};
use crate::recurrence::Frequency;

/// How specific an action is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Specificity {
    /// None of the signals.
    None,
    /// One signal.
    Low,
    /// Two signals.
    Medium,
    /// All three, unhedged.
    High,
}

impl Specificity {
    /// Every rating, lowest first.
    pub const ALL: [Specificity; 4] = [
        Specificity::None,
        Specificity::Low,
        Specificity::Medium,
        Specificity::High,
    ];

    /// The lower-case name.
    pub fn name(self) -> &'static str {
        match self {
            Specificity::None => "none",
            Specificity::Low => "low",
            Specificity::Medium => "medium",
            Specificity::High => "high",
        }
    }
}

/// The signals and rating of one action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ActionSpecificity {
    /// Action code.
    pub code: String,
    /// Line of effort.
    pub line: u32,
    /// A responsible (non-multilateral) organisation is named.
    pub organisation: bool,
    /// An output is named (a meeting, workshop, agreement, programme, …).
    pub output: bool,
    /// A date, year or definite frequency is given.
    pub when: bool,
    /// Hedged ("possible", "explore", …).
    pub hedged: bool,
    /// The rating.
    pub rating: Specificity,
}

/// Words that name something that comes out of an action and can be seen to exist.
static OUTPUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?-u:\b)(
            meetings? | consultations? | summits? | workshops? | seminars? | conferences? | forums?
          | study\ (?:visits?|trips?) | visits? | missions? | events? | exhibitions? | festivals?
          | reports? | stud(?:y|ies) | surveys? | roadmaps? | strateg(?:y|ies) | guidelines?
          | action\ plans? | work\ programmes? | programmes? | programs? | projects? | pilots?
          | agreements? | mou | moc | memorand(?:um|a) | joint\ statements? | declarations?
          | trainings? | courses? | scholarships? | fellowships? | calls? | platforms? | databases?
          | networks? | centres? | centers? | flight\ connection
        )(?-u:\b)",
    )
    .expect("output pattern is valid")
});

/// A year, a month name or a deadline.
static WHEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?-u:\b)(
            (?:19|20)\d\d
          | january | february | march | april | june | july | august | september | october | november | december
          | by\ the\ end\ of | within\ (?:the\ )?(?:first|second|next)
        )(?-u:\b)",
    )
    .expect("date pattern is valid")
});

/// Rates one action of `plan`.
pub fn rate(plan: &Plan, line: u32, action: &Action) -> ActionSpecificity {
    let organisation = action
        .organisations
        .iter()
        .any(|r| plan.organisation(&r.id).is_none_or(|o| !o.multilateral));
    let output = matches!(action.kind, ActionKind::Agreement) || OUTPUT.is_match(&action.text);
    let when = action
        .recurrence
        .as_ref()
        .is_some_and(|r| r.frequency != Frequency::Unspecified)
        || WHEN.is_match(&action.text);
    let hedged = action.strength.is_hedged();
    let signals = usize::from(organisation) + usize::from(output) + usize::from(when);
    let level = signals.saturating_sub(usize::from(hedged));
    let rating = Specificity::ALL[level.min(3)];
    ActionSpecificity {
        code: action.code.clone(),
        line,
        organisation,
        output,
        when,
        hedged,
        rating,
    }
}

/// Rates every action, in document order.
pub fn rate_all(plan: &Plan) -> Vec<ActionSpecificity> {
    super::actions_by_line(plan)
        .map(|(n, a)| rate(plan, n, a))
        .collect()
}

/// One row of the per-line summary table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LineSummary {
    /// Line number.
    pub line: u32,
    /// Line title.
    pub title: String,
    /// Number of actions.
    pub actions: usize,
    /// Number of hedged actions.
    pub hedged: usize,
    /// Actions rated none, low, medium, high.
    pub specificity: [usize; 4],
    /// SDGs the line declares.
    pub sdgs_declared: Vec<u32>,
    /// Declared SDGs some action of the line serves.
    pub sdgs_served: Vec<u32>,
    /// Findings in this line: errors, warnings, infos.
    pub diagnostics: [usize; 3],
}

/// The per-line summary of a plan's ratings and findings.
pub fn summarise(
    plan: &Plan,
    actions: &[ActionSpecificity],
    diagnostics: &[Diagnostic],
) -> Vec<LineSummary> {
    let served = sdg_served::served_by_lines(plan);
    summarise_with(plan, actions, diagnostics, &served)
}

/// [`summarise`] with the goals each line serves already known (one per line, in order).
pub fn summarise_with(
    plan: &Plan,
    actions: &[ActionSpecificity],
    diagnostics: &[Diagnostic],
    served: &[BTreeSet<u32>],
) -> Vec<LineSummary> {
    let none = BTreeSet::new();
    plan.lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let rated: Vec<&ActionSpecificity> =
                actions.iter().filter(|a| a.line == line.number).collect();
            let mut specificity = [0; 4];
            for a in &rated {
                specificity[a.rating as usize] += 1;
            }
            let declared: BTreeSet<u32> = line.sdgs.iter().map(|m| m.goal).collect();
            let served = served.get(i).unwrap_or(&none);
            let mut counts = [0; 3];
            for d in diagnostics
                .iter()
                .filter(|d| d.plan_line == Some(line.number))
            {
                let i = Severity::ALL
                    .iter()
                    .position(|s| *s == d.severity)
                    .unwrap_or(2);
                counts[i] += 1;
            }
            LineSummary {
                line: line.number,
                title: line.title.clone(),
                actions: rated.len(),
                hedged: rated.iter().filter(|a| a.hedged).count(),
                specificity,
                sdgs_served: declared
                    .iter()
                    .copied()
                    .filter(|g| served.contains(g))
                    .collect(),
                sdgs_declared: line.sdgs.iter().map(|m| m.goal).collect(),
                diagnostics: counts,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testkit::PlanBuilder;

    #[test]
    fn ratings_count_signals_and_hedges_lower_them() {
        let p = PlanBuilder::new()
            .org("msit", "Ministry of Science and ICT", &["MSIT"], "KR")
            .line(
                "Science",
                "SDG 9 (Industry, Innovation and Infrastructure).",
            )
            .action_by("Biennial Joint Committee Meetings with MSIT.", &["msit"])
            .action("Annual workshops on energy.")
            .action("Cooperation on circular economy.")
            .action("Possible joint events in 2022.")
            .build();
        let r: Vec<Specificity> = rate_all(&p).iter().map(|a| a.rating).collect();
        assert_eq!(
            r,
            [
                Specificity::High,
                Specificity::Medium,
                Specificity::None,
                Specificity::Low
            ]
        );
        let s = summarise(&p, &rate_all(&p), &[]);
        assert_eq!(s[0].specificity, [1, 1, 1, 1]);
        assert_eq!(s[0].hedged, 1);
    }
}
