//! The PostgreSQL backend: a server database for several earshot processes at once, with the
//! same behaviour as the SQLite one. One connection per store (reopened when the server dropped
//! it), statements prepared once per connection, migrations tracked in `schema_version`.
//!
//! Text that PostgreSQL cannot hold (the NUL character) is stored as U+FFFD, in keys and
//! lookups alike, so such input is saved and found again instead of failing a whole batch.

use std::borrow::Cow;
use std::cell::{RefCell, RefMut};
use std::collections::{HashMap, HashSet};
use std::time::Duration;

use earshot_model::{Analysis, Conversation, Dimension, Finding, Role, Scores, Severity, Span};
use postgres::config::SslMode;
use postgres::types::ToSql;
use postgres::{Client, Config, GenericClient, NoTls, Row, Statement};

use crate::access::{random_secret, token_hash};
use crate::sqlite::sev_rank;
use crate::{
    AgentScorecard, CaseKind, DeliveryState, Encoded, OutboxRecord, PriorContacts, QueueEntry,
    QueueFilter, Result, Store, StoreError, StoredFinding, TokenGrant, TokenRole, TrainingCase,
    User, Verdict,
};

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/postgres/0001_init.sql"),
    include_str!("migrations/postgres/0002_tokens_reviews.sql"),
    include_str!("migrations/postgres/0003_outbox_users.sql"),
    include_str!("migrations/postgres/0004_indexes.sql"),
];

/// Held while migrating, so that processes starting together on a new database take turns.
const MIGRATION_LOCK: i64 = 0x6561_7273_686f_7401;

/// How long to wait for the server when the URL names no `connect_timeout`.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

pub struct PostgresStore {
    conn: RefCell<Conn>,
    config: Config,
    /// The URL fit to print.
    db: String,
    /// Strings never to print: the password as written in the URL and as decoded.
    secrets: Vec<String>,
}

struct Conn {
    client: Client,
    statements: HashMap<String, Statement>,
    /// Set when a call failed in a way that may have left the connection unusable (the
    /// network, or the server ending the session): the next call connects again.
    broken: bool,
}

/// Errors inside the backend, before they are given the database's name.
enum Fail {
    Pg(postgres::Error),
    Store(StoreError),
}

impl From<postgres::Error> for Fail {
    fn from(e: postgres::Error) -> Fail {
        Fail::Pg(e)
    }
}

impl From<StoreError> for Fail {
    fn from(e: StoreError) -> Fail {
        Fail::Store(e)
    }
}

impl From<serde_json::Error> for Fail {
    fn from(e: serde_json::Error) -> Fail {
        Fail::Store(StoreError::Json(e))
    }
}

type R<T> = std::result::Result<T, Fail>;

/// The parts of an analysis not kept in their own columns.
#[derive(serde::Serialize, serde::Deserialize)]
struct AnalysisRest {
    turns: Vec<earshot_model::TurnSignal>,
    risk_explanation: Vec<String>,
    diagnostics: Vec<earshot_model::Diagnostic>,
}

impl PostgresStore {
    /// Connects to the database a `postgres://` or `postgresql://` URL names and brings its
    /// schema up to date. Error messages name the database with its password hidden.
    pub fn open(url: &str) -> Result<PostgresStore> {
        let db = display(url);
        let mut secrets = url_secrets(url);
        let mut config: Config = match url.parse() {
            Ok(c) => c,
            Err(e) => {
                return Err(StoreError::Postgres {
                    message: scrub(
                        &format!("not a valid PostgreSQL URL: {}", describe(&e)),
                        &secrets,
                    ),
                    db,
                });
            }
        };
        if let Some(pw) = config.get_password() {
            secrets.push(String::from_utf8_lossy(pw).into_owned());
        }
        if config.get_ssl_mode() == SslMode::Require {
            return Err(StoreError::Postgres {
                db,
                message: "sslmode=require: this earshot connects to PostgreSQL without TLS; \
                          connect over a trusted network, a local socket or a tunnel"
                    .into(),
            });
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        if config.get_application_name().is_none() {
            config.application_name("earshot");
        }
        let client = match connect(&config) {
            Ok(c) => c,
            Err(e) => return Err(to_store_error(e.into(), &db, &secrets)),
        };
        let store = PostgresStore {
            conn: RefCell::new(Conn {
                client,
                statements: HashMap::new(),
                broken: false,
            }),
            config,
            db,
            secrets,
        };
        store.with(|c| migrate(&mut c.client))?;
        Ok(store)
    }

    /// Runs `f` on the connection, reconnecting first when the server closed it, and names the
    /// database in any error.
    fn with<T>(&self, f: impl FnOnce(&mut Conn) -> R<T>) -> Result<T> {
        let mut conn: RefMut<'_, Conn> =
            self.conn
                .try_borrow_mut()
                .map_err(|_| StoreError::Postgres {
                    db: self.db.clone(),
                    message: "the connection is already in use".into(),
                })?;
        if conn.broken || conn.client.is_closed() {
            let client = connect(&self.config)
                .map_err(|e| to_store_error(e.into(), &self.db, &self.secrets))?;
            *conn = Conn {
                client,
                statements: HashMap::new(),
                broken: false,
            };
        }
        f(&mut conn).map_err(|e| {
            if let Fail::Pg(pg) = &e {
                conn.broken = leaves_connection_unusable(pg);
            }
            to_store_error(e, &self.db, &self.secrets)
        })
    }
}

/// Whether an error may have cost the connection: anything but an ordinary error reported by
/// the server (a failed statement leaves the session usable; a fatal one ends it).
fn leaves_connection_unusable(e: &postgres::Error) -> bool {
    match e.as_db_error() {
        Some(db) => !matches!(db.severity(), "ERROR"),
        None => true,
    }
}

fn connect(config: &Config) -> std::result::Result<Client, postgres::Error> {
    let mut client = config.connect(NoTls)?;
    // Plans made for each query's own values: the queue's filters (an agent, a code, a limit)
    // change which index is best. A server older than PostgreSQL 12 lacks the setting and plans
    // as it always did.
    if let Err(e) = client.batch_execute("SET plan_cache_mode = force_custom_plan")
        && e.as_db_error().is_none()
    {
        return Err(e);
    }
    Ok(client)
}

fn migrate(client: &mut Client) -> R<()> {
    let known = MIGRATIONS.len() as i64;
    // The common case, an up-to-date schema, needs no lock and no right to create tables.
    let exists: bool = client
        .query_one("SELECT to_regclass('schema_version') IS NOT NULL", &[])?
        .try_get(0)?;
    if exists {
        let found: i64 = client
            .query_one("SELECT COALESCE(MAX(version), 0) FROM schema_version", &[])?
            .try_get(0)?;
        if found > known {
            return Err(StoreError::TooNew { found, known }.into());
        }
        if found == known {
            return Ok(());
        }
    }
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version     BIGINT PRIMARY KEY,
             applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
         )",
    )?;
    let found: i64 = tx
        .query_one("SELECT COALESCE(MAX(version), 0) FROM schema_version", &[])?
        .try_get(0)?;
    if found > known {
        return Err(StoreError::TooNew { found, known }.into());
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.batch_execute(sql)?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES ($1)",
            &[&(i as i64 + 1)],
        )?;
    }
    tx.commit()?;
    Ok(())
}

