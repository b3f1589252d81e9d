package org.lede.story;

import java.time.Instant;
import java.util.List;

/**
 * What Go deeper weighs of a candidate story, read without its blocks, authors or revisions, so
 * a hundred candidates cost one narrow query and their tags.
 *
 * @param date the first publication (what readers see as its date), else the last one
 */
public record StoryOutline(String id, String headline, String dek, String topicId, List<String> tags, Instant date) {
    public StoryOutline {
        tags = List.copyOf(tags);
    }
}
