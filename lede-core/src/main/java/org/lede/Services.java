package org.lede;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.function.Consumer;
import org.lede.audit.AuditService;
import org.lede.author.AuthorService;
import org.lede.author.AuthorStore;
import org.lede.author.store.JdbiAuthorStore;
import org.lede.common.Ids;
import org.lede.dashboard.DashboardService;
import org.lede.dashboard.DashboardStore;
import org.lede.dashboard.store.JdbiDashboardStore;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.demo.DemoArchive;
import org.lede.demo.store.JdbiArchiveStore;
import org.lede.importing.ImportStore;
import org.lede.importing.Importer;
import org.lede.importing.RemoteImages;
import org.lede.importing.store.JdbiImportStore;
import org.lede.media.BlobStore;
import org.lede.media.ImageWorkers;
import org.lede.media.MediaService;
import org.lede.media.MediaStore;
import org.lede.media.store.DiskBlobStore;
import org.lede.media.store.JdbiMediaStore;
import org.lede.newsroom.NewsroomQueries;
import org.lede.outbox.Outbox;
import org.lede.outbox.store.JdbiOutbox;
import org.lede.page.SitePageService;
import org.lede.page.SitePageStore;
import org.lede.page.store.JdbiSitePageStore;
import org.lede.reading.ReaderQueries;
import org.lede.reading.SiteSettings;
import org.lede.related.Blend;
import org.lede.related.BlendedRelated;
import org.lede.related.GoDeeper;
import org.lede.related.RelatedContent;
import org.lede.related.store.JdbiKeptPicks;
import org.lede.search.Search;
import org.lede.search.SearchDocuments;
import org.lede.search.SearchIndexes;
import org.lede.search.store.JdbiSearchSourceStore;
import org.lede.story.BrevityChecks;
import org.lede.story.PublishRules;
import org.lede.story.StoryPreviews;
import org.lede.story.StoryService;
import org.lede.story.StoryStore;
import org.lede.story.store.JdbiStoryStore;
import org.lede.token.ApiTokenService;
import org.lede.token.store.JdbiApiTokenStore;
import org.lede.topic.TopicService;
import org.lede.topic.TopicStore;
import org.lede.topic.store.JdbiTopicStore;
import org.lede.transfer.NewsroomTransfer;
import org.lede.transfer.store.JdbiTransferStore;
import org.lede.user.LoginThrottle;
import org.lede.user.SecretStore;
import org.lede.user.UserService;
import org.lede.user.store.Argon2Passwords;
import org.lede.user.store.JdbiSecretStore;
import org.lede.user.store.JdbiSessionStore;
import org.lede.user.store.JdbiUserStore;
import org.lede.webhook.WebhookDispatcher;
import org.lede.webhook.WebhookFanOut;
import org.lede.webhook.WebhookPayloads;
import org.lede.webhook.WebhookService;
import org.lede.webhook.WebhookStore;
import org.lede.webhook.WebhookTargets;
import org.lede.webhook.Webhooks;
import org.lede.webhook.store.JdbiWebhookStore;

/**
 * The core's object graph over one database: stores, then the services that use them. Built with
 * plain constructors by the application's entry point and by tests; there are no singletons.
 */
