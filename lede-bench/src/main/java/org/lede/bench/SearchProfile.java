package org.lede.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.search.SearchIndex;
import org.lede.search.SearchIndexes;
import org.lede.search.SearchQuery;

/**
 * Where a search's time goes: runs the archive's query set ({@link QuerySet}) through the site's
 * search index ({@link SearchIndexes}) directly, without HTTP: the warm-up queries WARM_ROUNDS
 * times (3), then each timed query once, as ArchiveProbe asks them. It prints each timed query's
 * time with the slowest statements it ran (PostgreSQL's index; {@code -Dstatements=N} shows N, 6
 * by default), then the percentiles. {@code -Dcounts=false} asks for the total alone, as the
 * newsroom's searches do, instead of the reader page's counts by value. ArchiveProbe's figures are
 * over HTTP with the page around the results; these are the index's alone.
 *
 * <pre>java -cp benchmarks.jar org.lede.bench.SearchProfile DATA_DIR JDBC_URL QUERIES_FILE [WARM_ROUNDS] [KIND]</pre>
 *
 * KIND is {@code auto} (the default: PostgreSQL's own on PostgreSQL, Lucene on SQLite), {@code
 * lucene} or {@code postgresql}, as {@code lede serve --search-index}; Lucene's index is the one
 * under DATA_DIR.
 */
public final class SearchProfile {
    private SearchProfile() {}

    private record Statement(String sql, double ms) {}

    /** The index kind the argument at {@code at} names, as {@code lede serve --search-index}; auto when absent. */
    static SearchIndexes.Kind kind(String[] args, int at) {
        return args.length > at
                ? SearchIndexes.Kind.valueOf(args[at].toUpperCase(Locale.ROOT))
                : SearchIndexes.Kind.AUTO;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println(
                    "usage: SearchProfile DATA_DIR JDBC_URL QUERIES_FILE [WARM_ROUNDS] [auto|lucene|postgresql]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        SearchIndexes.Kind kind = kind(args, 4);
        QuerySet queries = QuerySet.read(Path.of(args[2]));
        List<Statement> ran = new ArrayList<>();
        try (Database db = Database.open(DatabaseUrl.parse(args[1], dataDir))) {
            db.watchStatements(new SqlLogger() {
                @Override
                public void logAfterExecution(StatementContext ctx) {
                    ran.add(new Statement(
                            ctx.getRenderedSql(),
                            Duration.between(ctx.getExecutionMoment(), ctx.getCompletionMoment())
                                            .toNanos()
                                    / 1e6));
                }
            });
            try (SearchIndex index = SearchIndexes.open(db, dataDir.resolve("index"), Clock.systemUTC(), kind)) {
                profile(index, db, queries, rounds, ran);
            }
        }
    }

    private static void profile(SearchIndex index, Database db, QuerySet queries, int rounds, List<Statement> ran) {
        for (int r = 0; r < rounds; r++) {
            for (String warmup : queries.warmups()) {
                index.search(query(db, warmup));
            }
        }
        List<Double> times = new ArrayList<>();
        for (QuerySet.Query timed : queries.timed()) {
            SearchQuery q = query(db, timed.text());
            ran.clear();
            long start = System.nanoTime();
            index.search(q);
            double ms = (System.nanoTime() - start) / 1e6;
            times.add(ms);
            System.out.printf("%8.2f ms  %s%n", ms, timed.text());
            ran.stream()
                    .sorted((a, b) -> Double.compare(b.ms(), a.ms()))
                    .limit(Integer.getInteger("statements", 6))
                    .forEach(s -> System.out.printf("    %7.2f  %s%n", s.ms(), shortened(s.sql())));
        }
        times.sort(null);
        System.out.println(ArchiveProbe.summary(times, "queries"));
    }

    private static String shortened(String sql) {
        String line = sql.replaceAll("\\s+", " ");
        return line.substring(0, Math.min(150, line.length()));
    }

    /** A query line as the reader page reads it: q, topic (a slug), kind, from, sort. */
    private static SearchQuery query(Database db, String line) {
        String text = "";
        Set<String> topics = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        Instant from = null;
        SearchQuery.Sort sort = SearchQuery.Sort.RELEVANCE;
        for (Map.Entry<String, List<String>> parameter :
                QuerySet.parameters(line).entrySet()) {
            for (String value : parameter.getValue()) {
                switch (parameter.getKey()) {
                    case "q" -> text = value;
                    case "topic" ->
                        topics.add(db.handle(h -> h.createQuery("SELECT id FROM topics WHERE slug = :s")
                                .bind("s", value)
                                .mapTo(String.class)
                                .one()));
                    case "kind" -> kinds.add(value);
                    case "from" ->
                        from = LocalDate.parse(value)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant();
                    case "sort" -> sort = value.equals("newest") ? SearchQuery.Sort.NEWEST : SearchQuery.Sort.RELEVANCE;
                    default -> {}
                }
            }
        }
        return new SearchQuery(
                text,
                SearchQuery.Scope.READERS,
                topics,
                Set.of(),
                kinds,
                Set.of(),
                null,
                from,
                null,
                sort,
                null,
                10,
                Boolean.parseBoolean(System.getProperty("counts", "true")));
    }
}
