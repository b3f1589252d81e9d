package org.lede.reading;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
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
 * A reader's search over a grown archive ({@code lede demo --stories N}, then {@code lede
 * reindex}), without HTTP: each call is the next query of the archive benchmark's query set, so
 * the sampled percentiles are those of the set's mix: hits, counts and cards, what the search page
 * shows, short of rendering it.
 *
 * <pre>bench/jmh.sh SearchAtScale -p dataDir=/path/to/data -p queries=bench/archive-queries.txt</pre>
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
public class SearchAtScale {
    @Param("")
    public String dataDir;

    @Param("bench/archive-queries.txt")
    public String queries;

    private Database db;
    private Services services;
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
        ReaderQueries reader = services.readerQueries(
                new SiteSettings("Lede", "News in brief, made to scan.", "http://localhost:8080", ZoneOffset.UTC));
        search = new ReaderSearch(services.search()::index, reader);
        forms = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(queries))) {
            String query = line.strip();
            if (query.startsWith("warmup ")) {
                query = query.substring("warmup ".length());
            }
            if (!query.isEmpty() && !query.startsWith("#")) {
                forms.add(SearchForm.of(parameters(query), "after"));
            }
        }
        System.out.printf("%n%,d queries%n", forms.size());
    }

    private static Map<String, List<String>> parameters(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            parameters
                    .computeIfAbsent(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        services.search().close();
        db.close();
    }

    @Benchmark
    public SearchPage searchPage() {
        return search.search(forms.get(next++ % forms.size()), ReaderSearch.PAGE_SIZE);
    }
}
