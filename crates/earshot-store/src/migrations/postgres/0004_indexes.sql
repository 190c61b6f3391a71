-- A customer's earlier conversations, for the risk of a customer who complains again.
CREATE INDEX conversations_customer ON conversations (workspace, customer_id, started_at);
