//! earshot's config file (`earshot serve --config FILE`), TOML. Unknown keys are refused and
//! every mistake names the file and the field.
//!
//! ```toml
//! [server]
//! db = "earshot.db"                   # or postgres://user@host/db
//! listen = "127.0.0.1:8080"
//! public_url = "https://earshot.example.com"   # the address in alert links
//!
//! [alerts]                            # see docs/alerts.md
//! ```

use std::path::Path;

use earshot_notify::{AlertConfig, AlertSettings};
use serde::Deserialize;

/// The file as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    #[serde(default)]
    pub server: ServerSection,
    #[serde(default)]
    pub alerts: AlertSettings,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSection {
    pub db: Option<String>,
    pub listen: Option<String>,
    /// Where people open earshot; alert links point here. Default `http://<listen>`.
    pub public_url: Option<String>,
}

/// The checked config.
#[derive(Debug, Clone)]
pub struct Config {
    pub server: ServerSection,
    pub alerts: AlertConfig,
}

impl Config {
    /// Reads and checks a config file.
    pub fn load(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read config {}: {e}", path.display()))?;
        Config::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Parses and checks config text.
    pub fn parse(text: &str) -> Result<Config, String> {
        let file: ConfigFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let alerts = file.alerts.build().map_err(|e| e.to_string())?;
        if let Some(url) = &file.server.public_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            return Err(format!(
                "server.public_url: {url:?} is not an http:// or https:// address"
            ));
        }
        Ok(Config {
            server: file.server,
            alerts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_config_is_read() {
        let c = Config::parse(
            r#"
[server]
db = "x.db"
public_url = "https://earshot.example.com"

[[alerts.channels]]
name = "ops"
kind = "webhook"
url = "http://127.0.0.1:9/hook"
secret = "s3cret"

[[alerts.policies]]
channel = "ops"
min_severity = "high"
"#,
        )
        .unwrap();
        assert_eq!(c.server.db.as_deref(), Some("x.db"));
        assert_eq!(c.alerts.channels.len(), 1);
        assert_eq!(c.alerts.policies.len(), 1);
    }

    #[test]
    fn mistakes_name_their_field() {
        let e = Config::parse("[server]\nlisten_on = \"x\"\n").unwrap_err();
        assert!(e.contains("listen_on"), "{e}");
        let e = Config::parse(
            "[[alerts.channels]]\nname = \"ops\"\nkind = \"webhook\"\nurl = \"http://x/\"\nsecret = \"s\"\n[[alerts.policies]]\nchannel = \"opz\"\n",
        )
        .unwrap_err();
        assert!(e.contains("alerts.policies[0].channel"), "{e}");
        let e = Config::parse("[server]\npublic_url = \"ftp://x\"\n").unwrap_err();
        assert!(e.contains("server.public_url"), "{e}");
    }
}
