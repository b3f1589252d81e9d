package org.lede.story;

import java.time.Instant;

/**
 * Which published stories a client asked for; every part is optional (null).
 *
 * @param topicId      only stories of this topic
 * @param authorId     only stories with this author in their byline
 * @param tag          only stories carrying this tag, exactly as written
 * @param kind         only stories of this kind
 * @param changedSince only stories saved at or after this time (any save: a typo fix, a correction)
 */
public record PublishedFilter(String topicId, String authorId, String tag, StoryKind kind, Instant changedSince) {
    public static final PublishedFilter ALL = new PublishedFilter(null, null, null, null, null);
}
