//! The lines × SDGs matrix: which goals each line declares, and how many
//! of its actions name each goal.

use std::collections::BTreeSet;

use jointplan_core::Plan;

use super::labels;
use crate::i18n::Tr;

/// One goal's column.
#[derive(Debug, Clone)]
pub struct Column {
    /// "7 Clean energy", in the language.
    pub label: String,
    /// The goal's full title.
    pub title: String,
}

/// One line's cell for one goal.
#[derive(Debug, Clone)]
pub struct Mark {
    /// What a screen reader and a printer read: "declared", "2 actions", or empty.
    pub text: String,
    /// Whether the line declares the goal.
    pub declared: bool,
}

/// One line's row.
#[derive(Debug, Clone)]
pub struct Row {
    /// The line's number and title.
    pub label: String,
    /// The line's page.
    pub href: String,
    /// One mark per column.
    pub marks: Vec<Mark>,
}

/// The whole matrix.
#[derive(Debug, Clone)]
pub struct Matrix {
    /// The goals any line declares or any action names, in number order.
    pub columns: Vec<Column>,
    /// One row per line.
    pub rows: Vec<Row>,
}

/// The matrix of a plan.
pub fn of(t: &Tr, plan: &Plan) -> Matrix {
    let goals: BTreeSet<u32> = plan
        .lines
        .iter()
        .flat_map(|l| l.sdgs.iter().chain(l.actions().flat_map(|a| a.sdgs.iter())))
        .map(|m| m.goal)
        .filter(|g| jointplan_core::sdg::goal(*g).is_some())
        .collect();
    let rows = plan
        .lines
        .iter()
        .map(|line| Row {
            label: format!("{}. {}", line.number, line.title),
            href: format!("/plans/{}/lines/{}", plan.slug, line.number),
            marks: goals
                .iter()
                .map(|goal| {
                    let declared = line.sdgs.iter().any(|m| m.goal == *goal);
                    let actions = line
                        .actions()
                        .filter(|a| a.sdgs.iter().any(|m| m.goal == *goal))
                        .count();
                    let text = match (declared, actions) {
                        (false, 0) => String::new(),
                        (true, 0) => t.get("matrix-declared"),
                        (false, n) => t.count("matrix-actions", n),
                        (true, n) => {
                            format!(
                                "{}, {}",
                                t.get("matrix-declared"),
                                t.count("matrix-actions", n)
                            )
                        }
                    };
                    Mark { text, declared }
                })
                .collect(),
        })
        .collect();
    Matrix {
        columns: goals
            .iter()
            .map(|g| Column {
                label: labels::goal(t, *g),
                title: labels::goal_title(t, *g),
            })
            .collect(),
        rows,
    }
}
