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
import java.util.Locale;
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
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;
import org.lede.common.Failures;
import org.lede.common.ValidationException;
import org.lede.common.Workers;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.db.Times;
import org.lede.search.Estimates;
import org.lede.search.LikeTerms;
import org.lede.search.SearchDocument;
import org.lede.search.SearchIndex;
import org.lede.search.SearchQuery;
import org.lede.search.SearchResult;
import org.lede.search.SearchResult.Counts;
import org.lede.search.SearchResult.Fragment;
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
 * and snippets.
 */
public final class PostgresSearchIndex implements SearchIndex {
    /** Private-use characters that mark matches in ts_headline's output; stripped from all indexed text. */
    private static final char START = '\uE000';

    private static final char STOP = '\uE001';

    /** How many near-spellings a query word brings in at most, the closest and most common first. */
    private static final int SPELLINGS = 8;

    /**
     * The most postings the words of a similar-stories search may hold together, a quarter of
     * Lucene's budget: each comes from PostgreSQL in its block's row and is decoded here. At a
     * million stories a search of words holding 200,000 took 7.1 ms at the median, of 50,000
     * 4.6 ms, and the words left out are the commonest, which say least about a story.
     */
    static final long SIMILAR_POSTINGS = LikeTerms.POSTINGS / 4;

    /**
     * The most candidates of a phrase search whose text is checked for the phrase, all at once;
     * past it, an even sample of {@link #PHRASE_SAMPLE} estimates how many hold it, and pages
     * check the best candidates in rounds.
     */
    static final int PHRASE_CHECKED = 300;

    static final int PHRASE_SAMPLE = 60;

    /**
     * A block of 16,384 ordinals: a lexeme's row of a block then fits in a page of search_postings
     * (a bitmap of 2 KiB, weight classes of at most 4 KiB), where PostgreSQL reads it with the row.
     * Rows of 65,536 went out of line in two-kilobyte chunks, and reading a common word's chunks
     * took 8 ms at a million stories.
     */
    static final int BLOCK_BITS = 14;

    private static final String SNIPPET_OPTIONS = "StartSel=\"" + START + "\", StopSel=\"" + STOP
            + "\", MaxWords=30, MinWords=15, ShortWord=3, MaxFragments=1";

    private static final String HEADLINE_OPTIONS =
            "StartSel=\"" + START + "\", StopSel=\"" + STOP + "\", HighlightAll=true";

    private static final String COLUMNS = "id, type, headline, dek, lead_ins, body, topic_id, topic_name, tags, "
            + "author_ids, author_names, names, kind, status, live, created_by, date, ordinal";

    /**
     * The columns whose words as written ({@link SurfaceWords}) make the vocabulary in which typos
     * find their words. Typos are measured on words, not lexemes: "electoin" is one typo from
     * "election", but far from its lexeme "elect".
     */
    private static final String SURFACE_COLUMNS = "headline, dek, lead_ins, body, topic_name, tags, author_names";

    /** The lexeme a vocabulary word is searched by, null for a stop word. */
    private static final String LEXEME = "(tsvector_to_array(to_tsvector('english'::regconfig, word)))[1]";

    /**
     * The indexes of search_documents as V18, V29 and V30 leave them, which a rebuild makes anew on its copy.
     * Each is the index's name and what follows CREATE, the index's and the table's names left to fill in.
     */
    private static final Map<String, String> INDEXES =
            Map.of("search_documents_ordinal", "UNIQUE INDEX %s ON %s (ordinal)");

    /** How many distinct words a rebuild counts in memory before it writes their counts out. */
    static final int WORDS_KEPT = 100_000;

    private final Database db;
    private final Clock clock;
    private final SearchVectors vectors = new SearchVectors();
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

    /** The indexes of search_words as V18 creates them. */
    private static final Map<String, String> WORD_INDEXES =
            Map.of("search_words_by_shape", "(left(word, 1), length(word))", "search_words_by_lexeme", "(lexeme)");

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
                h.createQuery("SELECT ordinal, id, " + SURFACE_COLUMNS + " FROM search_documents WHERE id = ANY(:ids)")
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
                latest.values().forEach(d -> added.add(surface(d)));
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
                List<Prepared> rows = latest.isEmpty() ? List.of() : prepare(h, List.copyOf(latest.values()), ordinals);
                upsert(h, "search_documents", rows);
                blocks.change(h, "search_postings", held, posted(h, "search_documents", rows, ordinals));
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

