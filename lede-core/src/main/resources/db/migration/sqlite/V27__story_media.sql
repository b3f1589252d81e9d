-- Which stories show a media item, as their hero or in an image block: what a refusal to delete
-- it names, and what decides whether a writer may still describe it. Those read every image
-- block of the archive with LIKE, and every story for its hero: 12 s and more at a million
-- stories, inside the describing writer's transaction. Like author_stream, this derived table is
-- kept by triggers, so every writer of stories keeps it true, and it is not exported. A hero is
-- position -1; a block keeps its own position, by which its removal finds its row.
CREATE TABLE story_media (
    media_id TEXT NOT NULL,
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (media_id, story_id, position)
)
 WITHOUT ROWID;
CREATE INDEX story_media_by_story ON story_media (story_id, position);

INSERT OR IGNORE INTO story_media (media_id, story_id, position)
SELECT hero_media_id, id, -1 FROM stories WHERE hero_media_id IS NOT NULL;

INSERT OR IGNORE INTO story_media (media_id, story_id, position)
SELECT json_extract(data, '$.mediaId'), story_id, position FROM story_blocks
WHERE type = 'image' AND json_extract(data, '$.mediaId') IS NOT NULL;

CREATE TRIGGER story_media_block_added AFTER INSERT ON story_blocks
WHEN NEW.type = 'image' AND json_extract(NEW.data, '$.mediaId') IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO story_media (media_id, story_id, position)
    VALUES (json_extract(NEW.data, '$.mediaId'), NEW.story_id, NEW.position);
END;

CREATE TRIGGER story_media_block_removed AFTER DELETE ON story_blocks
WHEN OLD.type = 'image'
BEGIN
    DELETE FROM story_media WHERE story_id = OLD.story_id AND position = OLD.position;
END;

CREATE TRIGGER story_media_block_changed AFTER UPDATE ON story_blocks
BEGIN
    DELETE FROM story_media WHERE story_id = OLD.story_id AND position = OLD.position AND OLD.type = 'image';
    INSERT OR IGNORE INTO story_media (media_id, story_id, position)
    SELECT json_extract(NEW.data, '$.mediaId'), NEW.story_id, NEW.position
    WHERE NEW.type = 'image' AND json_extract(NEW.data, '$.mediaId') IS NOT NULL;
END;

CREATE TRIGGER story_media_hero_added AFTER INSERT ON stories
WHEN NEW.hero_media_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO story_media (media_id, story_id, position) VALUES (NEW.hero_media_id, NEW.id, -1);
END;

CREATE TRIGGER story_media_hero_changed AFTER UPDATE OF hero_media_id ON stories
WHEN OLD.hero_media_id IS NOT NEW.hero_media_id
BEGIN
    DELETE FROM story_media WHERE story_id = NEW.id AND position = -1;
    INSERT OR IGNORE INTO story_media (media_id, story_id, position)
    SELECT NEW.hero_media_id, NEW.id, -1 WHERE NEW.hero_media_id IS NOT NULL;
END;
