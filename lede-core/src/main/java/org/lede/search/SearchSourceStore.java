package org.lede.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Which stories and dashboards the index must hold, by id: everything in id order for a rebuild
 * (a keyset, so memory stays bounded at any archive size), and what a topic's or author's change
 * touches.
 */
public interface SearchSourceStore {
    /** Story ids after {@code afterId} (null for the first), in id order, at most {@code limit}. */
    List<String> storyIdsAfter(String afterId, int limit);

    /** Dashboard ids after {@code afterId} (null for the first), in id order, at most {@code limit}. */
    List<String> dashboardIdsAfter(String afterId, int limit);

    /** Stories filed under the topic. */
    List<String> storyIdsInTopic(String topicId);

    /** Dashboards filed under the topic. */
    List<String> dashboardIdsInTopic(String topicId);

    /** Stories with the author in their byline. */
    List<String> storyIdsByAuthor(String authorId);

    /** How many stories and dashboards there are: what a rebuild will index. */
    long count();

    /**
     * The stories with these ids as the index reads them, in no particular order; ids of no story
     * are left out. Read from the rows alone, without building each story: a rebuild reads every
     * story of the archive, and building them was half its work.
     *
     * @throws org.lede.common.CorruptDataException when a story's blocks do not read as the content model
     */
    List<StoryText> storyTexts(Collection<String> ids);

    /**
     * A story's words and what searches filter on, as stored.
     *
     * @param heroCaption the hero image's caption, or null
     * @param leadIns     the lead-in blocks' labels, in order
     * @param blocks      each block's text as {@link org.lede.content.Block#plainText} gives it
     *                    (a lead-in's without its label), in order; blank for an embed
     * @param tags        in their order
     * @param authorIds   the byline, in order
     * @param kind        the kind's key
     * @param status      the status's key
     */
    record StoryText(
            String id,
            String headline,
            String dek,
            String heroCaption,
            List<String> leadIns,
            List<String> blocks,
            String topicId,
            List<String> tags,
            List<String> authorIds,
            String kind,
            String status,
            String createdBy,
            Instant firstPublishedAt,
            Instant updatedAt) {}
}
