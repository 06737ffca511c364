//! `jointplan summary`: the plan's structure as a tree with counts.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::Result;
use jointplan_core::{AgreementStatus, Plan};
use serde::Serialize;

use crate::cli::InputArgs;
use crate::input;

/// The counts `summary --json` prints.
#[derive(Debug, Serialize)]
pub struct Counts {
    slug: String,
    title: String,
    lines: usize,
    tracks: usize,
    actions: usize,
    actions_hedged: usize,
    organisations: usize,
    mechanisms: usize,
    agreements: usize,
    agreements_pending: usize,
    signatories: usize,
    targets: usize,
    period_start: Option<i32>,
    period_end: Option<i32>,
}

impl Counts {
    fn of(plan: &Plan) -> Counts {
        Counts {
            slug: plan.slug.clone(),
            title: plan.title.clone(),
            lines: plan.lines.len(),
            tracks: plan.tracks().count(),
            actions: plan.actions().count(),
            actions_hedged: plan.actions().filter(|a| a.strength.is_hedged()).count(),
            organisations: plan.organisations.len(),
            mechanisms: plan.mechanisms.len(),
            agreements: plan.agreements.len(),
            agreements_pending: plan.agreements_pending(),
            signatories: plan.signatories.len(),
            targets: plan.targets.len(),
            period_start: plan.period.map(|p| p.start),
            period_end: plan.period.map(|p| p.end),
        }
    }
}

/// Runs the command.
pub fn run(args: &InputArgs, json: bool) -> Result<ExitCode> {
    let imported = input::load(args)?;
    let text = if json {
        let mut s = serde_json::to_string_pretty(&Counts::of(&imported.plan))?;
        s.push('\n');
        s
    } else {
        tree(&imported.plan)
    };
    super::write_out(None, &text)?;
    Ok(ExitCode::SUCCESS)
}

/// The plan as an indented tree with counts.
pub fn tree(plan: &Plan) -> String {
    let c = Counts::of(plan);
    let mut s = String::new();
    let _ = writeln!(s, "{}  [{}]", plan.title, plan.slug);
    let parties: Vec<String> = plan
        .partnership
        .parties
        .iter()
        .map(ToString::to_string)
        .collect();
    let _ = writeln!(s, "  parties: {}", parties.join(", "));
    if let Some(p) = plan.period {
        let _ = writeln!(s, "  period: {}-{}", p.start, p.end);
    }
    if let Some(d) = plan.signed {
        let _ = writeln!(s, "  signed: {d}");
    }
    for sig in &plan.signatories {
        let _ = writeln!(
            s,
            "  signatory: {}, {} [{}]",
            sig.name,
            sig.title,
            sig.party.as_deref().unwrap_or("?")
        );
    }
    for (li, line) in plan.lines.iter().enumerate() {
        let last_line = li + 1 == plan.lines.len();
        let sdgs: Vec<String> = line.sdgs.iter().map(|m| m.goal.to_string()).collect();
        let n_actions = line.actions().count();
        let _ = writeln!(
            s,
            "{} {}. {}  ({} tracks, {} actions{})",
            if last_line { "└─" } else { "├─" },
            line.number,
            line.title,
            line.tracks.len(),
            n_actions,
            if sdgs.is_empty() {
                String::new()
            } else {
                format!(", SDG {}", sdgs.join(" "))
            }
        );
        for (ti, track) in line.tracks.iter().enumerate() {
            let hedged = track
                .actions
                .iter()
                .filter(|a| a.strength.is_hedged())
                .count();
            let _ = writeln!(
                s,
                "{}  {} {} {}  ({} actions, {} hedged)",
                if last_line { " " } else { "│" },
                if ti + 1 == line.tracks.len() {
                    "└─"
                } else {
                    "├─"
                },
                track.code,
                if track.heading.is_empty() {
                    track.kind.label()
                } else {
                    &track.heading
                },
                track.actions.len(),
                hedged
            );
        }
    }
    let pending: Vec<&str> = plan
        .agreements
        .iter()
        .filter(|a| a.status == AgreementStatus::Pending)
        .map(|a| a.title.as_str())
        .collect();
    let _ = writeln!(
        s,
        "totals: {} lines, {} tracks, {} actions ({} hedged), {} organisations, {} mechanisms, {} agreements ({} pending), {} targets",
        c.lines,
        c.tracks,
        c.actions,
        c.actions_hedged,
        c.organisations,
        c.mechanisms,
        c.agreements,
        c.agreements_pending,
        c.targets
    );
    for m in &plan.mechanisms {
        let _ = writeln!(
            s,
            "  mechanism: {} — {} [{}]",
            m.name,
            m.recurrence.frequency.describe(),
            m.actions.join(", ")
        );
    }
    for p in pending {
        let _ = writeln!(s, "  pending agreement: {p}");
    }
    s
}
