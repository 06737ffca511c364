//! JP001-JP003: SDG numbers, titles and target ids.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};

use crate::lint::{Diagnostic, Sink};
use crate::model::{Plan, SdgMention};
use crate::sdg::{self, Lang};

/// Checks every SDG mention of the lines and actions.
pub fn check(plan: &Plan, sink: &mut Sink) {
    for line in &plan.lines {
        for m in &line.sdgs {
            mention(m, Some(line.number), None, sink);
        }
        for a in line.actions() {
            for m in &a.sdgs {
                mention(m, Some(line.number), Some(&a.code), sink);
            }
        }
    }
}

fn mention(m: &SdgMention, line: Option<u32>, action: Option<&str>, sink: &mut Sink) {
    let Some(goal) = sdg::goal(m.goal) else {
        let meant = m.title_as_written.as_deref().and_then(sdg::goal_by_title);
        sink.push(
            Diagnostic::new(
                "JP002",
                m.span,
                format!(
                    "SDG {} does not exist: the goals are numbered 1 to 17",
                    m.goal
                ),
            )
            .says("lint-jp002", &[("number", m.goal.to_string())])
            .help_says(
                if meant.is_some() {
                    "lint-jp002-help-title"
                } else {
                    "lint-jp002-help"
                },
                &[(
                    "goal",
                    meant.map(|g| g.number.to_string()).unwrap_or_default(),
                )],
            )
            .help(match meant {
                Some(g) => format!(
                    "the title written is SDG {}'s: write SDG {}",
                    g.number, g.number
                ),
                None => "write the number of the goal meant (1-17)".into(),
            })
            .in_line(line)
            .for_action(action),
        );
        return;
    };
    if let Some(target) = &m.target
        && sdg::target(target).is_none()
    {
        let ids: Vec<&str> = goal.targets().map(|t| t.id.as_str()).collect();
        sink.push(
            Diagnostic::new(
                "JP003",
                m.span,
                format!("SDG target {target} does not exist"),
            )
            .help(format!(
                "goal {} has targets {}",
                goal.number,
                ids.join(", ")
            ))
            .says("lint-jp003", &[("target", target.clone())])
            .help_says(
                "lint-jp003-help",
                &[
                    ("goal", goal.number.to_string()),
                    ("targets", ids.join(", ")),
                ],
            )
            .in_line(line)
            .for_action(action),
        );
    }
    let Some(written) = m.title_as_written.as_deref() else {
        return;
    };
    let Some(other) = misfit(goal.number, written) else {
        return;
    };
    let other = other.and_then(sdg::goal);
    let message = match other {
        Some(o) => format!(
            "SDG {} is \"{}\", but the title written beside it, \"{written}\", is SDG {}'s",
            goal.number,
            title_case(goal.short(Lang::En)),
            o.number
        ),
        None => format!(
            "SDG {} is \"{}\", but the title written beside it is \"{written}\"",
            goal.number,
            title_case(goal.short(Lang::En))
        ),
    };
    let help = match other {
        Some(o) => format!(
            "write SDG {} ({written}), or SDG {} ({})",
            o.number,
            goal.number,
            title_case(goal.short(Lang::En))
        ),
        None => format!(
            "write SDG {} ({}) or the number of the goal meant",
            goal.number,
            title_case(goal.short(Lang::En))
        ),
    };
    // `X-title` beside a goal number `X`: the English here, the reader's
    // language where the message is translated.
    let args = [
        ("goal", goal.number.to_string()),
        ("goal-title", title_case(goal.short(Lang::En))),
        ("written", written.to_owned()),
        (
            "other",
            other.map(|o| o.number.to_string()).unwrap_or_default(),
        ),
    ];
    let (says, help_says) = match other {
        Some(_) => ("lint-jp001-other", "lint-jp001-other-help"),
        None => ("lint-jp001", "lint-jp001-help"),
    };
    sink.push(
        Diagnostic::new("JP001", m.span, message)
            .help(help)
            .says(says, &args)
            .help_says(help_says, &args)
            .in_line(line)
            .for_action(action),
    );
}

/// (goal, title as written) → the verdict of [`misfit`].
type FitMemo = HashMap<(u32, String), Option<Option<u32>>>;

/// Titles seen before and their verdicts: a ministry lints many plans with
/// the same few titles, and scoring a title against every goal's names
/// costs more than all the other rules together. Bounded; a memo of a pure
/// function, so results never depend on it.
static FITS: LazyLock<Mutex<FitMemo>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// `None` when `written` fits goal `number`; else the goal it fits instead, if one.
fn misfit(number: u32, written: &str) -> Option<Option<u32>> {
    let key = (number, written.to_owned());
    if let Some(v) = FITS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&key)
    {
        return *v;
    }
    let verdict = sdg::title_misfit(number, written).map(|other| other.map(|g| g.number));
    let mut memo = FITS.lock().unwrap_or_else(PoisonError::into_inner);
    if memo.len() > 4096 {
        memo.clear();
    }
    memo.insert(key, verdict);
    verdict
}

/// "Climate action" → "Climate Action", leaving small words lower case.
pub(crate) fn title_case(s: &str) -> String {
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && matches!(w, "and" | "of" | "for" | "the" | "on" | "in") {
                return w.to_owned();
            }
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use crate::lint::testkit::{PlanBuilder, findings};

    fn plan(ambition: &str) -> crate::model::Plan {
        PlanBuilder::new()
            .line("Health", ambition)
            .action("Cooperation on health and climate")
            .build()
    }

    #[test]
    fn wrong_title_fires_and_names_the_goal_it_belongs_to() {
        let p = plan(
            "The initiatives will support SDG 3 (Good Health and Well-being), 13 (Responsible Consumption and Production), and 17 (Partnerships).",
        );
        let f = findings(&p, "JP001");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("SDG 12's"), "{}", f[0].message);
        assert_eq!(f[0].plan_line, Some(1));
    }

    #[test]
    fn right_titles_in_any_language_do_not_fire() {
        let p = plan(
            "SDG 3 (Good Health & Well-being), 13 (Climate Action), 7 (Bæredygtig energi), 6 (깨끗한 물과 위생) and 17 (Partnerships).",
        );
        assert!(findings(&p, "JP001").is_empty());
    }

    #[test]
    fn out_of_range_goal_fires() {
        let p = plan("This supports SDG 18 (Climate Action).");
        let f = findings(&p, "JP002");
        assert_eq!(f.len(), 1);
        assert!(f[0].help.as_deref().unwrap_or("").contains("SDG 13"));
        assert!(findings(&plan("This supports SDG 13."), "JP002").is_empty());
    }

    #[test]
    fn unknown_target_fires_and_real_ones_do_not() {
        let p = plan("Contributing to SDG target 7.9 on efficiency.");
        assert_eq!(findings(&p, "JP003").len(), 1);
        let p = plan("Contributing to SDG target 7.3 and 1.a.");
        assert!(findings(&p, "JP003").is_empty());
    }
}
