use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::recurrence::Recurrence;
use crate::span::Span;

/// A recurring body or meeting the plan sets up or relies on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Mechanism {
    /// Stable id within the plan (slug of the acronym or name).
    pub id: String,
    /// Name as first written ("Annual ministerial meetings in the Green Growth Alliance").
    pub name: String,
    /// How often it meets.
    pub recurrence: Recurrence,
    /// Codes of the actions that mention it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<String>,
    /// Where it is first named.
    pub span: Span,
}
