package org.lede.reading;

import java.time.ZoneId;
import java.util.Objects;
import org.lede.common.Check;

/**
 * What the reader site says about itself.
 *
 * @param baseUrl absolute, without a trailing slash, for canonical links and feeds
 * @param zone    the zone in which dates are shown and story URLs are dated
 */
public record SiteSettings(String name, String tagline, String baseUrl, ZoneId zone) {
    public SiteSettings {
        name = Check.required("site name", name);
        baseUrl = Check.required("base URL", baseUrl).replaceAll("/+$", "");
        Objects.requireNonNull(zone, "zone");
    }
}
