-- The addresses of deleted dashboards and topics, so readers get 410 Gone (or, for a topic merged
-- into another, a 301 to the topic that took its stories) instead of a 404 that reads as a broken
-- link. A live dashboard or topic that takes the slug again wins over its row here.
CREATE TABLE retired_slugs (
    kind       TEXT NOT NULL,
    slug       TEXT NOT NULL,
    target_id  TEXT,
    retired_at TEXT NOT NULL,
    PRIMARY KEY (kind, slug)
);
CREATE INDEX retired_slugs_by_target ON retired_slugs (kind, target_id);
