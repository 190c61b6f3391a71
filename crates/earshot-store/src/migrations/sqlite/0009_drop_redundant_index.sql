-- `conversations_product_line (workspace, product_line)` is the start of
-- `conversations_product_line_rank (workspace, product_line, finding_max_rank, id)`, which serves
-- every lookup it served; each saved conversation paid for both.
DROP INDEX IF EXISTS conversations_product_line;
