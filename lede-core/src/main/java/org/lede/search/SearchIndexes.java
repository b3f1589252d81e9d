package org.lede.search;

import java.nio.file.Path;
import java.time.Clock;
import org.lede.db.Database;
import org.lede.search.lucene.LuceneSearchIndex;

/** Chooses the search index for a database: the one place that knows which adapters exist. */
public final class SearchIndexes {
    private SearchIndexes() {}

    /**
     * Opens the index for {@code db}: Lucene under {@code indexDir}.
     *
     * @param clock what recency is measured against
     */
    public static SearchIndex open(Database db, Path indexDir, Clock clock) {
        return LuceneSearchIndex.open(indexDir, clock);
    }
}
