//! Reading a receiver's answer: success, worth retrying (and when), or a final failure. Chat
//! vendors report many errors inside an HTTP 200, so the body is read as well as the status.

use std::time::{Duration, SystemTime};

use serde_json::Value;

use crate::alert::shorten;
use crate::config::ChannelKind;

/// The longest wait a `Retry-After` may ask for; a larger value is taken as this.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(24 * 3600);

/// What one response means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Ok,
    /// Try again; `after` is what the receiver asked for, if it did.
    Retry {
        after: Option<Duration>,
        reason: String,
    },
    Fail {
        reason: String,
    },
}

/// Classifies a response of a `kind` receiver.
pub fn classify(
    kind: ChannelKind,
    status: u16,
    retry_after: Option<&str>,
    body: &str,
    now: SystemTime,
) -> Verdict {
    let asked = retry_after.and_then(|v| parse_retry_after(v, now));
    let snippet = || shorten(&crate::alert::one_line(body), 200);
    if kind == ChannelKind::Telegram
        && let Some(v) = json(body)
        && v.get("ok") == Some(&Value::Bool(false))
    {
        let code = v
            .get("error_code")
            .and_then(Value::as_i64)
            .unwrap_or(i64::from(status));
        let desc = v
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let body_after = v
            .pointer("/parameters/retry_after")
            .and_then(Value::as_u64)
            .map(|s| Duration::from_secs(s).min(MAX_RETRY_AFTER));
        let reason = format!("telegram error {code}: {desc}");
        return if code == 429 || code >= 500 {
            Verdict::Retry {
                after: body_after.or(asked),
                reason,
            }
        } else {
            Verdict::Fail { reason }
        };
    }
    match status {
        408 | 429 => {
            return Verdict::Retry {
                after: asked,
                reason: format!("HTTP {status}: {}", snippet()),
            };
        }
        500..=599 => {
            return Verdict::Retry {
                after: asked,
                reason: format!("HTTP {status}: {}", snippet()),
            };
        }
        410 => {
            return Verdict::Fail {
                reason: "HTTP 410 Gone: the receiver removed this endpoint".into(),
            };
        }
        300..=399 => {
            return Verdict::Fail {
                reason: format!("HTTP {status}: redirects are not followed; update the URL"),
            };
        }
        200..=299 => {}
        _ => {
            return Verdict::Fail {
                reason: format!("HTTP {status}: {}", snippet()),
            };
        }
    }
    vendor_body(kind, body)
}

/// Errors that vendors report with HTTP 200.
fn vendor_body(kind: ChannelKind, body: &str) -> Verdict {
    match kind {
        ChannelKind::Slack => {
            let b = body.trim();
            if b.is_empty() || b == "ok" {
                Verdict::Ok
            } else {
                Verdict::Fail {
                    reason: format!("slack error: {}", shorten(b, 200)),
                }
            }
        }
        ChannelKind::Feishu => {
            let Some(v) = json(body) else {
                return Verdict::Ok;
            };
            let code = v
                .get("code")
                .or_else(|| v.get("StatusCode"))
                .and_then(Value::as_i64);
            let msg = v
                .get("msg")
                .or_else(|| v.get("StatusMessage"))
                .and_then(Value::as_str);
            match code {
                None | Some(0) => Verdict::Ok,
                // 11232: the bot's rate limit (100/min, 5/s).
                Some(11232) => Verdict::Retry {
                    after: None,
                    reason: error("feishu", 11232, msg),
                },
                Some(c) => Verdict::Fail {
                    reason: error("feishu", c, msg),
                },
            }
        }
        ChannelKind::Wecom | ChannelKind::Dingtalk => {
            let Some(v) = json(body) else {
                return Verdict::Ok;
            };
            let code = v.get("errcode").and_then(Value::as_i64);
            let msg = v.get("errmsg").and_then(Value::as_str);
            let name = kind.as_str();
            match code {
                None | Some(0) => Verdict::Ok,
                // WeCom 45009 and DingTalk 130101: sending too fast.
                Some(c @ (45009 | 130101)) => Verdict::Retry {
                    after: None,
                    reason: error(name, c, msg),
                },
                // -1: "system busy" on both.
                Some(-1) => Verdict::Retry {
                    after: None,
                    reason: error(name, -1, msg),
                },
                Some(c) => Verdict::Fail {
                    reason: error(name, c, msg),
                },
            }
        }
        ChannelKind::Telegram | ChannelKind::Teams | ChannelKind::Webhook => Verdict::Ok,
    }
}

fn error(vendor: &str, code: i64, msg: Option<&str>) -> String {
    format!("{vendor} error {code}: {}", shorten(msg.unwrap_or(""), 200))
}

