package org.lede.story;

import java.time.Instant;

/**
 * What a list of search results shows of a story (its time, kind, topic and headline), read from
 * its row alone: a result has the index's snippet where a card has a lede, so reading every
 * block of every result to find one was most of a search page's reads.
 */
public record StoryHeading(
        String id,
        String slug,
        String headline,
        String topicId,
        StoryKind kind,
        Instant publishAt,
        Instant firstPublishedAt,
        Instant substantiveAt) {}
