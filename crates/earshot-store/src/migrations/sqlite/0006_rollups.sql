-- Rollups for the dashboard, kept exactly up to date by triggers on `conversations`, so that the
-- overview, agents, root-cause, calibration and sampling pages cost the same at a thousand
-- conversations and at millions.
--
-- A conversation's findings are summed up in its own row when it is saved (`save_batch`
-- computes them from the same findings it writes): which of anger / threats / abuse / process
-- steps / agent misconduct it holds, how many findings above info, the most severe, and per
-- code the number of findings (all, and above info). The rollup triggers then read the
-- conversation row alone: a save touches a handful of rollup rows, whatever its findings.
ALTER TABLE conversations ADD COLUMN finding_flags INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN findings_above_info INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN finding_max_rank INTEGER;
ALTER TABLE conversations ADD COLUMN finding_codes TEXT;

-- Bits of `finding_flags`.
--   1 emotion.anger, 2 any threat.*, 4 any abuse.*, 8 any process.*,
--   16 the agent lost composure: conduct.rude, or abuse or a threat in an agent's turn.
UPDATE conversations SET finding_flags = s.flags, findings_above_info = s.above, finding_max_rank = s.max_rank,
       finding_codes = s.codes
FROM (
    SELECT workspace, conversation_id,
           MAX(code = 'emotion.anger') | (MAX(code >= 'threat.' AND code < 'threat/') << 1)
           | (MAX(code >= 'abuse.' AND code < 'abuse/') << 2) | (MAX(code >= 'process.' AND code < 'process/') << 3)
           | (MAX(unstable) << 4) AS flags,
           SUM(above) AS above, MAX(max_rank) AS max_rank,
           json_group_array(json_array(code, n, above)) AS codes
    FROM (
        SELECT workspace, conversation_id, code, COUNT(*) AS n, SUM(severity_rank > 0) AS above,
               MAX(severity_rank) AS max_rank,
               MAX(code = 'conduct.rude' OR (role = 'agent' AND ((code >= 'abuse.' AND code < 'abuse/')
                   OR (code >= 'threat.' AND code < 'threat/')))) AS unstable
        FROM findings GROUP BY workspace, conversation_id, code
    ) GROUP BY workspace, conversation_id
) AS s
WHERE conversations.workspace = s.workspace AND conversations.id = s.conversation_id;

-- Per workspace and day (of `COALESCE(started_at, analyzed_at)`, as the trend buckets them; a
-- week is the Monday of its days). Sums, not means: a mean is sum / count over any range of days.
CREATE TABLE rollup_day (
    workspace      TEXT NOT NULL,
    day            TEXT NOT NULL,
    conversations  INTEGER NOT NULL,
    risk           REAL NOT NULL,
    -- Conversations of severity medium or above; high or critical; in the top 1%.
    flagged        INTEGER NOT NULL,
    high           INTEGER NOT NULL,
    top1pct        INTEGER NOT NULL,
    -- Sum and count of the overall score, where scored.
    overall        REAL NOT NULL,
    overall_n      INTEGER NOT NULL,
    -- Conversations with customer anger, a threat, abuse.
    anger          INTEGER NOT NULL,
    threat         INTEGER NOT NULL,
    abuse          INTEGER NOT NULL,
    PRIMARY KEY (workspace, day)
) WITHOUT ROWID;

-- The same per value of one column: kind is channel, language, marketplace, product_line,
-- country or tag (NULL values are not counted).
CREATE TABLE rollup_key (
    workspace      TEXT NOT NULL,
    kind           TEXT NOT NULL,
    key            TEXT NOT NULL,
    day            TEXT NOT NULL,
    conversations  INTEGER NOT NULL,
    risk           REAL NOT NULL,
    anger          INTEGER NOT NULL,
    threat         INTEGER NOT NULL,
    abuse          INTEGER NOT NULL,
    PRIMARY KEY (workspace, kind, key, day)
) WITHOUT ROWID;

-- Per finding code and day: conversations with a finding of the code above info, findings of
-- the code (all; above info), and the risk summed once per finding above info (the overview's
-- mean risk of a code is over its findings).
CREATE TABLE rollup_code (
    workspace      TEXT NOT NULL,
    code           TEXT NOT NULL,
    day            TEXT NOT NULL,
    conversations  INTEGER NOT NULL,
    findings       INTEGER NOT NULL,
    above_info     INTEGER NOT NULL,
    risk           REAL NOT NULL,
    PRIMARY KEY (workspace, code, day)
) WITHOUT ROWID;

-- Per agent (the first), team (`agents[0].team`, '' for none) and week (its Monday).
CREATE TABLE rollup_agent (
    workspace             TEXT NOT NULL,
    agent_id              TEXT NOT NULL,
    team                  TEXT NOT NULL,
    week                  TEXT NOT NULL,
    conversations         INTEGER NOT NULL,
    risk                  REAL NOT NULL,
    high                  INTEGER NOT NULL,
    top1pct               INTEGER NOT NULL,
    overall               REAL NOT NULL,
    overall_n             INTEGER NOT NULL,
    knowledge_accuracy    REAL NOT NULL,
    knowledge_accuracy_n  INTEGER NOT NULL,
    courtesy              REAL NOT NULL,
    courtesy_n            INTEGER NOT NULL,
    empathy               REAL NOT NULL,
    empathy_n             INTEGER NOT NULL,
    patience              REAL NOT NULL,
    patience_n            INTEGER NOT NULL,
    efficiency            REAL NOT NULL,
    efficiency_n          INTEGER NOT NULL,
    -- Findings above info; conversations without process.*; without agent misconduct.
    findings              INTEGER NOT NULL,
    process_complete      INTEGER NOT NULL,
    stable                INTEGER NOT NULL,
    turns                 INTEGER NOT NULL,
    -- Minutes from start to end, where both are known.
    minutes               REAL NOT NULL,
    minutes_n             INTEGER NOT NULL,
    PRIMARY KEY (workspace, agent_id, team, week)
) WITHOUT ROWID;

