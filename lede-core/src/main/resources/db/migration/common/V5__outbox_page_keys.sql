-- The reader pages an event touches, as space-separated surrogate keys (story:ID, topic:SLUG, home ...),
-- decided when the change is made, so every consumer (page cache, CDN purge) evicts exactly those.
ALTER TABLE outbox ADD COLUMN page_keys TEXT NOT NULL DEFAULT '';
