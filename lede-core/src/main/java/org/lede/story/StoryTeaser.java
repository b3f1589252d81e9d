package org.lede.story;

import java.time.Instant;
import java.util.List;
import org.lede.content.Block;
import org.lede.content.ImageBlock;

/**
 * What a story's card is made from, read without the rest of the story. Streams and Go deeper
 * show a dozen cards a page, and reading each of those stories whole (every block, byline, tag
 * and correction) to show two of its blocks was a fifth of a story page's time.
 *
 * @param opening of the body, in order, only what a card can show: the images before the first
 *                block of another kind, that block, and every lead-in after it
 */
public record StoryTeaser(
        String id,
        String slug,
        String headline,
        String topicId,
        ImageBlock hero,
        Instant publishAt,
        Instant firstPublishedAt,
        Instant substantiveAt,
        List<Block> opening) {
    public StoryTeaser {
        opening = List.copyOf(opening);
    }
}
