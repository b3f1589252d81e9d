package org.lede.search.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.lede.common.Workers;
import org.lede.db.Database;
import org.lede.search.SearchDocument;
import org.lede.search.SearchIndex;

/**
 * A rebuild of PostgreSQL's search index: every table is made anew beside the live one
 * ({@code _next}), its indexes built once the rows are in, and swapped in with one lock, so
 * searches answer from the old index until the new one is whole.
 */
final class PostgresRebuild implements SearchIndex.Rebuild {
    private final Database db;
    private final DocumentRows documentRows;
    private final int wordsKept;

    /**
     * Batches go in on a connection a core: making each row's search vectors, here and for
     * the texts PostgreSQL parses, and storing the row are most of a rebuild, and one
     * connection kept one core busy while the other waited.
     */
    private final Workers writers = Workers.perCore("lede-search-rebuild-write");

    /**
     * Counts of the words of the documents added, until {@link #wordsKept} distinct ones; then
     * they go to search_words_staged, which the vocabulary sums, so memory stays bounded with
     * a vocabulary of any size.
     */
    private final Map<String, Integer> words = new HashMap<>();

    /** The blocks of the copy as documents come in, with the ordinals given out. */
    private final BlockStore.Building building;

    private boolean finished;

    /**
     * The indexes of search_documents as V18, V29 and V30 leave them, which a rebuild makes anew on its copy.
     * Each is the index's name and what follows CREATE, the index's and the table's names left to fill in.
     */
    private static final Map<String, String> INDEXES =
            Map.of("search_documents_ordinal", "UNIQUE INDEX %s ON %s (ordinal)");

    /** The indexes of search_words as V18 creates them. */
    private static final Map<String, String> WORD_INDEXES =
            Map.of("search_words_by_shape", "(left(word, 1), length(word))", "search_words_by_lexeme", "(lexeme)");

    /** Storage parameters set false on search_documents_next while it loads, which the swap resets. */
    private static final List<String> LOADING = List.of("autovacuum_enabled", "toast.autovacuum_enabled");

    PostgresRebuild(Database db, BlockStore blocks, DocumentRows documentRows, int wordsKept) {
        this.db = db;
        this.documentRows = documentRows;
        this.wordsKept = wordsKept;
        this.building = blocks.new Building("search_postings_next", "search_columns_next");
        db.handle(h -> {
            dropCopies(h);
            h.execute("CREATE UNLOGGED TABLE search_words_staged (word TEXT NOT NULL, n INTEGER NOT NULL)");
            // Storage parameters do not come with LIKE: toast_tuple_target is V32's. Autovacuum
            // stays off the copy while it loads: it vacuumed and analyzed the growing table
            // again and again (every tenth more rows), each pass to be redone, for half of a
            // million-story rebuild. The swap turns it back on, and one pass then sets the
            // visibility map and freezes; the rebuild's own ANALYZE gives the planner its figures.
            h.execute("CREATE TABLE search_documents_next (LIKE search_documents INCLUDING DEFAULTS "
                    + "INCLUDING GENERATED INCLUDING CONSTRAINTS INCLUDING STORAGE) "
                    + "WITH (toast_tuple_target = 8160, " + String.join(" = false, ", LOADING) + " = false)");
            h.execute("ALTER TABLE search_documents_next ADD CONSTRAINT search_documents_next_pkey PRIMARY KEY (id)");
            // The postings' key is made once they are all in, as the documents' indexes are.
            h.execute("CREATE TABLE search_postings_next (LIKE search_postings INCLUDING STORAGE) "
                    + "WITH (toast_tuple_target = 8160, "
                    + String.join(" = false, ", LOADING) + " = false)");
            h.execute("CREATE TABLE search_columns_next (LIKE search_columns INCLUDING ALL)");
            return null;
        });
    }

    @Override
    public void add(List<SearchDocument> documents) {
        if (finished) {
            throw new IllegalStateException("The rebuild is finished");
        }
        List<SearchDocument> batch = List.copyOf(documents);
        int first = building.ordinals(batch.size());
        writers.submit(() -> {
            // Split before the transaction, which then holds its connection for the writes alone.
            SurfaceWords.Counts counted = new SurfaceWords.Counts();
            batch.forEach(d -> counted.add(DocumentRows.surface(d)));
            write(batch, first, counted.toMap());
        });
    }

