package org.lede.reading;

import java.time.Instant;

/**
 * A published site page as the footer links it and a sitemap lists it.
 *
 * @param url          the page's path, such as {@code /about}
 * @param lastModified its last save, for a sitemap's {@code lastmod}
 */
public record PageLink(String title, String url, Instant lastModified) {}
