//! Progress per line and party, as a table.

use jointplan_core::Plan;
use jointplan_core::rollup::{PlanRollup, Score};
use jointplan_store::LineProgress;

use super::labels;
use crate::format;
use crate::i18n::Tr;

/// One cell: a party's completion of a line.
#[derive(Debug, Clone)]
pub struct Cell {
    /// Whole percentage, for `<progress>`.
    pub value: u32,
    /// The percentage as the language writes it.
    pub percent: String,
    /// "3 of 12 reported".
    pub reported: String,
}

/// One row: a line (or the whole plan) across the parties.
#[derive(Debug, Clone)]
pub struct Row {
    /// The line's title, with its number.
    pub label: String,
    /// The line's page, when there is one.
    pub href: Option<String>,
    /// One cell per party, in the header's order.
    pub cells: Vec<Cell>,
}

/// Completion per line and party.
#[derive(Debug, Clone)]
pub struct Table {
    /// The parties' names, as column headers.
    pub parties: Vec<String>,
    /// One row per line.
    pub rows: Vec<Row>,
    /// The whole plan.
    pub total: Row,
}

fn cell(t: &Tr, score: &Score) -> Cell {
    let lang = t.lang();
    Cell {
        value: score.percent(),
        percent: format::percent(lang, score.completion),
        reported: t.args(
            "progress-reported",
            &[
                ("reported", format::integer(lang, score.reported as u64)),
                ("actions", format::integer(lang, score.actions as u64)),
            ],
        ),
    }
}

/// The column headers: the parties' names, in the roll-ups' order.
fn party_names(t: &Tr, plan: &Plan, rollups: &[PlanRollup]) -> Vec<String> {
    rollups
        .iter()
        .map(|r| labels::party(t, plan, &r.party))
        .collect()
}

/// Each party's cell for the line at `index`.
fn line_cells(t: &Tr, rollups: &[PlanRollup], index: usize) -> Vec<Cell> {
    rollups
        .iter()
        .map(|r| cell(t, &r.lines.get(index).map(|l| l.score).unwrap_or_default()))
        .collect()
}

/// The table of a plan's roll-ups (one per party, from `rollup::plan_rollups`).
pub fn from_rollups(t: &Tr, plan: &Plan, rollups: &[PlanRollup]) -> Table {
    let rows = plan
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| Row {
            label: format!("{}. {}", line.number, line.title),
            href: Some(format!("/plans/{}/lines/{}", plan.slug, line.number)),
            cells: line_cells(t, rollups, i),
        })
        .collect();
    Table {
        parties: party_names(t, plan, rollups),
        rows,
        total: Row {
            label: t.get("progress-all-lines"),
            href: None,
            cells: rollups.iter().map(|r| cell(t, &r.score)).collect(),
        },
    }
}

/// The table of a plan from the store's portfolio roll-up rows.
pub fn from_rows(t: &Tr, plan: &Plan, rows: &[LineProgress]) -> Table {
    let parties: Vec<String> = plan
        .partnership
        .parties
        .iter()
        .map(|p| p.code.clone())
        .collect();
    let score_of = |party: &str, line: u32| {
        rows.iter()
            .find(|r| r.party.eq_ignore_ascii_case(party) && r.line == i64::from(line))
            .map(|r| r.score)
            .unwrap_or_else(|| {
                let actions = plan
                    .lines
                    .iter()
                    .find(|l| l.number == line)
                    .map_or(0, |l| l.actions().count());
                Score::from_counts(actions, [0; 4])
            })
    };
    let table_rows = plan
        .lines
        .iter()
        .map(|line| Row {
            label: format!("{}. {}", line.number, line.title),
            href: Some(format!("/plans/{}/lines/{}", plan.slug, line.number)),
            cells: parties
                .iter()
                .map(|p| cell(t, &score_of(p, line.number)))
                .collect(),
        })
        .collect();
    let total = |party: &str| {
        let lines: Vec<Score> = plan
            .lines
            .iter()
            .map(|l| score_of(party, l.number))
            .collect();
        let actions: usize = lines.iter().map(|s| s.actions).sum();
        let done: f64 = lines.iter().map(|s| s.completion * s.actions as f64).sum();
        let mut by_level = [0; 4];
        for s in &lines {
            for (sum, n) in by_level.iter_mut().zip(s.by_level) {
                *sum += n;
            }
        }
        Score {
            actions,
            reported: lines.iter().map(|s| s.reported).sum(),
            by_level,
            completion: if actions == 0 {
                0.0
            } else {
                done / actions as f64
            },
        }
    };
    Table {
        parties: parties.iter().map(|p| labels::party(t, plan, p)).collect(),
        rows: table_rows,
        total: Row {
            label: t.get("progress-all-lines"),
            href: None,
            cells: parties.iter().map(|p| cell(t, &total(p))).collect(),
        },
    }
}

/// The table of one line (by its index in the plan): a row per track.
pub fn for_line(t: &Tr, plan: &Plan, rollups: &[PlanRollup], index: usize) -> Table {
    let Some(line) = plan.lines.get(index) else {
        return from_rollups(t, plan, rollups);
    };
    let rows = line
        .tracks
        .iter()
        .enumerate()
        .map(|(ti, track)| Row {
            label: format!("{} {}", track.code, track.heading),
            href: None,
            cells: rollups
                .iter()
                .map(|r| {
                    let score = r
                        .lines
                        .get(index)
                        .and_then(|l| l.tracks.get(ti))
                        .map(|tr| tr.score)
                        .unwrap_or_default();
                    cell(t, &score)
                })
                .collect(),
        })
        .collect();
    Table {
        parties: party_names(t, plan, rollups),
        rows,
        total: Row {
            label: format!("{}. {}", line.number, line.title),
            href: None,
            cells: line_cells(t, rollups, index),
        },
    }
}
