package org.lede.reading;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lede.author.Author;
import org.lede.content.Block;
import org.lede.content.ImageBlock;
import org.lede.outbox.PageKeys;
import org.lede.story.Correction;
import org.lede.topic.Topic;

/**
 * Everything a story page shows, resolved: topic, authors, images, the bio line.
 *
 * @param figures   the body's media by id, without caption or credit (see {@link #figure})
 *
 * @param updated true after a substantive update, when the page says "Updated ..."
 * @param shownAt the time shown: the last substantive update, else the publish time
 * @param savedAt the last save of any kind, for HTTP validators (a typo fix changes the page too)
 */
public record StoryView(
        String id,
        String url,
        String headline,
        String dek,
        Topic topic,
        List<Author> authors,
        Figure hero,
        List<Block> body,
        Map<String, Figure> figures,
        String bioLine,
        Instant publishedAt,
        Instant modifiedAt,
        Instant shownAt,
        boolean updated,
        List<Correction> corrections,
        List<String> tags,
        String kind,
        Instant savedAt)
        implements BodyView {

    /** The figure for an image block of the body: its media's sources with the block's own caption and credit. */
    @Override
    public Figure figure(ImageBlock image) {
        Figure media = figures.get(image.mediaId());
        return media == null ? null : media.placed(image);
    }

    /** The story page's own key; what it links below the story comes from its Go deeper. */
    public Set<String> pageKeys() {
        return Set.of(PageKeys.story(id));
    }
}
