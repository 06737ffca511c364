//! The process's one async runtime, for the store's async API.

use std::future::Future;
use std::sync::OnceLock;

use anyhow::Result;
use tokio::runtime::Runtime;

static RUNTIME: OnceLock<Runtime> = OnceLock::new();

/// The runtime, built on first use: commands that never touch the store
/// (lint, summary, export) never build one. Single-threaded: the store's
/// work is one connection at a time, and the bulk import parses its CSV on
/// its own OS thread.
fn runtime() -> Result<&'static Runtime> {
    if let Some(rt) = RUNTIME.get() {
        return Ok(rt);
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    Ok(RUNTIME.get_or_init(|| rt))
}

/// Runs a future to completion on the runtime. Not re-entrant: a future
/// run here must not call `block_on` itself.
pub fn block_on<F: Future>(future: F) -> Result<F::Output> {
    Ok(runtime()?.block_on(future))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_task_spawned_in_one_call_finishes_in_the_next() {
        // A current-thread runtime runs spawned tasks only while it blocks
        // on something; had the first call's runtime been dropped, the task
        // would have been cancelled with it.
        #[expect(
            clippy::async_yields_async,
            reason = "the task's handle must outlive the first call"
        )]
        let task = super::block_on(async { tokio::spawn(async { 42 }) }).expect("a runtime");
        let answer = super::block_on(task).expect("a runtime");
        assert_eq!(answer.expect("the task ran, not cancelled"), 42);
    }
}
