package org.lede.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.search.SearchDocument;
import org.lede.search.SearchIndex;
import org.lede.search.SearchIndexes;

/**
 * What a newsroom's saves cost the search index: COUNT stories of the archive, picked at random,
 * applied one at a time as the indexer applies a story's event, each timed; then the percentiles.
 * Each story goes in as the index already holds it, at the position it already holds, so the
 * archive is left as it was, but every apply does all of its work: PostgreSQL's index rewrites
 * the row of every lexeme and block the story is in (V29), Lucene's commits and refreshes.
 *
 * <pre>java -cp benchmarks.jar org.lede.bench.SearchWrites DATA_DIR JDBC_URL [COUNT] [KIND]</pre>
 *
 * COUNT is 200 by default; KIND is as SearchProfile's.
 */
public final class SearchWrites {
    private SearchWrites() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SearchWrites DATA_DIR JDBC_URL [COUNT] [auto|lucene|postgresql]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        SearchIndexes.Kind kind = SearchProfile.kind(args, 3);
        try (Database db = Database.open(DatabaseUrl.parse(args[1], dataDir))) {
            Services services =
                    Services.create(db, dataDir.resolve("media"), dataDir.resolve("index"), kind, Clock.systemUTC());
            try {
                // The stories ArchiveProbe would open, by the slug that ends each address.
                List<String> slugs = ArchiveProbe.sampleStories(args[1], count).stream()
                        .map(path -> path.substring(path.lastIndexOf('/') + 1))
                        .toList();
                List<String> ids = db.handle(h -> h.createQuery("SELECT id FROM stories WHERE slug IN (<slugs>)")
                        .bindList("slugs", slugs)
                        .mapTo(String.class)
                        .list());
                SearchIndex index = services.search().index();
                long at = index.appliedThrough();
                List<Double> times = new ArrayList<>();
                for (String id : ids) {
                    List<SearchDocument> story = services.search().documents().stories(List.of(id), index.readsNames());
                    long start = System.nanoTime();
                    index.apply(story, List.of(), at);
                    times.add((System.nanoTime() - start) / 1e6);
                }
                Collections.sort(times);
                System.out.println(ArchiveProbe.summary(times, "applies of one story"));
            } finally {
                services.search().close();
            }
        }
    }
}
