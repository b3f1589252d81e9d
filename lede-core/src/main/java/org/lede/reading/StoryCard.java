package org.lede.reading;

import java.time.Instant;
import java.util.Set;
import org.lede.content.Inline;
import org.lede.content.LeadIn;
import org.lede.outbox.PageKeys;
import org.lede.topic.Topic;

/**
 * A story in a stream, shaped like the cards of a smart-brevity site: time and topic, the
 * headline, the image, the lede and the story's first "Why it matters".
 *
 * @param id the story's id, so a page showing the card can be purged when the story changes
 */
public record StoryCard(
        String id,
        String url,
        String headline,
        Topic topic,
        Figure image,
        Inline lede,
        LeadIn whyItMatters,
        Instant shownAt,
        boolean updated)
        implements StreamItem {

    @Override
    public Set<String> pageKeys() {
        return Set.of(PageKeys.story(id));
    }
}
