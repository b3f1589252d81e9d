package org.lede.web.reader;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.lede.common.GoneException;
import org.lede.outbox.PageKeys;
import org.lede.reading.AuthorView;
import org.lede.reading.DashboardView;
import org.lede.reading.PageView;
import org.lede.reading.ReaderQueries;
import org.lede.reading.StoryCard;
import org.lede.reading.StoryView;
import org.lede.reading.StreamPage;
import org.lede.reading.StreamSlice;
import org.lede.reading.Urls;
import org.lede.story.StreamCursor;
import org.lede.topic.Topic;
import org.lede.web.cache.PageResponses;
import org.lede.web.feed.FeedLink;
import org.lede.web.support.Assets;
import org.lede.web.support.Templates;

/** The public site. Every page is built from published state only, and cached until an event purges it. */
public final class ReaderRoutes {
    private static final int MAX_PAGE = 200;
    private static final String STORY = "/{yyyy}/{mm}/{dd}/{slug}";
    /** A stream's later pages, each after the last item of the one before: {@link Urls#older}. */
    private static final String OLDER = "/older/{key}";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private final ReaderQueries queries;
    private final Templates templates;
    private final PageResponses responses;

    public ReaderRoutes(ReaderQueries queries, Templates templates, PageResponses responses) {
        this.queries = queries;
        this.templates = templates;
        this.responses = responses;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", this::home);
        routes.get(OLDER, this::home);
        routes.get("/topics/{slug}", this::topic);
        routes.get("/topics/{slug}" + OLDER, this::topic);
        routes.get("/authors/{slug}", this::author);
        routes.get("/authors/{slug}" + OLDER, this::author);
        routes.get("/dashboards/{slug}", this::dashboard);
        routes.get(STORY, this::story);
        routes.get(STORY + "/related", this::related);
        routes.get("/robots.txt", this::robots);
        routes.get("/favicon.svg", this::favicon);
    }

    /**
     * The site's pages, at one path segment. Registered after every other route, since Javalin
     * takes the first route that matches and {@code /{slug}} matches any single segment; the
     * service refuses slugs that are the first segment of a route.
     */
    public void registerSitePages(RoutesConfig routes) {
        routes.get("/{slug}", this::sitePage);
    }

