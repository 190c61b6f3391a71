//! Server-side render time of every dashboard page over a large generated store.
//!
//! `cargo bench -p earshot-web --bench render` builds (once, kept in cargo's scratch directory
//! for benchmarks) a SQLite store of 1,000,000 generated conversations with findings, scores,
//! tags, teams, reviews, score adjustments and an assignment, then asks each page through the
//! router, as a logged-in admin, and prints the median and 95th percentile. The goal is below
//! 300 ms per page. `EARSHOT_BENCH_CONVERSATIONS=100000` chooses another size;
//! `EARSHOT_BENCH_PAGES=/queue?` times only the pages whose address contains it.
//!
//! Without `--bench` (`cargo test --benches`) it checks itself on a small store: every page
//! answers 200 with its heading, once.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use earshot_model::{
    Agent, Analysis, Channel, Code, Conversation, Customer, Finding, Order, Role, Scores, Severity,
    Span, Turn,
};
use earshot_store::{SqliteStore, Store, TokenRole};
use tower::ServiceExt;

const WS: &str = "bench-brand";
const WS_OTHER: &str = "bench-other";

/// A small deterministic generator (xorshift64*), so every run builds the same store.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }

    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

const LINES: &[&str] = &[
    "headphones",
    "speakers",
    "chargers",
    "cables",
    "earbuds",
    "turntables",
    "microphones",
    "cases",
];
const TAGS: &[&str] = &[
    "returns", "shipping", "refunds", "warranty", "billing", "account", "product", "vip",
];
const COUNTRIES: &[&str] = &[
    "DE", "FR", "US", "GB", "JP", "CN", "ES", "IT", "VN", "TH", "SA", "AE", "NL", "PL", "BR",
];
const MARKETS: &[&str] = &[
    "amazon.de",
    "amazon.com",
    "ebay.de",
    "shopify",
    "tmall",
    "noon",
];
const LANGS: &[&str] = &["en", "de", "fr", "ja", "zh", "es", "vi", "th", "ar"];
const CODES: &[(Code, &str)] = &[
    (Code::ABUSE_INSULT, "idiot"),
    (Code::ABUSE_PROFANITY, "damn"),
    (Code::THREAT_LEGAL, "my lawyer"),
    (Code::THREAT_CHARGEBACK, "chargeback"),
    (Code::THREAT_REVIEW, "one star"),
    (Code::EMOTION_ANGER, "furious"),
    (Code::EMOTION_FRUSTRATION, "again"),
    (Code::PROCESS_NO_FURTHER_HELP, ""),
    (Code::PROCESS_REFUND_NOT_EXPLAINED, ""),
    (Code::COURTESY_NO_GREETING, ""),
    (Code::CONDUCT_RUDE, "not my problem"),
    (Code::CONDUCT_NO_EMPATHY, ""),
];

fn generate(rng: &mut Rng, i: usize) -> (Conversation, Analysis) {
    let ws = if i % 10 == 9 { WS_OTHER } else { WS };
    let id = format!("c{i:07}");
    let day = rng.below(140) as i64;
    let start: jiff::Timestamp = "2026-05-04T08:00:00Z".parse().unwrap();
    let start = start
        .checked_add(jiff::SignedDuration::from_secs(
            day * 86_400 + rng.below(36_000) as i64,
        ))
        .unwrap();
    let text = "Where is my parcel? It is late again and I am furious, you idiot.";
    let mut turns = vec![
        Turn::new(Role::Customer, text),
        Turn::new(
            Role::Agent,
            "Hello, I am sorry. Could you send the order number?",
        ),
        Turn::new(Role::Customer, "It is 12345, and I will call my lawyer."),
        Turn::new(Role::Agent, "Thank you, it ships today. Anything else?"),
    ];
    for (k, t) in turns.iter_mut().enumerate() {
        t.at = start
            .checked_add(jiff::SignedDuration::from_mins(k as i64 * 3))
            .ok();
    }
    let agent = rng.below(200);
    let mut c = Conversation::new(&id, turns);
    c.workspace = Some(ws.into());
    c.channel = *rng.pick(&[Channel::Chat, Channel::Email, Channel::Marketplace]);
    c.language = Some(rng.pick(LANGS).to_string());
    c.started_at = Some(start);
    c.agents = vec![Agent {
        id: format!("agent-{agent:03}"),
        team: Some(format!("team-{}", agent % 10)),
        hired_at: jiff::civil::Date::new(2026, 1 + (agent % 9) as i8, 1).ok(),
        ..Default::default()
    }];
    c.customer = Some(Customer {
        id: Some(format!("cust-{}", rng.below(200_000))),
        country: Some(rng.pick(COUNTRIES).to_string()),
        ..Default::default()
    });
    c.order = Some(Order {
        value: Some((rng.below(100_000) as f64) / 100.0),
        product_line: Some(rng.pick(LINES).to_string()),
        marketplace: Some(rng.pick(MARKETS).to_string()),
        ..Default::default()
    });
    c.tags = (0..1 + rng.below(2))
        .map(|_| rng.pick(TAGS).to_string())
        .collect();
    c.tags.dedup();
    let mut findings = Vec::new();
    for _ in 0..rng.below(5) {
        let (code, ev) = rng.pick(CODES);
        let f = Finding::new(code.clone(), "generated");
        findings.push(if ev.is_empty() {
            f
        } else {
            let at = text.find(ev).unwrap_or(0);
            f.at(0, Role::Customer, text, Span::new(at, at + ev.len()))
        });
    }
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let dim = |r: &mut Rng| Some(40.0 + r.unit() * 60.0);
    let scores = Scores {
        knowledge_accuracy: dim(rng),
        courtesy: dim(rng),
        empathy: dim(rng),
        patience: dim(rng),
        efficiency: dim(rng),
        overall: dim(rng),
        ..Default::default()
    };
    let a = Analysis {
        id,
        workspace: ws.into(),
        language: c.language.clone().unwrap_or_default(),
        risk: rng.unit() * 100.0,
        severity: findings
            .first()
            .map(|f| f.severity)
            .filter(|s| *s > Severity::Info),
        satisfaction: Some(rng.unit() * 2.0 - 1.0),
        scores: Some(scores),
        findings,
        turns: vec![],
        risk_explanation: vec!["generated".into()],
        diagnostics: vec![],
    };
    (c, a)
}

