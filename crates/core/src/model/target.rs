use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// A national or joint quantitative goal ("20% renewable power by 2030").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Target {
    /// Party code, or none for a joint target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// What is measured, as written ("share of renewable power generation").
    pub measure: String,
    /// The value aimed at (`20`, `70`, `0` for net zero).
    pub value: f64,
    /// Unit: `%`, `net zero`, or a unit as written.
    pub unit: String,
    /// Which way the measure must move, if the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The year by which it is to be reached, if the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Baseline value, where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// The sentence fragment it was read from.
    pub text: String,
    /// Where it stands.
    pub span: Span,
}

/// Which way a target's measure must move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The measure must rise (a share of renewables).
    Increase,
    /// The measure must fall (emissions).
    Decrease,
    /// The measure must reach zero net (net zero emissions).
    NetZero,
}
