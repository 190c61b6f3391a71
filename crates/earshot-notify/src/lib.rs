//! Alert delivery for earshot: from an analysed conversation to a message in the group chat the
//! team already uses (Slack, Microsoft Teams, Feishu/Lark, WeCom, DingTalk, Telegram) or to a
//! signed webhook, deduplicated, rate limited, deferred over quiet hours, retried, never lost.
//!
//! The flow, and who owns each step:
//! 1. [`AlertSettings::build`] checks the `[alerts]` config once, naming any bad field.
//! 2. [`Alert::from_analysis`] turns a conversation and its analysis into an alert, with the
//!    evidence passed through a [`Redactor`] so personal data never leaves earshot.
//! 3. [`plan`] (pure) decides the [`Delivery`] records: which channels, which codes, not
//!    already sent within the dedup window, when (quiet hours), with each body rendered once.
//!    The server writes them to its outbox in the same transaction as the findings.
//! 4. [`Client::send`] makes one attempt and returns an [`Outcome`]; [`Delivery::apply`]
//!    updates the stored record. Delivery ids are stable across retries, so receivers dedupe.
//!
//! This crate knows nothing of the engine's internals or of the store: it reads
//! `earshot-model` types and leaves persistence to its caller (see `docs/alerts.md`).

mod alert;
mod config;
mod i18n;
pub mod payload;
mod plan;
mod quiet;
mod redact;
mod request;
mod response;
mod secret;
mod send;
pub mod sign;

pub use alert::{Alert, AlertItem, conversation_url, dedup_key};
pub use config::{
    AlertConfig, AlertSettings, Channel, ChannelKind, ChannelSettings, CodePattern, ConfigError,
    Policy, PolicySettings, QuietHoursSettings, RateLimitSettings, RetryPolicy, RetrySettings,
};
pub use i18n::{Label, Lang};
pub use plan::{Delivery, RecentKeys, plan};
pub use quiet::QuietHours;
pub use redact::{BuiltinRedactor, Redactor};
pub use request::{HttpRequest, RequestError, USER_AGENT, build_request};
pub use response::{Verdict, classify, parse_retry_after};
pub use secret::{Secret, SecretUrl};
pub use send::{Client, ClientError, Outcome, backoff, send};
