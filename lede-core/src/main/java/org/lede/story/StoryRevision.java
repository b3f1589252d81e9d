package org.lede.story;

import java.time.Instant;
import java.util.Objects;

/** A saved state of a story: every save keeps one, so any revision can be viewed and restored. */
public record StoryRevision(
        String storyId, int revision, String action, String actorId, Instant savedAt, Story snapshot) {
    public StoryRevision {
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
