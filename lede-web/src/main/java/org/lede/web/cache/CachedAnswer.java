package org.lede.web.cache;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * What the cache answers a GET or HEAD for a page it holds, decided in one place for both ways
 * a request reaches it: {@link CachedPageHandler} (a request Jetty parsed) and
 * {@link CachedPageConnection} (one it parsed itself), so the two always send the same answer.
 *
 * @param compressed the gzip copy when the client takes gzip, else null
 */
record CachedAnswer(PageCache.CachedPage page, boolean notModified, PageCache.Gzip.Made compressed) {
    static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    static CachedAnswer of(
            PageCache cache,
            String key,
            PageCache.CachedPage page,
            String ifNoneMatch,
            String ifModifiedSince,
            String acceptEncoding) {
        return new CachedAnswer(
                page,
                Conditional.notModified(page, ifNoneMatch, ifModifiedSince),
                Conditional.acceptsGzip(acceptEncoding) ? cache.gzip(key, page) : null);
    }

    int status() {
        return notModified ? 304 : 200;
    }

    /**
     * The answer's headers after the security headers, in the order sent. A 304 carries the
     * validators and caching headers of the 200 it stands for, and that 200's Content-Length
     * (RFC 9110 allows only that length in a 304), but no representation metadata.
     */
    void fields(Consumer<HttpField> add) {
        PageCache.Wire wire = page.wire();
        add.accept(wire.cacheControl());
        add.accept(wire.etag());
        add.accept(wire.lastModified());
        add.accept(VARY);
        add.accept(wire.surrogateKey());
        wire.extra().forEach(add);
        if (!notModified) {
            add.accept(wire.contentType());
            if (compressed != null) {
                add.accept(GZIP);
            }
        }
        add.accept(compressed != null ? compressed.length() : wire.length());
    }

    /** The body a GET is sent, a view of the shared buffer: no copy, and none into the socket either. */
    ByteBuffer body() {
        return (compressed != null ? compressed.buffer() : page.wire().body()).duplicate();
    }
}
