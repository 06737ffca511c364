//! The jointplan domain: the plan model and every rule about plans.
//!
//! This crate is pure: no I/O, no async, no database. Importers, the store,
//! the web application and the CLI translate between the world and these
//! types; the meaning lives here, once.
//!
//! Its parts:
//! - the model: [`model`], with [`sdg`], [`country`], [`recurrence`],
//!   [`strength`], [`span`] and [`canonical`] (the signed JSON and its hash);
//! - reading a plan's text: [`extract`] (what a sentence says) and [`lint`]
//!   (what the text gets wrong);
//! - the plan's life: [`life`] (progress, evaluation, revision, audit);
//! - who may do what: [`access`].

pub mod access;
pub mod action_words;
pub mod canonical;
pub mod country;
pub mod extract;
pub mod life;
pub mod lint;
pub mod model;
pub mod recurrence;
pub mod sdg;
pub mod span;
pub mod strength;

pub use life::{audit, evaluation, progress, revision, rollup};
pub use model::*;
pub use recurrence::{Frequency, Recurrence};
pub use span::{LineIndex, MappedText, Span};
pub use strength::{Hedge, Strength};
