package org.lede.web.cache;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers cached reader pages straight from Jetty, before Javalin's router and servlet layer:
 * measured here, that path serves a cached page nearly as fast as nginx serves a file, about
 * twice the rate of the same bytes through a Javalin route. Anything not cached goes on to Javalin.
 */
public final class CachedPageHandler extends Handler.Wrapper {
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
    private final PageCache cache;

    public CachedPageHandler(PageCache cache) {
        this.cache = cache;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        if (!head && !HttpMethod.GET.is(method)) {
            return super.handle(request, response, callback);
        }
        var uri = request.getHttpURI();
        String key =
                CacheKeys.of(uri.getPath(), uri.getQuery(), request.getHeaders().get(HttpHeader.AUTHORIZATION));
        PageCache.CachedPage page = key == null ? null : cache.get(key);
        if (page == null) {
            return super.handle(request, response, callback);
        }
        PageCache.Wire wire = page.wire();
        var headers = response.getHeaders();
        headers.add(wire.cacheControl());
        headers.add(wire.etag());
        headers.add(wire.lastModified());
        headers.add(VARY);
        headers.add(wire.surrogateKey());
        wire.extra().forEach(headers::add);
        var requestHeaders = request.getHeaders();
        if (Conditional.notModified(
                page, requestHeaders.get(HttpHeader.IF_NONE_MATCH), requestHeaders.get(HttpHeader.IF_MODIFIED_SINCE))) {
            response.setStatus(304);
            callback.succeeded();
            return true;
        }
        boolean gzip = Conditional.acceptsGzip(requestHeaders.get(HttpHeader.ACCEPT_ENCODING));
        response.setStatus(200);
        headers.add(wire.contentType());
        if (gzip) {
            headers.add(GZIP);
        }
        PageCache.Gzip.Made compressed = gzip ? cache.gzip(key, page) : null;
        headers.add(gzip ? compressed.length() : wire.length());
        // Each request gets its own view of the shared direct buffer: no copy, and no copy into the socket either.
        ByteBuffer body = head ? ByteBuffer.allocate(0) : (gzip ? compressed.buffer() : wire.body()).duplicate();
        response.write(true, body, callback);
        return true;
    }
}