    private void sitePage(Context ctx) {
        PageView view = queries.page(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        render(ctx, view.pageKeys(), new SitePageModel(page(ctx, view.title(), view.description(), view.url()), view));
    }

    private void favicon(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.contentType("image/svg+xml;charset=utf-8").result(Assets.FAVICON_SVG);
    }

    /** Crawlers may read the whole reader site but not the newsroom, and are told where the sitemap index is. */
    private void robots(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType("text/plain;charset=utf-8")
                .result("User-agent: *\nDisallow: /newsroom\n\nSitemap: "
                        + queries.site().baseUrl() + "/sitemap.xml\n");
    }

    Page page(Context ctx, String title, String description, String canonical) {
        return new Page(
                queries.site(), queries.topics(), queries.publishedPages(), title, description, canonical, ctx.path());
    }

    private void home(Context ctx) {
        if (redirectedFromPageNumber(ctx, "/")) {
            return;
        }
        StreamCursor after = after(ctx);
        StreamSlice latest = nonEmpty(queries.latest(after));
        Page page = page(
                ctx,
                after == null ? null : "Stories before " + day(after),
                queries.site().tagline(),
                canonical("/", after));
        List<StoryCard> top = after == null ? queries.topStories() : List.of();
        render(
                ctx,
                keys(Set.of(PageKeys.HOME), StreamPage.pageKeys(top), latest.pageKeys()),
                new HomeModel(page, top, latest, after == null ? StructuredData.home(queries.site()) : List.of()));
    }

    private void topic(Context ctx) {
        String slug = ctx.pathParam("slug");
        Optional<Topic> found = queries.topic(slug);
        if (found.isEmpty()) {
            Optional<Topic> mergedInto = queries.retiredTopic(slug).orElseThrow(NotFoundResponse::new);
            ctx.redirect(
                    "/topics/"
                            + mergedInto
                                    .orElseThrow(() -> new GoneException("This topic has been removed."))
                                    .slug(),
                    HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        Topic topic = found.get();
        String path = Urls.topic(topic.slug());
        if (redirectedFromPageNumber(ctx, path)) {
            return;
        }
        StreamCursor after = after(ctx);
        StreamSlice stream = nonEmpty(queries.topicStream(topic, after));
        render(
                ctx,
                keys(Set.of(PageKeys.topic(topic.slug())), stream.pageKeys()),
                new TopicPageModel(
                        page(
                                        ctx,
                                        after == null ? topic.name() : topic.name() + ", stories before " + day(after),
                                        topic.description(),
                                        canonical(path, after))
                                .withFeeds(FeedLink.topic(queries.site(), topic.slug(), topic.name())),
                        topic,
                        stream));
    }

    private void author(Context ctx) {
        AuthorView author = queries.author(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        if (redirectedFromPageNumber(ctx, author.url())) {
            return;
        }
        StreamCursor after = after(ctx);
        StreamSlice stream = nonEmpty(queries.authorStream(author.author(), after));
        String name = author.author().name();
        render(
                ctx,
                keys(author.pageKeys(), stream.pageKeys()),
                new AuthorPageModel(
                        page(
                                        ctx,
                                        after == null ? name : name + ", stories before " + day(after),
                                        author.author().bio(),
                                        canonical(author.url(), after))
                                .withFeeds(FeedLink.author(
                                        queries.site(), author.author().slug(), name)),
                        author,
                        stream,
                        StructuredData.author(author, queries.site())));
    }

    /**
     * Streams were paged by number ({@code ?page=N}) before they were paged by place: such an
     * address, bookmarked or crawled, is sent for good to the stream's first page, since counting
     * N pages down is the offset scan paging by place does away with.
     */
    private static boolean redirectedFromPageNumber(Context ctx, String firstPage) {
        if (ctx.queryParam("page") == null) {
            return false;
        }
        ctx.redirect(firstPage, HttpStatus.MOVED_PERMANENTLY);
        return true;
    }

    /** Where a stream page starts: null on the first page; an {@code older/{key}} address names its place. */
    private static StreamCursor after(Context ctx) {
        return ctx.pathParamMap().containsKey("key") ? StreamCursor.parse(ctx.pathParam("key")) : null;
    }

    /** The day a later page starts before, for its title: one page is told from another by it. */
    private String day(StreamCursor after) {
        return DAY.format(after.at().atZone(queries.site().zone()));
    }

    private static StreamSlice nonEmpty(StreamSlice stream) {
        if (!stream.isFirst() && stream.isEmpty()) {
            throw new NotFoundResponse();
        }
        return stream;
    }

    private static String canonical(String path, StreamCursor after) {
        return after == null ? path : Urls.older(path, after);
    }

    private void dashboard(Context ctx) {
        DashboardView dashboard = queries.dashboard(ctx.pathParam("slug"))
                .orElseThrow(() ->
                        gone(queries.dashboardGone(ctx.pathParam("slug")), "This dashboard has been taken down."));
        render(
                ctx,
                dashboard.pageKeys(),
                new DashboardPageModel(
                        page(ctx, dashboard.title(), dashboard.intro(), dashboard.url()),
                        dashboard,
                        StructuredData.dashboard(dashboard, queries.site())));
    }

    private void story(Context ctx) {
        ReaderQueries.StoryPage found = queries.storyPage(ctx.pathParam("slug"), ReaderQueries.GO_DEEPER)
                .orElse(null);
        if (found == null) {
            redirectFromOldSlug(ctx, "");
            return;
        }
        StoryView story = found.story();
        if (redirectedToCanonical(ctx, story, "")) {
            return;
        }
        render(
                ctx,
                found.pageKeys(),
                new StoryPageModel(
                        page(ctx, story.headline(), story.dek(), story.url())
                                .withFeeds(FeedLink.story(
                                        queries.site(),
                                        story.topic() == null
                                                ? null
                                                : story.topic().slug(),
                                        story.topic() == null
                                                ? null
                                                : story.topic().name())),
                        story,
                        found.deeper(),
                        StructuredData.story(story, queries.site())));
    }

    private void related(Context ctx) {
        StoryView story = queries.story(ctx.pathParam("slug")).orElse(null);
        if (story == null) {
            redirectFromOldSlug(ctx, "/related");
            return;
        }
        if (redirectedToCanonical(ctx, story, "/related")) {
            return;
        }
        int number = pageNumber(ctx);
        StreamPage stream = nonEmpty(queries.goDeeper(story.id(), number, ReaderQueries.GO_DEEPER), number);
        render(
                ctx,
                keys(story.pageKeys(), stream.pageKeys()),
                new RelatedModel(
                        page(
                                ctx,
                                "Go deeper: " + story.headline(),
                                story.dek(),
                                canonical(story.url() + "/related", number)),
                        story,
                        stream));
    }

    /**
     * Sends the address of a story's slug before an editor changed it to its address now; else
     * 410 when a story was public there once, 404 when none ever was.
     */
    private void redirectFromOldSlug(Context ctx, String suffix) {
        String url = queries.movedStory(ctx.pathParam("slug")).orElseThrow(() -> storyGone(ctx));
        String query = ctx.queryString();
        ctx.redirect(url + suffix + (query == null ? "" : "?" + query), HttpStatus.MOVED_PERMANENTLY);
    }

    private RuntimeException storyGone(Context ctx) {
        return gone(
                queries.storyGone(ctx.pathParam("slug")), "This story has been withdrawn and is no longer published.");
    }

    /** 410 for what was public once and was taken down on purpose; 404 for what never was. */
    private static RuntimeException gone(boolean gone, String message) {
        return gone ? new GoneException(message) : new NotFoundResponse();
    }

    /** Sends a mistyped or old date to the story's one address; true when it did. */
    private static boolean redirectedToCanonical(Context ctx, StoryView story, String suffix) {
        if (ctx.path().equals(story.url() + suffix)) {
            return false;
        }
        String query = ctx.queryString();
        ctx.redirect(story.url() + suffix + (query == null ? "" : "?" + query), HttpStatus.MOVED_PERMANENTLY);
        return true;
    }

    /** Renders and caches a page under the surrogate keys of everything it shows. */
    private void render(Context ctx, Set<String> keys, ReaderModel model) {
        responses.html(ctx, templates.render(model.template(), model), keys);
    }

    /** A page's own key first, then what it lists, in the order shown. */
    @SafeVarargs
    private static Set<String> keys(Set<String>... parts) {
        Set<String> keys = new LinkedHashSet<>();
        for (Set<String> part : parts) {
            keys.addAll(part);
        }
        return keys;
    }

    private static StreamPage nonEmpty(StreamPage stream, int number) {
        if (number > 1 && stream.isEmpty()) {
            throw new NotFoundResponse();
        }
        return stream;
    }

    private static String canonical(String path, int number) {
        return number == 1 ? path : path + "?page=" + number;
    }

    /** The only query parameter the reader site reads: the page cache keys pages by it alone (CacheKeys.READ). */
    private static int pageNumber(Context ctx) {
        String raw = ctx.queryParam("page");
        if (raw == null) {
            return 1;
        }
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestResponse("The page number must be a whole number from 1 to " + MAX_PAGE + ".");
    }
}