/// The store of `n` conversations, built once and kept.
fn store(n: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join(format!("earshot-render-{n}.db"));
    if path.exists()
        && let Ok(s) = SqliteStore::open(&path)
        && s.count_conversations().unwrap_or(0) == n as u64
    {
        return path;
    }
    let building = dir.join(format!("earshot-render-{n}.building.db"));
    for p in [&building, &path] {
        let _ = std::fs::remove_file(p);
        let _ = std::fs::remove_file(p.with_extension("db-wal"));
        let _ = std::fs::remove_file(p.with_extension("db-shm"));
    }
    let t0 = Instant::now();
    let mut s = SqliteStore::open(&building).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut i = 0;
    while i < n {
        let batch: Vec<(Conversation, Analysis)> = (i..(i + 5000).min(n))
            .map(|k| generate(&mut rng, k))
            .collect();
        let enc: Vec<_> = batch
            .iter()
            .map(|(c, _)| earshot_store::encode(c, "bench").unwrap())
            .collect();
        let rows: Vec<_> = batch
            .iter()
            .zip(&enc)
            .map(|((c, a), e)| (c, a, e))
            .collect();
        s.save_batch(&rows, &[]).unwrap();
        i += batch.len();
        if i % 100_000 == 0 {
            eprintln!("  {i} conversations ({:.0?})", t0.elapsed());
        }
    }
    s.mark_top_percent().unwrap();
    let hash = earshot_web::hash_password("bench password").unwrap();
    s.upsert_user("admin", &hash, WS, TokenRole::Admin).unwrap();
    s.upsert_user("rita", &hash, WS, TokenRole::Reviewer)
        .unwrap();
    // Reviews of one finding in 500, score adjustments, an assignment.
    let ids: Vec<i64> = {
        let mut q = s
            .connection()
            .prepare("SELECT id FROM findings WHERE workspace = ?1 AND id % 500 = 0")
            .unwrap();
        q.query_map([WS], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    for (k, id) in ids.iter().enumerate() {
        let v = if k % 4 == 0 {
            earshot_store::Verdict::Reject
        } else {
            earshot_store::Verdict::Confirm
        };
        s.review(WS, *id, v, None, Some("rita")).unwrap();
    }
    let insights = earshot_store::open_insights(building.to_str().unwrap()).unwrap();
    for k in 0..(n / 1000).max(5) {
        let id = format!("c{:07}", k * 10);
        let d = earshot_model::Dimension::ALL[k % 5];
        insights
            .adjust_score(WS, &id, d, (k * 37 % 100) as f32, "bench", Some("rita"))
            .unwrap();
    }
    insights
        .create_assignment(&earshot_store::SampleSpec {
            workspace: WS.into(),
            assignee: "rita".into(),
            sample: earshot_store::Sample::Random { percent: 1.0 },
            from: None,
            to: None,
            limit: 200,
            created_by: Some("admin".into()),
        })
        .unwrap()
        .unwrap();
    drop(insights);
    s.connection()
        .execute_batch("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    drop(s);
    std::fs::rename(&building, &path).unwrap();
    eprintln!("built {} in {:.1?}", path.display(), t0.elapsed());
    path
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let n: usize = if bench {
        std::env::var("EARSHOT_BENCH_CONVERSATIONS")
            .ok()
            .and_then(|v| v.replace('_', "").parse().ok())
            .unwrap_or(1_000_000)
    } else {
        2_000
    };
    let runs = if bench { 9 } else { 1 };
    let path = store(n);
    let mut s = SqliteStore::open(&path).unwrap();
    let session = s
        .create_session("admin", jiff::Timestamp::now().as_second() + 3600)
        .unwrap();
    let cookie = format!("earshot_session={session}; earshot_ws={}", hex(WS));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let store: Box<dyn Store> = Box::new(s);
    let insights = earshot_store::open_insights(path.to_str().unwrap()).unwrap();
    let app = earshot_web::router(Arc::new(Mutex::new(store)), Arc::new(Mutex::new(insights)));
    let (agent, conv) = ("agent-007", "c0000010");
    let pages: Vec<(String, &str)> = vec![
        ("/".into(), "Overview"),
        ("/queue".into(), "Risk queue"),
        (
            "/queue?severity=high&product_line=headphones&tag=returns&reviewed=no".into(),
            "Risk queue",
        ),
        // Filters whose count or page plan grows with the store: many matches to count, or
        // few matches that a walk in risk order finds only at the end of the index.
        ("/queue?reviewed=no".into(), "Risk queue"),
        ("/queue?reviewed=yes".into(), "Risk queue"),
        ("/queue?tag=returns".into(), "Risk queue"),
        ("/queue?country=DE".into(), "Risk queue"),
        ("/queue?severity=high".into(), "Risk queue"),
        ("/queue?code=abuse.insult".into(), "Risk queue"),
        (
            "/queue?channel=email&code_prefix=threat.".into(),
            "Risk queue",
        ),
        (
            "/queue?language=ja&from=2026-06-01&to=2026-06-30".into(),
            "Risk queue",
        ),
        ("/queue?top=1".into(), "Risk queue"),
        ("/queue?top=1&reviewed=no".into(), "Risk queue"),
        (format!("/queue?agent={agent}&reviewed=no"), "Risk queue"),
        ("/queue?reviewed=no&page=100".into(), "Risk queue"),
        ("/queue?reviewed=no&page=1000".into(), "Risk queue"),
        (
            "/queue?code=conduct.rude&channel=email&language=ja&country=JP&marketplace=noon".into(),
            "Risk queue",
        ),
        (
            "/queue?tag=vip&country=BR&language=th&product_line=cases&reviewed=yes".into(),
            "Risk queue",
        ),
        // No match at all: a code, a tag, a severity and a country nobody has.
        ("/queue?code=threat.violence".into(), "Risk queue"),
        ("/queue?tag=gift".into(), "Risk queue"),
        ("/queue?severity=critical".into(), "Risk queue"),
        ("/queue?country=XX".into(), "Risk queue"),
        (format!("/conversations/{conv}"), "Conversation"),
        ("/agents".into(), "Agents"),
        (format!("/agents/{agent}"), "Agent scorecard"),
        ("/calibration".into(), "Calibration"),
        ("/rules".into(), "Rules"),
        ("/causes".into(), "Root causes"),
        ("/sampling".into(), "Sampling"),
    ];
    // `EARSHOT_BENCH_PAGES=queue?` times only the pages whose address contains it.
    let only = std::env::var("EARSHOT_BENCH_PAGES").unwrap_or_default();
    let pages: Vec<_> = pages
        .into_iter()
        .filter(|(p, _)| p.contains(&only))
        .collect();
    println!("Dashboard render time, {n} conversations, {runs} runs per page");
    println!("{:<72} {:>10} {:>10}", "page", "median ms", "p95 ms");
    let mut slow = Vec::new();
    for (path, heading) in &pages {
        let mut times: Vec<Duration> = Vec::new();
        for _ in 0..runs {
            let req = Request::get(path.as_str())
                .header(header::COOKIE, &cookie)
                .header(header::ACCEPT_LANGUAGE, "en")
                .body(Body::empty())
                .unwrap();
            let t = Instant::now();
            let resp = rt.block_on(app.clone().oneshot(req)).unwrap();
            let status = resp.status();
            let body = rt
                .block_on(axum::body::to_bytes(resp.into_body(), 64 << 20))
                .unwrap();
            times.push(t.elapsed());
            assert_eq!(status, StatusCode::OK, "{path}");
            let html = String::from_utf8_lossy(&body);
            assert!(
                html.contains(&format!("<h1>{heading}")),
                "{path}: no heading {heading}"
            );
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let median = ms(times[times.len() / 2]);
        let p95 = ms(times[((times.len() as f64 * 0.95).ceil() as usize).saturating_sub(1)]);
        println!("{path:<72} {median:>10.1} {p95:>10.1}");
        if median > 300.0 {
            slow.push(path.clone());
        }
    }
    if !slow.is_empty() {
        println!("above the 300 ms goal: {}", slow.join(", "));
    }
}

fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}