impl Conn {
    fn prepare(&mut self, sql: &str) -> R<Statement> {
        Ok(prepare(&mut self.statements, &mut self.client, sql)?)
    }
}

/// A statement prepared once per connection.
fn prepare(
    cache: &mut HashMap<String, Statement>,
    client: &mut impl GenericClient,
    sql: &str,
) -> std::result::Result<Statement, postgres::Error> {
    if let Some(s) = cache.get(sql) {
        return Ok(s.clone());
    }
    let s = client.prepare(sql)?;
    cache.insert(sql.to_string(), s.clone());
    Ok(s)
}

fn to_store_error(e: Fail, db: &str, secrets: &[String]) -> StoreError {
    match e {
        Fail::Store(e) => e,
        Fail::Pg(e) => StoreError::Postgres {
            db: db.to_string(),
            message: scrub(&describe(&e), secrets),
        },
    }
}

/// An error with its causes; for an error from the server its message, SQLSTATE, detail and
/// hint.
fn describe(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        let mut s = format!("{} (SQLSTATE {})", db.message(), db.code().code());
        if let Some(d) = db.detail() {
            s.push_str("; ");
            s.push_str(d);
        }
        if let Some(h) = db.hint() {
            s.push_str("; hint: ");
            s.push_str(h);
        }
        return s;
    }
    let mut s = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        s.push_str(": ");
        s.push_str(&cause.to_string());
        source = cause.source();
    }
    s
}

fn scrub(message: &str, secrets: &[String]) -> String {
    let mut out = message.to_string();
    for s in secrets {
        if !s.is_empty() {
            out = out.replace(s.as_str(), "***");
        }
    }
    out
}

/// The URL fit to print: [`crate::display_db`], and a `password=` parameter hidden too.
fn display(url: &str) -> String {
    let shown = crate::display_db(url);
    let Some((base, query)) = shown.split_once('?') else {
        return shown;
    };
    let params: Vec<String> = query
        .split('&')
        .map(|p| match p.split_once('=') {
            Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
            _ => p.to_string(),
        })
        .collect();
    format!("{base}?{}", params.join("&"))
}

/// The password of a URL, as written and percent-decoded, from its user part or a `password=`
/// parameter: found by hand, so that even a URL the parser refuses is not echoed.
fn url_secrets(url: &str) -> Vec<String> {
    let mut raw = Vec::new();
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let (before_query, query) = rest.split_once('?').unwrap_or((rest, ""));
    if let Some(i) = before_query.rfind('@') {
        let userinfo = &before_query[..i];
        if let Some((_, pw)) = userinfo.split_once(':') {
            raw.push(pw.to_string());
        }
    }
    for p in query.split('&') {
        if let Some((k, v)) = p.split_once('=')
            && k.eq_ignore_ascii_case("password")
        {
            raw.push(v.to_string());
        }
    }
    let mut out = Vec::new();
    for r in raw {
        let decoded = percent_decode(&r);
        if decoded != r {
            out.push(decoded);
        }
        out.push(r);
    }
    out
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(h) = bytes.get(i + 1..i + 3)
            && let Ok(v) = u8::from_str_radix(&String::from_utf8_lossy(h), 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Text as PostgreSQL can hold it: NUL becomes U+FFFD.
fn t(s: &str) -> Cow<'_, str> {
    if s.contains('\0') {
        Cow::Owned(s.replace('\0', "\u{FFFD}"))
    } else {
        Cow::Borrowed(s)
    }
}

fn ot(s: Option<&str>) -> Option<Cow<'_, str>> {
    s.map(t)
}

fn ts(t: Option<jiff::Timestamp>) -> Option<String> {
    t.map(|t| t.to_string())
}

/// The calendar week of an instant in UTC as SQLite's `strftime('%Y-%W')` writes it: weeks
/// start on Monday, and the days before a year's first Monday are its week 00.
pub(crate) fn week_of(at: jiff::Timestamp) -> String {
    let date = at.to_zoned(jiff::tz::TimeZone::UTC).date();
    let yday0 = i32::from(date.day_of_year()) - 1;
    let monday0 = i32::from(date.weekday().to_monday_zero_offset());
    format!("{:04}-{:02}", date.year(), (yday0 + 7 - monday0) / 7)
}

/// A count or offset as PostgreSQL's BIGINT.
fn big(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn finding_from_row(r: &Row) -> R<Finding> {
    finding_from_row_at(r, 0)
}

const FINDING_COLUMNS: &str = "f.code, f.severity, f.confidence, f.turn, f.span_start, f.span_end, \
     f.role, f.evidence, f.explanation, f.source";

fn outbox_from_row(r: &Row) -> R<OutboxRecord> {
    Ok(OutboxRecord {
        id: r.try_get(0)?,
        workspace: r.try_get(1)?,
        conversation_id: r.try_get(2)?,
        channel: r.try_get(3)?,
        dedup_keys: Vec::new(),
        body: r.try_get(4)?,
        attempts: u32::try_from(r.try_get::<_, i64>(5)?).unwrap_or(u32::MAX),
        next_attempt_at: r.try_get(6)?,
        state: DeliveryState::parse(r.try_get::<_, &str>(7)?).unwrap_or(DeliveryState::Pending),
        last_error: r.try_get(8)?,
        created_at: r.try_get(9)?,
    })
}

const SAVE_CONVERSATIONS: &str = "INSERT INTO conversations (workspace, id, channel, source, language,
        started_at, ended_at, agent_id, customer_id, country, order_value, product_line, marketplace,
        turn_count, risk, severity, satisfaction, week, scores, data, analysis, digest, analyzed_at)
     SELECT u.*, $23::text FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
        $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::float8[], $12::text[],
        $13::text[], $14::int8[], $15::float8[], $16::text[], $17::float8[], $18::text[],
        $19::text[], $20::text[], $21::text[], $22::int8[]) AS u
     ON CONFLICT (workspace, id) DO UPDATE SET
        channel = excluded.channel, source = excluded.source, language = excluded.language,
        started_at = excluded.started_at, ended_at = excluded.ended_at, agent_id = excluded.agent_id,
        customer_id = excluded.customer_id, country = excluded.country,
        order_value = excluded.order_value, product_line = excluded.product_line,
        marketplace = excluded.marketplace, turn_count = excluded.turn_count,
        risk = excluded.risk, severity = excluded.severity, satisfaction = excluded.satisfaction,
        week = excluded.week, scores = excluded.scores, data = excluded.data,
        analysis = excluded.analysis, digest = excluded.digest, analyzed_at = excluded.analyzed_at";

