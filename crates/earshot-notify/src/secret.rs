//! Values that must never reach a log line: signing secrets, bot tokens and webhook URLs whose
//! path or query is itself the credential (Slack, Teams, WeCom, DingTalk, Feishu).

use std::fmt;

use serde::{Deserialize, Deserializer};

/// A secret string. Its `Debug` and `Display` print `***`, so a config dumped with `{:?}` or an
/// error that carries a channel's settings cannot leak it; read it with [`Secret::expose`].
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(s.into())
    }

    /// The secret itself, for signing or building a request. Callers must not log the result.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Secret, D::Error> {
        String::deserialize(d).map(Secret)
    }
}

/// A webhook URL. Chat vendors put the credential in the URL itself (the Slack path, the WeCom
/// `key`, the DingTalk `access_token`, the Teams `sig`), so only the scheme and host are shown.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretUrl(url::Url);

impl SecretUrl {
    pub fn new(url: url::Url) -> SecretUrl {
        SecretUrl(url)
    }

    /// The full URL, for sending. Callers must not log the result.
    pub fn expose(&self) -> &url::Url {
        &self.0
    }

    /// `scheme://host[:port]`, safe to log.
    pub fn redacted(&self) -> String {
        let host = self.0.host_str().unwrap_or("");
        match self.0.port() {
            Some(p) => format!("{}://{host}:{p}/***", self.0.scheme()),
            None => format!("{}://{host}/***", self.0.scheme()),
        }
    }
}

impl fmt::Debug for SecretUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_value() {
        let s = Secret::new("SECabc123");
        assert_eq!(format!("{s:?}"), "***");
        assert_eq!(format!("{s}"), "***");
        assert_eq!(s.expose(), "SECabc123");
        let u = SecretUrl::new(
            "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K1"
                .parse()
                .unwrap(),
        );
        let shown = format!("{u:?}");
        assert!(
            !shown.contains("K1") && shown.contains("qyapi.weixin.qq.com"),
            "{shown}"
        );
    }
}
