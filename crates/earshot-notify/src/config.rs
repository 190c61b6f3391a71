//! The `[alerts]` section of earshot's config file, as written ([`AlertSettings`]), and the
//! checked form the rest of the crate uses ([`AlertConfig`]). Everything that can be wrong with
//! a config is found in [`AlertSettings::build`], which names the offending field, so planning
//! and sending never fail on configuration.

use std::collections::HashSet;

use earshot_model::{Code, Severity};
use jiff::SignedDuration;
use serde::{Deserialize, Deserializer, Serialize};

use crate::i18n::Lang;
use crate::quiet::QuietHours;
use crate::secret::{Secret, SecretUrl};

/// The `[alerts]` table as it appears in the TOML file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertSettings {
    /// Where alerts can go.
    #[serde(default)]
    pub channels: Vec<ChannelSettings>,
    /// Which alerts go where.
    #[serde(default)]
    pub policies: Vec<PolicySettings>,
    /// How long one alert per conversation and code suppresses the next one, e.g. `"1h"`,
    /// `"30m"`. Default one hour.
    #[serde(default)]
    pub dedup_window: Option<String>,
    /// How failed deliveries are retried.
    #[serde(default)]
    pub retry: Option<RetrySettings>,
}

/// One `[[alerts.channels]]` entry.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelSettings {
    /// The name policies refer to.
    pub name: String,
    /// `slack`, `teams`, `feishu`, `wecom`, `dingtalk`, `telegram` or `webhook`.
    pub kind: String,
    /// The webhook URL; for Telegram, optionally the Bot API base URL.
    #[serde(default)]
    pub url: Option<Secret>,
    /// Feishu and DingTalk signing secret; the HMAC secret of earshot's own webhook.
    #[serde(default)]
    pub secret: Option<Secret>,
    /// Telegram bot token.
    #[serde(default)]
    pub bot_token: Option<Secret>,
    /// Telegram chat: a numeric id (groups are negative) or `@channelname`.
    #[serde(default, deserialize_with = "string_or_int")]
    pub chat_id: Option<String>,
    /// Language of the labels in the message: `en` (default) or `zh-CN`.
    #[serde(default)]
    pub lang: Option<String>,
}

/// One `[[alerts.policies]]` entry. All conditions that are given must hold.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicySettings {
    /// The channel's `name`.
    pub channel: String,
    /// Lowest finding severity that alerts: `info`, `low`, `medium`, `high`, `critical`.
    #[serde(default)]
    pub min_severity: Option<String>,
    /// Finding codes that alert: exact (`abuse.insult`), a category (`threat.*`) or `*`.
    #[serde(default)]
    pub codes: Option<Vec<String>>,
    /// Lowest conversation risk score (0–100) that alerts.
    #[serde(default)]
    pub min_risk: Option<f32>,
    /// Only conversations of this workspace.
    #[serde(default)]
    pub workspace: Option<String>,
    /// Hours in which alerts wait until the end of the window.
    #[serde(default)]
    pub quiet_hours: Option<QuietHoursSettings>,
    /// Most messages per minute this policy may send to its channel.
    #[serde(default)]
    pub rate_limit: Option<RateLimitSettings>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuietHoursSettings {
    /// `HH:MM`, local time in `tz`.
    pub start: String,
    /// `HH:MM`, local time in `tz`; may be earlier than `start` (the window spans midnight).
    pub end: String,
    /// An IANA time zone name such as `Europe/Berlin`; default `UTC`.
    #[serde(default)]
    pub tz: Option<String>,
    /// Whether critical findings are sent at once even in quiet hours. Default `true`: a threat
    /// of violence should wake someone.
    #[serde(default)]
    pub critical_bypass: Option<bool>,
}

#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimitSettings {
    pub per_minute: u32,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetrySettings {
    /// Attempts before a delivery is given up (default 12).
    #[serde(default)]
    pub max_attempts: Option<u32>,
    /// Backoff ceiling of the first retry (default `"2s"`); doubles per attempt.
    #[serde(default)]
    pub initial: Option<String>,
    /// Largest backoff (default `"1h"`).
    #[serde(default)]
    pub max_delay: Option<String>,
    /// Time allowed for one HTTP request (default `"10s"`).
    #[serde(default)]
    pub timeout: Option<String>,
}

