package org.lede.search;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Search as one part of the application: the index, opened on first use, so commands that never
 * search (adding a user beside a running server) never open it, and the documents it is built
 * from. Whoever serves closes it.
 */
public final class Search implements AutoCloseable {
    private final Supplier<SearchIndex> opener;
    private final SearchDocuments documents;
    private final SearchSourceStore sources;
    private SearchIndex index;
    private boolean closed;

    public Search(Supplier<SearchIndex> opener, SearchDocuments documents, SearchSourceStore sources) {
        this.opener = opener;
        this.documents = documents;
        this.sources = sources;
    }

    /** Search for {@code db}'s content, its index (if it is a directory) under {@code indexDir}. */
    public static Search of(
            org.lede.db.Database db, Path indexDir, Clock clock, SearchDocuments documents, SearchSourceStore sources) {
        return new Search(() -> SearchIndexes.open(db, indexDir, clock), documents, sources);
    }

    /** The index, opened now when this is its first use. */
    public synchronized SearchIndex index() {
        if (closed) {
            throw new IllegalStateException("Search is closed.");
        }
        if (index == null) {
            index = opener.get();
        }
        return index;
    }

    public SearchDocuments documents() {
        return documents;
    }

    public SearchSourceStore sources() {
        return sources;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (index != null) {
            index.close();
            index = null;
        }
    }
}
