//! The plan as Markdown.

use std::fmt::Write as _;

use jointplan_core::{AgreementStatus, Plan, Strength};

/// Renders a plan as Markdown: front matter, lines with tracks and actions, agreements.
pub fn markdown(plan: &Plan) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", plan.title);
    let parties: Vec<String> = plan
        .partnership
        .parties
        .iter()
        .map(ToString::to_string)
        .collect();
    let _ = writeln!(s, "- **Parties:** {}", parties.join(", "));
    if let Some(p) = plan.period {
        let _ = writeln!(s, "- **Period:** {}–{}", p.start, p.end);
    }
    if let Some(d) = plan.signed {
        let _ = writeln!(s, "- **Signed:** {d}");
    }
    for sig in &plan.signatories {
        let _ = writeln!(s, "- **Signatory:** {}, {}", sig.name, sig.title);
    }
    s.push('\n');
    if !plan.preamble.is_empty() {
        let _ = writeln!(s, "## Preamble\n");
        for p in &plan.preamble {
            let _ = writeln!(s, "{}\n", p.text);
        }
    }
    if !plan.cross_cutting.is_empty() {
        let _ = writeln!(s, "**Cross-cutting priorities:**\n");
        for p in &plan.cross_cutting {
            let _ = writeln!(s, "- {}", p.text);
        }
        s.push('\n');
    }
    for line in &plan.lines {
        let _ = writeln!(s, "## {}. {}\n", line.number, line.title);
        for p in &line.ambition {
            let _ = writeln!(s, "{}\n", p.text);
        }
        if !line.sdgs.is_empty() {
            let goals: Vec<String> = line
                .sdgs
                .iter()
                .map(|m| format!("SDG {}", m.goal))
                .collect();
            let _ = writeln!(s, "*Declared SDGs:* {}\n", goals.join(", "));
        }
        for track in &line.tracks {
            let heading = if track.heading.is_empty() {
                track.kind.label()
            } else {
                &track.heading
            };
            let _ = writeln!(s, "### {} {}\n", track.code, heading);
            for a in &track.actions {
                let hedge = match &a.strength {
                    Strength::Firm => String::new(),
                    Strength::Hedged { hedges } => {
                        let words: Vec<&str> = hedges.iter().map(|h| h.phrase.as_str()).collect();
                        format!(" *(hedged: {})*", words.join(", "))
                    }
                };
                let _ = writeln!(s, "- **{}** {}{}", a.code, a.text, hedge);
            }
            s.push('\n');
        }
    }
    if !plan.agreements.is_empty() {
        let _ = writeln!(s, "## Agreements\n");
        for a in &plan.agreements {
            let years: Vec<String> = a.years.iter().map(i32::to_string).collect();
            let status = if a.status == AgreementStatus::Pending {
                " — **pending (TBC)**"
            } else {
                ""
            };
            let _ = writeln!(s, "- {} ({}){}", a.title, years.join("–"), status);
        }
        s.push('\n');
    }
    if !plan.targets.is_empty() {
        let _ = writeln!(s, "## Targets\n");
        for t in &plan.targets {
            let year = t.year.map(|y| format!(" by {y}")).unwrap_or_default();
            let party = t
                .party
                .as_deref()
                .map(|p| format!("{p}: "))
                .unwrap_or_default();
            let _ = writeln!(s, "- {party}{} — {}{}{year}", t.measure, t.value, t.unit);
        }
    }
    s
}