    /** The text of {@code d}'s {@link #SURFACE_COLUMNS} as a row stores them. */
    private static String surface(SearchDocument d) {
        return String.join(
                "\n",
                clean(d.headline()),
                d.dek() == null ? "" : clean(d.dek()),
                clean(String.join("\n", d.leadIns())),
                clean(d.body()),
                d.topicName() == null ? "" : clean(d.topicName()),
                clean(String.join("\n", d.tags())),
                clean(String.join("\n", d.authorNames())));
    }

    /**
     * V18's search vector, written (V28): each weight's text as a vector made in Lede, or parsed
     * here by PostgreSQL where {@link SearchVectors} leaves it, which coalesce then evaluates alone.
     */
    private static final String SEARCH_VECTOR = Stream.of("a", "b", "c", "d")
            .map(w -> "setweight(coalesce(CAST(v" + w + " AS tsvector), to_tsvector('english'::regconfig, t" + w
                    + ")), '" + w.toUpperCase(Locale.ROOT) + "')")
            .collect(Collectors.joining(" || "));

    /** What separates a document's author ids in the one text each goes in as: ids never hold it. */
    private static final String ID_SEPARATOR = "\u001F";

    /**
     * The arrays a batch goes in as, a column each: the stored columns, then each weight's vector
     * and its text for PostgreSQL to parse where the vector was not made here, then the headline's
     * words as written, likewise.
     */
    private static final String[] ARRAYS = {
        "id",
        "type",
        "headline",
        "dek",
        "lead_ins",
        "body",
        "topic_id",
        "topic_name",
        "tags",
        "author_ids",
        "author_names",
        "names",
        "kind",
        "status",
        "created_by",
        "date",
        "ordinal",
        "va",
        "ta",
        "vb",
        "tb",
        "vc",
        "tc",
        "vd",
        "td",
        "vt",
        "tt"
    };

    /** Where the vectors and their texts start in {@link #ARRAYS}. */
    private static final int FIRST_VECTOR = List.of(ARRAYS).indexOf("va");

    /**
     * A document as a row of search_documents: its stored columns as {@link #ARRAYS} names them
     * before the vectors, the texts its search vector weighs (A, B, C, D), and the vectors made here.
     */
    private record Prepared(SearchDocument document, String[] columns, String[] weighed, SearchVectors.Made made) {}

