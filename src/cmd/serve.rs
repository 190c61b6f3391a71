//! `earshot serve`: the HTTP API over the database.

use std::process::ExitCode;

use anyhow::{Context, Result};
use earshot_engine::Engine;
use earshot_server::AppState;

#[derive(clap::Args)]
pub struct Args {
    /// The database file.
    #[arg(long, default_value = "earshot.db", env = "EARSHOT_DB")]
    pub db: String,
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", env = "EARSHOT_LISTEN")]
    pub listen: String,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = earshot_store::open(&args.db)?;
    let state = AppState::new(store, Engine::default());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the runtime")?;
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(&args.listen)
            .await
            .with_context(|| format!("cannot listen on {}", args.listen))?;
        eprintln!(
            "earshot: serving {} on http://{}",
            earshot_store::display_db(&args.db),
            listener.local_addr()?
        );
        earshot_server::serve(listener, state)
            .await
            .context("server stopped")
    })?;
    Ok(ExitCode::SUCCESS)
}
