//! The rule families, one file each. Every family has a `check` that pushes
//! its findings into a [`super::Sink`].

pub mod acronyms;
pub mod agreements;
pub mod duplicates;
pub mod frequency;
pub mod hedges;
pub mod lines;
pub mod sdg;
pub mod targets;
pub mod verifiability;
