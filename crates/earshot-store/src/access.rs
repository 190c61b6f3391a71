//! Workspaces, tokens and reviews: who may see what, and what people said about findings.

use earshot_model::{Dimension, Finding, Scores};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::sqlite::row_to_finding;
use crate::{Result, SqliteStore, StoreError};

/// What a token may do. Ordered by power: each role can do what the ones before it can.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenRole {
    /// Posts conversations, reads nothing.
    Ingest,
    /// Reads conversations, findings and scorecards.
    Viewer,
    /// Reads, and reviews findings.
    Reviewer,
    /// Everything in the workspace.
    Admin,
}

impl TokenRole {
    pub fn parse(s: &str) -> Option<TokenRole> {
        match s {
            "ingest" => Some(TokenRole::Ingest),
            "viewer" => Some(TokenRole::Viewer),
            "reviewer" => Some(TokenRole::Reviewer),
            "admin" => Some(TokenRole::Admin),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TokenRole::Ingest => "ingest",
            TokenRole::Viewer => "viewer",
            TokenRole::Reviewer => "reviewer",
            TokenRole::Admin => "admin",
        }
    }

    /// Whether this role may read workspace data (ingest tokens may not).
    pub fn can_read(self) -> bool {
        self >= TokenRole::Viewer
    }
}

/// Whom a valid token speaks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenGrant {
    pub workspace: String,
    pub role: TokenRole,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Confirm,
    Reject,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Confirm => "confirm",
            Verdict::Reject => "reject",
        }
    }
}

/// A stored finding with its id and latest review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredFinding {
    pub id: i64,
    #[serde(flatten)]
    pub finding: Finding,
    pub review: Option<Verdict>,
}

/// An agent's scores over their conversations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgentScorecard {
    pub agent_id: String,
    pub conversations: u64,
    /// Mean of each dimension over the conversations where it applies.
    pub dimensions: Vec<(Dimension, Option<f32>)>,
    pub overall: Option<f32>,
    pub auto_fails: u64,
    /// The agent's most frequent finding codes with counts.
    pub top_codes: Vec<(String, u64)>,
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

impl SqliteStore {
    /// Creates a token for a workspace and returns it; only its hash is stored, so this is the
    /// one time it can be shown.
    pub fn create_token(
        &mut self,
        workspace: &str,
        role: TokenRole,
        name: Option<&str>,
    ) -> Result<String> {
        let mut bytes = [0u8; 24];
        getrandom::fill(&mut bytes).map_err(|e| StoreError::Random(e.to_string()))?;
        let token = format!("es_{}", hex::encode(bytes));
        self.connection().execute(
            "INSERT INTO tokens (hash, workspace, role, name, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![token_hash(&token), workspace, role.as_str(), name, jiff::Timestamp::now().to_string()],
        )?;
        Ok(token)
    }

    /// The grant of a token, if it exists and is not revoked.
    pub fn token_grant(&self, token: &str) -> Result<Option<TokenGrant>> {
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
    pub fn stored_findings(
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
    pub fn review(
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

    /// An agent's scorecard in a workspace, or `None` when the agent has no conversations there.
    pub fn agent_scorecard(
        &self,
        workspace: &str,
        agent_id: &str,
    ) -> Result<Option<AgentScorecard>> {
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
            "SELECT f.code, COUNT(*) AS n FROM findings f JOIN conversations c
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;
    use earshot_model::{Analysis, Code, Conversation, Role, Span, Turn};

    #[test]
    fn tokens_are_hashed_scoped_and_checked() {
        let mut s = SqliteStore::in_memory().unwrap();
        let t = s
            .create_token("acme", TokenRole::Viewer, Some("ci"))
            .unwrap();
        assert!(t.starts_with("es_") && t.len() > 40);
        let stored: String = s
            .connection()
            .query_row("SELECT hash FROM tokens", [], |r| r.get(0))
            .unwrap();
        assert_ne!(stored, t, "the token itself is never stored");
        assert_eq!(
            s.token_grant(&t).unwrap(),
            Some(TokenGrant {
                workspace: "acme".into(),
                role: TokenRole::Viewer
            })
        );
        assert_eq!(s.token_grant("es_wrong").unwrap(), None);
        assert!(TokenRole::Admin > TokenRole::Reviewer && !TokenRole::Ingest.can_read());
    }

    #[test]
    fn reviews_stay_in_their_workspace() {
        let mut s = SqliteStore::in_memory().unwrap();
        let mut c = Conversation::new("c1", vec![Turn::new(Role::Customer, "you idiot")]);
        c.workspace = Some("acme".into());
        let f = Finding::new(Code::ABUSE_INSULT, "insult").at(
            0,
            Role::Customer,
            "you idiot",
            Span::new(4, 9),
        );
        let a = Analysis {
            id: "c1".into(),
            workspace: "acme".into(),
            language: "en".into(),
            risk: 40.0,
            severity: Some(earshot_model::Severity::High),
            satisfaction: None,
            scores: None,
            findings: vec![f],
            turns: vec![],
            risk_explanation: vec![],
            diagnostics: vec![],
        };
        let e = crate::sqlite::tests::enc(&c, 1);
        s.save_batch(&[(&c, &a, &e)]).unwrap();
        let found = s.stored_findings("acme", "c1").unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].review, None);
        assert!(
            !s.review("other", found[0].id, Verdict::Reject, None, None)
                .unwrap()
        );
        assert!(
            s.review(
                "acme",
                found[0].id,
                Verdict::Reject,
                Some("quoted"),
                Some("qa")
            )
            .unwrap()
        );
        assert_eq!(
            s.stored_findings("acme", "c1").unwrap()[0].review,
            Some(Verdict::Reject)
        );
        assert!(s.stored_findings("other", "c1").unwrap().is_empty());
    }
}