const DELETE_FINDINGS: &str = "DELETE FROM findings f
     USING UNNEST($1::text[], $2::text[]) AS u(workspace, conversation_id)
     WHERE f.workspace = u.workspace AND f.conversation_id = u.conversation_id";

// Ids are given in the order of the arrays, so a conversation's findings keep their order.
const SAVE_FINDINGS: &str = "INSERT INTO findings (workspace, conversation_id, code, severity,
        severity_rank, confidence, turn, span_start, span_end, role, evidence, explanation, source)
     SELECT workspace, conversation_id, code, severity, severity_rank, confidence, turn,
        span_start, span_end, role, evidence, explanation, source
     FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::int4[], $6::float8[],
        $7::int8[], $8::int8[], $9::int8[], $10::text[], $11::text[], $12::text[], $13::text[])
        WITH ORDINALITY AS u(workspace, conversation_id, code, severity, severity_rank, confidence,
        turn, span_start, span_end, role, evidence, explanation, source, n)
     ORDER BY n";

const SAVE_OUTBOX: &str = "INSERT INTO outbox (id, workspace, conversation_id, channel, body,
        attempts, next_attempt_at, state, last_error, created_at)
     SELECT id, workspace, conversation_id, channel, body, attempts, next_attempt_at, state,
        last_error, created_at
     FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int8[],
        $7::int8[], $8::text[], $9::text[], $10::int8[])
        WITH ORDINALITY AS u(id, workspace, conversation_id, channel, body, attempts,
        next_attempt_at, state, last_error, created_at, n)
     ORDER BY n
     ON CONFLICT (id) DO NOTHING";

const SAVE_ALERT_KEYS: &str = "INSERT INTO alert_keys (channel, dedup_key, workspace,
        conversation_id, planned_at)
     SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::int8[])
     ON CONFLICT (channel, dedup_key) DO UPDATE SET planned_at = excluded.planned_at";

type Param<'p> = &'p (dyn ToSql + Sync);

/// The items of a batch to store: of several analyses of one workspace + id, the last, as when
/// saved one by one; in key order, so that writers saving at the same time lock rows in one
/// order.
fn latest_per_key<'a>(
    items: &[(&'a Conversation, &'a Analysis, &'a Encoded)],
) -> Vec<(&'a Conversation, &'a Analysis, &'a Encoded)> {
    let mut last: HashMap<(Cow<'a, str>, Cow<'a, str>), usize> = HashMap::new();
    for (i, (conv, a, _)) in items.iter().enumerate() {
        last.insert((t(&a.workspace), t(&conv.id)), i);
    }
    let mut keyed: Vec<_> = last.into_iter().collect();
    keyed.sort();
    keyed.into_iter().map(|(_, i)| items[i]).collect()
}

/// A batch's conversations as one array per column, for one `UNNEST` insert.
#[derive(Default)]
struct Conversations<'a> {
    workspace: Vec<Cow<'a, str>>,
    id: Vec<Cow<'a, str>>,
    channel: Vec<&'static str>,
    source: Vec<Option<Cow<'a, str>>>,
    language: Vec<Cow<'a, str>>,
    started_at: Vec<Option<String>>,
    ended_at: Vec<Option<String>>,
    agent_id: Vec<Option<Cow<'a, str>>>,
    customer_id: Vec<Option<Cow<'a, str>>>,
    country: Vec<Option<Cow<'a, str>>>,
    order_value: Vec<Option<f64>>,
    product_line: Vec<Option<Cow<'a, str>>>,
    marketplace: Vec<Option<Cow<'a, str>>>,
    turn_count: Vec<i64>,
    risk: Vec<f64>,
    severity: Vec<Option<&'static str>>,
    satisfaction: Vec<Option<f64>>,
    week: Vec<String>,
    scores: Vec<Option<String>>,
    data: Vec<Cow<'a, str>>,
    analysis: Vec<String>,
    digest: Vec<i64>,
}

impl<'a> Conversations<'a> {
    fn push(
        &mut self,
        conv: &'a Conversation,
        a: &'a Analysis,
        enc: &'a Encoded,
        now: jiff::Timestamp,
    ) -> Result<()> {
        let start = conv
            .started_at
            .or_else(|| conv.turns.iter().find_map(|t| t.at));
        let end = conv
            .ended_at
            .or_else(|| conv.turns.iter().rev().find_map(|t| t.at));
        let customer = conv.customer.as_ref();
        let order = conv.order.as_ref();
        self.workspace.push(t(&a.workspace));
        self.id.push(t(&conv.id));
        self.channel.push(conv.channel.as_str());
        self.source.push(ot(conv.source.as_deref()));
        self.language.push(t(&a.language));
        self.started_at.push(ts(start));
        self.ended_at.push(ts(end));
        self.week.push(week_of(start.unwrap_or(now)));
        self.agent_id
            .push(ot(conv.agents.first().map(|a| a.id.as_str())));
        self.customer_id
            .push(ot(customer.and_then(|c| c.id.as_deref())));
        self.country
            .push(ot(customer.and_then(|c| c.country.as_deref())));
        self.order_value.push(order.and_then(|o| o.value));
        self.product_line
            .push(ot(order.and_then(|o| o.product_line.as_deref())));
        self.marketplace
            .push(ot(order.and_then(|o| o.marketplace.as_deref())));
        self.turn_count.push(big(conv.turns.len()));
        self.risk.push(a.risk as f64);
        self.severity.push(a.severity.map(Severity::as_str));
        self.satisfaction.push(a.satisfaction.map(|s| s as f64));
        self.scores
            .push(a.scores.as_ref().map(serde_json::to_string).transpose()?);
        self.data.push(t(&enc.json));
        self.analysis.push(serde_json::to_string(&AnalysisRest {
            turns: a.turns.clone(),
            risk_explanation: a.risk_explanation.clone(),
            diagnostics: a.diagnostics.clone(),
        })?);
        self.digest.push(enc.digest as i64);
        Ok(())
    }

