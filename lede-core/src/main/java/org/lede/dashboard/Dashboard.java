package org.lede.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.lede.common.Check;
import org.lede.common.Slugs;
import org.lede.content.ImageBlock;

/**
 * A curated hub ("Storm dashboard"). {@code updatedAt} moves whenever its items change, and drives
 * the "Updated X ago" shown on it and its cards.
 */
public record Dashboard(
        String id,
        String slug,
        String title,
        String intro,
        String topicId,
        ImageBlock illustration,
        List<DashboardItem> items,
        Instant createdAt,
        Instant updatedAt,
        int revision) {
    public Dashboard {
        Objects.requireNonNull(id, "id");
        slug = Slugs.check("slug", slug);
        title = Check.maxLength("title", Check.required("title", title), 200);
        intro = Check.maxLength("intro", Check.optional(intro), 1000);
        topicId = Check.optional(topicId);
        items = Check.list(items);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
