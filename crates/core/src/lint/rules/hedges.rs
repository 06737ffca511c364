//! JP030-JP031: hedged commitments, per action and per line of effort.

use crate::lint::{Diagnostic, Sink};
use crate::model::Plan;

/// Reports each hedged action and, per line, how many of its actions are hedged.
pub fn check(plan: &Plan, sink: &mut Sink) {
    for line in &plan.lines {
        let actions: Vec<_> = line.actions().collect();
        let hedged: Vec<_> = actions.iter().filter(|a| a.strength.is_hedged()).collect();
        for a in &hedged {
            let hedges = a.strength.hedges();
            let words: Vec<String> = hedges.iter().map(|h| format!("\"{}\"", h.phrase)).collect();
            let span = hedges.first().map_or(a.span, |h| h.span);
            let mut d = Diagnostic::new(
                "JP030",
                span,
                format!(
                    "action {} of line {} is hedged by {}",
                    a.code,
                    line.number,
                    words.join(", ")
                ),
            )
            .help("if the parties mean to do it, drop the hedge; otherwise keep it knowingly")
            .says(
                "lint-jp030",
                &[
                    ("action", a.code.clone()),
                    ("line", line.number.to_string()),
                    ("hedges", words.join(", ")),
                ],
            )
            .help_says("lint-jp030-help", &[])
            .in_line(Some(line.number))
            .for_action(Some(&a.code));
            for h in hedges.iter().skip(1) {
                d = d.related(h.span, format!("also hedged by \"{}\"", h.phrase));
            }
            sink.push(d);
        }
        if hedged.is_empty() {
            continue;
        }
        let codes: Vec<&str> = hedged.iter().map(|a| a.code.as_str()).collect();
        let share = hedged.len() * 100 / actions.len().max(1);
        sink.push(
            Diagnostic::new(
                "JP031",
                line.span,
                format!(
                    "line {} ({}): {} of {} actions are hedged ({share}%): {}",
                    line.number,
                    line.title,
                    hedged.len(),
                    actions.len(),
                    codes.join(", ")
                ),
            )
            .help("firm up the hedged actions the parties mean to carry out")
            .says(
                "lint-jp031",
                &[
                    ("line", line.number.to_string()),
                    ("title", line.title.clone()),
                    ("hedged", hedged.len().to_string()),
                    ("actions", actions.len().to_string()),
                    ("share", share.to_string()),
                    ("codes", codes.join(", ")),
                ],
            )
            .help_says("lint-jp031-help", &[])
            .in_line(Some(line.number)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::testkit::{PlanBuilder, findings};

    #[test]
    fn hedged_actions_fire_per_action_and_per_line() {
        let p = PlanBuilder::new()
            .line("Green", "SDG 13 (Climate Action).")
            .action("Possible joint P4G events in relevant fora.")
            .action("Collaboration when relevant in selected negotiations.")
            .action("Annual ministerial meetings.")
            .build();
        let per_action = findings(&p, "JP030");
        assert_eq!(per_action.len(), 2);
        assert_eq!(per_action[0].span.column, 1);
        assert_eq!(per_action[0].span.end_column, 9);
        let per_line = findings(&p, "JP031");
        assert_eq!(per_line.len(), 1);
        assert!(
            per_line[0].message.contains("2 of 3"),
            "{}",
            per_line[0].message
        );
    }

    #[test]
    fn firm_actions_do_not_fire() {
        let p = PlanBuilder::new()
            .line("Green", "SDG 13 (Climate Action).")
            .action("Annual ministerial meetings.")
            .action("Trade flows as smoothly as possible.")
            .build();
        assert!(findings(&p, "JP030").is_empty());
        assert!(findings(&p, "JP031").is_empty());
    }
}