INSERT INTO rollup_day (workspace, day, conversations, risk, flagged, high, top1pct, overall, overall_n, anger, threat, abuse)
SELECT workspace, substr(COALESCE(started_at, analyzed_at), 1, 10) AS d, COUNT(*), SUM(risk),
       SUM(IFNULL(severity IN ('medium', 'high', 'critical'), 0)), SUM(IFNULL(severity IN ('high', 'critical'), 0)),
       SUM(top1pct), SUM(IFNULL(json_extract(scores, '$.overall'), 0)), SUM(json_extract(scores, '$.overall') IS NOT NULL),
       SUM(finding_flags & 1 <> 0), SUM(finding_flags & 2 <> 0), SUM(finding_flags & 4 <> 0)
FROM conversations GROUP BY workspace, d;

INSERT INTO rollup_key (workspace, kind, key, day, conversations, risk, anger, threat, abuse)
SELECT c.workspace, k.kind, k.key, substr(COALESCE(c.started_at, c.analyzed_at), 1, 10) AS d, COUNT(*), SUM(c.risk),
       SUM(c.finding_flags & 1 <> 0), SUM(c.finding_flags & 2 <> 0), SUM(c.finding_flags & 4 <> 0)
FROM conversations c JOIN (
    SELECT workspace, id, 'channel' AS kind, channel AS key FROM conversations
    UNION ALL SELECT workspace, id, 'language', language FROM conversations
    UNION ALL SELECT workspace, id, 'marketplace', marketplace FROM conversations
    UNION ALL SELECT workspace, id, 'product_line', product_line FROM conversations
    UNION ALL SELECT workspace, id, 'country', country FROM conversations
    UNION ALL SELECT workspace, conversation_id, 'tag', tag FROM conversation_tags
) k ON k.workspace = c.workspace AND k.id = c.id
WHERE k.key IS NOT NULL
GROUP BY c.workspace, k.kind, k.key, d;

INSERT INTO rollup_code (workspace, code, day, conversations, findings, above_info, risk)
SELECT c.workspace, j.value ->> 0 AS code, substr(COALESCE(c.started_at, c.analyzed_at), 1, 10) AS d,
       SUM(j.value ->> 2 > 0), SUM(j.value ->> 1), SUM(j.value ->> 2), SUM(c.risk * (j.value ->> 2))
FROM conversations c, json_each(c.finding_codes) j
GROUP BY c.workspace, code, d;

INSERT INTO rollup_agent (workspace, agent_id, team, week, conversations, risk, high, top1pct, overall, overall_n, knowledge_accuracy, knowledge_accuracy_n, courtesy, courtesy_n, empathy, empathy_n, patience, patience_n, efficiency, efficiency_n, findings, process_complete, stable, turns, minutes, minutes_n)
SELECT c.workspace, c.agent_id, COALESCE(fa.team, '') AS t,
       COALESCE(date(COALESCE(c.started_at, c.analyzed_at), 'weekday 0', '-6 days'), '') AS w,
       COUNT(*), SUM(c.risk), SUM(IFNULL(c.severity IN ('high', 'critical'), 0)), SUM(c.top1pct),
       SUM(IFNULL(json_extract(c.scores, '$.overall'), 0)), SUM(json_extract(c.scores, '$.overall') IS NOT NULL),
       SUM(IFNULL(json_extract(c.scores, '$.knowledge_accuracy'), 0)), SUM(json_extract(c.scores, '$.knowledge_accuracy') IS NOT NULL),
       SUM(IFNULL(json_extract(c.scores, '$.courtesy'), 0)), SUM(json_extract(c.scores, '$.courtesy') IS NOT NULL),
       SUM(IFNULL(json_extract(c.scores, '$.empathy'), 0)), SUM(json_extract(c.scores, '$.empathy') IS NOT NULL),
       SUM(IFNULL(json_extract(c.scores, '$.patience'), 0)), SUM(json_extract(c.scores, '$.patience') IS NOT NULL),
       SUM(IFNULL(json_extract(c.scores, '$.efficiency'), 0)), SUM(json_extract(c.scores, '$.efficiency') IS NOT NULL),
       SUM(c.findings_above_info), SUM(c.finding_flags & 8 = 0), SUM(c.finding_flags & 16 = 0),
       SUM(c.turn_count), SUM(IFNULL((julianday(c.ended_at) - julianday(c.started_at)) * 1440.0, 0)), SUM((julianday(c.ended_at) - julianday(c.started_at)) * 1440.0 IS NOT NULL)
FROM conversations c LEFT JOIN conversation_facts fa ON fa.workspace = c.workspace AND fa.conversation_id = c.id
WHERE c.agent_id IS NOT NULL
GROUP BY c.workspace, c.agent_id, t, w;

