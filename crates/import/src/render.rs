//! Plans out as text a person reads.

mod markdown;

pub use markdown::markdown;
