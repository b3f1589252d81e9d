package org.lede.app;

import java.time.ZoneId;
import org.lede.reading.SiteSettings;
import picocli.CommandLine.Option;

/**
 * The site's name and public address, which every page, feed and sitemap writes: {@code serve}
 * and {@code export site} take them alike, so an exported page is the page the server answers.
 */
final class SiteOptions {
    private static final String TAGLINE = "News in brief, made to scan.";

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            defaultValue = "${env:LEDE_BASE_URL}",
            description = "The site's public address, for canonical links and feeds (serve's default: "
                    + "http://localhost:PORT; export site requires it).")
    String baseUrl;

    @Option(
            names = "--site-name",
            paramLabel = "NAME",
            defaultValue = "${env:LEDE_SITE_NAME:-Lede}",
            description = "The site's name (default: ${DEFAULT-VALUE}).")
    String siteName;

    boolean hasBaseUrl() {
        return baseUrl != null && !baseUrl.isBlank();
    }

    /** @param fallbackBaseUrl the address when none is given */
    SiteSettings site(String fallbackBaseUrl, ZoneId zone) {
        return new SiteSettings(siteName, TAGLINE, hasBaseUrl() ? baseUrl : fallbackBaseUrl, zone);
    }
}
