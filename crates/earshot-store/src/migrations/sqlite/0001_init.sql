-- Conversations with their latest analysis. One row per workspace + id: analysing a
-- conversation again replaces its row and its findings.
CREATE TABLE conversations (
    workspace     TEXT NOT NULL,
    id            TEXT NOT NULL,
    channel       TEXT NOT NULL,
    source        TEXT,
    language      TEXT NOT NULL,
    started_at    TEXT,
    ended_at      TEXT,
    agent_id      TEXT,
    customer_id   TEXT,
    country       TEXT,
    order_value   REAL,
    product_line  TEXT,
    marketplace   TEXT,
    turn_count    INTEGER NOT NULL,
    risk          REAL NOT NULL,
    severity      TEXT,
    satisfaction  REAL,
    top1pct       INTEGER NOT NULL DEFAULT 0,
    scores        TEXT,
    -- The conversation as received (native JSON) and the rest of its analysis (per-turn
    -- signals, risk explanation, diagnostics) as JSON.
    data          TEXT NOT NULL,
    analysis      TEXT NOT NULL,
    -- FNV-1a of the conversation's JSON and the engine version: unchanged input is skipped.
    digest        INTEGER NOT NULL,
    analyzed_at   TEXT NOT NULL,
    PRIMARY KEY (workspace, id)
);
CREATE INDEX conversations_risk ON conversations (workspace, risk DESC);
CREATE INDEX conversations_agent ON conversations (workspace, agent_id, started_at);
CREATE INDEX conversations_started ON conversations (workspace, started_at);

CREATE TABLE findings (
    id              INTEGER PRIMARY KEY,
    workspace       TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    code            TEXT NOT NULL,
    severity        TEXT NOT NULL,
    severity_rank   INTEGER NOT NULL,
    confidence      REAL NOT NULL,
    turn            INTEGER,
    span_start      INTEGER,
    span_end        INTEGER,
    role            TEXT,
    evidence        TEXT NOT NULL,
    explanation     TEXT NOT NULL,
    source          TEXT
);
CREATE INDEX findings_conversation ON findings (workspace, conversation_id);
CREATE INDEX findings_code ON findings (workspace, code, severity_rank);
