//! Planning: policy matching, dedup within the window, quiet hours, stable delivery ids.

mod common;

use std::collections::HashSet;

use common::{alert, config};
use earshot_model::{Code, Severity};
use earshot_notify::{AlertItem, plan};
use jiff::Timestamp;

const SLACK: &str =
    "[[alerts.channels]]\nname='ops'\nkind='slack'\nurl='https://hooks.slack.com/services/T/B/X'\n";

fn now() -> Timestamp {
    // 12:00 UTC, 14:00 in Berlin: outside the quiet hours used below.
    "2024-05-09T12:00:00Z".parse().unwrap()
}

fn codes(d: &earshot_notify::Delivery) -> Vec<String> {
    d.dedup_keys
        .iter()
        .map(|k| k.rsplit(':').next().unwrap().to_string())
        .collect()
}

#[test]
fn min_severity() {
    let cfg = config(&format!(
        "{SLACK}[[alerts.policies]]\nchannel='ops'\nmin_severity='critical'"
    ));
    assert!(
        plan(&cfg, &alert(), &(), now()).is_empty(),
        "high findings do not reach critical"
    );
    let cfg = config(&format!(
        "{SLACK}[[alerts.policies]]\nchannel='ops'\nmin_severity='high'"
    ));
    let out = plan(&cfg, &alert(), &(), now());
    assert_eq!(out.len(), 1);
    assert_eq!(codes(&out[0]), ["threat.legal", "abuse.insult"]);
}

#[test]
fn codes_with_wildcards() {
    let cfg = config(&format!(
        "{SLACK}[[alerts.policies]]\nchannel='ops'\ncodes=['threat.*']"
    ));
    let out = plan(&cfg, &alert(), &(), now());
    assert_eq!(codes(&out[0]), ["threat.legal"]);
    let text = out[0].payload["text"].as_str().unwrap();
    assert!(
        !text.contains("abuse.insult"),
        "only the matched codes are in the message: {text}"
    );
    let cfg = config(&format!(
        "{SLACK}[[alerts.policies]]\nchannel='ops'\ncodes=['abuse.insult']"
    ));
    assert_eq!(
        codes(&plan(&cfg, &alert(), &(), now())[0]),
        ["abuse.insult"]
    );
    let cfg = config(&format!(
        "{SLACK}[[alerts.policies]]\nchannel='ops'\ncodes=['threat.violence','emotion.*']"
    ));
    assert!(plan(&cfg, &alert(), &(), now()).is_empty());
    let cfg = config(&format!(
        "{SLACK}[[alerts.policies]]\nchannel='ops'\ncodes=['*']"
    ));
    assert_eq!(plan(&cfg, &alert(), &(), now())[0].dedup_keys.len(), 2);
}

#[test]
fn info_findings_need_to_be_named() {
    let mut a = alert();
    a.items.push(AlertItem {
        code: Code::EMOTION_ANGER,
        severity: Severity::Info,
        confidence: 0.8,
        explanation: "anger".into(),
        evidence: String::new(),
        role: None,
        count: 1,
    });
    let cfg = config(&format!(
        "{SLACK}[[alerts.policies]]\nchannel='ops'\nmin_risk=10"
    ));
    assert_eq!(
        plan(&cfg, &a, &(), now())[0].dedup_keys.len(),
        2,
        "info is left out by default"
    );
    let cfg = config(&format!(
        "{SLACK}[[alerts.policies]]\nchannel='ops'\ncodes=['emotion.anger']"
    ));
    assert_eq!(codes(&plan(&cfg, &a, &(), now())[0]), ["emotion.anger"]);
}

#[test]
fn min_risk_and_workspace() {
    let cfg = config(&format!(
        "{SLACK}[[alerts.policies]]\nchannel='ops'\nmin_risk=80"
    ));
    assert!(
        plan(&cfg, &alert(), &(), now()).is_empty(),
        "risk 72 is below 80"
    );
    let cfg = config(&format!(
        "{SLACK}[[alerts.policies]]\nchannel='ops'\nmin_risk=72"
    ));
    assert_eq!(plan(&cfg, &alert(), &(), now()).len(), 1);
    let cfg = config(&format!(
        "{SLACK}[[alerts.policies]]\nchannel='ops'\nworkspace='globex'"
    ));
    assert!(plan(&cfg, &alert(), &(), now()).is_empty());
    let cfg = config(&format!(
        "{SLACK}[[alerts.policies]]\nchannel='ops'\nworkspace='acme'"
    ));
    assert_eq!(plan(&cfg, &alert(), &(), now()).len(), 1);
}

