package org.lede.web.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.lede.testing.TestClock;

/** Exact purges by surrogate key, the byte budget and which pages it spares. */
class PageCacheTest {
    private static final String HTML = PageResponses.HTML;
    private final TestClock clock = TestClock.at("2026-11-20T12:00:00Z");
    private final PageCache cache = new PageCache(clock, Duration.ofSeconds(60));

    @Test
    void aPurgeEvictsExactlyThePagesShowingWhatItNames() {
        cache.put("/", "home", HTML, List.of("home", "story:1", "story:2"));
        cache.put("/2026/11/20/one", "one", HTML, List.of("story:1", "story:3"));
        cache.put("/2026/11/20/two", "two", HTML, List.of("story:2"));
        cache.put("/topics/city", "city", HTML, List.of("topic:city", "story:3"));

        assertEquals(0, cache.purge(Set.of()));
        assertEquals(0, cache.purge(Set.of("story:9", "author:nobody")));
        assertEquals(4, cache.size());

        assertEquals(2, cache.purge(Set.of("story:1")));
        assertNull(cache.get("/"));
        assertNull(cache.get("/2026/11/20/one"));
        assertNotNull(cache.get("/2026/11/20/two"));
        assertNotNull(cache.get("/topics/city"));

        assertEquals(2, cache.purge(List.of("story:2", "topic:city", "story:3")));
        assertEquals(new PageCache.Stats(0, 0, PageCache.DEFAULT_MAX_BYTES), cache.stats());
    }

    @Test
    void allEvictsEveryPage() {
        cache.put("/", "home", HTML, List.of("home"));
        cache.put("/authors/dana", "dana", HTML, List.of("author:dana"));
        assertEquals(2, cache.purge(Set.of("all", "story:1")));
        assertEquals(new PageCache.Stats(0, 0, PageCache.DEFAULT_MAX_BYTES), cache.stats());
    }

    @Test
    void aPageNamesItsKeysAndAllInItsSurrogateKeyHeader() {
        PageCache.CachedPage page = cache.put("/", "home", HTML, List.of("home", "story:2", "story:1", "home"));
        assertEquals("home story:2 story:1 all", page.surrogateKey());
        assertEquals("home story:2 story:1 all", page.wire().surrogateKey().getValue());
        assertEquals("all", cache.page("bare", HTML, List.of()).surrogateKey());
    }

    @Test
    void replacingAPageCountsItsBytesOnceAndForgetsItsOldKeys() {
        long size = size(cache.page("old", HTML, List.of()));
        cache.put("/", "old", HTML, List.of("story:1"));
        cache.put("/", "new", HTML, List.of("story:2"));
        assertEquals(size, cache.stats().bytes());
        assertEquals(0, cache.purge(Set.of("story:1")));
        assertEquals(1, cache.purge(Set.of("story:2")));
    }

    @Test
    void whenFullTheLeastRecentlyReadPagesGoFirst() {
        long size = size(cache.page(html(0), HTML, List.of()));
        PageCache small = new PageCache(clock, Duration.ofSeconds(60), size * 7 / 2);
        small.put("/a", html(1), HTML, List.of("story:a"));
        small.put("/b", html(2), HTML, List.of("story:b"));
        small.put("/c", html(3), HTML, List.of("story:c"));
        assertNotNull(small.get("/a"));
        small.put("/d", html(4), HTML, List.of("story:d"));
        assertNull(small.get("/d"), "a full cache refuses an address the first time");
        assertEquals(3, small.stats().pages(), "and pushes nothing out for it");
        small.put("/d", html(4), HTML, List.of("story:d"));

        assertNull(small.get("/b"), "read least recently");
        assertNotNull(small.get("/a"), "read after /b and /c were stored");
        assertNotNull(small.get("/c"));
        assertNotNull(small.get("/d"));
        assertEquals(3, small.stats().pages());
        assertEquals(0, small.purge(Set.of("story:b")), "an evicted page leaves the key index too");
    }

    @Test
    void aFullCacheKeepsWhatReadersReturnToThroughACrawlOfPagesAskedOnce() {
        long size = size(cache.page(html(0), HTML, List.of()));
        PageCache small = new PageCache(clock, Duration.ofSeconds(60), size * 7 / 2);
        for (String hot : List.of("/", "/topics/world", "/today")) {
            small.put(hot, html(1), HTML, List.of("home"));
        }
        for (int n = 0; n < 100; n++) {
            small.put("/old/" + n, html(n), HTML, List.of("story:" + n));
        }
        for (String hot : List.of("/", "/topics/world", "/today")) {
            assertNotNull(small.get(hot), hot);
        }
        assertEquals(3, small.stats().pages());

        small.put("/today", html(2), HTML, List.of("home"));
        assertEquals(
                html(2), new String(small.get("/today").body(), StandardCharsets.UTF_8), "a page held is replaced");
        assertEquals(3, small.purge(Set.of("home")), "every hot page still answers to its key");
        small.put("/old/1", html(1), HTML, List.of("story:1"));
        assertNotNull(small.get("/old/1"), "with room, a page is kept the first time");
    }

    @Test
    void newAddressesAreRefusedFromTheLevelAnEvictionLeaves() {
        long size = size(cache.page(html(0), HTML, List.of()));
        PageCache small = new PageCache(clock, Duration.ofSeconds(60), size * 4);
        for (int n = 1; n <= 4; n++) {
            small.put("/" + n, html(n), HTML, List.of());
        }
        assertEquals(3, small.stats().pages(), "the fourth would fit the budget but not an eviction's eighth free");
        assertNull(small.get("/4"));
    }

