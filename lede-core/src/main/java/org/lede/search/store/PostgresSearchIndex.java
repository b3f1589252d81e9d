package org.lede.search.store;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.lede.common.Failures;
import org.lede.common.ValidationException;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.search.Estimates;
import org.lede.search.LikeTerms;
import org.lede.search.SearchDocument;
import org.lede.search.SearchIndex;
import org.lede.search.SearchQuery;
import org.lede.search.SearchResult;
import org.lede.search.SearchResult.Counts;
import org.lede.search.SearchResult.Hit;
import org.lede.search.store.BlockSearch.Loaded;
import org.lede.search.store.BlockSearch.Spelling;

/**
 * The search index in PostgreSQL, so that every node of a site answers from the one index in the
 * shared database (V18, V29, V30).
 *
 * <p>Each document has an ordinal. A lexeme's postings are kept as one row a block of ordinals
 * (search_postings, {@link PostingBlock}), and what a search filters, counts and ranks by as one
 * row a block (search_columns, {@link ColumnBlock}), which every node holds in memory and reloads
 * when its version changes. A search reads its words' rows in one statement and matches, counts
 * and ranks them in memory ({@link BlockSearch}); PostgreSQL's text index ranked and counted by
 * reading every match's row, 138 ms at p95 for a million stories against 12 ms this way
 * (bench/README.md). Similar stories (Go deeper's more-like-this) match any of a story's telling
 * words on the same blocks. The documents' rows stay for what needs their text: phrase checks
 * ({@link PhraseCheck}) and snippets ({@link MarkedHits}).
 *
 * <p>Saves and rebuilds write rows through {@link DocumentRows}; a rebuild is {@link PostgresRebuild};
 * a query's words and their spellings are {@link QueryTerms}.
 */
public final class PostgresSearchIndex implements SearchIndex {
    /**
     * The most postings the words of a similar-stories search may hold together, a quarter of
     * Lucene's budget: each comes from PostgreSQL in its block's row and is decoded here. At a
     * million stories a search of words holding 200,000 took 7.1 ms at the median, of 50,000
     * 4.6 ms, and the words left out are the commonest, which say least about a story.
     */
    static final long SIMILAR_POSTINGS = LikeTerms.POSTINGS / 4;

    /**
     * A block of 16,384 ordinals: a lexeme's row of a block then fits in a page of search_postings
     * (a bitmap of 2 KiB, weight classes of at most 4 KiB), where PostgreSQL reads it with the row.
     * Rows of 65,536 went out of line in two-kilobyte chunks, and reading a common word's chunks
     * took 8 ms at a million stories.
     */
    static final int BLOCK_BITS = 14;

    /** The lexeme a vocabulary word is searched by, null for a stop word. */
    static final String LEXEME = "(tsvector_to_array(to_tsvector('english'::regconfig, word)))[1]";

    /** How many distinct words a rebuild counts in memory before it writes their counts out. */
    static final int WORDS_KEPT = 100_000;

    private final Database db;
    private final Clock clock;
    private final DocumentRows documentRows = new DocumentRows();
    private final BlockStore blocks;
    private final int wordsKept;

    /** The columns of each block as last read, by block: a search reads a block's row again only when its version changed. */
    private final Map<Integer, Cached> columns = new ConcurrentHashMap<>();

    private record Cached(long version, Loaded loaded) {}

    /**
     * Where a search counts its matches while its statements wait on PostgreSQL: the two are about
     * as long for a common word, and the database works on another core.
     */
    private final ExecutorService counters = Executors.newVirtualThreadPerTaskExecutor();

    /** The values of every block's codes, numbered once for this node. */
    private final BlockSearch.Values values = new BlockSearch.Values();

    /** @param clock what recency is measured against */
    public PostgresSearchIndex(Database db, Clock clock) {
        this(db, clock, BLOCK_BITS, WORDS_KEPT);
    }

    /**
     * With small blocks, tests spread a handful of documents over several; with fewer words kept,
     * a rebuild's writing of the counts so far.
     */
    PostgresSearchIndex(Database db, Clock clock, int blockBits, int wordsKept) {
        if (db.dialect() != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("The PostgreSQL search index needs PostgreSQL, not " + db.dialect());
        }
        this.db = db;
        this.clock = clock;
        this.blocks = new BlockStore(blockBits);
        this.wordsKept = wordsKept;
    }