#[test]
fn one_delivery_per_channel_from_several_policies() {
    let two = format!(
        "{SLACK}[[alerts.channels]]\nname='team'\nkind='wecom'\nurl='https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k'\n\
         [[alerts.policies]]\nchannel='ops'\ncodes=['threat.*']\n\
         [[alerts.policies]]\nchannel='ops'\ncodes=['abuse.*']\n\
         [[alerts.policies]]\nchannel='team'\nmin_severity='high'"
    );
    let out = plan(&config(&two), &alert(), &(), now());
    assert_eq!(out.len(), 2);
    assert_eq!(
        (out[0].channel.as_str(), out[1].channel.as_str()),
        ("ops", "team")
    );
    assert_eq!(codes(&out[0]), ["threat.legal", "abuse.insult"]);
    assert_eq!(out[1].payload["msgtype"], "markdown");
    assert_ne!(out[0].id, out[1].id);
}

#[test]
fn dedup_against_recent_keys() {
    let cfg = config(&format!(
        "{SLACK}[[alerts.policies]]\nchannel='ops'\nmin_severity='high'"
    ));
    let first = plan(&cfg, &alert(), &(), now());
    // The store returns the keys planned within the window; the same alert again plans nothing.
    let recent: HashSet<(String, String)> = first[0]
        .dedup_keys
        .iter()
        .map(|k| ("ops".to_string(), k.clone()))
        .collect();
    assert!(plan(&cfg, &alert(), &recent, now()).is_empty());
    // A new code in the same conversation still alerts, alone.
    let mut a = alert();
    a.items.push(AlertItem {
        code: Code::THREAT_CHARGEBACK,
        severity: Severity::High,
        confidence: 1.0,
        explanation: "chargeback".into(),
        evidence: String::new(),
        role: None,
        count: 1,
    });
    let again = plan(&cfg, &a, &recent, now());
    assert_eq!(codes(&again[0]), ["threat.chargeback"]);
    // Keys seen on another channel do not suppress this one; a plain key set suppresses all.
    let elsewhere: HashSet<(String, String)> = first[0]
        .dedup_keys
        .iter()
        .map(|k| ("other".to_string(), k.clone()))
        .collect();
    assert_eq!(plan(&cfg, &alert(), &elsewhere, now()).len(), 1);
    let global: HashSet<String> = first[0].dedup_keys.iter().cloned().collect();
    assert!(plan(&cfg, &alert(), &global, now()).is_empty());
}

#[test]
fn quiet_hours_defer_and_critical_bypasses() {
    let quiet = format!(
        "{SLACK}[[alerts.policies]]\nchannel='ops'\nmin_severity='high'\n\
         quiet_hours={{start='22:00',end='07:00',tz='Europe/Berlin'}}"
    );
    let cfg = config(&quiet);
    // 23:30 in Berlin.
    let night: Timestamp = "2024-05-09T21:30:00Z".parse().unwrap();
    let out = plan(&cfg, &alert(), &(), night);
    assert_eq!(out.len(), 1, "deferred, not dropped");
    assert_eq!(
        out[0].next_attempt_at,
        "2024-05-10T05:00:00Z".parse::<Timestamp>().unwrap()
    );
    assert_eq!(out[0].created_at, night);
    assert_eq!(plan(&cfg, &alert(), &(), now())[0].next_attempt_at, now());

    let mut critical = alert();
    critical.items[0].code = Code::THREAT_VIOLENCE;
    critical.items[0].severity = Severity::Critical;
    critical.severity = Severity::Critical;
    assert_eq!(
        plan(&cfg, &critical, &(), night)[0].next_attempt_at,
        night,
        "critical bypasses"
    );
    let strict = config(&quiet.replace(
        "tz='Europe/Berlin'",
        "tz='Europe/Berlin',critical_bypass=false",
    ));
    assert_ne!(
        plan(&strict, &critical, &(), night)[0].next_attempt_at,
        night
    );
}

