//! Sending one delivery: rate limit, sign, POST, read the answer, decide what comes next. The
//! sender keeps no queue; the outbox in the store does, and [`Delivery::apply`] updates a record
//! from the [`Outcome`].

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use jiff::{SignedDuration, Timestamp};

use crate::config::{AlertConfig, RetryPolicy};
use crate::plan::Delivery;
use crate::request::{USER_AGENT, build_request};
use crate::response::{Verdict, classify};

/// The most response body read; vendor answers are a few hundred bytes.
const MAX_RESPONSE_BYTES: usize = 64 * 1024;

/// What became of one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The receiver accepted the message.
    Delivered { status: u16 },
    /// Try again after `after`: the receiver's `Retry-After`, else exponential backoff with
    /// full jitter. The attempt counts.
    Retry { after: Duration, reason: String },
    /// Not attempted: the channel's rate limit has no token left. Try after `after`; the
    /// attempt does not count.
    Throttled { after: Duration },
    /// Final: a 4xx other than 408/429, a vendor error that retrying cannot fix, a channel no
    /// longer configured, or `max_attempts` used up.
    Failed { reason: String },
}

impl Delivery {
    /// Records `outcome` on this record as of `now`: counts the attempt and moves
    /// `next_attempt_at`. Returns `true` when the delivery is finished (delivered or failed)
    /// and can leave the pending queue.
    pub fn apply(&mut self, outcome: &Outcome, now: Timestamp) -> bool {
        let later = |d: &Duration| {
            let d = SignedDuration::try_from(*d).unwrap_or(SignedDuration::MAX);
            now.checked_add(d).unwrap_or(Timestamp::MAX)
        };
        match outcome {
            Outcome::Delivered { .. } | Outcome::Failed { .. } => {
                self.attempts = self.attempts.saturating_add(1);
                true
            }
            Outcome::Retry { after, .. } => {
                self.attempts = self.attempts.saturating_add(1);
                self.next_attempt_at = later(after);
                false
            }
            Outcome::Throttled { after } => {
                self.next_attempt_at = later(after);
                false
            }
        }
    }
}

/// Why a [`Client`] could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("cannot set up the HTTP client: {0}")]
    Http(String),
}

/// Sends deliveries. Holds the checked config, one HTTP connection pool and the per-channel
/// token buckets; share it (it is cheap to clone) between the server's delivery workers.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    config: Arc<AlertConfig>,
    buckets: Arc<Mutex<HashMap<String, Bucket>>>,
}

impl Client {
    pub fn new(config: AlertConfig) -> Result<Client, ClientError> {
        let timeout = Duration::try_from(config.retry.timeout).unwrap_or(Duration::from_secs(10));
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            // A redirect would replay a signed body to another host, or turn the POST into a
            // GET; a moved endpoint is a configuration error to report instead.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(USER_AGENT)
            .build()
            .map_err(|e| ClientError::Http(e.without_url().to_string()))?;
        Ok(Client {
            http,
            config: Arc::new(config),
            buckets: Arc::default(),
        })
    }

    pub fn config(&self) -> &AlertConfig {
        &self.config
    }

    /// Makes one attempt at `delivery`. Never panics and never returns an error: every failure
    /// is an [`Outcome`].
    pub async fn send(&self, delivery: &Delivery) -> Outcome {
        let Some(channel) = self.config.channel(&delivery.channel) else {
            return Outcome::Failed {
                reason: format!("channel {:?} is no longer configured", delivery.channel),
            };
        };
        if channel.kind != delivery.kind {
            return Outcome::Failed {
                reason: format!(
                    "channel {:?} is now of kind {}, the message was made for {}",
                    channel.name,
                    channel.kind.as_str(),
                    delivery.kind.as_str()
                ),
            };
        }
        if let Some(per_minute) = channel.per_minute
            && let Err(wait) = self.take_token(&channel.name, per_minute)
        {
            tracing::debug!(delivery = %delivery.id, channel = %channel.name, wait_ms = wait.as_millis() as u64, "rate limited");
            return Outcome::Throttled { after: wait };
        }
        let req = match build_request(channel, delivery, Timestamp::now()) {
            Ok(r) => r,
            Err(e) => {
                return Outcome::Failed {
                    reason: e.to_string(),
                };
            }
        };
        let mut builder = self.http.post(req.url);
        for (k, v) in &req.headers {
            builder = builder.header(*k, v);
        }
        let (verdict, status) = match builder.body(req.body).send().await {
            Err(e) => {
                // `without_url` keeps the credential in the URL out of the reason and the log.
                let e = e.without_url();
                let reason = format!("request failed: {}", chain(&e));
                (
                    Verdict::Retry {
                        after: None,
                        reason,
                    },
                    0,
                )
            }
            Ok(mut resp) => {
                let status = resp.status().as_u16();
                let retry_after = resp
                    .headers()
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string);
                let body = read_capped(&mut resp).await;
                let now = SystemTime::now();
                (
                    classify(channel.kind, status, retry_after.as_deref(), &body, now),
                    status,
                )
            }
        };
        let outcome = decide(&self.config.retry, delivery.attempts, verdict, status);
        match &outcome {
            Outcome::Delivered { status } => {
                tracing::info!(delivery = %delivery.id, channel = %channel.name, status, "alert delivered");
            }
            Outcome::Retry { after, reason } => {
                tracing::warn!(delivery = %delivery.id, channel = %channel.name, attempts = delivery.attempts + 1, after_ms = after.as_millis() as u64, reason = %reason, "alert delivery will be retried");
            }
            Outcome::Failed { reason } => {
                tracing::error!(delivery = %delivery.id, channel = %channel.name, reason = %reason, "alert delivery failed");
            }
            Outcome::Throttled { .. } => {}
        }
        outcome
    }

    fn take_token(&self, channel: &str, per_minute: u32) -> Result<(), Duration> {
        let Ok(mut buckets) = self.buckets.lock() else {
            return Ok(());
        };
        let now = Instant::now();
        let b = buckets
            .entry(channel.to_string())
            .or_insert_with(|| Bucket::full(per_minute, now));
        b.take(per_minute, now)
    }
}

