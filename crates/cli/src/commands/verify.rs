//! `jointplan verify`: check the audit chain and every version's content hash.

use std::process::ExitCode;

use anyhow::Result;

use super::storage::{self, StoreArgs};

/// Runs the command; exits 1 naming the first broken record.
pub fn run(store: &StoreArgs) -> Result<ExitCode> {
    storage::block_on(async {
        let s = storage::open(store).await?;
        let v = s.verify().await.map_err(storage::user_error)?;
        s.close().await;
        match v.problem {
            None => {
                println!(
                    "ok: {} audit records chained, {} plan versions match their hashes",
                    v.audit_records, v.versions
                );
                Ok(ExitCode::SUCCESS)
            }
            Some(problem) => {
                println!("FAILED: {problem}");
                tracing::error!("the store does not verify: {problem}");
                Ok(ExitCode::from(1))
            }
        }
    })?
}
