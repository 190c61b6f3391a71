//! Where analysed conversations live. [`Store`] is shaped by what earshot does with its data
//! (save a batch of analyses, list the risk queue, count findings), not by SQL; the SQLite backend
//! here is the default, an embedded file that needs no server.
//!
//! Architecture invariant: this crate knows the model, never the engine or HTTP.

mod access;
pub(crate) mod sqlite;

pub use access::{AgentScorecard, StoredFinding, TokenGrant, TokenRole, Verdict};
pub use sqlite::SqliteStore;

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

/// The storage earshot needs.
pub trait Store {
    /// The digests of conversations already analysed, to skip unchanged input when a run is
    /// repeated or resumed.
    fn digests(&self) -> Result<std::collections::HashSet<u64>>;
    /// Saves conversations with their analyses in one transaction, replacing earlier analyses of
    /// the same workspace + id.
    fn save_batch(&mut self, items: &[(&Conversation, &Analysis, &Encoded)]) -> Result<()>;
    /// Marks the conversations at or above the 99th percentile of risk in each workspace and
    /// calendar week. Returns how many are marked.
    fn mark_top_percent(&mut self) -> Result<usize>;
    fn queue(&self, filter: &QueueFilter) -> Result<Vec<QueueEntry>>;
    fn conversation(&self, workspace: &str, id: &str) -> Result<Option<(Conversation, Analysis)>>;
    fn count_conversations(&self) -> Result<u64>;
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
