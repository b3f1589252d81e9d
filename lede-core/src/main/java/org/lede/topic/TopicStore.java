package org.lede.topic;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lede.common.Reference;

public interface TopicStore {
    void insert(Topic topic);

    void update(Topic topic);

    Optional<Topic> find(String id);

    Optional<Topic> findBySlug(String slug);

    /** The stories and dashboards filed under the topic. */
    List<Reference> uses(String id);

    /**
     * Deletes the topic and keeps its slug's address: with {@code mergedIntoId}, its stories and
     * dashboards move to that topic first and the old address leads there, as do addresses that
     * led to this topic; without it, the address is gone.
     */
    void delete(Topic topic, String mergedIntoId, Instant at);

    /** The slug of a deleted topic, with the id of the topic it was merged into (null when none). */
    record Retired(String slug, String mergedIntoId) {}

    /** What became of a topic's address that no topic holds now; empty when none ever held it. */
    Optional<Retired> retired(String slug);

    /** All topics in navigation order. */
    List<Topic> all();
}
