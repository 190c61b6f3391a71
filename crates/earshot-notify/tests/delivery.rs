//! Delivery against real receivers on 127.0.0.1: signatures checked the way a receiver checks
//! them, retries, Retry-After, permanent failures and the rate limit.

mod common;

use std::time::Duration;

use common::{Receiver, Reply, alert, config};
use earshot_notify::{Client, Delivery, Outcome, plan};
use hmac::{Hmac, KeyInit, Mac};
use jiff::Timestamp;
use sha2::Sha256;

const SECRET: &str = "whsec_loopback_test";

fn hook_config(url: &str, extra: &str) -> earshot_notify::AlertConfig {
    config(&format!(
        "[alerts]\nretry={{initial='10ms',max_delay='40ms',max_attempts=5}}\n{extra}\n\
         [[alerts.channels]]\nname='hook'\nkind='webhook'\nurl='{url}'\nsecret='{SECRET}'\n\
         [[alerts.policies]]\nchannel='hook'\nmin_severity='high'\n"
    ))
}

fn one(cfg: &earshot_notify::AlertConfig) -> Delivery {
    let mut d = plan(cfg, &alert(), &(), Timestamp::now());
    assert_eq!(d.len(), 1);
    d.remove(0)
}

/// Sends until the delivery is finished or throttled, sleeping as told between attempts, the
/// way the server's worker does; returns every outcome.
async fn drive(client: &Client, d: &mut Delivery) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    for _ in 0..10 {
        let out = client.send(d).await;
        let done = d.apply(&out, Timestamp::now());
        let wait = match &out {
            Outcome::Retry { after, .. } => Some(*after),
            _ => None,
        };
        outcomes.push(out);
        match wait {
            Some(w) if !done => tokio::time::sleep(w).await,
            _ => break,
        }
    }
    outcomes
}

/// Checks an earshot webhook request as a receiver would, with an HMAC computed here.
fn verify(r: &common::Received) {
    let ts = r.header("x-earshot-timestamp");
    let ts_num: i64 = ts.parse().expect("timestamp is Unix seconds");
    assert!(
        (Timestamp::now().as_second() - ts_num).abs() < 60,
        "timestamp is current"
    );
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(ts.as_bytes());
    mac.update(b".");
    mac.update(&r.body);
    let expected = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
    assert_eq!(r.header("x-earshot-signature"), expected);
}

#[tokio::test]
async fn webhook_is_signed_and_verifiable() {
    let rx = Receiver::start(vec![], Reply::new(204, "")).await;
    let cfg = hook_config(&rx.url("/earshot"), "");
    let client = Client::new(cfg.clone()).unwrap();
    let mut d = one(&cfg);
    assert_eq!(
        drive(&client, &mut d).await,
        [Outcome::Delivered { status: 204 }]
    );
    let reqs = rx.requests();
    assert_eq!(reqs.len(), 1);
    let r = &reqs[0];
    assert_eq!(r.method, "POST");
    assert_eq!(r.uri.path(), "/earshot");
    assert_eq!(r.header("content-type"), "application/json; charset=utf-8");
    assert_eq!(r.header("x-earshot-delivery"), d.id);
    assert_eq!(r.header("x-earshot-event"), "alert.created");
    assert!(r.header("user-agent").starts_with("earshot-webhooks/"));
    verify(r);
    // The crate's own verifier, for Rust receivers, agrees.
    let ok = earshot_notify::sign::verify_webhook(
        &[SECRET],
        r.header("x-earshot-timestamp"),
        r.header("x-earshot-signature"),
        &r.body,
        Timestamp::now().as_second(),
        300,
    );
    assert_eq!(ok, Ok(()));
    let body = r.json();
    assert_eq!(body["id"], d.id.as_str());
    assert_eq!(
        body["data"]["items"][0]["evidence"],
        "I will call my <lawyer> & sue"
    );
    assert_eq!(d.attempts, 1);
}

