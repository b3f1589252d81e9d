-- Go deeper reads the stories of a tag published nearest a date. story_tags alone cannot answer
-- that without reading every story of the tag, so this table keeps (tag, publish_at) for live
-- stories, in an index read as a range. Triggers keep it, so every writer (the store, the demo's
-- bulk path, an import) stays in step without knowing it exists; it is derived and not exported.
CREATE TABLE live_story_tags (
    story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    publish_at TEXT NOT NULL,
    PRIMARY KEY (story_id, tag)
);
CREATE INDEX live_story_tags_by_tag ON live_story_tags (tag, publish_at, story_id);

INSERT OR IGNORE INTO live_story_tags (story_id, tag, publish_at)
SELECT t.story_id, t.tag, s.publish_at
FROM story_tags t JOIN stories s ON s.id = t.story_id
WHERE s.status = 'published' AND s.publish_at IS NOT NULL;

CREATE TRIGGER live_story_tags_tag_added AFTER INSERT ON story_tags
BEGIN
    INSERT OR IGNORE INTO live_story_tags (story_id, tag, publish_at)
    SELECT s.id, NEW.tag, s.publish_at FROM stories s
    WHERE s.id = NEW.story_id AND s.status = 'published' AND s.publish_at IS NOT NULL;
END;

CREATE TRIGGER live_story_tags_tag_removed AFTER DELETE ON story_tags
BEGIN
    DELETE FROM live_story_tags WHERE story_id = OLD.story_id AND tag = OLD.tag;
END;

CREATE TRIGGER live_story_tags_story_changed AFTER UPDATE OF status, publish_at ON stories
WHEN OLD.status IS NOT NEW.status OR OLD.publish_at IS NOT NEW.publish_at
BEGIN
    DELETE FROM live_story_tags WHERE story_id = NEW.id;
    INSERT OR IGNORE INTO live_story_tags (story_id, tag, publish_at)
    SELECT t.story_id, t.tag, NEW.publish_at FROM story_tags t
    WHERE t.story_id = NEW.id AND NEW.status = 'published' AND NEW.publish_at IS NOT NULL;
END;