public record Services(
        Database db,
        Clock clock,
        StoryStore stories,
        TopicStore topics,
        AuthorStore authors,
        MediaStore media,
        BlobStore blobs,
        DashboardStore dashboards,
        Outbox outbox,
        StoryService storyService,
        TopicService topicService,
        AuthorService authorService,
        MediaService mediaService,
        DashboardService dashboardService,
        RelatedContent related,
        GoDeeper goDeeper,
        UserService userService,
        BrevityChecks brevityChecks,
        AuditService auditService,
        NewsroomQueries newsroomQueries,
        StoryPreviews storyPreviews,
        ApiTokenService apiTokenService,
        SitePageStore sitePages,
        SitePageService sitePageService,
        WebhookStore webhookStore,
        ImportStore imports,
        Search search) {

    /** The services of a data directory laid out as usual: the index beside the media, in {@code index}. */
    public static Services create(Database db, Path mediaDir, Clock clock) {
        return create(db, mediaDir, mediaDir.resolveSibling("index"), clock);
    }

    /** The services with the search index {@link SearchIndexes.Kind#AUTO} chooses. */
    public static Services create(Database db, Path mediaDir, Path indexDir, Clock clock) {
        return create(db, mediaDir, indexDir, SearchIndexes.Kind.AUTO, clock);
    }

    /**
     * @param indexDir where the search index lives, when it is a directory; opened only when
     *     something first searches or indexes ({@link Search#index()})
     * @param searchIndex which index to keep
     * @throws IllegalArgumentException when that index cannot be kept over {@code db}, now rather
     *     than when something first searches
     */
    public static Services create(
            Database db, Path mediaDir, Path indexDir, SearchIndexes.Kind searchIndex, Clock clock) {
        searchIndex.requireFits(db.dialect());
        Ids ids = new Ids(clock);
        StoryStore stories = new JdbiStoryStore(db);
        TopicStore topics = new JdbiTopicStore(db);
        AuthorStore authors = new JdbiAuthorStore(db);
        MediaStore media = new JdbiMediaStore(db);
        BlobStore blobs = new DiskBlobStore(mediaDir);
        DashboardStore dashboards = new JdbiDashboardStore(db);
        Outbox outbox = new JdbiOutbox(db);
        SitePageStore sitePages = new JdbiSitePageStore(db);
        PublishRules rules = new PublishRules(topics, authors, media);
        SecretStore secrets = new JdbiSecretStore(db);
        UserService users = new UserService(
                db,
                new JdbiUserStore(db),
                new JdbiSessionStore(db),
                new Argon2Passwords(),
                new LoginThrottle(clock, LoginThrottle.Settings.DEFAULTS),
                secrets,
                outbox,
                clock,
                ids);
        JdbiSearchSourceStore searchSources = new JdbiSearchSourceStore(db);
        Search search = Search.of(
                db,
                indexDir,
                searchIndex,
                clock,
                new SearchDocuments(searchSources, topics, authors, dashboards),
                searchSources,
                topics,
                outbox);
        // Through search.index() on each call, so the index still opens only when first used.
        RelatedContent related = new BlendedRelated(
                stories,
                dashboards,
                (id, words, limit) -> search.index().similar(id, words, limit),
                Blend.Weights.STANDARD);
        GoDeeper goDeeper = GoDeeper.create(
                related,
                stories,
                dashboards,
                new JdbiKeptPicks(db),
                outbox,
                () -> search.index().appliedThrough());
        return new Services(
                db,
                clock,
                stories,
                topics,
                authors,
                media,
                blobs,
                dashboards,
                outbox,
                new StoryService(db, stories, outbox, rules, clock, ids),
                new TopicService(db, topics, outbox, clock, ids),
                new AuthorService(db, authors, outbox, clock, ids),
                new MediaService(db, media, blobs, outbox, clock, ids, ImageWorkers.standard()),
                new DashboardService(db, dashboards, stories, topics, media, outbox, clock, ids),
                related,
                goDeeper,
                users,
                new BrevityChecks(rules),
                new AuditService(outbox, users),
                new NewsroomQueries(stories, topics, authors, media, dashboards, sitePages, search::index, related),
                new StoryPreviews(
                        db, stories, outbox, Base64.getUrlDecoder().decode(secrets.secret("story-preview")), clock),
                new ApiTokenService(db, new JdbiApiTokenStore(db), users, outbox, clock, ids),
                sitePages,
                new SitePageService(db, sitePages, outbox, clock, ids),
                new JdbiWebhookStore(db),
                new JdbiImportStore(db),
                search);
    }

    /**
     * Webhooks for a server of {@code site}, whose payloads carry its absolute URLs.
     *
     * @param allowPrivate lets webhooks reach loopback, private and link-local addresses
     * @param onError      told of a failure to read or record deliveries
     */
    public Webhooks webhooks(SiteSettings site, boolean allowPrivate, Consumer<RuntimeException> onError) {
        Ids ids = new Ids(clock);
        WebhookTargets targets = WebhookTargets.system(allowPrivate);
        return new Webhooks(
                new WebhookService(db, webhookStore, outbox, targets, clock, ids),
                new WebhookFanOut(
                        db,
                        webhookStore,
                        outbox,
                        new WebhookPayloads(stories, dashboards, topics, authors, site),
                        clock,
                        ids),
                new WebhookDispatcher(db, webhookStore, outbox, targets, clock, onError));
    }

    /** What the reader site of {@code site} reads: published content, with its addresses in the site's zone. */
    public ReaderQueries readerQueries(SiteSettings site) {
        return new ReaderQueries(stories, topics, authors, media, dashboards, goDeeper, site, clock, sitePages, false);
    }

    /**
     * The import engine, for every format's reader.
     *
     * @param remote fetches images named by http(s) addresses; null to report them as not downloaded
     */
    public Importer importer(RemoteImages remote) {
        return new Importer(
                db,
                imports,
                storyService,
                stories,
                authorService,
                authors,
                topicService,
                topics,
                mediaService,
                media,
                new PublishRules(topics, authors, media),
                sitePageService,
                sitePages,
                remote,
                clock);
    }

    /** The archive generator over the demo newsroom ({@code lede demo --stories N}); made on demand for the CLI. */
    public DemoArchive demoArchive(Path mediaDir) {
        return new DemoArchive(this, mediaDir, new JdbiArchiveStore(db));
    }

    /** Export, import and backup of the whole newsroom; made on demand, since only the CLI uses it. */
    public NewsroomTransfer transfer() {
        return new NewsroomTransfer(db, new JdbiTransferStore(db), blobs, db.dialect() == Dialect.SQLITE);
    }

    /**
     * Export, import and backup without the rest of the graph: they read and write tables and
     * files only, and building the services costs more than a demo's export (the account service
     * hashes a decoy password with Argon2, password checks load zxcvbn's dictionaries).
     */
    public static NewsroomTransfer transfer(Database db, Path mediaDir) {
        return new NewsroomTransfer(
                db, new JdbiTransferStore(db), new DiskBlobStore(mediaDir), db.dialect() == Dialect.SQLITE);
    }
}
