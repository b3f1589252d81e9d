package org.lede.web.cache;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
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
        PageCache.Page page = cache.get(request.getHttpURI().getPathQuery());
        if (page == null) {
            return super.handle(request, response, callback);
        }
        var headers = response.getHeaders();
        headers.put(HttpHeader.CACHE_CONTROL, PageCache.CACHE_CONTROL);
        headers.put(HttpHeader.ETAG, page.etag());
        headers.put(HttpHeader.LAST_MODIFIED, page.lastModifiedHttp());
        headers.put(HttpHeader.VARY, "Accept-Encoding");
        var requestHeaders = request.getHeaders();
        if (Conditional.notModified(page, requestHeaders.get(HttpHeader.IF_NONE_MATCH),
                requestHeaders.get(HttpHeader.IF_MODIFIED_SINCE))) {
            response.setStatus(304);
            callback.succeeded();
            return true;
        }
        boolean gzip = Conditional.acceptsGzip(requestHeaders.get(HttpHeader.ACCEPT_ENCODING));
        byte[] body = gzip ? page.gzip() : page.body();
        response.setStatus(200);
        headers.put(HttpHeader.CONTENT_TYPE, page.contentType());
        if (gzip) {
            headers.put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
        return true;
    }
}
