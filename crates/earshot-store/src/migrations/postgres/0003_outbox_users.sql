-- The alert outbox: deliveries planned in the same transaction as the findings that caused
-- them, kept until they are delivered or given up. `body` is the delivery as the notifier
-- planned it (JSON); the store only schedules it.
CREATE TABLE outbox (
    id               TEXT COLLATE "C" PRIMARY KEY,
    workspace        TEXT COLLATE "C" NOT NULL,
    conversation_id  TEXT COLLATE "C" NOT NULL,
    channel          TEXT NOT NULL,
    body             TEXT NOT NULL,
    attempts         BIGINT NOT NULL DEFAULT 0,
    -- Unix milliseconds: not before this instant.
    next_attempt_at  BIGINT NOT NULL,
    state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    last_error       TEXT,
    created_at       BIGINT NOT NULL,
    finished_at      BIGINT
);
-- Due deliveries, soonest first: the pending ones only, however long the history grows.
CREATE INDEX outbox_due ON outbox (next_attempt_at, created_at, id) WHERE state = 'pending';
CREATE INDEX outbox_state ON outbox (state);

-- One row per channel and `workspace:conversation:code` key planned: one alert per
-- conversation and code per dedup window.
CREATE TABLE alert_keys (
    channel          TEXT COLLATE "C" NOT NULL,
    dedup_key        TEXT COLLATE "C" NOT NULL,
    workspace        TEXT COLLATE "C" NOT NULL,
    conversation_id  TEXT COLLATE "C" NOT NULL,
    planned_at       BIGINT NOT NULL,
    PRIMARY KEY (channel, dedup_key)
);
CREATE INDEX alert_keys_conversation ON alert_keys (workspace, conversation_id, planned_at);

-- People who log in to the dashboard. Passwords are kept as argon2 PHC strings.
CREATE TABLE users (
    username       TEXT COLLATE "C" PRIMARY KEY,
    password_hash  TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
-- A person's role in each workspace they may see.
CREATE TABLE user_grants (
    username   TEXT COLLATE "C" NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    workspace  TEXT COLLATE "C" NOT NULL,
    role       TEXT NOT NULL,
    PRIMARY KEY (username, workspace)
);
-- Login sessions: only a SHA-256 of the session id is kept.
CREATE TABLE sessions (
    hash        TEXT PRIMARY KEY,
    username    TEXT COLLATE "C" NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX sessions_username ON sessions (username);

-- Conversations marked by reviewers as good or bad examples for agent training.
CREATE TABLE training_cases (
    workspace        TEXT COLLATE "C" NOT NULL,
    conversation_id  TEXT COLLATE "C" NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('good', 'bad')),
    note             TEXT,
    marked_by        TEXT,
    marked_at        TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (workspace, conversation_id)
);
