package org.lede.story;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A calendar month (UTC) of live stories, grouped by their last (re)publication, for the sitemap index.
 *
 * @param stories      how many live stories were last (re)published in it
 * @param lastModified the latest publication or substantive update among them
 */
public record PublishedMonth(YearMonth month, int stories, Instant lastModified) {}
