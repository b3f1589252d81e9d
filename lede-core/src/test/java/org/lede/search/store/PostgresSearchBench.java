package org.lede.search.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.search.SearchDocument;
import org.lede.search.SearchIndex;
import org.lede.search.SearchQuery;
import org.lede.search.SearchResult;
import org.lede.testing.TestDatabases;

/**
 * A quick measure of the PostgreSQL search index on a synthetic archive, run by hand, not by
 * the build (a benchmark, not a test): builds N documents through a rebuild on the test
 * PostgreSQL (embedded unless LEDE_TEST_POSTGRES_URL names one), then times a fixed set of
 * reader searches. Arguments: the number of documents (default 100000), of runs per query
 * (default 200), and optionally the JDBC URL of a database built before, to search it again.
 * The archive benchmark under bench/ measures search through the real server.
 */
public final class PostgresSearchBench {
    private static final String[] SYLLABLES = {
        "ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "ri", "so", "tu", "va", "we", "xi",
        "yo", "za", "bra", "cle", "dri", "fro", "gra", "pla", "ste", "tri", "an", "en", "in", "on", "ar", "er", "or",
        "al"
    };

    private PostgresSearchBench() {}

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir = Files.createTempDirectory("lede-search-bench");
        String url = args.length > 2 ? args[2] : TestDatabases.newPostgresDatabase();
        try (Database db = Database.open(DatabaseUrl.parse(url, dir));
                PostgresSearchIndex index = new PostgresSearchIndex(db, Clock.systemUTC())) {
            if (args.length <= 2) {
                build(index, size);
            }
            System.out.printf("index: %s%n", index.stats());
            List<Case> cases = List.of(
                    new Case("common word", SearchQuery.readers("government", 10)),
                    new Case("two common words", SearchQuery.readers("government election", 10)),
                    new Case("rare word", SearchQuery.readers("Rouhani", 10)),
                    new Case("phrase", SearchQuery.readers("\"prime minister\"", 10)),
                    new Case("misspelling", SearchQuery.readers("Rohani", 10)),
                    new Case("misspelt common", SearchQuery.readers("govenment", 10)),
                    new Case(
                            "filtered",
                            PostgresSearchFixture.readers(
                                    "government", SearchQuery.Sort.RELEVANCE, Set.of("topic-3"), Set.of("analysis"))),
                    new Case("newest, no counts", newest("election")),
                    new Case("blank browse", SearchQuery.readers("", 10)),
                    new Case("newsroom", SearchQuery.newsroom("budget", 10)));
            for (Case c : cases) {
                for (int i = 0; i < 20; i++) {
                    index.search(c.query());
                }
                long[] nanos = new long[runs];
                SearchResult last = null;
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    last = index.search(c.query());
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                System.out.printf(
                        "%-18s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  total %d%s%n",
                        c.name(),
                        nanos[runs / 2] / 1e6,
                        nanos[(int) (runs * 0.95)] / 1e6,
                        nanos[(int) (runs * 0.99)] / 1e6,
                        last.total(),
                        last.exact() ? "" : "+");
            }
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                index.similar("s" + (i * 7919 % size), new SearchIndex.Words("", null, ""), 8);
            }
            System.out.printf("similar            mean %6.2f ms%n", (System.nanoTime() - start) / 1e6 / runs);
            if (System.getenv("LEDE_BENCH_HOLD") != null) {
                // Keeps the embedded server up for EXPLAIN in psql, and for reruns given its address.
                System.out.println("holding " + url + "; end standard input to stop");
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
    }

    private static SearchQuery newest(String text) {
        SearchQuery q = PostgresSearchFixture.readers(text, SearchQuery.Sort.NEWEST, Set.of(), Set.of());
        return new SearchQuery(
                q.text(),
                q.scope(),
                q.topicIds(),
                q.authorIds(),
                q.kinds(),
                q.statuses(),
                q.createdBy(),
                q.from(),
                q.to(),
                q.sort(),
                q.after(),
                q.limit(),
                false);
    }

    private record Case(String name, SearchQuery query) {}

    /** Text from a Zipf-like vocabulary, with a few known words at known rates. */
    private static void build(SearchIndex index, int size) {
        Random random = new Random(42);
        String[] vocabulary = new String[30_000];
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder w = new StringBuilder();
            int parts = 2 + random.nextInt(3);
            for (int p = 0; p < parts; p++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            vocabulary[i] = w.toString();
        }
        Instant now = Instant.now();
        long start = System.nanoTime();
        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            List<SearchDocument> batch = new ArrayList<>();
            for (int n = 0; n < size; n++) {
                int words = 150 + random.nextInt(600);
                StringBuilder body = new StringBuilder();
                for (int i = 0; i < words; i++) {
                    body.append(vocabulary[
                            (int) Math.min(
                                    vocabulary.length - 1,
                                    Math.floor(Math.pow(vocabulary.length, random.nextDouble())) - 1)]);
                    body.append(i % 15 == 14 ? ".\n" : " ");
                    if (random.nextInt(2000) == 0) {
                        body.append("government ");
                    }
                    if (random.nextInt(4000) == 0) {
                        body.append("election ");
                    }
                    if (random.nextInt(20000) == 0) {
                        body.append("prime minister ");
                    }
                    if (random.nextInt(6000) == 0) {
                        body.append("budget ");
                    }
                }
                if (n % 2000 == 7) {
                    body.append(" President Rouhani spoke.");
                }
                String headline = vocabulary[random.nextInt(3000)] + " " + vocabulary[random.nextInt(3000)]
                        + (random.nextInt(50) == 0 ? " government" : "") + " " + vocabulary[random.nextInt(3000)];
                batch.add(PostgresSearchFixture.doc(
                        "s" + n,
                        headline,
                        "Dek " + vocabulary[random.nextInt(5000)] + " " + vocabulary[random.nextInt(5000)],
                        body.toString(),
                        "topic-" + random.nextInt(40),
                        List.of("author-" + random.nextInt(200)),
                        List.of("news", "analysis", "opinion", "explainer").get(random.nextInt(4)),
                        random.nextInt(20) != 0,
                        now.minus(Duration.ofMinutes(random.nextLong(20L * 365 * 24 * 60)))));
                if (batch.size() == 1000) {
                    rebuild.add(batch);
                    batch.clear();
                }
            }
            rebuild.add(batch);
            long loaded = System.nanoTime();
            rebuild.finish(1);
            long done = System.nanoTime();
            System.out.printf(
                    "built %d documents: load %.1f s, indexes and swap %.1f s, %.0f documents/s%n",
                    size, (loaded - start) / 1e9, (done - loaded) / 1e9, size / ((done - start) / 1e9));
        }
    }
}
