//! `earshot serve`: the JSON API under `/api/v1`.
//!
//! Handlers are thin: they check the caller's token, call the engine and the store, and shape
//! JSON. The engine knows nothing of HTTP; this crate writes no SQL. Every request is scoped to
//! its token's workspace: another workspace's data answers 404, as if it did not exist.

pub mod alerts;
mod api;
mod auth;
pub mod config;
mod error;
pub mod history;
mod metrics;

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::routing::{get, post};
use earshot_engine::Engine;
use earshot_store::Store;

pub use error::{ApiError, ErrorCode};

/// The largest request body accepted: 32 MiB. Larger batches are split by the client.
pub const MAX_BODY_BYTES: usize = 32 << 20;

/// Every route, for the OpenAPI document test: `(method, path)`.
pub const ROUTES: &[(&str, &str)] = &[
    ("get", "/api/v1/health"),
    ("post", "/api/v1/conversations"),
    ("get", "/api/v1/conversations"),
    ("get", "/api/v1/conversations/{id}"),
    ("get", "/api/v1/agents/{id}/scorecard"),
    ("post", "/api/v1/findings/{id}/review"),
    ("post", "/api/v1/conversations/{id}/training-case"),
    ("post", "/api/v1/import/{format}"),
    ("get", "/metrics"),
];

/// What the handlers share.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Mutex<Box<dyn Store>>>,
    pub engine: Arc<Engine>,
    pub metrics: Arc<metrics::Metrics>,
    /// Present when the config has alert channels.
    pub alerts: Option<Arc<alerts::Alerting>>,
}

impl AppState {
    pub fn new(store: Box<dyn Store>, engine: Engine) -> AppState {
        AppState {
            store: Arc::new(Mutex::new(store)),
            engine: Arc::new(engine),
            metrics: Arc::new(metrics::Metrics::default()),
            alerts: None,
        }
    }

    /// The same state, planning and delivering alerts.
    pub fn with_alerts(mut self, alerting: alerts::Alerting) -> AppState {
        self.alerts = Some(Arc::new(alerting));
        self
    }
}

/// The application, without a socket: tests call it with `tower::ServiceExt::oneshot`.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/api/v1/health", get(api::health))
        .route(
            "/api/v1/conversations",
            post(api::post_conversations).get(api::list_conversations),
        )
        .route("/api/v1/conversations/{id}", get(api::get_conversation))
        .route("/api/v1/agents/{id}/scorecard", get(api::agent_scorecard))
        .route("/api/v1/findings/{id}/review", post(api::review_finding))
        .route(
            "/api/v1/conversations/{id}/training-case",
            post(api::mark_training_case),
        )
        .route("/api/v1/import/{format}", post(api::import))
        .route("/metrics", get(metrics::render))
        .fallback(api::not_found)
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}

/// Serves until Ctrl-C or SIGTERM, with the alert worker running beside the API when alerts
/// are configured.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    serve_with(listener, state, Router::new()).await
}

/// Like [`serve`], with more routes beside the API (the dashboard).
pub async fn serve_with(
    listener: tokio::net::TcpListener,
    state: AppState,
    more: Router,
) -> std::io::Result<()> {
    if let Some(alerting) = &state.alerts {
        tokio::spawn(alerts::run_worker(state.store.clone(), alerting.clone()));
    }
    axum::serve(listener, router(state).merge(more))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
