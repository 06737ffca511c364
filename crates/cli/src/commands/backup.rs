//! `jointplan backup OUT` and `jointplan restore IN`: a portable dump
//! (JSON lines) that restores into either backend with equal contents.

use std::io::{BufRead, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::storage::{self, StoreArgs};
use crate::input::BadInput;

/// Writes the whole store to `out`.
pub fn backup(store: &StoreArgs, out: &Path) -> Result<ExitCode> {
    storage::block_on(async {
        let s = storage::open(store).await?;
        let lines = s.dump().await.map_err(storage::user_error)?;
        s.close().await;
        let file = std::fs::File::create(out)
            .with_context(|| format!("{}: cannot write", out.display()))?;
        let mut w = BufWriter::new(file);
        for l in &lines {
            w.write_all(l.as_bytes())?;
            w.write_all(b"\n")?;
        }
        w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        tracing::info!(
            "wrote {} ({} rows, contents {})",
            out.display(),
            lines.len().saturating_sub(1),
            jointplan_store::dump::contents_hash(&lines)
        );
        Ok(ExitCode::SUCCESS)
    })?
}

/// Loads a dump into an empty store.
pub fn restore(store: &StoreArgs, input: &Path) -> Result<ExitCode> {
    let file = std::fs::File::open(input)
        .map_err(|e| BadInput(format!("{}: cannot read: {e}", input.display())))?;
    let lines: Vec<String> = std::io::BufReader::new(file)
        .lines()
        .collect::<std::io::Result<_>>()
        .map_err(|e| BadInput(format!("{}: {e}", input.display())))?;
    storage::block_on(async {
        let s = storage::connect(store).await?;
        let n = s.restore(&lines).await.map_err(storage::user_error)?;
        let hash = s.contents_hash().await?;
        s.close().await;
        tracing::info!("restored {n} rows (contents {hash})");
        Ok(ExitCode::SUCCESS)
    })?
}
