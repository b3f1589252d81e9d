package org.lede.web.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.Adler32;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.lede.outbox.PageKeys;

/**
 * Rendered reader pages, kept as bytes with a gzip copy made once, when a client that accepts
 * gzip first asks for it from here. A published page is a pure
 * function of published state, so it is rendered once and served until an outbox event names
 * one of its surrogate keys ({@link PageKeys}), or until its relative times ("5 minutes ago")
 * would have gone stale.
 *
 * <p>Reads take no lock: {@link CachedPageHandler} answers from here at nearly nginx's rate, and a
 * shared lock on that path would cost more than the rest of the answer. Writes (put, purge,
 * eviction) are rare next to reads and take one lock, which keeps the byte count and the
 * key index consistent with the pages.
 */
public final class PageCache {
    /**
     * HTTP's date as senders must write it (RFC 9110's IMF-fixdate): the day always in two digits,
     * which {@link DateTimeFormatter#RFC_1123_DATE_TIME} writes in one before the 10th.
     */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    /** What browsers and CDNs may do with a page: keep it a minute, serve it stale while they fetch a new one. */
    public static final String CACHE_CONTROL =
            "public, max-age=60, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400";
    /** The header that names a page's keys to a CDN, so a purge there can be as exact as here. */
    public static final String SURROGATE_KEY = "Surrogate-Key";

    /**
     * About 1,400 archive story pages of 22 kB, or 1,000 with their gzip copies: room for what
     * readers keep asking for (home, topics, the day's stories), while a crawl of the archive's
     * long tail, each page asked once, gains nothing from a larger one. The pages live in direct
     * buffers, so the launcher's -XX:MaxDirectMemorySize must leave room above this.
     */
    public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;

    private final ConcurrentHashMap<String, Entry> pages = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long ttlMillis;
    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock: each surrogate key's entries, so a purge touches only the pages it names. */
    private final Map<String, Set<Entry>> byKey = new HashMap<>();
    /** Guarded by lock. */
    private long bytes;
    /**
     * Guarded by lock: the addresses refused once while the cache was full, oldest first, at most
     * {@link #REFUSED_KEPT}. A full cache keeps a new address only when it is asked for again
     * (see {@link #put(String, CachedPage)}).
     */
    private final LinkedHashSet<String> refused = new LinkedHashSet<>();

    /**
     * Refused addresses remembered: several times the pages a full default cache holds, so an
     * address readers return to within a few thousand other new ones is still known.
     */
    static final int REFUSED_KEPT = 8_192;
    /**
     * The recency stamp a read gives an entry: it moves only when a page is stored, so a hot
     * page is written at most once between two stores instead of on every hit, which would have
     * every core fight over that entry's cache line. Pages read since the last store tie, which
     * makes eviction an approximate LRU; it only has to spare what readers keep asking for.
     */
    private volatile long tick;

    public PageCache(Clock clock, Duration ttl) {
        this(clock, ttl, DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes the most body and gzip bytes kept; least recently read pages go first */
    public PageCache(Clock clock, Duration ttl, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("The page cache needs a positive size, not " + maxBytes);
        }
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.maxBytes = maxBytes;
    }

    /**
     * One cached representation, with its validators, and {@link #wire} ready to send.
     *
     * @param keys         the surrogate keys of everything the page shows
     * @param surrogateKey the Surrogate-Key header: the keys and {@link PageKeys#ALL}, space-separated
     * @param cacheControl what browsers and CDNs may do with it
     * @param headers      further headers it is always sent with (CORS, Link), by name
     */
    public record CachedPage(
            String contentType,
            String etag,
            Instant lastModified,
            long expiresAt,
            Set<String> keys,
            String surrogateKey,
            String cacheControl,
            Map<String, String> headers,
            Wire wire) {
        public String lastModifiedHttp() {
            return HTTP_DATE.format(lastModified);
        }

        /**
         * A copy of the body: the cache keeps it once, in the buffer it sends, so a page costs its
         * size and not twice that; only a render's first answer and tests read it back.
         */
        public byte[] body() {
            return bytes(wire.body());
        }

        /** The gzip copy of the body, made now if no one has asked for it yet. */
        public byte[] gzip() {
            return wire.gzip().get().bytes();
        }
    }

    /**
     * A page's gzip copy, made on first use and then kept. Compressing is most of what storing a
     * large page costs (about 3 ms of 300 kB of API JSON here), and many entries are never asked
     * for compressed at all: the first answer is sent by the route, uncompressed or compressed by
     * Javalin, and a page may be purged before anyone asks again.
     */
    public static final class Gzip {
        /** The page's own buffer, read again when compressing rather than kept twice. */
        private final ByteBuffer body;

        private volatile Made made;

        /** The compressed bytes, in a direct buffer for Jetty, and their Content-Length. */
        public record Made(ByteBuffer buffer, HttpField length) {
            /** A copy of the compressed bytes. */
            public byte[] bytes() {
                return PageCache.bytes(buffer);
            }

            int size() {
                return buffer.remaining();
            }
        }

        Gzip(ByteBuffer body) {
            this.body = body;
        }

        boolean isMade() {
            return made != null;
        }

        /** Compresses once: a second request that asks meanwhile waits rather than compressing again. */
        Made get() {
            Made m = made;
            if (m == null) {
                synchronized (this) {
                    m = made;
                    if (m == null) {
                        byte[] bytes = PageCache.gzip(PageCache.bytes(body));
                        m = new Made(
                                Wire.direct(bytes),
                                new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(bytes.length)));
                        made = m;
                    }
                }
            }
            return m;
        }
    }

