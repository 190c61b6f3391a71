//! The SQLite backend: one file, WAL journal, migrations by `user_version`.

use std::collections::HashSet;
use std::path::Path;

use earshot_model::{Analysis, Conversation, Finding, Severity};
use rusqlite::{Connection, OptionalExtension, params};

use crate::access::token_hash;
use crate::rollups::{Contribution, Rollups, Saved};
use crate::{
    AgentScorecard, CaseKind, DeliveryState, Encoded, OutboxRecord, PriorContacts, QueueEntry,
    QueueFilter, Result, Store, StoreError, StoredFinding, TokenGrant, TokenRole, TrainingCase,
    User, Verdict,
};
use earshot_model::{Dimension, Scores};

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/sqlite/0001_init.sql"),
    include_str!("migrations/sqlite/0002_tokens_reviews.sql"),
    include_str!("migrations/sqlite/0003_outbox_users.sql"),
    include_str!("migrations/sqlite/0004_indexes.sql"),
    include_str!("migrations/sqlite/0005_dashboard.sql"),
    include_str!("migrations/sqlite/0006_rollups.sql"),
    include_str!("migrations/sqlite/0007_rollups_by_batch.sql"),
    include_str!("migrations/sqlite/0008_top1pct_index.sql"),
    include_str!("migrations/sqlite/0009_drop_redundant_index.sql"),
];

pub struct SqliteStore {
    conn: Connection,
}

impl SqliteStore {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<SqliteStore> {
        let p = path.as_ref();
        let conn = Connection::open(p).map_err(|source| StoreError::Open {
            path: p.display().to_string(),
            source,
        })?;
        SqliteStore::init(conn).map_err(|e| match e {
            StoreError::Sqlite(source) => StoreError::Open {
                path: p.display().to_string(),
                source,
            },
            other => other,
        })
    }

