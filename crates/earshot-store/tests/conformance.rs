//! One behavioural suite for every `Store` backend: each test below is written once, against
//! `&mut dyn Store`, and run on SQLite (a fresh temporary file) and on PostgreSQL (a fresh
//! database, dropped afterwards).
//!
//! PostgreSQL: `EARSHOT_TEST_POSTGRES` names a database to connect to for creating and dropping
//! the test databases (default `postgres://postgres@127.0.0.1:5432/postgres`). When it cannot be
//! reached the PostgreSQL half is skipped with a note on stderr, unless `CI` is set: then it
//! fails.

use std::collections::HashSet;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use earshot_model::{
    Agent, Analysis, Channel, Code, Conversation, Customer, Diagnostic, Dimension, Emotion,
    Finding, Order, Role, Scores, Severity, Span, Turn, TurnSignal,
};
use earshot_store::{
    CaseKind, DeliveryState, Encoded, OutboxRecord, PriorContacts, QueueFilter, SqliteStore, Store,
    StoreError, TokenGrant, TokenRole, TrainingCase, Verdict,
};

// ---------------------------------------------------------------------------------------------
// Backends

/// Runs SQL; returns the first column of each row as text.
type Sql = Box<dyn FnMut(&str) -> Vec<Option<String>>>;

/// A store under test, with a side door for what the trait neither does nor shows (revoking a
/// token, reading what is stored).
struct Backend {
    store: Box<dyn Store>,
    /// Runs SQL on the same database; returns the first column of each row as text.
    sql: Sql,
    /// Opens the same database again.
    reopen: Box<dyn Fn() -> earshot_store::Result<Box<dyn Store>>>,
    /// SQL that makes the schema look newer than this earshot knows.
    too_new: &'static str,
    /// SQL after which saving a delivery on the channel `boom` fails.
    refuse_boom: &'static str,
    /// Dropped last: removes the database.
    _cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Postgres { admin: String, name: String },
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        match self {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut p = path.clone().into_os_string();
                    p.push(suffix);
                    let _ = std::fs::remove_file(p);
                }
            }
            Cleanup::Postgres { admin, name } => {
                let dropped =
                    ::postgres::Client::connect(admin, ::postgres::NoTls).and_then(|mut c| {
                        c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    });
                if let Err(e) = dropped {
                    let _ = writeln!(
                        std::io::stderr(),
                        "could not drop test database {name}: {e}"
                    );
                }
            }
        }
    }
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

