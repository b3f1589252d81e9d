-- Reader streams (home, topic) read (publish time, id) newest first straight off an index and
-- start after a cursor, so no page sorts and none counts past an offset. These replace the
-- indexes that stopped at the time, which left the id's tie-break to a sort.
DROP INDEX stories_by_status_time;
DROP INDEX stories_by_topic;
CREATE INDEX stories_stream ON stories (status, publish_at, id);
CREATE INDEX stories_topic_stream ON stories (topic_id, status, publish_at, id);

-- A story's address is dated by its first publication: the sitemap's month parts, the content
-- API's list and the news sitemap follow it.
CREATE INDEX stories_by_first_published ON stories (status, first_published_at, id);

-- Covering: "the stories of this author" and "of this tag" read the ids off the index alone.
DROP INDEX story_authors_by_author;
CREATE INDEX story_authors_by_author ON story_authors (author_id, story_id);
DROP INDEX story_tags_by_tag;
CREATE INDEX story_tags_by_tag ON story_tags (tag, story_id);

-- An author's page lists their live stories by publish time, which lives on stories while the
-- byline lives on story_authors: no index spans both, so every page of a prolific author would
-- sort all their stories. This derived table holds each live byline with its story's time, kept
-- by triggers so that every writer (the store, imports, restores, bulk generators) keeps it true.
-- It is not exported: it is rebuilt from what is.
CREATE TABLE author_stream (
    author_id  TEXT NOT NULL,
    publish_at TEXT NOT NULL,
    story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    PRIMARY KEY (author_id, publish_at, story_id)
)
 WITHOUT ROWID;
CREATE INDEX author_stream_by_story ON author_stream (story_id);

INSERT OR IGNORE INTO author_stream (author_id, publish_at, story_id)
SELECT a.author_id, s.publish_at, s.id FROM story_authors a JOIN stories s ON s.id = a.story_id
WHERE s.status = 'published' AND s.publish_at IS NOT NULL;

CREATE TRIGGER author_stream_byline_added AFTER INSERT ON story_authors
BEGIN
    INSERT OR IGNORE INTO author_stream (author_id, publish_at, story_id)
    SELECT NEW.author_id, s.publish_at, s.id FROM stories s
    WHERE s.id = NEW.story_id AND s.status = 'published' AND s.publish_at IS NOT NULL;
END;

CREATE TRIGGER author_stream_byline_removed AFTER DELETE ON story_authors
BEGIN
    DELETE FROM author_stream WHERE story_id = OLD.story_id AND author_id = OLD.author_id;
END;

CREATE TRIGGER author_stream_story_moved AFTER UPDATE OF status, publish_at ON stories
WHEN OLD.status IS NOT NEW.status OR OLD.publish_at IS NOT NEW.publish_at
BEGIN
    DELETE FROM author_stream WHERE story_id = NEW.id;
    INSERT OR IGNORE INTO author_stream (author_id, publish_at, story_id)
    SELECT a.author_id, NEW.publish_at, NEW.id FROM story_authors a
    WHERE a.story_id = NEW.id AND NEW.status = 'published' AND NEW.publish_at IS NOT NULL;
END;
