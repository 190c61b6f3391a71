//! The alert outbox across a `kill -9`: `earshot serve` with a webhook channel, conversations
//! posted, the server killed while deliveries are in flight, started again. Every planned alert
//! reaches the receiver, signed, under one delivery id per conversation and code; nothing is
//! lost and no alert is planned twice.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SECRET: &str = "whsec_outbox_test";

/// What the receiver saw: every request's delivery id, conversation and codes.
#[derive(Default)]
struct Seen {
    requests: Vec<(String, String, Vec<String>)>,
    bad_signatures: usize,
}

/// A webhook receiver on loopback that checks earshot's signature as docs/alerts.md tells
/// receivers to, answers slowly (so deliveries are in flight when the server is killed), and
/// refuses every fifth delivery's first attempt with 503 and `Retry-After: 1`.
fn start_receiver() -> (SocketAddr, Arc<Mutex<Seen>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let seen = Arc::new(Mutex::new(Seen::default()));
    let refused = Arc::new(Mutex::new(BTreeSet::<String>::new()));
    let s = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let s = s.clone();
            let refused = refused.clone();
            std::thread::spawn(move || handle(stream, &s, &refused));
        }
    });
    (addr, seen)
}

fn handle(stream: TcpStream, seen: &Mutex<Seen>, refused: &Mutex<BTreeSet<String>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut headers = BTreeMap::new();
    let mut line = String::new();
    // A pooled connection closed unused (the server was killed) sends nothing: not a request.
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    loop {
        line.clear();
        if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let len: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; len];
    reader.read_exact(&mut body).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let verified = earshot_notify::sign::verify_webhook(
        &[SECRET],
        headers
            .get("x-earshot-timestamp")
            .map(String::as_str)
            .unwrap_or(""),
        headers
            .get("x-earshot-signature")
            .map(String::as_str)
            .unwrap_or(""),
        &body,
        now,
        300,
    );
    let id = headers
        .get("x-earshot-delivery")
        .cloned()
        .unwrap_or_default();
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    std::thread::sleep(Duration::from_millis(120));
    let first_attempt_refused = {
        let mut r = refused.lock().unwrap();
        // Every fifth delivery, by a stable property of its id, is refused once.
        id.bytes().map(u32::from).sum::<u32>() % 5 == 0 && r.insert(id.clone())
    };
    let status = if let Err(e) = &verified {
        eprintln!(
            "receiver: refused delivery {id:?}: {e} (body {} bytes of {len})",
            body.len()
        );
        seen.lock().unwrap().bad_signatures += 1;
        "401 Unauthorized"
    } else if first_attempt_refused {
        "503 Service Unavailable\r\nRetry-After: 1"
    } else {
        let conv = v["data"]["conversation_id"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let codes = v["data"]["items"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|i| i["code"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        seen.lock().unwrap().requests.push((id, conv, codes));
        "200 OK"
    };
    let mut stream = stream;
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
    );
}

/// A plain HTTP/1.1 request; returns the status and body.
fn http(addr: &str, method: &str, path: &str, token: &str, body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = out
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start_server(db: &Path, config: &Path, addr: &str) -> Child {
    let child = Command::new(env!("CARGO_BIN_EXE_earshot"))
        .args(["serve", "--db"])
        .arg(db)
        .args(["--listen", addr, "--config"])
        .arg(config)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let t0 = Instant::now();
    while TcpStream::connect(addr).is_err() {
        assert!(
            t0.elapsed() < Duration::from_secs(30),
            "earshot serve did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    child
}

fn conversation(i: usize, extra_turn: bool) -> serde_json::Value {
    let mut turns = vec![
        serde_json::json!({"role": "customer", "text": format!("Order {i} never arrived. If I don't get a refund today I will file a chargeback with my bank and report you to the BBB.")}),
        serde_json::json!({"role": "agent", "text": "I'm sorry to hear that, let me check the tracking for you."}),
    ];
    if extra_turn {
        turns.push(
            serde_json::json!({"role": "customer", "text": "Still nothing. Chargeback it is."}),
        );
    }
    serde_json::json!({"id": format!("T-{i}"), "channel": "email", "source": "shopify",
        "customer": {"name": "Maria Keller"}, "turns": turns})
}

fn outbox_ids(db: &Path) -> BTreeSet<String> {
    let c = rusqlite::Connection::open(db).unwrap();
    let mut stmt = c.prepare("SELECT id FROM outbox").unwrap();
    stmt.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn pending(db: &Path) -> i64 {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row(
        "SELECT COUNT(*) FROM outbox WHERE state = 'pending'",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn no_alert_is_lost_or_doubled_across_kill_9() {
    let dir = std::env::temp_dir().join(format!("earshot-outbox-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("earshot.db");
    let (receiver, seen) = start_receiver();
    let config = dir.join("earshot.toml");
    std::fs::write(
        &config,
        format!(
            r#"[server]
public_url = "https://earshot.example.com"

[alerts]
retry = {{ max_attempts = 20, initial = "200ms", max_delay = "2s", timeout = "5s" }}

[[alerts.channels]]
name = "ops"
kind = "webhook"
url = "http://{receiver}/hook"
secret = "{SECRET}"

[[alerts.policies]]
channel = "ops"
codes = ["threat.*"]
"#
        ),
    )
    .unwrap();

    let out = Command::new(env!("CARGO_BIN_EXE_earshot"))
        .args([
            "token",
            "create",
            "--workspace",
            "acme",
            "--role",
            "ingest",
            "--db",
        ])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success());
    let token = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .last()
        .unwrap()
        .to_string();

    let addr = format!("127.0.0.1:{}", free_port());
    let mut server = start_server(&db, &config, &addr);
    let n = 60;
    for chunk in (0..n).collect::<Vec<_>>().chunks(20) {
        let batch: Vec<_> = chunk.iter().map(|i| conversation(*i, false)).collect();
        let (status, body) = http(
            &addr,
            "POST",
            "/api/v1/conversations",
            &token,
            &serde_json::to_string(&batch).unwrap(),
        );
        assert_eq!(status, 200, "{body}");
    }
    let planned = outbox_ids(&db);
    assert_eq!(
        planned.len(),
        n,
        "one delivery per conversation to the one channel"
    );

    // Kill -9 while deliveries are in flight.
    let t0 = Instant::now();
    while seen.lock().unwrap().requests.len() < 5 {
        assert!(
            t0.elapsed() < Duration::from_secs(30),
            "no delivery arrived"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    server.kill().unwrap();
    server.wait().unwrap();
    let before_restart = seen.lock().unwrap().requests.len();
    assert!(
        before_restart < n,
        "the kill came after every delivery ({before_restart}); the test proves nothing"
    );
    assert!(pending(&db) > 0);

    let mut server = start_server(&db, &config, &addr);
    let t0 = Instant::now();
    while pending(&db) > 0 {
        assert!(
            t0.elapsed() < Duration::from_secs(60),
            "{} deliveries still pending after restart",
            pending(&db)
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    // The same conversations again, each with a new turn: analysed again, but within the dedup
    // window, so no second alert for the same conversation and code.
    let batch: Vec<_> = (0..n).map(|i| conversation(i, true)).collect();
    let (status, body) = http(
        &addr,
        "POST",
        "/api/v1/conversations",
        &token,
        &serde_json::to_string(&batch).unwrap(),
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(outbox_ids(&db), planned, "re-posting planned new alerts");
    std::thread::sleep(Duration::from_millis(300));
    // The dashboard is served beside the API and asks people to log in.
    let (status, _) = http(&addr, "GET", "/queue", "", "");
    assert!(
        (300..400).contains(&status),
        "the dashboard redirects to its login page, got {status}"
    );
    let (status, page) = http(&addr, "GET", "/login", "", "");
    assert_eq!(status, 200);
    assert!(page.contains("password"), "{page}");
    let (status, metrics) = http(&addr, "GET", "/metrics", &token, "");
    assert_eq!(status, 200);
    let value = |name: &str| -> u64 {
        metrics
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name} ")))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("{name} missing from /metrics: {metrics}"))
    };
    assert!(value("earshot_alerts_delivered_total") > 0, "{metrics}");
    assert_eq!(value("earshot_alerts_pending"), 0, "{metrics}");
    server.kill().unwrap();
    server.wait().unwrap();

    let seen = seen.lock().unwrap();
    assert_eq!(seen.bad_signatures, 0, "a delivery failed signature checks");
    let ids: BTreeSet<String> = seen.requests.iter().map(|r| r.0.clone()).collect();
    assert_eq!(ids, planned, "every planned delivery arrived, and no other");
    // One delivery id per conversation and code.
    let mut by_key: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for (id, conv, codes) in &seen.requests {
        assert!(!codes.is_empty());
        for code in codes {
            by_key
                .entry((conv.clone(), code.clone()))
                .or_default()
                .insert(id.clone());
        }
    }
    let convs: BTreeSet<&String> = by_key.keys().map(|(c, _)| c).collect();
    assert_eq!(convs.len(), n, "every conversation alerted");
    for (key, ids) in &by_key {
        assert_eq!(ids.len(), 1, "{key:?} alerted under {ids:?}");
    }
    let repeats = seen.requests.len() - ids.len();
    eprintln!(
        "outbox: {n} deliveries planned, {before_restart} received before kill -9, {} requests in all ({repeats} repeats of an in-flight id, dropped by id)",
        seen.requests.len()
    );
    std::fs::remove_dir_all(&dir).ok();
}
