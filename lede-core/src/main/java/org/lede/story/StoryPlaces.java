package org.lede.story;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lede.common.Check;
import org.lede.outbox.PageKeys;

/**
 * Where readers meet a story besides its own page: its topic's and authors' pages, the
 * dashboards that list it, and the stories that pin it under Go deeper.
 *
 * @param topicSlug null when the story has no topic
 */
public record StoryPlaces(
        String topicSlug, List<String> authorSlugs, List<String> dashboardSlugs, List<String> pinnedBy) {
    public StoryPlaces {
        authorSlugs = Check.list(authorSlugs);
        dashboardSlugs = Check.list(dashboardSlugs);
        pinnedBy = Check.list(pinnedBy);
    }

    /** The pages that show the story {@code storyId} placed here, home included. */
    public Set<String> pageKeys(String storyId) {
        Set<String> keys = new HashSet<>();
        keys.add(PageKeys.story(storyId));
        keys.add(PageKeys.HOME);
        if (topicSlug != null) {
            keys.add(PageKeys.topic(topicSlug));
        }
        authorSlugs.forEach(slug -> keys.add(PageKeys.author(slug)));
        dashboardSlugs.forEach(slug -> keys.add(PageKeys.dashboard(slug)));
        pinnedBy.forEach(id -> keys.add(PageKeys.story(id)));
        return keys;
    }
}
