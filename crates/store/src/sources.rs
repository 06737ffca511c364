//! The signed text each imported plan version came from, kept beside it
//! so that lint findings can be shown with the words around them.

use jointplan_core::Plan;
use serde_json::json;

use crate::error::{Result, StoreError};
use crate::rows::{insert_row, table};
use crate::seam::{Tx, q};
use crate::types::SourceText;

/// Stores `text` as the source of version `version_id`, described by the
/// plan's `source` (name, format, digest of the file's bytes).
pub(crate) async fn insert_source(
    tx: &mut Tx,
    version_id: i64,
    plan: &Plan,
    text: &str,
) -> Result<()> {
    let Some(source) = &plan.source else {
        return Err(StoreError::Invalid(
            "the plan does not say which document it was imported from".into(),
        ));
    };
    if text.is_empty() {
        return Err(StoreError::Invalid(format!(
            "{}: the source text is empty",
            source.name
        )));
    }
    let values = [
        json!(version_id),
        json!(source.name),
        json!(source.format),
        json!(source.sha256),
        json!(text),
    ];
    insert_row(tx, table("plan_sources")?, &values).await
}

/// The source of plan `slug` as of its current version: the text of the
/// latest version up to the current one that has any (a revision makes a
/// version without a document of its own; its unchanged spans still index
/// the text it was revised from).
pub(crate) async fn current_source(tx: &mut Tx, plan_id: i64) -> Result<Option<SourceText>> {
    tx.optional(
        q(
            "SELECT s.name, s.format, s.sha256, s.text FROM plan_sources s \
           JOIN plan_versions v ON v.id = s.version_id \
           JOIN plans p ON p.id = v.plan_id \
           WHERE p.id = $1 AND v.number <= p.current_version \
           ORDER BY v.number DESC LIMIT 1",
        )
        .bind(plan_id),
    )
    .await
}
