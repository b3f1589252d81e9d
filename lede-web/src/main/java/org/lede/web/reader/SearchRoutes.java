package org.lede.web.reader;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.Set;
import org.lede.outbox.PageKeys;
import org.lede.reading.ReaderQueries;
import org.lede.reading.ReaderSearch;
import org.lede.reading.SearchForm;
import org.lede.reading.SearchPage;
import org.lede.web.cache.PageCache;
import org.lede.web.support.Templates;

/**
 * The reader site's search page and its OpenSearch description. Results are not kept in the page
 * cache: its entries are keyed by path and page number alone, and a cache keyed by whatever
 * anyone types would let a crawler of random words push every real page out. Browsers may keep
 * an answer briefly; a CDN longer, since the answer names the keys an outbox purge sends it
 * ({@code home} goes with every change to a live story or dashboard).
 */
public final class SearchRoutes {
    static final String CACHE_CONTROL = "public, max-age=10, s-maxage=60, stale-while-revalidate=30";

    /** OpenSearch 1.1 asks for a short name of at most 16 characters. */
    private static final int SHORT_NAME = 16;

    private final ReaderSearch search;
    private final ReaderQueries queries;
    private final Templates templates;

    public SearchRoutes(ReaderSearch search, ReaderQueries queries, Templates templates) {
        this.search = search;
        this.queries = queries;
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        routes.get("/search", this::search);
        routes.get("/opensearch.xml", this::openSearch);
    }

    private void search(Context ctx) {
        SearchPage found = search.search(SearchForm.of(ctx.queryParamMap(), "after"), ReaderSearch.PAGE_SIZE);
        // Results are a search engine's own pages over again, and any words make one: only the
        // bare page, the same for everyone, is offered to crawlers.
        String query = ctx.queryString();
        boolean indexable = query == null || query.isEmpty();
        String title = found.text().isEmpty() ? "Search" : "Search: " + found.text();
        Page page = new Page(
                queries.site(),
                queries.topics(),
                queries.publishedPages(),
                title,
                "Search every story and dashboard on " + queries.site().name() + ".",
                indexable ? "/search" : null,
                ctx.path());
        Set<String> keys = new LinkedHashSet<>();
        keys.add(PageKeys.HOME);
        found.results().forEach(r -> keys.addAll(r.card().pageKeys()));
        ctx.header("Cache-Control", CACHE_CONTROL);
        ctx.header(PageCache.SURROGATE_KEY, String.join(" ", keys));
        if (!indexable) {
            ctx.header("X-Robots-Tag", "noindex");
        }
        SearchPageModel model = new SearchPageModel(page, found, indexable);
        ctx.status(found.problems().isEmpty() ? 200 : 400)
                .contentType(Templates.HTML)
                .result(templates.render(model.template(), model));
    }

    /** Lets browsers offer the site's search in their address bar (OpenSearch 1.1). */
    private void openSearch(Context ctx) {
        String name = queries.site().name();
        String shortName = name.length() <= SHORT_NAME
                ? name
                : name.substring(0, SHORT_NAME).strip();
        String base = queries.site().baseUrl();
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType("application/opensearchdescription+xml;charset=utf-8")
                .result("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n"
                        + "<ShortName>" + xml(shortName) + "</ShortName>\n"
                        + "<Description>" + xml("Search " + name) + "</Description>\n"
                        + "<InputEncoding>UTF-8</InputEncoding>\n"
                        + "<Image height=\"16\" width=\"16\" type=\"image/svg+xml\">" + xml(base + "/favicon.svg")
                        + "</Image>\n"
                        + "<Url type=\"text/html\" method=\"get\" template=\"" + xml(base + "/search?q={searchTerms}")
                        + "\"/>\n"
                        + "<Url type=\"application/opensearchdescription+xml\" rel=\"self\" template=\""
                        + xml(base + "/opensearch.xml") + "\"/>\n"
                        + "</OpenSearchDescription>\n");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
