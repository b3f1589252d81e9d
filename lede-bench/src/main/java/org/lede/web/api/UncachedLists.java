package org.lede.web.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.demo.DemoContent;
import org.lede.reading.ReaderQueries;
import org.lede.reading.SiteSettings;
import org.lede.reading.StoryView;
import org.lede.story.PublishedFilter;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.user.Actor;
import org.lede.web.WebServer;
import org.lede.web.cache.PageCache;
import org.lede.web.feed.StoryHtml;
import org.lede.web.support.Templates;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Page-cache misses of the long lists, through the real server over loopback HTTP: the content
 * API's {@code /api/v1/stories?limit=50} and the site's {@code /rss.xml}, over the demo grown to
 * more than fifty published stories. Every request is a miss because each asks for an address
 * the cache has not seen: the API with an {@code updated_since} one second later than the last
 * (long before any story was saved, so the answer is still the whole list), the feed with a
 * {@code page} parameter, which the cache keys by and the feed ignores.
 *
 * <p>{@code gzip} sends {@code Accept-Encoding: gzip} as browsers and feed readers do; without
 * it the request is what {@code bench/run.sh}'s wrk sends. Loopback HTTP adds its own cost to
 * those two. {@link #apiViews}, {@link #apiJson} and {@link #apiCacheEntry} time the API list's
 * three stages alone (they ignore {@code gzip}), to see which one a change moved.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "--enable-native-access=ALL-UNNAMED",
            "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"
        })
public class UncachedLists {
    /** The demo's size times this, so the API's first page is full. */
    private static final int COPIES = 4;

    @Param({"false", "true"})
    public boolean gzip;

    private Path dir;
    private Database db;
    private WebServer server;
    private int port;
    private long n;
    private ReaderQueries queries;
    private ApiJson json;
    private PageCache cache;
    private List<StoryView> views;
    private String written;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("lede-bench-");
        db = Database.open(DatabaseUrl.sqliteIn(dir));
        Clock clock = Clock.systemUTC();
        Services services = Services.create(db, dir.resolve("media"), clock);
        new DemoContent(services, dir.resolve("media")).load();
        // Copies of each demo story, published through the newsroom's own commands, so the list
        // holds fifty real stories with their images, bylines and topics.
        var demo = services.stories().latestPublished(1000, 0);
        for (int copy = 1; copy < COPIES; copy++) {
            for (Story story : demo) {
                StoryDraft d = story.draft();
                StoryDraft draft = new StoryDraft(
                        d.headline(),
                        d.dek(),
                        d.slug() + "-" + copy,
                        d.topicId(),
                        d.tags(),
                        d.kind(),
                        d.authorIds(),
                        d.contributorNote(),
                        d.hero(),
                        d.body());
                Story created = services.storyService().createDraft(Actor.SYSTEM, draft);
                services.storyService().publish(Actor.SYSTEM, created.id(), created.revision());
            }
        }
        SiteSettings site =
                new SiteSettings("Lede", "News in brief, made to scan.", "http://localhost:8080", ZoneOffset.UTC);
        queries = services.readerQueries(site);
        json = new ApiJson(site.baseUrl(), new StoryHtml(new Templates()));
        cache = new PageCache(clock, Duration.ofMinutes(5));
        views = apiViews();
        written = apiJson();
        server = new WebServer(services, queries, clock).start("127.0.0.1", 0);
        port = server.port();
        // A list that silently lost its stories would make every number here meaningless.
        String api = text("/api/v1/stories?limit=50");
        int listed = api.split("\"headline\":", -1).length - 1;
        if (listed != 50) {
            throw new IllegalStateException("the API listed " + listed + " stories, not 50");
        }
        String rss = text("/rss.xml");
        int items = rss.split("<item>", -1).length - 1;
        if (items != ReaderQueries.FEED_SIZE) {
            throw new IllegalStateException("the feed has " + items + " items, not " + ReaderQueries.FEED_SIZE);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        server.stop();
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Benchmark
    public int apiStories() throws IOException {
        return get("/api/v1/stories?limit=50&updated_since=" + Instant.ofEpochSecond(946_684_800L + ++n)).length;
    }

    @Benchmark
    public int rss() throws IOException {
        return get("/rss.xml?page=" + ++n).length;
    }

    /** The API list's first stage alone: the 51 stories it asks for, with their topics, bylines and images. */
    @Benchmark
    public List<StoryView> apiViews() {
        return queries.published(PublishedFilter.ALL, null, 51);
    }

    /** The second: the JSON of 50 loaded stories, each with its rendered HTML, written to a string. */
    @Benchmark
    public String apiJson() {
        ObjectNode body = ApiJson.object();
        ArrayNode items = body.putArray("items");
        for (StoryView story : views.subList(0, 50)) {
            items.add(json.story(story, story.url().substring(story.url().lastIndexOf('/') + 1)));
        }
        return ApiJson.write(body);
    }

    /** The third: that JSON made a cache entry, with its validators. */
    @Benchmark
    public PageCache.CachedPage apiCacheEntry() {
        return cache.page(written, "application/json;charset=utf-8", Set.of("home"), "public", Map.of());
    }

    private byte[] get(String path) throws IOException {
        return fetch(path, gzip);
    }

    private String text(String path) throws IOException {
        return new String(fetch(path, false), StandardCharsets.UTF_8);
    }

    /**
     * One request on its own connection, over a plain socket with Nagle's algorithm off, as curl
     * and wrk send it: in-process, java.net.http and HttpURLConnection both took about 100 ms more
     * per answer of a few hundred kilobytes than curl did against the same server.
     */
    private byte[] fetch(String path, boolean acceptGzip) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + (acceptGzip ? "Accept-Encoding: gzip\r\n" : "")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            byte[] response = socket.getInputStream().readAllBytes();
            String status = new String(response, 0, Math.min(12, response.length), StandardCharsets.US_ASCII);
            if (!status.equals("HTTP/1.1 200")) {
                throw new IllegalStateException(path + " answered " + status);
            }
            return response;
        }
    }
}