    /// `$1` .. `$22` of [`SAVE_CONVERSATIONS`].
    fn params(&self) -> Vec<Param<'_>> {
        vec![
            &self.workspace,
            &self.id,
            &self.channel,
            &self.source,
            &self.language,
            &self.started_at,
            &self.ended_at,
            &self.agent_id,
            &self.customer_id,
            &self.country,
            &self.order_value,
            &self.product_line,
            &self.marketplace,
            &self.turn_count,
            &self.risk,
            &self.severity,
            &self.satisfaction,
            &self.week,
            &self.scores,
            &self.data,
            &self.analysis,
            &self.digest,
        ]
    }
}

/// A batch's findings, one array per column.
#[derive(Default)]
struct Findings<'a> {
    workspace: Vec<Cow<'a, str>>,
    conversation_id: Vec<Cow<'a, str>>,
    code: Vec<Cow<'a, str>>,
    severity: Vec<&'static str>,
    severity_rank: Vec<i32>,
    confidence: Vec<f64>,
    turn: Vec<Option<i64>>,
    span_start: Vec<Option<i64>>,
    span_end: Vec<Option<i64>>,
    role: Vec<Option<&'static str>>,
    evidence: Vec<Cow<'a, str>>,
    explanation: Vec<Cow<'a, str>>,
    source: Vec<Option<Cow<'a, str>>>,
}

impl<'a> Findings<'a> {
    fn push(&mut self, workspace: &'a str, conversation_id: &'a str, f: &'a Finding) {
        self.workspace.push(t(workspace));
        self.conversation_id.push(t(conversation_id));
        self.code.push(t(f.code.as_str()));
        self.severity.push(f.severity.as_str());
        self.severity_rank.push(sev_rank(f.severity) as i32);
        self.confidence.push(f.confidence as f64);
        self.turn.push(f.turn.map(i64::from));
        self.span_start.push(f.span.map(|s| i64::from(s.start)));
        self.span_end.push(f.span.map(|s| i64::from(s.end)));
        self.role.push(f.role.map(Role::as_str));
        self.evidence.push(t(&f.evidence));
        self.explanation.push(t(&f.explanation));
        self.source.push(ot(f.source.as_deref()));
    }

    /// The parameters of [`SAVE_FINDINGS`].
    fn params(&self) -> Vec<Param<'_>> {
        vec![
            &self.workspace,
            &self.conversation_id,
            &self.code,
            &self.severity,
            &self.severity_rank,
            &self.confidence,
            &self.turn,
            &self.span_start,
            &self.span_end,
            &self.role,
            &self.evidence,
            &self.explanation,
            &self.source,
        ]
    }
}

/// A batch's outbox records, one array per column.
#[derive(Default)]
struct Deliveries<'a> {
    id: Vec<Cow<'a, str>>,
    workspace: Vec<Cow<'a, str>>,
    conversation_id: Vec<Cow<'a, str>>,
    channel: Vec<Cow<'a, str>>,
    body: Vec<Cow<'a, str>>,
    attempts: Vec<i64>,
    next_attempt_at: Vec<i64>,
    state: Vec<&'static str>,
    last_error: Vec<Option<Cow<'a, str>>>,
    created_at: Vec<i64>,
}

impl<'a> Deliveries<'a> {
    fn push(&mut self, r: &'a OutboxRecord) {
        self.id.push(t(&r.id));
        self.workspace.push(t(&r.workspace));
        self.conversation_id.push(t(&r.conversation_id));
        self.channel.push(t(&r.channel));
        self.body.push(t(&r.body));
        self.attempts.push(i64::from(r.attempts));
        self.next_attempt_at.push(r.next_attempt_at);
        self.state.push(r.state.as_str());
        self.last_error.push(ot(r.last_error.as_deref()));
        self.created_at.push(r.created_at);
    }

    /// The parameters of [`SAVE_OUTBOX`].
    fn params(&self) -> Vec<Param<'_>> {
        vec![
            &self.id,
            &self.workspace,
            &self.conversation_id,
            &self.channel,
            &self.body,
            &self.attempts,
            &self.next_attempt_at,
            &self.state,
            &self.last_error,
            &self.created_at,
        ]
    }
}

/// The dedup keys a batch's deliveries carry, one array per column: a key planned twice in one
/// batch keeps its last planning, as when saved one by one; in key order.
struct AlertKeys<'a> {
    channel: Vec<Cow<'a, str>>,
    dedup_key: Vec<Cow<'a, str>>,
    workspace: Vec<Cow<'a, str>>,
    conversation_id: Vec<Cow<'a, str>>,
    planned_at: Vec<i64>,
}

impl<'a> AlertKeys<'a> {
    fn new(outbox: &'a [OutboxRecord]) -> AlertKeys<'a> {
        let mut last: HashMap<(Cow<'a, str>, Cow<'a, str>), &'a OutboxRecord> = HashMap::new();
        for r in outbox {
            for k in &r.dedup_keys {
                last.insert((t(&r.channel), t(k)), r);
            }
        }
        let mut keyed: Vec<_> = last.into_iter().collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out = AlertKeys {
            channel: Vec::with_capacity(keyed.len()),
            dedup_key: Vec::with_capacity(keyed.len()),
            workspace: Vec::with_capacity(keyed.len()),
            conversation_id: Vec::with_capacity(keyed.len()),
            planned_at: Vec::with_capacity(keyed.len()),
        };
        for ((channel, key), r) in keyed {
            out.channel.push(channel);
            out.dedup_key.push(key);
            out.workspace.push(t(&r.workspace));
            out.conversation_id.push(t(&r.conversation_id));
            out.planned_at.push(r.created_at);
        }
        out
    }

    /// The parameters of [`SAVE_ALERT_KEYS`].
    fn params(&self) -> Vec<Param<'_>> {
        vec![
            &self.channel,
            &self.dedup_key,
            &self.workspace,
            &self.conversation_id,
            &self.planned_at,
        ]
    }
}

impl Store for PostgresStore {
    fn digests(&self) -> Result<HashSet<u64>> {
        self.with(|c| {
            let st = c.prepare("SELECT digest FROM conversations")?;
            let mut out = HashSet::new();
            for row in c.client.query(&st, &[])? {
                out.insert(row.try_get::<_, i64>(0)? as u64);
            }
            Ok(out)
        })
    }