#[test]
fn delivery_ids_are_stable_and_distinct() {
    let cfg = config(&format!("{SLACK}[[alerts.policies]]\nchannel='ops'"));
    let a = plan(&cfg, &alert(), &(), now());
    let b = plan(&cfg, &alert(), &(), now());
    assert_eq!(a, b, "planning is pure");
    assert!(
        a[0].id.starts_with("dlv_") && a[0].id.len() == 36,
        "{}",
        a[0].id
    );
    let later = plan(
        &cfg,
        &alert(),
        &(),
        now() + jiff::SignedDuration::from_secs(1),
    );
    assert_ne!(a[0].id, later[0].id);
    assert_eq!(a[0].attempts, 0);
    // The record round-trips through JSON, the form the store may keep it in.
    let json = serde_json::to_string(&a[0]).unwrap();
    let back: earshot_notify::Delivery = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a[0]);
}

#[test]
fn webhook_body_is_the_envelope() {
    let cfg = config(
        "[[alerts.channels]]\nname='hook'\nkind='webhook'\nurl='https://x.example/h'\nsecret='s'\n\
         [[alerts.policies]]\nchannel='hook'\ncodes=['threat.*']",
    );
    let d = &plan(&cfg, &alert(), &(), now())[0];
    assert_eq!(d.payload["id"], d.id.as_str());
    assert_eq!(d.payload["type"], "alert.created");
    assert_eq!(d.payload["created_at"], "2024-05-09T12:00:00Z");
    let data = &d.payload["data"];
    assert_eq!(data["conversation_id"], "5521");
    assert_eq!(data["url"], "https://qa.example/conversations/5521");
    assert_eq!(data["items"].as_array().unwrap().len(), 1);
    assert_eq!(data["items"][0]["code"], "threat.legal");
    assert_eq!(data["order_value"], 129.9);
}

/// From an analysed conversation to the stored webhook body: personal data does not survive.
#[test]
fn conversation_to_payload_is_redacted() {
    use earshot_model::{Analysis, Conversation, Finding, Role, Span, Turn};
    use earshot_notify::{Alert, BuiltinRedactor};

    let text = "Refund now or my lawyer calls you at +49 30 1234 5678, mail anna@example.com";
    let mut c = Conversation::new("c/7", vec![Turn::new(Role::Customer, text)]);
    c.workspace = Some("acme".into());
    let finding = Finding::new(Code::THREAT_LEGAL, "legal threat").at(
        0,
        Role::Customer,
        text,
        Span::new(0, text.chars().count()),
    );
    let analysis = Analysis {
        id: "c/7".into(),
        workspace: "acme".into(),
        language: "en".into(),
        risk: 65.0,
        severity: Some(Severity::High),
        satisfaction: None,
        scores: None,
        findings: vec![finding],
        turns: vec![],
        risk_explanation: vec![],
        diagnostics: vec![],
    };
    let a = Alert::from_analysis(&c, &analysis, "https://earshot.example", &BuiltinRedactor);
    let cfg = config(
        "[[alerts.channels]]\nname='hook'\nkind='webhook'\nurl='https://x.example/h'\nsecret='s'\n\
         [[alerts.policies]]\nchannel='hook'\ncodes=['threat.*']",
    );
    let d = &plan(&cfg, &a, &(), now())[0];
    let body = d.payload.to_string();
    assert!(
        !body.contains("anna@") && !body.contains("1234 5678"),
        "{body}"
    );
    assert_eq!(
        d.payload["data"]["items"][0]["evidence"],
        "Refund now or my lawyer calls you at [phone], mail [email]"
    );
    assert_eq!(
        d.payload["data"]["url"],
        "https://earshot.example/conversations/c%2F7"
    );
    assert_eq!(d.dedup_keys, ["acme:c%2F7:threat.legal"]);
}
