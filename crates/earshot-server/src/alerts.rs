//! Alerts from the API: planned into the outbox in the transaction that stores the findings,
//! delivered by one background worker that survives restarts.
//!
//! The outbox is the only queue. A delivery is committed with the findings that caused it, so a
//! crash before the commit loses neither (the client's POST failed and is retried), and a crash
//! after it leaves the delivery pending for the next start. A crash between a send and the
//! update that records it sends that delivery again with the same `X-Earshot-Delivery` id, which
//! receivers use to drop the repeat: delivery is at least once, and exactly once for a receiver
//! that dedupes by id.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use earshot_model::{Analysis, Conversation};
use earshot_notify::{Alert, AlertConfig, Client, Delivery, Outcome};
use earshot_store::{DeliveryState, OutboxRecord, Store};
use jiff::Timestamp;
use tokio::sync::Notify;
use tokio::task::JoinSet;

/// How many deliveries may be in flight at once.
const MAX_IN_FLIGHT: usize = 32;
/// The longest the worker sleeps without looking at the outbox.
const IDLE_POLL: Duration = Duration::from_secs(5);

/// What the server needs to alert: the checked config, the HTTP client, where users open
/// earshot (for links), the redactor for quotes, and a bell that wakes the worker.
pub struct Alerting {
    client: Client,
    base_url: String,
    redactor: earshot_redact::Redactor,
    wake: Notify,
    pub delivered: AtomicU64,
    pub failed: AtomicU64,
    pub attempts: AtomicU64,
}

impl Alerting {
    pub fn new(
        config: AlertConfig,
        base_url: &str,
        redaction: earshot_redact::Config,
    ) -> Result<Alerting, String> {
        let client = Client::new(config).map_err(|e| e.to_string())?;
        let redactor = earshot_redact::Redactor::new(redaction).map_err(|e| e.to_string())?;
        Ok(Alerting {
            client,
            base_url: base_url.trim_end_matches('/').to_string(),
            redactor,
            wake: Notify::new(),
            delivered: AtomicU64::new(0),
            failed: AtomicU64::new(0),
            attempts: AtomicU64::new(0),
        })
    }

    pub fn config(&self) -> &AlertConfig {
        self.client.config()
    }

    /// The outbox records for analysed conversations, as of `now`, leaving out codes already
    /// alerted within the dedup window. Call it with the store held, and save the records with
    /// the same `save_batch` as the analyses.
    pub fn plan(
        &self,
        store: &dyn Store,
        items: &[(&Conversation, &Analysis)],
        now: Timestamp,
    ) -> earshot_store::Result<Vec<OutboxRecord>> {
        let config = self.config();
        if config.channels.is_empty() {
            return Ok(Vec::new());
        }
        let since = now
            .checked_sub(config.dedup_window)
            .unwrap_or(Timestamp::MIN)
            .as_millisecond();
        let mut out = Vec::new();
        // Keys planned earlier in this same batch count as seen too.
        let mut planned: HashSet<(String, String)> = HashSet::new();
        for (conv, analysis) in items {
            if analysis.findings.is_empty() {
                continue;
            }
            let names = people(conv);
            let session = Mutex::new(self.redactor.session(names.iter().copied()));
            let redact = |text: &str| match session.lock() {
                Ok(mut s) => s.redact(text).text,
                // A poisoned session cannot be trusted to have redacted: say nothing.
                Err(_) => "[REDACTED]".to_string(),
            };
            let alert = Alert::from_analysis(conv, analysis, &self.base_url, &redact);
            let mut recent =
                store.recent_alert_keys(&alert.workspace, &alert.conversation_id, since)?;
            recent.extend(planned.iter().cloned());
            for d in earshot_notify::plan(config, &alert, &recent, now) {
                for k in &d.dedup_keys {
                    planned.insert((d.channel.clone(), k.clone()));
                }
                out.push(OutboxRecord {
                    id: d.id.clone(),
                    workspace: alert.workspace.clone(),
                    conversation_id: alert.conversation_id.clone(),
                    channel: d.channel.clone(),
                    dedup_keys: d.dedup_keys.clone(),
                    body: serde_json::to_string(&d).map_err(earshot_store::StoreError::Json)?,
                    attempts: 0,
                    next_attempt_at: d.next_attempt_at.as_millisecond(),
                    state: DeliveryState::Pending,
                    last_error: None,
                    created_at: d.created_at.as_millisecond(),
                });
            }
        }
        Ok(out)
    }

    /// Tells the worker that new deliveries may be due.
    pub fn wake(&self) {
        self.wake.notify_one();
    }
}

/// The names a conversation's metadata knows: redacted wherever they appear in a quote.
fn people(conv: &Conversation) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    if let Some(n) = conv.customer.as_ref().and_then(|c| c.name.as_deref()) {
        names.push(n);
    }
    names.extend(conv.agents.iter().filter_map(|a| a.name.as_deref()));
    names
}

type SharedStore = Arc<Mutex<Box<dyn Store>>>;