-- The triggers of 0005 (facts and tags) become part of the rollup triggers, so that the old
-- tags and team are read before they are replaced.
DROP TRIGGER IF EXISTS conversations_facts_insert;
DROP TRIGGER IF EXISTS conversations_facts_update;
DROP TRIGGER IF EXISTS conversations_facts_delete;

-- The rollups change by adding a row's values (+) and taking them out (-): a re-analysed
-- conversation is taken out as it was and put in as it is. A trigger's OR REPLACE / OR IGNORE
-- yield to the outer statement's conflict policy (the save is an upsert, which aborts), so
-- rollup rows are upserted with ON CONFLICT DO UPDATE. Rows that fall to zero stay; readers
-- skip them.
CREATE TRIGGER conversations_rollup_insert AFTER INSERT ON conversations BEGIN
    -- A trigger's OR REPLACE / OR IGNORE yield to the outer statement's conflict policy (an
    -- upsert aborts): rows are deleted first, tags made distinct, rollups upserted.
    DELETE FROM conversation_facts WHERE workspace = NEW.workspace AND conversation_id = NEW.id;
    INSERT INTO conversation_facts (workspace, conversation_id, team, hired_at)
    VALUES (NEW.workspace, NEW.id, json_extract(NEW.data, '$.agents[0].team'),
            substr(json_extract(NEW.data, '$.agents[0].hired_at'), 1, 10));
    DELETE FROM conversation_tags WHERE workspace = NEW.workspace AND conversation_id = NEW.id;
    INSERT INTO conversation_tags (workspace, conversation_id, tag)
    SELECT DISTINCT NEW.workspace, NEW.id, value FROM json_each(NEW.data, '$.tags')
    WHERE type = 'text' AND value <> '';
    INSERT INTO rollup_day (workspace, day, conversations, risk, flagged, high, top1pct, overall, overall_n, anger, threat, abuse)
    SELECT * FROM (SELECT NEW.workspace, substr(COALESCE(NEW.started_at, NEW.analyzed_at), 1, 10), 1, NEW.risk,
            IFNULL(NEW.severity IN ('medium', 'high', 'critical'), 0),
            IFNULL(NEW.severity IN ('high', 'critical'), 0), NEW.top1pct,
            IFNULL(json_extract(NEW.scores, '$.overall'), 0),
            (json_extract(NEW.scores, '$.overall') IS NOT NULL),
            (NEW.finding_flags & 1 <> 0), (NEW.finding_flags & 2 <> 0), (NEW.finding_flags & 4 <> 0)) WHERE true
    ON CONFLICT (workspace, day) DO UPDATE SET conversations = conversations + excluded.conversations, risk = risk + excluded.risk, flagged = flagged + excluded.flagged, high = high + excluded.high, top1pct = top1pct + excluded.top1pct, overall = overall + excluded.overall, overall_n = overall_n + excluded.overall_n, anger = anger + excluded.anger, threat = threat + excluded.threat, abuse = abuse + excluded.abuse;
    INSERT INTO rollup_key (workspace, kind, key, day, conversations, risk, anger, threat, abuse)
    SELECT NEW.workspace, k.kind, k.key, substr(COALESCE(NEW.started_at, NEW.analyzed_at), 1, 10), 1, NEW.risk,
           (NEW.finding_flags & 1 <> 0), (NEW.finding_flags & 2 <> 0), (NEW.finding_flags & 4 <> 0)
    FROM (SELECT 'channel' AS kind, NEW.channel AS key UNION ALL SELECT 'language', NEW.language
          UNION ALL SELECT 'marketplace', NEW.marketplace UNION ALL SELECT 'product_line', NEW.product_line
          UNION ALL SELECT 'country', NEW.country
          UNION ALL SELECT 'tag', tag FROM conversation_tags WHERE workspace = NEW.workspace AND conversation_id = NEW.id) k
    WHERE k.key IS NOT NULL
    ON CONFLICT (workspace, kind, key, day) DO UPDATE SET conversations = conversations + excluded.conversations, risk = risk + excluded.risk, anger = anger + excluded.anger, threat = threat + excluded.threat, abuse = abuse + excluded.abuse;
    INSERT INTO rollup_code (workspace, code, day, conversations, findings, above_info, risk)
    SELECT * FROM (SELECT NEW.workspace, j.value ->> 0, substr(COALESCE(NEW.started_at, NEW.analyzed_at), 1, 10), (j.value ->> 2 > 0), (j.value ->> 1),
            (j.value ->> 2), NEW.risk * (j.value ->> 2) FROM json_each(NEW.finding_codes) j) WHERE true
    ON CONFLICT (workspace, code, day) DO UPDATE SET conversations = conversations + excluded.conversations, findings = findings + excluded.findings, above_info = above_info + excluded.above_info, risk = risk + excluded.risk;
    INSERT INTO rollup_agent (workspace, agent_id, team, week, conversations, risk, high, top1pct, overall, overall_n, knowledge_accuracy, knowledge_accuracy_n, courtesy, courtesy_n, empathy, empathy_n, patience, patience_n, efficiency, efficiency_n, findings, process_complete, stable, turns, minutes, minutes_n)
    SELECT NEW.workspace, NEW.agent_id,
           COALESCE((SELECT team FROM conversation_facts WHERE workspace = NEW.workspace AND conversation_id = NEW.id), ''),
           COALESCE(date(COALESCE(NEW.started_at, NEW.analyzed_at), 'weekday 0', '-6 days'), ''), 1, NEW.risk,
           IFNULL(NEW.severity IN ('high', 'critical'), 0), NEW.top1pct,
           IFNULL(json_extract(NEW.scores, '$.overall'), 0), (json_extract(NEW.scores, '$.overall') IS NOT NULL),
           IFNULL(json_extract(NEW.scores, '$.knowledge_accuracy'), 0), (json_extract(NEW.scores, '$.knowledge_accuracy') IS NOT NULL),
           IFNULL(json_extract(NEW.scores, '$.courtesy'), 0), (json_extract(NEW.scores, '$.courtesy') IS NOT NULL),
           IFNULL(json_extract(NEW.scores, '$.empathy'), 0), (json_extract(NEW.scores, '$.empathy') IS NOT NULL),
           IFNULL(json_extract(NEW.scores, '$.patience'), 0), (json_extract(NEW.scores, '$.patience') IS NOT NULL),
           IFNULL(json_extract(NEW.scores, '$.efficiency'), 0), (json_extract(NEW.scores, '$.efficiency') IS NOT NULL),
           NEW.findings_above_info, (NEW.finding_flags & 8 = 0), (NEW.finding_flags & 16 = 0),
           NEW.turn_count, IFNULL((julianday(NEW.ended_at) - julianday(NEW.started_at)) * 1440.0, 0), ((julianday(NEW.ended_at) - julianday(NEW.started_at)) * 1440.0 IS NOT NULL)
    WHERE NEW.agent_id IS NOT NULL
    ON CONFLICT (workspace, agent_id, team, week) DO UPDATE SET conversations = conversations + excluded.conversations, risk = risk + excluded.risk, high = high + excluded.high, top1pct = top1pct + excluded.top1pct, overall = overall + excluded.overall, overall_n = overall_n + excluded.overall_n, knowledge_accuracy = knowledge_accuracy + excluded.knowledge_accuracy, knowledge_accuracy_n = knowledge_accuracy_n + excluded.knowledge_accuracy_n, courtesy = courtesy + excluded.courtesy, courtesy_n = courtesy_n + excluded.courtesy_n, empathy = empathy + excluded.empathy, empathy_n = empathy_n + excluded.empathy_n, patience = patience + excluded.patience, patience_n = patience_n + excluded.patience_n, efficiency = efficiency + excluded.efficiency, efficiency_n = efficiency_n + excluded.efficiency_n, findings = findings + excluded.findings, process_complete = process_complete + excluded.process_complete, stable = stable + excluded.stable, turns = turns + excluded.turns, minutes = minutes + excluded.minutes, minutes_n = minutes_n + excluded.minutes_n;
