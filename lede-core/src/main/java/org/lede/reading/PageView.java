package org.lede.reading;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lede.content.Block;
import org.lede.content.ImageBlock;
import org.lede.content.Paragraph;
import org.lede.outbox.PageKeys;

/**
 * A published site page (About, Contact ...), resolved for reading.
 *
 * @param figures   the body's media by id, without caption or credit
 * @param updatedAt its last save, shown as "Last updated" and sent as Last-Modified by sitemaps
 */
public record PageView(
        String slug, String url, String title, List<Block> body, Map<String, Figure> figures, Instant updatedAt)
        implements BodyView {

    @Override
    public Figure figure(ImageBlock image) {
        Figure media = figures.get(image.mediaId());
        return media == null ? null : media.placed(image);
    }

    /** The text of its first paragraph, for the page's description; null when it opens otherwise. */
    public String description() {
        return body.isEmpty() || !(body.getFirst() instanceof Paragraph first)
                ? null
                : first.text().text();
    }

    public Set<String> pageKeys() {
        return Set.of(PageKeys.page(slug));
    }
}