async fn with_store<T: Send + 'static>(
    store: &SharedStore,
    f: impl FnOnce(&mut dyn Store) -> earshot_store::Result<T> + Send + 'static,
) -> Result<T, String> {
    let store = store.clone();
    tokio::task::spawn_blocking(move || {
        let mut s = store
            .lock()
            .map_err(|_| "store lock poisoned".to_string())?;
        f(s.as_mut()).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())?
}

/// Delivers due outbox records until the process ends: up to [`MAX_IN_FLIGHT`] at once, each
/// attempt's outcome written back before the record can be picked again.
pub async fn run_worker(store: SharedStore, alerting: Arc<Alerting>) {
    let mut in_flight: HashSet<String> = HashSet::new();
    let mut tasks: JoinSet<(OutboxRecord, Outcome)> = JoinSet::new();
    // Deliveries the store would not take back (a failing disk, say), kept to retry the write.
    let mut unsaved: HashMap<String, OutboxRecord> = HashMap::new();
    loop {
        let now = Timestamp::now().as_millisecond();
        let room = MAX_IN_FLIGHT.saturating_sub(in_flight.len());
        let mut next_due: Option<i64> = None;
        if room > 0 {
            let limit = room + in_flight.len();
            match with_store(&store, move |s| {
                Ok((s.due_deliveries(now, limit)?, s.next_delivery_at()?))
            })
            .await
            {
                Ok((due, next)) => {
                    next_due = next;
                    for record in due {
                        if in_flight.contains(&record.id) || unsaved.contains_key(&record.id) {
                            continue;
                        }
                        in_flight.insert(record.id.clone());
                        let alerting = alerting.clone();
                        tasks.spawn(async move { attempt(&alerting, record).await });
                    }
                }
                Err(e) => eprintln!("earshot: alert outbox: cannot read due deliveries: {e}"),
            }
        }
        let sleep = match next_due {
            Some(t) if t > now => Duration::from_millis((t - now) as u64).min(IDLE_POLL),
            Some(_) if in_flight.len() < MAX_IN_FLIGHT => Duration::from_millis(20),
            _ => IDLE_POLL,
        };
        tokio::select! {
            done = tasks.join_next(), if !tasks.is_empty() => {
                if let Some(Ok((record, outcome))) = done {
                    in_flight.remove(&record.id);
                    let record = settle(&alerting, record, &outcome);
                    unsaved.insert(record.id.clone(), record);
                }
            }
            _ = alerting.wake.notified() => {}
            _ = tokio::time::sleep(sleep) => {}
        }
        if !unsaved.is_empty() {
            let batch: Vec<OutboxRecord> = unsaved.values().cloned().collect();
            match with_store(&store, move |s| {
                for r in &batch {
                    s.update_delivery(r)?;
                }
                Ok(())
            })
            .await
            {
                Ok(()) => unsaved.clear(),
                Err(e) => eprintln!("earshot: alert outbox: cannot record delivery outcomes: {e}"),
            }
        }
    }
}

/// One attempt at one record.
async fn attempt(alerting: &Alerting, record: OutboxRecord) -> (OutboxRecord, Outcome) {
    let outcome = match serde_json::from_str::<Delivery>(&record.body) {
        Ok(delivery) => alerting.client.send(&delivery).await,
        Err(e) => Outcome::Failed {
            reason: format!("stored delivery is damaged: {e}"),
        },
    };
    (record, outcome)
}

/// The record after `outcome`: attempts, next time, state and body updated.
fn settle(alerting: &Alerting, mut record: OutboxRecord, outcome: &Outcome) -> OutboxRecord {
    let now = Timestamp::now();
    let Ok(mut delivery) = serde_json::from_str::<Delivery>(&record.body) else {
        record.state = DeliveryState::Failed;
        record.last_error = Some("stored delivery is damaged".into());
        alerting.failed.fetch_add(1, Ordering::Relaxed);
        return record;
    };
    let finished = delivery.apply(outcome, now);
    if !matches!(outcome, Outcome::Throttled { .. }) {
        alerting.attempts.fetch_add(1, Ordering::Relaxed);
    }
    record.attempts = delivery.attempts;
    record.next_attempt_at = delivery.next_attempt_at.as_millisecond();
    match outcome {
        Outcome::Delivered { .. } => {
            record.state = DeliveryState::Delivered;
            record.last_error = None;
            alerting.delivered.fetch_add(1, Ordering::Relaxed);
        }
        Outcome::Failed { reason } => {
            record.state = DeliveryState::Failed;
            record.last_error = Some(reason.clone());
            alerting.failed.fetch_add(1, Ordering::Relaxed);
            eprintln!(
                "earshot: alert {} to channel {:?} failed: {reason}",
                record.id, record.channel
            );
        }
        Outcome::Retry { reason, .. } => {
            record.last_error = Some(reason.clone());
        }
        Outcome::Throttled { .. } => {}
    }
    debug_assert_eq!(finished, record.state != DeliveryState::Pending);
    if let Ok(body) = serde_json::to_string(&delivery) {
        record.body = body;
    }
    record
}
