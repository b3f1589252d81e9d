package org.lede.reading;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lede.outbox.PageKeys;
import org.lede.topic.Topic;

/**
 * A dashboard as readers see it, on its page and as a card: numbered items, each a label and
 * the headlines it links. Entries pointing at stories that are not live are left out, and so
 * are items left with no entry.
 */
public record DashboardView(
        String slug,
        String url,
        String title,
        String intro,
        Topic topic,
        Figure illustration,
        List<Item> items,
        Instant updatedAt)
        implements StreamItem {

    public record Item(String label, List<Link> links) {}

    /** @param storyId the linked story, or null for a link away from this site */
    public record Link(String title, String url, String storyId) {
        public boolean external() {
            return storyId == null;
        }
    }

    @Override
    public Instant shownAt() {
        return updatedAt;
    }

    /**
     * The dashboard's own key and one per story it links: the card and the page show those
     * stories' headlines, and drop a link when its story is unpublished.
     */
    @Override
    public Set<String> pageKeys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(PageKeys.dashboard(slug));
        for (Item item : items) {
            for (Link link : item.links()) {
                if (!link.external()) {
                    keys.add(PageKeys.story(link.storyId()));
                }
            }
        }
        return keys;
    }
}
