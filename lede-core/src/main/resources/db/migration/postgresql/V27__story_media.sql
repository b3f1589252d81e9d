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
);
CREATE INDEX story_media_by_story ON story_media (story_id, position);

INSERT INTO story_media (media_id, story_id, position)
SELECT hero_media_id, id, -1 FROM stories WHERE hero_media_id IS NOT NULL
ON CONFLICT DO NOTHING;

INSERT INTO story_media (media_id, story_id, position)
SELECT data::jsonb ->> 'mediaId', story_id, position FROM story_blocks
WHERE type = 'image' AND data::jsonb ->> 'mediaId' IS NOT NULL
ON CONFLICT DO NOTHING;

-- One function for a block added, removed or changed; each trigger's WHEN keeps it to image
-- blocks where it can, so the other blocks of a story cost no call.
CREATE FUNCTION story_media_block_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        IF OLD.type = 'image' THEN
            DELETE FROM story_media WHERE story_id = OLD.story_id AND position = OLD.position;
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF NEW.type = 'image' THEN
            INSERT INTO story_media (media_id, story_id, position)
            SELECT NEW.data::jsonb ->> 'mediaId', NEW.story_id, NEW.position
            WHERE NEW.data::jsonb ->> 'mediaId' IS NOT NULL
            ON CONFLICT DO NOTHING;
        END IF;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER story_media_block_added AFTER INSERT ON story_blocks
    FOR EACH ROW WHEN (NEW.type = 'image') EXECUTE FUNCTION story_media_block_changed();
CREATE TRIGGER story_media_block_removed AFTER DELETE ON story_blocks
    FOR EACH ROW WHEN (OLD.type = 'image') EXECUTE FUNCTION story_media_block_changed();
CREATE TRIGGER story_media_block_changed AFTER UPDATE ON story_blocks
    FOR EACH ROW EXECUTE FUNCTION story_media_block_changed();

CREATE FUNCTION story_media_hero_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM story_media WHERE story_id = NEW.id AND position = -1;
    END IF;
    IF NEW.hero_media_id IS NOT NULL THEN
        INSERT INTO story_media (media_id, story_id, position) VALUES (NEW.hero_media_id, NEW.id, -1)
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER story_media_hero_added AFTER INSERT ON stories
    FOR EACH ROW WHEN (NEW.hero_media_id IS NOT NULL) EXECUTE FUNCTION story_media_hero_changed();
CREATE TRIGGER story_media_hero_changed AFTER UPDATE OF hero_media_id ON stories
    FOR EACH ROW WHEN (OLD.hero_media_id IS DISTINCT FROM NEW.hero_media_id)
    EXECUTE FUNCTION story_media_hero_changed();
