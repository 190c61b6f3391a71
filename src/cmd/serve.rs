//! `earshot serve`: the HTTP API over the database, and the alert worker.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result, anyhow};
use earshot_engine::Engine;
use earshot_server::AppState;
use earshot_server::alerts::Alerting;
use earshot_server::config::Config;

#[derive(clap::Args)]
pub struct Args {
    /// The database: a SQLite file, or a postgres:// URL. Default `earshot.db`, or `server.db`
    /// of the config file.
    #[arg(long, env = "EARSHOT_DB")]
    pub db: Option<String>,
    /// Address and port to listen on. Default 127.0.0.1:8080, or `server.listen` of the config.
    #[arg(long, env = "EARSHOT_LISTEN")]
    pub listen: Option<String>,
    /// The config file (TOML): `[server]` and `[alerts]`; see docs/alerts.md.
    #[arg(long, env = "EARSHOT_CONFIG")]
    pub config: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let config = match &args.config {
        Some(path) => Some(Config::load(path).map_err(|e| anyhow!(e))?),
        None => None,
    };
    let server = config
        .as_ref()
        .map(|c| c.server.clone())
        .unwrap_or_default();
    let db = args
        .db
        .or(server.db)
        .unwrap_or_else(|| "earshot.db".to_string());
    let listen = args
        .listen
        .or(server.listen)
        .unwrap_or_else(|| "127.0.0.1:8080".to_string());
    let store = earshot_store::open(&db)?;
    let mut state = AppState::new(store, Engine::default());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the runtime")?;
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(&listen)
            .await
            .with_context(|| format!("cannot listen on {listen}"))?;
        let addr = listener.local_addr()?;
        if let Some(config) = config
            && !config.alerts.channels.is_empty()
        {
            let public_url = server
                .public_url
                .clone()
                .unwrap_or_else(|| format!("http://{addr}"));
            let n = config.alerts.channels.len();
            let alerting = Alerting::new(
                config.alerts,
                &public_url,
                earshot_redact::Config::for_use(earshot_redact::Use::Alert),
            )
            .map_err(|e| anyhow!("cannot set up alerts: {e}"))?;
            state = state.with_alerts(alerting);
            eprintln!("earshot: alerts to {n} channel(s), links to {public_url}");
        }
        // The dashboard reads its aggregates through a second handle of its own.
        let dashboard = match earshot_store::open_insights(&db) {
            Ok(insights) => {
                eprintln!(
                    "earshot: dashboard on http://{addr}/ (log in with `earshot user create`)"
                );
                earshot_web::router(state.store.clone(), Arc::new(Mutex::new(insights)))
            }
            Err(e) => {
                eprintln!("earshot: no dashboard: {e}");
                axum::Router::new()
            }
        };
        eprintln!(
            "earshot: serving {} on http://{addr}",
            earshot_store::display_db(&db),
        );
        earshot_server::serve_with(listener, state, dashboard)
            .await
            .context("server stopped")
    })?;
    Ok(ExitCode::SUCCESS)
}