/// A config mistake, naming the field: `alerts.channels[0].kind: unknown channel kind "irc"`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct ConfigError {
    pub field: String,
    pub message: String,
}

fn err(field: impl Into<String>, message: impl Into<String>) -> ConfigError {
    ConfigError {
        field: field.into(),
        message: message.into(),
    }
}

/// The chat or webhook service a channel talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChannelKind {
    Slack,
    Teams,
    Feishu,
    Wecom,
    Dingtalk,
    Telegram,
    Webhook,
}

impl ChannelKind {
    pub const ALL: [ChannelKind; 7] = [
        ChannelKind::Slack,
        ChannelKind::Teams,
        ChannelKind::Feishu,
        ChannelKind::Wecom,
        ChannelKind::Dingtalk,
        ChannelKind::Telegram,
        ChannelKind::Webhook,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChannelKind::Slack => "slack",
            ChannelKind::Teams => "teams",
            ChannelKind::Feishu => "feishu",
            ChannelKind::Wecom => "wecom",
            ChannelKind::Dingtalk => "dingtalk",
            ChannelKind::Telegram => "telegram",
            ChannelKind::Webhook => "webhook",
        }
    }

    pub fn parse(s: &str) -> Option<ChannelKind> {
        let s = s.trim().to_ascii_lowercase();
        let s = match s.as_str() {
            "lark" => "feishu",
            "wechat_work" | "wework" => "wecom",
            other => other,
        };
        ChannelKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    fn needs_secret(self) -> bool {
        matches!(
            self,
            ChannelKind::Feishu | ChannelKind::Dingtalk | ChannelKind::Webhook
        )
    }

    /// The vendor's documented per-robot limit, used when no policy sets a lower one, so that a
    /// burst of alerts queues up here instead of being refused by the vendor.
    pub fn default_per_minute(self) -> Option<u32> {
        match self {
            ChannelKind::Wecom | ChannelKind::Dingtalk | ChannelKind::Telegram => Some(20),
            ChannelKind::Slack => Some(60),
            ChannelKind::Feishu => Some(100),
            ChannelKind::Teams | ChannelKind::Webhook => None,
        }
    }
}

/// A checked channel.
#[derive(Debug, Clone)]
pub struct Channel {
    pub name: String,
    pub kind: ChannelKind,
    pub lang: Lang,
    /// Where to POST. For Telegram, the Bot API base (default `https://api.telegram.org`).
    pub url: SecretUrl,
    pub secret: Option<Secret>,
    pub bot_token: Option<Secret>,
    pub chat_id: Option<String>,
    /// Messages per minute: the lowest of the vendor default and the policies' limits.
    pub per_minute: Option<u32>,
}

/// Which finding codes a policy takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodePattern {
    Any,
    Category(String),
    Exact(String),
}

impl CodePattern {
    pub fn parse(s: &str) -> Option<CodePattern> {
        let s = s.trim();
        if s == "*" {
            return Some(CodePattern::Any);
        }
        if let Some(cat) = s.strip_suffix(".*") {
            let ok = !cat.is_empty()
                && cat
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            return ok.then(|| CodePattern::Category(cat.to_string()));
        }
        Code::is_well_formed(s).then(|| CodePattern::Exact(s.to_string()))
    }

    pub fn matches(&self, code: &Code) -> bool {
        match self {
            CodePattern::Any => true,
            CodePattern::Category(c) => code.category() == c,
            CodePattern::Exact(c) => code.as_str() == c,
        }
    }
}

/// A checked policy.
#[derive(Debug, Clone)]
pub struct Policy {
    pub channel: String,
    /// When neither `min_severity` nor `codes` is given, `low`: info findings (per-turn
    /// emotions) alert only when a policy names them.
    pub min_severity: Severity,
    /// Empty means every code.
    pub codes: Vec<CodePattern>,
    pub min_risk: Option<f32>,
    pub workspace: Option<String>,
    pub quiet_hours: Option<QuietHours>,
}

/// How failed deliveries are retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    pub max_attempts: u32,
    pub initial: SignedDuration,
    pub max_delay: SignedDuration,
    pub timeout: SignedDuration,
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 12,
            initial: SignedDuration::from_secs(2),
            max_delay: SignedDuration::from_hours(1),
            timeout: SignedDuration::from_secs(10),
        }
    }
}

