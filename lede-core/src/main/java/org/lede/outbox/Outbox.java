package org.lede.outbox;

import java.util.List;
import java.util.OptionalLong;

/**
 * The append-only log of events. Append inside the transaction of the change it records, as its
 * last write. Positions grow in commit order, so a reader that remembers the last position it saw
 * never skips an event committed after it looked.
 */
public interface Outbox {
    void append(OutboxEvent event);

    /** Appends a typed event: the way services record what they did. */
    default void append(Event event) {
        append(Events.toOutbox(event));
    }

    /** Events after {@code afterSeq}, oldest first. */
    List<OutboxEvent> after(long afterSeq, int limit);

    /** The position of the newest event, or 0 when there is none. */
    long lastSeq();

    /** The position the named consumer saved last, or empty when it never saved one. */
    OptionalLong position(String consumer);

    /** Records that the named consumer has handled every event up to {@code seq}. */
    void savePosition(String consumer, long seq);
}
