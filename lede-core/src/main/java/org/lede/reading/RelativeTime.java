package org.lede.reading;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The age of a story as readers see it: "5 hours ago" within a day, then a date in the site's
 * zone. The page's script recomputes the same text in the browser, so the rules here and in
 * {@code time.js} must match.
 */
public final class RelativeTime {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH);

    private RelativeTime() {}

    public static String describe(Instant at, Instant now, ZoneId zone) {
        Duration age = Duration.between(at, now);
        if (age.isNegative() || age.toSeconds() < 60) {
            return "just now";
        }
        if (age.toMinutes() < 60) {
            return plural(age.toMinutes(), "minute") + " ago";
        }
        if (age.toHours() < 24) {
            return plural(age.toHours(), "hour") + " ago";
        }
        return DATE.format(at.atZone(zone));
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