    private void write(List<SearchDocument> batch, int first, Map<String, Integer> counted) {
        db.inTransaction(() -> db.handle(h -> {
            Map<String, Integer> ordinals = new HashMap<>();
            Map<Integer, SearchDocument> byOrdinal = new HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                ordinals.put(batch.get(i).id(), first + i);
                byOrdinal.put(first + i, batch.get(i));
            }
            List<DocumentRows.Prepared> rows = documentRows.prepare(h, batch, ordinals);
            DocumentRows.load(h, "search_documents_next", rows);
            for (int complete :
                    building.add(DocumentRows.posted(h, "search_documents_next", rows, ordinals), byOrdinal)) {
                building.write(h, complete);
            }
            Map<String, Integer> full = null;
            synchronized (words) {
                counted.forEach((word, n) -> words.merge(word, n, Integer::sum));
                if (words.size() >= wordsKept) {
                    full = new HashMap<>(words);
                    words.clear();
                }
            }
            if (full != null) {
                stage(h, full);
            }
            return null;
        }));
    }

    /**
     * Runs {@code work} in a transaction of its own with room to sort: each index build sorts
     * every row once, and the word count hashes every word; with the defaults (64 MB and 4 MB)
     * both spill to disk. The settings end with the transaction.
     */
    private void sorting(Consumer<Handle> work) {
        db.inTransaction(() -> db.handle(h -> {
            h.execute("SET LOCAL maintenance_work_mem = '256MB'");
            h.execute("SET LOCAL work_mem = '64MB'");
            work.accept(h);
            return null;
        }));
    }

    private static void stage(Handle h, Map<String, Integer> counts) {
        List<String> staged = List.copyOf(counts.keySet());
        h.createUpdate("INSERT INTO search_words_staged (word, n) SELECT * FROM unnest(:words, :counts)")
                .bindArray("words", String.class, staged)
                .bindArray(
                        "counts",
                        Integer.class,
                        staged.stream().map(counts::get).toList())
                .execute();
    }

    @Override
    public void finish(long throughSeq) {
        if (finished) {
            throw new IllegalStateException("The rebuild is finished");
        }
        writers.awaitAll();
        writers.close();
        db.inTransaction(() -> db.handle(h -> {
            building.remaining().forEach(b -> building.write(h, b));
            return null;
        }));
        // Indexes built once over the loaded rows cost far less than kept up row by row. They
        // are built side by side, a connection a core, the largest first, with the vocabulary:
        // one after another they took a sixth of rebuilding a million stories.
        try (Workers builders = Workers.perCore("lede-search-rebuild-index")) {
            INDEXES.forEach((name, definition) -> builders.submit(() -> sorting(
                    h -> h.execute("CREATE " + definition.formatted(name + "_next", "search_documents_next")))));
            builders.submit(() -> sorting(h -> {
                h.execute("ALTER TABLE search_postings_next ADD CONSTRAINT search_postings_next_pkey "
                        + "PRIMARY KEY (lexeme, block)");
                // Blocks come in whole, so a lexeme's rows lay one in each block's stretch of the
                // table: a word's first search read a page a block (62 at a million stories, and
                // eight times that for a misspelling's near spellings). In the key's order its rows
                // share pages: 0.8 ms instead of 1.4 for a common word's from the page cache, 1.0
                // instead of 3.1 for two rare ones. The sort took 1.8 s of a 170 s rebuild.
                h.execute("CLUSTER search_postings_next USING search_postings_next_pkey");
                h.execute("ANALYZE search_postings_next");
            }));
            builders.submit(() -> sorting(h -> {
                synchronized (words) {
                    stage(h, words);
                    words.clear();
                }
                h.execute("CREATE TABLE search_words_next AS SELECT word, " + PostgresSearchIndex.LEXEME
                        + " AS lexeme, " + "sum(n)::integer AS ndoc FROM search_words_staged GROUP BY word");
                h.execute("DROP TABLE search_words_staged");
                h.execute("ALTER TABLE search_words_next ADD CONSTRAINT search_words_next_pkey PRIMARY KEY (word), "
                        + "ALTER COLUMN ndoc SET NOT NULL");
                WORD_INDEXES.forEach((name, definition) ->
                        h.execute("CREATE INDEX " + name + "_next ON search_words_next " + definition));
                h.execute("ANALYZE search_words_next");
            }));
            builders.submit(() -> sorting(h -> h.execute("ANALYZE search_documents_next")));
            builders.awaitAll();
        }
        db.inTransaction(() -> db.handle(h -> {
            // Waits for readers and applies to end and holds off new ones: see PostgresSearchIndex.waitForSwap.
            h.execute("LOCK TABLE search_position IN ACCESS EXCLUSIVE MODE");
            for (String table : List.of("search_documents", "search_words", "search_postings", "search_columns")) {
                h.execute("DROP TABLE " + table);
                h.execute("ALTER TABLE " + table + "_next RENAME TO " + table);
                h.execute("ALTER INDEX " + table + "_next_pkey RENAME TO " + table + "_pkey");
            }
            h.execute("ALTER TABLE search_documents RESET (" + String.join(", ", LOADING) + ")");
            h.execute("ALTER TABLE search_postings RESET (" + String.join(", ", LOADING) + ")");
            INDEXES.keySet().forEach(name -> h.execute("ALTER INDEX " + name + "_next RENAME TO " + name));
            WORD_INDEXES.keySet().forEach(name -> h.execute("ALTER INDEX " + name + "_next RENAME TO " + name));
            h.createUpdate("UPDATE search_position SET seq = :seq, next_ordinal = :next")
                    .bind("seq", throughSeq)
                    .bind("next", building.given())
                    .execute();
            return null;
        }));
        finished = true;
    }

    @Override
    public void close() {
        writers.close();
        if (!finished) {
            db.handle(h -> {
                dropCopies(h);
                return null;
            });
            finished = true;
        }
    }

    private static void dropCopies(Handle h) {
        for (String table : List.of("search_documents", "search_words", "search_postings", "search_columns")) {
            h.execute("DROP TABLE IF EXISTS " + table + "_next");
        }
        h.execute("DROP TABLE IF EXISTS search_words_staged");
    }
}
