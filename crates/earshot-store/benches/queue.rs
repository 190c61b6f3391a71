//! How fast the risk queue and an agent scorecard answer on a large store, on SQLite and on
//! PostgreSQL: the first page (50 rows) unfiltered and with each filter, a deep page, and a
//! scorecard, each timed many times; the medians and 95th percentiles are printed.
//!
//! `cargo bench -p earshot-store --bench queue`
//!
//! The store is filled once with generated conversations (three workspaces, 2,000 agents per
//! workspace, a year of starts, 5 to 15 findings each, saved in batches of 512 as `analyze`
//! does) and kept for the next run:
//!
//! - `EARSHOT_BENCH_CONVERSATIONS`: how many (default 1,000,000, about 10 million findings);
//! - `EARSHOT_BENCH_BACKENDS`: `sqlite,postgres` (default both);
//! - `EARSHOT_BENCH_SQLITE`: the SQLite file (default in the target directory);
//! - `EARSHOT_TEST_POSTGRES`: the PostgreSQL server, as a URL of a database to connect to for
//!   creating others (default `postgres://postgres@127.0.0.1:5432/postgres`); the store is the
//!   database `earshot_bench_<count>` there, created, or dropped and filled again when it does
//!   not hold the count. Drop it with `dropdb earshot_bench_<count>` when done.
//!
//! Run without `--bench` (as `cargo test --benches` does), it checks itself on a small store.

use std::time::{Duration, Instant};

use earshot_model::{
    Agent, Analysis, Channel, Code, Conversation, Finding, Role, Scores, Severity, Span, Turn,
};
use earshot_store::{Encoded, QueueFilter, SqliteStore, Store};

const BATCH: usize = 512;
const AGENTS: u64 = 2_000;
const WORKSPACES: [(&str, u64); 3] = [("acme", 80), ("beta", 15), ("gamma", 5)];
const CHANNELS: [Channel; 5] = [
    Channel::Chat,
    Channel::Email,
    Channel::Marketplace,
    Channel::Phone,
    Channel::Social,
];
const LANGUAGES: [&str; 9] = ["en", "en", "en", "de", "ja", "es", "fr", "zh", "vi"];
/// Codes by frequency: the first ones are common, the last rare.
const CODES: [(&str, Severity); 12] = [
    ("emotion.frustration", Severity::Info),
    ("emotion.anger", Severity::Info),
    ("escalation.repeated_question", Severity::Medium),
    ("process.order_not_confirmed", Severity::Low),
    ("abuse.profanity", Severity::Low),
    ("conduct.no_empathy", Severity::Medium),
    ("threat.churn", Severity::Medium),
    ("abuse.insult", Severity::High),
    ("threat.review", Severity::High),
    ("threat.legal", Severity::High),
    ("threat.chargeback", Severity::High),
    ("threat.violence", Severity::Critical),
];

/// SplitMix64: the same data on every run and platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

/// Conversation `i` with its analysis.
fn generate(i: u64) -> (Conversation, Analysis) {
    let mut r = Rng(i.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x5eed);
    let pick = r.below(100);
    let mut acc = 0;
    let ws = WORKSPACES
        .iter()
        .find(|(_, share)| {
            acc += share;
            pick < acc
        })
        .map_or("acme", |(w, _)| w);
    let id = format!("c{i:08}");
    let start = jiff::Timestamp::from_second(1_767_225_600 + r.below(364 * 86_400) as i64)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let mut c = Conversation::new(
        id.clone(),
        vec![
            Turn::new(Role::Customer, "Where is my order? It has been two weeks."),
            Turn::new(Role::Agent, "Sorry about that, let me check the tracking."),
        ],
    );
    c.workspace = Some(ws.into());
    c.channel = CHANNELS[r.below(CHANNELS.len() as u64) as usize];
    c.started_at = Some(start);
    c.agents = vec![Agent {
        id: format!("agent-{}", r.below(AGENTS)),
        ..Default::default()
    }];
    let n = 5 + r.below(11) as usize;
    let mut findings = Vec::with_capacity(n);
    for _ in 0..n {
        // Skewed towards the common codes.
        let k = ((r.unit().powi(2)) * CODES.len() as f32) as usize;
        let (code, severity) = CODES[k.min(CODES.len() - 1)];
        findings.push(
            Finding::new(Code::new(code), "generated")
                .at(0, Role::Customer, "Where is my order?", Span::new(0, 5))
                .severity(severity)
                .confidence(0.3 + r.unit() * 0.7),
        );
    }
    let score = |r: &mut Rng| (r.below(10) > 0).then(|| 40.0 + (r.below(600) as f32) / 10.0);
    let scores = Scores {
        knowledge_accuracy: score(&mut r),
        courtesy: score(&mut r),
        empathy: score(&mut r),
        patience: score(&mut r),
        efficiency: score(&mut r),
        overall: Some(50.0 + r.below(50) as f32),
        moved_by: vec![],
        auto_fail: r.below(50) == 0,
    };
    let a = Analysis {
        id,
        workspace: ws.into(),
        language: LANGUAGES[r.below(LANGUAGES.len() as u64) as usize].into(),
        risk: (r.unit().powi(3) * 1000.0).round() / 10.0,
        severity: findings.iter().map(|f| f.severity).max(),
        satisfaction: Some(r.unit() * 2.0 - 1.0),
        scores: Some(scores),
        findings,
        turns: vec![],
        risk_explanation: vec![],
        diagnostics: vec![],
    };
    (c, a)
}

