package org.lede.web.feed;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Set;
import org.lede.outbox.PageKeys;
import org.lede.reading.ReaderQueries;
import org.lede.web.cache.PageResponses;

/**
 * {@code /sitemap.xml} and its parts under {@code /sitemaps/}, cached under {@code home}: every
 * event that puts a story or dashboard live, changes or withdraws it names home, and topic and
 * author changes name every page, so the same purges keep the sitemaps true.
 */
public final class SitemapRoutes {
    static final String CONTENT_TYPE = "application/xml;charset=utf-8";
    private static final Set<String> KEYS = Set.of(PageKeys.HOME);
    private final Sitemaps sitemaps;
    private final PageResponses responses;

    public SitemapRoutes(ReaderQueries queries, PageResponses responses) {
        this.sitemaps = new Sitemaps(queries, Sitemaps.MAX_URLS);
        this.responses = responses;
    }

    public void register(RoutesConfig routes) {
        routes.get("/sitemap.xml", this::index);
        routes.get("/sitemaps/{file}", this::part);
    }

    private void index(Context ctx) {
        responses.send(ctx, sitemaps.index(), CONTENT_TYPE, KEYS);
    }

    private void part(Context ctx) {
        String body = sitemaps.part(ctx.pathParam("file")).orElseThrow(NotFoundResponse::new);
        responses.send(ctx, body, CONTENT_TYPE, KEYS);
    }
}
