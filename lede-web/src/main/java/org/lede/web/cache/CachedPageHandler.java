package org.lede.web.cache;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers cached reader pages straight from Jetty, before Javalin's router and servlet layer,
 * for requests that reach Jetty's HTTP layer: most are answered earlier still, by
 * {@link CachedPageConnection}, and this handler answers the rest (a connection already handed to
 * Jetty, a request that connection leaves to Jetty) with the same bytes. Anything not cached goes
 * on to Javalin.
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
        var uri = request.getHttpURI();
        String key =
                CacheKeys.of(uri.getPath(), uri.getQuery(), request.getHeaders().get(HttpHeader.AUTHORIZATION));
        PageCache.CachedPage page = key == null ? null : cache.get(key);
        if (page == null) {
            return super.handle(request, response, callback);
        }
        var requestHeaders = request.getHeaders();
        CachedAnswer answer = CachedAnswer.of(
                cache,
                key,
                page,
                requestHeaders.get(HttpHeader.IF_NONE_MATCH),
                requestHeaders.get(HttpHeader.IF_MODIFIED_SINCE),
                requestHeaders.get(HttpHeader.ACCEPT_ENCODING));
        answer.fields(response.getHeaders()::add);
        response.setStatus(answer.status());
        if (answer.notModified()) {
            callback.succeeded();
        } else {
            response.write(true, head ? ByteBuffer.allocate(0) : answer.body(), callback);
        }
        return true;
    }
}
