package org.lede.page;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.lede.common.Check;
import org.lede.common.Slugs;
import org.lede.content.Block;

/**
 * A page of the site that is not news: About, Contact, Privacy, the corrections policy. It lives at
 * {@code /{slug}}, and, while published, the reader footer links it in {@code position} order.
 *
 * @param publishedAt when it was last published, or null while it is a draft
 * @param updatedAt   the last save of any kind, shown as the page's last change
 */
public record SitePage(
        String id,
        String slug,
        String title,
        List<Block> body,
        int position,
        boolean published,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        int revision) {
    public static final int TITLE_MAX = 120;

    public SitePage {
        Objects.requireNonNull(id, "id");
        slug = Slugs.check("slug", slug);
        title = Check.maxLength("title", Check.required("title", title), TITLE_MAX);
        body = List.copyOf(body);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** What the footer shows of it: its title and address, in its position. */
    public boolean sameInFooter(SitePage other) {
        return other != null
                && published == other.published
                && slug.equals(other.slug)
                && title.equals(other.title)
                && position == other.position;
    }
}