    fn save_batch(
        &mut self,
        items: &[(&Conversation, &Analysis, &Encoded)],
        outbox: &[OutboxRecord],
    ) -> Result<()> {
        let now = jiff::Timestamp::now();
        let mut conversations = Conversations::default();
        let mut findings = Findings::default();
        for (conv, a, enc) in latest_per_key(items) {
            conversations.push(conv, a, enc, now)?;
            for f in &a.findings {
                findings.push(&a.workspace, &conv.id, f);
            }
        }
        let mut deliveries = Deliveries::default();
        for r in outbox {
            deliveries.push(r);
        }
        let keys = AlertKeys::new(outbox);
        let now = now.to_string();

        self.with(|c| {
            let Conn {
                client, statements, ..
            } = c;
            let mut tx = client.transaction()?;
            if !conversations.id.is_empty() {
                let st = prepare(statements, &mut tx, DELETE_FINDINGS)?;
                tx.execute(&st, &[&conversations.workspace, &conversations.id])?;
                let st = prepare(statements, &mut tx, SAVE_CONVERSATIONS)?;
                let mut params = conversations.params();
                params.push(&now);
                tx.execute(&st, &params)?;
            }
            if !findings.workspace.is_empty() {
                let st = prepare(statements, &mut tx, SAVE_FINDINGS)?;
                tx.execute(&st, &findings.params())?;
            }
            if !deliveries.id.is_empty() {
                let st = prepare(statements, &mut tx, SAVE_OUTBOX)?;
                tx.execute(&st, &deliveries.params())?;
            }
            if !keys.channel.is_empty() {
                let st = prepare(statements, &mut tx, SAVE_ALERT_KEYS)?;
                tx.execute(&st, &keys.params())?;
            }
            tx.commit()?;
            Ok(())
        })
    }

