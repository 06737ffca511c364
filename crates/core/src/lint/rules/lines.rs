//! JP070-JP071: lines of effort that declare no SDG, and declared SDGs no
//! action of the line serves.

use std::collections::{BTreeSet, HashSet};

#[cfg(doc)]
use crate::lint::sdg_served;
use crate::lint::{Diagnostic, Sink};
use crate::model::Plan;
use crate::sdg::{self, Lang};

/// Checks each line's declared goals against its actions; `served` holds the
/// goals each line's actions serve (from [`sdg_served::served_by_lines`]).
pub fn check(plan: &Plan, served: &[BTreeSet<u32>], sink: &mut Sink) {
    let none = BTreeSet::new();
    for (i, line) in plan.lines.iter().enumerate() {
        if line.sdgs.is_empty() {
            sink.push(
                Diagnostic::new(
                    "JP070",
                    line.span,
                    format!("line {} ({}) declares no SDG", line.number, line.title),
                )
                .help("add the goals the line serves: \"The initiatives will support the promotion of SDG n (Title), …\"")
                .says(
                    "lint-jp070",
                    &[("line", line.number.to_string()), ("title", line.title.clone())],
                )
                .help_says("lint-jp070-help", &[])
                .in_line(Some(line.number)),
            );
            continue;
        }
        if !sink.on("JP071") || line.tracks.iter().all(|t| t.actions.is_empty()) {
            continue;
        }
        let served = served.get(i).unwrap_or(&none);
        let mut seen = HashSet::new();
        for m in &line.sdgs {
            if served.contains(&m.goal) || !seen.insert(m.goal) {
                continue;
            }
            let Some(goal) = sdg::goal(m.goal) else {
                continue;
            };
            sink.push(
                Diagnostic::new(
                    "JP071",
                    m.span,
                    format!(
                        "line {} declares SDG {} ({}), but none of its actions serves it",
                        line.number,
                        m.goal,
                        super::sdg::title_case(goal.short(Lang::En))
                    ),
                )
                .help(format!(
                    "add an action that works towards SDG {}, or drop it from line {}",
                    m.goal, line.number
                ))
                .says(
                    "lint-jp071",
                    &[
                        ("line", line.number.to_string()),
                        ("goal", m.goal.to_string()),
                        ("goal-title", super::sdg::title_case(goal.short(Lang::En))),
                    ],
                )
                .help_says(
                    "lint-jp071-help",
                    &[
                        ("line", line.number.to_string()),
                        ("goal", m.goal.to_string()),
                    ],
                )
                .in_line(Some(line.number)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::testkit::{PlanBuilder, findings};

    #[test]
    fn line_without_sdg_fires() {
        let p = PlanBuilder::new()
            .line("Politics", "We will work together.")
            .action("Annual consultations.")
            .build();
        assert_eq!(findings(&p, "JP070").len(), 1);
    }

    #[test]
    fn unserved_goal_fires_and_served_goals_do_not() {
        let p = PlanBuilder::new()
            .line(
                "Health",
                "SDG 3 (Good Health and Well-being), 13 (Climate Action) and 17 (Partnerships).",
            )
            .action("Knowledge-sharing on long-term care and ageing.")
            .action("Cooperation on clinical trials.")
            .build();
        let f = findings(&p, "JP071");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("SDG 13"));
        assert!(findings(&p, "JP070").is_empty());
    }

    #[test]
    fn a_named_goal_is_served() {
        let p = PlanBuilder::new()
            .line("Green", "SDG 7 (Affordable and Clean Energy).")
            .action("Cooperation on the national implementation of SDG7.")
            .build();
        assert!(findings(&p, "JP071").is_empty());
    }
}
