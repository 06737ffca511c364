//! JP080-JP081: quantitative targets without a direction or a year.

use crate::lint::{Diagnostic, Sink};
use crate::model::Plan;

/// Checks every target of the plan.
pub fn check(plan: &Plan, sink: &mut Sink) {
    for t in &plan.targets {
        let line = plan
            .lines
            .iter()
            .find(|l| {
                l.ambition
                    .iter()
                    .any(|p| p.span.start <= t.span.start && t.span.end <= p.span.end)
            })
            .map(|l| l.number);
        if t.direction.is_none() {
            sink.push(
                Diagnostic::new(
                    "JP080",
                    t.span,
                    format!(
                        "the target \"{}\" does not say whether {} must rise or fall",
                        t.text, t.measure
                    ),
                )
                .help(format!(
                    "say what moves and from what: \"a {}{} reduction in {} … compared with <baseline year>\" or \"an increase … to {}{}\"",
                    t.value, t.unit, t.measure, t.value, t.unit
                ))
                .says(
                    "lint-jp080",
                    &[("target", t.text.clone()), ("measure", t.measure.clone())],
                )
                .help_says(
                    "lint-jp080-help",
                    &[
                        ("amount", format!("{}{}", t.value, t.unit)),
                        ("measure", t.measure.clone()),
                    ],
                )
                .in_line(line),
            );
        }
        if t.year.is_none() {
            sink.push(
                Diagnostic::new(
                    "JP081",
                    t.span,
                    format!("the target \"{}\" has no year", t.text),
                )
                .help("add the year by which it is to be reached: \"… by 2030\"")
                .says("lint-jp081", &[("target", t.text.clone())])
                .help_says("lint-jp081-help", &[])
                .in_line(line),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::testkit::{PlanBuilder, findings};
    use crate::model::Direction;

    #[test]
    fn missing_direction_and_year_fire() {
        let p = PlanBuilder::new()
            .target("70% GHG emissions by 2030", None, Some(2030))
            .target(
                "increasing renewables to 20%",
                Some(Direction::Increase),
                None,
            )
            .build();
        assert_eq!(findings(&p, "JP080").len(), 1);
        assert_eq!(findings(&p, "JP081").len(), 1);
    }

    #[test]
    fn complete_targets_do_not_fire() {
        let p = PlanBuilder::new()
            .target(
                "a 70% reduction in GHG emissions by 2030",
                Some(Direction::Decrease),
                Some(2030),
            )
            .target("net zero by 2050", Some(Direction::NetZero), Some(2050))
            .build();
        assert!(findings(&p, "JP080").is_empty());
        assert!(findings(&p, "JP081").is_empty());
    }
}
