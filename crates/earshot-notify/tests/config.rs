//! The `[alerts]` config: the issue's shape parses, every mistake names its field, and secrets
//! never show in `Debug`.

use earshot_notify::{AlertSettings, ChannelKind, ConfigError, Lang};

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Root {
    alerts: AlertSettings,
}

fn build(text: &str) -> Result<earshot_notify::AlertConfig, ConfigError> {
    let root: Root = toml::from_str(text).map_err(|e| ConfigError {
        field: "toml".into(),
        message: e.to_string(),
    })?;
    root.alerts.build()
}

const ISSUE_EXAMPLE: &str = r#"
[[alerts.channels]]
name = "ops"
kind = "webhook"
url = "https://hooks.example.com/earshot?token=TOPSECRET_URL"
secret = "whsec_TOPSECRET"

[[alerts.channels]]
name = "tg"
kind = "telegram"
bot_token = "123456:TOPSECRET_BOT"
chat_id = -1001234567890
lang = "zh-CN"

[[alerts.policies]]
channel = "ops"
min_severity = "high"
codes = ["threat.*", "abuse.insult"]
min_risk = 60
workspace = "acme"
quiet_hours = { start = "22:00", end = "07:00", tz = "Europe/Berlin" }
rate_limit = { per_minute = 20 }

[[alerts.policies]]
channel = "tg"
min_severity = "critical"
"#;

#[test]
fn issue_example_parses() {
    let cfg = build(ISSUE_EXAMPLE).unwrap();
    assert_eq!(cfg.channels.len(), 2);
    let ops = cfg.channel("ops").unwrap();
    assert_eq!(ops.kind, ChannelKind::Webhook);
    assert_eq!(
        ops.per_minute,
        Some(20),
        "the policy's rate limit applies to its channel"
    );
    let tg = cfg.channel("tg").unwrap();
    assert_eq!(tg.chat_id.as_deref(), Some("-1001234567890"));
    assert_eq!(tg.lang, Lang::ZhCn);
    assert_eq!(tg.url.expose().as_str(), "https://api.telegram.org/");
    assert_eq!(cfg.policies[0].codes.len(), 2);
    assert!(
        cfg.policies[0]
            .quiet_hours
            .as_ref()
            .unwrap()
            .critical_bypass
    );
    assert_eq!(cfg.dedup_window, jiff::SignedDuration::from_hours(1));
}

#[test]
fn secrets_never_in_debug() {
    let settings: Root = toml::from_str(ISSUE_EXAMPLE).unwrap();
    let raw = format!("{:?}", settings.alerts);
    let built = format!("{:?}", settings.alerts.build().unwrap());
    for shown in [raw, built] {
        assert!(!shown.contains("TOPSECRET"), "a secret leaked: {shown}");
        assert!(shown.contains("***"));
    }
}

fn field_of(text: &str) -> String {
    build(text).unwrap_err().field
}