#[tokio::test]
async fn retries_5xx_then_succeeds_with_the_same_delivery_id() {
    let rx = Receiver::start(
        vec![Reply::new(500, "boom"), Reply::new(503, "")],
        Reply::new(200, ""),
    )
    .await;
    let cfg = hook_config(&rx.url("/"), "");
    let client = Client::new(cfg.clone()).unwrap();
    let mut d = one(&cfg);
    let outs = drive(&client, &mut d).await;
    assert_eq!(outs.len(), 3, "{outs:?}");
    assert!(matches!(&outs[0], Outcome::Retry { reason, .. } if reason.contains("500")));
    assert!(matches!(&outs[1], Outcome::Retry { .. }));
    assert_eq!(outs[2], Outcome::Delivered { status: 200 });
    assert_eq!(d.attempts, 3);
    let reqs = rx.requests();
    assert_eq!(reqs.len(), 3);
    for r in &reqs {
        assert_eq!(
            r.header("x-earshot-delivery"),
            d.id,
            "stable across retries"
        );
        assert_eq!(r.body, reqs[0].body, "the same body every time");
        verify(r);
    }
}

#[tokio::test]
async fn retry_after_is_honoured() {
    let rx = Receiver::start(
        vec![Reply::new(429, "slow down").header("retry-after", "1")],
        Reply::new(200, ""),
    )
    .await;
    let cfg = hook_config(&rx.url("/"), "");
    let client = Client::new(cfg.clone()).unwrap();
    let mut d = one(&cfg);
    let outs = drive(&client, &mut d).await;
    assert!(
        matches!(&outs[0], Outcome::Retry { after, .. } if *after == Duration::from_secs(1)),
        "{outs:?}"
    );
    assert_eq!(outs[1], Outcome::Delivered { status: 200 });
    let reqs = rx.requests();
    let gap = reqs[1].at.duration_since(reqs[0].at);
    assert!(gap >= Duration::from_secs(1), "waited only {gap:?}");
}

#[tokio::test]
async fn client_errors_are_not_retried() {
    for status in [400u16, 401, 404, 410] {
        let rx = Receiver::start(vec![], Reply::new(status, "no such hook")).await;
        let cfg = hook_config(&rx.url("/"), "");
        let client = Client::new(cfg.clone()).unwrap();
        let mut d = one(&cfg);
        let outs = drive(&client, &mut d).await;
        assert_eq!(outs.len(), 1, "{status}: {outs:?}");
        assert!(
            matches!(&outs[0], Outcome::Failed { reason } if reason.contains(&status.to_string()))
        );
        assert_eq!(rx.requests().len(), 1);
    }
}

#[tokio::test]
async fn request_timeout_408_is_retried() {
    let rx = Receiver::start(vec![Reply::new(408, "")], Reply::new(200, "")).await;
    let cfg = hook_config(&rx.url("/"), "");
    let client = Client::new(cfg.clone()).unwrap();
    let mut d = one(&cfg);
    let outs = drive(&client, &mut d).await;
    assert_eq!(outs.last(), Some(&Outcome::Delivered { status: 200 }));
    assert_eq!(rx.requests().len(), 2);
}

#[tokio::test]
async fn gives_up_after_max_attempts() {
    let rx = Receiver::start(vec![], Reply::new(502, "")).await;
    let cfg = hook_config(&rx.url("/"), "");
    let client = Client::new(cfg.clone()).unwrap();
    let mut d = one(&cfg);
    let outs = drive(&client, &mut d).await;
    assert_eq!(outs.len(), 5);
    assert!(
        matches!(outs.last(), Some(Outcome::Failed { reason }) if reason.starts_with("gave up after 5 attempts"))
    );
    assert_eq!(rx.requests().len(), 5);
}

