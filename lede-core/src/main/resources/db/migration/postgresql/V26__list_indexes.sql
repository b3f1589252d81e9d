-- The newsroom's story list pages by last save, (updated_at, id) newest first, and filters it by
-- who created a story (the whole list of a writer or a contributor), by topic and by byline. With
-- only (updated_at, id) indexed, a filter the index does not hold read the archive until a page
-- was full: at a million stories a writer's list took a second and a topic's up to two, and a
-- byline seldom used read every story. Each filter now has an index in the list's order.
CREATE INDEX stories_by_creator_saved ON stories (created_by, updated_at, id);
CREATE INDEX stories_by_topic_saved ON stories (topic_id, updated_at, id);

-- The byline lives on story_authors and the save time on stories, so no index spans both. Like
-- author_stream (V19) for live stories, this derived table holds every byline with its story's
-- last save, kept by triggers so that every writer (the store, imports, restores, the bulk
-- generator) keeps it true. It is not exported: it is rebuilt from what is.
CREATE TABLE author_saved (
    author_id TEXT NOT NULL,
    saved_at  TEXT NOT NULL,
    story_id  TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    PRIMARY KEY (author_id, saved_at, story_id)
);
CREATE INDEX author_saved_by_story ON author_saved (story_id);

INSERT INTO author_saved (author_id, saved_at, story_id)
SELECT a.author_id, s.updated_at, s.id FROM story_authors a JOIN stories s ON s.id = a.story_id
ON CONFLICT DO NOTHING;

CREATE FUNCTION author_saved_story_saved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE author_saved SET saved_at = NEW.updated_at WHERE story_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER author_saved_story_saved AFTER UPDATE OF updated_at ON stories
    FOR EACH ROW WHEN (OLD.updated_at IS DISTINCT FROM NEW.updated_at)
    EXECUTE FUNCTION author_saved_story_saved();

-- The content API lists live stories by first publication, (first_published_at, id) newest first,
-- filtered by topic, kind, byline or tag. Walking the first-publication index and dropping what
-- the filter does not hold read the whole archive for a rare tag (2.4 s at a million stories):
-- topic and kind now have indexes in that order, and bylines and tags derived tables, kept like
-- author_stream by triggers and not exported.
CREATE INDEX stories_by_topic_first_published ON stories (topic_id, status, first_published_at, id);
CREATE INDEX stories_by_kind_first_published ON stories (kind, status, first_published_at, id);

CREATE TABLE author_published (
    author_id TEXT NOT NULL,
    first_at  TEXT NOT NULL,
    story_id  TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    PRIMARY KEY (author_id, first_at, story_id)
);
CREATE INDEX author_published_by_story ON author_published (story_id);

CREATE TABLE tag_published (
    tag      TEXT NOT NULL,
    first_at TEXT NOT NULL,
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    PRIMARY KEY (tag, first_at, story_id)
);
CREATE INDEX tag_published_by_story ON tag_published (story_id);

INSERT INTO author_published (author_id, first_at, story_id)
SELECT a.author_id, s.first_published_at, s.id FROM story_authors a JOIN stories s ON s.id = a.story_id
WHERE s.status = 'published' AND s.first_published_at IS NOT NULL
ON CONFLICT DO NOTHING;

INSERT INTO tag_published (tag, first_at, story_id)
SELECT t.tag, s.first_published_at, s.id FROM story_tags t JOIN stories s ON s.id = t.story_id
WHERE s.status = 'published' AND s.first_published_at IS NOT NULL
ON CONFLICT DO NOTHING;

-- A byline added or removed keeps author_saved and author_published both, one trigger each way.
CREATE FUNCTION byline_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO author_saved (author_id, saved_at, story_id)
    SELECT NEW.author_id, s.updated_at, s.id FROM stories s WHERE s.id = NEW.story_id
    ON CONFLICT DO NOTHING;
    INSERT INTO author_published (author_id, first_at, story_id)
    SELECT NEW.author_id, s.first_published_at, s.id FROM stories s
    WHERE s.id = NEW.story_id AND s.status = 'published' AND s.first_published_at IS NOT NULL
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER byline_added AFTER INSERT ON story_authors
    FOR EACH ROW EXECUTE FUNCTION byline_added();

CREATE FUNCTION byline_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM author_saved WHERE story_id = OLD.story_id AND author_id = OLD.author_id;
    DELETE FROM author_published WHERE story_id = OLD.story_id AND author_id = OLD.author_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER byline_removed AFTER DELETE ON story_authors
    FOR EACH ROW EXECUTE FUNCTION byline_removed();

CREATE FUNCTION tag_published_tag_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tag_published (tag, first_at, story_id)
    SELECT NEW.tag, s.first_published_at, s.id FROM stories s
    WHERE s.id = NEW.story_id AND s.status = 'published' AND s.first_published_at IS NOT NULL
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER tag_published_tag_added AFTER INSERT ON story_tags
    FOR EACH ROW EXECUTE FUNCTION tag_published_tag_added();

CREATE FUNCTION tag_published_tag_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM tag_published WHERE story_id = OLD.story_id AND tag = OLD.tag;
    RETURN NULL;
END
$$;
CREATE TRIGGER tag_published_tag_removed AFTER DELETE ON story_tags
    FOR EACH ROW EXECUTE FUNCTION tag_published_tag_removed();

CREATE FUNCTION published_story_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM author_published WHERE story_id = NEW.id;
    DELETE FROM tag_published WHERE story_id = NEW.id;
    INSERT INTO author_published (author_id, first_at, story_id)
    SELECT a.author_id, NEW.first_published_at, NEW.id FROM story_authors a
    WHERE a.story_id = NEW.id AND NEW.status = 'published' AND NEW.first_published_at IS NOT NULL
    ON CONFLICT DO NOTHING;
    INSERT INTO tag_published (tag, first_at, story_id)
    SELECT t.tag, NEW.first_published_at, NEW.id FROM story_tags t
    WHERE t.story_id = NEW.id AND NEW.status = 'published' AND NEW.first_published_at IS NOT NULL
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER published_story_moved AFTER UPDATE OF status, first_published_at ON stories
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status
        OR OLD.first_published_at IS DISTINCT FROM NEW.first_published_at)
    EXECUTE FUNCTION published_story_moved();
