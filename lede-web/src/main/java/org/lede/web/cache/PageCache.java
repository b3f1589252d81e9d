package org.lede.web.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * Rendered reader pages, kept as bytes with a gzip copy made once. A published page is a pure
 * function of published state, so it is rendered once and served until an outbox event purges
 * it, or until its relative times ("5 minutes ago") would have gone stale.
 */
public final class PageCache {
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    /** What browsers and CDNs may do with a page: keep it a minute, serve it stale while they fetch a new one. */
    public static final String CACHE_CONTROL = "public, max-age=60, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400";
    private static final int MAX_ENTRIES = 5_000;
    private final ConcurrentHashMap<String, Page> pages = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long ttlMillis;

    public PageCache(Clock clock, java.time.Duration ttl) {
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
    }

    /** One cached representation, with its validators, and {@link #wire} ready to send. */
    public record Page(byte[] body, byte[] gzip, String contentType, String etag, Instant lastModified, long expiresAt,
                       Wire wire) {
        public String lastModifiedHttp() {
            return HTTP_DATE.format(lastModified);
        }
    }

    /**
     * The page as Jetty sends it, prepared once: headers already encoded and bodies in direct
     * buffers, so answering from the cache only copies references.
     */
    public record Wire(ByteBuffer body, ByteBuffer gzip, HttpField contentType, HttpField etag, HttpField lastModified,
                       HttpField length, HttpField gzipLength) {
        static Wire of(byte[] body, byte[] gzip, String contentType, String etag, String lastModified) {
            return new Wire(direct(body), direct(gzip), new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, contentType),
                    new PreEncodedHttpField(HttpHeader.ETAG, etag), new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, lastModified),
                    new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length)),
                    new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(gzip.length)));
        }

        private static ByteBuffer direct(byte[] bytes) {
            return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
        }
    }

    /** The live page for the key, or null. */
    public Page get(String key) {
        Page page = pages.get(key);
        if (page != null && page.expiresAt() < clock.millis()) {
            pages.remove(key, page);
            return null;
        }
        return page;
    }

    /** Keeps a rendered page and returns it with its validators. */
    public Page put(String key, String html, String contentType) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        byte[] gzip = gzip(body);
        String etag = etag(body);
        Page page = new Page(body, gzip, contentType, etag, now, clock.millis() + ttlMillis,
                Wire.of(body, gzip, contentType, etag, HTTP_DATE.format(now)));
        if (pages.size() >= MAX_ENTRIES) {
            // A crawler walking every page number must not grow memory without bound.
            pages.clear();
        }
        pages.put(key, page);
        return page;
    }

    public void clear() {
        pages.clear();
    }

    public int size() {
        return pages.size();
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            // Weak: the gzip and identity encodings of one page are the same representation.
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
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
