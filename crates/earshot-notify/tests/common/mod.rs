//! A loopback HTTP receiver for the delivery tests: it records every request and answers from
//! a script, so each test can play a vendor (or a failing one) on 127.0.0.1.

// Each test binary uses a different part of these helpers.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use earshot_model::{Code, Severity};
use earshot_notify::{Alert, AlertItem};

#[derive(Debug, Clone)]
pub struct Received {
    pub method: Method,
    pub uri: Uri,
    pub headers: HeaderMap,
    pub body: Bytes,
    pub at: std::time::Instant,
}

impl Received {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("the body is JSON")
    }

    pub fn query(&self, key: &str) -> Option<String> {
        let q = self.uri.query()?;
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.into_owned())
    }

    /// The query parameter exactly as it appeared on the wire, still percent-encoded.
    pub fn raw_query(&self, key: &str) -> Option<String> {
        self.uri.query()?.split('&').find_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            (k == key).then(|| v.to_string())
        })
    }
}

/// One scripted answer.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
}

impl Reply {
    pub fn new(status: u16, body: &str) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: body.to_string(),
        }
    }

    pub fn header(mut self, k: &'static str, v: &str) -> Reply {
        self.headers.push((k, v.to_string()));
        self
    }
}

#[derive(Clone)]
pub struct Receiver {
    pub addr: SocketAddr,
    pub received: Arc<Mutex<Vec<Received>>>,
    script: Arc<Mutex<VecDeque<Reply>>>,
    default: Reply,
}

impl Receiver {
    /// Starts a receiver answering `default` once `script` is used up.
    pub async fn start(script: Vec<Reply>, default: Reply) -> Receiver {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let r = Receiver {
            addr,
            received: Arc::default(),
            script: Arc::new(Mutex::new(script.into())),
            default,
        };
        let state = r.clone();
        let app = axum::Router::new().fallback(
            move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
                let state = state.clone();
                async move { state.handle(method, uri, headers, body) }
            },
        );
        tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        r
    }

    fn handle(&self, method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
        let at = std::time::Instant::now();
        self.received.lock().unwrap().push(Received {
            method,
            uri,
            headers,
            body,
            at,
        });
        let reply = self
            .script
            .lock()
            .unwrap()
            .pop_front()
            .unwrap_or_else(|| self.default.clone());
        let mut resp = (
            StatusCode::from_u16(reply.status).unwrap(),
            reply.body.clone(),
        )
            .into_response();
        for (k, v) in reply.headers {
            resp.headers_mut().insert(k, v.parse().unwrap());
        }
        resp
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn requests(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

/// An alert about conversation 5521 of workspace acme with a legal threat and an insult.
pub fn alert() -> Alert {
    let item = |code: Code, severity, explanation: &str, evidence: &str| AlertItem {
        code,
        severity,
        confidence: 0.9,
        explanation: explanation.into(),
        evidence: evidence.into(),
        role: None,
        count: 1,
    };
    Alert {
        workspace: "acme".into(),
        conversation_id: "5521".into(),
        severity: Severity::High,
        risk: 72.0,
        items: vec![
            item(
                Code::THREAT_LEGAL,
                Severity::High,
                "customer threatens legal action",
                "I will call my <lawyer> & sue",
            ),
            item(
                Code::ABUSE_INSULT,
                Severity::High,
                "insult aimed at the agent",
                "you idiot",
            ),
        ],
        agent: Some("Marta R.".into()),
        store: Some("shop-de".into()),
        channel: "chat".into(),
        source: Some("zendesk".into()),
        order_value: Some(129.9),
        currency: Some("EUR".into()),
        language: "en".into(),
        url: "https://qa.example/conversations/5521".into(),
    }
}

/// Builds an alert config from the TOML body of an `[alerts]` table.
pub fn config(toml_text: &str) -> earshot_notify::AlertConfig {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Root {
        alerts: earshot_notify::AlertSettings,
    }
    let root: Root = toml::from_str(toml_text).expect("valid TOML");
    root.alerts.build().expect("valid config")
}
