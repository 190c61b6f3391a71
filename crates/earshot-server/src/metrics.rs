//! `/metrics` in Prometheus text format: counters only, no workspace data.

use std::sync::atomic::{AtomicU64, Ordering};

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

use crate::AppState;

#[derive(Default)]
pub struct Metrics {
    pub conversations_analyzed: AtomicU64,
    pub conversations_rejected: AtomicU64,
    pub findings: AtomicU64,
    pub requests: AtomicU64,
}

impl Metrics {
    pub fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }
}

pub async fn render(State(state): State<AppState>) -> impl IntoResponse {
    let m = &state.metrics;
    let line = |name: &str, help: &str, v: &AtomicU64| {
        format!(
            "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}\n",
            v.load(Ordering::Relaxed)
        )
    };
    let body = [
        line(
            "earshot_conversations_analyzed_total",
            "Conversations analysed through the API.",
            &m.conversations_analyzed,
        ),
        line(
            "earshot_conversations_rejected_total",
            "Conversations rejected as invalid.",
            &m.conversations_rejected,
        ),
        line("earshot_findings_total", "Findings produced.", &m.findings),
        line(
            "earshot_api_requests_total",
            "Authenticated API requests.",
            &m.requests,
        ),
    ]
    .concat();
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], body)
}
