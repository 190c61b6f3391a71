//! Socket-free tests of the API: the contract of each route, and workspace isolation for every
//! endpoint (no token → 401, another workspace's data → 404).

use axum::Router;
use axum::body::Body as HttpBody;
use axum::http::{Request, StatusCode, header};
use earshot_engine::Engine;
use earshot_server::{AppState, ROUTES, router};
use earshot_store::{SqliteStore, Store, TokenRole};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

struct App {
    router: Router,
    acme_ingest: String,
    acme_admin: String,
    acme_viewer: String,
    other_admin: String,
}

fn app() -> App {
    let mut store = SqliteStore::in_memory().unwrap();
    let acme_ingest = store.create_token("acme", TokenRole::Ingest, None).unwrap();
    let acme_admin = store.create_token("acme", TokenRole::Admin, None).unwrap();
    let acme_viewer = store.create_token("acme", TokenRole::Viewer, None).unwrap();
    let other_admin = store.create_token("other", TokenRole::Admin, None).unwrap();
    App {
        router: router(AppState::new(Box::new(store), Engine::default())),
        acme_ingest,
        acme_admin,
        acme_viewer,
        other_admin,
    }
}

async fn call(
    app: &Router,
    method: &str,
    uri: &str,
    token: Option<&str>,
    body: Body,
) -> (StatusCode, Value) {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(t) = token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    let req = match body {
        Some((ct, b)) => req
            .header(header::CONTENT_TYPE, ct)
            .body(HttpBody::from(b))
            .unwrap(),
        None => req.body(HttpBody::empty()).unwrap(),
    };
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    let v = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()));
    (status, v)
}

