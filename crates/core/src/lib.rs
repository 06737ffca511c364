//! The jointplan domain: the plan model and every rule about plans.
//!
//! This crate is pure: no I/O, no async, no database. Importers, the store,
//! the web application and the CLI translate between the world and these
//! types; the meaning lives here, once.

pub mod action_words;
pub mod audit;
pub mod canonical;
pub mod country;
pub mod evaluation;
pub mod extract;
pub mod lint;
pub mod model;
pub mod progress;
pub mod recurrence;
pub mod revision;
pub mod rollup;
pub mod sdg;
pub mod span;
pub mod strength;
#[doc(hidden)]
pub mod test_random;

pub use model::*;
pub use recurrence::{Frequency, Recurrence};
pub use span::{LineIndex, MappedText, Span};
pub use strength::{Hedge, Strength};