    @Test
    void refusedAddressesAreRememberedUpToABound() {
        long size = size(cache.page(html(0), HTML, List.of()));
        PageCache small = new PageCache(clock, Duration.ofSeconds(60), size * 3 / 2);
        small.put("/", html(1), HTML, List.of("home"));
        small.put("/first", html(2), HTML, List.of());
        for (int n = 0; n < PageCache.REFUSED_KEPT; n++) {
            small.put("/crawl/" + n, html(n), HTML, List.of());
        }
        small.put("/first", html(2), HTML, List.of());
        assertNull(small.get("/first"), "forgotten among the later refusals, so refused again");
        small.put("/crawl/" + (PageCache.REFUSED_KEPT - 1), html(3), HTML, List.of());
        assertNotNull(small.get("/crawl/" + (PageCache.REFUSED_KEPT - 1)), "remembered: kept the second time");
    }

    @Test
    void theEtagIsWeakAndChangesWithTheBodyAlone() {
        String etag = cache.page(html(1), HTML, List.of()).etag();
        assertTrue(etag.startsWith("W/\"") && etag.endsWith("\""), etag);
        assertEquals(etag, cache.page(html(1), HTML, List.of("home")).etag());
        Set<String> tags = new java.util.HashSet<>();
        for (int n = 0; n < 1_000; n++) {
            tags.add(cache.page(html(n), HTML, List.of()).etag());
        }
        assertEquals(1_000, tags.size(), "every body its own tag");
        assertNotEquals(
                etag,
                cache.page(html(1).replace("<i>3</i>", "<i>4</i>"), HTML, List.of())
                        .etag());
    }

    @Test
    void theGzipCopyIsMadeOnTheFirstAskAndCountedOnce() throws Exception {
        PageCache.CachedPage page = cache.put("/", html(1), HTML, List.of("home"));
        long body = page.body().length;
        assertEquals(body, cache.stats().bytes());

        PageCache.Gzip.Made made = cache.gzip("/", page);
        assertArrayEquals(page.body(), new GZIPInputStream(new ByteArrayInputStream(made.bytes())).readAllBytes());
        assertEquals(body + made.bytes().length, cache.stats().bytes());
        assertSame(made, cache.gzip("/", page), "compressed once");
        assertEquals(body + made.bytes().length, cache.stats().bytes(), "counted once");

        assertEquals(1, cache.purge(Set.of("home")));
        assertEquals(0, cache.stats().bytes(), "the copy leaves with its page");
        cache.gzip("/", page);
        assertEquals(0, cache.stats().bytes(), "a copy made for a page no longer kept is not counted");
    }

    @Test
    void aPageIsKeptOnceInTheBufferItIsSentFrom() {
        PageCache.CachedPage page = cache.put("/", html(1), HTML, List.of("home"));
        byte[] read = page.body();
        read[0] = 'X';
        byte[] sent = new byte[page.wire().body().remaining()];
        page.wire().body().duplicate().get(sent);
        assertEquals(html(1), new String(sent, StandardCharsets.UTF_8), "a body read back is a copy");
        assertEquals(html(1), new String(cache.get("/").body(), StandardCharsets.UTF_8));
        assertTrue(page.wire().body().isDirect(), "sent without a copy into the socket");
        assertEquals(sent.length, cache.stats().bytes(), "counted as kept: once");
    }

    @Test
    void aPageLargerThanTheWholeBudgetIsServedButNotKept() {
        PageCache tiny = new PageCache(clock, Duration.ofSeconds(60), 16);
        PageCache.CachedPage page = tiny.put("/", html(1), HTML, List.of("home"));
        assertEquals(html(1), new String(page.body(), StandardCharsets.UTF_8));
        assertNull(tiny.get("/"));
        assertEquals(0, tiny.stats().bytes());
    }

    @Test
    void anExpiredPageIsNotServed() {
        cache.put("/", "home", HTML, List.of("home"));
        clock.advance(Duration.ofSeconds(61));
        assertNull(cache.get("/"));
    }

    @Test
    void concurrentReadsStoresAndPurgesKeepTheIndexAndByteCountTrue() throws Exception {
        PageCache shared = new PageCache(clock, Duration.ofSeconds(60), 40_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        int n = (i * 7 + thread) % 50;
                        switch (i % 4) {
                            case 0, 1 -> shared.get("/p" + n);
                            case 2 -> shared.put("/p" + n, html(n), HTML, List.of("story:" + n, "story:" + (n + 1)));
                            default -> shared.purge(Set.of("story:" + n));
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> every = new ArrayList<>();
        for (int n = 0; n <= 50; n++) {
            every.add("story:" + n);
        }
        shared.purge(every);
        assertEquals(new PageCache.Stats(0, 0, 40_000), shared.stats(), "every page was indexed under its keys");
    }

    /** A page of about 1.2 kB that compresses to a similar size whatever n is. */
    private static String html(int n) {
        StringBuilder s = new StringBuilder("<p>" + n + "</p>");
        for (int i = 0; i < 100; i++) {
            s.append("<i>").append(i * 31 % 97).append("</i>");
        }
        return s.toString();
    }

    /** What a page counts when stored: its body, since no one has asked for its gzip copy yet. */
    private static long size(PageCache.CachedPage page) {
        return page.body().length;
    }
}
