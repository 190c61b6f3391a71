-- The alert outbox: deliveries planned in the same transaction as the findings that caused
-- them, kept until they are delivered or given up. `body` is the delivery as the notifier
-- planned it (JSON); the store only schedules it.
CREATE TABLE outbox (
    id               TEXT PRIMARY KEY,
    workspace        TEXT NOT NULL,
    conversation_id  TEXT NOT NULL,
    channel          TEXT NOT NULL,
    body             TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    -- Unix milliseconds: not before this instant.
    next_attempt_at  INTEGER NOT NULL,
    state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    last_error       TEXT,
    created_at       INTEGER NOT NULL,
    finished_at      INTEGER
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

-- One row per channel and `workspace:conversation:code` key planned: one alert per
-- conversation and code per dedup window.
CREATE TABLE alert_keys (
    channel          TEXT NOT NULL,
    dedup_key        TEXT NOT NULL,
    workspace        TEXT NOT NULL,
    conversation_id  TEXT NOT NULL,
    planned_at       INTEGER NOT NULL,
    PRIMARY KEY (channel, dedup_key)
);
CREATE INDEX alert_keys_conversation ON alert_keys (workspace, conversation_id);

-- People who log in to the dashboard. Passwords are kept as argon2 PHC strings.
CREATE TABLE users (
    username       TEXT PRIMARY KEY,
    password_hash  TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
-- A person's role in each workspace they may see.
CREATE TABLE user_grants (
    username   TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    workspace  TEXT NOT NULL,
    role       TEXT NOT NULL,
    PRIMARY KEY (username, workspace)
);
-- Login sessions: only a SHA-256 of the session id is kept.
CREATE TABLE sessions (
    hash        TEXT PRIMARY KEY,
    username    TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);

-- Conversations marked by reviewers as good or bad examples for agent training.
CREATE TABLE training_cases (
    workspace        TEXT NOT NULL,
    conversation_id  TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('good', 'bad')),
    note             TEXT,
    marked_by        TEXT,
    marked_at        TEXT NOT NULL,
    PRIMARY KEY (workspace, conversation_id)
);
