-- A customer's earlier conversations, for the risk of a customer who complains again.
CREATE INDEX IF NOT EXISTS conversations_customer ON conversations (workspace, customer_id, started_at);
-- The risk queue on millions of rows: the page is chosen over row ids from an index in risk
-- order (ties by id, as the queue sorts), by agent, by date range, or by finding code, and
-- only its rows are read. Wider indexes replace narrower ones on the same leading columns,
-- so that saving is not slowed by more indexes than the queue needs.
DROP INDEX IF EXISTS conversations_risk;
CREATE INDEX conversations_risk ON conversations (workspace, risk DESC, id);
CREATE INDEX IF NOT EXISTS conversations_agent_risk ON conversations (workspace, agent_id, risk DESC, id);
DROP INDEX IF EXISTS conversations_started;
CREATE INDEX IF NOT EXISTS conversations_started_risk ON conversations (workspace, started_at, risk, id);
DROP INDEX IF EXISTS findings_code;
CREATE INDEX IF NOT EXISTS findings_code_conversation ON findings (workspace, code, conversation_id);
