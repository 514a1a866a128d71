//! `dyad serve`: the store behind the HTTP API.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

/// Arguments of `dyad serve`.
#[derive(Debug, clap::Args)]
pub struct Serve {
    /// The store (created empty when missing).
    #[arg(long, default_value = "events.db")]
    pub db: PathBuf,
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// The largest request body accepted, in MiB.
    #[arg(long, default_value_t = 10)]
    pub max_body_mib: usize,
}

pub fn run(args: &Serve) -> anyhow::Result<ExitCode> {
    let config = dyad_server::Config {
        db: args.db.clone(),
        body_limit: args.max_body_mib.saturating_mul(1024 * 1024),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the server's runtime")?;
    eprintln!(
        "dyad: serving {} on http://{} (the API is described at /api/openapi.json)",
        args.db.display(),
        args.addr
    );
    runtime
        .block_on(dyad_server::serve(&config, args.addr))
        .map_err(|e| anyhow::anyhow!(e))?;
    Ok(ExitCode::SUCCESS)
}