fn fill(store: &mut dyn Store, n: u64, name: &str) {
    let started = Instant::now();
    let mut i = 0;
    let mut findings = 0usize;
    while i < n {
        let end = (i + BATCH as u64).min(n);
        let items: Vec<(Conversation, Analysis)> = (i..end).map(generate).collect();
        let enc: Vec<Encoded> = items
            .iter()
            .map(|(c, _)| earshot_store::encode(c, "bench").expect("encode"))
            .collect();
        let batch: Vec<_> = items
            .iter()
            .zip(&enc)
            .map(|((c, a), e)| (c, a, e))
            .collect();
        findings += items.iter().map(|(_, a)| a.findings.len()).sum::<usize>();
        store.save_batch(&batch, &[]).expect("save");
        i = end;
        if i % 100_000 < BATCH as u64 || i == n {
            eprintln!(
                "  {name}: {i} conversations, {findings} findings saved, {:.0} s",
                started.elapsed().as_secs_f64()
            );
        }
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "  {name}: filled in {secs:.0} s ({:.0} conversations/s, {:.0} findings/s)",
        n as f64 / secs,
        findings as f64 / secs
    );
    let t = Instant::now();
    let marked = store.mark_top_percent().expect("mark");
    eprintln!(
        "  {name}: marked the top 1% ({marked}) in {:.1} s",
        t.elapsed().as_secs_f64()
    );
}

/// One timed call; returns how many rows it gave.
type Run = Box<dyn Fn(&dyn Store) -> usize>;

struct Case {
    name: &'static str,
    run: Run,
}

fn page(filter: QueueFilter) -> Run {
    Box::new(move |s| {
        s.queue(&QueueFilter {
            workspace: Some("acme".into()),
            limit: 50,
            ..filter.clone()
        })
        .expect("queue")
        .len()
    })
}

fn cases() -> Vec<Case> {
    let q = QueueFilter::default;
    vec![
        Case {
            name: "queue, first page",
            run: page(q()),
        },
        Case {
            name: "queue, page 21 (offset 1000)",
            run: page(QueueFilter {
                offset: 1000,
                ..q()
            }),
        },
        Case {
            name: "queue, agent",
            run: page(QueueFilter {
                agent: Some("agent-7".into()),
                ..q()
            }),
        },
        Case {
            name: "queue, channel + language",
            run: page(QueueFilter {
                channel: Some("email".into()),
                language: Some("de".into()),
                ..q()
            }),
        },
        Case {
            name: "queue, severity critical",
            run: page(QueueFilter {
                min_severity: Some(Severity::Critical),
                ..q()
            }),
        },
        Case {
            name: "queue, code (common)",
            run: page(QueueFilter {
                code: Some("abuse.profanity".into()),
                ..q()
            }),
        },
        Case {
            name: "queue, code (rare)",
            run: page(QueueFilter {
                code: Some("threat.violence".into()),
                ..q()
            }),
        },
        Case {
            name: "queue, one week",
            run: page(QueueFilter {
                from: Some("2026-06-01T00:00:00Z".into()),
                to: Some("2026-06-08T00:00:00Z".into()),
                ..q()
            }),
        },
        Case {
            name: "queue, top 1%",
            run: page(QueueFilter {
                top1pct_only: true,
                ..q()
            }),
        },
        Case {
            name: "queue, agent + severity high + one month",
            run: page(QueueFilter {
                agent: Some("agent-7".into()),
                min_severity: Some(Severity::High),
                from: Some("2026-03-01T00:00:00Z".into()),
                to: Some("2026-04-01T00:00:00Z".into()),
                ..q()
            }),
        },
        Case {
            name: "agent scorecard",
            run: Box::new(|s| {
                s.agent_scorecard("acme", "agent-7")
                    .expect("scorecard")
                    .map_or(0, |c| c.conversations as usize)
            }),
        },
    ]
}

/// Stops sampling a slow case after this long (with at least [`MIN_SAMPLES`] samples).
const BUDGET: Duration = Duration::from_secs(20);
const MIN_SAMPLES: usize = 5;
/// A case whose first run takes longer is not sampled further.
const SLOW: Duration = Duration::from_secs(5);

