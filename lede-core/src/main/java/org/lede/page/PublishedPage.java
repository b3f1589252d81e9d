package org.lede.page;

import java.time.Instant;

/**
 * What the footer and the sitemap show of a published page, read from its row alone: every
 * reader page has the footer, and parsing each page's body for it was a twentieth of a story
 * page's time.
 */
public record PublishedPage(String slug, String title, Instant updatedAt) {}
