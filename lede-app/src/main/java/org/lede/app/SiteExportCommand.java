package org.lede.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lede.Services;
import org.lede.author.Author;
import org.lede.db.Database;
import org.lede.media.MediaService;
import org.lede.reading.DashboardView;
import org.lede.reading.OldAddresses;
import org.lede.reading.PageLink;
import org.lede.reading.ReaderQueries;
import org.lede.reading.SiteSettings;
import org.lede.reading.StoryView;
import org.lede.reading.Urls;
import org.lede.related.GoDeeper;
import org.lede.search.Search;
import org.lede.search.SearchIndexer;
import org.lede.story.PublishedCursor;
import org.lede.story.PublishedFilter;
import org.lede.topic.Topic;
import org.lede.web.WebServer;
import org.lede.web.feed.FeedFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export site DIR}: the reader site as static files, asked of the real server started in
 * this process on a loopback port, so every file is the server's answer by construction.
 */
@Command(
        name = "site",
        mixinStandardHelpOptions = true,
        description = "Write every published page, feed, sitemap and image of the reader site to DIR as files "
                + "a static host serves (/a/b as a/b.html, / as index.html, 404.html, _redirects). "
                + "A second run writes only what changed and removes what is no longer published.")
final class SiteExportCommand implements Callable<Integer> {
    private static final int BATCH = 200;

    @Mixin
    Settings settings;

    @Mixin
    SiteOptions siteOptions;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The directory to write: new, empty, or written by this command.")
    Path dir;

    @Override
    public Integer call() {
        if (!siteOptions.hasBaseUrl()) {
            throw new StartupException("export site needs the site's public address for its links and feeds: "
                    + "--base-url https://news.example (or LEDE_BASE_URL).");
        }
        String baseUrl = StaticSite.publicAddress(siteOptions.baseUrl);
        Path target = dir.toAbsolutePath().normalize();
        StaticSite.Manifest previous = StaticSite.claim(target);
        Path dataDir = settings.writableDataDir();
        long start = System.nanoTime();
        Clock clock = Clock.systemUTC();
        StaticSite.Summary summary;
        try (Database db = Database.open(settings.database(dataDir))) {
            Services services = settings.services(db, dataDir, clock);
            try (Search search = services.search();
                    GoDeeper goDeeper = services.goDeeper();
                    MediaService ignored = services.mediaService()) {
                // Go deeper ranks by the search index, and this server runs no background work: the
                // index is brought up to date first, so the pages are the ones a server answers.
                SearchIndexer indexer = search.indexer(e -> {
                    throw e;
                });
                if (indexer.needsRebuild()) {
                    indexer.rebuild((done, total) -> {});
                } else {
                    indexer.poll();
                }
                SiteSettings site = siteOptions.site(baseUrl, settings.zone());
                ReaderQueries reader = services.readerQueries(site);
                WebServer server = new WebServer(services, reader, clock).startForReading("127.0.0.1", 0);
                try {
                    // Changes made since the server last ran have not yet made Go deeper's kept
                    // rankings stale: without this, the export would show rankings it does not.
                    server.catchUp();
                    StaticSite crawl = new StaticSite("http://127.0.0.1:" + server.port(), baseUrl);
                    crawl.crawl(
                            addresses(reader),
                            new OldAddresses(services.imports(), services.stories(), services.sitePages(), site.zone())
                                    .live());
                    summary = crawl.write(target, previous);
                } finally {
                    server.stop();
                }
            }
        }
        report(summary, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** Every address the data names; what they link to is found by the crawl. */
    static List<String> addresses(ReaderQueries reader) {
        List<String> paths = new ArrayList<>(List.of("/", "/robots.txt", "/sitemap.xml", "/sitemaps/news.xml"));
        feeds(paths, "");
        for (Topic topic : reader.topics()) {
            paths.add(Urls.topic(topic.slug()));
            feeds(paths, Urls.topic(topic.slug()));
        }
        for (Author author : reader.authors()) {
            paths.add(Urls.author(author.slug()));
            feeds(paths, Urls.author(author.slug()));
        }
        for (DashboardView dashboard : reader.dashboards()) {
            paths.add(dashboard.url());
        }
        for (PageLink page : reader.publishedPages()) {
            paths.add(page.url());
        }
        PublishedCursor after = null;
        List<StoryView> batch;
        do {
            batch = reader.published(PublishedFilter.ALL, after, BATCH);
            for (StoryView story : batch) {
                paths.add(story.url());
            }
            if (!batch.isEmpty()) {
                StoryView last = batch.getLast();
                after = new PublishedCursor(last.publishedAt(), last.id());
            }
        } while (batch.size() == BATCH);
        return paths;
    }

    private static void feeds(List<String> paths, String base) {
        for (FeedFormat format : FeedFormat.values()) {
            paths.add(base + "/" + format.file());
        }
    }

    private void report(StaticSite.Summary summary, double seconds) {
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "%d written, %d unchanged, %d removed in %.2f s",
                summary.written(),
                summary.unchanged(),
                summary.removed(),
                seconds));
        if (!summary.skippedPagedLinks().isEmpty()) {
            // Only the first page of a list is asked for, so each link found is one list that goes on.
            int lists = summary.skippedPagedLinks().size();
            line.append("; ")
                    .append(lists)
                    .append(lists == 1 ? " list goes" : " lists go")
                    .append(" on past its first page (?page=N), which a static host cannot serve: "
                            + "only first pages are written");
        }
        if (!summary.provisional().isEmpty()) {
            int images = summary.provisional().size();
            line.append("; ")
                    .append(images)
                    .append(images == 1 ? " image size is" : " image sizes are")
                    .append(" still being made, run again soon");
        }
        if (!summary.missing().isEmpty()) {
            line.append("; not answered: ").append(String.join(", ", summary.missing()));
        }
        spec.commandLine().getOut().println(line.append('.'));
        spec.commandLine().getOut().flush();
    }
}
