//! Revisions: a change set applied to a plan version gives the next version,
//! and a readable diff between any two versions.
//!
//! A revision takes effect only when every party approves it; approvals
//! sign the content hash of the version it would produce
//! ([`crate::canonical::content_hash`]), so what was approved is exactly
//! what is stored. Stored change sets are applied again on the last
//! approval, so a change kind, once stored, must keep giving the same plan.
//!
//! Codes are identities people cite: no change renumbers the actions it
//! leaves in place, and a code once given is not given again in the same
//! plan. An action moved, merged or split gets new codes and keeps the old
//! ones as [`crate::Action::origins`]; [`lineage`] says whose progress
//! reports count for it.
//!
//! Its parts: the change kinds ([`Change`], [`ChangeSet`]), [`apply`] (with
//! the moves, merges and splits in `restructure`), [`diff`], [`lineage`],
//! and [`RevisionError`].

mod apply;
mod change;
mod diff;
mod error;
mod lineage;
mod restructure;
#[cfg(test)]
mod tests;

pub use apply::apply;
pub use change::{Change, ChangeSet};
pub use diff::{Difference, Op, diff};
pub use error::RevisionError;
pub use lineage::lineage;
