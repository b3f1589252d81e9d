-- What an import brought in, by the source's own id, so a second run of the same export finds
-- each post, author, category and file it made before and changes nothing.
CREATE TABLE import_sources (
    kind        TEXT NOT NULL,
    source_id   TEXT NOT NULL,
    target_id   TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (kind, source_id)
);
-- The addresses a story had on the site it was imported from (path only, as the old links name
-- it); the reader answers each with a 301 to the story when no route of its own matched.
CREATE TABLE redirects (
    path       TEXT PRIMARY KEY,
    story_id   TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX redirects_by_story ON redirects (story_id);
