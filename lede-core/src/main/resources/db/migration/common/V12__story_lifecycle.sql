-- Slugs a story was published under before an editor changed it: its old addresses answer 301 to
-- the current one, and no other story may take them while they do.
CREATE TABLE story_old_slugs (
    slug       TEXT PRIMARY KEY,
    story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    retired_at TEXT NOT NULL
);
CREATE INDEX story_old_slugs_by_story ON story_old_slugs (story_id);

-- Why a scheduled story did not go out when it fell due (a publishing rule it fails); null otherwise.
ALTER TABLE stories ADD COLUMN blocked_reason TEXT;

-- The newsroom's story list pages by (updated_at, id) newest first, with or without a status;
-- the review-queue count reads the status index too.
CREATE INDEX stories_by_saved ON stories (updated_at, id);
CREATE INDEX stories_by_status_saved ON stories (status, updated_at, id);
