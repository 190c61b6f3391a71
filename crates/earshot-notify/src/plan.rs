//! Planning: which channels an alert goes to, which of its codes each channel takes, what was
//! already sent within the dedup window, and when it may be sent. Pure: the same inputs give the
//! same deliveries, so the server can plan inside the transaction that stores the findings.

use std::collections::{BTreeSet, HashSet};

use earshot_model::Severity;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::alert::{Alert, AlertItem};
use crate::config::{AlertConfig, ChannelKind, Policy};
use crate::payload;

/// One message to one channel: the outbox record. The store keeps it durably from the moment
/// it is planned until [`Delivery::apply`] says it is finished.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Delivery {
    /// `dlv_` + 32 hex digits, derived from the channel, the keys and `created_at`. It is the
    /// `X-Earshot-Delivery` header and the webhook body's `id`, the same on every retry.
    pub id: String,
    /// The channel's `name`.
    pub channel: String,
    /// The channel's kind when planned; a delivery is not sent to a channel whose kind changed.
    pub kind: ChannelKind,
    /// One `workspace:conversation:code` key per code the message carries.
    pub dedup_keys: Vec<String>,
    /// The unsigned request body, rendered once.
    pub payload: serde_json::Value,
    /// Attempts made so far (rate-limit waits do not count).
    pub attempts: u32,
    /// Not before this instant: now, the end of quiet hours, or the next retry.
    pub next_attempt_at: Timestamp,
    pub created_at: Timestamp,
}

/// The dedup keys already planned within the window, as the store knows them.
pub trait RecentKeys {
    /// Whether `dedup_key` was planned for `channel` within the dedup window.
    fn seen(&self, channel: &str, dedup_key: &str) -> bool;
}

/// `(channel, dedup_key)` pairs.
impl RecentKeys for HashSet<(String, String)> {
    fn seen(&self, channel: &str, dedup_key: &str) -> bool {
        self.contains(&(channel.to_string(), dedup_key.to_string()))
    }
}

/// Keys seen on any channel: one alert per conversation and code in total.
impl RecentKeys for HashSet<String> {
    fn seen(&self, _channel: &str, dedup_key: &str) -> bool {
        self.contains(dedup_key)
    }
}

/// Nothing seen yet.
impl RecentKeys for () {
    fn seen(&self, _: &str, _: &str) -> bool {
        false
    }
}

impl Policy {
    /// Whether the conversation as a whole qualifies (workspace and risk).
    pub fn takes_alert(&self, alert: &Alert) -> bool {
        self.workspace
            .as_ref()
            .is_none_or(|w| *w == alert.workspace)
            && self.min_risk.is_none_or(|r| alert.risk >= r)
    }

    /// Whether one finding qualifies (severity and code).
    pub fn takes_item(&self, item: &AlertItem) -> bool {
        item.severity >= self.min_severity
            && (self.codes.is_empty() || self.codes.iter().any(|p| p.matches(&item.code)))
    }

    /// When this policy lets `item` go out: `now`, or the end of quiet hours.
    fn release_at(&self, item: &AlertItem, now: Timestamp) -> Timestamp {
        match &self.quiet_hours {
            Some(q) if !(q.critical_bypass && item.severity == Severity::Critical) => {
                q.release_at(now).unwrap_or(now)
            }
            _ => now,
        }
    }
}

/// The deliveries for `alert`: at most one per channel, carrying the codes that channel's
/// policies take and that `recent` has not seen; deferred to the end of quiet hours when every
/// matching policy is quiet (critical findings bypass quiet hours unless `critical_bypass` is
/// false).
pub fn plan(
    config: &AlertConfig,
    alert: &Alert,
    recent: &dyn RecentKeys,
    now: Timestamp,
) -> Vec<Delivery> {
    let mut out = Vec::new();
    for channel in &config.channels {
        let mut items: Vec<AlertItem> = Vec::new();
        let mut release: Option<Timestamp> = None;
        for policy in config.policies.iter().filter(|p| p.channel == channel.name) {
            if !policy.takes_alert(alert) {
                continue;
            }
            for item in alert.items.iter().filter(|i| policy.takes_item(i)) {
                if recent.seen(&channel.name, &alert.dedup_key(&item.code)) {
                    continue;
                }
                let at = policy.release_at(item, now);
                release = Some(release.map_or(at, |r| r.min(at)));
                if !items.iter().any(|i| i.code == item.code) {
                    items.push(item.clone());
                }
            }
        }
        let Some(next_attempt_at) = release else {
            continue;
        };
        // Keep the alert's order (strongest first) whatever order the policies matched in.
        items.sort_by_key(|i| alert.items.iter().position(|a| a.code == i.code));
        let dedup_keys: Vec<String> = items.iter().map(|i| alert.dedup_key(&i.code)).collect();
        let id = delivery_id(&channel.name, &dedup_keys, now);
        let body = alert.with_items(items);
        let payload = payload::render(
            channel.kind,
            channel.lang,
            &body,
            &id,
            now,
            channel.chat_id.as_deref(),
        );
        out.push(Delivery {
            id,
            channel: channel.name.clone(),
            kind: channel.kind,
            dedup_keys,
            payload,
            attempts: 0,
            next_attempt_at,
            created_at: now,
        });
    }
    out
}

/// A stable id: planning the same alert for the same channel at the same instant gives the same
/// id, so a plan repeated after a crash before commit cannot create two different deliveries.
fn delivery_id(channel: &str, keys: &[String], now: Timestamp) -> String {
    let sorted: BTreeSet<&String> = keys.iter().collect();
    let mut h = Sha256::new();
    h.update(channel.as_bytes());
    for k in sorted {
        h.update([0u8]);
        h.update(k.as_bytes());
    }
    h.update([0u8]);
    h.update(now.as_nanosecond().to_le_bytes());
    let digest = h.finalize();
    format!("dlv_{}", hex::encode(&digest[..16]))
}
