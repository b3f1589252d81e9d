package org.lede.reading;

import java.time.Instant;
import java.util.Set;

/** One card of a stream: a story or a dashboard, ordered by the time it shows. */
public sealed interface StreamItem permits StoryCard, DashboardView {
    Instant shownAt();

    String url();

    /** The surrogate keys ({@link org.lede.outbox.PageKeys}) of everything the card shows. */
    Set<String> pageKeys();
}
