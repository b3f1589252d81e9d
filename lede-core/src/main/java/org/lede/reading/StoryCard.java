package org.lede.reading;

import java.time.Instant;
import org.lede.content.Inline;
import org.lede.content.LeadIn;
import org.lede.topic.Topic;

/**
 * A story in a stream, shaped like the cards of a smart-brevity site: time and topic, the
 * headline, the image, the lede and the story's first "Why it matters".
 */
public record StoryCard(String url, String headline, Topic topic, Figure image, Inline lede, LeadIn whyItMatters,
                        Instant shownAt, boolean updated) implements StreamItem {
}
