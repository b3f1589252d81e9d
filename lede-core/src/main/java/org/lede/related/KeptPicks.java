package org.lede.related;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lede.related.GoDeeper.Ref;

/** Where {@link GoDeeper} keeps each story's ranking between story pages. */
public interface KeptPicks {
    /** The story's kept picks, best first; empty when none were kept or they went stale. */
    Optional<List<Ref>> find(String storyId);

    /**
     * Keeps {@code picks}, ranked while the search index had applied the outbox through {@code
     * asOf}, unless an event past that position has made the story's picks stale since.
     *
     * @return whether they were kept
     */
    default boolean keep(String storyId, List<Ref> picks, long asOf) {
        return keepAll(Map.of(storyId, picks), asOf) == 1;
    }

    /**
     * Keeps each story's picks as {@link #keep} does, in one transaction: a bulk ranking waits for
     * the disk once a batch rather than once a story.
     *
     * @return how many stories' picks were kept
     */
    int keepAll(Map<String, List<Ref>> picksByStory, long asOf);

    /** Marks the picks of {@code storyIds} stale as of the outbox event {@code seq}. */
    void markStale(Collection<String> storyIds, long seq);

    /** Drops whatever is kept for stories that no longer exist. */
    void forget(Collection<String> storyIds);

    /** Up to {@code limit} live stories after {@code afterId} in id order whose picks are missing or stale. */
    List<String> unranked(String afterId, int limit);

    /** How many live stories have no kept picks, or stale ones. */
    long unrankedCount();
}
