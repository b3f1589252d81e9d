package org.lede.story;

import java.util.Locale;

public enum StoryStatus {
    DRAFT,
    IN_REVIEW,
    SCHEDULED,
    PUBLISHED,
    UNPUBLISHED,
    /** Taken down for good after being published: kept with its revisions, out of the newsroom's default list. */
    ARCHIVED;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static StoryStatus parse(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
