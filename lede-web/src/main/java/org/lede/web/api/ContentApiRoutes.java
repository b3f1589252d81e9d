package org.lede.web.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lede.author.Author;
import org.lede.common.NotFoundException;
import org.lede.common.UnauthorizedException;
import org.lede.outbox.PageKeys;
import org.lede.reading.AuthorView;
import org.lede.reading.DashboardView;
import org.lede.reading.Figure;
import org.lede.reading.ReaderQueries;
import org.lede.reading.StoryView;
import org.lede.reading.Urls;
import org.lede.story.PublishedCursor;
import org.lede.topic.Topic;
import org.lede.web.cache.CacheKeys;
import org.lede.web.cache.PageResponses;
import org.lede.web.feed.StoryHtml;

/**
 * The public, read-only content API under {@code /api/v1/}: published stories, topics, authors
 * and dashboards, as {@code /api/openapi.json} describes them. Answers go through the page cache
 * under surrogate keys, so the outbox purges them with the pages that show the same things.
 *
 * <p>With content keys set, every request must present one (Authorization: Bearer, or the
 * {@code key} parameter); the cache keys answers by the key presented ({@link CacheKeys}), so a
 * request without a key never meets an answer given to one, and keyed answers are marked private.
 */
public final class ContentApiRoutes {
    static final String PREFIX = "/api/v1";
    static final String JSON = "application/json;charset=utf-8";
    /** Short in browsers; CDNs keep it a minute and are purged by surrogate key. */
    static final String PUBLIC = "public, max-age=30, s-maxage=60, stale-while-revalidate=60, stale-if-error=86400";
    /** A keyed answer is for its key's holder alone: no shared cache may keep it. */
    static final String PRIVATE = "private, max-age=30";

    private static final String CHALLENGE = "Bearer realm=\"content\"";
    private final ReaderQueries queries;
    private final ApiJson json;
    private final PageResponses responses;
    private final StoryListQuery.Resolver resolver;
    private final List<byte[]> contentKeys;

