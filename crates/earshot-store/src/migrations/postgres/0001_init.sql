-- Conversations with their latest analysis. One row per workspace + id: analysing a
-- conversation again replaces its row and its findings.
--
-- Keys and the columns the queue filters and orders by use the "C" collation: byte order, so
-- ordering and the RFC 3339 `from`/`to` bounds behave as in the SQLite backend whatever the
-- database's locale.
CREATE TABLE conversations (
    workspace     TEXT COLLATE "C" NOT NULL,
    id            TEXT COLLATE "C" NOT NULL,
    channel       TEXT COLLATE "C" NOT NULL,
    source        TEXT,
    language      TEXT COLLATE "C" NOT NULL,
    -- RFC 3339 in UTC as earshot writes it (`2026-10-05T10:00:00Z`), compared as text.
    started_at    TEXT COLLATE "C",
    ended_at      TEXT COLLATE "C",
    agent_id      TEXT COLLATE "C",
    customer_id   TEXT,
    country       TEXT,
    order_value   DOUBLE PRECISION,
    product_line  TEXT,
    marketplace   TEXT,
    turn_count    BIGINT NOT NULL,
    risk          DOUBLE PRECISION NOT NULL,
    severity      TEXT,
    satisfaction  DOUBLE PRECISION,
    top1pct       BOOLEAN NOT NULL DEFAULT FALSE,
    -- The calendar week (`YYYY-WW`, weeks starting on Monday) of the start, or of the analysis
    -- when the conversation has no start: the top 1% is marked per workspace and week.
    week          TEXT COLLATE "C" NOT NULL,
    scores        TEXT,
    -- The conversation as received (native JSON) and the rest of its analysis (per-turn
    -- signals, risk explanation, diagnostics) as JSON.
    data          TEXT NOT NULL,
    analysis      TEXT NOT NULL,
    -- FNV-1a of the conversation's JSON and the engine version: unchanged input is skipped.
    digest        BIGINT NOT NULL,
    analyzed_at   TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (workspace, id)
);
-- The risk queue: riskiest first within a workspace, read in index order up to the page.
CREATE INDEX conversations_risk ON conversations (workspace, risk DESC, id);
-- The queue of one agent, and agent scorecards.
CREATE INDEX conversations_agent ON conversations (workspace, agent_id, risk DESC, id);
-- `from` / `to` bounds.
CREATE INDEX conversations_started ON conversations (workspace, started_at);
-- `top=1pct`: a small partial index, the marked conversations only.
CREATE INDEX conversations_top ON conversations (workspace, risk DESC, id) WHERE top1pct;

CREATE TABLE findings (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace       TEXT COLLATE "C" NOT NULL,
    conversation_id TEXT COLLATE "C" NOT NULL,
    code            TEXT COLLATE "C" NOT NULL,
    severity        TEXT NOT NULL,
    severity_rank   INTEGER NOT NULL,
    confidence      DOUBLE PRECISION NOT NULL,
    turn            BIGINT,
    span_start      BIGINT,
    span_end        BIGINT,
    role            TEXT,
    evidence        TEXT NOT NULL,
    explanation     TEXT NOT NULL,
    source          TEXT
);
-- A conversation's findings, and the queue's severity filter.
CREATE INDEX findings_conversation ON findings (workspace, conversation_id, severity_rank);
-- The queue's code filter when a code is rare.
CREATE INDEX findings_code ON findings (workspace, code, conversation_id);
