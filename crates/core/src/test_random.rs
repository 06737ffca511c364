//! The random source of the randomized equivalence tests, which check a
//! hand-written reader against the pattern it replaced on many small texts.
//! Public (and hidden) so that every crate's tests share it.

/// A deterministic xorshift generator started at `seed` (not zero): each
/// call gives a number below `n`, the same sequence on every run.
pub fn below(mut state: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    }
}
