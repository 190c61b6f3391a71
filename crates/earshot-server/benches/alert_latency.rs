//! Alert latency: from the POST of a conversation to the webhook request at a receiver on
//! loopback, at a sustained ingest rate. The server, its alert worker and the receiver run in
//! this process over real sockets, with a SQLite file store.
//!
//! `cargo bench -p earshot-server --bench alert_latency` (env `RATE`, conversations a second,
//! default 200; `SECONDS`, default 20).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::routing::post;
use earshot_engine::Engine;
use earshot_server::AppState;
use earshot_server::alerts::Alerting;
use earshot_server::config::Config;
use earshot_store::{SqliteStore, Store, TokenRole};

type Arrivals = Arc<Mutex<HashMap<String, Instant>>>;

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    let rate = env("RATE", 200);
    let seconds = env("SECONDS", 20);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(run(rate, seconds));
}

async fn run(rate: u64, seconds: u64) {
    // The receiver: records when each conversation's alert arrives.
    let arrivals: Arrivals = Arc::default();
    let a = arrivals.clone();
    let receiver = Router::new().route(
        "/hook",
        post(move |body: Bytes| {
            let a = a.clone();
            async move {
                let now = Instant::now();
                let v: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
                if let Some(id) = v["data"]["conversation_id"].as_str() {
                    a.lock().unwrap().entry(id.to_string()).or_insert(now);
                }
                "ok"
            }
        }),
    );
    let rl = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let raddr = rl.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(rl, receiver).await });

    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(dir.path().join("earshot.db")).unwrap();
    let token = store.create_token("acme", TokenRole::Ingest, None).unwrap();
    let config = Config::parse(&format!(
        "[[alerts.channels]]\nname = \"ops\"\nkind = \"webhook\"\nurl = \"http://{raddr}/hook\"\nsecret = \"s\"\n\
         [[alerts.policies]]\nchannel = \"ops\"\nmin_severity = \"high\"\n"
    ))
    .unwrap();
    let alerting = Alerting::new(
        config.alerts,
        "http://localhost",
        earshot_redact::Config::for_use(earshot_redact::Use::Alert),
    )
    .unwrap();
    let state =
        AppState::new(Box::new(store) as Box<dyn Store>, Engine::default()).with_alerts(alerting);
    let sl = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let saddr = sl.local_addr().unwrap();
    tokio::spawn(earshot_server::serve(sl, state));

    let client = reqwest::Client::new();
    let url = format!("http://{saddr}/api/v1/conversations");
    let total = rate * seconds;
    let posted: Arc<Mutex<HashMap<String, Instant>>> = Arc::default();
    let mut tick = tokio::time::interval(Duration::from_micros(1_000_000 / rate));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let started = Instant::now();
    let mut posts = tokio::task::JoinSet::new();
    for i in 0..total {
        tick.tick().await;
        let id = format!("L-{i}");
        let body = serde_json::json!({"id": id, "channel": "chat", "turns": [
            {"role": "customer", "text": "Where is my parcel? Three weeks now."},
            {"role": "agent", "text": "Let me check that for you."},
            {"role": "customer", "text": "I'm done waiting, I will open an A-to-z claim and file a chargeback today."}
        ]});
        let client = client.clone();
        let url = url.clone();
        let token = token.clone();
        let posted = posted.clone();
        posts.spawn(async move {
            posted.lock().unwrap().insert(id, Instant::now());
            let r = client
                .post(&url)
                .bearer_auth(&token)
                .json(&body)
                .send()
                .await
                .expect("POST failed");
            assert!(r.status().is_success(), "POST answered {}", r.status());
        });
    }
    while let Some(r) = posts.join_next().await {
        r.unwrap();
    }
    let ingest_secs = started.elapsed().as_secs_f64();
    // Wait for the last alerts.
    let deadline = Instant::now() + Duration::from_secs(30);
    while arrivals.lock().unwrap().len() < total as usize && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let posted = posted.lock().unwrap();
    let arrivals = arrivals.lock().unwrap();
    let mut lat: Vec<Duration> = posted
        .iter()
        .filter_map(|(id, t)| arrivals.get(id).map(|a| a.saturating_duration_since(*t)))
        .collect();
    lat.sort();
    println!(
        "alert latency at {rate} conv/s for {seconds} s ({total} conversations, ingest took {ingest_secs:.1} s): \
         {} alerts arrived, {} missing",
        lat.len(),
        total as usize - lat.len()
    );
    if !lat.is_empty() {
        println!(
            "  p50 {:.1} ms   p95 {:.1} ms   p99 {:.1} ms   max {:.1} ms",
            percentile(&lat, 0.50).as_secs_f64() * 1e3,
            percentile(&lat, 0.95).as_secs_f64() * 1e3,
            percentile(&lat, 0.99).as_secs_f64() * 1e3,
            lat.last().unwrap().as_secs_f64() * 1e3,
        );
    }
}