END;

-- Any change but the top-1% mark alone: take the old row out (with its old tags and team),
-- refresh the facts and tags, put the new row in.
CREATE TRIGGER conversations_rollup_update AFTER UPDATE ON conversations
WHEN OLD.workspace IS NOT NEW.workspace OR OLD.id IS NOT NEW.id OR OLD.channel IS NOT NEW.channel OR OLD.language IS NOT NEW.language OR OLD.started_at IS NOT NEW.started_at OR OLD.ended_at IS NOT NEW.ended_at OR OLD.agent_id IS NOT NEW.agent_id OR OLD.country IS NOT NEW.country OR OLD.product_line IS NOT NEW.product_line OR OLD.marketplace IS NOT NEW.marketplace OR OLD.turn_count IS NOT NEW.turn_count OR OLD.risk IS NOT NEW.risk OR OLD.severity IS NOT NEW.severity OR OLD.scores IS NOT NEW.scores OR OLD.data IS NOT NEW.data OR OLD.analyzed_at IS NOT NEW.analyzed_at OR OLD.finding_flags IS NOT NEW.finding_flags OR OLD.findings_above_info IS NOT NEW.findings_above_info OR OLD.finding_codes IS NOT NEW.finding_codes
BEGIN
    INSERT INTO rollup_day (workspace, day, conversations, risk, flagged, high, top1pct, overall, overall_n, anger, threat, abuse)
    SELECT * FROM (SELECT OLD.workspace, substr(COALESCE(OLD.started_at, OLD.analyzed_at), 1, 10), -1, -OLD.risk,
            -IFNULL(OLD.severity IN ('medium', 'high', 'critical'), 0),
            -IFNULL(OLD.severity IN ('high', 'critical'), 0), -OLD.top1pct,
            -IFNULL(json_extract(OLD.scores, '$.overall'), 0),
            -(json_extract(OLD.scores, '$.overall') IS NOT NULL),
            -(OLD.finding_flags & 1 <> 0), -(OLD.finding_flags & 2 <> 0), -(OLD.finding_flags & 4 <> 0)) WHERE true
    ON CONFLICT (workspace, day) DO UPDATE SET conversations = conversations + excluded.conversations, risk = risk + excluded.risk, flagged = flagged + excluded.flagged, high = high + excluded.high, top1pct = top1pct + excluded.top1pct, overall = overall + excluded.overall, overall_n = overall_n + excluded.overall_n, anger = anger + excluded.anger, threat = threat + excluded.threat, abuse = abuse + excluded.abuse;
    INSERT INTO rollup_key (workspace, kind, key, day, conversations, risk, anger, threat, abuse)
    SELECT OLD.workspace, k.kind, k.key, substr(COALESCE(OLD.started_at, OLD.analyzed_at), 1, 10), -1, -OLD.risk,
           -(OLD.finding_flags & 1 <> 0), -(OLD.finding_flags & 2 <> 0), -(OLD.finding_flags & 4 <> 0)
    FROM (SELECT 'channel' AS kind, OLD.channel AS key UNION ALL SELECT 'language', OLD.language
          UNION ALL SELECT 'marketplace', OLD.marketplace UNION ALL SELECT 'product_line', OLD.product_line
          UNION ALL SELECT 'country', OLD.country
          UNION ALL SELECT 'tag', tag FROM conversation_tags WHERE workspace = OLD.workspace AND conversation_id = OLD.id) k
    WHERE k.key IS NOT NULL
    ON CONFLICT (workspace, kind, key, day) DO UPDATE SET conversations = conversations + excluded.conversations, risk = risk + excluded.risk, anger = anger + excluded.anger, threat = threat + excluded.threat, abuse = abuse + excluded.abuse;
    INSERT INTO rollup_code (workspace, code, day, conversations, findings, above_info, risk)
    SELECT * FROM (SELECT OLD.workspace, j.value ->> 0, substr(COALESCE(OLD.started_at, OLD.analyzed_at), 1, 10), -(j.value ->> 2 > 0), -(j.value ->> 1),
            -(j.value ->> 2), -OLD.risk * (j.value ->> 2) FROM json_each(OLD.finding_codes) j) WHERE true
    ON CONFLICT (workspace, code, day) DO UPDATE SET conversations = conversations + excluded.conversations, findings = findings + excluded.findings, above_info = above_info + excluded.above_info, risk = risk + excluded.risk;
    INSERT INTO rollup_agent (workspace, agent_id, team, week, conversations, risk, high, top1pct, overall, overall_n, knowledge_accuracy, knowledge_accuracy_n, courtesy, courtesy_n, empathy, empathy_n, patience, patience_n, efficiency, efficiency_n, findings, process_complete, stable, turns, minutes, minutes_n)
    SELECT OLD.workspace, OLD.agent_id,
           COALESCE((SELECT team FROM conversation_facts WHERE workspace = OLD.workspace AND conversation_id = OLD.id), ''),
           COALESCE(date(COALESCE(OLD.started_at, OLD.analyzed_at), 'weekday 0', '-6 days'), ''), -1, -OLD.risk,
           -IFNULL(OLD.severity IN ('high', 'critical'), 0), -OLD.top1pct,
           -IFNULL(json_extract(OLD.scores, '$.overall'), 0), -(json_extract(OLD.scores, '$.overall') IS NOT NULL),
           -IFNULL(json_extract(OLD.scores, '$.knowledge_accuracy'), 0), -(json_extract(OLD.scores, '$.knowledge_accuracy') IS NOT NULL),
           -IFNULL(json_extract(OLD.scores, '$.courtesy'), 0), -(json_extract(OLD.scores, '$.courtesy') IS NOT NULL),
           -IFNULL(json_extract(OLD.scores, '$.empathy'), 0), -(json_extract(OLD.scores, '$.empathy') IS NOT NULL),
           -IFNULL(json_extract(OLD.scores, '$.patience'), 0), -(json_extract(OLD.scores, '$.patience') IS NOT NULL),
           -IFNULL(json_extract(OLD.scores, '$.efficiency'), 0), -(json_extract(OLD.scores, '$.efficiency') IS NOT NULL),
           -OLD.findings_above_info, -(OLD.finding_flags & 8 = 0), -(OLD.finding_flags & 16 = 0),
           -OLD.turn_count, -IFNULL((julianday(OLD.ended_at) - julianday(OLD.started_at)) * 1440.0, 0), -((julianday(OLD.ended_at) - julianday(OLD.started_at)) * 1440.0 IS NOT NULL)
    WHERE OLD.agent_id IS NOT NULL
    ON CONFLICT (workspace, agent_id, team, week) DO UPDATE SET conversations = conversations + excluded.conversations, risk = risk + excluded.risk, high = high + excluded.high, top1pct = top1pct + excluded.top1pct, overall = overall + excluded.overall, overall_n = overall_n + excluded.overall_n, knowledge_accuracy = knowledge_accuracy + excluded.knowledge_accuracy, knowledge_accuracy_n = knowledge_accuracy_n + excluded.knowledge_accuracy_n, courtesy = courtesy + excluded.courtesy, courtesy_n = courtesy_n + excluded.courtesy_n, empathy = empathy + excluded.empathy, empathy_n = empathy_n + excluded.empathy_n, patience = patience + excluded.patience, patience_n = patience_n + excluded.patience_n, efficiency = efficiency + excluded.efficiency, efficiency_n = efficiency_n + excluded.efficiency_n, findings = findings + excluded.findings, process_complete = process_complete + excluded.process_complete, stable = stable + excluded.stable, turns = turns + excluded.turns, minutes = minutes + excluded.minutes, minutes_n = minutes_n + excluded.minutes_n;
    DELETE FROM conversation_facts WHERE workspace = NEW.workspace AND conversation_id = NEW.id;
    INSERT INTO conversation_facts (workspace, conversation_id, team, hired_at)
    VALUES (NEW.workspace, NEW.id, json_extract(NEW.data, '$.agents[0].team'),
            substr(json_extract(NEW.data, '$.agents[0].hired_at'), 1, 10));
    DELETE FROM conversation_tags WHERE workspace = NEW.workspace AND conversation_id = NEW.id;
    INSERT INTO conversation_tags (workspace, conversation_id, tag)
    SELECT DISTINCT NEW.workspace, NEW.id, value FROM json_each(NEW.data, '$.tags')
    WHERE type = 'text' AND value <> '';
    INSERT INTO rollup_day (workspace, day, conversations, risk, flagged, high, top1pct, overall, overall_n, anger, threat, abuse)
    SELECT * FROM (SELECT NEW.workspace, substr(COALESCE(NEW.started_at, NEW.analyzed_at), 1, 10), 1, NEW.risk,
            IFNULL(NEW.severity IN ('medium', 'high', 'critical'), 0),
            IFNULL(NEW.severity IN ('high', 'critical'), 0), NEW.top1pct,
            IFNULL(json_extract(NEW.scores, '$.overall'), 0),
            (json_extract(NEW.scores, '$.overall') IS NOT NULL),
            (NEW.finding_flags & 1 <> 0), (NEW.finding_flags & 2 <> 0), (NEW.finding_flags & 4 <> 0)) WHERE true
    ON CONFLICT (workspace, day) DO UPDATE SET conversations = conversations + excluded.conversations, risk = risk + excluded.risk, flagged = flagged + excluded.flagged, high = high + excluded.high, top1pct = top1pct + excluded.top1pct, overall = overall + excluded.overall, overall_n = overall_n + excluded.overall_n, anger = anger + excluded.anger, threat = threat + excluded.threat, abuse = abuse + excluded.abuse;
    INSERT INTO rollup_key (workspace, kind, key, day, conversations, risk, anger, threat, abuse)
    SELECT NEW.workspace, k.kind, k.key, substr(COALESCE(NEW.started_at, NEW.analyzed_at), 1, 10), 1, NEW.risk,
           (NEW.finding_flags & 1 <> 0), (NEW.finding_flags & 2 <> 0), (NEW.finding_flags & 4 <> 0)
    FROM (SELECT 'channel' AS kind, NEW.channel AS key UNION ALL SELECT 'language', NEW.language
          UNION ALL SELECT 'marketplace', NEW.marketplace UNION ALL SELECT 'product_line', NEW.product_line
          UNION ALL SELECT 'country', NEW.country
          UNION ALL SELECT 'tag', tag FROM conversation_tags WHERE workspace = NEW.workspace AND conversation_id = NEW.id) k
    WHERE k.key IS NOT NULL
    ON CONFLICT (workspace, kind, key, day) DO UPDATE SET conversations = conversations + excluded.conversations, risk = risk + excluded.risk, anger = anger + excluded.anger, threat = threat + excluded.threat, abuse = abuse + excluded.abuse;
    INSERT INTO rollup_code (workspace, code, day, conversations, findings, above_info, risk)
    SELECT * FROM (SELECT NEW.workspace, j.value ->> 0, substr(COALESCE(NEW.started_at, NEW.analyzed_at), 1, 10), (j.value ->> 2 > 0), (j.value ->> 1),
            (j.value ->> 2), NEW.risk * (j.value ->> 2) FROM json_each(NEW.finding_codes) j) WHERE true
    ON CONFLICT (workspace, code, day) DO UPDATE SET conversations = conversations + excluded.conversations, findings = findings + excluded.findings, above_info = above_info + excluded.above_info, risk = risk + excluded.risk;
    INSERT INTO rollup_agent (workspace, agent_id, team, week, conversations, risk, high, top1pct, overall, overall_n, knowledge_accuracy, knowledge_accuracy_n, courtesy, courtesy_n, empathy, empathy_n, patience, patience_n, efficiency, efficiency_n, findings, process_complete, stable, turns, minutes, minutes_n)
    SELECT NEW.workspace, NEW.agent_id,
           COALESCE((SELECT team FROM conversation_facts WHERE workspace = NEW.workspace AND conversation_id = NEW.id), ''),
           COALESCE(date(COALESCE(NEW.started_at, NEW.analyzed_at), 'weekday 0', '-6 days'), ''), 1, NEW.risk,
           IFNULL(NEW.severity IN ('high', 'critical'), 0), NEW.top1pct,
           IFNULL(json_extract(NEW.scores, '$.overall'), 0), (json_extract(NEW.scores, '$.overall') IS NOT NULL),
           IFNULL(json_extract(NEW.scores, '$.knowledge_accuracy'), 0), (json_extract(NEW.scores, '$.knowledge_accuracy') IS NOT NULL),
           IFNULL(json_extract(NEW.scores, '$.courtesy'), 0), (json_extract(NEW.scores, '$.courtesy') IS NOT NULL),
           IFNULL(json_extract(NEW.scores, '$.empathy'), 0), (json_extract(NEW.scores, '$.empathy') IS NOT NULL),
           IFNULL(json_extract(NEW.scores, '$.patience'), 0), (json_extract(NEW.scores, '$.patience') IS NOT NULL),
           IFNULL(json_extract(NEW.scores, '$.efficiency'), 0), (json_extract(NEW.scores, '$.efficiency') IS NOT NULL),
           NEW.findings_above_info, (NEW.finding_flags & 8 = 0), (NEW.finding_flags & 16 = 0),
           NEW.turn_count, IFNULL((julianday(NEW.ended_at) - julianday(NEW.started_at)) * 1440.0, 0), ((julianday(NEW.ended_at) - julianday(NEW.started_at)) * 1440.0 IS NOT NULL)
    WHERE NEW.agent_id IS NOT NULL
    ON CONFLICT (workspace, agent_id, team, week) DO UPDATE SET conversations = conversations + excluded.conversations, risk = risk + excluded.risk, high = high + excluded.high, top1pct = top1pct + excluded.top1pct, overall = overall + excluded.overall, overall_n = overall_n + excluded.overall_n, knowledge_accuracy = knowledge_accuracy + excluded.knowledge_accuracy, knowledge_accuracy_n = knowledge_accuracy_n + excluded.knowledge_accuracy_n, courtesy = courtesy + excluded.courtesy, courtesy_n = courtesy_n + excluded.courtesy_n, empathy = empathy + excluded.empathy, empathy_n = empathy_n + excluded.empathy_n, patience = patience + excluded.patience, patience_n = patience_n + excluded.patience_n, efficiency = efficiency + excluded.efficiency, efficiency_n = efficiency_n + excluded.efficiency_n, findings = findings + excluded.findings, process_complete = process_complete + excluded.process_complete, stable = stable + excluded.stable, turns = turns + excluded.turns, minutes = minutes + excluded.minutes, minutes_n = minutes_n + excluded.minutes_n;