    /**
     * The page as Jetty sends it, prepared once: headers already encoded and bodies in direct
     * buffers, so answering from the cache only copies references.
     */
    public record Wire(
            ByteBuffer body,
            Gzip gzip,
            HttpField contentType,
            HttpField etag,
            HttpField lastModified,
            HttpField length,
            HttpField surrogateKey,
            HttpField cacheControl,
            List<HttpField> extra,
            EncodedHeads heads) {
        static Wire of(
                byte[] body,
                String contentType,
                String etag,
                String lastModified,
                String surrogateKey,
                String cacheControl,
                Map<String, String> headers) {
            ByteBuffer sent = direct(body);
            return new Wire(
                    sent,
                    new Gzip(sent),
                    new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, contentType),
                    new PreEncodedHttpField(HttpHeader.ETAG, etag),
                    new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, lastModified),
                    new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length)),
                    new PreEncodedHttpField(SURROGATE_KEY, surrogateKey),
                    new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, cacheControl),
                    headers.entrySet().stream()
                            .map(h -> (HttpField) new PreEncodedHttpField(h.getKey(), h.getValue()))
                            .toList(),
                    new EncodedHeads());
        }

        static ByteBuffer direct(byte[] bytes) {
            return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
        }
    }

    /** How full the cache is. */
    public record Stats(int pages, long bytes, long maxBytes) {}

    private static final class Entry {
        final String cacheKey;
        final CachedPage page;
        /** Guarded by the cache's lock: the body, and the gzip copy once it is made and counted. */
        long size;
        /** Guarded by the cache's lock. */
        boolean gzipCounted;

        volatile long used;

        Entry(String cacheKey, CachedPage page, long used) {
            this.cacheKey = cacheKey;
            this.page = page;
            this.gzipCounted = page.wire().gzip().isMade();
            this.size = page.wire().body().remaining()
                    + (gzipCounted ? (long) page.wire().gzip().get().size() : 0);
            this.used = used;
        }
    }

    /** The live page for the key, or null. */
    public CachedPage get(String key) {
        Entry entry = pages.get(key);
        // An expired page is left for the render that follows to replace, so a read never takes the lock.
        if (entry == null || entry.page.expiresAt() < clock.millis()) {
            return null;
        }
        long now = tick;
        if (entry.used != now) {
            entry.used = now;
        }
        return entry.page;
    }

    /**
     * The gzip copy of a page read from here under the key, made on the first call and counted
     * against the budget while the page is still kept.
     */
    public Gzip.Made gzip(String key, CachedPage page) {
        Gzip gzip = page.wire().gzip();
        if (gzip.isMade()) {
            return gzip.get();
        }
        Gzip.Made made = gzip.get();
        lock.lock();
        try {
            Entry entry = pages.get(key);
            if (entry != null && entry.page == page && !entry.gzipCounted) {
                entry.gzipCounted = true;
                entry.size += made.size();
                bytes += made.size();
                if (bytes > maxBytes) {
                    evict();
                }
            }
        } finally {
            lock.unlock();
        }
        return made;
    }

    /**
     * A rendered page with its validators and headers, not yet kept. Every page also answers to
     * {@link PageKeys#ALL}, so one purge of that key clears a CDN too.
     */
    public CachedPage page(String html, String contentType, Collection<String> keys) {
        return page(html, contentType, keys, CACHE_CONTROL, Map.of());
    }

    /**
     * A rendered answer with its own Cache-Control and further headers, sent alike from the
     * cache and on the first request.
     */
    public CachedPage page(
            String text,
            String contentType,
            Collection<String> keys,
            String cacheControl,
            Map<String, String> headers) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String etag = etag(body);
        Set<String> shown = new LinkedHashSet<>(keys);
        shown.remove(PageKeys.ALL);
        String surrogateKey = String.join(" ", shown) + (shown.isEmpty() ? "" : " ") + PageKeys.ALL;
        return new CachedPage(
                contentType,
                etag,
                now,
                clock.millis() + ttlMillis,
                Set.copyOf(shown),
                surrogateKey,
                cacheControl,
                Map.copyOf(headers),
                Wire.of(body, contentType, etag, HTTP_DATE.format(now), surrogateKey, cacheControl, headers));
    }

    /** Keeps a rendered page and returns it with its validators. */
    public CachedPage put(String key, String html, String contentType, Collection<String> keys) {
        return put(key, page(html, contentType, keys));
    }

    /**
     * Keeps the page under the key, replacing what was there, and makes room by dropping the least
     * recently read. A full cache (past what an eviction leaves) keeps an address it does not hold
     * only the second time it is stored: a crawler reads the archive's long tail once per page,
     * and keeping each page would both push out what readers return to and leave a stream of
     * evicted direct buffers in the old generation, which only a full collection frees. At a
     * million stories a crawl made the JVM call one (java.nio.Bits, at -XX:MaxDirectMemorySize)
     * every two seconds, each stopping every request for 50 to 80 ms.
     */
    public CachedPage put(String key, CachedPage page) {
        lock.lock();
        try {
            long stamp = tick;
            Entry entry = new Entry(key, page, stamp);
            if (entry.size > maxBytes) {
                return page;
            }
            // Past the level eviction brings it down to, not the budget: else the room each
            // eviction makes would take the next new addresses, each asked once, unasked.
            if (bytes + entry.size > afterEviction() && !pages.containsKey(key) && !refused.remove(key)) {
                refused.add(key);
                if (refused.size() > REFUSED_KEPT) {
                    refused.removeFirst();
                }
                return page;
            }
            // Reads after this store stamp higher than it, so they outrank it when room is made.
            tick = stamp + 1;
            Entry old = pages.put(key, entry);
            if (old != null) {
                forget(old);
            }
            for (String k : page.keys()) {
                byKey.computeIfAbsent(k, x -> new HashSet<>()).add(entry);
            }
            bytes += entry.size;
            if (bytes > maxBytes) {
                evict();
            }
            return page;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Evicts exactly the pages that show something the keys name; {@link PageKeys#ALL} evicts every page.
     *
     * @return how many pages were evicted
     */
    public int purge(Collection<String> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        lock.lock();
        try {
            if (keys.contains(PageKeys.ALL)) {
                int all = pages.size();
                clear();
                return all;
            }
            int evicted = 0;
            for (String key : keys) {
                Set<Entry> entries = byKey.get(key);
                if (entries != null) {
                    for (Entry entry : List.copyOf(entries)) {
                        if (remove(entry)) {
                            evicted++;
                        }
                    }
                }
            }
            return evicted;
        } finally {
            lock.unlock();
        }
    }

    public void clear() {
        lock.lock();
        try {
            pages.clear();
            byKey.clear();
            refused.clear();
            bytes = 0;
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        return pages.size();
    }

    public Stats stats() {
        lock.lock();
        try {
            return new Stats(pages.size(), bytes, maxBytes);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops the least recently read pages until an eighth of the budget is free: sorting every
     * entry costs the same for one page as for many, so it is done once per many stores rather
     * than on each store once the cache is full.
     */
    private void evict() {
        List<Entry> byUse = new ArrayList<>(pages.values());
        byUse.sort(Comparator.comparingLong(e -> e.used));
        long target = afterEviction();
        for (Entry entry : byUse) {
            if (bytes <= target) {
                return;
            }
            remove(entry);
        }
    }

    /** The bytes an eviction leaves: an eighth of the budget free. */
    private long afterEviction() {
        return maxBytes - maxBytes / 8;
    }

    private boolean remove(Entry entry) {
        if (!pages.remove(entry.cacheKey, entry)) {
            return false;
        }
        forget(entry);
        return true;
    }

    /** Takes an entry that has left the map out of the index and the byte count. */
    private void forget(Entry entry) {
        for (String k : entry.page.keys()) {
            Set<Entry> entries = byKey.get(k);
            if (entries != null && entries.remove(entry) && entries.isEmpty()) {
                byKey.remove(k);
            }
        }
        bytes -= entry.size;
    }

    /**
     * A weak validator from two checksums the JVM computes in hardware and the length: a tenth of
     * the time of SHA-256 (about 1.5 ms of a 300 kB API list here). A weak tag only has to change
     * when the page does (RFC 9110 section 8.8.1), and it is only ever compared with an earlier tag
     * of the same address, so what matters is the chance that a changed page keeps its tag: about
     * one in 2^64 for two independent 32-bit checksums. Nothing rests on it being hard to forge: a
     * collision could only keep a reader's copy of a public page a while longer.
     */
    static String etag(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        Adler32 adler = new Adler32();
        adler.update(body);
        // Weak: the gzip and identity encodings of one page are the same representation.
        return "W/\"" + Integer.toHexString(body.length) + "-" + HexFormat.of().toHexDigits((int) crc.getValue())
                + HexFormat.of().toHexDigits((int) adler.getValue()) + "\"";
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