    /**
     * @param contentKeys the keys a client must present, or empty when the API is open to everyone
     */
    public ContentApiRoutes(ReaderQueries queries, StoryHtml html, PageResponses responses, List<String> contentKeys) {
        this.queries = queries;
        this.json = new ApiJson(queries.site().baseUrl(), html);
        this.responses = responses;
        this.resolver = new StoryListQuery.Resolver(queries);
        this.contentKeys = contentKeys.stream()
                .map(k -> k.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    public void register(RoutesConfig routes) {
        routes.before(PREFIX + "/*", this::before);
        routes.options(PREFIX + "/*", Cors::preflight);
        routes.get(PREFIX + "/stories", this::stories);
        routes.get(PREFIX + "/stories/slug/{slug}", this::storyBySlug);
        routes.get(PREFIX + "/stories/{id}", this::story);
        routes.get(PREFIX + "/topics", this::topics);
        routes.get(PREFIX + "/topics/{slug}", this::topic);
        routes.get(PREFIX + "/authors", this::authors);
        routes.get(PREFIX + "/authors/{slug}", this::author);
        routes.get(PREFIX + "/dashboards", this::dashboards);
        routes.get(PREFIX + "/dashboards/{slug}", this::dashboard);
    }

    private void before(Context ctx) {
        Cors.allow(ctx);
        if (ctx.method().name().equals("OPTIONS") || contentKeys.isEmpty()) {
            return;
        }
        String presented = CacheKeys.presentedKey(ctx.header("Authorization"), ctx.queryParam(CacheKeys.KEY_PARAMETER));
        if (presented == null) {
            throw new UnauthorizedException(
                    "This API needs a content key: send it as \"Authorization: Bearer KEY\".", CHALLENGE);
        }
        if (!known(presented)) {
            // RFC 6750 section 3.1: a key that was sent but is not valid is named as such.
            throw new UnauthorizedException("This content key is not valid.", CHALLENGE + ", error=\"invalid_token\"");
        }
    }

    /** Compares with every key in constant time, so timing tells nothing about how much of a guess was right. */
    private boolean known(String presented) {
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (byte[] key : contentKeys) {
            found |= MessageDigest.isEqual(key, bytes);
        }
        return found;
    }

    private void stories(Context ctx) {
        StoryListQuery query = resolver.resolve(ctx);
        List<StoryView> found = queries.published(query.filter(), query.after(), query.limit() + 1);
        boolean more = found.size() > query.limit();
        List<StoryView> page = more ? found.subList(0, query.limit()) : found;
        ObjectNode body = ApiJson.object();
        ArrayNode items = body.putArray("items");
        Set<String> keys = new LinkedHashSet<>();
        // Every change to a live story names home, so the list is purged by any of them.
        keys.add(PageKeys.HOME);
        keys.addAll(query.pageKeys());
        for (StoryView story : page) {
            items.add(json.story(story, slugOf(story)));
            keys.addAll(shownKeys(story));
        }
        Map<String, String> headers = new LinkedHashMap<>(Cors.HEADERS);
        if (more) {
            StoryView last = page.getLast();
            String next = json.absolute(
                    query.nextPath(ctx, StoryListQuery.encode(new PublishedCursor(last.publishedAt(), last.id()))));
            body.put("next", next);
            headers.put("Link", "<" + next + ">; rel=\"next\"");
        } else {
            body.putNull("next");
        }
        send(ctx, body, keys, headers);
    }

    private void story(Context ctx) {
        StoryListQuery.noParameters(ctx);
        StoryView story = queries.storyById(ctx.pathParam("id")).orElseThrow(ContentApiRoutes::notFound);
        send(ctx, json.story(story, slugOf(story)), shownKeys(story), Cors.HEADERS);
    }

    private void storyBySlug(Context ctx) {
        StoryListQuery.noParameters(ctx);
        StoryView story = queries.story(ctx.pathParam("slug")).orElseThrow(ContentApiRoutes::notFound);
        send(ctx, json.story(story, slugOf(story)), shownKeys(story), Cors.HEADERS);
    }

    private void topics(Context ctx) {
        StoryListQuery.noParameters(ctx);
        ObjectNode body = ApiJson.object();
        ArrayNode items = body.putArray("items");
        Set<String> keys = new LinkedHashSet<>();
        for (Topic topic : queries.topics()) {
            items.add(json.topic(topic));
            keys.add(PageKeys.topic(topic.slug()));
        }
        send(ctx, body, keys, Cors.HEADERS);
    }

    private void topic(Context ctx) {
        StoryListQuery.noParameters(ctx);
        Topic topic = queries.topic(ctx.pathParam("slug")).orElseThrow(ContentApiRoutes::notFound);
        send(ctx, json.topic(topic), Set.of(PageKeys.topic(topic.slug())), Cors.HEADERS);
    }

    private void authors(Context ctx) {
        StoryListQuery.noParameters(ctx);
        List<Author> authors = queries.authors();
        Map<String, Figure> avatars = queries.images(authors.stream()
                .map(Author::avatarMediaId)
                .filter(id -> id != null)
                .toList());
        ObjectNode body = ApiJson.object();
        ArrayNode items = body.putArray("items");
        Set<String> keys = new LinkedHashSet<>();
        for (Author author : authors) {
            AuthorView view = new AuthorView(
                    author,
                    Urls.author(author.slug()),
                    author.avatarMediaId() == null ? null : avatars.get(author.avatarMediaId()));
            items.add(json.author(view));
            keys.addAll(view.pageKeys());
        }
        send(ctx, body, keys, Cors.HEADERS);
    }

    private void author(Context ctx) {
        StoryListQuery.noParameters(ctx);
        AuthorView author = queries.author(ctx.pathParam("slug")).orElseThrow(ContentApiRoutes::notFound);
        send(ctx, json.author(author), author.pageKeys(), Cors.HEADERS);
    }

    private void dashboards(Context ctx) {
        StoryListQuery.noParameters(ctx);
        ObjectNode body = ApiJson.object();
        ArrayNode items = body.putArray("items");
        Set<String> keys = new LinkedHashSet<>();
        // A dashboard saved or deleted names home: the list is purged when one is added.
        keys.add(PageKeys.HOME);
        for (DashboardView dashboard : queries.dashboards()) {
            items.add(json.dashboard(dashboard));
            keys.addAll(dashboard.pageKeys());
        }
        send(ctx, body, keys, Cors.HEADERS);
    }

    private void dashboard(Context ctx) {
        StoryListQuery.noParameters(ctx);
        DashboardView dashboard = queries.dashboard(ctx.pathParam("slug")).orElseThrow(ContentApiRoutes::notFound);
        send(ctx, json.dashboard(dashboard), dashboard.pageKeys(), Cors.HEADERS);
    }

    private void send(Context ctx, ObjectNode body, Set<String> keys, Map<String, String> headers) {
        responses.send(ctx, ApiJson.write(body), JSON, keys, contentKeys.isEmpty() ? PUBLIC : PRIVATE, headers);
    }

    /** A story's own key and the keys of the topic and authors it names, whose names it shows. */
    private static Set<String> shownKeys(StoryView story) {
        Set<String> keys = new LinkedHashSet<>(story.pageKeys());
        if (story.topic() != null) {
            keys.add(PageKeys.topic(story.topic().slug()));
        }
        story.authors().forEach(a -> keys.add(PageKeys.author(a.slug())));
        return keys;
    }

    /** The last segment of the story's dated address ({@code /yyyy/mm/dd/slug}), which is its slug. */
    private static String slugOf(StoryView story) {
        return story.url().substring(story.url().lastIndexOf('/') + 1);
    }

    /** Unknown and unpublished look alike: the API says nothing about drafts. */
    private static NotFoundException notFound() {
        return new NotFoundException("Published content", "this address");
    }
}