/// The checked alert configuration.
#[derive(Debug, Clone)]
pub struct AlertConfig {
    pub channels: Vec<Channel>,
    pub policies: Vec<Policy>,
    pub dedup_window: SignedDuration,
    pub retry: RetryPolicy,
}

impl AlertConfig {
    pub fn channel(&self, name: &str) -> Option<&Channel> {
        self.channels.iter().find(|c| c.name == name)
    }
}

impl AlertSettings {
    /// Checks everything and returns the config the planner and sender use.
    pub fn build(&self) -> Result<AlertConfig, ConfigError> {
        let mut channels = Vec::with_capacity(self.channels.len());
        let mut names = HashSet::new();
        for (i, c) in self.channels.iter().enumerate() {
            let ch = build_channel(&format!("alerts.channels[{i}]"), c)?;
            if !names.insert(ch.name.clone()) {
                return Err(err(
                    format!("alerts.channels[{i}].name"),
                    format!("channel {:?} is defined twice", ch.name),
                ));
            }
            channels.push(ch);
        }
        let mut policies = Vec::with_capacity(self.policies.len());
        for (i, p) in self.policies.iter().enumerate() {
            let at = format!("alerts.policies[{i}]");
            let Some(ch) = channels.iter_mut().find(|c| c.name == p.channel) else {
                return Err(err(
                    format!("{at}.channel"),
                    format!("no channel named {:?} in alerts.channels", p.channel),
                ));
            };
            if let Some(rl) = p.rate_limit {
                if rl.per_minute == 0 {
                    return Err(err(
                        format!("{at}.rate_limit.per_minute"),
                        "must be at least 1",
                    ));
                }
                ch.per_minute = Some(
                    ch.per_minute
                        .map_or(rl.per_minute, |m| m.min(rl.per_minute)),
                );
            }
            policies.push(build_policy(&at, p)?);
        }
        let dedup_window = match &self.dedup_window {
            None => SignedDuration::from_hours(1),
            Some(s) => duration("alerts.dedup_window", s)?,
        };
        let retry = build_retry(self.retry.as_ref())?;
        Ok(AlertConfig {
            channels,
            policies,
            dedup_window,
            retry,
        })
    }
}

fn build_channel(at: &str, c: &ChannelSettings) -> Result<Channel, ConfigError> {
    let name = c.name.trim();
    if name.is_empty() {
        return Err(err(format!("{at}.name"), "must not be empty"));
    }
    let kind = ChannelKind::parse(&c.kind).ok_or_else(|| {
        let all: Vec<_> = ChannelKind::ALL.iter().map(|k| k.as_str()).collect();
        err(
            format!("{at}.kind"),
            format!(
                "unknown channel kind {:?} (expected one of {})",
                c.kind,
                all.join(", ")
            ),
        )
    })?;
    let lang = match &c.lang {
        None => Lang::En,
        Some(l) => Lang::parse(l).ok_or_else(|| {
            err(
                format!("{at}.lang"),
                format!("unknown language {l:?} (expected en or zh-CN)"),
            )
        })?,
    };
    let secret = c.secret.clone().filter(|s| !s.is_empty());
    if kind.needs_secret() && secret.is_none() {
        return Err(err(
            format!("{at}.secret"),
            format!("kind {} needs a secret", kind.as_str()),
        ));
    }
    if !kind.needs_secret() && secret.is_some() {
        return Err(err(
            format!("{at}.secret"),
            format!(
                "kind {} does not sign messages; remove the secret",
                kind.as_str()
            ),
        ));
    }
    let (url, bot_token, chat_id) = if kind == ChannelKind::Telegram {
        let token = c.bot_token.clone().filter(|s| !s.is_empty());
        let token =
            token.ok_or_else(|| err(format!("{at}.bot_token"), "telegram needs bot_token"))?;
        if token.expose().contains(['/', '?', '#', ' ']) {
            return Err(err(format!("{at}.bot_token"), "is not a bot token"));
        }
        let chat = c.chat_id.clone().filter(|s| !s.trim().is_empty());
        let chat = chat.ok_or_else(|| err(format!("{at}.chat_id"), "telegram needs chat_id"))?;
        let base = c
            .url
            .as_ref()
            .map_or("https://api.telegram.org", |u| u.expose());
        (
            parse_url(&format!("{at}.url"), base)?,
            Some(token),
            Some(chat),
        )
    } else {
        if c.bot_token.is_some() || c.chat_id.is_some() {
            let f = if c.bot_token.is_some() {
                "bot_token"
            } else {
                "chat_id"
            };
            return Err(err(
                format!("{at}.{f}"),
                "only telegram channels take this field",
            ));
        }
        let url = c.url.as_ref().ok_or_else(|| {
            err(
                format!("{at}.url"),
                format!("kind {} needs a url", kind.as_str()),
            )
        })?;
        (parse_url(&format!("{at}.url"), url.expose())?, None, None)
    };
    Ok(Channel {
        name: name.to_string(),
        kind,
        lang,
        url,
        secret,
        bot_token,
        chat_id,
        per_minute: kind.default_per_minute(),
    })
}

