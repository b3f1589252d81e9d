package org.lede.reading;

import java.time.Instant;
import java.util.List;
import org.lede.topic.Topic;

/**
 * A dashboard as readers see it, on its page and as a card: numbered items, each a label and
 * the headlines it links. Entries pointing at stories that are not live are left out, and so
 * are items left with no entry.
 */
public record DashboardView(String url, String title, String intro, Topic topic, Figure illustration,
                            List<Item> items, Instant updatedAt) implements StreamItem {

    public record Item(String label, List<Link> links) {
    }

    /** @param external true for a link away from this site */
    public record Link(String title, String url, boolean external) {
    }

    @Override
    public Instant shownAt() {
        return updatedAt;
    }
}