    @Override
    public long appliedThrough() {
        return db.handle(h -> h.createQuery("SELECT seq FROM search_position")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public void apply(List<SearchDocument> upserts, Collection<String> removals, long throughSeq) {
        db.inTransaction(() -> db.handle(h -> {
            // Applies from several nodes take turns here, so the word counts and the ordinals stay exact.
            int next = h.createQuery("SELECT next_ordinal FROM search_position FOR UPDATE")
                    .mapTo(Integer.class)
                    .one();
            Set<String> touched = new LinkedHashSet<>(removals);
            upserts.forEach(d -> touched.add(d.id()));
            if (!touched.isEmpty()) {
                // The words of the documents as stored go out of the vocabulary, those of the new ones in.
                SurfaceWords.Counts gone = new SurfaceWords.Counts();
                Map<String, Integer> ordinals = new HashMap<>();
                h.createQuery("SELECT ordinal, id, " + DocumentRows.SURFACE_COLUMNS
                                + " FROM search_documents WHERE id = ANY(:ids)")
                        .bindArray("ids", String.class, touched)
                        .map((rs, ctx) -> {
                            ordinals.put(rs.getString("id"), rs.getInt("ordinal"));
                            List<String> texts = new ArrayList<>();
                            for (int i = 3; i <= rs.getMetaData().getColumnCount(); i++) {
                                texts.add(Objects.requireNonNullElse(rs.getString(i), ""));
                            }
                            return String.join("\n", texts);
                        })
                        .forEach(gone::add);
                List<BlockStore.Posted> held = BlockStore.stored(h, "search_documents", ordinals.keySet());
                Map<String, SearchDocument> latest = new LinkedHashMap<>();
                upserts.forEach(d -> latest.put(d.id(), d));
                SurfaceWords.Counts added = new SurfaceWords.Counts();
                latest.values().forEach(d -> added.add(DocumentRows.surface(d)));
                Map<String, Integer> delta = added.toMap();
                gone.toMap().forEach((word, n) -> delta.merge(word, -n, Integer::sum));
                delta.values().removeIf(n -> n == 0);
                // A document keeps its ordinal while it stays; a new one takes the next.
                List<Integer> removed = new ArrayList<>();
                ordinals.forEach((id, ordinal) -> {
                    if (!latest.containsKey(id)) {
                        removed.add(ordinal);
                    }
                });
                Map<Integer, SearchDocument> put = new LinkedHashMap<>();
                for (SearchDocument d : latest.values()) {
                    Integer ordinal = ordinals.get(d.id());
                    if (ordinal == null) {
                        ordinal = next++;
                        ordinals.put(d.id(), ordinal);
                    }
                    put.put(ordinal, d);
                }
                h.createUpdate("DELETE FROM search_documents WHERE id = ANY(:ids)")
                        .bindArray("ids", String.class, touched)
                        .execute();
                List<DocumentRows.Prepared> rows =
                        latest.isEmpty() ? List.of() : documentRows.prepare(h, List.copyOf(latest.values()), ordinals);
                DocumentRows.upsert(h, "search_documents", rows);
                blocks.change(h, "search_postings", held, DocumentRows.posted(h, "search_documents", rows, ordinals));
                blocks.columns(h, "search_columns", removed, put);
                countWords(h, delta);
            }
            h.createUpdate("UPDATE search_position SET seq = :seq, next_ordinal = :next")
                    .bind("seq", throughSeq)
                    .bind("next", next)
                    .execute();
            return null;
        }));
    }

    /** Adds each word's change of document count to the vocabulary, and forgets the words no document holds. */
    private static void countWords(Handle h, Map<String, Integer> delta) {
        if (delta.isEmpty()) {
            return;
        }
        List<String> words = List.copyOf(delta.keySet());
        h.createUpdate("INSERT INTO search_words (word, lexeme, ndoc) SELECT word, " + LEXEME + ", n "
                        + "FROM unnest(:words, :counts) AS w(word, n) "
                        + "ON CONFLICT (word) DO UPDATE SET ndoc = search_words.ndoc + excluded.ndoc")
                .bindArray("words", String.class, words)
                .bindArray(
                        "counts", Integer.class, words.stream().map(delta::get).toList())
                .execute();
        List<String> fewer = words.stream().filter(w -> delta.get(w) < 0).toList();
        if (!fewer.isEmpty()) {
            h.createUpdate("DELETE FROM search_words WHERE ndoc <= 0 AND word = ANY(:words)")
                    .bindArray("words", String.class, fewer)
                    .execute();
        }
    }

    @Override
    public Rebuild rebuild() {
        return new PostgresRebuild(db, blocks, documentRows, wordsKept);
    }

    @Override
    public SearchResult search(SearchQuery query) {
        Cursor after = Cursor.parse(query.after());
        long ref = after == null ? clock.instant().getEpochSecond() : after.ref();
        // One snapshot: the columns, the postings and the rows a search reads agree with each other.
        return db.inSnapshot(() -> db.handle(h -> {
            waitForSwap(h);
            QueryTerms terms = QueryTerms.of(h, QueryText.parse(DocumentRows.clean(query.text())));
            if (terms.nothing()) {
                return new SearchResult(0, true, List.of(), null, query.counts() ? emptyCounts() : Counts.NONE);
            }
            NavigableMap<Integer, Loaded> loaded = columns(h);
            Map<String, Map<Integer, PostingBlock>> postings = postings(h, terms.lexemes());
            long all = loaded.values().stream().mapToLong(Loaded::held).sum();
            List<List<Spelling>> words = terms.spellings(postings, all);
            BlockSearch.Filters filters = BlockSearch.Filters.of(query);
            BlockSearch.Matches matches = BlockSearch.match(words, postings, loaded, filters, null);
            boolean byDate = query.sort() == SearchQuery.Sort.NEWEST || terms.all();
            if (after != null && after.byDate() != byDate) {
                throw new ValidationException("after", "This page of results is out of date: search again.");
            }
            TopHits.Scored from = after == null ? null : new TopHits.Scored(after.score(), after.ordinal());
            long total = matches.total();
            // Looked up before counting starts on another thread, which would slow it on a busy machine.
            Set<String> written = total == 0 ? Set.of() : MarkedHits.written(h, terms);
            boolean exact = true;
            double share = 1;
            List<TopHits.Scored> page;
            TopHits.Scored resume = null;
            Future<Counts> counting;
            if (terms.phrased() && total > PhraseCheck.CHECKED) {
                // The candidates are counted while PostgreSQL checks the phrase, then scaled by its share.
                counting = count(query, matches, true);
                PhraseCheck.Phrased phrased = PhraseCheck.page(h, terms, matches, byDate, ref, from, query.limit() + 1);
                page = phrased.found();
                resume = phrased.resume();
                share = phrased.share();
                total = Math.max(page.size(), Estimates.rough(total * share));
                exact = false;
            } else {
                if (terms.phrased() && total > 0) {
                    Set<Integer> holding = Set.copyOf(PhraseCheck.holding(h, terms, matches.spread((int) total)));
                    matches = BlockSearch.match(words, postings, loaded, filters, holding);
                    total = matches.total();
                }
                page = matches.top(byDate, ref, from, query.limit() + 1);
                // Counted while PostgreSQL reads the page's hits.
                counting = count(query, matches, false);
            }
            if (page.size() > query.limit()) {
                page = page.subList(0, query.limit());
                resume = page.getLast();
            }
            String next = resume == null ? null : new Cursor(ref, byDate, resume.score(), resume.ordinal()).encode();
            List<Hit> hits = MarkedHits.read(h, page, written, byDate);
            Counts counts = Failures.await(counting, "counting a search's matches");
            if (query.counts() && total == 0) {
                counts = emptyCounts();
            } else if (query.counts() && share < 1) {
                counts = Estimates.scaled(counts, share);
            }
            return new SearchResult(total, exact, hits, next, counts);
        }));
    }

    /** Counts {@code matches} by value on a thread of its own, when the query asks; else {@link Counts#NONE}. */
    private Future<Counts> count(SearchQuery query, BlockSearch.Matches matches, boolean estimated) {
        if (!query.counts() || matches.total() == 0) {
            return CompletableFuture.completedFuture(Counts.NONE);
        }
        return counters.submit(() -> matches.counts(values, estimated));
    }

    /**
     * Every block's columns as of the search's snapshot: those whose version is the one held are
     * not read again. A block whose documents all went stays, holding none.
     */
    private NavigableMap<Integer, Loaded> columns(Handle h) {
        Map<Integer, Long> versions = new HashMap<>();
        h.createQuery("SELECT block, version FROM search_columns")
                .map((rs, ctx) -> versions.put(rs.getInt("block"), rs.getLong("version")))
                .list();
        NavigableMap<Integer, Loaded> out = new TreeMap<>();
        List<Integer> stale = new ArrayList<>();
        versions.forEach((block, version) -> {
            Cached cached = columns.get(block);
            if (cached != null && cached.version() == version) {
                out.put(block, cached.loaded());
            } else {
                stale.add(block);
            }
        });
        if (!stale.isEmpty()) {
            h.createQuery("SELECT block, version, codes, data FROM search_columns WHERE block = ANY(:blocks)")
                    .bindArray("blocks", Integer.class, stale)
                    .map((rs, ctx) -> {
                        int block = rs.getInt("block");
                        BlockStore.Columns read = BlockStore.Columns.read(rs);
                        Loaded loaded = Loaded.of(block, read.block(), read.dictionary(), values);
                        long version = rs.getLong("version");
                        out.put(block, loaded);
                        columns.merge(block, new Cached(version, loaded), (a, b) -> a.version() >= b.version() ? a : b);
                        return null;
                    })
                    .list();
        }
        columns.keySet().removeIf(block -> !versions.containsKey(block));
        return out;
    }

    private static final String POSTINGS =
            "SELECT lexeme, block, n, ords, classes FROM search_postings WHERE lexeme = ANY(:lexemes)";

    /**
     * The plans of the statements whose work grows with the archive, as a search runs them: the
     * postings of its words, then the rows of its hits. The others read the vocabulary by its
     * indexes (V18), and search_columns, a row a block.
     */
    List<String> plans(SearchQuery query) {
        return db.inTransaction(() -> db.handle(h -> {
            QueryTerms terms = QueryTerms.of(h, QueryText.parse(DocumentRows.clean(query.text())));
            Query postings = h.createQuery("EXPLAIN " + POSTINGS).bindArray("lexemes", String.class, terms.lexemes());
            return Stream.of(postings, MarkedHits.query(h, "EXPLAIN ", List.of(0)))
                    .map(q -> String.join("\n", q.mapTo(String.class).list()))
                    .toList();
        }));
    }

    /** The postings of {@code lexemes}, by lexeme and block. */
    private Map<String, Map<Integer, PostingBlock>> postings(Handle h, Collection<String> lexemes) {
        Map<String, Map<Integer, PostingBlock>> out = new HashMap<>();
        if (lexemes.isEmpty()) {
            return out;
        }
        h.createQuery(POSTINGS)
                .bindArray("lexemes", String.class, lexemes)
                .map((rs, ctx) -> out.computeIfAbsent(rs.getString("lexeme"), k -> new HashMap<>())
                        .put(
                                rs.getInt("block"),
                                PostingBlock.decode(
                                        blocks.size(), rs.getInt("n"), rs.getBytes("ords"), rs.getBytes("classes"))))
                .list();
        return out;
    }

    /**
     * Starts a transaction that reads the vocabulary and then the documents. A rebuild's swap
     * replaces both tables, and a reader holding one while it waits for the other would deadlock
     * with it (and PostgreSQL would fail the search). So both take search_position first: the
     * swap alone, readers together, and a reader never holds either table while the swap waits.
     */
    static void waitForSwap(Handle h) {
        h.execute("LOCK TABLE search_position IN ACCESS SHARE MODE");
    }

    private static Counts emptyCounts() {
        return new Counts(List.of(), List.of(), List.of(), List.of());
    }

    @Override
    public List<Similar> similar(String id, Words words, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return db.inSnapshot(() -> db.handle(h -> {
            waitForSwap(h);
            // The document's own lexemes, how often it uses each and how many documents hold it.
            Map<String, Integer> counts = new HashMap<>();
            Map<String, Long> docFreqs = new HashMap<>();
            int[] self = {-1};
            h.createQuery("WITH t AS (SELECT d.ordinal, u.lexeme, coalesce(cardinality(u.positions), 1) AS tf "
                            + "FROM search_documents d, unnest(" + DocumentRows.VECTOR
                            + ") u WHERE d.id = :id AND d.live), "
                            + "w AS (SELECT lexeme, sum(ndoc) AS ndoc FROM search_words "
                            + "WHERE lexeme IN (SELECT lexeme FROM t) GROUP BY lexeme) "
                            + "SELECT t.ordinal, t.lexeme, t.tf, coalesce(w.ndoc, 0) AS ndoc "
                            + "FROM t LEFT JOIN w ON w.lexeme = t.lexeme")
                    .bind("id", id)
                    .map((rs, ctx) -> {
                        self[0] = rs.getInt("ordinal");
                        counts.put(rs.getString("lexeme"), rs.getInt("tf"));
                        return docFreqs.put(rs.getString("lexeme"), rs.getLong("ndoc"));
                    })
                    .list();
            if (self[0] < 0) {
                return List.of();
            }
            NavigableMap<Integer, Loaded> loaded = columns(h);
            long all = loaded.values().stream().mapToLong(Loaded::held).sum();
            List<LikeTerms.Term> chosen = LikeTerms.choose(counts, docFreqs::get, all, SIMILAR_POSTINGS);
            if (chosen.isEmpty()) {
                return List.of();
            }
            List<Spelling> terms = chosen.stream()
                    .map(t -> new Spelling(t.word(), t.boost() * BlockSearch.idf(all, t.docFreq())))
                    .toList();
            Map<String, Map<Integer, PostingBlock>> postings =
                    postings(h, terms.stream().map(Spelling::lexeme).toList());
            List<TopHits.Scored> top = BlockSearch.like(terms, postings, loaded, self[0])
                    .top(false, 0, null, Math.min(limit, SearchQuery.MAX_LIMIT));
            Map<Integer, String> ids = new HashMap<>();
            if (!top.isEmpty()) {
                h.createQuery("SELECT ordinal, id FROM search_documents WHERE ordinal = ANY(:ordinals)")
                        .bindArray(
                                "ordinals",
                                Integer.class,
                                top.stream().map(TopHits.Scored::ordinal).toList())
                        .map((rs, ctx) -> ids.put(rs.getInt("ordinal"), rs.getString("id")))
                        .list();
            }
            return top.stream()
                    .map(t -> new Similar(ids.get(t.ordinal()), t.score()))
                    .toList();
        }));
    }

    @Override
    public Stats stats() {
        return db.handle(h -> h.createQuery("SELECT (SELECT count(*) FROM search_documents) AS documents, "
                        + "pg_total_relation_size('search_documents') + pg_total_relation_size('search_words') "
                        + "+ pg_total_relation_size('search_postings') + pg_total_relation_size('search_columns') "
                        + "AS bytes")
                .map((rs, ctx) -> new Stats(rs.getLong("documents"), rs.getLong("bytes")))
                .one());
    }

    @Override
    public void close() {
        // The database belongs to the caller; a rebuild left open drops its own copy when closed.
        counters.close();
    }

    /**
     * Where the next page starts: after a score (a relevance, or by date a date's seconds) and
     * ordinal, in the order of {@link TopHits}; ref fixes the recency boost, so every page orders alike.
     */
    private record Cursor(long ref, boolean byDate, double score, int ordinal) {
        String encode() {
            String text = ref + "|" + (byDate ? "d" : "r") + "|" + score + "|" + ordinal;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String cursor) {
            if (cursor == null) {
                return null;
            }
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = text.split("\\|", -1);
                if (parts.length != 4 || !parts[1].matches("[dr]")) {
                    throw new IllegalArgumentException("parts");
                }
                double score = Double.parseDouble(parts[2]);
                int ordinal = Integer.parseInt(parts[3]);
                if (!Double.isFinite(score) || ordinal < 0) {
                    throw new IllegalArgumentException("score or ordinal");
                }
                return new Cursor(Long.parseLong(parts[0]), parts[1].equals("d"), score, ordinal);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("after", "This link to a page of results is broken: search again.");
            }
        }
    }
}
