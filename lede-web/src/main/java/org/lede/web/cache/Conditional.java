package org.lede.web.cache;

import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/** HTTP conditional requests (RFC 9110 section 13): whether a client's copy is still good. */
final class Conditional {
    private Conditional() {}

    /** True when the client's copy matches, so a 304 answers. If-None-Match, when sent, decides alone. */
    static boolean notModified(PageCache.CachedPage page, String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || weakEquals(t, page.etag())) {
                    return true;
                }
            }
            return false;
        }
        if (ifModifiedSince != null) {
            Instant since = httpDate(ifModifiedSince.strip());
            return since != null && !page.lastModified().isAfter(since);
        }
        return false;
    }

    /** IMF-fixdate, as we and every current client write it. */
    private static final DateTimeFormatter FIXDATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    /**
     * RFC 850's date, obsolete but still to be read: "Sunday, 06-Nov-94 08:49:37 GMT". Its
     * two-digit year is the one at most 50 years ahead, the rule RFC 9110 gives.
     */
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, Year.now(ZoneOffset.UTC).getValue() - 49)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US)
            .withZone(ZoneOffset.UTC);
    /** C's asctime(), likewise: "Sun Nov  6 08:49:37 1994". */
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private static final List<DateTimeFormatter> HTTP_DATE_FORMS = List.of(FIXDATE, RFC_850, ASCTIME);

    /**
     * An HTTP date in any of the three forms a recipient must accept (RFC 9110, section 5.6.7),
     * or null when it is none of them, which makes the condition false.
     */
    static Instant httpDate(String value) {
        for (DateTimeFormatter form : HTTP_DATE_FORMS) {
            try {
                return Instant.from(form.parse(value));
            } catch (DateTimeParseException e) {
                // Not in this form; the next may read it.
            }
        }
        return null;
    }

    private static boolean weakEquals(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.strip().split(";");
            if (fields[0].strip().equalsIgnoreCase("gzip")) {
                return fields.length < 2 || !fields[1].replace(" ", "").equals("q=0");
            }
        }
        return false;
    }
}