fn parse_url(at: &str, s: &str) -> Result<SecretUrl, ConfigError> {
    // The parse error never quotes the URL, which may hold a credential.
    let u = url::Url::parse(s.trim()).map_err(|e| err(at, format!("not a valid URL ({e})")))?;
    if !matches!(u.scheme(), "http" | "https") {
        return Err(err(
            at,
            format!("scheme {:?} is not http or https", u.scheme()),
        ));
    }
    if u.host_str().is_none_or(str::is_empty) {
        return Err(err(at, "URL has no host"));
    }
    Ok(SecretUrl::new(u))
}

fn build_policy(at: &str, p: &PolicySettings) -> Result<Policy, ConfigError> {
    let mut codes = Vec::new();
    for (j, c) in p.codes.iter().flatten().enumerate() {
        codes.push(CodePattern::parse(c).ok_or_else(|| {
            err(
                format!("{at}.codes[{j}]"),
                format!("{c:?} is not a code, a category like \"threat.*\", or \"*\""),
            )
        })?);
    }
    if p.codes.as_ref().is_some_and(Vec::is_empty) {
        return Err(err(
            format!("{at}.codes"),
            "is empty; leave it out to take every code",
        ));
    }
    let min_severity = match &p.min_severity {
        Some(s) => Severity::parse(s).ok_or_else(|| {
            err(
                format!("{at}.min_severity"),
                format!("unknown severity {s:?} (expected info, low, medium, high or critical)"),
            )
        })?,
        None if !codes.is_empty() => Severity::Info,
        None => Severity::Low,
    };
    if let Some(r) = p.min_risk
        && !(0.0..=100.0).contains(&r)
    {
        return Err(err(
            format!("{at}.min_risk"),
            format!("{r} is not within 0..100"),
        ));
    }
    let quiet_hours = match &p.quiet_hours {
        None => None,
        Some(q) => Some(QuietHours::build(&format!("{at}.quiet_hours"), q)?),
    };
    Ok(Policy {
        channel: p.channel.trim().to_string(),
        min_severity,
        codes,
        min_risk: p.min_risk,
        workspace: p.workspace.clone(),
        quiet_hours,
    })
}

fn build_retry(r: Option<&RetrySettings>) -> Result<RetryPolicy, ConfigError> {
    let mut out = RetryPolicy::default();
    let Some(r) = r else { return Ok(out) };
    if let Some(n) = r.max_attempts {
        if n == 0 {
            return Err(err("alerts.retry.max_attempts", "must be at least 1"));
        }
        out.max_attempts = n;
    }
    if let Some(s) = &r.initial {
        out.initial = duration("alerts.retry.initial", s)?;
    }
    if let Some(s) = &r.max_delay {
        out.max_delay = duration("alerts.retry.max_delay", s)?;
    }
    if let Some(s) = &r.timeout {
        out.timeout = duration("alerts.retry.timeout", s)?;
    }
    Ok(out)
}

pub(crate) fn duration(at: &str, s: &str) -> Result<SignedDuration, ConfigError> {
    let d: SignedDuration = s.trim().parse().map_err(|e| {
        err(
            at,
            format!("{s:?} is not a duration like \"90s\", \"30m\", \"1h\" ({e})"),
        )
    })?;
    if d.is_negative() || d.is_zero() {
        return Err(err(at, "must be positive"));
    }
    Ok(d)
}

pub(crate) fn config_error(field: impl Into<String>, message: impl Into<String>) -> ConfigError {
    err(field, message)
}

fn string_or_int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum V {
        S(String),
        I(i64),
    }
    Ok(Option::<V>::deserialize(d)?.map(|v| match v {
        V::S(s) => s,
        V::I(i) => i.to_string(),
    }))
}
