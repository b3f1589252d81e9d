package org.lede.web.reader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.demo.DemoContent;
import org.lede.reading.ReaderQueries;
import org.lede.reading.SiteSettings;
import org.lede.reading.StoryView;
import org.lede.story.Story;
import org.lede.web.support.Templates;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The story page as {@code ReaderRoutes} builds it on a cache miss, without HTTP:
 * {@link #renderStoryPage} is the read model from SQLite plus the template, {@link #renderOnly}
 * the template alone, so the difference between the two is what the database side costs.
 *
 * <p>It sits in {@code org.lede.web.reader}, not a package of its own, to build the page's JSON-LD
 * with the route's package-private {@link StructuredData} instead of a copy that could drift.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// The same flags as ./lede: sqlite-jdbc loads a native library, and the demo draws its images with
// java.awt. Flyway logs at INFO on every fork, which would bury JMH's own output.
@Fork(
        value = 1,
        jvmArgsAppend = {
            "--enable-native-access=ALL-UNNAMED",
            "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"
        })
public class StoryPageRender {
    private Path dir;
    private Database db;
    private Clock clock;
    private ReaderQueries queries;
    private Templates templates;
    private String slug;
    private StoryPageModel prebuilt;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("lede-bench-");
        db = Database.open(DatabaseUrl.sqliteIn(dir));
        clock = Clock.systemUTC();
        Services services = Services.create(db, dir.resolve("media"), clock);
        new DemoContent(services, dir.resolve("media")).load();
        SiteSettings site =
                new SiteSettings("Lede", "News in brief, made to scan.", "http://localhost:8080", ZoneOffset.UTC);
        queries = services.readerQueries(site);
        templates = new Templates();
        slug = services.stories().latestPublished(1, 0).stream()
                .map(Story::slug)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo content has no published story"));
        prebuilt =
                model(queries, queries.storyPage(slug, ReaderQueries.GO_DEEPER).orElseThrow());
        // A page that silently lost its body would make every number here meaningless.
        String html = renderOnly();
        if (!html.contains("<article") || !html.contains("</html>")) {
            throw new IllegalStateException("the story page did not render as expected for " + slug);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
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
    public String renderStoryPage() {
        return templates.render(
                "reader/story.jte",
                model(queries, queries.storyPage(slug, ReaderQueries.GO_DEEPER).orElseThrow()));
    }

    @Benchmark
    public String renderOnly() {
        return templates.render("reader/story.jte", prebuilt);
    }

    /** What ReaderRoutes.story puts in the model; keep the two in step. */
    static StoryPageModel model(ReaderQueries queries, ReaderQueries.StoryPage found) {
        StoryView story = found.story();
        Page page = new Page(
                queries.site(),
                queries.topics(),
                queries.publishedPages(),
                story.headline(),
                story.dek(),
                story.url(),
                story.url());
        return new StoryPageModel(page, story, found.deeper(), StructuredData.story(story, queries.site()));
    }
}
