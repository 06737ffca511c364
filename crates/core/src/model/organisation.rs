use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// A ministry, agency, cluster or multilateral body named in a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Organisation {
    /// Stable id within the plan: a lower-case slug of the first acronym or the name.
    pub id: String,
    /// Full name, where the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Acronyms it is given, in order of first appearance (`DMA`, `DKMA`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acronyms: Vec<String>,
    /// Other names it goes by in the text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Party code, where the text or the name tells ("Korean Ministry of …" → `KR`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// True for international and multilateral bodies.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub multilateral: bool,
    /// Where it is first named.
    pub span: Span,
}

impl Organisation {
    /// The shortest label: first acronym, else the name, else the id.
    pub fn label(&self) -> &str {
        self.acronyms
            .first()
            .map(String::as_str)
            .or(self.name.as_deref())
            .unwrap_or(&self.id)
    }
}
