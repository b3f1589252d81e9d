package org.lede.demo;

import java.util.List;
import org.lede.author.Author;
import org.lede.media.Media;
import org.lede.topic.Topic;

/**
 * What generated stories refer to: the newsroom's topics, its staff and contributors, and the
 * images heroes reuse (each with its alt text, so every story passes the publishing rules).
 */
public record ArchiveBase(List<Topic> topics, List<Author> staff, List<Author> contributors, List<Media> images) {
    public ArchiveBase {
        topics = List.copyOf(topics);
        staff = List.copyOf(staff);
        contributors = List.copyOf(contributors);
        images = List.copyOf(images);
        if (topics.isEmpty() || staff.isEmpty() || contributors.isEmpty() || images.isEmpty()) {
            throw new IllegalArgumentException("An archive needs topics, staff, contributors and images to refer to.");
        }
        if (images.stream().anyMatch(m -> m.alt() == null)) {
            throw new IllegalArgumentException("Every image a generated hero uses needs alt text.");
        }
    }
}
