//! Turning a stored [`Delivery`] into the HTTP request for its channel: URL, headers and the
//! exact body bytes, signed with a fresh timestamp. Pure except for the `now` it is given.

use std::fmt;

use jiff::Timestamp;

use crate::config::{Channel, ChannelKind};
use crate::plan::Delivery;
use crate::sign;

/// `User-Agent` of every request, so receivers can tell earshot's deliveries apart.
pub const USER_AGENT: &str = concat!("earshot-webhooks/", env!("CARGO_PKG_VERSION"));

/// A request ready to send. `Debug` hides the URL, which may hold the channel's credential.
pub struct HttpRequest {
    pub url: url::Url,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpRequest")
            .field("host", &self.url.host_str())
            .field(
                "headers",
                &self.headers.iter().map(|(k, _)| k).collect::<Vec<_>>(),
            )
            .field("body_len", &self.body.len())
            .finish()
    }
}

/// Why a request could not be built; a configuration problem, so the delivery fails.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    #[error("channel {0:?} has no secret but its kind signs every message")]
    MissingSecret(String),
    #[error("channel {0:?} is a telegram channel without bot_token or chat_id")]
    MissingTelegram(String),
    #[error("channel {0:?} has a URL that cannot be extended")]
    BadUrl(String),
}

/// Builds the request for `delivery` on `channel`, signing it as of `now`.
pub fn build_request(
    channel: &Channel,
    delivery: &Delivery,
    now: Timestamp,
) -> Result<HttpRequest, RequestError> {
    let mut url = channel.url.expose().clone();
    let mut headers = vec![(
        "content-type",
        "application/json; charset=utf-8".to_string(),
    )];
    let secret = || {
        channel
            .secret
            .as_ref()
            .map(|s| s.expose())
            .ok_or_else(|| RequestError::MissingSecret(channel.name.clone()))
    };
    let body = match channel.kind {
        ChannelKind::Slack | ChannelKind::Teams | ChannelKind::Wecom => to_bytes(&delivery.payload),
        ChannelKind::Feishu => {
            let ts = now.as_second();
            let mut body = delivery.payload.clone();
            if let Some(obj) = body.as_object_mut() {
                // Feishu reads the timestamp as a string of Unix seconds.
                obj.insert("timestamp".into(), ts.to_string().into());
                obj.insert("sign".into(), sign::feishu_sign(secret()?, ts).into());
            }
            to_bytes(&body)
        }
        ChannelKind::Dingtalk => {
            let ms = now.as_millisecond();
            let sig = sign::dingtalk_sign(secret()?, ms);
            // `query_pairs_mut` form-encodes, which percent-encodes `+`, `/` and `=` as the
            // DingTalk documentation requires.
            url.query_pairs_mut()
                .append_pair("timestamp", &ms.to_string())
                .append_pair("sign", &sig);
            to_bytes(&delivery.payload)
        }
        ChannelKind::Telegram => {
            let token = channel
                .bot_token
                .as_ref()
                .ok_or_else(|| RequestError::MissingTelegram(channel.name.clone()))?;
            let base = url.as_str().trim_end_matches('/').to_string();
            url = format!("{base}/bot{}/sendMessage", token.expose())
                .parse()
                .map_err(|_| RequestError::BadUrl(channel.name.clone()))?;
            to_bytes(&delivery.payload)
        }
        ChannelKind::Webhook => {
            let body = to_bytes(&delivery.payload);
            let ts = now.as_second();
            headers.push(("x-earshot-event", crate::payload::WEBHOOK_EVENT.to_string()));
            headers.push(("x-earshot-delivery", delivery.id.clone()));
            headers.push(("x-earshot-timestamp", ts.to_string()));
            headers.push((
                "x-earshot-signature",
                sign::webhook_signature(secret()?, ts, &body),
            ));
            body
        }
    };
    Ok(HttpRequest { url, headers, body })
}

fn to_bytes(v: &serde_json::Value) -> Vec<u8> {
    // Serialising a `Value` cannot fail: its map keys are strings.
    serde_json::to_vec(v).unwrap_or_default()
}