fn json(body: &str) -> Option<Value> {
    serde_json::from_str(body.trim()).ok()
}

/// `Retry-After` as delay-seconds or an HTTP date; a date in the past means "now".
pub fn parse_retry_after(v: &str, now: SystemTime) -> Option<Duration> {
    let v = v.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs).min(MAX_RETRY_AFTER));
    }
    let at = httpdate::parse_http_date(v).ok()?;
    Some(
        at.duration_since(now)
            .unwrap_or(Duration::ZERO)
            .min(MAX_RETRY_AFTER),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use ChannelKind::*;

    fn c(kind: ChannelKind, status: u16, body: &str) -> Verdict {
        classify(kind, status, None, body, SystemTime::UNIX_EPOCH)
    }

    #[test]
    fn statuses() {
        assert_eq!(c(Webhook, 204, ""), Verdict::Ok);
        assert!(matches!(c(Webhook, 503, ""), Verdict::Retry { .. }));
        assert!(matches!(c(Webhook, 408, ""), Verdict::Retry { .. }));
        assert!(matches!(c(Webhook, 400, "bad"), Verdict::Fail { .. }));
        assert!(matches!(c(Webhook, 410, ""), Verdict::Fail { .. }));
        assert!(matches!(c(Webhook, 301, ""), Verdict::Fail { .. }));
        let v = classify(Webhook, 429, Some("7"), "", SystemTime::UNIX_EPOCH);
        assert_eq!(
            v,
            Verdict::Retry {
                after: Some(Duration::from_secs(7)),
                reason: "HTTP 429: ".into()
            }
        );
    }

    #[test]
    fn vendor_errors_inside_200() {
        assert_eq!(c(Slack, 200, "ok"), Verdict::Ok);
        assert!(matches!(
            c(Slack, 200, "invalid_payload"),
            Verdict::Fail { .. }
        ));
        assert!(matches!(
            c(Slack, 404, "channel_not_found"),
            Verdict::Fail { .. }
        ));
        assert_eq!(
            c(Feishu, 200, r#"{"code":0,"msg":"success","data":{}}"#),
            Verdict::Ok
        );
        let v = c(
            Feishu,
            200,
            r#"{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}"#,
        );
        assert!(
            matches!(v, Verdict::Fail { ref reason } if reason.starts_with("feishu error 19021")),
            "{v:?}"
        );
        assert!(matches!(
            c(Feishu, 200, r#"{"code":11232,"msg":"frequency limited"}"#),
            Verdict::Retry { .. }
        ));
        assert_eq!(c(Wecom, 200, r#"{"errcode":0,"errmsg":"ok"}"#), Verdict::Ok);
        assert!(matches!(
            c(
                Wecom,
                200,
                r#"{"errcode":93000,"errmsg":"invalid webhook url"}"#
            ),
            Verdict::Fail { .. }
        ));
        assert!(matches!(
            c(
                Wecom,
                200,
                r#"{"errcode":45009,"errmsg":"api freq out of limit"}"#
            ),
            Verdict::Retry { .. }
        ));
        assert!(matches!(
            c(
                Dingtalk,
                200,
                r#"{"errcode":310000,"errmsg":"sign not match"}"#
            ),
            Verdict::Fail { .. }
        ));
        assert!(matches!(
            c(
                Dingtalk,
                200,
                r#"{"errcode":130101,"errmsg":"send too fast"}"#
            ),
            Verdict::Retry { .. }
        ));
    }

    #[test]
    fn telegram_ok_false_and_retry_after_in_body() {
        let body = r#"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 5","parameters":{"retry_after":5}}"#;
        assert_eq!(
            c(Telegram, 429, body),
            Verdict::Retry {
                after: Some(Duration::from_secs(5)),
                reason: "telegram error 429: Too Many Requests: retry after 5".into()
            }
        );
        let body = r#"{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}"#;
        assert!(matches!(c(Telegram, 400, body), Verdict::Fail { .. }));
        assert_eq!(c(Telegram, 200, r#"{"ok":true,"result":{}}"#), Verdict::Ok);
    }

    #[test]
    fn retry_after_forms() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_715_242_320);
        assert_eq!(parse_retry_after("3", now), Some(Duration::from_secs(3)));
        let date = httpdate::fmt_http_date(now + Duration::from_secs(90));
        assert_eq!(parse_retry_after(&date, now), Some(Duration::from_secs(90)));
        assert_eq!(
            parse_retry_after("Thu, 01 Jan 1970 00:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("999999999", now), Some(MAX_RETRY_AFTER));
    }
}
