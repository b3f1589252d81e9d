package org.lede.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lede.testing.TestClock;

/** Validators as RFC 9110 has senders write them and recipients read them. */
class ConditionalTest {
    private final TestClock clock = TestClock.at("2026-12-02T04:05:06Z");
    private final PageCache cache = new PageCache(clock, Duration.ofSeconds(60));
    private final PageCache.CachedPage page = cache.page("<p>x</p>", PageResponses.HTML, List.of("home"));

    @Test
    void lastModifiedIsWrittenAsAnImfFixdateWithATwoDigitDay() {
        assertEquals("Wed, 02 Dec 2026 04:05:06 GMT", page.lastModifiedHttp());
        assertEquals("Wed, 02 Dec 2026 04:05:06 GMT", page.wire().lastModified().getValue());
    }

    @Test
    void allThreeHttpDateFormsAreRead() {
        Instant expected = Instant.parse("1994-11-06T08:49:37Z");
        assertEquals(expected, Conditional.httpDate("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(expected, Conditional.httpDate("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(expected, Conditional.httpDate("Sun Nov  6 08:49:37 1994"));
        assertEquals(Instant.parse("2026-12-02T04:05:06Z"), Conditional.httpDate("Wednesday, 02-Dec-26 04:05:06 GMT"));
        assertEquals(Instant.parse("2070-01-01T00:00:00Z"), Conditional.httpDate("Wednesday, 01-Jan-70 00:00:00 GMT"));
        assertEquals(Instant.parse("1980-01-01T00:00:00Z"), Conditional.httpDate("Tuesday, 01-Jan-80 00:00:00 GMT"));
        assertNull(Conditional.httpDate("yesterday"));
        assertNull(Conditional.httpDate("2026-12-02T04:05:06Z"));
    }

    @Test
    void ifModifiedSinceInAnyFormMatchesAnUnchangedPage() {
        assertTrue(Conditional.notModified(page, null, "Wed, 02 Dec 2026 04:05:06 GMT"));
        assertTrue(Conditional.notModified(page, null, "Wednesday, 02-Dec-26 04:05:06 GMT"));
        assertTrue(Conditional.notModified(page, null, "Wed Dec  2 04:05:06 2026"));
        assertTrue(Conditional.notModified(page, null, "Wed, 02 Dec 2026 04:05:07 GMT"));
        assertFalse(Conditional.notModified(page, null, "Wed, 02 Dec 2026 04:05:05 GMT"));
        assertFalse(Conditional.notModified(page, null, "not a date"));
        assertFalse(Conditional.notModified(page, null, null));
    }

    @Test
    void ifNoneMatchDecidesAloneAndComparesWeakly() {
        String etag = page.etag();
        assertTrue(Conditional.notModified(page, etag, null));
        assertTrue(Conditional.notModified(page, etag.substring(2), null));
        assertTrue(Conditional.notModified(page, "\"other\", " + etag, null));
        assertTrue(Conditional.notModified(page, "*", null));
        assertFalse(Conditional.notModified(page, "W/\"other\"", "Wed, 02 Dec 2026 04:05:06 GMT"));
    }

    @Test
    void gzipIsAcceptedUnlessItsWeightIsZero() {
        assertTrue(Conditional.acceptsGzip("gzip"));
        assertTrue(Conditional.acceptsGzip("br, GZIP;q=0.5"));
        assertFalse(Conditional.acceptsGzip("gzip;q=0"));
        assertFalse(Conditional.acceptsGzip("br, deflate"));
        assertFalse(Conditional.acceptsGzip(null));
    }
}
