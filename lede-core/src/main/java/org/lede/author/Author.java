package org.lede.author;

import java.util.Objects;
import org.lede.common.Check;
import org.lede.common.Slugs;

/**
 * A byline. Staff authors may be tied to a newsroom account; outside contributors need none.
 *
 * @param bio the closing bio line ("Jane Roe directs ..."), used when a story sets none of its own
 */
public record Author(
        String id,
        String slug,
        String name,
        String title,
        String bio,
        String avatarMediaId,
        boolean contributor,
        String userId) {
    public Author {
        Objects.requireNonNull(id, "id");
        slug = Slugs.check("slug", slug);
        name = Check.maxLength("name", Check.required("name", name), 120);
        title = Check.maxLength("title", Check.optional(title), 120);
        bio = Check.maxLength("bio", Check.optional(bio), 400);
        avatarMediaId = Check.optional(avatarMediaId);
        userId = Check.optional(userId);
    }
}
