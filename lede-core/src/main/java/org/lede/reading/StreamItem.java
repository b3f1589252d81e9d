package org.lede.reading;

import java.time.Instant;

/** One card of a stream: a story or a dashboard, ordered by the time it shows. */
public sealed interface StreamItem permits StoryCard, DashboardView {
    Instant shownAt();

    String url();
}