/// Median, 95th percentile, rows, samples taken.
fn time(store: &dyn Store, case: &Case, samples: usize) -> (Duration, Duration, usize, usize) {
    let started = Instant::now();
    let rows = (case.run)(store);
    let first = started.elapsed();
    if first > SLOW {
        // Too slow to sample: the one run is the figure.
        return (first, first, rows, 1);
    }
    (case.run)(store);
    let mut times = Vec::with_capacity(samples);
    while times.len() < samples.max(1) && (times.len() < MIN_SAMPLES || started.elapsed() < BUDGET)
    {
        let t = Instant::now();
        std::hint::black_box((case.run)(store));
        times.push(t.elapsed());
    }
    times.sort();
    let n = times.len();
    (times[n / 2], times[(n * 95 / 100).min(n - 1)], rows, n)
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn report(name: &str, store: &dyn Store, samples: usize) {
    println!(
        "\n{name}: {} conversations",
        store.count_conversations().unwrap()
    );
    println!("| case | rows | median ms | p95 ms | samples |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for case in cases() {
        let (median, p95, rows, n) = time(store, &case, samples);
        println!(
            "| {} | {rows} | {} | {} | {n} |",
            case.name,
            ms(median),
            ms(p95)
        );
    }
}

fn postgres_server() -> String {
    std::env::var("EARSHOT_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// `url` with its database name replaced.
fn with_dbname(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let (scheme, rest) = base.split_once("://").unwrap_or(("postgres", base));
    let authority = rest.split_once('/').map_or(rest, |(a, _)| a);
    let mut out = format!("{scheme}://{authority}/{name}");
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// Runs SQL outside a transaction on the server's maintenance database.
fn admin(sql: &str) -> Result<(), String> {
    let mut c = postgres::Client::connect(&postgres_server(), postgres::NoTls)
        .map_err(|e| format!("{}: {e}", earshot_store::display_db(&postgres_server())))?;
    c.batch_execute(sql).map_err(|e| format!("{sql}: {e}"))
}

/// Opens the PostgreSQL store, filling it first when it does not hold `n` conversations.
fn postgres_store(url: &str, dbname: &str, n: u64) -> Result<Box<dyn Store>, String> {
    if let Ok(s) = earshot_store::open(url)
        && s.count_conversations().ok() == Some(n)
    {
        return Ok(s);
    }
    admin(&format!("DROP DATABASE IF EXISTS {dbname} WITH (FORCE)"))?;
    admin(&format!("CREATE DATABASE {dbname}"))?;
    let mut s = earshot_store::open(url).map_err(|e| e.to_string())?;
    fill(s.as_mut(), n, "postgres");
    // What autovacuum does in time on a live database: statistics and the visibility map.
    let t = Instant::now();
    postgres::Client::connect(url, postgres::NoTls)
        .and_then(|mut c| c.batch_execute("VACUUM ANALYZE"))
        .map_err(|e| e.to_string())?;
    eprintln!(
        "  postgres: VACUUM ANALYZE in {:.0} s",
        t.elapsed().as_secs_f64()
    );
    Ok(s)
}

fn sqlite_store(path: &std::path::Path, n: u64) -> Box<dyn Store> {
    if let Ok(s) = SqliteStore::open(path)
        && s.count_conversations().ok() == Some(n)
    {
        return Box::new(s);
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
    let mut s = SqliteStore::open(path).expect("open SQLite");
    fill(&mut s, n, "sqlite");
    Box::new(s)
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let n: u64 = if bench {
        std::env::var("EARSHOT_BENCH_CONVERSATIONS")
            .ok()
            .and_then(|v| v.replace('_', "").parse().ok())
            .unwrap_or(1_000_000)
    } else {
        2_000
    };
    let samples = if bench { 50 } else { 3 };
    let backends =
        std::env::var("EARSHOT_BENCH_BACKENDS").unwrap_or_else(|_| "sqlite,postgres".into());
    let tmp = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));

    if backends.contains("sqlite") {
        let path = match std::env::var_os("EARSHOT_BENCH_SQLITE") {
            Some(p) if bench => p.into(),
            _ if bench => tmp.join(format!("earshot-bench-{n}.db")),
            _ => tmp.join(format!("earshot-bench-check-{}.db", std::process::id())),
        };
        let store = sqlite_store(&path, n);
        report(
            &format!("SQLite ({})", path.display()),
            store.as_ref(),
            samples,
        );
        if !bench {
            drop(store);
            for suffix in ["", "-wal", "-shm"] {
                let mut p = path.as_os_str().to_owned();
                p.push(suffix);
                let _ = std::fs::remove_file(p);
            }
        }
    }
    if backends.contains("postgres") {
        let dbname = if bench {
            format!("earshot_bench_{n}")
        } else {
            format!("earshot_bench_check_{}", std::process::id())
        };
        let url = with_dbname(&postgres_server(), &dbname);
        match postgres_store(&url, &dbname, n) {
            Ok(store) => {
                report(
                    &format!("PostgreSQL ({})", earshot_store::display_db(&url)),
                    store.as_ref(),
                    samples,
                );
                if !bench {
                    drop(store);
                    let _ = admin(&format!("DROP DATABASE IF EXISTS {dbname} WITH (FORCE)"));
                }
            }
            Err(e) => eprintln!("skipping PostgreSQL: {e}"),
        }
    }
}