fn unique(prefix: &str) -> String {
    format!(
        "{prefix}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

fn sqlite_backend() -> Backend {
    let path = std::env::temp_dir().join(format!("{}.db", unique("earshot_conformance")));
    let store = SqliteStore::open(&path).expect("open SQLite");
    let raw = rusqlite::Connection::open(&path).expect("open SQLite again");
    raw.busy_timeout(std::time::Duration::from_secs(10))
        .unwrap();
    let reopen_path = path.clone();
    Backend {
        store: Box::new(store),
        sql: Box::new(move |q| {
            let mut st = raw.prepare(q).unwrap_or_else(|e| panic!("{q}: {e}"));
            if st.column_count() == 0 {
                st.execute([]).unwrap_or_else(|e| panic!("{q}: {e}"));
                return Vec::new();
            }
            st.query_map([], |r| {
                Ok(match r.get::<_, rusqlite::types::Value>(0)? {
                    rusqlite::types::Value::Null => None,
                    rusqlite::types::Value::Integer(i) => Some(i.to_string()),
                    rusqlite::types::Value::Real(f) => Some(f.to_string()),
                    rusqlite::types::Value::Text(s) => Some(s),
                    rusqlite::types::Value::Blob(b) => Some(format!("{b:?}")),
                })
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
        }),
        reopen: Box::new(move || {
            SqliteStore::open(&reopen_path).map(|s| Box::new(s) as Box<dyn Store>)
        }),
        too_new: "PRAGMA user_version = 99",
        refuse_boom: "CREATE TRIGGER refuse_boom BEFORE INSERT ON outbox
                      WHEN NEW.channel = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END",
        _cleanup: Cleanup::File(path),
    }
}

const DEFAULT_POSTGRES: &str = "postgres://postgres@127.0.0.1:5432/postgres";

fn admin_url() -> String {
    std::env::var("EARSHOT_TEST_POSTGRES").unwrap_or_else(|_| DEFAULT_POSTGRES.to_string())
}

/// Whether PostgreSQL can be reached: checked once. When it cannot, a CI run fails and any
/// other run says once, on stderr past the test harness's capture, that it skips.
fn postgres_available() -> bool {
    static REACHABLE: OnceLock<Result<(), String>> = OnceLock::new();
    let r = REACHABLE.get_or_init(|| {
        let url = admin_url();
        let mut config: ::postgres::Config = url
            .parse()
            .map_err(|e| format!("EARSHOT_TEST_POSTGRES is not a PostgreSQL URL: {e}"))?;
        config.connect_timeout(std::time::Duration::from_secs(5));
        let mut c = config.connect(::postgres::NoTls).map_err(|e| {
            let cause = std::error::Error::source(&e).map(|c| format!(": {c}"));
            format!(
                "cannot connect to {}: {e}{}",
                earshot_store::display_db(&url),
                cause.unwrap_or_default()
            )
        })?;
        c.batch_execute("SELECT 1").map_err(|e| e.to_string())?;
        Ok(())
    });
    match r {
        Ok(()) => true,
        Err(reason) => {
            if std::env::var_os("CI").is_some() {
                panic!(
                    "PostgreSQL conformance cannot run on CI: {reason} \
                     (start PostgreSQL or set EARSHOT_TEST_POSTGRES)"
                );
            }
            static SAID: OnceLock<()> = OnceLock::new();
            SAID.get_or_init(|| {
                let _ = writeln!(
                    std::io::stderr(),
                    "skipping PostgreSQL conformance: {reason}"
                );
            });
            false
        }
    }
}

/// `url` with its database name replaced.
fn with_dbname(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let (scheme, rest) = base.split_once("://").expect("a URL");
    let authority = rest.split_once('/').map_or(rest, |(a, _)| a);
    let mut out = format!("{scheme}://{authority}/{name}");
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// `url` with its user's password set to `password` (user `postgres` when it names none).
fn with_password(url: &str, password: &str) -> String {
    let (scheme, rest) = url.split_once("://").expect("a URL");
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let (user, host) = match authority.rsplit_once('@') {
        Some((userinfo, host)) => (userinfo.split(':').next().unwrap_or("postgres"), host),
        None => ("postgres", authority),
    };
    format!("{scheme}://{user}:{password}@{host}{tail}")
}

/// A fresh database on the test server, or `None` when the PostgreSQL half is skipped.
fn postgres_database() -> Option<(String, Cleanup)> {
    if !postgres_available() {
        return None;
    }
    let admin = admin_url();
    let name = unique("earshot_test");
    let mut c =
        ::postgres::Client::connect(&admin, ::postgres::NoTls).expect("connect to PostgreSQL");
    // One statement at a time: neither may run inside a transaction block.
    for sql in [
        format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        format!("CREATE DATABASE {name}"),
    ] {
        c.batch_execute(&sql)
            .unwrap_or_else(|e| panic!("{sql}: {e}: {:?}", e.as_db_error()));
    }
    Some((
        with_dbname(&admin, &name),
        Cleanup::Postgres { admin, name },
    ))
}

fn postgres_backend() -> Option<Backend> {
    let (url, cleanup) = postgres_database()?;
    let store = earshot_store::open(&url).unwrap_or_else(|e| panic!("open {url}: {e}"));
    let mut raw = ::postgres::Client::connect(&url, ::postgres::NoTls).expect("connect again");
    let reopen_url = url.clone();
    Some(Backend {
        store,
        sql: Box::new(move |q| {
            raw.simple_query(q)
                .unwrap_or_else(|e| panic!("{q}: {e}"))
                .into_iter()
                .filter_map(|m| match m {
                    ::postgres::SimpleQueryMessage::Row(r) => Some(r.get(0).map(str::to_string)),
                    _ => None,
                })
                .collect()
        }),
        reopen: Box::new(move || earshot_store::open(&reopen_url)),
        too_new: "INSERT INTO schema_version (version) VALUES (99)",
        refuse_boom: "ALTER TABLE outbox ADD CONSTRAINT refuse_boom CHECK (channel <> 'boom')",
        _cleanup: cleanup,
    })
}

/// Every test, run once per backend.
macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $name() {
                    let mut b = super::sqlite_backend();
                    super::$name(&mut b);
                }
            )*
        }
        mod postgres {
            $(
                #[test]
                fn $name() {
                    if let Some(mut b) = super::postgres_backend() {
                        super::$name(&mut b);
                    }
                }
            )*
        }
    };
}

conformance!(
    save_is_idempotent_and_replaces_findings,
    same_id_twice_in_a_batch_keeps_the_last,
    same_id_in_two_workspaces_is_two_conversations,
    digests_round_trip,
    conversation_round_trips_unchanged,
    text_with_nul_is_saved_and_found,
    queue_orders_by_risk_then_id_and_pages,
    queue_filters_each_and_combined,
    queue_shows_the_three_most_severe_findings,
    top_percent_is_per_workspace_and_week,
    top_percent_is_recomputed,
    every_read_stays_in_its_workspace,
    tokens_are_hashed_scoped_and_revocable,
    reviews_are_scoped_and_the_latest_counts,
    agent_scorecard_means_and_codes,
    users_and_grants,
    sessions_expire_and_end,
    training_cases_are_marked_and_listed,
    outbox_schedules_deliveries,
    outbox_keeps_a_delivery_once,
    a_failed_batch_saves_nothing,
    alert_keys_window_and_replanning,
    empty_batches_are_fine,
    works_from_blocking_threads_of_an_async_runtime,
    reopening_keeps_data_and_a_newer_schema_is_refused,
    prior_contacts_count_a_customers_earlier_complaints,
);

// ---------------------------------------------------------------------------------------------
// Data

fn conversation(ws: &str, id: &str) -> Conversation {
    let mut c = Conversation::new(
        id,
        vec![Turn::new(Role::Customer, "you idiot, where is it")],
    );
    c.workspace = Some(ws.into());
    c
}

fn finding(code: &str, severity: Severity, confidence: f32) -> Finding {
    let mut f = Finding::new(Code::new(code), format!("{code} found"))
        .at(0, Role::Customer, "you idiot, where is it", Span::new(4, 9))
        .severity(severity);
    f.confidence = confidence;
    f
}

fn analysis(ws: &str, id: &str, risk: f32, findings: Vec<Finding>) -> Analysis {
    Analysis {
        id: id.into(),
        workspace: ws.into(),
        language: "en".into(),
        risk,
        severity: findings.iter().map(|f| f.severity).max(),
        satisfaction: Some(-0.5),
        scores: None,
        findings,
        turns: vec![],
        risk_explanation: vec!["abuse.insult".into()],
        diagnostics: vec![],
    }
}

fn encoded(c: &Conversation, digest: u64) -> Encoded {
    Encoded {
        json: serde_json::to_string(c).unwrap(),
        digest,
    }
}

/// Saves conversations with their analyses (digest 0) in one batch.
fn save(s: &mut dyn Store, items: &[(Conversation, Analysis)]) {
    save_with(s, items, &[]);
}

fn save_with(s: &mut dyn Store, items: &[(Conversation, Analysis)], outbox: &[OutboxRecord]) {
    let enc: Vec<Encoded> = items.iter().map(|(c, _)| encoded(c, 0)).collect();
    let batch: Vec<_> = items
        .iter()
        .zip(&enc)
        .map(|((c, a), e)| (c, a, e))
        .collect();
    s.save_batch(&batch, outbox).unwrap();
}

fn at(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

fn ids(q: &[earshot_store::QueueEntry]) -> Vec<&str> {
    q.iter().map(|e| e.id.as_str()).collect()
}

fn queue_ids(s: &dyn Store, filter: QueueFilter) -> Vec<String> {
    s.queue(&QueueFilter {
        limit: if filter.limit == 0 { 100 } else { filter.limit },
        ..filter
    })
    .unwrap()
    .into_iter()
    .map(|e| e.id)
    .collect()
}

fn ws(w: &str) -> Option<String> {
    Some(w.to_string())
}

// ---------------------------------------------------------------------------------------------
// Saving and reading conversations

fn save_is_idempotent_and_replaces_findings(b: &mut Backend) {
    let s = b.store.as_mut();
    let c = conversation("w", "c1");
    let first = analysis(
        "w",
        "c1",
        50.0,
        vec![
            finding("abuse.insult", Severity::High, 0.9),
            finding("threat.legal", Severity::High, 0.8),
        ],
    );
    s.save_batch(&[(&c, &first, &encoded(&c, 1))], &[]).unwrap();
    assert_eq!(s.stored_findings("w", "c1").unwrap().len(), 2);
    let second = analysis(
        "w",
        "c1",
        40.0,
        vec![finding("abuse.profanity", Severity::Low, 0.6)],
    );
    s.save_batch(&[(&c, &second, &encoded(&c, 2))], &[])
        .unwrap();
    s.save_batch(&[(&c, &second, &encoded(&c, 2))], &[])
        .unwrap();
    assert_eq!(s.count_conversations().unwrap(), 1);
    let (back, a) = s.conversation("w", "c1").unwrap().unwrap();
    assert_eq!(back, c);
    assert_eq!(a, second);
    let stored = s.stored_findings("w", "c1").unwrap();
    assert_eq!(stored.len(), 1, "earlier findings are replaced");
    assert_eq!(stored[0].finding.code.as_str(), "abuse.profanity");
    assert_eq!(s.digests().unwrap(), HashSet::from([2]));
    let q = s.queue(&QueueFilter {
        limit: 10,
        ..Default::default()
    });
    assert_eq!(q.unwrap().len(), 1);
}

fn same_id_twice_in_a_batch_keeps_the_last(b: &mut Backend) {
    let s = b.store.as_mut();
    let c = conversation("w", "dup");
    let a1 = analysis(
        "w",
        "dup",
        70.0,
        vec![finding("abuse.insult", Severity::High, 0.9)],
    );
    let a2 = analysis(
        "w",
        "dup",
        20.0,
        vec![
            finding("threat.churn", Severity::Medium, 0.5),
            finding("abuse.profanity", Severity::Low, 0.4),
        ],
    );
    let (e1, e2) = (encoded(&c, 11), encoded(&c, 12));
    s.save_batch(&[(&c, &a1, &e1), (&c, &a2, &e2)], &[])
        .unwrap();
    assert_eq!(s.count_conversations().unwrap(), 1);
    let (_, a) = s.conversation("w", "dup").unwrap().unwrap();
    assert_eq!(a, a2);
    assert_eq!(s.digests().unwrap(), HashSet::from([12]));
}

fn same_id_in_two_workspaces_is_two_conversations(b: &mut Backend) {
    let s = b.store.as_mut();
    save(
        s,
        &[
            (conversation("w", "c1"), analysis("w", "c1", 10.0, vec![])),
            (conversation("v", "c1"), analysis("v", "c1", 90.0, vec![])),
        ],
    );
    assert_eq!(s.count_conversations().unwrap(), 2);
    assert_eq!(s.conversation("w", "c1").unwrap().unwrap().1.risk, 10.0);
    assert_eq!(s.conversation("v", "c1").unwrap().unwrap().1.risk, 90.0);
    save(
        s,
        &[(conversation("v", "c1"), analysis("v", "c1", 5.0, vec![]))],
    );
    assert_eq!(s.conversation("w", "c1").unwrap().unwrap().1.risk, 10.0);
    assert_eq!(s.conversation("v", "c1").unwrap().unwrap().1.risk, 5.0);
}

fn digests_round_trip(b: &mut Backend) {
    let s = b.store.as_mut();
    let values = [0u64, 1, 12_345_678_901_234, u64::MAX >> 1];
    let convs: Vec<Conversation> = (0..values.len())
        .map(|i| conversation("w", &format!("d{i}")))
        .collect();
    let analyses: Vec<Analysis> = (0..values.len())
        .map(|i| analysis("w", &format!("d{i}"), 1.0, vec![]))
        .collect();
    let mut enc: Vec<Encoded> = convs
        .iter()
        .zip(values)
        .map(|(c, d)| encoded(c, d))
        .collect();
    // And one as earshot digests it.
    let real = conversation("w", "real");
    let real_a = analysis("w", "real", 1.0, vec![]);
    enc.push(earshot_store::encode(&real, "engine 1").unwrap());
    let mut batch: Vec<_> = convs
        .iter()
        .zip(&analyses)
        .zip(&enc)
        .map(|((c, a), e)| (c, a, e))
        .collect();
    batch.push((&real, &real_a, &enc[values.len()]));
    s.save_batch(&batch, &[]).unwrap();
    let mut expected: HashSet<u64> = values.into_iter().collect();
    expected.insert(enc[values.len()].digest);
    assert_eq!(s.digests().unwrap(), expected);
}

fn rich_conversation() -> (Conversation, Analysis) {
    let mut c = Conversation::new(
        "rich-1 «ünïcode» 注文",
        vec![
            Turn {
                role: Role::Customer,
                author: Some("buyer_42".into()),
                at: Some(at("2026-03-04T10:15:30.125Z")),
                text: "Where is my order? you idiot".into(),
                start_ms: Some(1_000),
                end_ms: Some(4_500),
                channel: Some("ch_0".into()),
                internal: false,
            },
            Turn {
                role: Role::Agent,
                author: Some("ann".into()),
                at: Some(at("2026-03-04T10:20:00Z")),
                text: "I'm sorry, let me check.".into(),
                start_ms: None,
                end_ms: None,
                channel: None,
                internal: false,
            },
            Turn {
                role: Role::Agent,
                author: Some("ann".into()),
                at: None,
                text: "note: customer upset".into(),
                start_ms: None,
                end_ms: None,
                channel: None,
                internal: true,
            },
        ],
    );
    c.channel = Channel::Email;
    c.source = Some("zendesk".into());
    c.language = Some("en".into());
    c.workspace = Some("acme".into());
    c.started_at = Some(at("2026-03-04T10:15:00Z"));
    c.ended_at = Some(at("2026-03-04T11:00:00.5Z"));
    c.customer = Some(Customer {
        id: Some("cust-9".into()),
        name: Some("Zoë".into()),
        country: Some("DE".into()),
        value: Some(1234.5),
        segment: Some("vip".into()),
    });
    c.agents = vec![
        Agent {
            id: "ann".into(),
            name: Some("Ann".into()),
            team: Some("eu".into()),
            hired_at: Some("2024-02-29".parse().unwrap()),
        },
        Agent {
            id: "bob".into(),
            ..Default::default()
        },
    ];
    c.order = Some(Order {
        id: Some("114-2231234-5566".into()),
        value: Some(59.99),
        currency: Some("EUR".into()),
        product_line: Some("jackets".into()),
        sku: Some("J-1".into()),
        marketplace: Some("amazon.de".into()),
    });
    c.tags = vec!["vip".into(), "late".into()];
    c.metadata.insert(
        "nested".into(),
        serde_json::json!({"a": [1, 2.5, null, "x"], "b": {"c": true}}),
    );
    let mut scores = Scores {
        knowledge_accuracy: Some(80.0),
        courtesy: Some(62.5),
        empathy: None,
        patience: Some(100.0),
        efficiency: Some(33.3),
        overall: Some(68.9),
        moved_by: vec![(Dimension::Courtesy, "conduct.rude".into(), -20.0)],
        auto_fail: true,
    };
    scores.set(Dimension::Empathy, Some(12.25));
    let a = Analysis {
        id: c.id.clone(),
        workspace: "acme".into(),
        language: "en".into(),
        risk: 73.125,
        severity: Some(Severity::Critical),
        satisfaction: Some(-0.75),
        scores: Some(scores),
        // Not sorted: they come back in the order saved.
        findings: vec![
            finding("abuse.insult", Severity::High, 0.37).source("lexicon"),
            Finding::new(Code::THREAT_VIOLENCE, "a threat")
                .severity(Severity::Critical)
                .confidence(0.99),
            {
                let mut f = Finding::new(Code::EMOTION_ANGER, "anger");
                f.turn = Some(0);
                f.role = Some(Role::Customer);
                f
            },
        ],
        turns: vec![
            TurnSignal {
                lang: "en".into(),
                sentiment: -0.8,
                emotion: Some(Emotion::Anger),
                emotion_confidence: 0.7,
            },
            TurnSignal {
                lang: "en".into(),
                sentiment: 0.25,
                emotion: None,
                emotion_confidence: 0.0,
            },
        ],
        risk_explanation: vec!["threat.violence".into(), "abuse.insult".into()],
        diagnostics: vec![Diagnostic {
            field: "turns[2].at".into(),
            message: "missing".into(),
        }],
    };
    (c, a)
}

fn conversation_round_trips_unchanged(b: &mut Backend) {
    let s = b.store.as_mut();
    let (c, a) = rich_conversation();
    save(s, &[(c.clone(), a.clone())]);
    let (back, back_a) = s.conversation("acme", &c.id).unwrap().unwrap();
    assert_eq!(back, c);
    assert_eq!(back_a, a);
    assert!(s.conversation("acme", "no-such-id").unwrap().is_none());
    let q = s
        .queue(&QueueFilter {
            workspace: ws("acme"),
            limit: 1,
            ..Default::default()
        })
        .unwrap();
    let e = &q[0];
    assert_eq!(
        (
            e.workspace.as_str(),
            e.id.as_str(),
            e.channel.as_str(),
            e.language.as_str()
        ),
        ("acme", c.id.as_str(), "email", "en")
    );
    assert_eq!(e.risk, 73.125);
    assert_eq!(e.severity, Some(Severity::Critical));
    assert_eq!(e.agent_id.as_deref(), Some("ann"));
    assert!(!e.top1pct);
}

fn text_with_nul_is_saved_and_found(b: &mut Backend) {
    let s = b.store.as_mut();
    let mut c = conversation("w", "nul\0id");
    c.turns[0].text = "bad\0byte".into();
    c.agents = vec![Agent {
        id: "agent\0x".into(),
        ..Default::default()
    }];
    let mut f = finding("abuse.insult", Severity::High, 0.5);
    f.evidence = "bad\0".into();
    save(s, &[(c.clone(), analysis("w", "nul\0id", 5.0, vec![f]))]);
    let (back, a) = s.conversation("w", "nul\0id").unwrap().unwrap();
    assert_eq!(back, c);
    assert_eq!(a.findings.len(), 1);
    assert_eq!(s.stored_findings("w", "nul\0id").unwrap().len(), 1);
    assert_eq!(
        s.agent_scorecard("w", "agent\0x")
            .unwrap()
            .unwrap()
            .conversations,
        1
    );
}

// ---------------------------------------------------------------------------------------------
// The risk queue

fn queue_orders_by_risk_then_id_and_pages(b: &mut Backend) {
    let s = b.store.as_mut();
    let risks = [10.0, 30.0, 30.0, 20.0, 0.0, 50.0, 30.0];
    let items: Vec<_> = risks
        .iter()
        .enumerate()
        .map(|(i, r)| {
            (
                conversation("w", &format!("c{i}")),
                analysis("w", &format!("c{i}"), *r, vec![]),
            )
        })
        .collect();
    save(s, &items);
    fn page(s: &dyn Store, limit: usize, offset: usize) -> Vec<String> {
        queue_ids(
            s,
            QueueFilter {
                workspace: ws("w"),
                limit,
                offset,
                ..Default::default()
            },
        )
    }
    assert_eq!(page(s, 100, 0), ["c5", "c1", "c2", "c6", "c3", "c0", "c4"]);
    assert_eq!(page(s, 3, 0), ["c5", "c1", "c2"]);
    assert_eq!(page(s, 3, 3), ["c6", "c3", "c0"]);
    assert_eq!(page(s, 3, 6), ["c4"]);
    assert!(page(s, 3, 7).is_empty());
    assert!(page(s, 3, usize::MAX).is_empty());
    // A limit of 0 still gives one row.
    let one = s
        .queue(&QueueFilter {
            workspace: ws("w"),
            limit: 0,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(ids(&one), ["c5"]);
    // Ids order bytewise, whatever the database's locale.
    save(
        s,
        &[
            (conversation("w", "B"), analysis("w", "B", 99.0, vec![])),
            (conversation("w", "a"), analysis("w", "a", 99.0, vec![])),
            (conversation("w", "_"), analysis("w", "_", 99.0, vec![])),
        ],
    );
    assert_eq!(page(s, 3, 0), ["B", "_", "a"]);
}

/// Four conversations in `w` (a, b, c, d) and a riskier twin of `a` in `v`.
fn queue_fixture(s: &mut dyn Store) {
    let mk = |w: &str,
              id: &str,
              agent: Option<&str>,
              channel: Channel,
              lang: &str,
              start: Option<&str>,
              risk: f32,
              findings: Vec<Finding>| {
        let mut c = conversation(w, id);
        c.channel = channel;
        c.agents = agent
            .map(|a| {
                vec![Agent {
                    id: a.into(),
                    ..Default::default()
                }]
            })
            .unwrap_or_default();
        c.started_at = start.map(at);
        let mut a = analysis(w, id, risk, findings);
        a.language = lang.into();
        (c, a)
    };
    save(
        s,
        &[
            mk(
                "w",
                "a",
                Some("ann"),
                Channel::Chat,
                "en",
                Some("2026-03-02T09:00:00Z"),
                90.0,
                vec![finding("abuse.insult", Severity::High, 0.9)],
            ),
            mk(
                "w",
                "b",
                Some("bob"),
                Channel::Email,
                "de",
                Some("2026-03-09T09:00:00Z"),
                80.0,
                vec![
                    finding("threat.violence", Severity::Critical, 0.8),
                    finding("abuse.profanity", Severity::Low, 0.8),
                ],
            ),
            mk(
                "w",
                "c",
                Some("ann"),
                Channel::Email,
                "en",
                Some("2026-03-16T09:00:00Z"),
                70.0,
                vec![finding("process.order_not_confirmed", Severity::Low, 0.7)],
            ),
            mk("w", "d", None, Channel::Chat, "ja", None, 60.0, vec![]),
            mk(
                "v",
                "va",
                Some("ann"),
                Channel::Chat,
                "en",
                Some("2026-03-02T09:00:00Z"),
                99.0,
                vec![finding("abuse.insult", Severity::High, 0.9)],
            ),
        ],
    );
}

fn queue_filters_each_and_combined(b: &mut Backend) {
    let s = b.store.as_mut();
    queue_fixture(s);
    let w = |f: QueueFilter| {
        queue_ids(
            s,
            QueueFilter {
                workspace: ws("w"),
                ..f
            },
        )
    };
    assert_eq!(w(QueueFilter::default()), ["a", "b", "c", "d"]);
    let sev = |x| QueueFilter {
        min_severity: Some(x),
        ..Default::default()
    };
    assert_eq!(w(sev(Severity::Info)), ["a", "b", "c"]);
    assert_eq!(w(sev(Severity::Low)), ["a", "b", "c"]);
    assert_eq!(w(sev(Severity::Medium)), ["a", "b"]);
    assert_eq!(w(sev(Severity::High)), ["a", "b"]);
    assert_eq!(w(sev(Severity::Critical)), ["b"]);
    let code = |x: &str| QueueFilter {
        code: Some(x.into()),
        ..Default::default()
    };
    assert_eq!(w(code("abuse.insult")), ["a"]);
    assert_eq!(w(code("abuse.profanity")), ["b"]);
    assert!(w(code("abuse.nothing")).is_empty());
    let agent = |x: &str| QueueFilter {
        agent: Some(x.into()),
        ..Default::default()
    };
    assert_eq!(w(agent("ann")), ["a", "c"]);
    assert_eq!(w(agent("bob")), ["b"]);
    assert!(w(agent("Ann")).is_empty());
    let channel = |x: &str| QueueFilter {
        channel: Some(x.into()),
        ..Default::default()
    };
    assert_eq!(w(channel("email")), ["b", "c"]);
    assert_eq!(w(channel("chat")), ["a", "d"]);
    assert!(w(channel("phone")).is_empty());
    let language = |x: &str| QueueFilter {
        language: Some(x.into()),
        ..Default::default()
    };
    assert_eq!(w(language("en")), ["a", "c"]);
    assert_eq!(w(language("ja")), ["d"]);
    let range = |from: Option<&str>, to: Option<&str>| QueueFilter {
        from: from.map(str::to_string),
        to: to.map(str::to_string),
        ..Default::default()
    };
    // `from` is inclusive, `to` exclusive; a conversation without a start is in no range.
    assert_eq!(w(range(Some("2026-03-09T00:00:00Z"), None)), ["b", "c"]);
    assert_eq!(w(range(Some("2026-03-09T09:00:00Z"), None)), ["b", "c"]);
    assert_eq!(w(range(Some("2026-03-09T09:00:01Z"), None)), ["c"]);
    assert_eq!(w(range(None, Some("2026-03-09T09:00:00Z"))), ["a"]);
    assert_eq!(
        w(range(
            Some("2026-03-03T00:00:00Z"),
            Some("2026-03-10T00:00:00Z")
        )),
        ["b"]
    );
    assert!(w(range(Some("2027-01-01T00:00:00Z"), None)).is_empty());
    // Combined: every filter must hold.
    assert_eq!(
        w(QueueFilter {
            agent: Some("ann".into()),
            language: Some("en".into()),
            min_severity: Some(Severity::Low),
            ..Default::default()
        }),
        ["a", "c"]
    );
    assert_eq!(
        w(QueueFilter {
            agent: Some("ann".into()),
            code: Some("abuse.insult".into()),
            channel: Some("chat".into()),
            from: Some("2026-03-01T00:00:00Z".into()),
            to: Some("2026-03-03T00:00:00Z".into()),
            ..Default::default()
        }),
        ["a"]
    );
    assert!(
        w(QueueFilter {
            agent: Some("bob".into()),
            channel: Some("chat".into()),
            ..Default::default()
        })
        .is_empty()
    );
    // top1pct before any marking: nothing.
    assert!(
        w(QueueFilter {
            top1pct_only: true,
            ..Default::default()
        })
        .is_empty()
    );
    // Without a workspace, all of them.
    assert_eq!(
        queue_ids(s, QueueFilter::default()),
        ["va", "a", "b", "c", "d"]
    );
    assert_eq!(
        queue_ids(
            s,
            QueueFilter {
                workspace: ws("v"),
                ..Default::default()
            }
        ),
        ["va"]
    );
}

fn queue_shows_the_three_most_severe_findings(b: &mut Backend) {
    let s = b.store.as_mut();
    save(
        s,
        &[
            (
                conversation("w", "many"),
                analysis(
                    "w",
                    "many",
                    50.0,
                    vec![
                        finding("abuse.profanity", Severity::Low, 0.9),
                        finding("threat.violence", Severity::Critical, 0.5),
                        finding("threat.legal", Severity::High, 0.7),
                        finding("abuse.insult", Severity::High, 0.95),
                        finding("threat.churn", Severity::Medium, 1.0),
                    ],
                ),
            ),
            (
                conversation("w", "one"),
                analysis(
                    "w",
                    "one",
                    40.0,
                    vec![finding("threat.churn", Severity::Medium, 0.4)],
                ),
            ),
            (
                conversation("w", "none"),
                analysis("w", "none", 30.0, vec![]),
            ),
        ],
    );
    let q = s
        .queue(&QueueFilter {
            workspace: ws("w"),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(ids(&q), ["many", "one", "none"]);
    let codes: Vec<&str> = q[0].top_findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["threat.violence", "abuse.insult", "threat.legal"]);
    assert_eq!(
        q[0].top_findings[1],
        finding("abuse.insult", Severity::High, 0.95)
    );
    assert_eq!(q[1].top_findings.len(), 1);
    assert!(q[2].top_findings.is_empty());
    // The same with an offset: findings still belong to their rows.
    let q = s
        .queue(&QueueFilter {
            workspace: ws("w"),
            limit: 1,
            offset: 1,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(ids(&q), ["one"]);
    assert_eq!(q[0].top_findings[0].code.as_str(), "threat.churn");
}

// ---------------------------------------------------------------------------------------------
// The top 1%

/// `n` conversations in `w`, `id{i}`, starting on `days` in turn, with risk `risk(i)`.
fn week_of_conversations(
    w: &str,
    prefix: &str,
    n: usize,
    days: &[&str],
    risk: impl Fn(usize) -> f32,
) -> Vec<(Conversation, Analysis)> {
    (0..n)
        .map(|i| {
            let id = format!("{prefix}{i}");
            let mut c = conversation(w, &id);
            if !days.is_empty() {
                c.started_at = Some(at(days[i % days.len()]));
            }
            (c, analysis(w, &id, risk(i), vec![]))
        })
        .collect()
}

fn top_percent_is_per_workspace_and_week(b: &mut Backend) {
    let s = b.store.as_mut();
    // Monday 5 October 2026 to Sunday 11 October, then the next week: a week's first and last
    // moments belong to it.
    let week1 = [
        "2026-10-05T00:00:00Z",
        "2026-10-07T12:00:00Z",
        "2026-10-11T23:59:59Z",
    ];
    let week2 = ["2026-10-12T00:00:00Z", "2026-10-18T23:59:59.999Z"];
    let mut items = week_of_conversations("w", "a", 200, &week1, |i| 50.0 + i as f32 / 10.0);
    // The second week is calmer, yet keeps its own top 1%.
    items.extend(week_of_conversations("w", "b", 200, &week2, |i| {
        i as f32 / 10.0
    }));
    // Another workspace in the same week as the first: ranked on its own.
    items.extend(week_of_conversations("v", "v", 100, &week1, |i| {
        i as f32 / 100.0
    }));
    // Conversations without a start are ranked in the week they were analysed.
    items.extend(week_of_conversations("u", "u", 150, &[], |i| i as f32));
    // A week where nothing is risky marks nothing.
    items.extend(week_of_conversations(
        "z",
        "z",
        50,
        &["2026-01-07T00:00:00Z"],
        |_| 0.0,
    ));
    save(s, &items);
    assert_eq!(s.mark_top_percent().unwrap(), 2 + 2 + 1 + 2);
    let top = |w: &str| {
        queue_ids(
            s,
            QueueFilter {
                workspace: ws(w),
                top1pct_only: true,
                ..Default::default()
            },
        )
    };
    assert_eq!(top("w"), ["a199", "a198", "b199", "b198"]);
    assert_eq!(top("v"), ["v99"]);
    assert_eq!(top("u"), ["u149", "u148"]);
    assert!(top("z").is_empty());
    let q = s
        .queue(&QueueFilter {
            workspace: ws("w"),
            limit: 3,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(ids(&q), ["a199", "a198", "a197"]);
    assert!(q[0].top1pct && q[1].top1pct && !q[2].top1pct);
}

fn top_percent_is_recomputed(b: &mut Backend) {
    let s = b.store.as_mut();
    let days = ["2026-06-03T08:00:00Z"];
    save(
        s,
        &week_of_conversations("w", "c", 100, &days, |i| i as f32 + 1.0),
    );
    assert_eq!(s.mark_top_percent().unwrap(), 1);
    let top = |s: &dyn Store| {
        queue_ids(
            s,
            QueueFilter {
                workspace: ws("w"),
                top1pct_only: true,
                ..Default::default()
            },
        )
    };
    assert_eq!(top(s), ["c99"]);
    // Marking again changes nothing.
    assert_eq!(s.mark_top_percent().unwrap(), 1);
    assert_eq!(top(s), ["c99"]);
    // The riskiest calms down, and a tie appears at the new top: both tied are marked.
    let mut calmer = week_of_conversations("w", "c", 100, &days, |i| i as f32 + 1.0);
    calmer[99].1.risk = 1.0;
    calmer[97].1.risk = 99.0;
    save(s, &calmer[97..]);
    assert_eq!(s.mark_top_percent().unwrap(), 2);
    assert_eq!(top(s), ["c97", "c98"]);
}

// ---------------------------------------------------------------------------------------------
// Workspaces

fn every_read_stays_in_its_workspace(b: &mut Backend) {
    let s = b.store.as_mut();
    let mut c = conversation("w", "c1");
    c.agents = vec![Agent {
        id: "ann".into(),
        ..Default::default()
    }];
    c.started_at = Some(at("2026-05-05T10:00:00Z"));
    let mut a = analysis(
        "w",
        "c1",
        80.0,
        vec![finding("abuse.insult", Severity::High, 0.9)],
    );
    a.scores = Some(Scores {
        courtesy: Some(50.0),
        ..Default::default()
    });
    let out = outbox_record("o1", "w", "c1", 100, 10, &["w:c1:abuse.insult"]);
    save_with(s, &[(c, a)], &[out]);
    s.mark_top_percent().unwrap();
    assert!(
        s.mark_training_case(&case("w", "c1", CaseKind::Bad, ""))
            .unwrap()
    );
    let fid = s.stored_findings("w", "c1").unwrap()[0].id;

    // The owner sees everything.
    assert!(s.conversation("w", "c1").unwrap().is_some());
    assert_eq!(s.training_cases(Some("w")).unwrap().len(), 1);
    assert_eq!(s.recent_alert_keys("w", "c1", 0).unwrap().len(), 1);
    assert!(s.agent_scorecard("w", "ann").unwrap().is_some());

    // Another workspace sees nothing.
    for other in ["other", "W", "", "w "] {
        assert!(
            queue_ids(
                s,
                QueueFilter {
                    workspace: ws(other),
                    ..Default::default()
                }
            )
            .is_empty()
        );
        assert!(
            queue_ids(
                s,
                QueueFilter {
                    workspace: ws(other),
                    top1pct_only: true,
                    ..Default::default()
                }
            )
            .is_empty()
        );
        assert!(s.conversation(other, "c1").unwrap().is_none());
        assert!(s.stored_findings(other, "c1").unwrap().is_empty());
        assert!(
            !s.review(other, fid, Verdict::Reject, None, None).unwrap(),
            "a finding of another workspace cannot be reviewed"
        );
        assert!(s.agent_scorecard(other, "ann").unwrap().is_none());
        assert!(
            !s.mark_training_case(&case(other, "c1", CaseKind::Good, ""))
                .unwrap()
        );
        assert!(s.training_cases(Some(other)).unwrap().is_empty());
        assert!(s.recent_alert_keys(other, "c1", 0).unwrap().is_empty());
    }
    // The rejected reviews left no trace.
    assert_eq!(s.stored_findings("w", "c1").unwrap()[0].review, None);
    assert_eq!(s.training_cases(None).unwrap().len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Access

fn tokens_are_hashed_scoped_and_revocable(b: &mut Backend) {
    let s = b.store.as_mut();
    let t1 = s
        .create_token("acme", TokenRole::Viewer, Some("ci"))
        .unwrap();
    let t2 = s.create_token("beta", TokenRole::Admin, None).unwrap();
    assert!(t1.starts_with("es_") && t1.len() > 40, "{t1}");
    assert_ne!(t1, t2);
    assert_eq!(
        s.token_grant(&t1).unwrap(),
        Some(TokenGrant {
            workspace: "acme".into(),
            role: TokenRole::Viewer
        })
    );
    assert_eq!(
        s.token_grant(&t2).unwrap(),
        Some(TokenGrant {
            workspace: "beta".into(),
            role: TokenRole::Admin
        })
    );
    for unknown in ["es_wrong", "", &t1[..t1.len() - 1], &format!("{t1}0")] {
        assert_eq!(s.token_grant(unknown).unwrap(), None, "{unknown:?}");
    }
    let stored = (b.sql)("SELECT hash FROM tokens");
    assert_eq!(stored.len(), 2);
    for h in stored.iter().flatten() {
        assert!(
            !h.contains(&t1) && !h.contains(&t2),
            "a token is never stored"
        );
        assert_eq!(h.len(), 64, "a SHA-256 in hex: {h}");
    }
    (b.sql)("UPDATE tokens SET revoked_at = '2026-01-01T00:00:00Z' WHERE workspace = 'acme'");
    let s = b.store.as_mut();
    assert_eq!(s.token_grant(&t1).unwrap(), None, "revoked");
    assert!(s.token_grant(&t2).unwrap().is_some());
}

fn reviews_are_scoped_and_the_latest_counts(b: &mut Backend) {
    let s = b.store.as_mut();
    save(
        s,
        &[(
            conversation("acme", "c1"),
            analysis(
                "acme",
                "c1",
                40.0,
                vec![
                    finding("abuse.profanity", Severity::Low, 0.9),
                    finding("threat.violence", Severity::Critical, 0.4),
                    finding("abuse.insult", Severity::High, 0.8),
                ],
            ),
        )],
    );
    let found = s.stored_findings("acme", "c1").unwrap();
    let codes: Vec<&str> = found.iter().map(|f| f.finding.code.as_str()).collect();
    assert_eq!(
        codes,
        ["threat.violence", "abuse.insult", "abuse.profanity"]
    );
    assert_eq!(
        found[1].finding,
        finding("abuse.insult", Severity::High, 0.8)
    );
    assert!(found.iter().all(|f| f.review.is_none()));
    let ids: HashSet<i64> = found.iter().map(|f| f.id).collect();
    assert_eq!(ids.len(), 3, "ids are distinct");
    let insult = found[1].id;
    assert!(
        !s.review("other", insult, Verdict::Reject, None, None)
            .unwrap()
    );
    let missing = ids.iter().max().unwrap() + 1000;
    assert!(
        !s.review("acme", missing, Verdict::Confirm, None, None)
            .unwrap()
    );
    assert!(
        s.review("acme", insult, Verdict::Confirm, Some("clear"), Some("qa"))
            .unwrap()
    );
    assert!(
        s.review("acme", insult, Verdict::Reject, Some("quoted"), None)
            .unwrap()
    );
    let found = s.stored_findings("acme", "c1").unwrap();
    assert_eq!(found[1].review, Some(Verdict::Reject), "the latest counts");
    assert_eq!(found[0].review, None);
    assert_eq!(found[2].review, None);
    assert_eq!(
        (b.sql)("SELECT COUNT(*) FROM reviews"),
        [Some("2".to_string())]
    );
}

fn agent_scorecard_means_and_codes(b: &mut Backend) {
    let s = b.store.as_mut();
    let scored = |courtesy: Option<f32>,
                  empathy: Option<f32>,
                  overall: Option<f32>,
                  auto_fail: bool| Scores {
        knowledge_accuracy: None,
        courtesy,
        empathy,
        patience: Some(50.0),
        efficiency: None,
        overall,
        moved_by: vec![],
        auto_fail,
    };
    let mk = |w: &str, id: &str, agent: &str, scores: Option<Scores>, f: Vec<Finding>| {
        let mut c = conversation(w, id);
        c.agents = vec![Agent {
            id: agent.into(),
            ..Default::default()
        }];
        let mut a = analysis(w, id, 10.0, f);
        a.scores = scores;
        (c, a)
    };
    let insult = || finding("abuse.insult", Severity::High, 0.9);
    let late = || finding("process.order_not_confirmed", Severity::Low, 0.9);
    let anger = || finding("emotion.anger", Severity::Info, 0.9);
    save(
        s,
        &[
            mk(
                "w",
                "1",
                "ann",
                Some(scored(Some(80.0), Some(55.0), Some(70.0), false)),
                vec![insult(), anger(), late()],
            ),
            mk(
                "w",
                "2",
                "ann",
                Some(scored(Some(60.0), None, Some(60.0), true)),
                vec![insult(), anger(), anger()],
            ),
            mk(
                "w",
                "3",
                "ann",
                Some(scored(None, None, Some(90.0), false)),
                vec![insult()],
            ),
            mk("w", "4", "ann", None, vec![late(), anger()]),
            mk(
                "w",
                "5",
                "bob",
                Some(scored(Some(10.0), Some(10.0), Some(10.0), true)),
                vec![insult(), insult()],
            ),
            mk(
                "v",
                "6",
                "ann",
                Some(scored(Some(0.0), Some(0.0), Some(0.0), true)),
                vec![insult()],
            ),
        ],
    );
    let card = s.agent_scorecard("w", "ann").unwrap().unwrap();
    assert_eq!(card.agent_id, "ann");
    assert_eq!(card.conversations, 4);
    assert_eq!(
        card.dimensions,
        vec![
            (Dimension::KnowledgeAccuracy, None),
            (Dimension::Courtesy, Some(70.0)),
            (Dimension::Empathy, Some(55.0)),
            (Dimension::Patience, Some(50.0)),
            (Dimension::Efficiency, None),
        ]
    );
    assert_eq!(card.overall, Some(73.3));
    assert_eq!(card.auto_fails, 1);
    // Info findings (emotions) are context, not counted; most frequent first, then by code.
    assert_eq!(
        card.top_codes,
        vec![
            ("abuse.insult".to_string(), 3),
            ("process.order_not_confirmed".to_string(), 2)
        ]
    );
    let bob = s.agent_scorecard("w", "bob").unwrap().unwrap();
    assert_eq!(bob.conversations, 1);
    assert_eq!(bob.top_codes, vec![("abuse.insult".to_string(), 2)]);
    assert!(s.agent_scorecard("w", "nobody").unwrap().is_none());
    assert!(s.agent_scorecard("v", "bob").unwrap().is_none());
    assert_eq!(
        s.agent_scorecard("v", "ann").unwrap().unwrap().overall,
        Some(0.0)
    );
}

fn users_and_grants(b: &mut Backend) {
    let s = b.store.as_mut();
    assert!(s.user("ann").unwrap().is_none());
    s.upsert_user("ann", "$argon2id$one", "w", TokenRole::Viewer)
        .unwrap();
    let u = s.user("ann").unwrap().unwrap();
    assert_eq!(u.username, "ann");
    assert_eq!(u.password_hash, "$argon2id$one");
    assert_eq!(
        u.grants,
        vec![TokenGrant {
            workspace: "w".into(),
            role: TokenRole::Viewer
        }]
    );
    // A new password and a second workspace; grants come sorted by workspace.
    s.upsert_user("ann", "$argon2id$two", "a-team", TokenRole::Admin)
        .unwrap();
    // The same workspace again: the role changes, no second grant.
    s.upsert_user("ann", "$argon2id$two", "w", TokenRole::Reviewer)
        .unwrap();
    let u = s.user("ann").unwrap().unwrap();
    assert_eq!(u.password_hash, "$argon2id$two");
    assert_eq!(
        u.grants,
        vec![
            TokenGrant {
                workspace: "a-team".into(),
                role: TokenRole::Admin
            },
            TokenGrant {
                workspace: "w".into(),
                role: TokenRole::Reviewer
            },
        ]
    );
    s.upsert_user("bob", "$argon2id$bob", "w", TokenRole::Ingest)
        .unwrap();
    assert_eq!(s.user("bob").unwrap().unwrap().grants.len(), 1);
    assert!(s.user("Ann").unwrap().is_none());
}

fn sessions_expire_and_end(b: &mut Backend) {
    let s = b.store.as_mut();
    s.upsert_user("ann", "$argon2id$x", "w", TokenRole::Viewer)
        .unwrap();
    s.upsert_user("bob", "$argon2id$y", "w", TokenRole::Viewer)
        .unwrap();
    let id = s.create_session("ann", 2_000).unwrap();
    let other = s.create_session("bob", 5_000).unwrap();
    assert!(id.starts_with("ss_") && id.len() > 40, "{id}");
    assert_ne!(id, other);
    assert_eq!(s.session_user(&id, 1_999).unwrap().as_deref(), Some("ann"));
    assert_eq!(s.session_user(&id, 2_000).unwrap(), None, "expired");
    assert_eq!(s.session_user(&id, 9_999).unwrap(), None, "expired");
    assert_eq!(s.session_user("ss_unknown", 0).unwrap(), None);
    assert_eq!(
        s.session_user(&other, 4_999).unwrap().as_deref(),
        Some("bob")
    );
    // A session for someone who does not exist is refused, with an error, not a panic.
    assert!(s.create_session("nobody", 9_999).is_err());
    let stored = (b.sql)("SELECT hash FROM sessions");
    assert_eq!(stored.len(), 2);
    assert!(stored.iter().flatten().all(|h| !h.contains(&id)));
    let s = b.store.as_mut();
    s.delete_session(&id).unwrap();
    assert_eq!(s.session_user(&id, 0).unwrap(), None);
    s.delete_session(&id).unwrap();
    s.delete_session("ss_unknown").unwrap();
    assert_eq!(
        s.session_user(&other, 0).unwrap().as_deref(),
        Some("bob"),
        "other sessions live on"
    );
}

fn case(w: &str, id: &str, kind: CaseKind, marked_at: &str) -> TrainingCase {
    TrainingCase {
        workspace: w.into(),
        conversation_id: id.into(),
        kind,
        note: None,
        marked_by: None,
        marked_at: marked_at.into(),
    }
}

fn training_cases_are_marked_and_listed(b: &mut Backend) {
    let s = b.store.as_mut();
    save(
        s,
        &[
            (conversation("w", "c1"), analysis("w", "c1", 1.0, vec![])),
            (conversation("w", "c2"), analysis("w", "c2", 1.0, vec![])),
            (conversation("w", "c3"), analysis("w", "c3", 1.0, vec![])),
            (conversation("v", "c9"), analysis("v", "c9", 1.0, vec![])),
        ],
    );
    assert!(
        !s.mark_training_case(&case("w", "missing", CaseKind::Good, ""))
            .unwrap()
    );
    // Without a time, the store sets it.
    assert!(
        s.mark_training_case(&case("w", "c3", CaseKind::Good, ""))
            .unwrap()
    );
    let listed = s.training_cases(Some("w")).unwrap();
    assert_eq!(listed.len(), 1);
    assert!(
        listed[0].marked_at.parse::<jiff::Timestamp>().is_ok(),
        "{}",
        listed[0].marked_at
    );
    let mut c1 = case("w", "c1", CaseKind::Good, "2026-01-02T00:00:00Z");
    c1.note = Some("textbook apology".into());
    c1.marked_by = Some("qa-lead".into());
    assert!(s.mark_training_case(&c1).unwrap());
    assert!(
        s.mark_training_case(&case("w", "c2", CaseKind::Bad, "2026-01-01T00:00:00Z"))
            .unwrap()
    );
    assert!(
        s.mark_training_case(&case("v", "c9", CaseKind::Good, "2026-01-05T00:00:00Z"))
            .unwrap()
    );
    // Marking again replaces the earlier mark.
    let mut again = case("w", "c3", CaseKind::Bad, "2026-01-03T00:00:00Z");
    again.note = Some("rude".into());
    assert!(s.mark_training_case(&again).unwrap());

    let w = s.training_cases(Some("w")).unwrap();
    assert_eq!(
        w,
        vec![
            case("w", "c2", CaseKind::Bad, "2026-01-01T00:00:00Z"),
            c1.clone(),
            again.clone(),
        ]
    );
    let all = s.training_cases(None).unwrap();
    let keys: Vec<(&str, &str)> = all
        .iter()
        .map(|c| (c.workspace.as_str(), c.conversation_id.as_str()))
        .collect();
    assert_eq!(keys, [("v", "c9"), ("w", "c2"), ("w", "c1"), ("w", "c3")]);
    assert_eq!(s.training_cases(Some("v")).unwrap().len(), 1);
    assert!(s.training_cases(Some("x")).unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------------
// The alert outbox

fn outbox_record(
    id: &str,
    w: &str,
    conv: &str,
    next: i64,
    created: i64,
    keys: &[&str],
) -> OutboxRecord {
    OutboxRecord {
        id: id.into(),
        workspace: w.into(),
        conversation_id: conv.into(),
        channel: "slack-ops".into(),
        dedup_keys: keys.iter().map(|k| k.to_string()).collect(),
        body: format!("{{\"delivery\":\"{id}\"}}"),
        attempts: 0,
        next_attempt_at: next,
        state: DeliveryState::Pending,
        last_error: None,
        created_at: created,
    }
}

fn without_keys(r: &OutboxRecord) -> OutboxRecord {
    OutboxRecord {
        dedup_keys: Vec::new(),
        ..r.clone()
    }
}

fn due_ids(s: &dyn Store, now: i64, limit: usize) -> Vec<String> {
    s.due_deliveries(now, limit)
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect()
}

fn outbox_schedules_deliveries(b: &mut Backend) {
    let s = b.store.as_mut();
    assert_eq!(s.next_delivery_at().unwrap(), None);
    assert_eq!(s.outbox_counts().unwrap(), [0, 0, 0]);
    let r1 = outbox_record("r1", "w", "c1", 1_000, 10, &["w:c1:abuse.insult"]);
    let r2 = outbox_record("r2", "w", "c1", 500, 20, &["w:c1:threat.violence"]);
    let r3 = outbox_record("r9", "w", "c1", 500, 5, &[]);
    let r4 = outbox_record("r4", "w", "c1", 5_000, 30, &[]);
    let r5 = outbox_record("r5", "w", "c1", 500, 20, &[]);
    let c = conversation("w", "c1");
    let a = analysis(
        "w",
        "c1",
        90.0,
        vec![finding("abuse.insult", Severity::High, 0.9)],
    );
    save_with(
        s,
        &[(c, a)],
        &[r1.clone(), r2.clone(), r3.clone(), r4.clone(), r5.clone()],
    );
    // Saved together with the findings that caused them.
    assert_eq!(s.stored_findings("w", "c1").unwrap().len(), 1);
    assert_eq!(s.outbox_counts().unwrap(), [5, 0, 0]);
    assert_eq!(s.next_delivery_at().unwrap(), Some(500));
    assert!(due_ids(s, 499, 10).is_empty());
    // Soonest first; then the earliest planned (r9 before r2); then by id.
    assert_eq!(due_ids(s, 500, 10), ["r9", "r2", "r5"]);
    assert_eq!(due_ids(s, 1_000, 10), ["r9", "r2", "r5", "r1"]);
    assert_eq!(due_ids(s, 10_000, 2), ["r9", "r2"]);
    assert!(due_ids(s, 10_000, 0).is_empty());
    let due = s.due_deliveries(1_000, 10).unwrap();
    assert_eq!(due[3], without_keys(&r1), "stored as given");

    // Delivered: no longer due nor pending.
    let mut done = r3.clone();
    done.state = DeliveryState::Delivered;
    done.attempts = 1;
    s.update_delivery(&done).unwrap();
    // Retried later, with the error kept.
    let mut retry = r2.clone();
    retry.attempts = 1;
    retry.next_attempt_at = 3_000;
    retry.last_error = Some("timeout".into());
    retry.body = "{\"delivery\":\"r2\",\"retry\":1}".into();
    s.update_delivery(&retry).unwrap();
    // Given up.
    let mut failed = r5.clone();
    failed.state = DeliveryState::Failed;
    failed.attempts = 8;
    failed.last_error = Some("410 gone".into());
    s.update_delivery(&failed).unwrap();
    assert_eq!(s.outbox_counts().unwrap(), [3, 1, 1]);
    assert_eq!(due_ids(s, 1_000, 10), ["r1"]);
    assert_eq!(s.next_delivery_at().unwrap(), Some(1_000));
    let later = s.due_deliveries(3_000, 10).unwrap();
    assert_eq!(later.len(), 2);
    assert_eq!(later[1], without_keys(&retry));
    // Updating a delivery that does not exist changes nothing.
    s.update_delivery(&outbox_record("nope", "w", "c1", 0, 0, &[]))
        .unwrap();
    assert_eq!(s.outbox_counts().unwrap(), [3, 1, 1]);
    for r in [&r1, &retry, &r4] {
        let mut d = r.clone();
        d.state = DeliveryState::Delivered;
        s.update_delivery(&d).unwrap();
    }
    assert_eq!(s.outbox_counts().unwrap(), [0, 4, 1]);
    assert_eq!(s.next_delivery_at().unwrap(), None);
    assert!(due_ids(s, i64::MAX, 10).is_empty());
}

fn outbox_keeps_a_delivery_once(b: &mut Backend) {
    let s = b.store.as_mut();
    let r1 = outbox_record("same", "w", "c1", 100, 10, &["w:c1:abuse.insult"]);
    // Twice in one batch, and without conversations.
    save_with(s, &[], &[r1.clone(), r1.clone()]);
    assert_eq!(s.outbox_counts().unwrap(), [1, 0, 0]);
    let mut delivered = r1.clone();
    delivered.state = DeliveryState::Delivered;
    s.update_delivery(&delivered).unwrap();
    // Saved again (a retried batch): the delivery is neither duplicated nor reset.
    let mut again = r1.clone();
    again.body = "changed".into();
    save_with(s, &[], &[again]);
    assert_eq!(s.outbox_counts().unwrap(), [0, 1, 0]);
    assert!(s.due_deliveries(i64::MAX, 10).unwrap().is_empty());
    assert_eq!((b.sql)("SELECT body FROM outbox"), [Some(r1.body.clone())]);
}

fn a_failed_batch_saves_nothing(b: &mut Backend) {
    save(
        b.store.as_mut(),
        &[(conversation("w", "old"), analysis("w", "old", 5.0, vec![]))],
    );
    (b.sql)(b.refuse_boom);
    let s = b.store.as_mut();
    let c = conversation("w", "c1");
    let a = analysis(
        "w",
        "c1",
        90.0,
        vec![finding("abuse.insult", Severity::High, 0.9)],
    );
    let replaced = analysis("w", "old", 50.0, vec![]);
    let old = conversation("w", "old");
    let fine = outbox_record("fine", "w", "c1", 0, 1, &["w:c1:abuse.insult"]);
    let mut boom = outbox_record("boom", "w", "c1", 0, 1, &["w:c1:x"]);
    boom.channel = "boom".into();
    let (e1, e2) = (encoded(&c, 1), encoded(&old, 2));
    let err = s.save_batch(&[(&c, &a, &e1), (&old, &replaced, &e2)], &[fine, boom]);
    assert!(err.is_err(), "the refused delivery fails the batch");
    // Nothing of it was kept: neither the conversations and findings nor the other delivery.
    assert_eq!(s.count_conversations().unwrap(), 1);
    assert!(s.conversation("w", "c1").unwrap().is_none());
    assert_eq!(s.conversation("w", "old").unwrap().unwrap().1.risk, 5.0);
    assert!(s.stored_findings("w", "c1").unwrap().is_empty());
    assert_eq!(s.outbox_counts().unwrap(), [0, 0, 0]);
    assert!(s.recent_alert_keys("w", "c1", 0).unwrap().is_empty());
    // And the store goes on working.
    save(s, &[(c, a)]);
    assert_eq!(s.count_conversations().unwrap(), 2);
}

fn alert_keys_window_and_replanning(b: &mut Backend) {
    let s = b.store.as_mut();
    let mut slack = outbox_record("k1", "w", "c1", 0, 1_000, &["w:c1:abuse.insult", "w:c1:x"]);
    slack.channel = "slack".into();
    let mut hook = outbox_record("k2", "w", "c1", 0, 2_000, &["w:c1:abuse.insult"]);
    hook.channel = "webhook".into();
    let mut other_conv = outbox_record("k3", "w", "c2", 0, 3_000, &["w:c2:abuse.insult"]);
    other_conv.channel = "slack".into();
    save_with(s, &[], &[slack.clone(), hook, other_conv]);
    let pair = |c: &str, k: &str| (c.to_string(), k.to_string());
    assert_eq!(
        s.recent_alert_keys("w", "c1", 0).unwrap(),
        HashSet::from([
            pair("slack", "w:c1:abuse.insult"),
            pair("slack", "w:c1:x"),
            pair("webhook", "w:c1:abuse.insult"),
        ])
    );
    // The window's start is inclusive.
    assert_eq!(
        s.recent_alert_keys("w", "c1", 2_000).unwrap(),
        HashSet::from([pair("webhook", "w:c1:abuse.insult")])
    );
    assert!(s.recent_alert_keys("w", "c1", 2_001).unwrap().is_empty());
    assert_eq!(s.recent_alert_keys("w", "c2", 0).unwrap().len(), 1);
    assert!(s.recent_alert_keys("w", "c3", 0).unwrap().is_empty());
    // Planned again later (a new delivery for the same key): the window counts from then.
    let mut replan = outbox_record("k4", "w", "c1", 0, 9_000, &["w:c1:x"]);
    replan.channel = "slack".into();
    // A key named twice in one batch keeps the later time.
    let mut twice = outbox_record("k5", "w", "c1", 0, 8_000, &["w:c1:y", "w:c1:y"]);
    twice.channel = "slack".into();
    save_with(s, &[], &[twice, replan]);
    assert_eq!(
        s.recent_alert_keys("w", "c1", 5_000).unwrap(),
        HashSet::from([pair("slack", "w:c1:x"), pair("slack", "w:c1:y")])
    );
    assert_eq!(s.outbox_counts().unwrap(), [5, 0, 0]);
}

fn empty_batches_are_fine(b: &mut Backend) {
    let s = b.store.as_mut();
    s.save_batch(&[], &[]).unwrap();
    assert_eq!(s.count_conversations().unwrap(), 0);
    assert!(s.digests().unwrap().is_empty());
    assert!(queue_ids(s, QueueFilter::default()).is_empty());
    assert_eq!(s.mark_top_percent().unwrap(), 0);
    assert!(s.training_cases(None).unwrap().is_empty());
}

fn works_from_blocking_threads_of_an_async_runtime(b: &mut Backend) {
    // As the server uses it: behind a mutex, from tokio's blocking threads.
    let placeholder: Box<dyn Store> = Box::new(SqliteStore::in_memory().unwrap());
    let store = std::mem::replace(&mut b.store, placeholder);
    let shared = Arc::new(Mutex::new(store));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    let count = rt.block_on(async {
        let mut tasks = Vec::new();
        for i in 0..8 {
            let shared = shared.clone();
            tasks.push(tokio::task::spawn_blocking(move || {
                let mut s = shared.lock().unwrap();
                let id = format!("t{i}");
                let c = conversation("w", &id);
                let a = analysis("w", &id, i as f32, vec![]);
                s.save_batch(&[(&c, &a, &encoded(&c, i))], &[]).unwrap();
                s.count_conversations().unwrap()
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        let shared = shared.clone();
        tokio::task::spawn_blocking(move || shared.lock().unwrap().count_conversations().unwrap())
            .await
            .unwrap()
    });
    assert_eq!(count, 8);
    drop(rt);
    let store = Arc::try_unwrap(shared)
        .ok()
        .expect("no other owner")
        .into_inner()
        .unwrap();
    b.store = store;
    assert_eq!(b.store.count_conversations().unwrap(), 8);
}

fn reopening_keeps_data_and_a_newer_schema_is_refused(b: &mut Backend) {
    save(
        b.store.as_mut(),
        &[(conversation("w", "c1"), analysis("w", "c1", 1.0, vec![]))],
    );
    let again = (b.reopen)().unwrap();
    assert_eq!(again.count_conversations().unwrap(), 1);
    drop(again);
    (b.sql)(b.too_new);
    let err = match (b.reopen)() {
        Ok(_) => panic!("a newer schema must be refused"),
        Err(e) => e,
    };
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    assert!(err.to_string().contains("newer"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL only: connecting

#[test]
fn postgres_errors_never_show_the_password() {
    // Nothing listens on port 1; the URL's password must not appear in the error.
    for url in [
        "postgres://ann:s3cret-Pw@127.0.0.1:1/earshot",
        "postgresql://ann:s3cret%2DPw@127.0.0.1:1/earshot?connect_timeout=2",
        "postgres://ann@127.0.0.1:1/earshot?password=s3cret-Pw",
        "postgres://ann:s3cret-Pw@127.0.0.1:notaport/earshot",
        "postgres://ann:s3cret-Pw@127.0.0.1:1/earshot?nosuchoption=1",
    ] {
        let err = match earshot_store::open(url) {
            Ok(_) => panic!("{url} should not open"),
            Err(e) => e,
        };
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(matches!(err, StoreError::Postgres { .. }), "{shown}");
        assert!(shown.contains("127.0.0.1"), "{shown}");
    }
}

#[test]
fn postgres_refuses_tls_it_cannot_do() {
    let err = match earshot_store::open("postgres://ann@127.0.0.1:1/earshot?sslmode=require") {
        Ok(_) => panic!("sslmode=require cannot be met"),
        Err(e) => e,
    };
    assert!(err.to_string().contains("sslmode=require"), "{err}");
}

#[test]
fn postgres_missing_database_is_a_clear_error() {
    if !postgres_available() {
        return;
    }
    let url = with_password(
        &with_dbname(&admin_url(), "earshot_no_such_database"),
        "hunter22",
    );
    let err = match earshot_store::open(&url) {
        Ok(_) => panic!("the database does not exist"),
        Err(e) => e,
    };
    let shown = err.to_string();
    assert!(shown.contains("earshot_no_such_database"), "{shown}");
    assert!(shown.contains("does not exist"), "{shown}");
    assert!(!shown.contains("hunter22"), "{shown}");
}

#[test]
fn postgres_processes_starting_together_migrate_once() {
    let Some((url, _cleanup)) = postgres_database() else {
        return;
    };
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || earshot_store::open(&url).map(|s| s.count_conversations()))
        })
        .collect();
    for t in threads {
        let n = t.join().unwrap().unwrap().unwrap();
        assert_eq!(n, 0);
    }
    let mut c = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
    let versions: i64 = c
        .query_one("SELECT COUNT(*) FROM schema_version", &[])
        .unwrap()
        .get(0);
    let migrations = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/migrations/postgres"
    ))
    .unwrap()
    .count();
    assert_eq!(versions, migrations as i64, "each migration recorded once");
}

#[test]
fn postgres_reconnects_after_the_server_drops_the_connection() {
    let Some((url, _cleanup)) = postgres_database() else {
        return;
    };
    let mut s = earshot_store::open(&url).unwrap();
    save(
        s.as_mut(),
        &[(conversation("w", "c1"), analysis("w", "c1", 1.0, vec![]))],
    );
    let name = url.rsplit('/').next().unwrap().split('?').next().unwrap();
    let mut admin = ::postgres::Client::connect(&admin_url(), ::postgres::NoTls).unwrap();
    let killed = admin
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = $1 AND application_name = 'earshot'",
            &[&name],
        )
        .unwrap();
    assert_eq!(killed, 1);
    // The call that meets the closed connection may fail, with a message; the next reconnects.
    let first = s.count_conversations();
    if let Err(e) = &first {
        assert!(matches!(e, StoreError::Postgres { .. }), "{e}");
    }
    assert_eq!(s.count_conversations().unwrap(), 1);
}

fn prior_contacts_count_a_customers_earlier_complaints(b: &mut Backend) {
    let contact = |ws: &str, id: &str, customer: &str, start: &str, risk: f32, f: Vec<Finding>| {
        let mut c = conversation(ws, id);
        c.customer = Some(Customer {
            id: Some(customer.into()),
            ..Customer::default()
        });
        c.started_at = Some(at(start));
        let a = analysis(ws, id, risk, f);
        (c, a)
    };
    save(
        b.store.as_mut(),
        &[
            // Three earlier contacts of c1 in the window: a threat, a complaint, a calm one.
            contact(
                "acme",
                "a1",
                "c1",
                "2026-10-01T09:00:00Z",
                70.0,
                vec![finding("threat.chargeback", Severity::High, 0.9)],
            ),
            contact(
                "acme",
                "a2",
                "c1",
                "2026-10-10T09:00:00Z",
                30.0,
                vec![finding("conduct.rude", Severity::Medium, 0.8)],
            ),
            contact(
                "acme",
                "a3",
                "c1",
                "2026-10-12T09:00:00Z",
                5.0,
                vec![
                    finding("emotion.anger", Severity::Info, 0.8),
                    finding("process.no_greeting", Severity::Low, 0.8),
                ],
            ),
            // Outside the window, another customer, another workspace, the conversation itself.
            contact(
                "acme",
                "old",
                "c1",
                "2026-06-01T09:00:00Z",
                90.0,
                vec![finding("threat.legal", Severity::High, 0.9)],
            ),
            contact(
                "acme",
                "b1",
                "c2",
                "2026-10-11T09:00:00Z",
                80.0,
                vec![finding("threat.legal", Severity::High, 0.9)],
            ),
            contact(
                "beta",
                "a9",
                "c1",
                "2026-10-11T09:00:00Z",
                80.0,
                vec![finding("threat.legal", Severity::High, 0.9)],
            ),
            contact(
                "acme",
                "now",
                "c1",
                "2026-10-20T09:00:00Z",
                99.0,
                vec![finding("threat.legal", Severity::High, 0.9)],
            ),
            // Later than the conversation asked about.
            contact(
                "acme",
                "later",
                "c1",
                "2026-10-25T09:00:00Z",
                60.0,
                vec![finding("threat.review", Severity::High, 0.9)],
            ),
        ],
    );
    let got = b
        .store
        .prior_contacts(
            "acme",
            "c1",
            "now",
            "2026-09-20T09:00:00Z",
            "2026-10-20T09:00:00Z",
        )
        .unwrap();
    assert_eq!(
        got,
        PriorContacts {
            conversations: 3,
            complaints: 2,
            threats: 1,
            max_risk: 70.0
        }
    );
    let none = b
        .store
        .prior_contacts(
            "acme",
            "nobody",
            "x",
            "2026-01-01T00:00:00Z",
            "2027-01-01T00:00:00Z",
        )
        .unwrap();
    assert_eq!(none, PriorContacts::default());
    // The same customer id in another workspace is another customer.
    let beta = b
        .store
        .prior_contacts(
            "beta",
            "c1",
            "x",
            "2026-01-01T00:00:00Z",
            "2027-01-01T00:00:00Z",
        )
        .unwrap();
    assert_eq!((beta.conversations, beta.threats), (1, 1));
}
