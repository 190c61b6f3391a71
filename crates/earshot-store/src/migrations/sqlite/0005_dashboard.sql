-- The dashboard's own records and the lookups its pages need.

-- A conversation's tags (returns, shipping, refunds, ...), one row each, and the team and
-- hiring date of its first agent: kept in step with `conversations.data` by triggers, so that
-- the root-cause and team pages need not read every conversation's JSON.
CREATE TABLE conversation_tags (
    workspace        TEXT NOT NULL,
    conversation_id  TEXT NOT NULL,
    tag              TEXT NOT NULL,
    PRIMARY KEY (workspace, tag, conversation_id)
) WITHOUT ROWID;
CREATE INDEX conversation_tags_conversation ON conversation_tags (workspace, conversation_id);

CREATE TABLE conversation_facts (
    workspace        TEXT NOT NULL,
    conversation_id  TEXT NOT NULL,
    team             TEXT,
    -- `YYYY-MM-DD`.
    hired_at         TEXT,
    PRIMARY KEY (workspace, conversation_id)
) WITHOUT ROWID;
CREATE INDEX conversation_facts_team ON conversation_facts (workspace, team);

CREATE TRIGGER conversations_facts_insert AFTER INSERT ON conversations BEGIN
    -- A trigger's OR REPLACE / OR IGNORE yield to the outer statement's conflict policy (an
    -- upsert aborts), so rows are deleted first and tags made distinct.
    DELETE FROM conversation_facts WHERE workspace = NEW.workspace AND conversation_id = NEW.id;
    INSERT INTO conversation_facts (workspace, conversation_id, team, hired_at)
    VALUES (NEW.workspace, NEW.id, json_extract(NEW.data, '$.agents[0].team'),
            substr(json_extract(NEW.data, '$.agents[0].hired_at'), 1, 10));
    DELETE FROM conversation_tags WHERE workspace = NEW.workspace AND conversation_id = NEW.id;
    INSERT INTO conversation_tags (workspace, conversation_id, tag)
    SELECT DISTINCT NEW.workspace, NEW.id, value FROM json_each(NEW.data, '$.tags')
    WHERE type = 'text' AND value <> '';
END;

CREATE TRIGGER conversations_facts_update AFTER UPDATE OF data ON conversations BEGIN
    -- A trigger's OR REPLACE / OR IGNORE yield to the outer statement's conflict policy (an
    -- upsert aborts), so rows are deleted first and tags made distinct.
    DELETE FROM conversation_facts WHERE workspace = NEW.workspace AND conversation_id = NEW.id;
    INSERT INTO conversation_facts (workspace, conversation_id, team, hired_at)
    VALUES (NEW.workspace, NEW.id, json_extract(NEW.data, '$.agents[0].team'),
            substr(json_extract(NEW.data, '$.agents[0].hired_at'), 1, 10));
    DELETE FROM conversation_tags WHERE workspace = NEW.workspace AND conversation_id = NEW.id;
    INSERT INTO conversation_tags (workspace, conversation_id, tag)
    SELECT DISTINCT NEW.workspace, NEW.id, value FROM json_each(NEW.data, '$.tags')
    WHERE type = 'text' AND value <> '';
END;

CREATE TRIGGER conversations_facts_delete AFTER DELETE ON conversations BEGIN
    DELETE FROM conversation_facts WHERE workspace = OLD.workspace AND conversation_id = OLD.id;
    DELETE FROM conversation_tags WHERE workspace = OLD.workspace AND conversation_id = OLD.id;
END;

INSERT OR REPLACE INTO conversation_facts (workspace, conversation_id, team, hired_at)
SELECT workspace, id, json_extract(data, '$.agents[0].team'),
       substr(json_extract(data, '$.agents[0].hired_at'), 1, 10)
FROM conversations;
INSERT OR IGNORE INTO conversation_tags (workspace, conversation_id, tag)
SELECT c.workspace, c.id, j.value FROM conversations c, json_each(c.data, '$.tags') j
WHERE j.type = 'text' AND j.value <> '';

-- Reviewers' corrections of a dimension score, with the reason; the latest per conversation
-- and dimension is the reviewers' score.
CREATE TABLE score_adjustments (
    id               INTEGER PRIMARY KEY,
    workspace        TEXT NOT NULL,
    conversation_id  TEXT NOT NULL,
    dimension        TEXT NOT NULL,
    -- The score before this adjustment (earshot's, or the previous adjustment's); NULL when
    -- the dimension was not scored.
    old_score        REAL,
    new_score        REAL NOT NULL CHECK (new_score >= 0 AND new_score <= 100),
    reason           TEXT NOT NULL,
    reviewer         TEXT,
    created_at       TEXT NOT NULL
);
CREATE INDEX score_adjustments_conversation ON score_adjustments (workspace, conversation_id, dimension);

-- Free comments on a conversation.
CREATE TABLE conversation_comments (
    id               INTEGER PRIMARY KEY,
    workspace        TEXT NOT NULL,
    conversation_id  TEXT NOT NULL,
    body             TEXT NOT NULL,
    author           TEXT,
    created_at       TEXT NOT NULL
);
CREATE INDEX conversation_comments_conversation ON conversation_comments (workspace, conversation_id);

-- Review assignments: a sample of conversations for one reviewer.
CREATE TABLE review_assignments (
    id               INTEGER PRIMARY KEY,
    workspace        TEXT NOT NULL,
    assignee         TEXT NOT NULL,
    -- random, new_agents, high_value, low_score, code
    kind             TEXT NOT NULL,
    -- The kind's parameter: the percentage, the order value, the score or the code.
    param            TEXT,
    -- `YYYY-MM-DD`, inclusive; NULL for no bound.
    date_from        TEXT,
    date_to          TEXT,
    created_by       TEXT,
    created_at       TEXT NOT NULL
);
CREATE INDEX review_assignments_assignee ON review_assignments (workspace, assignee);

CREATE TABLE review_assignment_items (
    assignment_id    INTEGER NOT NULL REFERENCES review_assignments (id) ON DELETE CASCADE,
    conversation_id  TEXT NOT NULL,
    PRIMARY KEY (assignment_id, conversation_id)
) WITHOUT ROWID;

CREATE INDEX reviews_reviewer ON reviews (workspace, reviewer, created_at);
CREATE INDEX conversations_product_line ON conversations (workspace, product_line);
CREATE INDEX conversations_country ON conversations (workspace, country);
CREATE INDEX conversations_marketplace ON conversations (workspace, marketplace);
CREATE INDEX conversations_channel ON conversations (workspace, channel);
CREATE INDEX conversations_language ON conversations (workspace, language);
