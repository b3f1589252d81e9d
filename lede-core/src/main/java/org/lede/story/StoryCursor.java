package org.lede.story;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.lede.common.ValidationException;

/**
 * A place in the newsroom's story list, which is ordered by last save then id, newest first: the
 * list pages by "after this story" rather than by an offset, so a page costs the same however
 * deep it is and a story saved meanwhile does not shift every later page by one.
 */
public record StoryCursor(Instant updatedAt, String id) {
    public StoryCursor {
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(id, "id");
    }

    public static StoryCursor of(Story story) {
        return new StoryCursor(story.updatedAt(), story.id());
    }

    /** The cursor a link carries, as {@link #key()} wrote it. */
    public static StoryCursor parse(String key) {
        int cut = key.lastIndexOf('~');
        try {
            if (cut > 0 && cut < key.length() - 1) {
                return new StoryCursor(Instant.parse(key.substring(0, cut)), key.substring(cut + 1));
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new ValidationException("page", "This page of the story list does not exist; start from the first.");
    }

    /** The text form for a link: URL-safe without encoding. */
    public String key() {
        return updatedAt + "~" + id;
    }
}
