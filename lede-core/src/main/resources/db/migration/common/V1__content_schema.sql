-- One script for SQLite and PostgreSQL: portable types only. Instants are fixed-width UTC text
-- (see org.lede.db.Times); flags are 0/1 integers; JSON is kept as text.

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,
    password_hash TEXT,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);

CREATE TABLE topics (
    id          TEXT PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    description TEXT,
    position    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE media (
    id              TEXT PRIMARY KEY,
    sha256          TEXT NOT NULL UNIQUE,
    content_type    TEXT NOT NULL,
    byte_size       BIGINT NOT NULL,
    width           INTEGER NOT NULL,
    height          INTEGER NOT NULL,
    alt             TEXT,
    default_caption TEXT,
    credit_kind     TEXT,
    credit_by       TEXT,
    credit_via      TEXT,
    original_name   TEXT,
    created_at      TEXT NOT NULL
);

CREATE TABLE authors (
    id              TEXT PRIMARY KEY,
    slug            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    title           TEXT,
    bio             TEXT,
    avatar_media_id TEXT REFERENCES media (id),
    contributor     INTEGER NOT NULL DEFAULT 0,
    user_id         TEXT REFERENCES users (id)
);

CREATE TABLE stories (
    id                 TEXT PRIMARY KEY,
    slug               TEXT NOT NULL UNIQUE,
    headline           TEXT NOT NULL,
    dek                TEXT,
    topic_id           TEXT REFERENCES topics (id),
    kind               TEXT NOT NULL,
    contributor_note   TEXT,
    hero_media_id      TEXT REFERENCES media (id),
    hero_caption       TEXT,
    hero_credit_kind   TEXT,
    hero_credit_by     TEXT,
    hero_credit_via    TEXT,
    status             TEXT NOT NULL,
    publish_at         TEXT,
    first_published_at TEXT,
    substantive_at     TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    created_by         TEXT,
    revision           INTEGER NOT NULL
);
CREATE INDEX stories_by_status_time ON stories (status, publish_at);
CREATE INDEX stories_by_topic ON stories (topic_id, status, publish_at);

-- The body, one row a block in order; data is the block's JSON without its type.
CREATE TABLE story_blocks (
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    type     TEXT NOT NULL,
    data     TEXT NOT NULL,
    PRIMARY KEY (story_id, position)
);

CREATE TABLE story_authors (
    story_id  TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    author_id TEXT NOT NULL REFERENCES authors (id),
    PRIMARY KEY (story_id, position)
);
CREATE INDEX story_authors_by_author ON story_authors (author_id);

CREATE TABLE story_tags (
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tag      TEXT NOT NULL,
    PRIMARY KEY (story_id, position)
);
CREATE INDEX story_tags_by_tag ON story_tags (tag);

CREATE TABLE story_corrections (
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    at       TEXT NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (story_id, position)
);

-- Go deeper pins: a story or dashboard id, editor-ordered.
CREATE TABLE story_pins (
    story_id  TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    target_id TEXT NOT NULL,
    PRIMARY KEY (story_id, position)
);

-- Every save of a story, whole, so any revision can be shown, compared and restored.
CREATE TABLE story_revisions (
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    action   TEXT NOT NULL,
    actor_id TEXT,
    saved_at TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    PRIMARY KEY (story_id, revision)
);

CREATE TABLE dashboards (
    id                 TEXT PRIMARY KEY,
    slug               TEXT NOT NULL UNIQUE,
    title              TEXT NOT NULL,
    intro              TEXT,
    topic_id           TEXT REFERENCES topics (id),
    illustration_media_id   TEXT REFERENCES media (id),
    illustration_caption    TEXT,
    illustration_credit_kind TEXT,
    illustration_credit_by   TEXT,
    illustration_credit_via  TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    revision           INTEGER NOT NULL
);

CREATE TABLE dashboard_items (
    dashboard_id TEXT NOT NULL REFERENCES dashboards (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    label        TEXT NOT NULL,
    PRIMARY KEY (dashboard_id, position)
);

CREATE TABLE dashboard_entries (
    dashboard_id  TEXT NOT NULL,
    item_position INTEGER NOT NULL,
    position      INTEGER NOT NULL,
    story_id      TEXT REFERENCES stories (id),
    url           TEXT,
    title         TEXT,
    PRIMARY KEY (dashboard_id, item_position, position),
    FOREIGN KEY (dashboard_id, item_position) REFERENCES dashboard_items (dashboard_id, position) ON DELETE CASCADE
);
CREATE INDEX dashboard_entries_by_story ON dashboard_entries (story_id);
