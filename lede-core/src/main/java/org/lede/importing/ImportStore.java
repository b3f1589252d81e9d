package org.lede.importing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What earlier imports made of each source item, and the old addresses that lead to what they
 * became.
 */
public interface ImportStore {
    /**
     * What an earlier import made of a source item.
     *
     * @param modified when the source had last changed the item as of that import; null when unknown
     */
    record Imported(String targetId, Instant modified) {}

    /** The id of what the source item became, if an earlier import brought it in. */
    default Optional<String> target(String kind, String sourceId) {
        return imported(kind, sourceId).map(Imported::targetId);
    }

    Optional<Imported> imported(String kind, String sourceId);

    default void remember(String kind, String sourceId, String targetId, Instant at) {
        remember(kind, sourceId, targetId, null, at);
    }

    /** Records (or, for an item imported again, replaces) what the source item became. */
    void remember(String kind, String sourceId, String targetId, Instant modified, Instant at);

    /**
     * Leads an old path (with its query, for addresses such as {@code /?p=42}) to a story or a site
     * page, by its id; a path already leading somewhere keeps its first target.
     */
    default void redirect(String path, String targetId, Instant at) {
        redirect(List.of(path), targetId, at);
    }

    /** Leads each of these old addresses to the same story or page, as {@link #redirect(String, String, Instant)}. */
    void redirect(List<String> paths, String targetId, Instant at);

    /** The id of the story or site page an old path leads to. */
    Optional<String> redirectTarget(String path);

    /** Every old path with the id of the story it leads to, by path; for a static copy of the site. */
    Map<String, String> redirects();
}
