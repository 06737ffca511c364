//! Whose progress reports count for an action after moves, merges and splits.

use crate::Plan;

/// The codes whose progress reports count for action `code`: its own code,
/// then the codes it had before revisions moved, merged or split it, oldest
/// first. Empty when the plan has no action `code`.
pub fn lineage(plan: &Plan, code: &str) -> Vec<String> {
    plan.action(code)
        .map(|a| {
            std::iter::once(a.code.clone())
                .chain(a.origins.iter().cloned())
                .collect()
        })
        .unwrap_or_default()
}
