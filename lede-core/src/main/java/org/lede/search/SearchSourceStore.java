package org.lede.search;

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
}
