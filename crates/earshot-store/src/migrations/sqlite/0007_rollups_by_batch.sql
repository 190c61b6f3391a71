-- The rollups of 0006 are kept by `save_batch` from here on (`src/rollups.rs`): it takes a
-- re-analysed conversation's old row out and puts the new one in, sums the changes of the whole
-- batch per rollup row and writes each changed row once, and writes the conversation's team and
-- tags. Row triggers did the same a conversation at a time, at several statements each, which
-- cost more than the rest of the save. Deletion and the top-1% mark keep their triggers.
DROP TRIGGER IF EXISTS conversations_rollup_insert;
DROP TRIGGER IF EXISTS conversations_rollup_update;
