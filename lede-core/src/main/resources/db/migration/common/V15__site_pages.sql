-- The site's own pages (About, Contact, Privacy, Corrections policy) at /{slug}. The body is the
-- story document's block JSON array; the footer links the published ones by position, then title.
CREATE TABLE site_pages (
    id           TEXT PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    position     INTEGER NOT NULL,
    published    INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    published_at TEXT,
    revision     INTEGER NOT NULL
);
CREATE INDEX site_pages_footer ON site_pages (published, position, title);
