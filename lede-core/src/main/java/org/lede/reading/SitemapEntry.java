package org.lede.reading;

import java.time.Instant;

/**
 * One address for a sitemap.
 *
 * @param path         the site-relative address
 * @param lastModified when what it shows last changed for readers; null when nothing on it ever did
 */
public record SitemapEntry(String path, Instant lastModified) {}
