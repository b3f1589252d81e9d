-- The home page's top stories in the editors' order; when empty the newest stories lead.
CREATE TABLE top_stories (
    position INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL UNIQUE REFERENCES stories (id) ON DELETE CASCADE
);
