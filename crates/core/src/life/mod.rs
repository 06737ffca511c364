//! The plan's life after signing: progress reports and their roll-up,
//! evaluations, revisions agreed by both parties, and the audit chain.

pub mod audit;
pub mod evaluation;
pub mod progress;
pub mod revision;
pub mod rollup;
pub mod status;
