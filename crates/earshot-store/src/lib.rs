//! Where analysed conversations live. [`Store`] is shaped by what earshot does with its data
//! (save a batch of analyses, list the risk queue, count findings), not by SQL; the SQLite backend
//! here is the default, an embedded file that needs no server.
//!
//! Architecture invariant: this crate knows the model, never the engine or HTTP.

mod access;
mod postgres;
mod rollups;
pub(crate) mod sqlite;

pub use access::{
    AgentScorecard, CaseKind, DeliveryState, OutboxRecord, StoredFinding, TokenGrant, TokenRole,
    TrainingCase, User, Verdict,
};
pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;
mod insights;
pub use insights::{
    AgentStats, AgentSummary, Agreement, AssignError, Assignment, AssignmentItem, BANDS,
    Calibration, CalibrationRow, CauseRow, Causes, Comment, Count, Disagreement, Facets, Insights,
    Overview, Period, QueueQuery, ReviewRecord, Sample, SampleSpec, ScoreAdjustment, TeamSummary,
    TrendPoint, band, open_insights,
};

use earshot_model::{Analysis, Conversation, Finding, Severity};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error(
        "database holds schema version {found}, newer than this earshot knows ({known}); upgrade earshot"
    )]
    TooNew { found: i64, known: i64 },
    #[error("stored JSON is damaged: {0}")]
    Json(#[from] serde_json::Error),
    #[error("no randomness available for a new token: {0}")]
    Random(String),
    #[error("{0}")]
    Unsupported(String),
    /// A PostgreSQL error; `db` is the URL with its password hidden, and `message` never holds
    /// the password.
    #[error("database {db}: {message}")]
    Postgres { db: String, message: String },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// One row of the risk queue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueEntry {
    pub workspace: String,
    pub id: String,
    pub channel: String,
    pub language: String,
    pub risk: f32,
    pub severity: Option<Severity>,
    pub top1pct: bool,
    pub agent_id: Option<String>,
    /// The most severe findings, most severe first.
    pub top_findings: Vec<Finding>,
}

/// A customer's earlier conversations (see [`Store::prior_contacts`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PriorContacts {
    pub conversations: u32,
    /// Those with a finding of medium severity or more.
    pub complaints: u32,
    /// Those with a threat of medium severity or more.
    pub threats: u32,
    /// The highest risk among them.
    pub max_risk: f32,
}

/// Filters of the risk queue.
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    pub workspace: Option<String>,
    pub min_severity: Option<Severity>,
    pub code: Option<String>,
    pub agent: Option<String>,
    pub channel: Option<String>,
    pub language: Option<String>,
    /// RFC 3339 bounds on the conversation's start.
    pub from: Option<String>,
    pub to: Option<String>,
    pub top1pct_only: bool,
    pub limit: usize,
    pub offset: usize,
}

/// The storage earshot needs. Every method that reads workspace data takes the workspace: a
/// backend never answers across workspaces unless asked to (`QueueFilter::workspace = None`,
/// used by the CLI on a single-user database).
pub trait Store: Send {
    /// The digests of conversations already analysed, to skip unchanged input when a run is
    /// repeated or resumed.
    fn digests(&self) -> Result<std::collections::HashSet<u64>>;
    /// Saves conversations with their analyses in one transaction, replacing earlier analyses of
    /// the same workspace + id, together with the alert deliveries they caused (and their dedup
    /// keys): the findings and their alerts are committed together or not at all.
    fn save_batch(
        &mut self,
        items: &[(&Conversation, &Analysis, &Encoded)],
        outbox: &[OutboxRecord],
    ) -> Result<()>;
    /// Marks the conversations at or above the 99th percentile of risk in each workspace and
    /// calendar week. Returns how many are marked.
    fn mark_top_percent(&mut self) -> Result<usize>;
    fn queue(&self, filter: &QueueFilter) -> Result<Vec<QueueEntry>>;
    fn conversation(&self, workspace: &str, id: &str) -> Result<Option<(Conversation, Analysis)>>;
    fn count_conversations(&self) -> Result<u64>;
    /// A conversation's findings with their ids and latest reviews, most severe first.
    fn stored_findings(&self, workspace: &str, conversation_id: &str)
    -> Result<Vec<StoredFinding>>;
    /// Records a review. Returns false when the finding does not exist in this workspace.
    fn review(
        &mut self,
        workspace: &str,
        finding_id: i64,
        verdict: Verdict,
        comment: Option<&str>,
        reviewer: Option<&str>,
    ) -> Result<bool>;
    /// What the store knows of a customer's other conversations in a workspace that started in
    /// `[from, to)` (RFC 3339 in UTC), leaving out `exclude_id`: the risk of a customer who
    /// complains again weighs more.
    fn prior_contacts(
        &self,
        workspace: &str,
        customer_id: &str,
        exclude_id: &str,
        from: &str,
        to: &str,
    ) -> Result<PriorContacts>;
    /// An agent's scorecard in a workspace, or `None` when the agent has no conversations there.
    fn agent_scorecard(&self, workspace: &str, agent_id: &str) -> Result<Option<AgentScorecard>>;