/// One attempt of `delivery` with `client`: the free-function form of [`Client::send`].
pub async fn send(client: &Client, delivery: &Delivery) -> Outcome {
    client.send(delivery).await
}

/// Turns a verdict into an outcome: retries become failures once `max_attempts` are used, and
/// wait for the receiver's `Retry-After` when it gave one, else for [`backoff`].
fn decide(retry: &RetryPolicy, attempts_before: u32, verdict: Verdict, status: u16) -> Outcome {
    match verdict {
        Verdict::Ok => Outcome::Delivered { status },
        Verdict::Fail { reason } => Outcome::Failed { reason },
        Verdict::Retry { after, reason } => {
            let made = attempts_before.saturating_add(1);
            if made >= retry.max_attempts {
                return Outcome::Failed {
                    reason: format!("gave up after {made} attempts: {reason}"),
                };
            }
            let after = after.unwrap_or_else(|| backoff(retry, attempts_before));
            Outcome::Retry { after, reason }
        }
    }
}

/// Exponential backoff with full jitter: uniform in `[0, min(max_delay, initial · 2^attempt)]`,
/// so that many deliveries failing together do not come back together.
pub fn backoff(retry: &RetryPolicy, attempt: u32) -> Duration {
    let initial = Duration::try_from(retry.initial).unwrap_or(Duration::from_secs(2));
    let max = Duration::try_from(retry.max_delay).unwrap_or(Duration::from_secs(3600));
    let factor = 2u32.saturating_pow(attempt.min(31));
    let ceiling = initial.saturating_mul(factor).min(max);
    let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
    Duration::from_nanos(fastrand::u64(0..=nanos))
}

async fn read_capped(resp: &mut reqwest::Response) -> String {
    let mut buf = Vec::new();
    while let Ok(Some(chunk)) = resp.chunk().await {
        buf.extend_from_slice(&chunk);
        if buf.len() >= MAX_RESPONSE_BYTES {
            buf.truncate(MAX_RESPONSE_BYTES);
            break;
        }
    }
    String::from_utf8_lossy(&buf).into_owned()
}

fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(inner) = src {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        src = inner.source();
    }
    s
}

/// A token bucket holding up to `per_minute` tokens, refilled at `per_minute / 60` per second.
#[derive(Debug, Clone)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

impl Bucket {
    fn full(per_minute: u32, now: Instant) -> Bucket {
        Bucket {
            tokens: f64::from(per_minute),
            last: now,
        }
    }

    fn take(&mut self, per_minute: u32, now: Instant) -> Result<(), Duration> {
        let rate = f64::from(per_minute.max(1)) / 60.0;
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + elapsed * rate).min(f64::from(per_minute));
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - self.tokens) / rate))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_allows_a_burst_then_paces() {
        let t0 = Instant::now();
        let mut b = Bucket::full(2, t0);
        assert!(b.take(2, t0).is_ok() && b.take(2, t0).is_ok());
        let wait = b.take(2, t0).unwrap_err();
        assert!((29.0..=30.0).contains(&wait.as_secs_f64()), "{wait:?}");
        assert!(b.take(2, t0 + Duration::from_secs(31)).is_ok());
    }

    #[test]
    fn backoff_is_bounded_and_grows() {
        let r = RetryPolicy::default();
        for attempt in 0..40 {
            let d = backoff(&r, attempt);
            let ceiling =
                Duration::from_secs(2).saturating_mul(2u32.saturating_pow(attempt.min(31)));
            assert!(
                d <= ceiling.min(Duration::from_secs(3600)),
                "{attempt}: {d:?}"
            );
        }
        // Full jitter spreads: 50 draws at attempt 10 (ceiling 2048 s) are not all equal.
        let draws: std::collections::HashSet<_> = (0..50).map(|_| backoff(&r, 10)).collect();
        assert!(draws.len() > 1);
    }

    #[test]
    fn gives_up_after_max_attempts() {
        let r = RetryPolicy {
            max_attempts: 3,
            ..RetryPolicy::default()
        };
        let retry = || Verdict::Retry {
            after: Some(Duration::from_secs(1)),
            reason: "HTTP 500".into(),
        };
        assert!(matches!(decide(&r, 1, retry(), 0), Outcome::Retry { .. }));
        let out = decide(&r, 2, retry(), 0);
        assert_eq!(
            out,
            Outcome::Failed {
                reason: "gave up after 3 attempts: HTTP 500".into()
            }
        );
    }
}
