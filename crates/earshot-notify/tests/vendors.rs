//! Each chat vendor played by a loopback receiver that checks the request the way the vendor
//! documents it (specs/05-alerts.md): signature recomputed from what arrived, body shape, and
//! the vendor's own error answers inside HTTP 200.

mod common;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use common::{Receiver, Reply, alert, config};
use earshot_notify::{Client, Delivery, Outcome, plan};
use hmac::{Hmac, KeyInit, Mac};
use jiff::Timestamp;
use sha2::Sha256;

const SECRET: &str = "SEC0123456789abcdef";

fn channel(kind: &str, url: &str, extra: &str) -> earshot_notify::AlertConfig {
    config(&format!(
        "[[alerts.channels]]\nname='c'\nkind='{kind}'\nurl='{url}'\n{extra}\n\
         [[alerts.policies]]\nchannel='c'\nmin_severity='high'\n"
    ))
}

fn delivery(cfg: &earshot_notify::AlertConfig) -> Delivery {
    plan(cfg, &alert(), &(), Timestamp::now()).remove(0)
}

fn hmac_b64(key: &[u8], msg: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).unwrap();
    mac.update(msg);
    STANDARD.encode(mac.finalize().into_bytes())
}

#[tokio::test]
async fn slack_block_kit() {
    let rx = Receiver::start(
        vec![Reply::new(200, "invalid_blocks")],
        Reply::new(200, "ok"),
    )
    .await;
    let cfg = channel("slack", &rx.url("/services/T0/B0/XYZ"), "");
    let client = Client::new(cfg.clone()).unwrap();
    let d = delivery(&cfg);
    assert!(
        matches!(client.send(&d).await, Outcome::Failed { reason } if reason.contains("invalid_blocks"))
    );
    assert_eq!(client.send(&d).await, Outcome::Delivered { status: 200 });
    let r = &rx.requests()[1];
    assert_eq!(r.uri.path(), "/services/T0/B0/XYZ");
    let b = r.json();
    assert!(
        b["text"]
            .as_str()
            .unwrap()
            .starts_with("[HIGH] threat.legal")
    );
    let blocks = b["blocks"].as_array().unwrap();
    assert_eq!(blocks[0]["type"], "header");
    assert_eq!(blocks[1]["fields"][1]["text"], "*Agent:*\nMarta R.");
    let quote = blocks[3]["text"]["text"].as_str().unwrap();
    assert!(
        quote.contains("I will call my &lt;lawyer&gt; &amp; sue"),
        "{quote}"
    );
}

#[tokio::test]
async fn teams_adaptive_card() {
    let rx = Receiver::start(vec![], Reply::new(202, "")).await;
    let cfg = channel(
        "teams",
        &rx.url("/workflows/abc/triggers/manual/paths/invoke?sig=S"),
        "",
    );
    let client = Client::new(cfg.clone()).unwrap();
    assert_eq!(
        client.send(&delivery(&cfg)).await,
        Outcome::Delivered { status: 202 }
    );
    let r = &rx.requests()[0];
    assert_eq!(r.query("sig").as_deref(), Some("S"));
    let b = r.json();
    assert_eq!(b["type"], "message");
    let card = &b["attachments"][0]["content"];
    assert_eq!(
        b["attachments"][0]["contentType"],
        "application/vnd.microsoft.card.adaptive"
    );
    assert_eq!(card["type"], "AdaptiveCard");
    assert_eq!(card["version"], "1.4");
    assert_eq!(
        card["$schema"],
        "http://adaptivecards.io/schemas/adaptive-card.json"
    );
    assert_eq!(card["body"][1]["type"], "FactSet");
    assert_eq!(card["actions"][0]["type"], "Action.OpenUrl");
}

