package org.lede.story;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stories and their revisions. Implementations keep a story and its blocks in one write. */
public interface StoryStore {
    void insert(Story story);

    /**
     * Replaces the story when its stored revision is {@code expectedRevision}; returns false and
     * changes nothing otherwise. The check and the write are one atomic statement.
     */
    boolean update(Story story, int expectedRevision);

    Optional<Story> find(String id);

    Optional<Story> findBySlug(String slug);

    /** The current revision number, or empty when there is no such story. */
    Optional<Integer> revisionOf(String id);

    boolean slugTaken(String slug);

    /** Published stories, newest publish time first. */
    List<Story> latestPublished(int limit, int offset);

    /** Scheduled stories whose publish time is at or before {@code now}, oldest first. */
    List<Story> dueForPublishing(Instant now);

    void addRevision(StoryRevision revision);

    List<StoryRevision> revisions(String storyId);

    Optional<StoryRevision> revision(String storyId, int revision);

    int count();
}