#[test]
fn mistakes_name_the_field() {
    let cases = [
        (
            "[[alerts.channels]]\nname='a'\nkind='irc'\nurl='https://x.example'",
            "alerts.channels[0].kind",
        ),
        (
            "[[alerts.channels]]\nname='a'\nkind='slack'\nurl='https://x.example'\n[[alerts.policies]]\nchannel='b'",
            "alerts.policies[0].channel",
        ),
        (
            "[[alerts.channels]]\nname='a'\nkind='slack'\nurl='not a url'",
            "alerts.channels[0].url",
        ),
        (
            "[[alerts.channels]]\nname='a'\nkind='slack'\nurl='ftp://x.example/'",
            "alerts.channels[0].url",
        ),
        (
            "[[alerts.channels]]\nname='a'\nkind='slack'",
            "alerts.channels[0].url",
        ),
        (
            "[[alerts.channels]]\nname='a'\nkind='dingtalk'\nurl='https://x.example'",
            "alerts.channels[0].secret",
        ),
        (
            "[[alerts.channels]]\nname='a'\nkind='feishu'\nurl='https://x.example'",
            "alerts.channels[0].secret",
        ),
        (
            "[[alerts.channels]]\nname='a'\nkind='webhook'\nurl='https://x.example'\nsecret=''",
            "alerts.channels[0].secret",
        ),
        (
            "[[alerts.channels]]\nname='a'\nkind='telegram'\nchat_id='1'",
            "alerts.channels[0].bot_token",
        ),
        (
            "[[alerts.channels]]\nname='a'\nkind='telegram'\nbot_token='1:x'",
            "alerts.channels[0].chat_id",
        ),
        (
            "[[alerts.channels]]\nname='a'\nkind='slack'\nurl='https://x.example'\nlang='fr'",
            "alerts.channels[0].lang",
        ),
        (
            "[[alerts.channels]]\nname='a'\nkind='slack'\nurl='https://x.example'\n[[alerts.channels]]\nname='a'\nkind='slack'\nurl='https://y.example'",
            "alerts.channels[1].name",
        ),
        (
            "[[alerts.channels]]\nname='a'\nkind='slack'\nurl='https://x.example'\n[[alerts.policies]]\nchannel='a'\nmin_severity='urgent'",
            "alerts.policies[0].min_severity",
        ),
        (
            "[[alerts.channels]]\nname='a'\nkind='slack'\nurl='https://x.example'\n[[alerts.policies]]\nchannel='a'\ncodes=['threat.*','Bad Code']",
            "alerts.policies[0].codes[1]",
        ),
        (
            "[[alerts.channels]]\nname='a'\nkind='slack'\nurl='https://x.example'\n[[alerts.policies]]\nchannel='a'\nmin_risk=150",
            "alerts.policies[0].min_risk",
        ),
        (
            "[[alerts.channels]]\nname='a'\nkind='slack'\nurl='https://x.example'\n[[alerts.policies]]\nchannel='a'\nrate_limit={per_minute=0}",
            "alerts.policies[0].rate_limit.per_minute",
        ),
        (
            "[[alerts.channels]]\nname='a'\nkind='slack'\nurl='https://x.example'\n[[alerts.policies]]\nchannel='a'\nquiet_hours={start='22:00',end='7'}",
            "alerts.policies[0].quiet_hours.end",
        ),
        ("[alerts]\ndedup_window='forever'", "alerts.dedup_window"),
    ];
    for (text, field) in cases {
        assert_eq!(field_of(text), field, "for config:\n{text}");
    }
}

#[test]
fn unknown_keys_are_rejected() {
    let e =
        build("[[alerts.channels]]\nname='a'\nkind='slack'\nurl='https://x.example'\ncolour='red'")
            .unwrap_err();
    assert!(e.message.contains("colour"), "{e}");
}

#[test]
fn error_message_does_not_quote_the_url() {
    let e = build("[[alerts.channels]]\nname='a'\nkind='slack'\nurl='hooks.slack.com/services/T0/B0/SECRETPATH'")
        .unwrap_err();
    assert_eq!(e.field, "alerts.channels[0].url");
    assert!(!e.to_string().contains("SECRETPATH"), "{e}");
}

#[test]
fn vendor_defaults_cap_the_rate() {
    let cfg = build(
        "[[alerts.channels]]\nname='w'\nkind='wecom'\nurl='https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k'\n\
         [[alerts.policies]]\nchannel='w'\nrate_limit={per_minute=50}",
    )
    .unwrap();
    assert_eq!(
        cfg.channel("w").unwrap().per_minute,
        Some(20),
        "WeCom allows 20 a minute"
    );
}

/// Every TOML example in docs/alerts.md is a valid config.
#[test]
fn docs_examples_parse() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/alerts.md");
    let text = std::fs::read_to_string(path).expect("docs/alerts.md exists");
    let blocks: Vec<&str> = text
        .split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap_or(""))
        .collect();
    assert!(blocks.len() >= 2, "docs/alerts.md has its examples");
    for b in &blocks {
        let cfg = build(b).unwrap_or_else(|e| panic!("{e}\nin:\n{b}"));
        assert!(!cfg.channels.is_empty());
    }
    let all = build(blocks[1]).unwrap();
    let kinds: std::collections::HashSet<_> = all.channels.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds.len(),
        ChannelKind::ALL.len(),
        "one example per channel kind"
    );
}
