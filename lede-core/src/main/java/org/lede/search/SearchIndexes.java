package org.lede.search;

import java.nio.file.Path;
import java.time.Clock;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.search.lucene.LuceneSearchIndex;
import org.lede.search.store.PostgresSearchIndex;

/** Chooses the search index for a database: the one place that knows which adapters exist. */
public final class SearchIndexes {
    private SearchIndexes() {}

    /**
     * Opens the index for {@code db}: on PostgreSQL its full text search in the database, which
     * every node sharing the database shares too; else Lucene under {@code indexDir}.
     *
     * @param clock what recency is measured against
     */
    public static SearchIndex open(Database db, Path indexDir, Clock clock) {
        if (db.dialect() == Dialect.POSTGRESQL) {
            return new PostgresSearchIndex(db, clock);
        }
        return LuceneSearchIndex.open(indexDir, clock);
    }
}
