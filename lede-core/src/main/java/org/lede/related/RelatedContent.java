package org.lede.related;

import java.util.List;
import org.lede.story.Story;

/**
 * Go deeper: what to read after a story. The ranking lives behind this port so a smarter one
 * (text similarity, reading signals) can replace it without touching pages or feeds.
 * Implementations never return the story itself and only return live stories.
 */
public interface RelatedContent {
    List<Related> related(Story story, int limit, int offset);

    /** A story or a dashboard, by id. */
    record Related(Kind kind, String id) {
        public enum Kind { STORY, DASHBOARD }
    }
}
