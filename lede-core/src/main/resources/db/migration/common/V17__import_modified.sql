-- When the source last changed each item, as of its last import: a re-run updates an item whose
-- source moved on since, and leaves the others alone. Null for what has no such time (authors,
-- topics, files) and for items imported before this column existed, which count as unchanged.
ALTER TABLE import_sources ADD COLUMN source_modified TEXT;
