//! Aggregates for the dashboard: volume and risk over time, what earshot finds most, where,
//! how reviewers judge it (calibration), and per-agent summaries. Read-only.
//!
//! These are a trait of their own, not part of [`Store`](crate::Store): the dashboard holds a
//! `Box<dyn Insights>` beside its `Box<dyn Store>` (for SQLite, a second connection to the same
//! file; [`open_insights`] opens it from a `--db` value), so the storage trait every backend
//! must implement stays as it is, and a backend can add its aggregates when it is ready.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::{CaseKind, Result, SqliteStore, StoreError, TrainingCase, Verdict};

/// How the risk trend is bucketed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Day,
    /// Weeks starting on Monday, labelled by their Monday.
    Week,
}

/// One bucket of the risk trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    /// `YYYY-MM-DD`: the day, or the Monday of the week.
    pub period: String,
    pub conversations: u64,
    pub mean_risk: f32,
    /// Conversations whose highest finding is high or critical.
    pub high: u64,
    /// Mean overall QA score, where scored.
    pub mean_overall: Option<f32>,
}

/// Conversations counted by one key (a finding code, a language, a channel, a marketplace).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Count {
    pub key: String,
    pub conversations: u64,
    pub mean_risk: f32,
}

/// The workspace at a glance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    pub conversations: u64,
    /// Conversations with a finding of medium severity or above.
    pub flagged: u64,
    /// Conversations with a high or critical finding.
    pub high: u64,
    pub top1pct: u64,
    pub mean_risk: f32,
    /// Oldest first; at most the last 120 buckets.
    pub trend: Vec<TrendPoint>,
    /// Finding codes above info, by the number of conversations they occur in.
    pub top_codes: Vec<Count>,
    pub by_language: Vec<Count>,
    pub by_channel: Vec<Count>,
    pub by_marketplace: Vec<Count>,
}

/// Reviewers' verdicts on one group of findings.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CalibrationRow {
    /// A finding code or a language.
    pub key: String,
    /// Findings earshot reported.
    pub findings: u64,
    /// Of those, reviewed (by their latest review).
    pub reviewed: u64,
    pub confirmed: u64,
    pub rejected: u64,
}

impl CalibrationRow {
    /// Confirmed over reviewed: how often earshot was right when someone looked.
    pub fn precision(&self) -> Option<f32> {
        let n = self.confirmed + self.rejected;
        (n > 0).then(|| self.confirmed as f32 / n as f32)
    }
}

/// A review as the dashboard lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewRecord {
    pub finding_id: i64,
    pub conversation_id: String,
    pub code: String,
    pub evidence: String,
    pub verdict: Verdict,
    pub comment: Option<String>,
    pub reviewer: Option<String>,
    /// RFC 3339.
    pub created_at: String,
}

/// Agreement between earshot and its reviewers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calibration {
    /// Every code earshot reported, most reviewed first.
    pub by_code: Vec<CalibrationRow>,
    /// The same by the conversation's language (reviewed findings only count there).
    pub by_language: Vec<CalibrationRow>,
    /// The latest rejections: where earshot and reviewers disagree.
    pub recent_rejections: Vec<ReviewRecord>,
}

/// One agent in the team list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgentSummary {
    pub agent_id: String,
    pub conversations: u64,
    pub mean_risk: f32,
    pub high: u64,
    pub top1pct: u64,
    pub mean_overall: Option<f32>,
}

/// The values the queue's filters can take in a workspace.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facets {
    pub codes: Vec<String>,
    pub agents: Vec<String>,
    pub channels: Vec<String>,
    pub languages: Vec<String>,
}

/// The dashboard's read-only aggregates. Every method is scoped to one workspace.
pub trait Insights: Send {
    fn overview(&self, workspace: &str, period: Period) -> Result<Overview>;
    fn calibration(&self, workspace: &str) -> Result<Calibration>;
    /// Agents by mean risk, riskiest first.
    fn agents(&self, workspace: &str, limit: usize) -> Result<Vec<AgentSummary>>;
    /// An agent's conversations by week, oldest first.
    fn agent_trend(&self, workspace: &str, agent_id: &str) -> Result<Vec<TrendPoint>>;
    fn facets(&self, workspace: &str) -> Result<Facets>;
    /// Every review of a conversation's current findings, oldest first.
    fn finding_reviews(&self, workspace: &str, conversation_id: &str) -> Result<Vec<ReviewRecord>>;
    fn training_case(&self, workspace: &str, conversation_id: &str)
    -> Result<Option<TrainingCase>>;
}

