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

    /** Which index a site keeps. */
    public enum Kind {
        /**
         * PostgreSQL's full text search on PostgreSQL, held in the database, so nodes sharing it
         * share one index and keep nothing of their own; Lucene on SQLite, which has none.
         */
        AUTO,
        /**
         * Lucene under the data directory, on either database. On PostgreSQL each node keeps its
         * own copy, which follows the shared outbox like any other node's (and is rebuilt from the
         * database when empty): faster to search, and twice as fast to rebuild, at archive
         * scale than PostgreSQL's (bench/README.md), at the cost of an index on every node's disk.
         */
        LUCENE,
        /** PostgreSQL's full text search; only on PostgreSQL. */
        POSTGRESQL;

        /** @throws IllegalArgumentException when this kind of index cannot be kept over {@code dialect} */
        public void requireFits(Dialect dialect) {
            if (this == POSTGRESQL && dialect != Dialect.POSTGRESQL) {
                throw new IllegalArgumentException("The postgresql search index needs a PostgreSQL database.");
            }
        }
    }

    /** Opens the index {@link Kind#AUTO} chooses for {@code db}. */
    public static SearchIndex open(Database db, Path indexDir, Clock clock) {
        return open(db, indexDir, clock, Kind.AUTO);
    }

    /**
     * Opens the {@code kind} of index for {@code db}, under {@code indexDir} when it is Lucene's.
     *
     * @param clock what recency is measured against
     * @throws IllegalArgumentException when {@code kind} cannot be kept over {@code db} ({@link Kind#requireFits})
     */
    public static SearchIndex open(Database db, Path indexDir, Clock clock, Kind kind) {
        kind.requireFits(db.dialect());
        boolean postgres = kind == Kind.POSTGRESQL || kind == Kind.AUTO && db.dialect() == Dialect.POSTGRESQL;
        return postgres ? new PostgresSearchIndex(db, clock) : LuceneSearchIndex.open(indexDir, clock);
    }
}
