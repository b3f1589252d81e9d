package org.lede.reading;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A story's time as the server writes it: the date in the site's zone ("Nov 30, 2026"). The
 * page's script ({@code time.js}) turns it into "5 hours ago" within a day and writes this same
 * date after, so the two must agree on its form. The server never writes the relative text: a
 * page's bytes then depend on its content alone, not on the minute it was rendered, so a cached
 * copy, a CDN's and a static export ({@code lede export site}) stay true until the content changes.
 */
public final class RelativeTime {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH);

    private RelativeTime() {}

    public static String describe(Instant at, ZoneId zone) {
        return DATE.format(at.atZone(zone));
    }
}
