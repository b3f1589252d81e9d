package org.lede.web.cache;

import io.javalin.http.Context;
import java.util.Collection;
import java.util.Map;

/**
 * Renders a reader page, feed or sitemap through the cache: the first request renders and stores
 * it, and gets the same headers and conditional answers that {@link CachedPageHandler} gives the
 * requests after it. The cache keeps each entry's content type, so the handler needs no table of them.
 */
public final class PageResponses {
    public static final String HTML = "text/html;charset=utf-8";
    private final PageCache cache;

    public PageResponses(PageCache cache) {
        this.cache = cache;
    }

    /**
     * Answers with the page and keeps it, unless its query cannot be decoded.
     *
     * @param keys the surrogate keys of everything the page shows ({@link org.lede.outbox.PageKeys})
     */
    public void html(Context ctx, String html, Collection<String> keys) {
        send(ctx, html, HTML, keys);
    }

    /**
     * Answers with a document of any text type (a feed, a sitemap) and keeps it, unless its query
     * cannot be decoded.
     *
     * @param contentType the full Content-Type, charset included
     * @param keys        the surrogate keys of everything the document shows
     */
    public void send(Context ctx, String body, String contentType, Collection<String> keys) {
        send(ctx, cache.page(body, contentType, keys));
    }

    /**
     * Answers with a rendered document of any type (the content API's JSON) and keeps it under
     * the request's key, which for the API covers its whole query and the credential it presented.
     *
     * @param cacheControl what browsers and CDNs may do with it
     * @param headers      further headers sent with it, from the cache as well
     */
    public void send(
            Context ctx,
            String body,
            String contentType,
            Collection<String> keys,
            String cacheControl,
            Map<String, String> headers) {
        send(ctx, cache.page(body, contentType, keys, cacheControl, headers));
    }

    private void send(Context ctx, PageCache.CachedPage page) {
        String key = CacheKeys.of(ctx.req().getRequestURI(), ctx.req().getQueryString(), ctx.header("Authorization"));
        if (key != null) {
            cache.put(key, page);
        }
        ctx.header("Cache-Control", page.cacheControl());
        ctx.header("ETag", page.etag());
        ctx.header("Last-Modified", page.lastModifiedHttp());
        ctx.header("Vary", "Accept-Encoding");
        ctx.header(PageCache.SURROGATE_KEY, page.surrogateKey());
        page.headers().forEach(ctx::header);
        if (Conditional.notModified(page, ctx.header("If-None-Match"), ctx.header("If-Modified-Since"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(page.contentType()).result(page.body());
    }
}
