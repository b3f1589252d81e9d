package org.lede.story;

import java.time.Instant;

/** The little a sitemap needs of a live story: where it lives and when it last changed for readers. */
public record StoryStamp(String id, String slug, Instant firstPublishedAt, Instant publishAt, Instant substantiveAt) {
    /** The last (re)publication or substantive update, whichever is later; minor edits do not count. */
    public Instant lastModified() {
        return substantiveAt != null && substantiveAt.isAfter(publishAt) ? substantiveAt : publishAt;
    }
}