    fn mark_top_percent(&mut self) -> Result<usize> {
        // Per workspace and calendar week of the conversation's start (its analysis time when it
        // has none): the conversations at or above the week's 99th percentile of risk, ties
        // included. Only rows whose mark changes are written.
        self.with(|c| {
            let mut tx = c.client.transaction()?;
            tx.execute(
                "WITH ranked AS (
                     SELECT workspace, week, risk,
                            ROW_NUMBER() OVER (PARTITION BY workspace, week ORDER BY risk DESC) AS rn,
                            COUNT(*) OVER (PARTITION BY workspace, week) AS n
                     FROM conversations
                 ),
                 thresholds AS (
                     SELECT workspace, week, MIN(risk) AS t FROM ranked
                     WHERE rn <= (n + 99) / 100 GROUP BY workspace, week
                 )
                 UPDATE conversations c SET top1pct = (c.risk > 0 AND c.risk >= h.t)
                 FROM thresholds h
                 WHERE h.workspace = c.workspace AND h.week = c.week
                   AND c.top1pct <> (c.risk > 0 AND c.risk >= h.t)",
                &[],
            )?;
            let marked: i64 = tx
                .query_one("SELECT COUNT(*) FROM conversations WHERE top1pct", &[])?
                .try_get(0)?;
            tx.commit()?;
            Ok(usize::try_from(marked).unwrap_or(usize::MAX))
        })
    }

    fn queue(&self, filter: &QueueFilter) -> Result<Vec<QueueEntry>> {
        let mut sql = String::from(
            "SELECT c.workspace, c.id, c.channel, c.language, c.risk, c.severity, c.top1pct, c.agent_id
             FROM conversations c WHERE TRUE",
        );
        let mut args: Vec<Box<dyn ToSql + Sync>> = Vec::new();
        if let Some(ws) = &filter.workspace {
            args.push(Box::new(t(ws).into_owned()));
            sql.push_str(&format!(" AND c.workspace = ${}", args.len()));
        }
        if filter.top1pct_only {
            sql.push_str(" AND c.top1pct");
        }
        for (column, op, value) in [
            ("agent_id", "=", &filter.agent),
            ("channel", "=", &filter.channel),
            ("language", "=", &filter.language),
            ("started_at", ">=", &filter.from),
            ("started_at", "<", &filter.to),
        ] {
            if let Some(v) = value {
                args.push(Box::new(t(v).into_owned()));
                sql.push_str(&format!(" AND c.{column} {op} ${}", args.len()));
            }
        }
        if let Some(s) = filter.min_severity {
            args.push(Box::new(sev_rank(s) as i32));
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM findings f WHERE f.workspace = c.workspace \
                 AND f.conversation_id = c.id AND f.severity_rank >= ${})",
                args.len()
            ));
        }
        if let Some(code) = &filter.code {
            args.push(Box::new(t(code).into_owned()));
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM findings f WHERE f.workspace = c.workspace \
                 AND f.conversation_id = c.id AND f.code = ${})",
                args.len()
            ));
        }
        args.push(Box::new(big(filter.limit.max(1))));
        args.push(Box::new(big(filter.offset)));
        sql.push_str(&format!(
            " ORDER BY c.risk DESC, c.id LIMIT ${} OFFSET ${}",
            args.len() - 1,
            args.len()
        ));
        let params: Vec<&(dyn ToSql + Sync)> = args.iter().map(|b| b.as_ref()).collect();
        self.with(|c| {
            let st = c.prepare(&sql)?;
            let mut out = Vec::new();
            for r in c.client.query(&st, &params)? {
                out.push(QueueEntry {
                    workspace: r.try_get(0)?,
                    id: r.try_get(1)?,
                    channel: r.try_get(2)?,
                    language: r.try_get(3)?,
                    risk: r.try_get::<_, f64>(4)? as f32,
                    severity: r
                        .try_get::<_, Option<&str>>(5)?
                        .and_then(Severity::parse),
                    top1pct: r.try_get(6)?,
                    agent_id: r.try_get(7)?,
                    top_findings: Vec::new(),
                });
            }
            if out.is_empty() {
                return Ok(out);
            }
            // The three most severe findings of every row, in one query.
            let st = c.prepare(&format!(
                "SELECT q.n, {FINDING_COLUMNS}
                 FROM UNNEST($1::text[], $2::text[]) WITH ORDINALITY AS q(workspace, conversation_id, n)
                 CROSS JOIN LATERAL (
                     SELECT * FROM findings f
                     WHERE f.workspace = q.workspace AND f.conversation_id = q.conversation_id
                     ORDER BY f.severity_rank DESC, f.confidence DESC, f.id LIMIT 3
                 ) f
                 ORDER BY q.n, f.severity_rank DESC, f.confidence DESC, f.id"
            ))?;
            let ws: Vec<&str> = out.iter().map(|e| e.workspace.as_str()).collect();
            let ids: Vec<&str> = out.iter().map(|e| e.id.as_str()).collect();
            for r in c.client.query(&st, &[&ws, &ids])? {
                let n: i64 = r.try_get(0)?;
                let finding = finding_from_row_at(&r, 1)?;
                if let Some(e) = usize::try_from(n - 1).ok().and_then(|i| out.get_mut(i)) {
                    e.top_findings.push(finding);
                }
            }
            Ok(out)
        })
    }

    fn conversation(&self, workspace: &str, id: &str) -> Result<Option<(Conversation, Analysis)>> {
        let (w, i) = (t(workspace), t(id));
        self.with(|c| {
            let st = c.prepare(
                "SELECT data, analysis, language, risk, severity, satisfaction, scores
                 FROM conversations WHERE workspace = $1 AND id = $2",
            )?;
            let Some(row) = c.client.query_opt(&st, &[&w, &i])? else {
                return Ok(None);
            };
            let conv: Conversation = serde_json::from_str(row.try_get(0)?)?;
            let rest: AnalysisRest = serde_json::from_str(row.try_get(1)?)?;
            let st = c.prepare(&format!(
                "SELECT {FINDING_COLUMNS} FROM findings f
                 WHERE f.workspace = $1 AND f.conversation_id = $2 ORDER BY f.id"
            ))?;
            let findings = c
                .client
                .query(&st, &[&w, &i])?
                .iter()
                .map(finding_from_row)
                .collect::<R<Vec<_>>>()?;
            let analysis = Analysis {
                id: id.to_string(),
                workspace: workspace.to_string(),
                language: row.try_get(2)?,
                risk: row.try_get::<_, f64>(3)? as f32,
                severity: row.try_get::<_, Option<&str>>(4)?.and_then(Severity::parse),
                satisfaction: row.try_get::<_, Option<f64>>(5)?.map(|s| s as f32),
                scores: row
                    .try_get::<_, Option<&str>>(6)?
                    .map(serde_json::from_str)
                    .transpose()?,
                findings,
                turns: rest.turns,
                risk_explanation: rest.risk_explanation,
                diagnostics: rest.diagnostics,
            };
            Ok(Some((conv, analysis)))
        })
    }

    fn count_conversations(&self) -> Result<u64> {
        self.with(|c| {
            let st = c.prepare("SELECT COUNT(*) FROM conversations")?;
            Ok(c.client.query_one(&st, &[])?.try_get::<_, i64>(0)? as u64)
        })
    }

    fn stored_findings(
        &self,
        workspace: &str,
        conversation_id: &str,
    ) -> Result<Vec<StoredFinding>> {
        let (w, i) = (t(workspace), t(conversation_id));
        self.with(|c| {
            let st = c.prepare(&format!(
                "SELECT {FINDING_COLUMNS}, f.id,
                    (SELECT r.verdict FROM reviews r WHERE r.workspace = f.workspace
                       AND r.finding_id = f.id ORDER BY r.id DESC LIMIT 1)
                 FROM findings f WHERE f.workspace = $1 AND f.conversation_id = $2
                 ORDER BY f.severity_rank DESC, f.id"
            ))?;
            let mut out = Vec::new();
            for r in c.client.query(&st, &[&w, &i])? {
                let review = match r.try_get::<_, Option<&str>>(11)? {
                    Some("confirm") => Some(Verdict::Confirm),
                    Some("reject") => Some(Verdict::Reject),
                    _ => None,
                };
                out.push(StoredFinding {
                    id: r.try_get(10)?,
                    finding: finding_from_row(&r)?,
                    review,
                });
            }
            Ok(out)
        })
    }

    fn review(
        &mut self,
        workspace: &str,
        finding_id: i64,
        verdict: Verdict,
        comment: Option<&str>,
        reviewer: Option<&str>,
    ) -> Result<bool> {
        let (w, comment, reviewer) = (t(workspace), ot(comment), ot(reviewer));
        let now = jiff::Timestamp::now().to_string();
        self.with(|c| {
            let st = c.prepare(
                "INSERT INTO reviews (workspace, finding_id, verdict, comment, reviewer, created_at)
                 SELECT $1::text, $2::int8, $3::text, $4::text, $5::text, $6::text
                 WHERE EXISTS (SELECT 1 FROM findings WHERE workspace = $1 AND id = $2)",
            )?;
            let n = c.client.execute(
                &st,
                &[
                    &w,
                    &finding_id,
                    &verdict.as_str(),
                    &comment,
                    &reviewer,
                    &now,
                ],
            )?;
            Ok(n > 0)
        })
    }

    fn prior_contacts(
        &self,
        workspace: &str,
        customer_id: &str,
        exclude_id: &str,
        from: &str,
        to: &str,
    ) -> Result<PriorContacts> {
        let (w, cu, x) = (t(workspace), t(customer_id), t(exclude_id));
        let (from, to) = (t(from), t(to));
        let medium = sev_rank(Severity::Medium) as i32;
        self.with(|c| {
            let row = c.client.query_one(
                "SELECT COUNT(*),
                        COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM findings f
                            WHERE f.workspace = c.workspace AND f.conversation_id = c.id
                              AND f.severity_rank >= $6)),
                        COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM findings f
                            WHERE f.workspace = c.workspace AND f.conversation_id = c.id
                              AND f.severity_rank >= $6 AND f.code LIKE 'threat.%')),
                        COALESCE(MAX(c.risk), 0)
                 FROM conversations c
                 WHERE c.workspace = $1 AND c.customer_id = $2 AND c.id <> $3
                   AND c.started_at >= $4 AND c.started_at < $5",
                &[&w, &cu, &x, &from, &to, &medium],
            )?;
            let n = |i: usize| -> R<u32> {
                Ok(row.try_get::<_, i64>(i)?.clamp(0, u32::MAX as i64) as u32)
            };
            Ok(PriorContacts {
                conversations: n(0)?,
                complaints: n(1)?,
                threats: n(2)?,
                max_risk: row.try_get::<_, f64>(3)? as f32,
            })
        })
    }

    fn agent_scorecard(&self, workspace: &str, agent_id: &str) -> Result<Option<AgentScorecard>> {
        let (w, a) = (t(workspace), t(agent_id));
        self.with(|c| {
            let st = c.prepare(
                "SELECT scores FROM conversations WHERE workspace = $1 AND agent_id = $2
                 ORDER BY risk DESC, id",
            )?;
            let rows = c.client.query(&st, &[&w, &a])?;
            if rows.is_empty() {
                return Ok(None);
            }
            let mut sums = [(0f32, 0u32); 5];
            let (mut overall, mut overall_n) = (0f32, 0u32);
            let mut auto_fails = 0;
            for row in &rows {
                let Some(json) = row.try_get::<_, Option<&str>>(0)? else {
                    continue;
                };
                let s: Scores = serde_json::from_str(json)?;
                for (k, d) in Dimension::ALL.iter().enumerate() {
                    if let Some(v) = s.get(*d) {
                        sums[k].0 += v;
                        sums[k].1 += 1;
                    }
                }
                if let Some(o) = s.overall {
                    overall += o;
                    overall_n += 1;
                }
                auto_fails += u64::from(s.auto_fail);
            }
            let st = c.prepare(
                "SELECT f.code, COUNT(*) AS n FROM findings f JOIN conversations c
                   ON c.workspace = f.workspace AND c.id = f.conversation_id
                 WHERE c.workspace = $1 AND c.agent_id = $2 AND f.severity_rank > 0
                 GROUP BY f.code ORDER BY n DESC, f.code LIMIT 10",
            )?;
            let top_codes = c
                .client
                .query(&st, &[&w, &a])?
                .iter()
                .map(|r| Ok((r.try_get(0)?, r.try_get::<_, i64>(1)? as u64)))
                .collect::<R<Vec<_>>>()?;
            let mean =
                |(sum, k): (f32, u32)| (k > 0).then(|| (sum / k as f32 * 10.0).round() / 10.0);
            Ok(Some(AgentScorecard {
                agent_id: agent_id.to_string(),
                conversations: rows.len() as u64,
                dimensions: Dimension::ALL
                    .iter()
                    .zip(sums)
                    .map(|(d, s)| (*d, mean(s)))
                    .collect(),
                overall: mean((overall, overall_n)),
                auto_fails,
                top_codes,
            }))
        })
    }

    fn create_token(
        &mut self,
        workspace: &str,
        role: TokenRole,
        name: Option<&str>,
    ) -> Result<String> {
        let token = random_secret("es_")?;
        let (w, name) = (t(workspace), ot(name));
        let now = jiff::Timestamp::now().to_string();
        self.with(|c| {
            let st = c.prepare(
                "INSERT INTO tokens (hash, workspace, role, name, created_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )?;
            c.client
                .execute(&st, &[&token_hash(&token), &w, &role.as_str(), &name, &now])?;
            Ok(())
        })?;
        Ok(token)
    }

    fn token_grant(&self, token: &str) -> Result<Option<TokenGrant>> {
        self.with(|c| {
            let st = c.prepare(
                "SELECT workspace, role FROM tokens WHERE hash = $1 AND revoked_at IS NULL",
            )?;
            let Some(row) = c.client.query_opt(&st, &[&token_hash(token)])? else {
                return Ok(None);
            };
            let workspace: String = row.try_get(0)?;
            Ok(TokenRole::parse(row.try_get(1)?).map(|role| TokenGrant { workspace, role }))
        })
    }

    fn upsert_user(
        &mut self,
        username: &str,
        password_hash: &str,
        workspace: &str,
        role: TokenRole,
    ) -> Result<()> {
        let (u, h, w) = (t(username), t(password_hash), t(workspace));
        let now = jiff::Timestamp::now().to_string();
        self.with(|c| {
            let Conn {
                client, statements, ..
            } = c;
            let mut tx = client.transaction()?;
            let st = prepare(
                statements,
                &mut tx,
                "INSERT INTO users (username, password_hash, created_at) VALUES ($1, $2, $3)
                 ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash",
            )?;
            tx.execute(&st, &[&u, &h, &now])?;
            let st = prepare(
                statements,
                &mut tx,
                "INSERT INTO user_grants (username, workspace, role) VALUES ($1, $2, $3)
                 ON CONFLICT (username, workspace) DO UPDATE SET role = excluded.role",
            )?;
            tx.execute(&st, &[&u, &w, &role.as_str()])?;
            tx.commit()?;
            Ok(())
        })
    }

    fn user(&self, username: &str) -> Result<Option<User>> {
        let u = t(username);
        self.with(|c| {
            let st = c.prepare("SELECT password_hash FROM users WHERE username = $1")?;
            let Some(row) = c.client.query_opt(&st, &[&u])? else {
                return Ok(None);
            };
            let password_hash: String = row.try_get(0)?;
            let st = c.prepare(
                "SELECT workspace, role FROM user_grants WHERE username = $1 ORDER BY workspace",
            )?;
            let mut grants = Vec::new();
            for r in c.client.query(&st, &[&u])? {
                let workspace: String = r.try_get(0)?;
                if let Some(role) = TokenRole::parse(r.try_get(1)?) {
                    grants.push(TokenGrant { workspace, role });
                }
            }
            Ok(Some(User {
                username: username.to_string(),
                password_hash,
                grants,
            }))
        })
    }

    fn create_session(&mut self, username: &str, expires_at: i64) -> Result<String> {
        let id = random_secret("ss_")?;
        let u = t(username);
        let now = jiff::Timestamp::now().as_second();
        self.with(|c| {
            let st = c.prepare(
                "INSERT INTO sessions (hash, username, created_at, expires_at)
                 VALUES ($1, $2, $3, $4)",
            )?;
            c.client
                .execute(&st, &[&token_hash(&id), &u, &now, &expires_at])?;
            Ok(())
        })?;
        Ok(id)
    }

    fn session_user(&self, session_id: &str, now: i64) -> Result<Option<String>> {
        self.with(|c| {
            let st =
                c.prepare("SELECT username FROM sessions WHERE hash = $1 AND expires_at > $2")?;
            Ok(
                match c.client.query_opt(&st, &[&token_hash(session_id), &now])? {
                    Some(row) => Some(row.try_get(0)?),
                    None => None,
                },
            )
        })
    }

    fn delete_session(&mut self, session_id: &str) -> Result<()> {
        self.with(|c| {
            let st = c.prepare("DELETE FROM sessions WHERE hash = $1")?;
            c.client.execute(&st, &[&token_hash(session_id)])?;
            Ok(())
        })
    }

    fn mark_training_case(&mut self, case: &TrainingCase) -> Result<bool> {
        let at = if case.marked_at.is_empty() {
            jiff::Timestamp::now().to_string()
        } else {
            case.marked_at.clone()
        };
        let (w, i) = (t(&case.workspace), t(&case.conversation_id));
        let (note, by, at) = (
            ot(case.note.as_deref()),
            ot(case.marked_by.as_deref()),
            t(&at),
        );
        self.with(|c| {
            let st = c.prepare(
                "INSERT INTO training_cases (workspace, conversation_id, kind, note, marked_by, marked_at)
                 SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text
                 WHERE EXISTS (SELECT 1 FROM conversations WHERE workspace = $1 AND id = $2)
                 ON CONFLICT (workspace, conversation_id) DO UPDATE SET kind = excluded.kind,
                    note = excluded.note, marked_by = excluded.marked_by,
                    marked_at = excluded.marked_at",
            )?;
            let n = c
                .client
                .execute(&st, &[&w, &i, &case.kind.as_str(), &note, &by, &at])?;
            Ok(n > 0)
        })
    }

    fn training_cases(&self, workspace: Option<&str>) -> Result<Vec<TrainingCase>> {
        let w = ot(workspace);
        self.with(|c| {
            let st = c.prepare(
                "SELECT workspace, conversation_id, kind, note, marked_by, marked_at
                 FROM training_cases WHERE $1::text IS NULL OR workspace = $1
                 ORDER BY workspace, marked_at, conversation_id",
            )?;
            let mut out = Vec::new();
            for r in c.client.query(&st, &[&w])? {
                out.push(TrainingCase {
                    workspace: r.try_get(0)?,
                    conversation_id: r.try_get(1)?,
                    kind: CaseKind::parse(r.try_get(2)?).unwrap_or(CaseKind::Bad),
                    note: r.try_get(3)?,
                    marked_by: r.try_get(4)?,
                    marked_at: r.try_get(5)?,
                });
            }
            Ok(out)
        })
    }

    fn recent_alert_keys(
        &self,
        workspace: &str,
        conversation_id: &str,
        since_ms: i64,
    ) -> Result<HashSet<(String, String)>> {
        let (w, i) = (t(workspace), t(conversation_id));
        self.with(|c| {
            let st = c.prepare(
                "SELECT channel, dedup_key FROM alert_keys
                 WHERE workspace = $1 AND conversation_id = $2 AND planned_at >= $3",
            )?;
            c.client
                .query(&st, &[&w, &i, &since_ms])?
                .iter()
                .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
                .collect()
        })
    }

    fn due_deliveries(&self, now_ms: i64, limit: usize) -> Result<Vec<OutboxRecord>> {
        self.with(|c| {
            let st = c.prepare(
                "SELECT id, workspace, conversation_id, channel, body, attempts, next_attempt_at,
                        state, last_error, created_at
                 FROM outbox WHERE state = 'pending' AND next_attempt_at <= $1
                 ORDER BY next_attempt_at, created_at, id LIMIT $2",
            )?;
            c.client
                .query(&st, &[&now_ms, &big(limit)])?
                .iter()
                .map(outbox_from_row)
                .collect()
        })
    }

    fn next_delivery_at(&self) -> Result<Option<i64>> {
        self.with(|c| {
            let st =
                c.prepare("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'")?;
            Ok(c.client.query_one(&st, &[])?.try_get(0)?)
        })
    }

    fn update_delivery(&mut self, record: &OutboxRecord) -> Result<()> {
        let finished = (record.state != DeliveryState::Pending)
            .then(|| jiff::Timestamp::now().as_millisecond());
        let (id, body, error) = (
            t(&record.id),
            t(&record.body),
            ot(record.last_error.as_deref()),
        );
        self.with(|c| {
            let st = c.prepare(
                "UPDATE outbox SET body = $2, attempts = $3, next_attempt_at = $4, state = $5,
                    last_error = $6, finished_at = $7 WHERE id = $1",
            )?;
            c.client.execute(
                &st,
                &[
                    &id,
                    &body,
                    &i64::from(record.attempts),
                    &record.next_attempt_at,
                    &record.state.as_str(),
                    &error,
                    &finished,
                ],
            )?;
            Ok(())
        })
    }

    fn outbox_counts(&self) -> Result<[u64; 3]> {
        self.with(|c| {
            let st = c.prepare("SELECT state, COUNT(*) FROM outbox GROUP BY state")?;
            let mut out = [0u64; 3];
            for r in c.client.query(&st, &[])? {
                let i = match DeliveryState::parse(r.try_get(0)?) {
                    Some(DeliveryState::Pending) => 0,
                    Some(DeliveryState::Delivered) => 1,
                    _ => 2,
                };
                out[i] += r.try_get::<_, i64>(1)? as u64;
            }
            Ok(out)
        })
    }
}

