package org.lede.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.lede.Services;
import org.lede.importing.ImportJobs;
import org.lede.media.MediaService;
import org.lede.media.Renditions;
import org.lede.newsroom.NewsroomQueries;
import org.lede.outbox.OutboxEvent;
import org.lede.outbox.OutboxPoller;
import org.lede.reading.OldAddresses;
import org.lede.reading.ReaderQueries;
import org.lede.reading.ReaderSearch;
import org.lede.search.Search;
import org.lede.web.api.ApiDocRoutes;
import org.lede.web.api.ContentApiRoutes;
import org.lede.web.api.SearchApiRoutes;
import org.lede.web.api.admin.AdminApi;
import org.lede.web.api.admin.AdminCurationRoutes;
import org.lede.web.api.admin.AdminMediaRoutes;
import org.lede.web.api.admin.AdminStoryRoutes;
import org.lede.web.cache.CachedPageConnection;
import org.lede.web.cache.CachedPageHandler;
import org.lede.web.cache.CdnPurger;
import org.lede.web.cache.PageCache;
import org.lede.web.cache.PageResponses;
import org.lede.web.feed.FeedRoutes;
import org.lede.web.feed.SitemapRoutes;
import org.lede.web.feed.StoryHtml;
import org.lede.web.newsroom.AccountRoutes;
import org.lede.web.newsroom.AuditRoutes;
import org.lede.web.newsroom.AuthRoutes;
import org.lede.web.newsroom.DashboardRoutes;
import org.lede.web.newsroom.GoDeeperRoutes;
import org.lede.web.newsroom.ImportRoutes;
import org.lede.web.newsroom.MediaLibraryRoutes;
import org.lede.web.newsroom.NewsroomAuth;
import org.lede.web.newsroom.NewsroomAuthorRoutes;
import org.lede.web.newsroom.NewsroomViews;
import org.lede.web.newsroom.PasteRoutes;
import org.lede.web.newsroom.SetupLink;
import org.lede.web.newsroom.SitePageRoutes;
import org.lede.web.newsroom.StoryRoutes;
import org.lede.web.newsroom.TopStoriesRoutes;
import org.lede.web.newsroom.TopicRoutes;
import org.lede.web.newsroom.UserRoutes;
import org.lede.web.newsroom.WebhookRoutes;
import org.lede.web.reader.ErrorModel;
import org.lede.web.reader.MediaRoutes;
import org.lede.web.reader.Page;
import org.lede.web.reader.PreviewRoutes;
import org.lede.web.reader.ReaderRoutes;
import org.lede.web.reader.SearchRoutes;
import org.lede.web.support.ClientAddress;
import org.lede.web.support.ErrorPages;
import org.lede.web.support.SecurityHeaders;
import org.lede.web.support.Templates;
import org.lede.webhook.WebhookDispatcher;
import org.lede.webhook.WebhookFanOut;
import org.lede.webhook.WebhookService;
import org.lede.webhook.Webhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Javalin on Jetty with virtual threads, carrying the reader site, media and
 * the error pages. Route classes are separate per audience and share the core's services.
 * Cached reader pages are answered by a Jetty handler in front of Javalin and purged, page by
 * page, by the surrogate keys of the outbox events that changed them; a CDN's copies too, when
 * one is configured.
 */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** What depends on the hour rather than on an event (the news sitemap's last two days) must not stay stale for long. */
    static final Duration PAGE_TTL = Duration.ofSeconds(60);

    private final Javalin app;
    private final PageCache cache;
    private CachedPageConnection.Factory cachedConnections;
    private final OutboxPoller purger;
    private final OutboxPoller cdnPurger;
    private final OutboxPoller webhookFanOut;
    private final OutboxPoller goDeeperStaling;
    private final Search search;
    private final WebhookDispatcher webhookDispatcher;
    private final WebhookService webhookService;
    private final ImportJobs importJobs;
    private final SetupLink setup = new SetupLink();

    /**
     * How the server is set up beyond its services.
     *
     * @param cdnPurge where to purge a CDN's copies of changed pages, or null when no CDN is in front
     * @param clientAddress how to tell a request's client address, trusting which proxies
     * @param contentApiKeys the keys a content API client must present; empty leaves the API open
     * @param webhooksAllowPrivate let webhooks reach loopback, private and link-local addresses
     *     (a receiver on this machine or network); refused otherwise
     * @param imports the importers the newsroom's import page runs, or null for none
     */
    public record Options(
            CdnPurger.Target cdnPurge,
            ClientAddress clientAddress,
            List<String> contentApiKeys,
            boolean webhooksAllowPrivate,
            ImportJobs imports) {
        public static final Options DEFAULTS = new Options(null);

        public Options {
            contentApiKeys = List.copyOf(contentApiKeys);
        }

        public Options(
                CdnPurger.Target cdnPurge,
                ClientAddress clientAddress,
                List<String> contentApiKeys,
                boolean webhooksAllowPrivate) {
            this(cdnPurge, clientAddress, contentApiKeys, webhooksAllowPrivate, null);
        }

        public Options(CdnPurger.Target cdnPurge, ClientAddress clientAddress) {
            this(cdnPurge, clientAddress, List.of(), false);
        }

        public Options(CdnPurger.Target cdnPurge) {
            this(cdnPurge, ClientAddress.DIRECT);
        }

        public Options(CdnPurger.Target cdnPurge, ClientAddress clientAddress, boolean webhooksAllowPrivate) {
            this(cdnPurge, clientAddress, List.of(), webhooksAllowPrivate);
        }

        public Options withContentApiKeys(List<String> keys) {
            return new Options(cdnPurge, clientAddress, keys, webhooksAllowPrivate, imports);
        }

        public Options withWebhooksAllowPrivate(boolean allow) {
            return new Options(cdnPurge, clientAddress, contentApiKeys, allow, imports);
        }

        public Options withImports(ImportJobs jobs) {
            return new Options(cdnPurge, clientAddress, contentApiKeys, webhooksAllowPrivate, jobs);
        }
    }

    /** Room for a search of 10,000 typed characters in the address, with the rest of the request's head. */
    static final int MAX_REQUEST_HEAD_BYTES = 32 * 1024;

    public WebServer(Services services, ReaderQueries reader, Clock clock) {
        this(services, reader, clock, Options.DEFAULTS);
    }

    public WebServer(Services services, ReaderQueries readerQueries, Clock clock, Options options) {
        Templates templates = new Templates();
        search = services.search();
        cache = new PageCache(clock, PAGE_TTL);
        ReaderQueries reader = readerQueries.keepingChrome();
        purger = OutboxPoller.inMemory(
                "page-cache",
                services.outbox(),
                events -> {
                    Set<String> keys = pageKeys(events);
                    // The chrome first: a page rendered once its pages are purged reads it anew.
                    reader.forget(keys);
                    cache.purge(keys);
                },
                e -> LOG.error("Cannot read the outbox to purge cached pages", e));
        // Its own poller, so a slow CDN never holds back the page cache's purges; durable, because the
        // CDN's copies outlive this process and a purge missed while it was down must still be sent.
        cdnPurger = options.cdnPurge() == null
                ? null
                : OutboxPoller.durable(
                        "cdn-purge", services.outbox(), new CdnPurger(options.cdnPurge()), WebServer::cdnPurgeFailed);
        // Durable, so events that happen while the server is down still reach the receivers; the
        // dispatcher sends on its own threads, so neither a publish nor this poller waits for one.
        Webhooks webhooks = services.webhooks(
                reader.site(), options.webhooksAllowPrivate(), e -> LOG.error("Webhook deliveries failed", e));
        webhookFanOut = OutboxPoller.durable(
                WebhookFanOut.CONSUMER,
                services.outbox(),
                webhooks.fanOut(),
                e -> LOG.error("Cannot read the outbox to queue webhook deliveries", e));
        // Durable, so a story published while the server was down still makes its neighbours' kept
        // Go deeper stale when it comes back.
        goDeeperStaling = services.goDeeper().staling(e -> LOG.error("Cannot read the outbox to refresh Go deeper", e));
        webhookDispatcher = webhooks.dispatcher();
        webhookService = webhooks.service();
        PageResponses responses = new PageResponses(cache);
        ReaderRoutes readerRoutes = new ReaderRoutes(reader, templates, responses);
        FeedRoutes feedRoutes = new FeedRoutes(reader, new StoryHtml(templates), responses);
        SitemapRoutes sitemapRoutes = new SitemapRoutes(reader, responses);
        ContentApiRoutes contentApi =
                new ContentApiRoutes(reader, new StoryHtml(templates), responses, options.contentApiKeys());
        ReaderSearch readerSearch = new ReaderSearch(services.search()::index, reader);
        SearchRoutes searchRoutes = new SearchRoutes(readerSearch, reader, templates);
        SearchApiRoutes searchApi = new SearchApiRoutes(
                readerSearch,
                reader.site().baseUrl(),
                new StoryHtml(templates),
                !options.contentApiKeys().isEmpty());
        ApiDocRoutes apiDocs = new ApiDocRoutes();
        MediaRoutes mediaRoutes = new MediaRoutes(new Renditions(services.media(), services.blobs()));
        ErrorPages errors = new ErrorPages(
                (ctx, status, title, message) -> templates.render(
                        "reader/error.jte",
                        new ErrorModel(
                                new Page(
                                        reader.site(),
                                        reader.topics(),
                                        reader.publishedPages(),
                                        title,
                                        null,
                                        null,
                                        ctx.path()),
                                status,
                                message)),
                new OldAddresses(
                        services.imports(),
                        services.stories(),
                        services.sitePages(),
                        reader.site().zone())::addressAt);
        NewsroomQueries queries = services.newsroomQueries();
        NewsroomViews newsroom = new NewsroomViews(templates, reader.site(), queries);
        NewsroomAuth auth = new NewsroomAuth(services.userService());
        AuthRoutes authRoutes = new AuthRoutes(services.userService(), setup, newsroom, options.clientAddress());
        StoryRoutes storyRoutes = new StoryRoutes(
                services.storyService(),
                services.storyPreviews(),
                queries,
                services.brevityChecks(),
                reader,
                newsroom,
                clock);
        GoDeeperRoutes goDeeperRoutes = new GoDeeperRoutes(queries, newsroom);
        PreviewRoutes previewRoutes = new PreviewRoutes(services.storyPreviews(), reader, templates);
        MediaLibraryRoutes mediaLibraryRoutes = new MediaLibraryRoutes(services.mediaService(), queries, newsroom);
        TopicRoutes topicRoutes = new TopicRoutes(services.topicService(), queries, newsroom);
        NewsroomAuthorRoutes authorRoutes = new NewsroomAuthorRoutes(services.authorService(), queries, newsroom);
        DashboardRoutes dashboardRoutes = new DashboardRoutes(services.dashboardService(), queries, newsroom);
        SitePageRoutes sitePageRoutes = new SitePageRoutes(services.sitePageService(), queries, newsroom);
        TopStoriesRoutes topStoriesRoutes = new TopStoriesRoutes(services.storyService(), queries, newsroom);
        UserRoutes userRoutes = new UserRoutes(services.userService(), services.apiTokenService(), newsroom);
        AccountRoutes accountRoutes = new AccountRoutes(services.userService(), services.apiTokenService(), newsroom);
        AuditRoutes auditRoutes = new AuditRoutes(services.auditService(), newsroom);
        PasteRoutes pasteRoutes = new PasteRoutes();
        AdminApi adminApi = new AdminApi(services.apiTokenService());
        AdminStoryRoutes adminStories = new AdminStoryRoutes(services.storyService(), queries);
        AdminMediaRoutes adminMedia = new AdminMediaRoutes(services.mediaService(), queries);
        AdminCurationRoutes adminCuration = new AdminCurationRoutes(
                services.topicService(), services.authorService(), services.dashboardService(), queries);
        WebhookRoutes webhookRoutes = new WebhookRoutes(webhooks.service(), newsroom);
        importJobs = options.imports() == null ? ImportJobs.none(clock) : options.imports();
        ImportRoutes importRoutes = new ImportRoutes(importJobs, newsroom);
        auth.allowLargeUploads(ImportRoutes.PATH, ImportRoutes.MAX_UPLOAD_BYTES, "An import file");
        this.app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = 25L * 1024 * 1024;
            // Unlimited by default; NewsroomAuth refuses a declared length over the limit before
            // reading, and these stop a body that declares none once it passes the limit.
            config.jetty.multipartConfig.maxFileSize(MediaService.MAX_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(NewsroomAuth.MAX_MULTIPART_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            // A known path asked with the wrong method is answered 405 with Allow, not a misleading 404.
            config.http.prefer405over404 = true;
            // A search's words travel in its address, and Jetty's default of 8 KiB answers a long
            // paste with a bare 414 before the search page can cut it and say so.
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEAD_BYTES));
            // Every connection starts on the cached-page connection, which answers cached pages
            // itself and hands the connection to Jetty's at the first request it does not answer.
            config.jetty.addConnector((server, http) -> {
                HttpConnectionFactory jetty = new HttpConnectionFactory(http);
                cachedConnections = new CachedPageConnection.Factory(cache, jetty);
                // Those answers are written on the selector threads themselves: Jetty's default of
                // one selector per two cores left this 2-core machine's second core to the rest,
                // and two selectors answered about a fifth more cached pages per second than one.
                ServerConnector connector = new ServerConnector(
                        server, -1, Math.min(4, Runtime.getRuntime().availableProcessors()), cachedConnections, jetty);
                // Where start() asked to listen, read as Javalin's own connector reads it.
                connector.setHost(config.jetty.host);
                connector.setPort(config.jetty.port);
                return connector;
            });
            // In front of everything Javalin puts on the server (its statistics handler, the servlet
            // context, sessions), so a cached page costs no more than a handler that writes bytes.
            // The security headers go outermost, so cached pages, routes, errors and redirects all carry them.
            config.jetty.modifyServer(server -> {
                server.insertHandler(new CachedPageHandler(cache));
                server.insertHandler(new SecurityHeaders());
            });
            auth.register(config.routes);
            authRoutes.register(config.routes);
            storyRoutes.register(config.routes);
            goDeeperRoutes.register(config.routes);
            mediaLibraryRoutes.register(config.routes);
            topicRoutes.register(config.routes);
            authorRoutes.register(config.routes);
            dashboardRoutes.register(config.routes);
            sitePageRoutes.register(config.routes);
            userRoutes.register(config.routes);
            accountRoutes.register(config.routes);
            auditRoutes.register(config.routes);
            pasteRoutes.register(config.routes);
            webhookRoutes.register(config.routes);
            importRoutes.register(config.routes);
            topStoriesRoutes.register(config.routes);
            // Before the reader site, whose dated story path /{yyyy}/{mm}/{dd}/{slug} also matches
            // /api/v1/stories/{id}.
            apiDocs.register(config.routes);
            contentApi.register(config.routes);
            searchApi.register(config.routes);
            adminApi.register(config.routes);
            adminStories.register(config.routes);
            adminMedia.register(config.routes);
            adminCuration.register(config.routes);
            // After the newsroom: Javalin runs the first route that matches, and the reader's dated story
            // path /{yyyy}/{mm}/{dd}/{slug} also matches /newsroom/stories/{id}/revisions.
            readerRoutes.register(config.routes);
            searchRoutes.register(config.routes);
            feedRoutes.register(config.routes);
            sitemapRoutes.register(config.routes);
            previewRoutes.register(config.routes);
            mediaRoutes.register(config.routes);
            errors.register(config.routes);
            // Last: /{slug} would take any one-segment path registered after it.
            readerRoutes.registerSitePages(config.routes);
        });
    }

    /** Starts listening; port 0 picks a free one, see {@link #port()}. */
    public WebServer start(String host, int port) {
        app.start(host, port);
        purger.start(Duration.ofMillis(200));
        if (cdnPurger != null) {
            cdnPurger.start(Duration.ofMillis(500));
        }
        webhookFanOut.start(Duration.ofMillis(200));
        goDeeperStaling.start(Duration.ofMillis(200));
        webhookDispatcher.start(Duration.ofMillis(200));
        // Often enough that a publish is searchable well within a second; a poll that finds nothing is one query.
        search.startIndexing(
                Duration.ofMillis(100), e -> LOG.error("Cannot bring the search index up to date", e), LOG::info);
        return this;
    }

    /**
     * Starts listening without the outbox's consumers, for a process that only reads pages (a
     * static export) beside the running site, which alone delivers its webhooks and purges its CDN.
     */
    public WebServer startForReading(String host, int port) {
        app.start(host, port);
        return this;
    }

    /** How many requests the cached-page connection answered before Jetty's HTTP layer, for tests. */
    public long cachedPagesAnsweredOnConnections() {
        return cachedConnections.answered();
    }

    /** The one-time address that creates the owner account; it works only while there is no account. */
    public String setupPath() {
        return setup.path();
    }

    public int port() {
        return app.port();
    }

    /** The webhook commands as this server checks them (with its address rule), for tests. */
    public WebhookService webhooks() {
        return webhookService;
    }

    /** The imports the newsroom's page starts, for tests that follow one. */
    public ImportJobs importJobs() {
        return importJobs;
    }

    /**
     * Applies every committed change to the cached pages, the search index and Go deeper's kept
     * rankings now, rather than on the next poll.
     */
    public void catchUp() {
        purger.poll();
        search.indexer(e -> LOG.error("Cannot bring the search index up to date", e))
                .poll();
        goDeeperStaling.poll();
    }

    public void stop() {
        webhookFanOut.close();
        goDeeperStaling.close();
        webhookDispatcher.close();
        if (cdnPurger != null) {
            cdnPurger.close();
        }
        purger.close();
        app.stop();
    }

    private static Set<String> pageKeys(List<OutboxEvent> events) {
        Set<String> keys = new HashSet<>();
        events.forEach(e -> keys.addAll(e.pageKeys()));
        return keys;
    }

    private static void cdnPurgeFailed(RuntimeException e) {
        // Stopping the server interrupts a purge in flight; that is not a failure worth an error.
        if (e instanceof CancellationException) {
            return;
        }
        LOG.error("Cannot read the outbox to purge the CDN", e);
    }
}
