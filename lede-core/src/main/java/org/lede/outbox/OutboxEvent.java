package org.lede.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Something that happened, recorded in the same transaction as the change itself, so consumers
 * (search index, page cache, webhooks) can never miss it and can replay from any point.
 *
 * @param seq     the store's position; 0 before the event is appended
 * @param type    such as {@code story.published}
 * @param subject  the id of the thing the event is about
 * @param pageKeys the reader pages it touches, as {@link PageKeys}; empty for changes readers cannot see
 */
public record OutboxEvent(
        long seq, String type, String subject, Map<String, String> data, Instant at, Set<String> pageKeys) {
    public OutboxEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        data = data == null ? Map.of() : Map.copyOf(data);
        Objects.requireNonNull(at, "at");
        pageKeys = pageKeys == null ? Set.of() : Set.copyOf(pageKeys);
    }

    public OutboxEvent(long seq, String type, String subject, Map<String, String> data, Instant at) {
        this(seq, type, subject, data, at, Set.of());
    }
}
