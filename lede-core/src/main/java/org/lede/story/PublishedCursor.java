package org.lede.story;

import java.time.Instant;
import java.util.Objects;

/**
 * A place in the list of published stories, which is ordered by first publication then id,
 * newest first. The first publication never changes once set (it survives unpublishing and
 * republishing, and an update does not move it), so a client walking the pages meets every story
 * once; a story published meanwhile goes before the first page, not into a later one.
 */
public record PublishedCursor(Instant firstPublishedAt, String id) {
    public PublishedCursor {
        Objects.requireNonNull(firstPublishedAt, "firstPublishedAt");
        Objects.requireNonNull(id, "id");
    }

    public static PublishedCursor of(Story story) {
        return new PublishedCursor(story.firstPublishedAt(), story.id());
    }
}
