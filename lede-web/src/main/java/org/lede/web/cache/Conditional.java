package org.lede.web.cache;

import java.time.Instant;
import java.time.format.DateTimeParseException;

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
            try {
                Instant since = Instant.from(PageCache.HTTP_DATE.parse(ifModifiedSince.strip()));
                return !page.lastModified().isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
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