    /**
     * The documents as rows, the last of an id standing for it, as if each were stored in turn,
     * each with its ordinal from {@code ordinals}.
     */
    private List<Prepared> prepare(Handle h, List<SearchDocument> documents, Map<String, Integer> ordinals) {
        Map<String, SearchDocument> latest = new LinkedHashMap<>();
        documents.forEach(d -> {
            latest.remove(d.id());
            latest.put(d.id(), d);
        });
        List<SearchDocument> docs = List.copyOf(latest.values());
        List<String[]> columns = new ArrayList<>(docs.size());
        List<String[]> weighed = new ArrayList<>(docs.size());
        for (SearchDocument d : docs) {
            // The columns as stored, then the texts V18 gave each weight from them.
            String headline = clean(d.headline());
            String dek = d.dek() == null ? null : clean(d.dek());
            String leadIns = clean(String.join("\n", d.leadIns()));
            String body = clean(d.body());
            String topicName = d.topicName() == null ? null : clean(d.topicName());
            String tags = clean(String.join("\n", d.tags()));
            String authorNames = clean(String.join("\n", d.authorNames()));
            String personsAndPlaces = clean(String.join("\n", d.names()));
            columns.add(new String[] {
                d.id(),
                d.type().key(),
                headline,
                dek,
                leadIns,
                body,
                d.topicId(),
                topicName,
                tags,
                String.join(ID_SEPARATOR, d.authorIds()),
                authorNames,
                personsAndPlaces,
                d.kind(),
                d.status(),
                d.createdBy(),
                Times.format(d.date()),
                Integer.toString(ordinals.get(d.id()))
            });
            weighed.add(new String[] {
                headline,
                (dek == null ? "" : dek) + "\n" + leadIns,
                body + "\n" + (topicName == null ? "" : topicName) + "\n" + tags + "\n" + authorNames,
                personsAndPlaces
            });
        }
        List<SearchVectors.Made> made = vectors.make(h, weighed);
        List<Prepared> prepared = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            prepared.add(new Prepared(docs.get(i), columns.get(i), weighed.get(i), made.get(i)));
        }
        return prepared;
    }

    /**
     * Stores the rows, replacing those of the same id, in one statement whose rows come from
     * arrays, a column each, so PostgreSQL plans and starts one statement a batch, not one a row.
     */
    private static void upsert(Handle h, String table, List<Prepared> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[][] columns = new String[ARRAYS.length][n];
        Boolean[] live = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Prepared row = rows.get(i);
            for (int c = 0; c < row.columns().length; c++) {
                columns[c][i] = row.columns()[c];
            }
            live[i] = row.document().live();
            SearchVectors.Made m = row.made();
            String[] t = row.weighed();
            // Each vector made here, or its text for PostgreSQL to parse.
            SearchVectors.Vector[] vectors = {m.headline(), m.dek(), m.body(), m.names(), m.title()};
            for (int w = 0; w < vectors.length; w++) {
                columns[FIRST_VECTOR + 2 * w][i] = SearchVectors.Vector.literal(vectors[w]);
                columns[FIRST_VECTOR + 2 * w + 1][i] = vectors[w] == null ? t[w == 4 ? 0 : w] : null;
            }
        }
        Update insert = h.createUpdate("INSERT INTO " + table + " (" + COLUMNS + ", search, title_words) "
                + "SELECT id, type, headline, dek, lead_ins, body, topic_id, topic_name, tags, "
                + "string_to_array(author_ids, chr(31)), author_names, names, kind, status, live, created_by, date, "
                + "CAST(ordinal AS integer), " + SEARCH_VECTOR
                + ", coalesce(CAST(vt AS tsvector), to_tsvector('simple'::regconfig, tt)) "
                + "FROM unnest("
                + String.join(", ", Stream.of(ARRAYS).map(c -> ":" + c).toList()) + ", :live) "
                + "AS u(" + String.join(", ", ARRAYS) + ", live) "
                + "ON CONFLICT (id) DO UPDATE SET "
                + "type = excluded.type, headline = excluded.headline, dek = excluded.dek, "
                + "lead_ins = excluded.lead_ins, body = excluded.body, topic_id = excluded.topic_id, "
                + "topic_name = excluded.topic_name, tags = excluded.tags, author_ids = excluded.author_ids, "
                + "author_names = excluded.author_names, names = excluded.names, kind = excluded.kind, "
                + "status = excluded.status, live = excluded.live, created_by = excluded.created_by, "
                + "date = excluded.date, ordinal = excluded.ordinal, search = excluded.search, "
                + "title_words = excluded.title_words");
        for (int c = 0; c < ARRAYS.length; c++) {
            insert.bindArray(ARRAYS[c], String.class, (Object[]) columns[c]);
        }
        insert.bindArray("live", Boolean.class, (Object[]) live).execute();
    }

    /**
     * Adds the documents to a table that holds none of their ids: those whose vectors were all
     * made here by binary COPY, which hands PostgreSQL each value ready to store, the others as
     * {@link #upsert} stores them.
     */
    private static void load(Handle h, String table, List<Prepared> rows) {
        BinaryCopy copy = new BinaryCopy();
        List<Prepared> parsedThere = new ArrayList<>();
        for (Prepared row : rows) {
            SearchVectors.Tsvector search = row.made().search();
            SearchVectors.Tsvector titleWords = row.made().titleWords();
            if (search == null || titleWords == null) {
                parsedThere.add(row);
                continue;
            }
            String[] c = row.columns();
            copy.row(FIRST_VECTOR + 3);
            for (int k = 0; k < FIRST_VECTOR; k++) {
                if (k == AUTHOR_IDS) {
                    copy.texts(row.document().authorIds());
                } else if (k == ORDINAL) {
                    copy.integer(Integer.parseInt(c[k]));
                } else {
                    copy.text(c[k]);
                }
            }
            copy.bool(row.document().live()).tsvector(search).tsvector(titleWords);
        }
        if (copy.rows() > 0) {
            copy.into(h, table, COPIED);
        }
        upsert(h, table, parsedThere);
    }

    /** The columns {@link #load} copies, in its order: the stored ones of {@link #ARRAYS}, then live and the vectors. */
    private static final String COPIED =
            String.join(", ", List.of(ARRAYS).subList(0, FIRST_VECTOR)) + ", live, search, title_words";

    /** Where the author ids stand in {@link #ARRAYS}: copied as an array, not joined. */
    private static final int AUTHOR_IDS = List.of(ARRAYS).indexOf("author_ids");

    /** Where the ordinal stands in {@link #ARRAYS}: copied as an integer. */
    private static final int ORDINAL = List.of(ARRAYS).indexOf("ordinal");

    /**
     * The lexemes of {@code rows}, stored in {@code table}: those of vectors made here are at hand,
     * the few that PostgreSQL parsed are read back as stored.
     */
    private static List<BlockStore.Posted> posted(
            Handle h, String table, List<Prepared> rows, Map<String, Integer> ordinals) {
        List<BlockStore.Posted> posted = new ArrayList<>();
        List<String> parsedThere = new ArrayList<>();
        for (Prepared row : rows) {
            Map<String, Integer> classes = BlockStore.classes(row.made());
            if (classes == null) {
                parsedThere.add(row.document().id());
            } else {
                posted.add(new BlockStore.Posted(ordinals.get(row.document().id()), classes));
            }
        }
        if (!parsedThere.isEmpty()) {
            posted.addAll(BlockStore.stored(h, table, parsedThere));
        }
        return posted;
    }

    /** Drops the match markers, and NUL, which PostgreSQL text cannot hold. */
    static String clean(String text) {
        if (text.indexOf(START) < 0 && text.indexOf(STOP) < 0 && text.indexOf('\0') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != START && c != STOP && c != '\0') {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public Rebuild rebuild() {
        return new StagedRebuild();
    }

    @Override
    public SearchResult search(SearchQuery query) {
        Cursor after = Cursor.parse(query.after());
        long ref = after == null ? clock.instant().getEpochSecond() : after.ref();
        // One snapshot: the columns, the postings and the rows a search reads agree with each other.
        return db.inSnapshot(() -> db.handle(h -> {
            waitForSwap(h);
            Terms terms = Terms.of(h, QueryText.parse(clean(query.text())));
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
            boolean exact = true;
            double share = 1;
            List<TopHits.Scored> page;
            TopHits.Scored resume = null;
            Future<Counts> counting;
            if (terms.phrased() && total > PHRASE_CHECKED) {
                // The candidates are counted while PostgreSQL checks the phrase, then scaled by its share.
                counting = count(query, matches, true);
                Phrased phrased = phrasePage(h, terms, matches, byDate, ref, from, query.limit() + 1);
                page = phrased.found();
                resume = phrased.resume();
                share = phrased.share();
                total = Math.max(page.size(), Estimates.rough(total * share));
                exact = false;
            } else {
                if (terms.phrased() && total > 0) {
                    Set<Integer> holding = Set.copyOf(holding(h, terms, matches.spread((int) total)));
                    matches = BlockSearch.match(words, postings, loaded, filters, holding);
                    total = matches.total();
                }
                page = matches.top(byDate, ref, from, query.limit() + 1);
                // Counted while PostgreSQL marks the page's snippets.
                counting = count(query, matches, false);
            }
            if (page.size() > query.limit()) {
                page = page.subList(0, query.limit());
                resume = page.getLast();
            }
            String next = resume == null ? null : new Cursor(ref, byDate, resume.score(), resume.ordinal()).encode();
            List<Hit> hits = hits(h, page, terms, byDate);
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
     * The best {@code k} candidates after {@code from} that hold the phrase, and the share of an even
     * sample of {@link #PHRASE_SAMPLE} candidates that holds it. The first round checks the best
     * {@code k} and the sample in one statement; each later round checks as many of the next best
     * as the sample's share says should hold enough, twice over. After {@link #PHRASE_ROUNDS}
     * rounds a page ends short with {@code resume}, the last candidate checked, for the next page
     * to go on after: a page's work stays bounded when few candidates hold the phrase.
     */
    private static Phrased phrasePage(
            Handle h, Terms terms, BlockSearch.Matches matches, boolean byDate, long ref, TopHits.Scored from, int k) {
        List<Integer> sample = matches.spread(PHRASE_SAMPLE);
        List<TopHits.Scored> found = new ArrayList<>();
        TopHits.Scored checkedTo = from;
        int round = k;
        double share = 1;
        for (int r = 0; r < PHRASE_ROUNDS; r++) {
            List<TopHits.Scored> candidates = matches.top(byDate, ref, checkedTo, round);
            List<Integer> checked = new ArrayList<>(
                    candidates.stream().map(TopHits.Scored::ordinal).toList());
            if (r == 0) {
                checked.addAll(sample);
            }
            Set<Integer> holding = Set.copyOf(holding(h, terms, checked));
            if (r == 0) {
                share = (double) sample.stream().filter(holding::contains).count() / sample.size();
            }
            for (TopHits.Scored c : candidates) {
                if (holding.contains(c.ordinal())) {
                    found.add(c);
                    if (found.size() == k) {
                        return new Phrased(found, null, share);
                    }
                }
            }
            if (candidates.size() < round) {
                return new Phrased(found, null, share);
            }
            checkedTo = candidates.getLast();
            round = (int) Math.min(
                    PHRASE_CHECKED, Math.ceil(2.0 * (k - found.size()) / Math.max(share, 1.0 / PHRASE_SAMPLE)));
        }
        return new Phrased(found, checkedTo, share);
    }

    /**
     * A page of a phrase search: what holds the phrase, where the next page goes on when it ended
     * short, and the share of the candidates that holds the phrase, by a sample.
     */
    private record Phrased(List<TopHits.Scored> found, TopHits.Scored resume, double share) {}

    static final int PHRASE_ROUNDS = 3;

    /** Which of the documents at {@code ordinals} hold the search's text, phrases in order included. */
    private static List<Integer> holding(Handle h, Terms terms, List<Integer> ordinals) {
        if (ordinals.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT ordinal FROM search_documents WHERE ordinal = ANY(:ordinals) AND " + terms.column()
                        + " @@ :q::tsquery")
                .bindArray("ordinals", Integer.class, ordinals)
                .bind("q", terms.query())
                .mapTo(Integer.class)
                .list();
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
            Terms terms = Terms.of(h, QueryText.parse(clean(query.text())));
            Query postings = h.createQuery("EXPLAIN " + POSTINGS).bindArray("lexemes", String.class, terms.lexemes());
            return Stream.of(postings, hitsQuery(h, "EXPLAIN ", terms, List.of(0)))
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
    private static void waitForSwap(Handle h) {
        h.execute("LOCK TABLE search_position IN ACCESS SHARE MODE");
    }

    private static Counts emptyCounts() {
        return new Counts(List.of(), List.of(), List.of(), List.of());
    }

    /** The statement that reads the hits at {@code ordinals}, their headline and snippet marked by ts_headline. */
    private static Query hitsQuery(Handle h, String explain, Terms terms, List<Integer> ordinals) {
        String headline = terms.all()
                ? "headline"
                : "ts_headline('" + terms.config() + "', headline, :q::tsquery, :headlineOptions)";
        String snippet = terms.all()
                ? "left(coalesce(dek, '') || E'\\n' || left(body, 2000), 2000)"
                : "ts_headline('" + terms.config() + "', coalesce(dek, '') || E'\\n' || body, :q::tsquery, "
                        + ":snippetOptions)";
        Query q = h.createQuery(explain + "SELECT ordinal, id, type, " + headline + " AS headline, " + snippet
                + " AS snippet FROM search_documents WHERE ordinal = ANY(:ordinals)");
        q.bindArray("ordinals", Integer.class, ordinals);
        if (!terms.all()) {
            q.bind("q", terms.query())
                    .bind("headlineOptions", HEADLINE_OPTIONS)
                    .bind("snippetOptions", SNIPPET_OPTIONS);
        }
        return q;
    }

    /** The page's hits in its order, each with its headline and snippet marked by ts_headline. */
    private static List<Hit> hits(Handle h, List<TopHits.Scored> page, Terms terms, boolean byDate) {
        if (page.isEmpty()) {
            return List.of();
        }
        Query q = hitsQuery(
                h, "", terms, page.stream().map(TopHits.Scored::ordinal).toList());
        Map<Integer, TopHits.Scored> scores = new HashMap<>();
        page.forEach(s -> scores.put(s.ordinal(), s));
        Map<Integer, Hit> byOrdinal = new HashMap<>();
        q.map((rs, ctx) -> {
                    int ordinal = rs.getInt("ordinal");
                    String snippetText = rs.getString("snippet");
                    return byOrdinal.put(
                            ordinal,
                            new Hit(
                                    rs.getString("id"),
                                    SearchDocument.Type.valueOf(
                                            rs.getString("type").toUpperCase(Locale.ROOT)),
                                    byDate ? 0 : scores.get(ordinal).score(),
                                    fragments(rs.getString("headline")),
                                    terms.all() ? opening(snippetText) : fragments(snippetText.strip())));
                })
                .list();
        return page.stream()
                .map(s -> byOrdinal.get(s.ordinal()))
                .filter(Objects::nonNull)
                .toList();
    }

    /** The first words of a text, for a browse with no words to mark. */
    private static List<Fragment> opening(String text) {
        String[] words = text.strip().split("\\s+");
        String start = String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(words.length, 35)));
        return start.isEmpty() ? List.of() : List.of(new Fragment(start, false));
    }

    /** Splits ts_headline's output at the match markers. */
    static List<Fragment> fragments(String marked) {
        List<Fragment> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean match = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == START || c == STOP) {
                if (!run.isEmpty()) {
                    out.add(new Fragment(run.toString(), match));
                    run.setLength(0);
                }
                match = c == START;
            } else {
                run.append(c);
            }
        }
        if (!run.isEmpty()) {
            out.add(new Fragment(run.toString(), match));
        }
        return out;
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
                            + "FROM search_documents d, unnest(d.search) u WHERE d.id = :id AND d.live), "
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
     * Loads a copy of the tables, indexes it, and swaps it in by renaming in one transaction,
     * so searches read the old tables until then.
     */
    private final class StagedRebuild implements Rebuild {
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
        private final BlockStore.Building building = blocks.new Building("search_postings_next", "search_columns_next");

        private boolean finished;

        /** Storage parameters set false on search_documents_next while it loads, which the swap resets. */
        private static final List<String> LOADING = List.of("autovacuum_enabled", "toast.autovacuum_enabled");

        StagedRebuild() {
            db.handle(h -> {
                dropCopies(h);
                h.execute("CREATE UNLOGGED TABLE search_words_staged (word TEXT NOT NULL, n INTEGER NOT NULL)");
                // Storage parameters do not come with LIKE: toast_tuple_target is V18's. Autovacuum
                // stays off the copy while it loads: it vacuumed and analyzed the growing table
                // again and again (every tenth more rows), each pass to be redone, for half of a
                // million-story rebuild. The swap turns it back on, and one pass then sets the
                // visibility map and freezes; the rebuild's own ANALYZE gives the planner its figures.
                h.execute("CREATE TABLE search_documents_next (LIKE search_documents INCLUDING DEFAULTS "
                        + "INCLUDING GENERATED INCLUDING CONSTRAINTS INCLUDING STORAGE) "
                        + "WITH (toast_tuple_target = 128, " + String.join(" = false, ", LOADING) + " = false)");
                h.execute(
                        "ALTER TABLE search_documents_next ADD CONSTRAINT search_documents_next_pkey PRIMARY KEY (id)");
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
                batch.forEach(d -> counted.add(surface(d)));
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
                List<Prepared> rows = prepare(h, batch, ordinals);
                load(h, "search_documents_next", rows);
                for (int complete : building.add(posted(h, "search_documents_next", rows, ordinals), byOrdinal)) {
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
                    h.execute("ANALYZE search_postings_next");
                }));
                builders.submit(() -> sorting(h -> {
                    synchronized (words) {
                        stage(h, words);
                        words.clear();
                    }
                    h.execute("CREATE TABLE search_words_next AS SELECT word, " + LEXEME + " AS lexeme, "
                            + "sum(n)::integer AS ndoc FROM search_words_staged GROUP BY word");
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
                // Waits for readers and applies to end and holds off new ones: see waitForSwap.
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

    /**
     * The text of a search: each word's spellings (its lexemes as typed, which count double, and
     * near spellings from the vocabulary), and phrases, whose lexemes must all be present and whose
     * order PostgreSQL checks ({@code query}, a tsquery built from lexemes its parser produced,
     * never from the typed text, which also marks snippets). A text of stop words only ("of and")
     * is matched against the headline's every word instead ({@code column} title_words, whose
     * words the postings keep after {@link BlockStore#TITLE}).
     */
    private record Terms(
            boolean all,
            String column,
            String config,
            String query,
            List<List<String>> typed,
            List<List<String>> near,
            boolean phrased) {
        boolean nothing() {
            return !all && query.isEmpty();
        }

        /** Every lexeme whose postings the search reads. */
        Set<String> lexemes() {
            Set<String> all = new LinkedHashSet<>();
            typed.forEach(all::addAll);
            near.forEach(all::addAll);
            return all;
        }

        /** Each word's spellings, weighed by rarity among {@code documents}; typed spellings count double. */
        List<List<Spelling>> spellings(Map<String, Map<Integer, PostingBlock>> postings, long documents) {
            List<List<Spelling>> out = new ArrayList<>();
            for (int i = 0; i < typed.size(); i++) {
                List<Spelling> word = new ArrayList<>();
                for (String lexeme : typed.get(i)) {
                    word.add(new Spelling(lexeme, 2 * BlockSearch.idf(documents, holding(postings, lexeme))));
                }
                for (String lexeme : near.get(i)) {
                    word.add(new Spelling(lexeme, BlockSearch.idf(documents, holding(postings, lexeme))));
                }
                out.add(word);
            }
            return out;
        }

        private static long holding(Map<String, Map<Integer, PostingBlock>> postings, String lexeme) {
            long n = 0;
            for (PostingBlock block : postings.getOrDefault(lexeme, Map.of()).values()) {
                n += block.count();
            }
            return n;
        }

        static Terms of(Handle h, QueryText text) {
            if (text.blank()) {
                return new Terms(true, "search", "english", "", List.of(), List.of(), false);
            }
            List<String> parts = new ArrayList<>();
            List<List<String>> typed = new ArrayList<>();
            List<List<String>> near = new ArrayList<>();
            for (Word word : words(h, text.words())) {
                if (word.lexemes().isEmpty()) {
                    continue;
                }
                Set<String> spellings = new LinkedHashSet<>(word.lexemes());
                word.near().stream()
                        .filter(n -> !n.lexeme().isEmpty())
                        .sorted((a, b) -> a.distance() != b.distance()
                                ? Integer.compare(a.distance(), b.distance())
                                : Long.compare(b.documents(), a.documents()))
                        .limit(SPELLINGS)
                        .forEach(n -> spellings.add(n.lexeme()));
                parts.add(or(spellings));
                typed.add(List.copyOf(word.lexemes()));
                spellings.removeAll(word.lexemes());
                near.add(List.copyOf(spellings));
            }
            List<Phrase> phrases = phrases(h, "english", text.phrases());
            for (Phrase phrase : phrases) {
                parts.add(phrase.query());
                phrase.lexemes().forEach(lexeme -> {
                    typed.add(List.of(lexeme));
                    near.add(List.of());
                });
            }
            if (parts.isEmpty()) {
                return stopWords(h, text);
            }
            return new Terms(false, "search", "english", String.join(" & ", parts), typed, near, !phrases.isEmpty());
        }

        /** Every word of the headline as written, for a text that names nothing but stop words. */
        private static Terms stopWords(Handle h, QueryText text) {
            List<String> parts = new ArrayList<>();
            List<List<String>> typed = new ArrayList<>();
            if (!text.words().isEmpty()) {
                h.createQuery("SELECT lower(w) FROM unnest(:words) AS t(w)")
                        .bindArray("words", String.class, text.words())
                        .mapTo(String.class)
                        .forEach(w -> {
                            parts.add(quote(w));
                            typed.add(List.of(BlockStore.TITLE + w));
                        });
            }
            List<Phrase> phrases = phrases(h, "simple", text.phrases());
            for (Phrase phrase : phrases) {
                parts.add(phrase.query());
                phrase.lexemes().forEach(lexeme -> typed.add(List.of(BlockStore.TITLE + lexeme)));
            }
            String query = String.join(" & ", parts);
            List<List<String>> near = typed.stream().map(t -> List.<String>of()).toList();
            return new Terms(false, "title_words", "simple", query, typed, near, !phrases.isEmpty());
        }

        /** A quoted phrase: its tsquery, and the lexemes it holds. */
        private record Phrase(String query, List<String> lexemes) {}

        private static List<Phrase> phrases(Handle h, String config, List<String> phrases) {
            if (phrases.isEmpty()) {
                return List.of();
            }
            return h
                    .createQuery(
                            "SELECT phraseto_tsquery(:config::regconfig, p)::text AS q, "
                                    + "tsvector_to_array(to_tsvector(:config::regconfig, p)) AS lexemes FROM unnest(:phrases) AS t(p)")
                    .bind("config", config)
                    .bindArray("phrases", String.class, phrases)
                    .map((rs, ctx) -> new Phrase(rs.getString("q"), List.of((String[])
                            rs.getArray("lexemes").getArray())))
                    .stream()
                    .filter(phrase -> !phrase.query().isBlank())
                    .map(phrase -> new Phrase("(" + phrase.query() + ")", phrase.lexemes()))
                    .toList();
        }

        /**
         * Each word's lexemes, and the words of the vocabulary within its typo budget: one typo in
         * 4 to 7 letters, two in 8 or more, the first letter kept. A transposition is one typo, as
         * people make them; levenshtein counts it as two, so it only narrows the candidates, and
         * {@link #typos} decides.
         */
        private static List<Word> words(Handle h, List<String> typed) {
            if (typed.isEmpty()) {
                return List.of();
            }
            Map<Integer, Word> words = new TreeMap<>();
            h.createQuery("WITH q AS (SELECT t.i, lower(t.s) AS word, "
                            + "array_to_string(tsvector_to_array(to_tsvector('english'::regconfig, t.s)), ' ') AS lexemes, "
                            + "CASE WHEN char_length(t.s) >= 8 THEN 2 WHEN char_length(t.s) >= 4 THEN 1 ELSE 0 END AS d "
                            + "FROM unnest(:words) WITH ORDINALITY AS t(s, i)) "
                            + "SELECT q.i, q.word, q.lexemes, q.d, n.word AS near, n.lexeme, n.ndoc FROM q "
                            + "LEFT JOIN LATERAL (SELECT s.word, s.lexeme, s.ndoc FROM search_words s "
                            + "WHERE q.d > 0 AND q.lexemes <> '' AND left(s.word, 1) = left(q.word, 1) "
                            + "AND length(s.word) BETWEEN length(q.word) - q.d AND length(q.word) + q.d "
                            + "AND s.word <> q.word AND s.lexeme IS NOT NULL "
                            + "AND levenshtein_less_equal(s.word, q.word, 2 * q.d) <= 2 * q.d) n ON TRUE ORDER BY q.i")
                    .bindArray("words", String.class, typed)
                    .map((rs, ctx) -> {
                        String lexemes = rs.getString("lexemes");
                        Word word = words.computeIfAbsent(
                                rs.getInt("i"),
                                k -> new Word(
                                        lexemes.isEmpty() ? List.of() : List.of(lexemes.split(" ")),
                                        new ArrayList<>()));
                        String near = rs.getString("near");
                        if (near != null) {
                            int distance = typos(near, rs.getString("word"));
                            if (distance <= rs.getInt("d")) {
                                word.near().add(new Near(rs.getString("lexeme"), distance, rs.getLong("ndoc")));
                            }
                        }
                        return word;
                    })
                    .list();
            return List.copyOf(words.values());
        }

        /** The optimal string alignment distance: edits and swaps of neighbours, each one typo. */
        static int typos(String a, String b) {
            int[][] d = new int[a.length() + 1][b.length() + 1];
            for (int i = 0; i <= a.length(); i++) {
                d[i][0] = i;
            }
            for (int j = 0; j <= b.length(); j++) {
                d[0][j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                    if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                    }
                }
            }
            return d[a.length()][b.length()];
        }

        private static String or(Collection<String> lexemes) {
            return "(" + String.join(" | ", lexemes.stream().map(Terms::quote).toList()) + ")";
        }

        private static String quote(String lexeme) {
            return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
        }
    }

    /** A word of the query: its lexemes as typed (none for a stop word) and its near-spellings. */
    private record Word(List<String> lexemes, List<Near> near) {}

    private record Near(String lexeme, int distance, long documents) {}
}
