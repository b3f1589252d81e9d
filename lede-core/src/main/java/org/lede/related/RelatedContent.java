package org.lede.related;

import java.time.Instant;
import java.util.List;
import org.lede.dashboard.Dashboard;
import org.lede.story.Story;

/**
 * Go deeper: what to read after a story. The ranking lives behind this port so a smarter one
 * (reading signals, say) can replace it without touching pages or feeds.
 * Implementations never return the story itself and only return live stories.
 */
public interface RelatedContent {
    /** The most a ranking holds: Go deeper's pages page within it, so none reads deeper than this. */
    int MAX = 50;

    /**
     * The picks for {@code story}, best first, at most {@link #MAX}: the editors' live pins in
     * their order, then the rest by score. Each pick carries the parts of its score, so editors
     * can see why it is there.
     */
    List<Pick> ranked(Story story);

    /** One pick and why. */
    record Pick(Related item, Blend.Score score) {}

    /** A related story or dashboard, already loaded, so pages need not read it again. */
    sealed interface Related permits RelatedStory, RelatedDashboard {
        String id();

        Instant shownAt();
    }

    record RelatedStory(Story story) implements Related {
        @Override
        public String id() {
            return story.id();
        }

        @Override
        public Instant shownAt() {
            return story.publishAt();
        }
    }

    record RelatedDashboard(Dashboard dashboard) implements Related {
        @Override
        public String id() {
            return dashboard.id();
        }

        @Override
        public Instant shownAt() {
            return dashboard.updatedAt();
        }
    }
}