END;

CREATE TRIGGER conversations_rollup_top1pct AFTER UPDATE OF top1pct ON conversations
WHEN OLD.top1pct IS NOT NEW.top1pct AND NOT (OLD.workspace IS NOT NEW.workspace OR OLD.id IS NOT NEW.id OR OLD.channel IS NOT NEW.channel OR OLD.language IS NOT NEW.language OR OLD.started_at IS NOT NEW.started_at OR OLD.ended_at IS NOT NEW.ended_at OR OLD.agent_id IS NOT NEW.agent_id OR OLD.country IS NOT NEW.country OR OLD.product_line IS NOT NEW.product_line OR OLD.marketplace IS NOT NEW.marketplace OR OLD.turn_count IS NOT NEW.turn_count OR OLD.risk IS NOT NEW.risk OR OLD.severity IS NOT NEW.severity OR OLD.scores IS NOT NEW.scores OR OLD.data IS NOT NEW.data OR OLD.analyzed_at IS NOT NEW.analyzed_at OR OLD.finding_flags IS NOT NEW.finding_flags OR OLD.findings_above_info IS NOT NEW.findings_above_info OR OLD.finding_codes IS NOT NEW.finding_codes)
BEGIN
    UPDATE rollup_day SET top1pct = top1pct + NEW.top1pct - OLD.top1pct
    WHERE workspace = NEW.workspace AND day = substr(COALESCE(NEW.started_at, NEW.analyzed_at), 1, 10);
    UPDATE rollup_agent SET top1pct = top1pct + NEW.top1pct - OLD.top1pct
    WHERE NEW.agent_id IS NOT NULL AND workspace = NEW.workspace AND agent_id = NEW.agent_id
      AND team = COALESCE((SELECT team FROM conversation_facts WHERE workspace = NEW.workspace AND conversation_id = NEW.id), '')
      AND week = COALESCE(date(COALESCE(NEW.started_at, NEW.analyzed_at), 'weekday 0', '-6 days'), '');
