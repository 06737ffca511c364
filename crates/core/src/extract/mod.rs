//! Rules that read meaning out of a plan's sentences: SDG mentions,
//! organisations, mechanisms, agreements, targets, dates and signatories.
//!
//! Each rule works on plain text and returns byte ranges of that text; the
//! importer maps ranges back to the source document.

pub mod agreements;
pub mod commitments;
pub mod dates;
pub mod known_bodies;
pub mod mechanisms;
pub mod organisations;
pub mod priorities;
pub mod sdg_mentions;
pub mod signatories;
pub mod targets;
mod words;

pub use words::{common_sorted, is_acronym, is_hangul, normalise, singular, slug, unique};
