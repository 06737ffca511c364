//! JP060-JP061: agreements still to be confirmed, and agreements listed twice.

use std::collections::HashMap;

use crate::extract::agreements::{ParsedAgreement, same_agreement};
use crate::extract::normalise;
use crate::lint::{Diagnostic, Sink};
use crate::model::{Agreement, AgreementKind, AgreementStatus, Plan};

/// Checks the plan's list of agreements.
pub fn check(plan: &Plan, sink: &mut Sink) {
    for a in &plan.agreements {
        let line = a.lines.first().copied();
        if a.status == AgreementStatus::Pending
            && let Some(span) = a.spans.first()
        {
            let year = a.years.first().map(|y| format!("{y} ")).unwrap_or_default();
            sink.push(
                Diagnostic::new(
                    "JP060",
                    *span,
                    format!("\"{}\" is listed as a basis but is still to be confirmed ({year}TBC)", a.title),
                )
                .help("confirm it before signature, or move it to the actions (\"Conclude an MoU on …\")")
                .says(
                    "lint-jp060",
                    &[("agreement", a.title.clone()), ("year", year.clone())],
                )
                .help_says("lint-jp060-help", &[])
                .in_line(line),
            );
        }
        if let [first, rest @ ..] = a.spans.as_slice() {
            for (i, span) in rest.iter().enumerate() {
                let here = a.lines.get(i + 1).copied();
                let numbers = if a.lines.len() == a.spans.len() {
                    a.lines
                        .iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                } else {
                    String::new()
                };
                let lines = if numbers.is_empty() {
                    String::new()
                } else {
                    format!(" (under lines {numbers})")
                };
                sink.push(
                    Diagnostic::new(
                        "JP061",
                        *span,
                        format!("\"{}\" is listed twice{lines}", short(&a.title)),
                    )
                    .help("list it once, under the line it mainly supports")
                    .says(
                        "lint-jp061",
                        &[
                            ("agreement", short(&a.title).to_owned()),
                            ("lines", or_none(numbers)),
                        ],
                    )
                    .help_says("lint-jp061-help", &[])
                    .related(*first, "first listed here")
                    .in_line(here),
                );
            }
        }
    }
    separate_entries(&plan.agreements, sink);
}

/// Two entries of the model that list one agreement (a plan read from JSON
/// that was not merged on import). Indexed by kind, years and short title,
/// so the check stays linear in the number of agreements.
fn separate_entries(agreements: &[Agreement], sink: &mut Sink) {
    let mut first: HashMap<(AgreementKind, Vec<i32>, String), &Agreement> = HashMap::new();
    for b in agreements {
        let key = (b.kind, b.years.clone(), normalise(short(&b.title)));
        let Some(a) = first.get(&key).copied() else {
            first.insert(key, b);
            continue;
        };
        if !same_agreement(&parsed(a), &parsed(b)) {
            continue;
        }
        let (Some(at), Some(span)) = (a.spans.first(), b.spans.first()) else {
            continue;
        };
        sink.push(
            Diagnostic::new(
                "JP061",
                *span,
                format!("\"{}\" is listed twice", short(&b.title)),
            )
            .help("list it once, under the line it mainly supports")
            .says(
                "lint-jp061",
                &[
                    ("agreement", short(&b.title).to_owned()),
                    ("lines", or_none(String::new())),
                ],
            )
            .help_says("lint-jp061-help", &[])
            .related(*at, "first listed here")
            .in_line(b.lines.first().copied()),
        );
    }
}

fn parsed(a: &Agreement) -> ParsedAgreement {
    ParsedAgreement {
        title: a.title.clone(),
        kind: a.kind,
        parties: a.parties.clone(),
        years: a.years.clone(),
        status: a.status,
    }
}

/// The title up to "between …", which is what readers recognise.
/// A phrase argument that may be empty: `none` then, which a message can
/// select on (Fluent has no variant for the empty string).
fn or_none(value: String) -> String {
    if value.is_empty() {
        "none".into()
    } else {
        value
    }
}

fn short(title: &str) -> &str {
    title.split(" between ").next().unwrap_or(title)
}

#[cfg(test)]
mod tests {
    use crate::lint::testkit::{PlanBuilder, findings};

    #[test]
    fn pending_agreement_fires() {
        let p = PlanBuilder::new()
            .agreement("MoU on Technology and Digitalization", 2021, true, &[2])
            .agreement("MoU on Circular Economy", 2018, false, &[1])
            .build();
        let f = findings(&p, "JP060");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("2021 TBC"));
    }

    #[test]
    fn agreement_listed_under_two_lines_fires() {
        let p = PlanBuilder::new()
            .agreement(
                "Joint Statement on the Establishment of a Strategic Partnership",
                2011,
                false,
                &[1, 4],
            )
            .build();
        let f = findings(&p, "JP061");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("lines 1, 4"), "{}", f[0].message);
        assert_eq!(f[0].plan_line, Some(4));
        assert_eq!(f[0].related.len(), 1);
    }

    #[test]
    fn unmerged_entries_of_one_agreement_fire() {
        let p = PlanBuilder::new()
            .agreement(
                "Joint Statement on the Establishment of a Strategic Partnership between A and B",
                2011,
                false,
                &[1],
            )
            .agreement(
                "Joint Statement on the Establishment of a Strategic Partnership",
                2011,
                false,
                &[4],
            )
            .build();
        assert_eq!(findings(&p, "JP061").len(), 1);
    }

    #[test]
    fn distinct_signed_agreements_do_not_fire() {
        let p = PlanBuilder::new()
            .agreement("MoU on Circular Economy", 2018, false, &[1])
            .agreement("MoU on Cultural Cooperation", 2018, false, &[4])
            .build();
        assert!(findings(&p, "JP060").is_empty());
        assert!(findings(&p, "JP061").is_empty());
    }
}