/// [`finding_from_row`] for rows whose finding columns start at `at`.
fn finding_from_row_at(r: &Row, at: usize) -> R<Finding> {
    let code: String = r.try_get(at)?;
    let sev: String = r.try_get(at + 1)?;
    let mut f = Finding::new(
        earshot_model::Code::new(code),
        r.try_get::<_, String>(at + 8)?,
    );
    f.severity = Severity::parse(&sev).unwrap_or(Severity::Medium);
    f.confidence = r.try_get::<_, f64>(at + 2)? as f32;
    f.turn = r.try_get::<_, Option<i64>>(at + 3)?.map(|t| t as u32);
    if let (Some(s), Some(e)) = (
        r.try_get::<_, Option<i64>>(at + 4)?,
        r.try_get::<_, Option<i64>>(at + 5)?,
    ) {
        f.span = Some(Span {
            start: s as u32,
            end: e as u32,
        });
    }
    f.role = r
        .try_get::<_, Option<String>>(at + 6)?
        .as_deref()
        .and_then(Role::parse);
    f.evidence = r.try_get(at + 7)?;
    f.source = r.try_get(at + 9)?;
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_match_sqlite() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let mut at: jiff::Timestamp = "2019-12-25T23:59:59Z".parse().unwrap();
        let end: jiff::Timestamp = "2032-01-10T00:00:00Z".parse().unwrap();
        while at < end {
            let text = at.to_string();
            let sqlite: String = conn
                .query_row("SELECT strftime('%Y-%W', ?1)", [&text], |r| r.get(0))
                .unwrap();
            assert_eq!(week_of(at), sqlite, "{text}");
            at = at
                .checked_add(jiff::SignedDuration::from_hours(13))
                .unwrap();
        }
    }

    #[test]
    fn secrets_are_found_and_hidden() {
        let url = "postgres://ann:p%40ss@db.example:5432/earshot?password=other&sslmode=disable";
        let s = url_secrets(url);
        assert!(s.contains(&"p@ss".to_string()) && s.contains(&"p%40ss".to_string()));
        assert!(s.contains(&"other".to_string()));
        let shown = display(url);
        assert!(
            !shown.contains("p%40ss") && !shown.contains("other"),
            "{shown}"
        );
        assert!(shown.contains("sslmode=disable"), "{shown}");
        assert_eq!(scrub("bad p@ss here", &s), "bad *** here");
        assert_eq!(percent_decode("a%2Fb%zz%4"), "a/b%zz%4");
    }

    #[test]
    fn nul_becomes_replacement_character() {
        assert_eq!(t("a\0b"), "a\u{FFFD}b");
        assert!(matches!(t("ab"), Cow::Borrowed(_)));
    }
}