    // Access: API tokens, people, sessions.

    /// Creates a token for a workspace and returns it; only its hash is stored, so this is the
    /// one time it can be shown.
    fn create_token(
        &mut self,
        workspace: &str,
        role: TokenRole,
        name: Option<&str>,
    ) -> Result<String>;
    /// The grant of a token, if it exists and is not revoked.
    fn token_grant(&self, token: &str) -> Result<Option<TokenGrant>>;
    /// Creates a person, or updates their password, and grants them `role` in `workspace`.
    /// `password_hash` is a PHC string made by the caller; the store never sees a password.
    fn upsert_user(
        &mut self,
        username: &str,
        password_hash: &str,
        workspace: &str,
        role: TokenRole,
    ) -> Result<()>;
    /// A person with their grants.
    fn user(&self, username: &str) -> Result<Option<User>>;
    /// Starts a session for a person, valid until `expires_at` (unix seconds); returns its id,
    /// of which only a hash is stored.
    fn create_session(&mut self, username: &str, expires_at: i64) -> Result<String>;
    /// The person a live session belongs to (`now` in unix seconds).
    fn session_user(&self, session_id: &str, now: i64) -> Result<Option<String>>;
    fn delete_session(&mut self, session_id: &str) -> Result<()>;

    // Training cases.

    /// Marks a conversation as a good or bad training case (replacing an earlier mark).
    /// Returns false when the conversation does not exist in this workspace.
    fn mark_training_case(&mut self, case: &TrainingCase) -> Result<bool>;
    /// The training cases of a workspace, or of all workspaces with `None`.
    fn training_cases(&self, workspace: Option<&str>) -> Result<Vec<TrainingCase>>;

    // The alert outbox.

    /// The `(channel, dedup key)` pairs planned for a conversation at or after `since_ms`.
    fn recent_alert_keys(
        &self,
        workspace: &str,
        conversation_id: &str,
        since_ms: i64,
    ) -> Result<std::collections::HashSet<(String, String)>>;
    /// Pending deliveries due at `now_ms`, soonest first.
    fn due_deliveries(&self, now_ms: i64, limit: usize) -> Result<Vec<OutboxRecord>>;
    /// When the next pending delivery is due, if any.
    fn next_delivery_at(&self) -> Result<Option<i64>>;
    /// Stores the new state of a delivery after an attempt.
    fn update_delivery(&mut self, record: &OutboxRecord) -> Result<()>;
    /// How many deliveries are pending, delivered and failed.
    fn outbox_counts(&self) -> Result<[u64; 3]>;
}

/// A `--db` value fit to print: a URL's password is replaced by `***`.
pub fn display_db(db: &str) -> String {
    let Some((scheme, rest)) = db.split_once("://") else {
        return db.to_string();
    };
    let (auth, host) = match rest.rfind('@') {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => return db.to_string(),
    };
    match auth.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => db.to_string(),
    }
}

/// Opens the store a `--db` value names: a `postgres://` or `postgresql://` URL, or else the
/// path of a SQLite file (created when missing).
pub fn open(db: &str) -> Result<Box<dyn Store>> {
    if db.starts_with("postgres://") || db.starts_with("postgresql://") {
        return Ok(Box::new(PostgresStore::open(db)?));
    }
    Ok(Box::new(SqliteStore::open(db)?))
}

/// A conversation as it is stored: its native JSON, and the digest of that JSON that tells an
/// unchanged conversation on a later run. Made once per conversation and used for both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    pub json: String,
    pub digest: u64,
}

/// Serialises a conversation and digests it with `seed` (the engine version, so that a new
/// engine analyses everything again).
pub fn encode(conv: &Conversation, seed: &str) -> Result<Encoded> {
    let json = serde_json::to_string(conv)?;
    let digest = digest(json.as_bytes(), seed);
    Ok(Encoded { json, digest })
}

/// FNV-1a, 64 bits: a digest that stays the same across platforms and releases.
pub fn digest(bytes: &[u8], seed: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in seed.as_bytes().iter().chain(bytes) {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    // SQLite integers are signed: keep the digest within i64 so it round-trips unchanged.
    h >> 1
}
