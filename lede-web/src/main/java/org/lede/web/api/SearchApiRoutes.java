package org.lede.web.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lede.common.BadRequestException;
import org.lede.common.BadRequestException.FieldError;
import org.lede.outbox.PageKeys;
import org.lede.reading.DashboardView;
import org.lede.reading.ReaderSearch;
import org.lede.reading.SearchForm;
import org.lede.reading.SearchPage;
import org.lede.reading.StoryCard;
import org.lede.search.SearchResult.Fragment;
import org.lede.web.cache.CacheKeys;
import org.lede.web.cache.PageCache;
import org.lede.web.feed.StoryHtml;

/**
 * {@code GET /api/v1/search}: the reader site's search for programs, published content only,
 * with the content API's conventions (400 problems naming each wrong parameter, an opaque
 * cursor with {@code next} and a Link header, ETag and 304, CORS, the content key checked by
 * {@link ContentApiRoutes}' filter for every {@code /api/v1/} path). Answers are not kept in the
 * page cache, whose entries under {@code /api/} are keyed by the whole query: keyed by whatever
 * anyone searches for, it would push the pages readers read out of the cache.
 */
public final class SearchApiRoutes {
    static final List<String> PARAMETERS =
            List.of("q", "topic", "author", "kind", "from", "to", "sort", "cursor", "limit", CacheKeys.KEY_PARAMETER);
    private static final int DEFAULT_LIMIT = 20;
    private final ReaderSearch search;
    private final ApiJson json;
    private final boolean keyed;

    /** @param keyed whether the site requires a content key, which makes answers private */
    public SearchApiRoutes(ReaderSearch search, String baseUrl, StoryHtml html, boolean keyed) {
        this.search = search;
        this.json = new ApiJson(baseUrl, html);
        this.keyed = keyed;
    }

    public void register(RoutesConfig routes) {
        routes.get(ContentApiRoutes.PREFIX + "/search", this::search);
    }

    private void search(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : ctx.queryParamMap().keySet()) {
            if (!PARAMETERS.contains(name)) {
                errors.add(new FieldError(
                        name,
                        "Unknown query parameter \"" + name + "\"; this address reads " + String.join(", ", PARAMETERS)
                                + "."));
            }
        }
        SearchPage page = search.search(SearchForm.of(ctx.queryParamMap(), "cursor"), DEFAULT_LIMIT);
        errors.addAll(page.problems());
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        ObjectNode body = ApiJson.object();
        ArrayNode items = body.putArray("items");
        Set<String> keys = new LinkedHashSet<>();
        keys.add(PageKeys.HOME);
        for (SearchPage.Result r : page.results()) {
            items.add(item(r));
            keys.addAll(r.card().pageKeys());
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>(Cors.HEADERS);
        if (page.next() != null) {
            String next = json.absolute(nextPath(ctx, page.next()));
            body.put("next", next);
            headers.put("Link", "<" + next + ">; rel=\"next\"");
        } else {
            body.putNull("next");
        }
        body.put("total", page.total());
        body.put("exact", page.exact());
        ObjectNode counts = body.putObject("counts");
        counts.set("topics", facets(page.facets().topics()));
        counts.set("authors", facets(page.facets().authors()));
        counts.set("kinds", facets(page.facets().kinds()));
        counts.set("years", facets(page.facets().years()));
        String text = ApiJson.write(body);
        String etag = "W/\"" + digest(text) + "\"";
        headers.forEach(ctx::header);
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", keyed ? ContentApiRoutes.PRIVATE : ContentApiRoutes.PUBLIC);
        ctx.header("Vary", "Accept-Encoding");
        ctx.header(PageCache.SURROGATE_KEY, String.join(" ", keys));
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(ContentApiRoutes.JSON).result(text);
    }

    private ObjectNode item(SearchPage.Result r) {
        ObjectNode node = ApiJson.object();
        node.put("id", r.id());
        node.put("type", r.type());
        node.put("kind", r.kind());
        node.put("url", json.absolute(r.card().url()));
        String headline;
        org.lede.topic.Topic topic;
        if (r.card() instanceof StoryCard card) {
            headline = card.headline();
            topic = card.topic();
        } else {
            DashboardView dashboard = (DashboardView) r.card();
            headline = dashboard.title();
            topic = dashboard.topic();
        }
        node.put("headline", headline);
        node.set("headlineFragments", fragments(r.headline()));
        node.set("snippet", fragments(r.snippet()));
        node.put("published", ApiJson.time(r.published()));
        if (topic == null) {
            node.putNull("topic");
        } else {
            node.set("topic", json.topicRef(topic));
        }
        return node;
    }

    private static ArrayNode fragments(List<Fragment> fragments) {
        ArrayNode out = ApiJson.array();
        for (Fragment f : fragments) {
            out.addObject().put("text", f.text()).put("match", f.match());
        }
        return out;
    }

    private static ArrayNode facets(List<SearchPage.Facet> facets) {
        ArrayNode out = ApiJson.array();
        for (SearchPage.Facet f : facets) {
            out.addObject().put("value", f.value()).put("label", f.label()).put("count", f.count());
        }
        return out;
    }

    /** This request's parameters as given, every value of each, the cursor replaced and the content key left out. */
    private static String nextPath(Context ctx, String cursor) {
        StringBuilder out = new StringBuilder(ctx.path());
        char separator = '?';
        for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
            String name = parameter.getKey();
            if (name.equals("cursor") || name.equals(CacheKeys.KEY_PARAMETER)) {
                continue;
            }
            for (String value : parameter.getValue()) {
                out.append(separator).append(encode(name)).append('=').append(encode(value));
                separator = '&';
            }
        }
        return out.append(separator).append("cursor=").append(encode(cursor)).toString();
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || strip(t).equals(strip(etag))) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
