package org.lede.topic;

import java.util.List;
import java.util.Optional;

public interface TopicStore {
    void insert(Topic topic);

    void update(Topic topic);

    Optional<Topic> find(String id);

    Optional<Topic> findBySlug(String slug);

    /** All topics in navigation order. */
    List<Topic> all();
}
