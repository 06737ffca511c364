//! JP020-JP021: frequency words with two readings, and recurrences with no interval.

use std::collections::HashSet;

use crate::lint::text::sub_span;
use crate::lint::{Diagnostic, Sink, actions_by_line};
use crate::model::Plan;
use crate::recurrence::{self, Frequency};
use crate::span::Span;

/// Checks the recurrence words of every action and mechanism.
pub fn check(plan: &Plan, sink: &mut Sink) {
    if !sink.on("JP020") && !sink.on("JP021") {
        return;
    }
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    for (line, a) in actions_by_line(plan) {
        // The model keeps the first recurrence; an action may state several.
        let exact = a.span.line == a.span.end_line && a.span.len() == a.text.len();
        for (r, frequency, alternative) in recurrence::find_all(&a.text) {
            let span = if exact {
                sub_span(a.span, &a.text, r.clone())
            } else if let Some(rec) = a
                .recurrence
                .as_ref()
                .filter(|x| x.phrase == a.text[r.clone()])
            {
                rec.span
            } else {
                a.span
            };
            if !seen.insert((span.start, span.end)) {
                continue;
            }
            let phrase = &a.text[r];
            report(
                phrase,
                frequency,
                alternative,
                span,
                Some(line),
                Some(&a.code),
                sink,
            );
        }
    }
    for m in &plan.mechanisms {
        let r = &m.recurrence;
        if seen.insert((r.span.start, r.span.end)) {
            report(
                &r.phrase,
                r.frequency,
                r.alternative,
                r.span,
                None,
                None,
                sink,
            );
        }
    }
}

fn report(
    phrase: &str,
    frequency: Frequency,
    alternative: Option<Frequency>,
    span: Span,
    line: Option<u32>,
    action: Option<&str>,
    sink: &mut Sink,
) {
    if let Some(alt) = alternative {
        sink.push(
            Diagnostic::new(
                "JP020",
                span,
                format!(
                    "\"{phrase}\" has two readings: {} or {}",
                    frequency.describe(),
                    alt.describe()
                ),
            )
            .help(format!(
                "write \"{}\" or \"{}\"",
                plain(frequency),
                plain(alt)
            ))
            .in_line(line)
            .for_action(action),
        );
    } else if frequency == Frequency::Unspecified {
        sink.push(
            Diagnostic::new(
                "JP021",
                span,
                format!("\"{phrase}\" says it recurs but not how often"),
            )
            .help("state the interval: \"annual\", \"twice a year\", \"every two years\"")
            .says("lint-jp021", &[("phrase", phrase.to_string())])
            .help_says("lint-jp021-help", &[])
            .in_line(line)
            .for_action(action),
        );
    }
}

/// The unambiguous wording of a frequency.
fn plain(f: Frequency) -> String {
    match f {
        Frequency::Years { interval: 2 } => "every two years (biennial)".into(),
        Frequency::Months { interval: 2 } => "every two months".into(),
        Frequency::Weeks { interval: 2 } => "every two weeks".into(),
        Frequency::Unspecified => "twice a week".into(),
        other => other.describe(),
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::testkit::{PlanBuilder, findings};

    #[test]
    fn ambiguous_words_fire_with_both_readings() {
        let p = PlanBuilder::new()
            .line("Arctic", "SDG 14 (Life Below Water).")
            .action(
                "Dialogue on Arctic affairs, including bi-annual senior official consultations.",
            )
            .action("Biannual reviews and bimonthly calls.")
            .build();
        let f = findings(&p, "JP020");
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(f[0].message.contains("twice a year") && f[0].message.contains("every 2 years"));
        assert_eq!(f[0].span.column, 39);
    }

    #[test]
    fn vague_words_fire() {
        let p = PlanBuilder::new()
            .line(
                "Politics",
                "SDG 16 (Peace, Justice and Strong Institutions).",
            )
            .action("Regular political consultations in Seoul or Copenhagen.")
            .build();
        assert_eq!(findings(&p, "JP021").len(), 1);
    }

    #[test]
    fn clear_frequencies_do_not_fire() {
        let p = PlanBuilder::new()
            .line("Green", "SDG 13 (Climate Action).")
            .action("Annual ministerial meetings and biennial committee meetings, twice a year if needed.")
            .build();
        assert!(findings(&p, "JP020").is_empty());
        assert!(findings(&p, "JP021").is_empty());
    }
}
