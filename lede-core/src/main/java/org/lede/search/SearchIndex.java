package org.lede.search;

import java.util.Collection;
import java.util.List;

/**
 * A full-text index of stories (every status, for the newsroom) and dashboards. Readers' queries
 * only ever see live documents; see {@link SearchQuery.Scope}. Every adapter passes the same
 * contract suite, so callers never ask which one they have.
 */
public interface SearchIndex extends AutoCloseable {

    /**
     * The outbox position whose effects the index holds, 0 for an empty index. It is stored with
     * the documents and changes with them atomically, so after a crash the index resumes from a
     * position that matches its contents.
     */
    long appliedThrough();

    /**
     * Adds or replaces {@code upserts} (by id), removes {@code removals} (unknown ids are ignored)
     * and records {@code throughSeq}, as one atomic, durable change that searches see on return.
     */
    void apply(List<SearchDocument> upserts, Collection<String> removals, long throughSeq);

    /**
     * Starts a rebuild from scratch. Searches keep answering from the old contents until
     * {@link Rebuild#finish} swaps the new ones in; a rebuild that is closed unfinished leaves
     * the old contents as they were.
     */
    Rebuild rebuild();

    SearchResult search(SearchQuery query);

    /**
     * Live documents most like the live document {@code id} by their text (more-like-this), best
     * first, never {@code id} itself; empty when {@code id} is not a live document. The score is
     * text alone, with no recency: Go deeper weighs time against the story's own date, not today.
     *
     * @param words the document's words, which the caller has at hand (Go deeper has the story it
     *     shows); an index that keeps each document's words where it matches them (PostgreSQL's)
     *     reads its own instead
     */
    List<Similar> similar(String id, Words words, int limit);

    /** How many documents the index holds and the bytes it takes on disk (or in the database). */
    Stats stats();

    /**
     * Whether this index reads {@link SearchDocument#names()}. Finding names is a sixth of a
     * rebuild's work, so documents for an index that ignores them are built without them.
     */
    default boolean readsNames() {
        return true;
    }

    @Override
    void close();

    /** A rebuild in progress: documents go in through {@link #add}, in batches of any size, each document once. */
    interface Rebuild extends AutoCloseable {
        void add(List<SearchDocument> documents);

        /** Makes the rebuilt contents the index's, at {@code throughSeq}, atomically and durably. */
        void finish(long throughSeq);

        /** Abandons the rebuild unless it finished. */
        @Override
        void close();
    }

    /**
     * A document's words as the index holds them: its headline, dek (or null) and body, as {@link
     * SearchDocument} has them and {@link SearchDocuments#words} builds them from a story.
     */
    record Words(String headline, String dek, String body) {
        public static Words of(SearchDocument document) {
            return new Words(document.headline(), document.dek(), document.body());
        }
    }

    /** A document like another, with the similarity score the adapter computed (higher is closer). */
    record Similar(String id, double score) {}

    record Stats(long documents, long bytes) {}
}
