package org.lede.user;

import java.util.Locale;
import org.lede.common.ValidationException;

/** What a newsroom member may do; checked in the services, not only in the routes. */
public enum Role {
    /** Everything, including people and settings. */
    ADMIN,
    /** Publishes, schedules, updates, corrects and curates. */
    EDITOR,
    /** Writes and edits their own drafts and submits them for review. */
    WRITER,
    /** Writes drafts only. */
    CONTRIBUTOR;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean canPublish() {
        return this == ADMIN || this == EDITOR;
    }

    public static Role parse(String key) {
        for (Role role : values()) {
            if (role.key().equals(key == null ? "" : key.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new ValidationException("role", "A role is admin, editor, writer or contributor, not \"" + key + "\".");
    }
}
