package org.lede.user;

import java.util.Objects;
import org.lede.common.ForbiddenException;

/**
 * Who is asking a service to act. {@link #SYSTEM} is Lede itself: the scheduler, imports and
 * demo content, with an editor's rights.
 */
public record Actor(String userId, Role role) {
    public static final Actor SYSTEM = new Actor("system", Role.ADMIN);

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    /** Refuses with {@code refusal} unless the actor may publish and curate: editors and admins. */
    public void requireEditor(String refusal) {
        if (!role.canPublish()) {
            throw new ForbiddenException(refusal);
        }
    }
}
