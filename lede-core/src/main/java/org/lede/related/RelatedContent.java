package org.lede.related;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.lede.search.SearchDocument;
import org.lede.story.Story;

/**
 * Go deeper: what to read after a story. The ranking lives behind this port so a smarter one
 * (reading signals, say) can replace it without touching pages or feeds.
 * Implementations never return the story itself and only return live stories and dashboards.
 */
public interface RelatedContent {
    /** The most a ranking holds: Go deeper's pages page within it, so none reads deeper than this. */
    int MAX = 50;

    /**
     * The picks for {@code story}, best first, at most {@link #MAX} after its pins: the editors'
     * live pins in their order, then the rest by score. Picks name what they are rather than
     * carry it, so a page loads only the few it shows.
     */
    List<Pick> ranked(Story story);

    /**
     * One pick and why.
     *
     * @param date  the story's date as readers see it, or the dashboard's last update
     * @param score the parts of its score, so editors can see why it is there
     */
    record Pick(String id, SearchDocument.Type type, Instant date, Blend.Score score) {
        public Pick {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(score, "score");
        }
    }
}
