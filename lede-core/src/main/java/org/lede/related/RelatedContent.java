package org.lede.related;

import java.time.Instant;
import java.util.List;
import org.lede.dashboard.Dashboard;
import org.lede.story.Story;

/**
 * Go deeper: what to read after a story. The ranking lives behind this port so a smarter one
 * (text similarity, reading signals) can replace it without touching pages or feeds.
 * Implementations never return the story itself and only return live stories.
 */
public interface RelatedContent {
    List<Related> related(Story story, int limit, int offset);

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
