//! JP040: actions nobody could show to be done: no responsible organisation,
//! no output, no date or frequency.

use crate::lint::specificity::ActionSpecificity;
use crate::lint::{Diagnostic, Sink, actions_by_line};
use crate::model::Plan;

/// Reports every action with none of the three signals.
pub fn check(plan: &Plan, rated: &[ActionSpecificity], sink: &mut Sink) {
    if !sink.on("JP040") {
        return;
    }
    for ((line, action), r) in actions_by_line(plan).zip(rated) {
        if r.organisation || r.output || r.when {
            continue;
        }
        sink.push(
            Diagnostic::new(
                "JP040",
                action.span,
                format!(
                    "action {} names no responsible organisation, no output and no date or frequency",
                    action.code
                ),
            )
            .help("say who does what by when: the lead agency, the output (a workshop, an agreement, a programme) and a date or interval")
            .says("lint-jp040", &[("action", action.code.clone())])
            .help_says("lint-jp040-help", &[])
            .in_line(Some(line))
            .for_action(Some(&action.code)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::testkit::{PlanBuilder, findings};

    #[test]
    fn vague_action_fires() {
        let p = PlanBuilder::new()
            .line("Green", "SDG 12 (Responsible Consumption and Production).")
            .action("Cooperation on circular economy, including more sustainable production and consumption patterns.")
            .build();
        let f = findings(&p, "JP040");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].action.as_deref(), Some("1.1.1"));
    }

    #[test]
    fn any_signal_is_enough() {
        let p = PlanBuilder::new()
            .org("dba", "Danish Business Authority", &["DBA"], "DK")
            .line("Green", "SDG 12 (Responsible Consumption and Production).")
            .action("Annual cooperation on circular economy.")
            .action("Workshops on circular economy.")
            .action_by("Cooperation with DBA on circular economy.", &["dba"])
            .build();
        assert!(findings(&p, "JP040").is_empty());
    }
}
