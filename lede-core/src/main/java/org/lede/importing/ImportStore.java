package org.lede.importing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What earlier imports made of each source item, and the old addresses that lead to stories. */
public interface ImportStore {
    /** The id of what the source item became, if an earlier import brought it in. */
    Optional<String> target(String kind, String sourceId);

    void remember(String kind, String sourceId, String targetId, Instant at);

    /** Leads an old path to a story; a path already leading somewhere keeps its first story. */
    void redirect(String path, String storyId, Instant at);

    /** The story an old path leads to. */
    Optional<String> redirectTarget(String path);

    /** Every old path with the id of the story it leads to, by path; for a static copy of the site. */
    Map<String, String> redirects();
}
