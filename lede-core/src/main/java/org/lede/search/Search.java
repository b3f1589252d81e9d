package org.lede.search;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lede.db.Database;
import org.lede.outbox.Outbox;
import org.lede.topic.TopicStore;

/**
 * Search as one part of the application: the index, opened on first use, so that commands that
 * never search (adding a user beside a running server) never open it; what it is built from; and
 * the indexer that the serving process starts. Whoever serves closes it.
 */
public final class Search implements AutoCloseable {
    private final Supplier<SearchIndex> opener;
    private final SearchDocuments documents;
    private final SearchSourceStore sources;
    private final TopicStore topics;
    private final Outbox outbox;
    private SearchIndex index;
    private SearchIndexer indexer;
    private Thread rebuilding;
    private boolean closed;

    public Search(
            Supplier<SearchIndex> opener,
            SearchDocuments documents,
            SearchSourceStore sources,
            TopicStore topics,
            Outbox outbox) {
        this.opener = opener;
        this.documents = documents;
        this.sources = sources;
        this.topics = topics;
        this.outbox = outbox;
    }

    /** Search over {@code db}'s content in the {@code kind} of index, under {@code indexDir} when it is a directory. */
    public static Search of(
            Database db,
            Path indexDir,
            SearchIndexes.Kind kind,
            Clock clock,
            SearchDocuments documents,
            SearchSourceStore sources,
            TopicStore topics,
            Outbox outbox) {
        return new Search(() -> SearchIndexes.open(db, indexDir, clock, kind), documents, sources, topics, outbox);
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

    /** The indexer over this index; made on first use, started only by {@link #startIndexing}. */
    public synchronized SearchIndexer indexer(Consumer<RuntimeException> onError) {
        if (indexer == null) {
            indexer = new SearchIndexer(index(), documents, sources, topics, outbox, onError);
        }
        return indexer;
    }

    /**
     * Keeps the index in step with the outbox from now on, polling every {@code interval}. An
     * empty index over a database with stories is rebuilt first, in the background: the site
     * serves at once (searches find nothing new until the rebuild is done), and start-up never
     * waits for work that grows with the archive.
     *
     * @param onNotice told when a background rebuild starts and ends, in a sentence for the log
     */
    public synchronized void startIndexing(
            Duration interval, Consumer<RuntimeException> onError, Consumer<String> onNotice) {
        SearchIndexer started = indexer(onError);
        if (!started.needsRebuild()) {
            started.start(interval);
            return;
        }
        onNotice.accept("The search index is empty: rebuilding it from the database in the background.");
        rebuilding = new Thread(
                () -> {
                    try {
                        long began = System.nanoTime();
                        long documents = started.rebuild((done, total) -> {});
                        if (documents < 0) {
                            return;
                        }
                        onNotice.accept("The search index was rebuilt: " + documents + " documents in "
                                + Duration.ofNanos(System.nanoTime() - began).toSeconds() + " s.");
                    } catch (RuntimeException e) {
                        onError.accept(e);
                    }
                    synchronized (this) {
                        if (!closed) {
                            started.start(interval);
                        }
                    }
                },
                "lede-search-rebuild");
        rebuilding.setDaemon(true);
        rebuilding.start();
    }

    @Override
    public void close() {
        Thread rebuild;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (indexer != null) {
                indexer.close();
            }
            rebuild = rebuilding;
        }
        if (rebuild != null) {
            try {
                // The rebuild sees the indexer closed at its next batch and abandons its new contents.
                rebuild.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (index != null) {
                index.close();
                index = null;
            }
        }
    }
}
