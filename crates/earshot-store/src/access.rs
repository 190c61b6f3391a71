//! Workspaces, tokens and reviews: who may see what, and what people said about findings.

use earshot_model::{Dimension, Finding};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

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

/// A person who logs in to the dashboard, with the workspaces they may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub username: String,
    /// An argon2 PHC string.
    pub password_hash: String,
    /// Sorted by workspace.
    pub grants: Vec<TokenGrant>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaseKind {
    /// Handled well: to be copied.
    Good,
    /// Handled badly: to learn from.
    Bad,
}

impl CaseKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CaseKind::Good => "good",
            CaseKind::Bad => "bad",
        }
    }

    pub fn parse(s: &str) -> Option<CaseKind> {
        match s {
            "good" => Some(CaseKind::Good),
            "bad" => Some(CaseKind::Bad),
            _ => None,
        }
    }
}

/// A conversation marked as a training case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrainingCase {
    pub workspace: String,
    pub conversation_id: String,
    pub kind: CaseKind,
    pub note: Option<String>,
    pub marked_by: Option<String>,
    /// RFC 3339; set by the store when empty.
    pub marked_at: String,
}

/// Where a delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeliveryState {
    Pending,
    Delivered,
    /// Given up: a permanent error, or out of attempts.
    Failed,
}

impl DeliveryState {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Pending => "pending",
            DeliveryState::Delivered => "delivered",
            DeliveryState::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<DeliveryState> {
        match s {
            "pending" => Some(DeliveryState::Pending),
            "delivered" => Some(DeliveryState::Delivered),
            "failed" => Some(DeliveryState::Failed),
            _ => None,
        }
    }
}

/// One alert delivery as the outbox keeps it. The store schedules it by `next_attempt_at` and
/// `state`; `body` (the notifier's planned delivery, JSON) is opaque to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxRecord {
    pub id: String,
    pub workspace: String,
    pub conversation_id: String,
    pub channel: String,
    /// The `workspace:conversation:code` keys it carries, one alert per key and window.
    pub dedup_keys: Vec<String>,
    pub body: String,
    pub attempts: u32,
    /// Unix milliseconds.
    pub next_attempt_at: i64,
    pub state: DeliveryState,
    pub last_error: Option<String>,
    /// Unix milliseconds.
    pub created_at: i64,
}

/// A new random secret with a prefix: 24 random bytes in hex.
pub(crate) fn random_secret(prefix: &str) -> crate::Result<String> {
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes).map_err(|e| crate::StoreError::Random(e.to_string()))?;
    Ok(format!("{prefix}{}", hex::encode(bytes)))
}

pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SqliteStore, Store};
    use earshot_model::{Analysis, Code, Conversation, Finding, Role, Span, Turn};

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
        s.save_batch(&[(&c, &a, &e)], &[]).unwrap();
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