/// Opens the aggregates for a `--db` value (see [`crate::open`]).
pub fn open_insights(db: &str) -> Result<Box<dyn Insights>> {
    if db.starts_with("postgres://") || db.starts_with("postgresql://") {
        return Err(StoreError::Unsupported(
            "the dashboard's aggregates are not yet available on PostgreSQL".into(),
        ));
    }
    Ok(Box::new(SqliteStore::open(db)?))
}

/// The day or Monday a conversation falls in.
fn bucket(period: Period) -> &'static str {
    match period {
        Period::Day => "substr(COALESCE(started_at, analyzed_at), 1, 10)",
        Period::Week => "date(COALESCE(started_at, analyzed_at), 'weekday 0', '-6 days')",
    }
}

fn verdict(s: &str) -> Verdict {
    if s == "confirm" {
        Verdict::Confirm
    } else {
        Verdict::Reject
    }
}

fn round1(x: f64) -> f32 {
    ((x * 10.0).round() / 10.0) as f32
}

impl SqliteStore {
    fn counts(&self, sql: &str, workspace: &str) -> Result<Vec<Count>> {
        let mut stmt = self.connection().prepare_cached(sql)?;
        let rows = stmt.query_map(params![workspace], |r| {
            Ok(Count {
                key: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                conversations: r.get::<_, i64>(1)? as u64,
                mean_risk: round1(r.get::<_, Option<f64>>(2)?.unwrap_or(0.0)),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn trend(
        &self,
        workspace: &str,
        agent: Option<&str>,
        period: Period,
    ) -> Result<Vec<TrendPoint>> {
        let sql = format!(
            "SELECT {b} AS p, COUNT(*), AVG(risk), SUM(severity IN ('high', 'critical')),
                    AVG(json_extract(scores, '$.overall'))
             FROM conversations WHERE workspace = ?1 AND (?2 IS NULL OR agent_id = ?2)
             GROUP BY p ORDER BY p DESC LIMIT 120",
            b = bucket(period)
        );
        let mut stmt = self.connection().prepare_cached(&sql)?;
        let rows = stmt.query_map(params![workspace, agent], |r| {
            Ok(TrendPoint {
                period: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                conversations: r.get::<_, i64>(1)? as u64,
                mean_risk: round1(r.get::<_, Option<f64>>(2)?.unwrap_or(0.0)),
                high: r.get::<_, Option<i64>>(3)?.unwrap_or(0) as u64,
                mean_overall: r.get::<_, Option<f64>>(4)?.map(round1),
            })
        })?;
        let mut out: Vec<TrendPoint> = rows.collect::<rusqlite::Result<_>>()?;
        out.reverse();
        Ok(out)
    }

    fn strings(&self, sql: &str, workspace: &str) -> Result<Vec<String>> {
        let mut stmt = self.connection().prepare_cached(sql)?;
        let rows = stmt.query_map(params![workspace], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Insights for SqliteStore {
    fn overview(&self, workspace: &str, period: Period) -> Result<Overview> {
        let (conversations, flagged, high, top1pct, mean_risk) = self.connection().query_row(
            "SELECT COUNT(*), SUM(severity IN ('medium', 'high', 'critical')),
                    SUM(severity IN ('high', 'critical')), SUM(top1pct), AVG(risk)
             FROM conversations WHERE workspace = ?1",
            params![workspace],
            |r| {
                Ok((
                    r.get::<_, i64>(0)? as u64,
                    r.get::<_, Option<i64>>(1)?.unwrap_or(0) as u64,
                    r.get::<_, Option<i64>>(2)?.unwrap_or(0) as u64,
                    r.get::<_, Option<i64>>(3)?.unwrap_or(0) as u64,
                    round1(r.get::<_, Option<f64>>(4)?.unwrap_or(0.0)),
                ))
            },
        )?;
        let by = |column: &str| {
            self.counts(
                &format!(
                    "SELECT {column}, COUNT(*) AS n, AVG(risk) FROM conversations
                     WHERE workspace = ?1 AND {column} IS NOT NULL
                     GROUP BY {column} ORDER BY n DESC, {column} LIMIT 12"
                ),
                workspace,
            )
        };
        Ok(Overview {
            conversations,
            flagged,
            high,
            top1pct,
            mean_risk,
            trend: self.trend(workspace, None, period)?,
            top_codes: self.counts(
                "SELECT f.code, COUNT(DISTINCT f.conversation_id) AS n, AVG(c.risk)
                 FROM findings f JOIN conversations c ON c.workspace = f.workspace AND c.id = f.conversation_id
                 WHERE f.workspace = ?1 AND f.severity_rank > 0
                 GROUP BY f.code ORDER BY n DESC, f.code LIMIT 12",
                workspace,
            )?,
            by_language: by("language")?,
            by_channel: by("channel")?,
            by_marketplace: by("marketplace")?,
        })
    }

    fn calibration(&self, workspace: &str) -> Result<Calibration> {
        let mut by_code: BTreeMap<String, CalibrationRow> = BTreeMap::new();
        {
            let mut stmt = self.connection().prepare_cached(
                "SELECT code, COUNT(*) FROM findings WHERE workspace = ?1 GROUP BY code",
            )?;
            let rows = stmt.query_map(params![workspace], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
            })?;
            for row in rows {
                let (code, n) = row?;
                by_code.insert(
                    code.clone(),
                    CalibrationRow {
                        key: code,
                        findings: n,
                        ..Default::default()
                    },
                );
            }
        }
        let mut by_language: BTreeMap<String, CalibrationRow> = BTreeMap::new();
        {
            // The latest review of each finding that still exists (a new analysis replaces
            // findings, and the reviews of the old ones no longer count).
            let mut stmt = self.connection().prepare_cached(
                "SELECT f.code, c.language, r.verdict FROM reviews r
                 JOIN findings f ON f.workspace = r.workspace AND f.id = r.finding_id
                 JOIN conversations c ON c.workspace = f.workspace AND c.id = f.conversation_id
                 WHERE r.workspace = ?1 AND r.id = (SELECT MAX(r2.id) FROM reviews r2
                     WHERE r2.workspace = r.workspace AND r2.finding_id = r.finding_id)",
            )?;
            let rows = stmt.query_map(params![workspace], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                let (code, language, v) = row?;
                let confirm = verdict(&v) == Verdict::Confirm;
                let code_row = by_code
                    .entry(code.clone())
                    .or_insert_with(|| CalibrationRow {
                        key: code,
                        ..Default::default()
                    });
                let lang_row =
                    by_language
                        .entry(language.clone())
                        .or_insert_with(|| CalibrationRow {
                            key: language,
                            ..Default::default()
                        });
                lang_row.findings += 1;
                for row in [code_row, lang_row] {
                    row.reviewed += 1;
                    if confirm {
                        row.confirmed += 1;
                    } else {
                        row.rejected += 1;
                    }
                }
            }
        }
        let mut by_code: Vec<CalibrationRow> = by_code.into_values().collect();
        by_code.sort_by(|a, b| {
            b.reviewed
                .cmp(&a.reviewed)
                .then(b.findings.cmp(&a.findings))
                .then(a.key.cmp(&b.key))
        });
        let mut by_language: Vec<CalibrationRow> = by_language.into_values().collect();
        by_language.sort_by(|a, b| b.reviewed.cmp(&a.reviewed).then(a.key.cmp(&b.key)));
        let mut stmt = self.connection().prepare_cached(
            "SELECT r.finding_id, f.conversation_id, f.code, f.evidence, r.verdict, r.comment,
                    r.reviewer, r.created_at
             FROM reviews r JOIN findings f ON f.workspace = r.workspace AND f.id = r.finding_id
             WHERE r.workspace = ?1 AND r.verdict = 'reject' ORDER BY r.id DESC LIMIT 20",
        )?;
        let recent_rejections = stmt
            .query_map(params![workspace], review_record)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Calibration {
            by_code,
            by_language,
            recent_rejections,
        })
    }

    fn agents(&self, workspace: &str, limit: usize) -> Result<Vec<AgentSummary>> {
        let mut stmt = self.connection().prepare_cached(
            "SELECT agent_id, COUNT(*), AVG(risk), SUM(severity IN ('high', 'critical')),
                    SUM(top1pct), AVG(json_extract(scores, '$.overall')) AS overall
             FROM conversations WHERE workspace = ?1 AND agent_id IS NOT NULL
             GROUP BY agent_id ORDER BY AVG(risk) DESC, agent_id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![workspace, limit as i64], |r| {
            Ok(AgentSummary {
                agent_id: r.get(0)?,
                conversations: r.get::<_, i64>(1)? as u64,
                mean_risk: round1(r.get::<_, Option<f64>>(2)?.unwrap_or(0.0)),
                high: r.get::<_, Option<i64>>(3)?.unwrap_or(0) as u64,
                top1pct: r.get::<_, Option<i64>>(4)?.unwrap_or(0) as u64,
                mean_overall: r.get::<_, Option<f64>>(5)?.map(round1),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn agent_trend(&self, workspace: &str, agent_id: &str) -> Result<Vec<TrendPoint>> {
        self.trend(workspace, Some(agent_id), Period::Week)
    }

    fn facets(&self, workspace: &str) -> Result<Facets> {
        Ok(Facets {
            codes: self.strings(
                "SELECT DISTINCT code FROM findings WHERE workspace = ?1 AND severity_rank > 0 ORDER BY code",
                workspace,
            )?,
            agents: self.strings(
                "SELECT DISTINCT agent_id FROM conversations WHERE workspace = ?1 AND agent_id IS NOT NULL ORDER BY agent_id",
                workspace,
            )?,
            channels: self.strings(
                "SELECT DISTINCT channel FROM conversations WHERE workspace = ?1 ORDER BY channel",
                workspace,
            )?,
            languages: self.strings(
                "SELECT DISTINCT language FROM conversations WHERE workspace = ?1 ORDER BY language",
                workspace,
            )?,
        })
    }

    fn finding_reviews(&self, workspace: &str, conversation_id: &str) -> Result<Vec<ReviewRecord>> {
        let mut stmt = self.connection().prepare_cached(
            "SELECT r.finding_id, f.conversation_id, f.code, f.evidence, r.verdict, r.comment,
                    r.reviewer, r.created_at
             FROM reviews r JOIN findings f ON f.workspace = r.workspace AND f.id = r.finding_id
             WHERE r.workspace = ?1 AND f.conversation_id = ?2 ORDER BY r.id",
        )?;
        let rows = stmt.query_map(params![workspace, conversation_id], review_record)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn training_case(
        &self,
        workspace: &str,
        conversation_id: &str,
    ) -> Result<Option<TrainingCase>> {
        Ok(self
            .connection()
            .query_row(
                "SELECT kind, note, marked_by, marked_at FROM training_cases
                 WHERE workspace = ?1 AND conversation_id = ?2",
                params![workspace, conversation_id],
                |r| {
                    Ok(TrainingCase {
                        workspace: workspace.to_string(),
                        conversation_id: conversation_id.to_string(),
                        kind: CaseKind::parse(&r.get::<_, String>(0)?).unwrap_or(CaseKind::Bad),
                        note: r.get(1)?,
                        marked_by: r.get(2)?,
                        marked_at: r.get(3)?,
                    })
                },
            )
            .optional()?)
    }
}

fn review_record(r: &rusqlite::Row<'_>) -> rusqlite::Result<ReviewRecord> {
    Ok(ReviewRecord {
        finding_id: r.get(0)?,
        conversation_id: r.get(1)?,
        code: r.get(2)?,
        evidence: r.get(3)?,
        verdict: verdict(&r.get::<_, String>(4)?),
        comment: r.get(5)?,
        reviewer: r.get(6)?,
        created_at: r.get(7)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;
    use earshot_model::{Analysis, Code, Conversation, Finding, Role, Severity, Span, Turn};

    fn save(s: &mut SqliteStore, ws: &str, id: &str, lang: &str, day: &str, risk: f32) {
        let mut c = Conversation::new(id, vec![Turn::new(Role::Customer, "you idiot")]);
        c.workspace = Some(ws.into());
        c.started_at = Some(format!("{day}T10:00:00Z").parse().unwrap());
        c.agents = vec![earshot_model::Agent {
            id: "a1".into(),
            ..Default::default()
        }];
        let f = Finding::new(Code::ABUSE_INSULT, "insult").at(
            0,
            Role::Customer,
            "you idiot",
            Span::new(4, 9),
        );
        let a = Analysis {
            id: id.into(),
            workspace: ws.into(),
            language: lang.into(),
            risk,
            severity: Some(Severity::High),
            satisfaction: None,
            scores: None,
            findings: vec![f],
            turns: vec![],
            risk_explanation: vec![],
            diagnostics: vec![],
        };
        let e = crate::encode(&c, "t").unwrap();
        s.save_batch(&[(&c, &a, &e)], &[]).unwrap();
    }

    #[test]
    fn overview_counts_and_trends_per_workspace() {
        let mut s = SqliteStore::in_memory().unwrap();
        save(&mut s, "acme", "c1", "en", "2026-09-07", 40.0);
        save(&mut s, "acme", "c2", "de", "2026-09-08", 60.0);
        save(&mut s, "acme", "c3", "de", "2026-09-15", 20.0);
        save(&mut s, "other", "c9", "en", "2026-09-07", 90.0);
        let o = s.overview("acme", Period::Day).unwrap();
        assert_eq!((o.conversations, o.high, o.mean_risk), (3, 3, 40.0));
        assert_eq!(o.trend.len(), 3);
        assert_eq!(o.trend[0].period, "2026-09-07");
        let w = s.overview("acme", Period::Week).unwrap();
        let weeks: Vec<(&str, u64)> = w
            .trend
            .iter()
            .map(|t| (t.period.as_str(), t.conversations))
            .collect();
        assert_eq!(weeks, [("2026-09-07", 2), ("2026-09-14", 1)]);
        assert_eq!(o.by_language[0].key, "de");
        assert_eq!(o.top_codes[0].key, "abuse.insult");
        assert_eq!(o.top_codes[0].conversations, 3);
        assert_eq!(s.agents("acme", 10).unwrap()[0].conversations, 3);
        assert_eq!(s.agent_trend("acme", "a1").unwrap().len(), 2);
        assert_eq!(s.facets("acme").unwrap().languages, ["de", "en"]);
    }

    #[test]
    fn calibration_follows_the_latest_review() {
        let mut s = SqliteStore::in_memory().unwrap();
        save(&mut s, "acme", "c1", "en", "2026-09-07", 40.0);
        save(&mut s, "acme", "c2", "de", "2026-09-08", 60.0);
        let f1 = s.stored_findings("acme", "c1").unwrap()[0].id;
        let f2 = s.stored_findings("acme", "c2").unwrap()[0].id;
        let row = |s: &SqliteStore| s.calibration("acme").unwrap().by_code[0].clone();
        assert_eq!((row(&s).findings, row(&s).reviewed), (2, 0));
        assert_eq!(row(&s).precision(), None);
        s.review("acme", f1, Verdict::Confirm, None, Some("qa"))
            .unwrap();
        s.review("acme", f2, Verdict::Confirm, None, Some("qa"))
            .unwrap();
        assert_eq!(row(&s).precision(), Some(1.0));
        s.review("acme", f2, Verdict::Reject, Some("quoted"), Some("qa"))
            .unwrap();
        let c = s.calibration("acme").unwrap();
        assert_eq!(
            (
                c.by_code[0].reviewed,
                c.by_code[0].confirmed,
                c.by_code[0].rejected
            ),
            (2, 1, 1)
        );
        assert_eq!(c.by_code[0].precision(), Some(0.5));
        assert_eq!(c.by_language.len(), 2);
        assert_eq!(c.recent_rejections[0].comment.as_deref(), Some("quoted"));
        assert!(s.calibration("other").unwrap().by_code.is_empty());
        assert_eq!(s.finding_reviews("acme", "c2").unwrap().len(), 2);
        assert!(s.finding_reviews("other", "c2").unwrap().is_empty());
    }
}
