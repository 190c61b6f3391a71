-- API tokens: only a SHA-256 of the token is kept; a token is scoped to one workspace.
CREATE TABLE tokens (
    hash        TEXT PRIMARY KEY,
    workspace   TEXT COLLATE "C" NOT NULL,
    role        TEXT NOT NULL,
    name        TEXT,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);
CREATE INDEX tokens_workspace ON tokens (workspace);

-- Human reviews of findings: confirmed or rejected, with a comment. The latest review of a
-- finding is its verdict; earlier ones are kept as history.
CREATE TABLE reviews (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace   TEXT COLLATE "C" NOT NULL,
    finding_id  BIGINT NOT NULL,
    verdict     TEXT NOT NULL CHECK (verdict IN ('confirm', 'reject')),
    comment     TEXT,
    reviewer    TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX reviews_finding ON reviews (workspace, finding_id, id);
