//! `jointplan serve`: the web application on an address, over the store.

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use super::storage::StoreArgs;

/// Where to listen.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address and port to listen on.
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
}

/// Serves until SIGTERM or SIGINT.
pub fn run(store: &StoreArgs, args: &ServeArgs) -> Result<ExitCode> {
    let config = jointplan_web::Config {
        addr: args.addr,
        database_url: store.url(),
    };
    jointplan_web::serve_blocking(config).with_context(|| format!("serving on {}", args.addr))?;
    Ok(ExitCode::SUCCESS)
}