#[tokio::test]
async fn network_errors_are_retried_without_leaking_the_url() {
    // A port that was just free: nothing listens there.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let cfg = hook_config(&format!("http://127.0.0.1:{port}/hook?token=URLSECRET"), "");
    let client = Client::new(cfg.clone()).unwrap();
    let d = one(&cfg);
    match client.send(&d).await {
        Outcome::Retry { reason, .. } => {
            assert!(reason.starts_with("request failed"), "{reason}");
            assert!(!reason.contains("URLSECRET"), "{reason}");
        }
        other => panic!("expected a retry, got {other:?}"),
    }
}

#[tokio::test]
async fn rate_limit_throttles_without_counting_an_attempt() {
    let rx = Receiver::start(vec![], Reply::new(200, "")).await;
    let cfg = config(&format!(
        "[[alerts.channels]]\nname='hook'\nkind='webhook'\nurl='{}'\nsecret='{SECRET}'\n\
         [[alerts.policies]]\nchannel='hook'\nrate_limit={{per_minute=2}}\n",
        rx.url("/")
    ));
    let client = Client::new(cfg.clone()).unwrap();
    let mut outs = Vec::new();
    let mut last = None;
    for i in 0..3 {
        let mut a = alert();
        a.conversation_id = format!("c{i}");
        let mut d = plan(&cfg, &a, &(), Timestamp::now()).remove(0);
        let out = client.send(&d).await;
        d.apply(&out, Timestamp::now());
        outs.push(out);
        last = Some(d);
    }
    assert_eq!(outs[0], Outcome::Delivered { status: 200 });
    assert_eq!(outs[1], Outcome::Delivered { status: 200 });
    let Outcome::Throttled { after } = outs[2] else {
        panic!("{outs:?}")
    };
    assert!(
        after > Duration::from_secs(25) && after <= Duration::from_secs(30),
        "{after:?}"
    );
    assert_eq!(
        last.unwrap().attempts,
        0,
        "a throttled send is not an attempt"
    );
    assert_eq!(rx.requests().len(), 2);
}

#[tokio::test]
async fn removed_channel_fails_the_delivery() {
    let cfg = hook_config("http://127.0.0.1:9/", "");
    let d = one(&cfg);
    let other = config(
        "[[alerts.channels]]\nname='x'\nkind='slack'\nurl='https://hooks.slack.com/services/a'",
    );
    let client = Client::new(other).unwrap();
    assert!(
        matches!(client.send(&d).await, Outcome::Failed { reason } if reason.contains("no longer configured"))
    );
}

/// The receiver snippet of docs/alerts.md, copied verbatim, so the documentation stays right.
mod docs_snippet {
    use hmac::{Hmac, KeyInit, Mac};
    use sha2::Sha256;

    fn verify(secret: &[u8], ts: &str, sig: &str, body: &[u8], now_secs: i64) -> bool {
        let Ok(t) = ts.parse::<i64>() else {
            return false;
        };
        if (now_secs - t).abs() > 300 {
            return false;
        }
        let Some(Ok(given)) = sig.strip_prefix("sha256=").map(hex::decode) else {
            return false;
        };
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
            return false;
        };
        mac.update(ts.as_bytes());
        mac.update(b".");
        mac.update(body);
        mac.verify_slice(&given).is_ok() // constant-time comparison
    }

    #[test]
    fn documented_vector() {
        let sig = "sha256=25e16d372b0dbdb4fb99ad183b12876b18ea72b19e516a4fc29c58a3bea0eabb";
        let body = br#"{"id":"dlv_1"}"#;
        assert!(verify(
            b"whsec_test",
            "1715242320",
            sig,
            body,
            1_715_242_320
        ));
        assert!(!verify(
            b"whsec_test",
            "1715242320",
            sig,
            b"{}",
            1_715_242_320
        ));
        assert!(!verify(
            b"whsec_test",
            "1715242320",
            sig,
            body,
            1_715_250_000
        ));
        assert!(!verify(b"other", "1715242320", sig, body, 1_715_242_320));
    }
}
