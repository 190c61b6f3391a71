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
    let mut body = body;
    if let Some(a) = &state.alerts {
        body.push_str(&line(
            "earshot_alerts_delivered_total",
            "Alert deliveries accepted by their receiver.",
            &a.delivered,
        ));
        body.push_str(&line(
            "earshot_alerts_failed_total",
            "Alert deliveries given up (permanent error or out of attempts).",
            &a.failed,
        ));
        body.push_str(&line(
            "earshot_alert_attempts_total",
            "Alert delivery attempts, retries included.",
            &a.attempts,
        ));
        let store = state.store.clone();
        let pending = tokio::task::spawn_blocking(move || {
            store
                .lock()
                .ok()
                .and_then(|s| s.outbox_counts().ok())
                .map(|c| c[0])
        })
        .await
        .ok()
        .flatten();
        if let Some(p) = pending {
            body.push_str(&format!(
                "# HELP earshot_alerts_pending Alert deliveries waiting in the outbox.\n# TYPE earshot_alerts_pending gauge\nearshot_alerts_pending {p}\n"
            ));
        }
    }
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], body)
}