#[tokio::test]
async fn feishu_signature_in_body() {
    let rx = Receiver::start(
        vec![Reply::new(200, r#"{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}"#)],
        Reply::new(200, r#"{"code":0,"msg":"success","data":{}}"#),
    )
    .await;
    let cfg = channel(
        "feishu",
        &rx.url("/open-apis/bot/v2/hook/uuid"),
        &format!("secret='{SECRET}'\nlang='zh-CN'"),
    );
    let client = Client::new(cfg.clone()).unwrap();
    let d = delivery(&cfg);
    assert!(
        matches!(client.send(&d).await, Outcome::Failed { reason } if reason.contains("19021"))
    );
    assert_eq!(client.send(&d).await, Outcome::Delivered { status: 200 });
    let b = rx.requests()[1].json();
    let ts = b["timestamp"]
        .as_str()
        .expect("timestamp is a string of seconds");
    let ts_num: i64 = ts.parse().unwrap();
    assert!((Timestamp::now().as_second() - ts_num).abs() < 60);
    // Feishu: the KEY is "timestamp\nsecret" and the message is empty.
    let expected = hmac_b64(format!("{ts}\n{SECRET}").as_bytes(), b"");
    assert_eq!(b["sign"], expected.as_str());
    assert_eq!(b["msg_type"], "interactive");
    assert_eq!(b["card"]["header"]["title"]["content"], "[高] 高风险对话");
}

#[tokio::test]
async fn dingtalk_signature_in_query() {
    let rx = Receiver::start(
        vec![Reply::new(
            200,
            r#"{"errcode":310000,"errmsg":"sign not match"}"#,
        )],
        Reply::new(200, r#"{"errcode":0,"errmsg":"ok"}"#),
    )
    .await;
    let cfg = channel(
        "dingtalk",
        &rx.url("/robot/send?access_token=TOKEN"),
        &format!("secret='{SECRET}'"),
    );
    let client = Client::new(cfg.clone()).unwrap();
    let d = delivery(&cfg);
    assert!(
        matches!(client.send(&d).await, Outcome::Failed { reason } if reason.contains("310000"))
    );
    assert_eq!(client.send(&d).await, Outcome::Delivered { status: 200 });
    let r = &rx.requests()[1];
    assert_eq!(r.query("access_token").as_deref(), Some("TOKEN"));
    let ts = r.query("timestamp").unwrap();
    let ts_num: i64 = ts.parse().unwrap();
    assert!(
        (Timestamp::now().as_millisecond() - ts_num).abs() < 60_000,
        "milliseconds"
    );
    // DingTalk: the KEY is the secret and the message is "timestamp\nsecret".
    let expected = hmac_b64(SECRET.as_bytes(), format!("{ts}\n{SECRET}").as_bytes());
    assert_eq!(r.query("sign").unwrap(), expected);
    let raw = r.raw_query("sign").unwrap();
    assert!(
        !raw.contains(['+', '/', '=']),
        "the sign is URL-encoded on the wire: {raw}"
    );
    let b = r.json();
    assert_eq!(b["msgtype"], "markdown");
    assert!(
        b["markdown"]["text"]
            .as_str()
            .unwrap()
            .starts_with("### [HIGH]")
    );
}

#[tokio::test]
async fn wecom_markdown_and_errcode() {
    let rx = Receiver::start(
        vec![
            Reply::new(200, r#"{"errcode":45009,"errmsg":"api freq out of limit"}"#),
            Reply::new(200, r#"{"errcode":93000,"errmsg":"invalid webhook url"}"#),
        ],
        Reply::new(200, r#"{"errcode":0,"errmsg":"ok"}"#),
    )
    .await;
    let cfg = channel(
        "wecom",
        &rx.url("/cgi-bin/webhook/send?key=KEY"),
        "lang='zh-CN'",
    );
    let client = Client::new(cfg.clone()).unwrap();
    let d = delivery(&cfg);
    assert!(
        matches!(client.send(&d).await, Outcome::Retry { .. }),
        "45009 is a rate limit"
    );
    assert!(
        matches!(client.send(&d).await, Outcome::Failed { reason } if reason.contains("93000"))
    );
    assert_eq!(client.send(&d).await, Outcome::Delivered { status: 200 });
    let r = &rx.requests()[2];
    assert_eq!(r.query("key").as_deref(), Some("KEY"));
    let b = r.json();
    assert_eq!(b["msgtype"], "markdown");
    let c = b["markdown"]["content"].as_str().unwrap();
    assert!(c.starts_with("## [高] 高风险对话\n> 店铺：shop-de"), "{c}");
    assert!(c.len() <= 4096);
}

#[tokio::test]
async fn telegram_html_escaping_and_retry_after() {
    let rx = Receiver::start(
        vec![Reply::new(
            429,
            r#"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}"#,
        )],
        Reply::new(200, r#"{"ok":true,"result":{"message_id":1}}"#),
    )
    .await;
    let cfg = config(&format!(
        "[[alerts.channels]]\nname='c'\nkind='telegram'\nurl='{}'\nbot_token='123:ABC'\nchat_id=-10042\n\
         [[alerts.policies]]\nchannel='c'\n",
        rx.url("/")
    ));
    let client = Client::new(cfg.clone()).unwrap();
    let d = delivery(&cfg);
    assert!(
        matches!(client.send(&d).await, Outcome::Retry { after, .. } if after == std::time::Duration::from_secs(1))
    );
    assert_eq!(client.send(&d).await, Outcome::Delivered { status: 200 });
    let r = &rx.requests()[1];
    assert_eq!(r.uri.path(), "/bot123:ABC/sendMessage");
    let b = r.json();
    assert_eq!(b["chat_id"], -10042);
    assert_eq!(b["parse_mode"], "HTML");
    assert_eq!(b["link_preview_options"]["is_disabled"], true);
    let t = b["text"].as_str().unwrap();
    assert!(t.contains("I will call my &lt;lawyer&gt; &amp; sue"), "{t}");
    assert!(!t.contains("<lawyer>"));
    // Every `<` left in the text opens one of the tags Telegram allows.
    for tag in t.split('<').skip(1) {
        let name = tag
            .trim_start_matches('/')
            .split(['>', ' '])
            .next()
            .unwrap();
        assert!(
            ["b", "a", "blockquote"].contains(&name),
            "unexpected tag {name} in {t}"
        );
    }
}

#[tokio::test]
async fn telegram_bad_request_fails() {
    let rx = Receiver::start(
        vec![],
        Reply::new(
            400,
            r#"{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}"#,
        ),
    )
    .await;
    let cfg = config(&format!(
        "[[alerts.channels]]\nname='c'\nkind='telegram'\nurl='{}'\nbot_token='123:ABC'\nchat_id='@ops'\n\
         [[alerts.policies]]\nchannel='c'\n",
        rx.url("/")
    ));
    let client = Client::new(cfg.clone()).unwrap();
    let out = client.send(&delivery(&cfg)).await;
    assert!(
        matches!(&out, Outcome::Failed { reason } if reason.contains("chat not found")),
        "{out:?}"
    );
    assert_eq!(rx.requests()[0].json()["chat_id"], "@ops");
}
