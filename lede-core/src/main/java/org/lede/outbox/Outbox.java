package org.lede.outbox;

import java.util.List;

/** The append-only log of events. Append inside the transaction of the change it records. */
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
}
