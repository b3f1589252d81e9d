package org.lede.web.cache;

import io.javalin.http.Context;
import java.util.Collection;

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
     * Answers with a document of any text type and keeps it, unless its query cannot be decoded.
     *
     * @param contentType the full Content-Type, charset included
     * @param keys        the surrogate keys of everything the document shows
     */
    public void send(Context ctx, String body, String contentType, Collection<String> keys) {
        String key = CacheKeys.of(ctx.req().getRequestURI(), ctx.req().getQueryString());
        PageCache.CachedPage page = cache.page(body, contentType, keys);
        if (key != null) {
            cache.put(key, page);
        }
        ctx.header("Cache-Control", PageCache.CACHE_CONTROL);
        ctx.header("ETag", page.etag());
        ctx.header("Last-Modified", page.lastModifiedHttp());
        ctx.header("Vary", "Accept-Encoding");
        ctx.header(PageCache.SURROGATE_KEY, page.surrogateKey());
        if (Conditional.notModified(page, ctx.header("If-None-Match"), ctx.header("If-Modified-Since"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType).result(page.body());
    }
}