/// A request body: content type and text.
type Body = Option<(&'static str, String)>;

fn conv(id: &str, text: &str) -> Value {
    json!({"id": id, "channel": "chat", "agents": [{"id": "agent-7"}], "turns": [
        {"role": "customer", "text": text},
        {"role": "agent", "text": "Hello, I'm sorry about that. Anything else I can help with?"}]})
}

async fn seeded() -> App {
    let a = app();
    let body = format!(
        "{}\n{}\n",
        conv("c1", "You idiot, where is my parcel?"),
        conv("c2", "Thanks, all good.")
    );
    let (s, v) = call(
        &a.router,
        "POST",
        "/api/v1/conversations",
        Some(&a.acme_ingest),
        Some(("application/x-ndjson", body)),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["accepted"], 2);
    a
}

#[tokio::test]
async fn every_endpoint_needs_a_token_and_hides_other_workspaces() {
    let a = seeded().await;
    let (_, c1) = call(
        &a.router,
        "GET",
        "/api/v1/conversations/c1",
        Some(&a.acme_admin),
        None,
    )
    .await;
    let finding_id = c1["findings"][0]["id"].as_i64().expect("a stored finding");
    let review = || Some(("application/json", json!({"verdict": "reject"}).to_string()));
    let protected: Vec<(&str, String, Body)> = vec![
        (
            "POST",
            "/api/v1/conversations".into(),
            Some(("application/json", conv("c9", "hi").to_string())),
        ),
        ("GET", "/api/v1/conversations".into(), None),
        ("GET", "/api/v1/conversations/c1".into(), None),
        ("GET", "/api/v1/agents/agent-7/scorecard".into(), None),
        (
            "POST",
            format!("/api/v1/findings/{finding_id}/review"),
            review(),
        ),
        (
            "POST",
            "/api/v1/conversations/c1/training-case".into(),
            Some(("application/json", json!({"kind": "bad"}).to_string())),
        ),
        (
            "POST",
            "/api/v1/import/vtt".into(),
            Some(("text/vtt", "WEBVTT\n".to_string())),
        ),
    ];
    for (method, uri, body) in &protected {
        let (s, v) = call(&a.router, method, uri, None, body.clone()).await;
        assert_eq!(
            s,
            StatusCode::UNAUTHORIZED,
            "{method} {uri} without a token: {v}"
        );
        assert_eq!(v["error"]["code"], "unauthorized");
        let (s, _) = call(&a.router, method, uri, Some("es_not_a_token"), body.clone()).await;
        assert_eq!(
            s,
            StatusCode::UNAUTHORIZED,
            "{method} {uri} with a bad token"
        );
    }
    // Another workspace sees nothing of acme's.
    for uri in [
        "/api/v1/conversations/c1",
        "/api/v1/agents/agent-7/scorecard",
    ] {
        let (s, v) = call(&a.router, "GET", uri, Some(&a.other_admin), None).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{uri}: {v}");
    }
    let (s, v) = call(
        &a.router,
        "GET",
        "/api/v1/conversations",
        Some(&a.other_admin),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["items"].as_array().unwrap().len(), 0);
    let (s, _) = call(
        &a.router,
        "POST",
        &format!("/api/v1/findings/{finding_id}/review"),
        Some(&a.other_admin),
        review(),
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = call(
        &a.router,
        "POST",
        "/api/v1/conversations/c1/training-case",
        Some(&a.other_admin),
        Some(("application/json", json!({"kind": "bad"}).to_string())),
    )
    .await;
    assert_eq!(
        s,
        StatusCode::NOT_FOUND,
        "a training case in another workspace"
    );
    // Posting into another workspace by naming it in the body is refused.
    let mut foreign = conv("c3", "hello");
    foreign["workspace"] = json!("acme");
    let (s, v) = call(
        &a.router,
        "POST",
        "/api/v1/conversations",
        Some(&a.other_admin),
        Some(("application/json", foreign.to_string())),
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(v["rejected"][0]["field"], "workspace");
    // Ingest tokens write but do not read; viewers read but do not write or review.
    let (s, _) = call(
        &a.router,
        "GET",
        "/api/v1/conversations/c1",
        Some(&a.acme_ingest),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = call(
        &a.router,
        "POST",
        "/api/v1/conversations",
        Some(&a.acme_viewer),
        Some(("application/json", conv("c4", "x").to_string())),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = call(
        &a.router,
        "POST",
        &format!("/api/v1/findings/{finding_id}/review"),
        Some(&a.acme_viewer),
        review(),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn queue_conversation_review_and_scorecard() {
    let a = seeded().await;
    let (s, q) = call(
        &a.router,
        "GET",
        "/api/v1/conversations?limit=10",
        Some(&a.acme_viewer),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{q}");
    let items = q["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["id"], "c1", "riskiest first");
    assert!(items[0]["risk"].as_f64() > items[1]["risk"].as_f64());
    let (_, q) = call(
        &a.router,
        "GET",
        "/api/v1/conversations?code=abuse.insult",
        Some(&a.acme_viewer),
        None,
    )
    .await;
    assert_eq!(q["items"].as_array().unwrap().len(), 1);
    let (s, v) = call(
        &a.router,
        "GET",
        "/api/v1/conversations?severity=loud",
        Some(&a.acme_viewer),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(v["error"]["field"], "severity");

    let (s, c1) = call(
        &a.router,
        "GET",
        "/api/v1/conversations/c1",
        Some(&a.acme_viewer),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(c1["conversation"]["workspace"], "acme");
    let insult = c1["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "abuse.insult")
        .expect("insult");
    assert_eq!(insult["evidence"], "idiot");
    let id = insult["id"].as_i64().unwrap();
    let (s, v) = call(
        &a.router,
        "POST",
        &format!("/api/v1/findings/{id}/review"),
        Some(&a.acme_admin),
        Some((
            "application/json",
            json!({"verdict": "confirm", "comment": "clear insult"}).to_string(),
        )),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (_, c1) = call(
        &a.router,
        "GET",
        "/api/v1/conversations/c1",
        Some(&a.acme_viewer),
        None,
    )
    .await;
    let reviewed = c1["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == id)
        .unwrap();
    assert_eq!(reviewed["review"], "confirm");

    let (s, card) = call(
        &a.router,
        "GET",
        "/api/v1/agents/agent-7/scorecard",
        Some(&a.acme_viewer),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{card}");
    assert_eq!(card["conversations"], 2);
    let (s, _) = call(
        &a.router,
        "GET",
        "/api/v1/agents/nobody/scorecard",
        Some(&a.acme_viewer),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bad_input_gets_stable_codes_and_batches_keep_the_good_ones() {
    let a = app();
    let (s, v) = call(
        &a.router,
        "POST",
        "/api/v1/conversations",
        Some(&a.acme_ingest),
        Some(("application/json", "{\"id\": ".into())),
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(v["error"]["code"], "invalid_json");
    assert!(v["error"]["line"].is_number());
    let batch = json!([conv("ok-1", "hi"), {"id": "bad", "turns": [{"role": "wizard", "text": "x"}]}, {"id": "x", "colour": 1, "turns": []}]);
    let (s, v) = call(
        &a.router,
        "POST",
        "/api/v1/conversations",
        Some(&a.acme_ingest),
        Some(("application/json", batch.to_string())),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["accepted"], 1);
    let rejected = v["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), 2);
    assert_eq!(
        (rejected[0]["line"].as_u64(), rejected[0]["id"].as_str()),
        (Some(2), Some("bad"))
    );
    assert_eq!(rejected[0]["field"], "turns[0].role");
    assert!(
        rejected[1]["message"].as_str().unwrap().contains("colour"),
        "unknown fields are named: {}",
        rejected[1]
    );
    let huge = "x".repeat(earshot_server::MAX_BODY_BYTES + 10);
    let (s, v) = call(
        &a.router,
        "POST",
        "/api/v1/conversations",
        Some(&a.acme_ingest),
        Some(("application/json", huge)),
    )
    .await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
    assert_eq!(v["error"]["code"], "payload_too_large");
    let (s, v) = call(&a.router, "GET", "/api/v1/nothing-here", None, None).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert_eq!(v["error"]["code"], "not_found");
    // Posting the same conversation again replaces it.
    for text in ["first", "second version"] {
        let (s, _) = call(
            &a.router,
            "POST",
            "/api/v1/conversations",
            Some(&a.acme_ingest),
            Some(("application/json", conv("same", text).to_string())),
        )
        .await;
        assert_eq!(s, StatusCode::OK);
    }
    let (_, v) = call(
        &a.router,
        "GET",
        "/api/v1/conversations/same",
        Some(&a.acme_admin),
        None,
    )
    .await;
    assert_eq!(v["conversation"]["turns"][0]["text"], "second version");
    let (_, h) = call(&a.router, "GET", "/api/v1/health", None, None).await;
    assert_eq!(h["status"], "ok");
    assert_eq!(h["conversations"], 2);
    let (s, m) = call(&a.router, "GET", "/metrics", None, None).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        m.as_str()
            .unwrap()
            .contains("earshot_conversations_analyzed_total 3"),
        "{m}"
    );
}

#[test]
fn openapi_document_lists_exactly_the_routes() {
    let doc: Value = serde_json::from_str(include_str!("../../../docs/openapi.json"))
        .expect("docs/openapi.json is JSON");
    let mut documented: Vec<(String, String)> = Vec::new();
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for method in ops.as_object().unwrap().keys() {
            documented.push((method.clone(), path.clone()));
        }
    }
    documented.sort();
    let mut routes: Vec<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    routes.sort();
    assert_eq!(
        documented, routes,
        "docs/openapi.json and the router disagree"
    );
}

#[tokio::test]
async fn import_endpoint_converts_analyses_and_lists_rejects() {
    let a = app();
    let fixture = |p: &str| {
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../earshot-ingest/tests/fixtures")
                .join(p),
        )
        .unwrap()
    };
    let (s, v) = call(
        &a.router,
        "POST",
        "/api/v1/import/zendesk?filename=ticket.json",
        Some(&a.acme_ingest),
        Some((
            "application/json",
            fixture("zendesk/ticket_with_comments.json"),
        )),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert!(v["accepted"].as_u64().unwrap() >= 1, "{v}");
    let id = v["conversations"][0]["id"].as_str().unwrap().to_string();
    let (s, got) = call(
        &a.router,
        "GET",
        &format!("/api/v1/conversations/{id}"),
        Some(&a.acme_admin),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{got}");
    assert_eq!(got["conversation"]["workspace"], "acme", "{got}");
    // A transcript with options in the query.
    let (s, v) = call(
        &a.router,
        "POST",
        "/api/v1/import/vtt?agent_speaker=Agent",
        Some(&a.acme_ingest),
        Some(("text/vtt", fixture("vtt/call-0601.vtt"))),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["accepted"], 1, "{v}");
    // A broken record is listed with its line and field; nothing valid is in it: 400.
    let (s, v) = call(
        &a.router,
        "POST",
        "/api/v1/import/zendesk?filename=broken.json",
        Some(&a.acme_ingest),
        Some((
            "application/json",
            r#"{"ticket": {"subject": "no id"}}"#.into(),
        )),
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    assert!(v["rejected"][0]["message"].as_str().is_some(), "{v}");
    assert!(v["rejected"][0]["line"].as_u64().is_some(), "{v}");
    // Unknown format and unknown option.
    let (s, v) = call(
        &a.router,
        "POST",
        "/api/v1/import/myspace",
        Some(&a.acme_ingest),
        Some(("text/plain", "x".into())),
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(
        v["error"]["message"].as_str().unwrap().contains("zendesk"),
        "{v}"
    );
    let (s, _) = call(
        &a.router,
        "POST",
        "/api/v1/import/vtt?agent=me",
        Some(&a.acme_ingest),
        Some(("text/vtt", "WEBVTT\n".into())),
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn training_cases_are_marked_by_reviewers() {
    let a = seeded().await;
    let mark = |kind: &str| {
        Some((
            "application/json",
            json!({"kind": kind, "note": "calm and clear"}).to_string(),
        ))
    };
    let (s, _) = call(
        &a.router,
        "POST",
        "/api/v1/conversations/c2/training-case",
        Some(&a.acme_viewer),
        mark("good"),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, v) = call(
        &a.router,
        "POST",
        "/api/v1/conversations/c2/training-case",
        Some(&a.acme_admin),
        mark("good"),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["kind"], "good");
    let (s, _) = call(
        &a.router,
        "POST",
        "/api/v1/conversations/nope/training-case",
        Some(&a.acme_admin),
        mark("bad"),
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = call(
        &a.router,
        "POST",
        "/api/v1/conversations/c2/training-case",
        Some(&a.acme_admin),
        mark("great"),
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_customer_complaining_again_is_riskier() {
    let a = app();
    let complaint = |id: &str, customer: &str, day: u32| {
        json!({"id": id, "channel": "chat", "started_at": format!("2026-10-{day:02}T09:00:00Z"),
               "customer": {"id": customer}, "turns": [
            {"role": "customer", "text": "Unacceptable. The parcel never arrived, I will file a chargeback."},
            {"role": "agent", "text": "Let me check."}]})
    };
    for c in [
        complaint("first", "c1", 1),
        complaint("again", "c1", 9),
        complaint("other", "c2", 9),
    ] {
        let (s, v) = call(
            &a.router,
            "POST",
            "/api/v1/conversations",
            Some(&a.acme_ingest),
            Some(("application/json", c.to_string())),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{v}");
    }
    let get = |id: &'static str| {
        let router = a.router.clone();
        let token = a.acme_viewer.clone();
        async move {
            let uri = format!("/api/v1/conversations/{id}");
            call(&router, "GET", &uri, Some(&token), None).await.1
        }
    };
    let (first, again, other) = (get("first").await, get("again").await, get("other").await);
    let risk = |v: &Value| v["analysis"]["risk"].as_f64().unwrap();
    assert!(risk(&again) > risk(&first), "{again}");
    assert_eq!(risk(&other), risk(&first));
    assert!(
        again["analysis"]["risk_explanation"]
            .to_string()
            .contains("repeat complainer: 1 earlier complaint"),
        "{again}"
    );
}
