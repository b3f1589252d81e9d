package org.lede.topic;

import java.util.Objects;
import org.lede.common.Check;
import org.lede.common.Slugs;

/** A section of the site, such as "Politics &amp; Policy"; {@code position} orders the navigation. */
public record Topic(String id, String slug, String name, String description, int position) {
    public Topic {
        Objects.requireNonNull(id, "id");
        slug = Slugs.check("slug", slug);
        name = Check.maxLength("name", Check.required("name", name), 80);
        description = Check.maxLength("description", Check.optional(description), 400);
    }
}
