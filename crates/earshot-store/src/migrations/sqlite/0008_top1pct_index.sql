-- The risk queue's "top 1% only" filter over millions of conversations: the marked rows are
-- about one in a hundred and no other index finds them, so counting them or gathering them
-- under another filter read every conversation of the workspace. A partial index holds only
-- the marked rows, in queue order: saving an unmarked conversation (nearly all of them) writes
-- nothing to it, and `mark_top_percent` writes only the rows whose mark changes.
CREATE INDEX IF NOT EXISTS conversations_top1pct ON conversations (workspace, risk DESC, id)
WHERE top1pct = 1;
