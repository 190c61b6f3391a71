//! The SQLite backend: one file, WAL journal, migrations by `user_version`.

use std::collections::HashSet;
use std::path::Path;

use earshot_model::{Analysis, Conversation, Finding, Severity};
use rusqlite::{Connection, OptionalExtension, params};

use crate::{Encoded, QueueEntry, QueueFilter, Result, Store, StoreError};

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/sqlite/0001_init.sql"),
    include_str!("migrations/sqlite/0002_tokens_reviews.sql"),
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

    fn save_batch(&mut self, items: &[(&Conversation, &Analysis, &Encoded)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut del = tx.prepare_cached(
                "DELETE FROM findings WHERE workspace = ?1 AND conversation_id = ?2",
            )?;
            let mut up = tx.prepare_cached(
                "INSERT INTO conversations (workspace, id, channel, source, language, started_at, ended_at,
                    agent_id, customer_id, country, order_value, product_line, marketplace, turn_count,
                    risk, severity, satisfaction, scores, data, analysis, digest, analyzed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
                 ON CONFLICT (workspace, id) DO UPDATE SET
                    channel = excluded.channel, source = excluded.source, language = excluded.language,
                    started_at = excluded.started_at, ended_at = excluded.ended_at, agent_id = excluded.agent_id,
                    customer_id = excluded.customer_id, country = excluded.country,
                    order_value = excluded.order_value, product_line = excluded.product_line,
                    marketplace = excluded.marketplace, turn_count = excluded.turn_count,
                    risk = excluded.risk, severity = excluded.severity, satisfaction = excluded.satisfaction,
                    scores = excluded.scores, data = excluded.data, analysis = excluded.analysis,
                    digest = excluded.digest, analyzed_at = excluded.analyzed_at",
            )?;
            let mut ins = tx.prepare_cached(
                "INSERT INTO findings (workspace, conversation_id, code, severity, severity_rank, confidence,
                    turn, span_start, span_end, role, evidence, explanation, source)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?;
            let now = jiff::Timestamp::now().to_string();
            for (conv, a, enc) in items {
                let ws = a.workspace.as_str();
                del.execute(params![ws, conv.id])?;
                let rest = AnalysisRest {
                    turns: a.turns.clone(),
                    risk_explanation: a.risk_explanation.clone(),
                    diagnostics: a.diagnostics.clone(),
                };
                up.execute(params![
                    ws,
                    conv.id,
                    conv.channel.as_str(),
                    conv.source,
                    a.language,
                    ts(conv
                        .started_at
                        .or_else(|| conv.turns.iter().find_map(|t| t.at))),
                    ts(conv
                        .ended_at
                        .or_else(|| conv.turns.iter().rev().find_map(|t| t.at))),
                    conv.agents.first().map(|a| a.id.as_str()),
                    conv.customer.as_ref().and_then(|c| c.id.as_deref()),
                    conv.customer.as_ref().and_then(|c| c.country.as_deref()),
                    conv.order.as_ref().and_then(|o| o.value),
                    conv.order.as_ref().and_then(|o| o.product_line.as_deref()),
                    conv.order.as_ref().and_then(|o| o.marketplace.as_deref()),
                    conv.turns.len() as i64,
                    a.risk as f64,
                    a.severity.map(Severity::as_str),
                    a.satisfaction.map(|s| s as f64),
                    a.scores.as_ref().map(serde_json::to_string).transpose()?,
                    enc.json,
                    serde_json::to_string(&rest)?,
                    enc.digest as i64,
                    now,
                ])?;
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
        }
        tx.commit()?;
        Ok(())
    }

    fn mark_top_percent(&mut self) -> Result<usize> {
        // Per workspace and calendar week of the conversation's start (its analysis time when it
        // has none): the conversations at or above the week's 99th percentile of risk, ties
        // included. A quiet week still has its riskiest conversations pointed out, and one bad
        // week does not hide the next.
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE conversations SET top1pct = 0 WHERE top1pct <> 0",
            [],
        )?;
        let marked = tx.execute(
            "WITH ranked AS (
                 SELECT workspace, risk,
                        strftime('%Y-%W', COALESCE(started_at, analyzed_at)) AS week,
                        ROW_NUMBER() OVER w AS rn,
                        COUNT(*) OVER (PARTITION BY workspace, strftime('%Y-%W', COALESCE(started_at, analyzed_at))) AS n
                 FROM conversations
                 WINDOW w AS (PARTITION BY workspace, strftime('%Y-%W', COALESCE(started_at, analyzed_at))
                              ORDER BY risk DESC)
             ),
             thresholds AS (
                 SELECT workspace, week, MIN(risk) AS t FROM ranked
                 WHERE rn <= (n + 99) / 100 GROUP BY workspace, week
             )
             UPDATE conversations SET top1pct = 1
             WHERE risk > 0 AND EXISTS (
                 SELECT 1 FROM thresholds h
                 WHERE h.workspace = conversations.workspace
                   AND h.week = strftime('%Y-%W', COALESCE(conversations.started_at, conversations.analyzed_at))
                   AND conversations.risk >= h.t
             )",
            [],
        )?;
        tx.commit()?;
        Ok(marked)
    }

    fn queue(&self, filter: &QueueFilter) -> Result<Vec<QueueEntry>> {
        let mut sql = String::from(
            "SELECT workspace, id, channel, language, risk, severity, top1pct, agent_id FROM conversations c WHERE 1=1",
        );
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
        args.push(Box::new(filter.limit.max(1) as i64));
        args.push(Box::new(filter.offset as i64));
        sql.push_str(&format!(
            " ORDER BY risk DESC, id LIMIT ?{} OFFSET ?{}",
            args.len() - 1,
            args.len()
        ));
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
        s.save_batch(&[(&c, &analysis("c1", 50.0, 2), &enc(&c, 1))])
            .unwrap();
        s.save_batch(&[(&c, &analysis("c1", 40.0, 1), &enc(&c, 2))])
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
        s.save_batch(&items).unwrap();
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
        s.save_batch(&items).unwrap();
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