END;

CREATE TRIGGER conversations_rollup_delete AFTER DELETE ON conversations BEGIN
    INSERT INTO rollup_day (workspace, day, conversations, risk, flagged, high, top1pct, overall, overall_n, anger, threat, abuse)
    SELECT * FROM (SELECT OLD.workspace, substr(COALESCE(OLD.started_at, OLD.analyzed_at), 1, 10), -1, -OLD.risk,
            -IFNULL(OLD.severity IN ('medium', 'high', 'critical'), 0),
            -IFNULL(OLD.severity IN ('high', 'critical'), 0), -OLD.top1pct,
            -IFNULL(json_extract(OLD.scores, '$.overall'), 0),
            -(json_extract(OLD.scores, '$.overall') IS NOT NULL),
            -(OLD.finding_flags & 1 <> 0), -(OLD.finding_flags & 2 <> 0), -(OLD.finding_flags & 4 <> 0)) WHERE true
    ON CONFLICT (workspace, day) DO UPDATE SET conversations = conversations + excluded.conversations, risk = risk + excluded.risk, flagged = flagged + excluded.flagged, high = high + excluded.high, top1pct = top1pct + excluded.top1pct, overall = overall + excluded.overall, overall_n = overall_n + excluded.overall_n, anger = anger + excluded.anger, threat = threat + excluded.threat, abuse = abuse + excluded.abuse;
    INSERT INTO rollup_key (workspace, kind, key, day, conversations, risk, anger, threat, abuse)
    SELECT OLD.workspace, k.kind, k.key, substr(COALESCE(OLD.started_at, OLD.analyzed_at), 1, 10), -1, -OLD.risk,
           -(OLD.finding_flags & 1 <> 0), -(OLD.finding_flags & 2 <> 0), -(OLD.finding_flags & 4 <> 0)
    FROM (SELECT 'channel' AS kind, OLD.channel AS key UNION ALL SELECT 'language', OLD.language
          UNION ALL SELECT 'marketplace', OLD.marketplace UNION ALL SELECT 'product_line', OLD.product_line
          UNION ALL SELECT 'country', OLD.country
          UNION ALL SELECT 'tag', tag FROM conversation_tags WHERE workspace = OLD.workspace AND conversation_id = OLD.id) k
    WHERE k.key IS NOT NULL
    ON CONFLICT (workspace, kind, key, day) DO UPDATE SET conversations = conversations + excluded.conversations, risk = risk + excluded.risk, anger = anger + excluded.anger, threat = threat + excluded.threat, abuse = abuse + excluded.abuse;
    INSERT INTO rollup_code (workspace, code, day, conversations, findings, above_info, risk)
    SELECT * FROM (SELECT OLD.workspace, j.value ->> 0, substr(COALESCE(OLD.started_at, OLD.analyzed_at), 1, 10), -(j.value ->> 2 > 0), -(j.value ->> 1),
            -(j.value ->> 2), -OLD.risk * (j.value ->> 2) FROM json_each(OLD.finding_codes) j) WHERE true
    ON CONFLICT (workspace, code, day) DO UPDATE SET conversations = conversations + excluded.conversations, findings = findings + excluded.findings, above_info = above_info + excluded.above_info, risk = risk + excluded.risk;
    INSERT INTO rollup_agent (workspace, agent_id, team, week, conversations, risk, high, top1pct, overall, overall_n, knowledge_accuracy, knowledge_accuracy_n, courtesy, courtesy_n, empathy, empathy_n, patience, patience_n, efficiency, efficiency_n, findings, process_complete, stable, turns, minutes, minutes_n)
    SELECT OLD.workspace, OLD.agent_id,
           COALESCE((SELECT team FROM conversation_facts WHERE workspace = OLD.workspace AND conversation_id = OLD.id), ''),
           COALESCE(date(COALESCE(OLD.started_at, OLD.analyzed_at), 'weekday 0', '-6 days'), ''), -1, -OLD.risk,
           -IFNULL(OLD.severity IN ('high', 'critical'), 0), -OLD.top1pct,
           -IFNULL(json_extract(OLD.scores, '$.overall'), 0), -(json_extract(OLD.scores, '$.overall') IS NOT NULL),
           -IFNULL(json_extract(OLD.scores, '$.knowledge_accuracy'), 0), -(json_extract(OLD.scores, '$.knowledge_accuracy') IS NOT NULL),
           -IFNULL(json_extract(OLD.scores, '$.courtesy'), 0), -(json_extract(OLD.scores, '$.courtesy') IS NOT NULL),
           -IFNULL(json_extract(OLD.scores, '$.empathy'), 0), -(json_extract(OLD.scores, '$.empathy') IS NOT NULL),
           -IFNULL(json_extract(OLD.scores, '$.patience'), 0), -(json_extract(OLD.scores, '$.patience') IS NOT NULL),
           -IFNULL(json_extract(OLD.scores, '$.efficiency'), 0), -(json_extract(OLD.scores, '$.efficiency') IS NOT NULL),
           -OLD.findings_above_info, -(OLD.finding_flags & 8 = 0), -(OLD.finding_flags & 16 = 0),
           -OLD.turn_count, -IFNULL((julianday(OLD.ended_at) - julianday(OLD.started_at)) * 1440.0, 0), -((julianday(OLD.ended_at) - julianday(OLD.started_at)) * 1440.0 IS NOT NULL)
    WHERE OLD.agent_id IS NOT NULL
    ON CONFLICT (workspace, agent_id, team, week) DO UPDATE SET conversations = conversations + excluded.conversations, risk = risk + excluded.risk, high = high + excluded.high, top1pct = top1pct + excluded.top1pct, overall = overall + excluded.overall, overall_n = overall_n + excluded.overall_n, knowledge_accuracy = knowledge_accuracy + excluded.knowledge_accuracy, knowledge_accuracy_n = knowledge_accuracy_n + excluded.knowledge_accuracy_n, courtesy = courtesy + excluded.courtesy, courtesy_n = courtesy_n + excluded.courtesy_n, empathy = empathy + excluded.empathy, empathy_n = empathy_n + excluded.empathy_n, patience = patience + excluded.patience, patience_n = patience_n + excluded.patience_n, efficiency = efficiency + excluded.efficiency, efficiency_n = efficiency_n + excluded.efficiency_n, findings = findings + excluded.findings, process_complete = process_complete + excluded.process_complete, stable = stable + excluded.stable, turns = turns + excluded.turns, minutes = minutes + excluded.minutes, minutes_n = minutes_n + excluded.minutes_n;
    DELETE FROM conversation_facts WHERE workspace = OLD.workspace AND conversation_id = OLD.id;
    DELETE FROM conversation_tags WHERE workspace = OLD.workspace AND conversation_id = OLD.id;
END;

-- The risk queue filtered by product line and severity (the most severe finding, from the row):
-- counted from the index alone, without reading a million large rows.
CREATE INDEX conversations_product_line_rank ON conversations (workspace, product_line, finding_max_rank, id);
