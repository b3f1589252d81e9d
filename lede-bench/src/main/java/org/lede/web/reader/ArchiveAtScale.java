package org.lede.web.reader;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.reading.ReaderQueries;
import org.lede.reading.ReaderSearch;
import org.lede.reading.SearchForm;
import org.lede.reading.SearchPage;
import org.lede.reading.SiteSettings;
import org.lede.related.RelatedContent;
import org.lede.search.Search;
import org.lede.search.SearchIndexer;
import org.lede.search.store.JdbiSearchSourceStore;
import org.lede.story.Story;
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
 * Reader pages on a cache miss over a grown archive ({@code lede demo --stories N}, then {@code
 * lede reindex}), without HTTP.
 *
 * <ul>
 *   <li>{@link #storyPage}: every call is another story, drawn from a fixed shuffle of the whole
 *       archive, so no story is read twice in a row and the database answers from its own cache
 *       only as a warm server's would. A story's Go deeper is ranked at its first call and kept
 *       ({@code GoDeeper}), so once the calls have gone round the sample the page reads kept
 *       rankings, as a site whose stories have been read does (or after {@code lede go-deeper}).
 *       {@link #goDeeper} is Go deeper's ranking alone.
 *   <li>{@link #searchPage}: each call is the next query of the archive benchmark's query set, so
 *       the sampled percentiles are those of the set's mix: hits, counts and cards, what the
 *       search page shows, short of rendering it.
 * </ul>
 *
 * Run with the archive's data directory:
 *
 * <pre>bench/jmh.sh ArchiveAtScale -p dataDir=/path/to/data</pre>
 *
 * An empty search index is rebuilt from the database first (and the rate printed), so the
 * more-like-this part of Go deeper is measured too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "--enable-native-access=ALL-UNNAMED",
            "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"
        })
public class ArchiveAtScale {
    /** How many distinct stories the calls cycle through. */
    private static final int SAMPLE = 20_000;

    @Param("")
    public String dataDir;

    /** The archive benchmark's query set: query strings, "warmup " ones included, "#" lines skipped. */
    @Param("bench/archive-queries.txt")
    public String querySet;

    private Database db;
    private Services services;
    private ReaderQueries queries;
    private RelatedContent related;
    private Templates templates;
    private List<String> slugs;
    private List<Story> sample;
    private ReaderSearch search;
    private List<SearchForm> forms;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Path.of(dataDir);
        if (dataDir.isBlank() || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("give the archive's data directory: -p dataDir=DIR");
        }
        db = Database.open(DatabaseUrl.sqliteIn(dir));
        services = Services.create(db, dir.resolve("media"), Clock.systemUTC());
        queries = services.readerQueries(
                new SiteSettings("Lede", "News in brief, made to scan.", "http://localhost:8080", ZoneOffset.UTC));
        related = services.related();
        templates = new Templates();
        indexIfEmpty(services.search());
        search = new ReaderSearch(services.search()::index, queries);
        forms = forms(Path.of(querySet));

        List<String> ids = new ArrayList<>();
        String after = null;
        for (List<String> page; !(page = new JdbiSearchSourceStore(db).storyIdsAfter(after, 10_000)).isEmpty(); ) {
            ids.addAll(page);
            after = page.getLast();
        }
        Collections.shuffle(ids, new Random(42));
        sample = new ArrayList<>();
        for (int i = 0; i < ids.size() && sample.size() < SAMPLE; i += 500) {
            services.stories().findAll(ids.subList(i, Math.min(i + 500, ids.size()))).stream()
                    .filter(Story::isLive)
                    .forEach(sample::add);
        }
        slugs = sample.stream().map(Story::slug).toList();
        System.out.printf("%n%,d stories, %,d in the sample%n", ids.size(), sample.size());
    }

    private static List<SearchForm> forms(Path querySet) throws IOException {
        List<SearchForm> forms = new ArrayList<>();
        for (String line : Files.readAllLines(querySet)) {
            String query = line.strip();
            if (query.startsWith("warmup ")) {
                query = query.substring("warmup ".length());
            }
            if (!query.isEmpty() && !query.startsWith("#")) {
                Map<String, List<String>> parameters = new LinkedHashMap<>();
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    parameters
                            .computeIfAbsent(
                                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                    k -> new ArrayList<>())
                            .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
                forms.add(SearchForm.of(parameters, "after"));
            }
        }
        return forms;
    }

    private static void indexIfEmpty(Search search) {
        SearchIndexer indexer = search.indexer(e -> {
            throw e;
        });
        if (!indexer.needsRebuild()) {
            return;
        }
        long start = System.nanoTime();
        long count = indexer.rebuild((done, total) -> {});
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%nindexed %,d documents in %.1f s (%,.0f a second)%n", count, seconds, count / seconds);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        services.goDeeper().close();
        services.search().close();
        db.close();
    }

    @Benchmark
    public String storyPage() {
        String slug = slugs.get(next++ % slugs.size());
        ReaderQueries.StoryPage found =
                queries.storyPage(slug, ReaderQueries.GO_DEEPER).orElseThrow();
        return templates.render("reader/story.jte", StoryPageRender.model(queries, found));
    }

    @Benchmark
    public List<RelatedContent.Pick> goDeeper() {
        return related.ranked(sample.get(next++ % sample.size()));
    }

    @Benchmark
    public SearchPage searchPage() {
        return search.search(forms.get(next++ % forms.size()), ReaderSearch.PAGE_SIZE);
    }
}