    /// An in-memory database, for tests.
    pub fn in_memory() -> Result<SqliteStore> {
        SqliteStore::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<SqliteStore> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // 64 MiB of page cache (the default is 2 MiB): a large store's indexes are written at
        // random places, and every page not cached is read back from the file. Bounded, so memory
        // stays flat however much is analysed.
        conn.pragma_update(None, "cache_size", -65536)?;
        // The log is copied back into the file every 16,384 pages (64 MiB) rather than every
        // 1,000: the index pages a batch touches are copied once for many batches, not once per
        // batch (analysis of 50,000 conversations: 5,156/s with 1,000, 5,597/s with 4,096,
        // 6,642/s with 16,384).
        conn.pragma_update(None, "wal_autocheckpoint", 16384)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::TooNew {
                found: version,
                known,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.unchecked_transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(SqliteStore { conn })
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

pub(crate) fn sev_rank(s: Severity) -> i64 {
    Severity::ALL.iter().position(|x| *x == s).unwrap_or(0) as i64
}

/// What the dashboard's rollups need of a conversation's findings, kept in its row (migration
/// 0006 reads it in its triggers and computes the same from `findings` for older rows).
struct FindingSummary<'a> {
    /// 1 `emotion.anger`, 2 any `threat.*`, 4 any `abuse.*`, 8 any `process.*`, 16 the agent
    /// lost composure (`conduct.rude`, or abuse or a threat in an agent's turn).
    flags: i64,
    above_info: i64,
    /// The highest severity rank; `None` without findings.
    max_rank: Option<i64>,
    /// Per code: findings, findings above info.
    codes: Vec<(&'a str, i64, i64)>,
}

impl<'a> FindingSummary<'a> {
    fn of(findings: &'a [earshot_model::Finding]) -> FindingSummary<'a> {
        let mut flags = 0;
        let mut above_info = 0;
        let mut max_rank = None;
        let mut codes: std::collections::BTreeMap<&'a str, (i64, i64)> = Default::default();
        for f in findings {
            let code = f.code.as_str();
            let rank = sev_rank(f.severity);
            let (abuse, threat) = (code.starts_with("abuse."), code.starts_with("threat."));
            flags |= i64::from(code == "emotion.anger")
                | i64::from(threat) << 1
                | i64::from(abuse) << 2
                | i64::from(code.starts_with("process.")) << 3
                | i64::from(
                    code == "conduct.rude"
                        || (f.role == Some(earshot_model::Role::Agent) && (abuse || threat)),
                ) << 4;
            let above = i64::from(rank > 0);
            above_info += above;
            max_rank = max_rank.max(Some(rank));
            let e = codes.entry(code).or_default();
            e.0 += 1;
            e.1 += above;
        }
        FindingSummary {
            flags,
            above_info,
            max_rank,
            codes: codes.into_iter().map(|(c, (n, a))| (c, n, a)).collect(),
        }
    }

    /// `codes` as stored: `[[code, findings, findings above info], ...]`; `None` without findings.
    fn codes_json(&self) -> Result<Option<String>> {
        if self.codes.is_empty() {
            return Ok(None);
        }
        Ok(Some(serde_json::to_string(&self.codes)?))
    }
}

fn ts(t: Option<jiff::Timestamp>) -> Option<String> {
    t.map(|t| t.to_string())
}

/// The parts of an analysis not kept in their own columns.
#[derive(serde::Serialize, serde::Deserialize)]
struct AnalysisRest {
    turns: Vec<earshot_model::TurnSignal>,
    risk_explanation: Vec<String>,
    diagnostics: Vec<earshot_model::Diagnostic>,
}

/// [`AnalysisRest`] borrowed from an analysis, for writing it without a copy (the same JSON).
#[derive(serde::Serialize)]
struct AnalysisRestRef<'a> {
    turns: &'a [earshot_model::TurnSignal],
    risk_explanation: &'a [String],
    diagnostics: &'a [earshot_model::Diagnostic],
}

impl Store for SqliteStore {
    fn digests(&self) -> Result<HashSet<u64>> {
        let mut stmt = self.conn.prepare("SELECT digest FROM conversations")?;
        let rows = stmt.query_map([], |r| r.get::<_, i64>(0))?;
        let mut out = HashSet::new();
        for r in rows {
            out.insert(r? as u64);
        }
        Ok(out)
    }

    fn save_batch(
        &mut self,
        items: &[(&Conversation, &Analysis, &Encoded)],
        outbox: &[OutboxRecord],
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut del = tx.prepare_cached(
                "DELETE FROM findings WHERE workspace = ?1 AND conversation_id = ?2",
            )?;
            let mut up = tx.prepare_cached(
                "INSERT INTO conversations (workspace, id, channel, source, language, started_at, ended_at,
                    agent_id, customer_id, country, order_value, product_line, marketplace, turn_count,
                    risk, severity, satisfaction, scores, data, analysis, digest, analyzed_at,
                    finding_flags, findings_above_info, finding_max_rank, finding_codes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
                    ?23, ?24, ?25, ?26)
                 ON CONFLICT (workspace, id) DO UPDATE SET
                    channel = excluded.channel, source = excluded.source, language = excluded.language,
                    started_at = excluded.started_at, ended_at = excluded.ended_at, agent_id = excluded.agent_id,
                    customer_id = excluded.customer_id, country = excluded.country,
                    order_value = excluded.order_value, product_line = excluded.product_line,
                    marketplace = excluded.marketplace, turn_count = excluded.turn_count,
                    risk = excluded.risk, severity = excluded.severity, satisfaction = excluded.satisfaction,
                    scores = excluded.scores, data = excluded.data, analysis = excluded.analysis,
                    digest = excluded.digest, analyzed_at = excluded.analyzed_at,
                    finding_flags = excluded.finding_flags, findings_above_info = excluded.findings_above_info,
                    finding_max_rank = excluded.finding_max_rank, finding_codes = excluded.finding_codes",
            )?;
            let mut ins = tx.prepare_cached(
                "INSERT INTO findings (workspace, conversation_id, code, severity, severity_rank, confidence,
                    turn, span_start, span_end, role, evidence, explanation, source)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?;
            let mut facts = tx.prepare_cached(
                "INSERT INTO conversation_facts (workspace, conversation_id, team, hired_at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut tag = tx.prepare_cached(
                "INSERT INTO conversation_tags (workspace, conversation_id, tag) VALUES (?1, ?2, ?3)",
            )?;
            let mut rollups = Rollups::default();
            let now = jiff::Timestamp::now().to_string();
            for (conv, a, enc) in items {
                let ws = a.workspace.as_str();
                // The dashboard's rollups: the stored conversation out, the saved one in.
                let old = Contribution::stored(&tx, ws, &conv.id)?;
                if let Some(old) = &old {
                    rollups.add(ws, old, -1);
                }
                del.execute(params![ws, conv.id])?;
                let rest = AnalysisRestRef {
                    turns: &a.turns,
                    risk_explanation: &a.risk_explanation,
                    diagnostics: &a.diagnostics,
                };
                let sum = FindingSummary::of(&a.findings);
                let started_at = ts(conv
                    .started_at
                    .or_else(|| conv.turns.iter().find_map(|t| t.at)));
                let ended_at = ts(conv
                    .ended_at
                    .or_else(|| conv.turns.iter().rev().find_map(|t| t.at)));
                let scores = a.scores.as_ref().map(serde_json::to_string).transpose()?;
                let agent = conv.agents.first();
                let country = conv.customer.as_ref().and_then(|c| c.country.as_deref());
                let product_line = conv.order.as_ref().and_then(|o| o.product_line.as_deref());
                let marketplace = conv.order.as_ref().and_then(|o| o.marketplace.as_deref());
                up.execute(params![
                    ws,
                    conv.id,
                    conv.channel.as_str(),
                    conv.source,
                    a.language,
                    started_at,
                    ended_at,
                    agent.map(|a| a.id.as_str()),
                    conv.customer.as_ref().and_then(|c| c.id.as_deref()),
                    country,
                    conv.order.as_ref().and_then(|o| o.value),
                    product_line,
                    marketplace,
                    conv.turns.len() as i64,
                    a.risk as f64,
                    a.severity.map(Severity::as_str),
                    a.satisfaction.map(|s| s as f64),
                    scores,
                    enc.json,
                    serde_json::to_string(&rest)?,
                    enc.digest as i64,
                    now,
                    sum.flags,
                    sum.above_info,
                    sum.max_rank,
                    sum.codes_json()?,
                ])?;
                if old.is_some() {
                    tx.prepare_cached(
                        "DELETE FROM conversation_facts WHERE workspace = ?1 AND conversation_id = ?2",
                    )?
                    .execute(params![ws, conv.id])?;
                    tx.prepare_cached(
                        "DELETE FROM conversation_tags WHERE workspace = ?1 AND conversation_id = ?2",
                    )?
                    .execute(params![ws, conv.id])?;
                }
                facts.execute(params![
                    ws,
                    conv.id,
                    agent.and_then(|a| a.team.as_deref()),
                    agent.and_then(|a| a.hired_at).map(|d| d.to_string()),
                ])?;
                let mut tags: Vec<&str> = conv
                    .tags
                    .iter()
                    .map(String::as_str)
                    .filter(|t| !t.is_empty())
                    .collect();
                tags.sort_unstable();
                tags.dedup();
                for t in &tags {
                    tag.execute(params![ws, conv.id, t])?;
                }
                let new = Contribution::saved(&Saved {
                    started_at: started_at.as_deref(),
                    ended_at: ended_at.as_deref(),
                    analyzed_at: &now,
                    risk: a.risk as f64,
                    severity: a.severity.map(Severity::as_str),
                    top1pct: old.as_ref().map_or(0, Contribution::top1pct),
                    scores: scores.as_deref(),
                    flags: sum.flags,
                    above_info: sum.above_info,
                    codes: &sum.codes,
                    turns: conv.turns.len() as i64,
                    agent: agent.map(|a| a.id.as_str()),
                    keys: [
                        Some(conv.channel.as_str()),
                        Some(a.language.as_str()),
                        marketplace,
                        product_line,
                        country,
                    ],
                    team: agent.and_then(|a| a.team.as_deref()),
                    tags: &tags,
                })?;
                #[cfg(test)]
                debug_assert_eq!(
                    Contribution::stored(&tx, ws, &conv.id)?.as_ref(),
                    Some(&new),
                    "the rollups' view of a saved row, in Rust and in SQL"
                );
                rollups.add(ws, &new, 1);
                for f in &a.findings {
                    ins.execute(params![
                        ws,
                        conv.id,
                        f.code.as_str(),
                        f.severity.as_str(),
                        sev_rank(f.severity),
                        f.confidence as f64,
                        f.turn.map(|t| t as i64),
                        f.span.map(|s| s.start as i64),
                        f.span.map(|s| s.end as i64),
                        f.role.map(|r| r.as_str()),
                        f.evidence,
                        f.explanation,
                        f.source,
                    ])?;
                }
            }
            rollups.write(&tx)?;
        }
        {
            let mut ob = tx.prepare_cached(
                "INSERT INTO outbox (id, workspace, conversation_id, channel, body, attempts,
                    next_attempt_at, state, last_error, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (id) DO NOTHING",
            )?;
            let mut key = tx.prepare_cached(
                "INSERT INTO alert_keys (channel, dedup_key, workspace, conversation_id, planned_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (channel, dedup_key) DO UPDATE SET planned_at = excluded.planned_at",
            )?;
            for r in outbox {
                ob.execute(params![
                    r.id,
                    r.workspace,
                    r.conversation_id,
                    r.channel,
                    r.body,
                    r.attempts as i64,
                    r.next_attempt_at,
                    r.state.as_str(),
                    r.last_error,
                    r.created_at
                ])?;
                for k in &r.dedup_keys {
                    key.execute(params![
                        r.channel,
                        k,
                        r.workspace,
                        r.conversation_id,
                        r.created_at
                    ])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn mark_top_percent(&mut self) -> Result<usize> {
        // Per workspace and calendar week of the conversation's start (its analysis time when it
        // has none): the conversations at or above the week's 99th percentile of risk, ties
        // included. A quiet week still has its riskiest conversations pointed out, and one bad
        // week does not hide the next. Only rows whose mark changes are written (each write
        // moves the rollups' top-1% counts).
        let tx = self.conn.transaction()?;
        tx.execute(
            "WITH weeks AS MATERIALIZED (
                 SELECT rowid AS rid, workspace, risk, top1pct,
                        strftime('%Y-%W', COALESCE(started_at, analyzed_at)) AS week
                 FROM conversations
             ),
             ranked AS (
                 SELECT workspace, week, risk,
                        ROW_NUMBER() OVER (PARTITION BY workspace, week ORDER BY risk DESC) AS rn,
                        COUNT(*) OVER (PARTITION BY workspace, week) AS n
                 FROM weeks
             ),
             thresholds AS (
                 SELECT workspace, week, MIN(risk) AS t FROM ranked
                 WHERE rn <= (n + 99) / 100 GROUP BY workspace, week
             ),
             marks AS (
                 SELECT w.rid, (w.risk > 0 AND w.risk >= h.t) AS top
                 FROM weeks w JOIN thresholds h ON h.workspace = w.workspace AND h.week = w.week
                 WHERE w.top1pct <> (w.risk > 0 AND w.risk >= h.t)
             )
             UPDATE conversations SET top1pct = marks.top
             FROM marks WHERE conversations.rowid = marks.rid",
            [],
        )?;
        let marked: i64 = tx.query_row(
            "SELECT COUNT(*) FROM conversations WHERE top1pct <> 0",
            [],
            |r| r.get(0),
        )?;
        tx.commit()?;
        Ok(usize::try_from(marked).unwrap_or(usize::MAX))
    }

    fn queue(&self, filter: &QueueFilter) -> Result<Vec<QueueEntry>> {
        // The page is chosen over row ids alone (index-only for most filters), and only its 50
        // rows are read: sorting whole rows of a busy week took 100 times longer.
        let mut sql = String::from("SELECT rowid FROM conversations c WHERE 1=1");
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        if let Some(ws) = &filter.workspace {
            args.push(Box::new(ws.clone()));
            sql.push_str(&format!(" AND workspace = ?{}", args.len()));
        }
        if filter.top1pct_only {
            sql.push_str(" AND top1pct = 1");
        }
        for (column, op, value) in [
            ("agent_id", "=", &filter.agent),
            ("channel", "=", &filter.channel),
            ("language", "=", &filter.language),
            ("started_at", ">=", &filter.from),
            ("started_at", "<", &filter.to),
        ] {
            if let Some(v) = value {
                args.push(Box::new(v.clone()));
                sql.push_str(&format!(" AND {column} {op} ?{}", args.len()));
            }
        }
        if let Some(s) = filter.min_severity {
            args.push(Box::new(sev_rank(s)));
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM findings f WHERE f.workspace = c.workspace AND f.conversation_id = c.id AND f.severity_rank >= ?{})",
                args.len()
            ));
        }
        if let Some(code) = &filter.code {
            args.push(Box::new(code.clone()));
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM findings f WHERE f.workspace = c.workspace AND f.conversation_id = c.id AND f.code = ?{})",
                args.len()
            ));
        }
        args.push(Box::new(
            i64::try_from(filter.limit.max(1)).unwrap_or(i64::MAX),
        ));
        args.push(Box::new(i64::try_from(filter.offset).unwrap_or(i64::MAX)));
        sql.push_str(&format!(
            " ORDER BY risk DESC, id LIMIT ?{} OFFSET ?{}",
            args.len() - 1,
            args.len()
        ));
        let sql = format!(
            "SELECT workspace, id, channel, language, risk, severity, top1pct, agent_id
             FROM conversations WHERE rowid IN ({sql}) ORDER BY risk DESC, id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(
            rusqlite::params_from_iter(args.iter().map(|b| b.as_ref())),
            |r| {
                Ok(QueueEntry {
                    workspace: r.get(0)?,
                    id: r.get(1)?,
                    channel: r.get(2)?,
                    language: r.get(3)?,
                    risk: r.get::<_, f64>(4)? as f32,
                    severity: r
                        .get::<_, Option<String>>(5)?
                        .as_deref()
                        .and_then(Severity::parse),
                    top1pct: r.get::<_, i64>(6)? != 0,
                    agent_id: r.get(7)?,
                    top_findings: Vec::new(),
                })
            },
        )?;
        let mut out: Vec<QueueEntry> = rows.collect::<rusqlite::Result<_>>()?;
        let mut fstmt = self.conn.prepare_cached(
            "SELECT code, severity, confidence, turn, span_start, span_end, role, evidence, explanation, source
             FROM findings WHERE workspace = ?1 AND conversation_id = ?2
             ORDER BY severity_rank DESC, confidence DESC LIMIT 3",
        )?;
        for e in &mut out {
            e.top_findings = fstmt
                .query_map(params![e.workspace, e.id], row_to_finding)?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(out)
    }

    fn conversation(&self, workspace: &str, id: &str) -> Result<Option<(Conversation, Analysis)>> {
        let row = self
            .conn
            .query_row(
                "SELECT data, analysis, language, risk, severity, satisfaction, scores FROM conversations
                 WHERE workspace = ?1 AND id = ?2",
                params![workspace, id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, f64>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<f64>>(5)?,
                        r.get::<_, Option<String>>(6)?,
                    ))
                },
            )
            .optional()?;
        let Some((data, rest, language, risk, severity, satisfaction, scores)) = row else {
            return Ok(None);
        };
        let conv: Conversation = serde_json::from_str(&data)?;
        let rest: AnalysisRest = serde_json::from_str(&rest)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT code, severity, confidence, turn, span_start, span_end, role, evidence, explanation, source
             FROM findings WHERE workspace = ?1 AND conversation_id = ?2 ORDER BY id",
        )?;
        let findings = stmt
            .query_map(params![workspace, id], row_to_finding)?
            .collect::<rusqlite::Result<_>>()?;
        let analysis = Analysis {
            id: id.to_string(),
            workspace: workspace.to_string(),
            language,
            risk: risk as f32,
            severity: severity.as_deref().and_then(Severity::parse),
            satisfaction: satisfaction.map(|s| s as f32),
            scores: scores.as_deref().map(serde_json::from_str).transpose()?,
            findings,
            turns: rest.turns,
            risk_explanation: rest.risk_explanation,
            diagnostics: rest.diagnostics,
        };
        Ok(Some((conv, analysis)))
    }

    fn count_conversations(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM conversations", [], |r| {
                r.get::<_, i64>(0)
            })? as u64)
    }

    /// Creates a token for a workspace and returns it; only its hash is stored, so this is the
    /// one time it can be shown.
    fn create_token(
        &mut self,
        workspace: &str,
        role: TokenRole,
        name: Option<&str>,
    ) -> Result<String> {
        let token = crate::access::random_secret("es_")?;
        self.connection().execute(
            "INSERT INTO tokens (hash, workspace, role, name, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![token_hash(&token), workspace, role.as_str(), name, jiff::Timestamp::now().to_string()],
        )?;
        Ok(token)
    }

    /// The grant of a token, if it exists and is not revoked.
    fn token_grant(&self, token: &str) -> Result<Option<TokenGrant>> {
        let row: Option<(String, String)> = self
            .connection()
            .query_row(
                "SELECT workspace, role FROM tokens WHERE hash = ?1 AND revoked_at IS NULL",
                params![token_hash(token)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(row.and_then(|(workspace, role)| {
            TokenRole::parse(&role).map(|role| TokenGrant { workspace, role })
        }))
    }

    /// A conversation's findings with their ids and latest reviews.
    fn stored_findings(
        &self,
        workspace: &str,
        conversation_id: &str,
    ) -> Result<Vec<StoredFinding>> {
        let mut stmt = self.connection().prepare_cached(
            "SELECT code, severity, confidence, turn, span_start, span_end, role, evidence, explanation, source, id,
                (SELECT verdict FROM reviews r WHERE r.workspace = f.workspace AND r.finding_id = f.id
                 ORDER BY r.id DESC LIMIT 1)
             FROM findings f WHERE workspace = ?1 AND conversation_id = ?2 ORDER BY severity_rank DESC, id",
        )?;
        let rows = stmt.query_map(params![workspace, conversation_id], |r| {
            let finding = row_to_finding(r)?;
            let review = match r.get::<_, Option<String>>(11)?.as_deref() {
                Some("confirm") => Some(Verdict::Confirm),
                Some("reject") => Some(Verdict::Reject),
                _ => None,
            };
            Ok(StoredFinding {
                id: r.get(10)?,
                finding,
                review,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a review. Returns false when the finding does not exist in this workspace.
    fn review(
        &mut self,
        workspace: &str,
        finding_id: i64,
        verdict: Verdict,
        comment: Option<&str>,
        reviewer: Option<&str>,
    ) -> Result<bool> {
        let exists: bool = self.connection().query_row(
            "SELECT EXISTS (SELECT 1 FROM findings WHERE workspace = ?1 AND id = ?2)",
            params![workspace, finding_id],
            |r| r.get(0),
        )?;
        if !exists {
            return Ok(false);
        }
        self.connection().execute(
            "INSERT INTO reviews (workspace, finding_id, verdict, comment, reviewer, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![workspace, finding_id, verdict.as_str(), comment, reviewer, jiff::Timestamp::now().to_string()],
        )?;
        Ok(true)
    }

    fn prior_contacts(
        &self,
        workspace: &str,
        customer_id: &str,
        exclude_id: &str,
        from: &str,
        to: &str,
    ) -> Result<PriorContacts> {
        let medium = sev_rank(Severity::Medium);
        let mut stmt = self.connection().prepare_cached(
            "SELECT COUNT(*),
                    COALESCE(SUM(EXISTS (SELECT 1 FROM findings f WHERE f.workspace = c.workspace
                        AND f.conversation_id = c.id AND f.severity_rank >= ?6)), 0),
                    COALESCE(SUM(EXISTS (SELECT 1 FROM findings f WHERE f.workspace = c.workspace
                        AND f.conversation_id = c.id AND f.severity_rank >= ?6
                        AND f.code LIKE 'threat.%')), 0),
                    COALESCE(MAX(c.risk), 0)
             FROM conversations c
             WHERE c.workspace = ?1 AND c.customer_id = ?2 AND c.id <> ?3
               AND c.started_at >= ?4 AND c.started_at < ?5",
        )?;
        Ok(stmt.query_row(
            params![workspace, customer_id, exclude_id, from, to, medium],
            |r| {
                Ok(PriorContacts {
                    conversations: r.get::<_, i64>(0)?.clamp(0, u32::MAX as i64) as u32,
                    complaints: r.get::<_, i64>(1)?.clamp(0, u32::MAX as i64) as u32,
                    threats: r.get::<_, i64>(2)?.clamp(0, u32::MAX as i64) as u32,
                    max_risk: r.get::<_, f64>(3)? as f32,
                })
            },
        )?)
    }

    /// An agent's scorecard in a workspace, or `None` when the agent has no conversations there.
    fn agent_scorecard(&self, workspace: &str, agent_id: &str) -> Result<Option<AgentScorecard>> {
        let mut stmt = self.connection().prepare_cached(
            "SELECT scores FROM conversations WHERE workspace = ?1 AND agent_id = ?2",
        )?;
        let rows = stmt.query_map(params![workspace, agent_id], |r| {
            r.get::<_, Option<String>>(0)
        })?;
        let mut n = 0u64;
        let mut sums = [(0f32, 0u32); 5];
        let (mut overall, mut overall_n) = (0f32, 0u32);
        let mut auto_fails = 0;
        for row in rows {
            n += 1;
            let Some(json) = row? else { continue };
            let s: Scores = serde_json::from_str(&json)?;
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
        if n == 0 {
            return Ok(None);
        }
        let mut codes = self.connection().prepare_cached(
            // CROSS JOIN keeps the agent's conversations as the outer loop: without statistics
            // SQLite would walk every finding of the workspace.
            "SELECT f.code, COUNT(*) AS n FROM conversations c CROSS JOIN findings f
               ON c.workspace = f.workspace AND c.id = f.conversation_id
             WHERE c.workspace = ?1 AND c.agent_id = ?2 AND f.severity_rank > 0
             GROUP BY f.code ORDER BY n DESC, f.code LIMIT 10",
        )?;
        let top_codes = codes
            .query_map(params![workspace, agent_id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mean = |(sum, k): (f32, u32)| (k > 0).then(|| (sum / k as f32 * 10.0).round() / 10.0);
        Ok(Some(AgentScorecard {
            agent_id: agent_id.to_string(),
            conversations: n,
            dimensions: Dimension::ALL
                .iter()
                .zip(sums)
                .map(|(d, s)| (*d, mean(s)))
                .collect(),
            overall: mean((overall, overall_n)),
            auto_fails,
            top_codes,
        }))
    }

    fn upsert_user(
        &mut self,
        username: &str,
        password_hash: &str,
        workspace: &str,
        role: TokenRole,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO users (username, password_hash, created_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash",
            params![username, password_hash, jiff::Timestamp::now().to_string()],
        )?;
        tx.execute(
            "INSERT INTO user_grants (username, workspace, role) VALUES (?1, ?2, ?3)
             ON CONFLICT (username, workspace) DO UPDATE SET role = excluded.role",
            params![username, workspace, role.as_str()],
        )?;
        tx.commit()?;
        Ok(())
    }

    fn user(&self, username: &str) -> Result<Option<User>> {
        let hash: Option<String> = self
            .conn
            .query_row(
                "SELECT password_hash FROM users WHERE username = ?1",
                params![username],
                |r| r.get(0),
            )
            .optional()?;
        let Some(password_hash) = hash else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT workspace, role FROM user_grants WHERE username = ?1 ORDER BY workspace",
        )?;
        let grants = stmt
            .query_map(params![username], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter_map(|(workspace, role)| {
                TokenRole::parse(&role).map(|role| TokenGrant { workspace, role })
            })
            .collect();
        Ok(Some(User {
            username: username.to_string(),
            password_hash,
            grants,
        }))
    }

    fn create_session(&mut self, username: &str, expires_at: i64) -> Result<String> {
        let id = crate::access::random_secret("ss_")?;
        self.conn.execute(
            "INSERT INTO sessions (hash, username, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
            params![
                token_hash(&id),
                username,
                jiff::Timestamp::now().as_second(),
                expires_at
            ],
        )?;
        Ok(id)
    }

    fn session_user(&self, session_id: &str, now: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT username FROM sessions WHERE hash = ?1 AND expires_at > ?2",
                params![token_hash(session_id), now],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn delete_session(&mut self, session_id: &str) -> Result<()> {
        self.conn.execute(
            "DELETE FROM sessions WHERE hash = ?1",
            params![token_hash(session_id)],
        )?;
        Ok(())
    }

    fn mark_training_case(&mut self, case: &TrainingCase) -> Result<bool> {
        let exists: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM conversations WHERE workspace = ?1 AND id = ?2)",
            params![case.workspace, case.conversation_id],
            |r| r.get(0),
        )?;
        if !exists {
            return Ok(false);
        }
        let at = if case.marked_at.is_empty() {
            jiff::Timestamp::now().to_string()
        } else {
            case.marked_at.clone()
        };
        self.conn.execute(
            "INSERT INTO training_cases (workspace, conversation_id, kind, note, marked_by, marked_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (workspace, conversation_id) DO UPDATE SET kind = excluded.kind,
                note = excluded.note, marked_by = excluded.marked_by, marked_at = excluded.marked_at",
            params![
                case.workspace,
                case.conversation_id,
                case.kind.as_str(),
                case.note,
                case.marked_by,
                at
            ],
        )?;
        Ok(true)
    }

    fn training_cases(&self, workspace: Option<&str>) -> Result<Vec<TrainingCase>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT workspace, conversation_id, kind, note, marked_by, marked_at FROM training_cases
             WHERE ?1 IS NULL OR workspace = ?1 ORDER BY workspace, marked_at, conversation_id",
        )?;
        let rows = stmt.query_map(params![workspace], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (workspace, conversation_id, kind, note, marked_by, marked_at) = row?;
            out.push(TrainingCase {
                workspace,
                conversation_id,
                kind: CaseKind::parse(&kind).unwrap_or(CaseKind::Bad),
                note,
                marked_by,
                marked_at,
            });
        }
        Ok(out)
    }

    fn recent_alert_keys(
        &self,
        workspace: &str,
        conversation_id: &str,
        since_ms: i64,
    ) -> Result<HashSet<(String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT channel, dedup_key FROM alert_keys
             WHERE workspace = ?1 AND conversation_id = ?2 AND planned_at >= ?3",
        )?;
        let rows = stmt.query_map(params![workspace, conversation_id, since_ms], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn due_deliveries(&self, now_ms: i64, limit: usize) -> Result<Vec<OutboxRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, workspace, conversation_id, channel, body, attempts, next_attempt_at,
                    state, last_error, created_at
             FROM outbox WHERE state = 'pending' AND next_attempt_at <= ?1
             ORDER BY next_attempt_at, created_at, id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![now_ms, limit as i64], |r| {
            Ok(OutboxRecord {
                id: r.get(0)?,
                workspace: r.get(1)?,
                conversation_id: r.get(2)?,
                channel: r.get(3)?,
                dedup_keys: Vec::new(),
                body: r.get(4)?,
                attempts: r.get::<_, i64>(5)? as u32,
                next_attempt_at: r.get(6)?,
                state: DeliveryState::parse(&r.get::<_, String>(7)?)
                    .unwrap_or(DeliveryState::Pending),
                last_error: r.get(8)?,
                created_at: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn next_delivery_at(&self) -> Result<Option<i64>> {
        Ok(self.conn.query_row(
            "SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'",
            [],
            |r| r.get(0),
        )?)
    }

    fn update_delivery(&mut self, record: &OutboxRecord) -> Result<()> {
        let finished = (record.state != DeliveryState::Pending)
            .then(|| jiff::Timestamp::now().as_millisecond());
        self.conn.execute(
            "UPDATE outbox SET body = ?2, attempts = ?3, next_attempt_at = ?4, state = ?5,
                last_error = ?6, finished_at = ?7 WHERE id = ?1",
            params![
                record.id,
                record.body,
                record.attempts as i64,
                record.next_attempt_at,
                record.state.as_str(),
                record.last_error,
                finished
            ],
        )?;
        Ok(())
    }

    fn outbox_counts(&self) -> Result<[u64; 3]> {
        let mut out = [0u64; 3];
        let mut stmt = self
            .conn
            .prepare_cached("SELECT state, COUNT(*) FROM outbox GROUP BY state")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (state, n) = row?;
            let i = match DeliveryState::parse(&state) {
                Some(DeliveryState::Pending) => 0,
                Some(DeliveryState::Delivered) => 1,
                _ => 2,
            };
            out[i] += n as u64;
        }
        Ok(out)
    }
}

pub(crate) fn row_to_finding(r: &rusqlite::Row<'_>) -> rusqlite::Result<Finding> {
    let code: String = r.get(0)?;
    let sev: String = r.get(1)?;
    let mut f = Finding::new(earshot_model::Code::new(code), r.get::<_, String>(8)?);
    f.severity = Severity::parse(&sev).unwrap_or(Severity::Medium);
    f.confidence = r.get::<_, f64>(2)? as f32;
    f.turn = r.get::<_, Option<i64>>(3)?.map(|t| t as u32);
    if let (Some(s), Some(e)) = (r.get::<_, Option<i64>>(4)?, r.get::<_, Option<i64>>(5)?) {
        f.span = Some(earshot_model::Span {
            start: s as u32,
            end: e as u32,
        });
    }
    f.role = r
        .get::<_, Option<String>>(6)?
        .as_deref()
        .and_then(earshot_model::Role::parse);
    f.evidence = r.get(7)?;
    f.source = r.get(9)?;
    Ok(f)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use earshot_model::{Code, Role, Span, Turn};

    /// The stored form of `c` with a chosen digest.
    pub(crate) fn enc(c: &Conversation, digest: u64) -> Encoded {
        Encoded {
            json: serde_json::to_string(c).unwrap(),
            digest,
        }
    }

    fn analysis(id: &str, risk: f32, n_findings: usize) -> Analysis {
        let findings = (0..n_findings)
            .map(|i| {
                Finding::new(Code::ABUSE_INSULT, "insult")
                    .at(0, Role::Customer, "you idiot", Span::new(4, 9))
                    .confidence(0.5 + i as f32 / 10.0)
            })
            .collect();
        Analysis {
            id: id.into(),
            workspace: "w".into(),
            language: "en".into(),
            risk,
            severity: (n_findings > 0).then_some(Severity::High),
            satisfaction: Some(-0.5),
            scores: None,
            findings,
            turns: vec![],
            risk_explanation: vec!["abuse.insult".into()],
            diagnostics: vec![],
        }
    }

    #[test]
    fn save_is_idempotent_and_replaces_findings() {
        let mut s = SqliteStore::in_memory().unwrap();
        let mut c = Conversation::new("c1", vec![Turn::new(Role::Customer, "you idiot")]);
        c.workspace = Some("w".into());
        s.save_batch(&[(&c, &analysis("c1", 50.0, 2), &enc(&c, 1))], &[])
            .unwrap();
        s.save_batch(&[(&c, &analysis("c1", 40.0, 1), &enc(&c, 2))], &[])
            .unwrap();
        assert_eq!(s.count_conversations().unwrap(), 1);
        let (back, a) = s.conversation("w", "c1").unwrap().unwrap();
        assert_eq!(back, c);
        assert_eq!(a.findings.len(), 1);
        assert_eq!(a.risk, 40.0);
        assert_eq!(a.findings[0].evidence, "idiot");
        assert_eq!(s.digests().unwrap(), HashSet::from([2]));
        assert!(s.conversation("other", "c1").unwrap().is_none());
    }

    #[test]
    fn top_percent_and_queue_order() {
        let mut s = SqliteStore::in_memory().unwrap();
        let convs: Vec<Conversation> = (0..300)
            .map(|i| {
                let mut c = Conversation::new(format!("c{i}"), vec![]);
                c.workspace = Some("w".into());
                c
            })
            .collect();
        let analyses: Vec<Analysis> = (0..300)
            .map(|i| analysis(&format!("c{i}"), i as f32 / 3.0, usize::from(i % 50 == 0)))
            .collect();
        let encoded: Vec<Encoded> = convs.iter().map(|c| enc(c, 0)).collect();
        let items: Vec<_> = convs
            .iter()
            .zip(&analyses)
            .zip(&encoded)
            .map(|((c, a), e)| (c, a, e))
            .collect();
        s.save_batch(&items, &[]).unwrap();
        assert_eq!(s.mark_top_percent().unwrap(), 3);
        let q = s
            .queue(&QueueFilter {
                limit: 5,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(q[0].id, "c299");
        assert!(q[0].top1pct && q[2].top1pct && !q[3].top1pct);
        let q = s
            .queue(&QueueFilter {
                limit: 50,
                code: Some("abuse.insult".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(q.len(), 6);
        assert_eq!(q[0].top_findings.len(), 1);
    }

    #[test]
    fn top_percent_is_per_week() {
        let mut s = SqliteStore::in_memory().unwrap();
        // Two weeks of 200 conversations; the second week is calmer but keeps its own top 1%.
        let convs: Vec<Conversation> = (0..400)
            .map(|i| {
                let mut c = Conversation::new(format!("w{i}"), vec![]);
                c.workspace = Some("w".into());
                let day = if i < 200 { "2026-10-05" } else { "2026-10-13" };
                c.started_at = Some(format!("{day}T10:00:00Z").parse().unwrap());
                c
            })
            .collect();
        let analyses: Vec<Analysis> = (0..400)
            .map(|i| {
                analysis(
                    &format!("w{i}"),
                    if i < 200 {
                        50.0 + i as f32 / 10.0
                    } else {
                        (i - 200) as f32 / 10.0
                    },
                    0,
                )
            })
            .collect();
        let encoded: Vec<Encoded> = convs.iter().map(|c| enc(c, 0)).collect();
        let items: Vec<_> = convs
            .iter()
            .zip(&analyses)
            .zip(&encoded)
            .map(|((c, a), e)| (c, a, e))
            .collect();
        s.save_batch(&items, &[]).unwrap();
        assert_eq!(s.mark_top_percent().unwrap(), 4);
        let q = s
            .queue(&QueueFilter {
                limit: 10,
                top1pct_only: true,
                ..Default::default()
            })
            .unwrap();
        let ids: Vec<&str> = q.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["w199", "w198", "w399", "w398"]);
    }

    #[test]
    fn newer_schema_is_refused() {
        let dir = std::env::temp_dir().join(format!("earshot-store-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("new.db");
        {
            let c = Connection::open(&path).unwrap();
            c.pragma_update(None, "user_version", 99).unwrap();
        }
        let err = SqliteStore::open(&path).err().unwrap();
        assert!(err.to_string().contains("newer"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
