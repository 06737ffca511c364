//! Who may do what: the rules that keep each government from acting for
//! the other, written once for the store, the CLI, the web pages and the API.
//!
//! The store and the web build a [`Principal`] (who asks), an [`Act`] (what
//! they ask to do, with the facts the rule needs) and, for acts on a plan, a
//! [`PlanScope`]; [`check`] answers yes, or a [`Refusal`] that names the
//! rule. Neither caller decides authority on its own.

mod act;
mod principal;
mod refusal;
mod rules;
#[cfg(test)]
mod tests;

pub use act::{Act, Engagement, PlanScope};
pub use principal::{Account, Principal, Role};
pub use refusal::{Refusal, RefusalKind};
pub use rules::{check, may_read_plan, may_read_restricted};
