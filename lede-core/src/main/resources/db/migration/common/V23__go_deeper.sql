-- Go deeper as last ranked for each live story, so that a story page reads its picks by key
-- rather than ranking them (a more-like-this search and a hundred candidates' outlines, most of
-- an uncached story page at a million stories). Derived from the stories, the dashboards and the
-- search index, ranked ahead of readers by `lede go-deeper`, and not exported.
--
-- picks: one "type id" line per pick, best first; null once stale.
-- as_of: the outbox position the search index had applied when the picks were ranked.
-- stale_from: the position of the latest event that made them stale. A ranking begun before it
-- is refused when it comes to be kept, so a slow reader cannot put back what an event undid.
CREATE TABLE go_deeper (
    story_id   TEXT PRIMARY KEY,
    picks      TEXT,
    as_of      BIGINT NOT NULL,
    stale_from BIGINT NOT NULL
);
