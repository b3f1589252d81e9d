package org.lede.web.cache;

import io.javalin.http.Context;

/**
 * Renders a reader page through the cache: the first request renders and stores it, and gets
 * the same headers and conditional answers that {@link CachedPageHandler} gives the requests after it.
 */
public final class PageResponses {
    public static final String HTML = "text/html;charset=utf-8";
    private final PageCache cache;

    public PageResponses(PageCache cache) {
        this.cache = cache;
    }

    public void html(Context ctx, String html) {
        String query = ctx.req().getQueryString();
        String key = ctx.req().getRequestURI() + (query == null ? "" : "?" + query);
        PageCache.Page page = cache.put(key, html, HTML);
        ctx.header("Cache-Control", PageCache.CACHE_CONTROL);
        ctx.header("ETag", page.etag());
        ctx.header("Last-Modified", page.lastModifiedHttp());
        ctx.header("Vary", "Accept-Encoding");
        if (Conditional.notModified(page, ctx.header("If-None-Match"), ctx.header("If-Modified-Since"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(HTML).result(page.body());
    }
}
