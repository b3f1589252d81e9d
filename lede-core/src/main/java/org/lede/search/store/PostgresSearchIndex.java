package org.lede.search.store;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
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
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.Update;
import org.lede.common.ValidationException;
import org.lede.common.Workers;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.db.PlannerSettings;
import org.lede.db.Times;
import org.lede.search.Estimates;
import org.lede.search.SearchDocument;
import org.lede.search.SearchIndex;
import org.lede.search.SearchQuery;
import org.lede.search.SearchResult;
import org.lede.search.SearchResult.Count;
import org.lede.search.SearchResult.Counts;
import org.lede.search.SearchResult.Fragment;
import org.lede.search.SearchResult.Hit;

/**
 * The search index in PostgreSQL's full text search (tables of V18), so that every node of a
 * site answers from the one index in the shared database.
 *
 * <p>Ranking a large match set is PostgreSQL's weak point: ts_rank_cd reads every matching
 * document's tsvector. A relevance search therefore ranks only the newest {@link #RANK_WINDOW}
 * matches (found by the date index, the recency boost's own order), and its later pages go on
 * through older matches newest first. A word matching fewer documents is ranked in full.
 */
public final class PostgresSearchIndex implements SearchIndex {
    /** How many of the newest matches a relevance search ranks. */
    static final int RANK_WINDOW = 300;

    /** Private-use characters that mark matches in ts_headline's output; stripped from all indexed text. */
    private static final char START = '\uE000';

    private static final char STOP = '\uE001';

    /** How many near-spellings a query word brings in at most, the closest and most common first. */
    private static final int SPELLINGS = 8;

    /** Weights of D (names), C (body), B (dek and lead-ins) and A (headline): a headline match counts most. */
    private static final String WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'::float4[]";

    /**
     * The recency boost: a match from today counts in full, one two years old about two thirds,
     * an old one half, so relevance still orders the archive. :ref is fixed by the first page, so
     * that every page of one search orders alike.
     */
    private static final String DECAY =
            "(0.5 + 0.5 * exp(-greatest(0, :ref - date_part('epoch', date::timestamptz)) / (730 * 86400.0)))";

    private static final String SNIPPET_OPTIONS = "StartSel=\"" + START + "\", StopSel=\"" + STOP
            + "\", MaxWords=30, MinWords=15, ShortWord=3, MaxFragments=1";

    private static final String HEADLINE_OPTIONS =
            "StartSel=\"" + START + "\", StopSel=\"" + STOP + "\", HighlightAll=true";

    private static final String COLUMNS = "id, type, headline, dek, lead_ins, body, topic_id, topic_name, tags, "
            + "author_ids, author_names, names, kind, status, live, created_by, date";

    /**
     * The columns whose words as written ({@link SurfaceWords}) make the vocabulary in which typos
     * find their words. Typos are measured on words, not lexemes: "electoin" is one typo from
     * "election", but far from its lexeme "elect".
     */
    private static final String SURFACE_COLUMNS = "headline, dek, lead_ins, body, topic_name, tags, author_names";

    /** The lexeme a vocabulary word is searched by, null for a stop word. */
    private static final String LEXEME = "(tsvector_to_array(to_tsvector('english'::regconfig, word)))[1]";

    /** The samples that estimate the counts of common words (see {@link #tally}), sparsest first. */
    static final List<Sample> SAMPLES = List.of(new Sample(256), new Sample(64), new Sample(16));

    /**
     * The indexes of search_documents as V18, V24 and V25 create them, which a rebuild makes anew on its copy.
     * Each is the index's name and what follows {@code ON table}.
     */
    private static final Map<String, String> INDEXES = indexes();

    /** How many distinct words a rebuild counts in memory before it writes their counts out. */
    static final int WORDS_KEPT = 100_000;

    private final Database db;
    private final Clock clock;
    private final SearchVectors vectors = new SearchVectors();
    private final int rankWindow;
    private final int wordsKept;

    /** @param clock what recency is measured against */
    public PostgresSearchIndex(Database db, Clock clock) {
        this(db, clock, RANK_WINDOW, WORDS_KEPT);
    }

    /**
     * With a smaller window, tests reach the pages past it with a handful of documents; with fewer
     * words kept, a rebuild's writing of the counts so far.
     */
    PostgresSearchIndex(Database db, Clock clock, int rankWindow, int wordsKept) {
        if (db.dialect() != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("The PostgreSQL search index needs PostgreSQL, not " + db.dialect());
        }
        this.db = db;
        this.clock = clock;
        this.rankWindow = rankWindow;
        this.wordsKept = wordsKept;
    }

    private static Map<String, String> indexes() {
        Map<String, String> indexes = new LinkedHashMap<>();
        indexes.put("search_documents_text", "USING gin (search, facets)");
        indexes.put("search_documents_live_date", "(live, date, id)");
        indexes.put("search_documents_date", "(date, id)");
        indexes.put("search_documents_topic", "(topic_id, date)");
        indexes.put("search_documents_authors", "USING gin (author_ids)");
        indexes.put("search_documents_title", "USING gin (title_words)");
        SAMPLES.forEach(sample -> indexes.put(sample.index(), "USING gin (search, facets) WHERE " + sample.where()));
        return indexes;
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
            // Applies from several nodes take turns here, so the word counts stay exact.
            h.createQuery("SELECT seq FROM search_position FOR UPDATE")
                    .mapTo(Long.class)
                    .one();
            Set<String> touched = new LinkedHashSet<>(removals);
            upserts.forEach(d -> touched.add(d.id()));
            if (!touched.isEmpty()) {
                // The words of the documents as stored go out of the vocabulary, those of the new ones in.
                SurfaceWords.Counts gone = new SurfaceWords.Counts();
                h.createQuery("SELECT " + SURFACE_COLUMNS + " FROM search_documents WHERE id = ANY(:ids)")
                        .bindArray("ids", String.class, touched)
                        .map((rs, ctx) -> {
                            List<String> texts = new ArrayList<>();
                            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                texts.add(Objects.requireNonNullElse(rs.getString(i), ""));
                            }
                            return String.join("\n", texts);
                        })
                        .forEach(gone::add);
                Map<String, SearchDocument> latest = new LinkedHashMap<>();
                upserts.forEach(d -> latest.put(d.id(), d));
                SurfaceWords.Counts added = new SurfaceWords.Counts();
                latest.values().forEach(d -> added.add(surface(d)));
                Map<String, Integer> delta = added.toMap();
                gone.toMap().forEach((word, n) -> delta.merge(word, -n, Integer::sum));
                delta.values().removeIf(n -> n == 0);
                h.createUpdate("DELETE FROM search_documents WHERE id = ANY(:ids)")
                        .bindArray("ids", String.class, touched)
                        .execute();
                insert(h, "search_documents", upserts);
                countWords(h, delta);
            }
            h.createUpdate("UPDATE search_position SET seq = :seq")
                    .bind("seq", throughSeq)
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

    /** The documents as rows, the last of an id standing for it, as if each were stored in turn. */
    private List<Prepared> prepare(Handle h, List<SearchDocument> documents) {
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
                Times.format(d.date())
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

    /** Stores the documents, replacing those of the same id. */
    private void insert(Handle h, String table, List<SearchDocument> documents) {
        if (!documents.isEmpty()) {
            upsert(h, table, prepare(h, documents));
        }
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
                + SEARCH_VECTOR + ", coalesce(CAST(vt AS tsvector), to_tsvector('simple'::regconfig, tt)) "
                + "FROM unnest("
                + String.join(", ", Stream.of(ARRAYS).map(c -> ":" + c).toList()) + ", :live) "
                + "AS u(" + String.join(", ", ARRAYS) + ", live) "
                + "ON CONFLICT (id) DO UPDATE SET "
                + "type = excluded.type, headline = excluded.headline, dek = excluded.dek, "
                + "lead_ins = excluded.lead_ins, body = excluded.body, topic_id = excluded.topic_id, "
                + "topic_name = excluded.topic_name, tags = excluded.tags, author_ids = excluded.author_ids, "
                + "author_names = excluded.author_names, names = excluded.names, kind = excluded.kind, "
                + "status = excluded.status, live = excluded.live, created_by = excluded.created_by, "
                + "date = excluded.date, search = excluded.search, title_words = excluded.title_words");
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
    private void load(Handle h, String table, List<SearchDocument> documents) {
        BinaryCopy copy = new BinaryCopy();
        List<Prepared> parsedThere = new ArrayList<>();
        for (Prepared row : prepare(h, documents)) {
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
        // One transaction: the page, the counts and the total read one snapshot, and the planner
        // settings of the counting statements end with it.
        return db.inTransaction(() -> db.handle(h -> {
            waitForSwap(h);
            Terms terms = Terms.of(h, QueryText.parse(clean(query.text())));
            if (terms.nothing()) {
                return new SearchResult(0, true, List.of(), null, query.counts() ? emptyCounts() : Counts.NONE);
            }
            Filter filter = Filter.of(query, terms);
            Sampled sampled = terms.sampled() ? sample(h, filter, terms) : null;
            List<Row> rows = new ArrayList<>();
            String next;
            if (query.sort() == SearchQuery.Sort.RELEVANCE && !terms.all()) {
                next = byRelevance(h, filter, terms, sampled, ref, after, query.limit(), rows);
            } else {
                if (after != null && after.ranked()) {
                    throw new ValidationException("after", "This page of results is out of date: search again.");
                }
                next = byDate(h, filter, terms, ref, after == null ? null : after.key(), query.limit(), rows);
            }
            List<Hit> hits = hits(h, rows, terms);
            Tally tally = tally(h, filter, terms, sampled, query.counts());
            return new SearchResult(tally.total(), tally.exact(), hits, next, tally.counts());
        }));
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

    /**
     * Runs {@code work}, statements that count matches, with the planner held to the text index's
     * bitmap when the search has words. Counting stops after {@link SearchResult#EXACT_UP_TO}
     * matches, so for a common word the planner expects a scan of the table (or of an index in any
     * order) to find them soonest, and prices testing a row's tsvector like testing an integer;
     * but the tsvector is out of line, so each row tested costs a toast read, a hundredfold more:
     * half a second for a common word, the whole table for a rare one. The bitmap answers from the
     * index alone and reads only the matching rows' short columns. The settings in force before
     * are restored after, and are the transaction's alone.
     */
    private static <T> T byTextIndex(Handle h, Terms terms, Supplier<T> work) {
        if (terms.all()) {
            return work.get();
        }
        return PlannerSettings.with(h, Map.of("enable_seqscan", "off", "enable_indexscan", "off"), work);
    }

    /**
     * The plans of the statements that count {@code query}'s matches, as a search runs them: in
     * all, their total, then the matches in each sample of {@link #SAMPLES}.
     */
    List<String> countingPlans(SearchQuery query) {
        return db.inTransaction(() -> db.handle(h -> {
            waitForSwap(h);
            Terms terms = Terms.of(h, QueryText.parse(clean(query.text())));
            Filter filter = Filter.of(query, terms);
            return byTextIndex(
                    h,
                    terms,
                    () -> Stream.concat(
                                    Stream.of(countsSql(filter.counting(), false), totalSql(filter.counting())),
                                    SAMPLES.stream().map(sample -> sampleSql(filter, sample)))
                            .map(sql -> {
                                Query q = h.createQuery("EXPLAIN " + sql);
                                filter.bind(q);
                                return String.join("\n", q.mapTo(String.class).list());
                            })
                            .toList());
        }));
    }

    private static Counts emptyCounts() {
        return new Counts(List.of(), List.of(), List.of(), List.of());
    }

    /** Ranks the window of newest matches, then goes on through older ones by date; returns the next cursor. */
    private String byRelevance(
            Handle h, Filter filter, Terms terms, Sampled sampled, long ref, Cursor after, int limit, List<Row> rows) {
        if (after != null && !after.ranked()) {
            return byDate(h, filter, terms, ref, after.key(), limit, rows);
        }
        String keyset = after == null ? "" : "WHERE score < :afterScore OR (score = :afterScore AND id > :afterId) ";
        // Only the window's rows' tsvectors are read, to rank them.
        Query q = h.createQuery("WITH c AS MATERIALIZED (SELECT unnest(:window) AS id) "
                + "SELECT id, date, score, size, oldest FROM (SELECT id, date, " + terms.score()
                + " AS score, count(*) OVER () AS size, min(date || id) OVER () AS oldest FROM (SELECT d.id, d.date, d."
                + terms.column() + " FROM c JOIN search_documents d ON d.id = c.id) w) ranked " + keyset
                + "ORDER BY score DESC, id LIMIT :limit");
        q.bindArray("window", String.class, window(h, filter, terms, sampled, ""));
        terms.bind(q);
        q.bind("ref", ref).bind("limit", limit + 1);
        if (after != null) {
            q.bind("afterScore", after.score()).bind("afterId", after.key().id());
        }
        List<Window> window = q.map((rs, ctx) -> new Window(
                        new Row(rs.getString("id"), rs.getString("date"), rs.getDouble("score")),
                        rs.getInt("size"),
                        rs.getString("oldest")))
                .list();
        for (Window w : window) {
            if (rows.size() == limit) {
                Row last = rows.getLast();
                return new Cursor(ref, last.score(), new Key(last.date(), last.id())).encode();
            }
            rows.add(w.row());
        }
        if (window.isEmpty() || window.getFirst().size() < rankWindow) {
            return null;
        }
        String oldest = window.getFirst().oldest();
        Key boundary = new Key(oldest.substring(0, DATE_WIDTH), oldest.substring(DATE_WIDTH));
        List<Row> older = new ArrayList<>();
        String next = byDate(h, filter, terms, ref, boundary, limit - rows.size(), older);
        rows.addAll(older);
        if (next == null && older.isEmpty() && rows.size() == limit) {
            // The window ended exactly with this page: whether older matches follow is for the next page to find.
            next = new Cursor(ref, Double.NaN, boundary).encode();
        }
        return next;
    }

    private static final int DATE_WIDTH = Times.format(Instant.EPOCH).length();

    /**
     * The ids of the newest {@link #rankWindow} matches. Where the sample shows in which recent
     * months about twice that many matches lie, the text index finds the matches of those months
     * alone (the word's postings intersected with the months' in the index, see V24), and only
     * their rows are read; when fewer than the window come back, the sample misjudged, and the
     * window is found as below.
     *
     * <p>Otherwise there are two ways to them: walk the date index from the newest, testing each
     * row's tsvector until enough match, which reads the window divided by the share of documents
     * that match; or take every match from the text index's bitmap and keep the newest, which
     * reads every match. Measured at 100,000 stories, a row walked costs about {@link #WALK_COST}
     * times a row from the bitmap (the toast read of its tsvector against a visit of its page), so
     * the walk wins past sqrt(window * documents * WALK_COST) matches (6,700 there: "council", in
     * 13% of stories, walks 2,200 rows in 30 ms instead of reading 12,700 in 220; "Rouhani", in
     * 2.5%, reads 2,500 in 50 ms instead of walking 12,000 in 250 to 420). The planner prices a
     * tsvector test like an integer's and walks for far rarer words, so below that point the
     * bitmap is imposed; past it the planner chooses, from the tsvector column's statistics.
     */
    private List<String> window(Handle h, Filter filter, Terms terms, Sampled sampled, String explain) {
        double documents = h.createQuery(
                        "SELECT greatest(reltuples, 1) FROM pg_class WHERE oid = 'search_documents'::regclass")
                .mapTo(Double.class)
                .one();
        Recent recent = sampled == null ? null : sampled.recent(h, rankWindow);
        // A word in most documents meets the window sooner in the date order than in its months.
        if (recent != null && rankWindow * documents / sampled.estimate() * WALK_COST >= recent.matches()) {
            List<String> newest = byTextIndex(h, terms, () -> {
                Query q = h.createQuery(explain + "SELECT id FROM search_documents WHERE " + filter.within()
                        + " ORDER BY date DESC, id DESC LIMIT " + rankWindow);
                filter.bind(q);
                q.bind("within", filter.facets(recent.months()));
                return q.mapTo(String.class).list();
            });
            if (newest.size() == rankWindow || !explain.isEmpty()) {
                return newest;
            }
        }
        double matches = estimate(h, filter);
        boolean walk = matches * matches >= (double) rankWindow * documents * WALK_COST;
        Supplier<List<String>> newest = () -> {
            Query q = h.createQuery(explain + "SELECT id FROM search_documents WHERE "
                    + (walk ? filter.sql() : filter.counting()) + " ORDER BY date DESC, id DESC LIMIT " + rankWindow);
            filter.bind(q);
            return q.mapTo(String.class).list();
        };
        return walk ? newest.get() : byTextIndex(h, terms, newest);
    }

    /** The plan of the statement that finds {@code query}'s window, as a search runs it. */
    List<String> windowPlan(SearchQuery query) {
        return db.inTransaction(() -> db.handle(h -> {
            waitForSwap(h);
            Terms terms = Terms.of(h, QueryText.parse(clean(query.text())));
            Filter filter = Filter.of(query, terms);
            return window(h, filter, terms, terms.sampled() ? sample(h, filter, terms) : null, "EXPLAIN ");
        }));
    }

    /** How many documents the planner expects {@code filter} to match. */
    private static double estimate(Handle h, Filter filter) {
        Query estimate = h.createQuery("EXPLAIN SELECT 1 FROM search_documents WHERE " + filter.sql());
        filter.bind(estimate);
        java.util.regex.Matcher rows =
                ESTIMATED_ROWS.matcher(estimate.mapTo(String.class).first());
        return rows.find() ? Double.parseDouble(rows.group(1)) : 0;
    }

    /** How many times a row from the text index's bitmap a row walked in date order costs. */
    private static final double WALK_COST = 1.5;

    private static final java.util.regex.Pattern ESTIMATED_ROWS = java.util.regex.Pattern.compile(" rows=(\\d+)");

    /** Matches newest first, after {@code after} (exclusive) when given; returns the next cursor. */
    private static String byDate(Handle h, Filter filter, Terms terms, long ref, Key after, int limit, List<Row> rows) {
        if (limit <= 0) {
            return after == null ? null : new Cursor(ref, Double.NaN, after).encode();
        }
        String keyset = after == null ? "" : " AND (date, id) < (:afterDate, :afterId)";
        Query q = h.createQuery("SELECT id, date, " + (terms.all() ? "0" : terms.score()) + " AS score "
                + "FROM search_documents WHERE " + filter.sql() + keyset
                + " ORDER BY date DESC, id DESC LIMIT :limit");
        filter.bind(q);
        terms.bind(q);
        q.bind("ref", ref).bind("limit", limit + 1);
        if (after != null) {
            q.bind("afterDate", after.date()).bind("afterId", after.id());
        }
        List<Row> found = q.map((rs, ctx) -> new Row(rs.getString("id"), rs.getString("date"), rs.getDouble("score")))
                .list();
        if (found.size() <= limit) {
            rows.addAll(found);
            return null;
        }
        rows.addAll(found.subList(0, limit));
        Row last = rows.getLast();
        return new Cursor(ref, Double.NaN, new Key(last.date(), last.id())).encode();
    }

    private static List<Hit> hits(Handle h, List<Row> rows, Terms terms) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String headline = terms.all()
                ? "headline"
                : "ts_headline('" + terms.config() + "', headline, :q::tsquery, :headlineOptions)";
        String snippet = terms.all()
                ? "left(coalesce(dek, '') || E'\\n' || left(body, 2000), 2000)"
                : "ts_headline('" + terms.config() + "', coalesce(dek, '') || E'\\n' || body, :q::tsquery, "
                        + ":snippetOptions)";
        Query q = h.createQuery("SELECT id, type, " + headline + " AS headline, " + snippet + " AS snippet "
                + "FROM search_documents WHERE id = ANY(:ids)");
        q.bindArray("ids", String.class, rows.stream().map(Row::id).toList());
        if (!terms.all()) {
            q.bind("q", terms.query())
                    .bind("headlineOptions", HEADLINE_OPTIONS)
                    .bind("snippetOptions", SNIPPET_OPTIONS);
        }
        Map<String, Hit> byId = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        rows.forEach(r -> scores.put(r.id(), r.score()));
        q.map((rs, ctx) -> {
                    String id = rs.getString("id");
                    String snippetText = rs.getString("snippet");
                    return new Hit(
                            id,
                            SearchDocument.Type.valueOf(rs.getString("type").toUpperCase(java.util.Locale.ROOT)),
                            scores.get(id),
                            fragments(rs.getString("headline")),
                            terms.all() ? opening(snippetText) : fragments(snippetText.strip()));
                })
                .forEach(hit -> byId.put(hit.id(), hit));
        return rows.stream().map(r -> byId.get(r.id())).filter(Objects::nonNull).toList();
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

    /**
     * How many documents match, and by topic, author, kind and year when {@code byValue}: exact up
     * to {@link SearchResult#EXACT_UP_TO}. Past it, counting the matches one by one would cost in
     * proportion to how common the words are (the text index's bitmap of a word in most of a
     * million stories, then ten thousand rows), so the counts are of an even sample of the
     * documents ({@link #SAMPLES}, each with its own partial text index), scaled to the whole:
     * estimates, flagged as such, as the Lucene index makes them. The sample comes first ({@link
     * #sample}), and when it shows the matches are surely past exact counting it is the answer;
     * otherwise the exact pass decides, and the sample stands in when that pass stops at its limit.
     */
    private static Tally tally(Handle h, Filter filter, Terms terms, Sampled sampled, boolean byValue) {
        if (sampled != null && sampled.surelyPast()) {
            return sampled.tally(byValue);
        }
        Tally exact = byTextIndex(h, terms, () -> exact(h, filter.counting(), filter, byValue));
        if (exact.exact() || sampled == null) {
            return exact;
        }
        return sampled.tally(byValue);
    }

    /**
     * The sparsest sample holding at least {@link #SAMPLED} matches, or the densest. Sparsest
     * first, so a common word's count reads a few thousand rows, and a rarer word's the few
     * hundred more of each denser sample tried; a sample that shows the matches surely number
     * no more than two windows ends the search, as reading them all then costs no more than
     * finding where the newest lie, so a rare word costs one look at the sparsest. The planner's
     * estimate cannot choose for it: it takes a phrase of common words ("heat pump rebate", in
     * 15,000 of a million stories) for a rarity.
     */
    private Sampled sample(Handle h, Filter filter, Terms terms) {
        // The settings once for every sample tried: each setting and restoring is a round trip.
        return byTextIndex(h, terms, () -> {
            Sampled sampled = null;
            for (Sample sample : SAMPLES) {
                Query q = h.createQuery(sampleSql(filter, sample));
                filter.bind(q);
                Grouping counted = grouping(q);
                sampled = new Sampled(sample, counted.total(), counted.months(), counted.counts());
                if (sampled.matches() >= SAMPLED || sampled.surelyAtMost(2.0 * rankWindow)) {
                    break;
                }
            }
            return sampled;
        });
    }

    /** The sample's matches by topic, author, kind, year and month, in one pass over all of them. */
    private static String sampleSql(Filter filter, Sample sample) {
        return countsSql(filter.counting() + " AND " + sample.where(), true);
    }

    /**
     * About how many matches an estimate counts: enough for the counts' order and size to hold
     * (the standard error of a count of a thousand is 3 %).
     */
    static final long SAMPLED = 1_000;

    /** The fewest sampled matches from which to judge where the newest matches lie. */
    static final int IN_WINDOW = 8;

    /** How many months back the newest matches may lie for the window to be found by month. */
    static final int RECENT_MONTHS = 36;

    /**
     * An even sample of the documents: one in {@code oneIn} (a power of two), those whose id's
     * hash ends in that many zero bits. The hash spreads an archive's years and topics evenly, so
     * a sample's share of any set of documents is its share of all, give or take chance. Each
     * sample's condition is its own expression, which no other sample's implies: the planner then
     * counts a sample from its own index, not from a denser one it could prove holds it.
     */
    record Sample(int oneIn) {
        /** A condition that the sample's partial text index answers, word for word as V25 names it. */
        String where() {
            return "(hashtext(id) & " + (oneIn - 1) + ") = 0";
        }

        double share() {
            return 1.0 / oneIn;
        }

        String index() {
            return "search_documents_text_1in" + oneIn;
        }
    }

    /**
     * How many standard errors below its estimate a sample's count may be and still be past exact
     * counting: as in the Lucene index, one wrong call in about seven hundred.
     */
    static final double SURE = 3;

    /** The recent months that hold about twice a window of matches, as a tsquery of their facets, and how many they hold. */
    private record Recent(String months, double matches) {}

    /** The matches a sample found: in all, by month ("2026-11", newest first), and by value. */
    private record Sampled(Sample sample, long matches, NavigableMap<String, Long> months, Counts counts) {
        /** How many matches the whole holds, by the sample. */
        double estimate() {
            return Math.max(1, matches) / sample.share();
        }

        /**
         * The months from the newest document's back to the first in which the sample holds
         * about twice {@code window} matches; null when the sample holds too few to tell ({@link
         * #IN_WINDOW}), or they lie further back than {@link #RECENT_MONTHS}, where a bitmap of
         * every match costs little more.
         */
        Recent recent(Handle h, int window) {
            long seen = 0;
            String from = null;
            for (Map.Entry<String, Long> month : months.entrySet()) {
                seen += month.getValue();
                if (seen >= IN_WINDOW && seen / sample.share() >= 2.0 * window) {
                    from = month.getKey();
                    break;
                }
            }
            if (from == null) {
                return null;
            }
            String newest = h.createQuery("SELECT left(max(date), 7) FROM search_documents")
                    .mapTo(String.class)
                    .one();
            YearMonth first = YearMonth.parse(from);
            YearMonth last = YearMonth.parse(newest);
            if (first.plusMonths(RECENT_MONTHS).isBefore(last)) {
                return null;
            }
            List<String> facets = new ArrayList<>();
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                facets.add("'m:" + m + "'");
            }
            return new Recent("(" + String.join(" | ", facets) + ")", seen / sample.share());
        }

        /**
         * Whether the whole surely holds more than {@link SearchResult#EXACT_UP_TO} matches. Each
         * document is in the sample by its hash alone, so the count is binomial: its standard error
         * is the square root of the count times the share left out.
         */
        boolean surelyPast() {
            return (matches - SURE * error()) / sample.share() > SearchResult.EXACT_UP_TO;
        }

        /** Whether the whole surely holds no more than {@code bound} matches; a count of none is taken as one. */
        boolean surelyAtMost(double bound) {
            return (Math.max(1, matches) + SURE * error()) / sample.share() <= bound;
        }

        private double error() {
            return Math.sqrt(Math.max(1, matches) * (1 - sample.share()));
        }

        Tally tally(boolean byValue) {
            double scale = 1 / sample.share();
            long total = Math.max(SearchResult.EXACT_UP_TO + 1, Estimates.rough(matches * scale));
            return new Tally(total, false, byValue ? Estimates.scaled(counts, scale) : Counts.NONE);
        }
    }

    /** How many documents match, exact or estimated, and by value when asked (else {@link Counts#NONE}). */
    private record Tally(long total, boolean exact, Counts counts) {}

    /**
     * The matches of {@code where} counted up to one past {@link SearchResult#EXACT_UP_TO}: by
     * topic, author, kind and year as well when {@code byValue}, in one pass over them.
     */
    private static Tally exact(Handle h, String where, Filter filter, boolean byValue) {
        Query q = h.createQuery(byValue ? countsSql(where, false) : totalSql(where));
        filter.bind(q);
        if (!byValue) {
            long total = q.mapTo(Long.class).one();
            return new Tally(total, total <= SearchResult.EXACT_UP_TO, Counts.NONE);
        }
        Grouping counted = grouping(q);
        return new Tally(counted.total(), counted.total() <= SearchResult.EXACT_UP_TO, counted.counts());
    }

    /** A row of a {@link #countsSql} statement: a value's matches, or a set of authors'. */
    private record Group(String dimension, String value, String[] authors, long n) {}

    /** What a {@link #countsSql} statement counted: the matches in all, and by dimension and value. */
    private record Grouping(long total, Map<String, Map<String, Long>> by) {
        Counts counts() {
            return new Counts(mostFirst("topic"), mostFirst("author"), mostFirst("kind"), mostFirst("year"));
        }

        /** By month ("2026-11"), newest first: a sample's only. */
        NavigableMap<String, Long> months() {
            NavigableMap<String, Long> months = new TreeMap<>(Comparator.reverseOrder());
            months.putAll(by.getOrDefault("month", Map.of()));
            return months;
        }

        private List<Count> mostFirst(String dimension) {
            return Count.mostFirst(by.getOrDefault(dimension, Map.of()));
        }
    }

    /**
     * Reads a {@link #countsSql} statement. Authors are grouped by each story's set of them, and
     * each author of a set counts the set's matches; a match without a topic counts under none.
     */
    private static Grouping grouping(Query q) {
        List<Group> rows = q.map((rs, ctx) -> {
                    Array authors = rs.getArray("authors");
                    return new Group(
                            rs.getString("dimension"),
                            rs.getString("value"),
                            authors == null ? null : (String[]) authors.getArray(),
                            rs.getLong("n"));
                })
                .list();
        long total = 0;
        Map<String, Map<String, Long>> by = new HashMap<>();
        for (Group row : rows) {
            if (row.dimension().equals("total")) {
                total = row.n();
                continue;
            }
            Map<String, Long> values = by.computeIfAbsent(row.dimension(), k -> new HashMap<>());
            if (row.authors() != null) {
                for (String author : row.authors()) {
                    values.merge(author, row.n(), Long::sum);
                }
            } else if (row.value() != null) {
                values.merge(row.value(), row.n(), Long::sum);
            }
        }
        return new Grouping(total, by);
    }

    private static String totalSql(String where) {
        return "SELECT count(*) FROM (SELECT 1 FROM search_documents WHERE " + where + " LIMIT "
                + (SearchResult.EXACT_UP_TO + 1) + ") m";
    }

    /**
     * Counts the matches of {@code where} by topic, author, kind and year, and in all ("total"):
     * the first one past {@link SearchResult#EXACT_UP_TO}, or, in a {@code sample}, every one,
     * and by month as well.
     */
    private static String countsSql(String where, boolean sample) {
        // Grouping sets count every dimension in one pass over the matches, a hash table each: half
        // the time of a pass a dimension over a materialized list of them. Authors grouped by
        // their sets need no unnest.
        return "SELECT CASE WHEN grouping(topic_id) = 0 THEN 'topic' WHEN grouping(author_ids) = 0 THEN 'author' "
                + "WHEN grouping(kind) = 0 THEN 'kind' WHEN grouping(year) = 0 THEN 'year' "
                + (sample ? "WHEN grouping(month) = 0 THEN 'month' " : "")
                + "ELSE 'total' END AS dimension, coalesce(topic_id, kind, year"
                + (sample ? ", month" : "") + ") AS value, author_ids AS authors, count(*) AS n "
                + "FROM (SELECT topic_id, author_ids, kind, left(date, 4) AS year, left(date, 7) AS month "
                + "FROM search_documents WHERE " + where
                + (sample ? "" : " LIMIT " + (SearchResult.EXACT_UP_TO + 1)) + ") m "
                + "GROUP BY GROUPING SETS ((topic_id), (author_ids), (kind), (year), " + (sample ? "(month), " : "")
                + "())";
    }

    @Override
    public List<Similar> similar(String id, Words words, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return db.handle(h -> {
            // A word counts by how often the document uses it and how few documents do: the words
            // that make it this story rather than any story. Words of this document alone find nothing.
            String query = h.createQuery(
                            "WITH n AS (SELECT CASE WHEN reltuples < 10000 THEN (SELECT count(*) FROM search_documents) "
                                    + "ELSE reltuples END AS docs FROM pg_class WHERE oid = 'search_documents'::regclass), "
                                    + "t AS (SELECT u.lexeme, coalesce(cardinality(u.positions), 1) AS tf "
                                    + "FROM search_documents d, unnest(d.search) u WHERE d.id = :id AND d.live), "
                                    + "w AS (SELECT lexeme, sum(ndoc) AS ndoc FROM search_words "
                                    + "WHERE lexeme IN (SELECT lexeme FROM t) GROUP BY lexeme) "
                                    + "SELECT string_agg(quote_literal(lexeme), ' | ') FROM (SELECT t.lexeme FROM t "
                                    + "JOIN w ON w.lexeme = t.lexeme, n WHERE w.ndoc > 1 "
                                    + "ORDER BY t.tf * ln(greatest(n.docs, w.ndoc) / w.ndoc + 1) DESC, t.lexeme "
                                    + "LIMIT 12) k")
                    .bind("id", id)
                    .mapTo(String.class)
                    .findOne()
                    .orElse(null);
            if (query == null) {
                return List.of();
            }
            return h.createQuery("WITH c AS MATERIALIZED (SELECT id FROM search_documents "
                            + "WHERE live AND search @@ :q::tsquery AND id <> :id ORDER BY date DESC, id DESC LIMIT "
                            + rankWindow + ") SELECT id, ts_rank(" + WEIGHTS + ", search, :q::tsquery)"
                            + " AS score FROM (SELECT d.id, d.search FROM c JOIN search_documents d "
                            + "ON d.id = c.id) w ORDER BY score DESC, id LIMIT :limit")
                    .bind("q", query)
                    .bind("id", id)
                    .bind("limit", limit)
                    .map((rs, ctx) -> new Similar(rs.getString("id"), rs.getDouble("score")))
                    .list();
        });
    }

    @Override
    public Stats stats() {
        return db.handle(h -> h.createQuery(
                        "SELECT (SELECT count(*) FROM search_documents) AS documents, "
                                + "pg_total_relation_size('search_documents') + pg_total_relation_size('search_words') AS bytes")
                .map((rs, ctx) -> new Stats(rs.getLong("documents"), rs.getLong("bytes")))
                .one());
    }

    @Override
    public void close() {
        // The database belongs to the caller; a rebuild left open drops its own copy when closed.
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
                return null;
            });
        }

        @Override
        public void add(List<SearchDocument> documents) {
            if (finished) {
                throw new IllegalStateException("The rebuild is finished");
            }
            List<SearchDocument> batch = List.copyOf(documents);
            writers.submit(() -> {
                // Split before the transaction, which then holds its connection for the writes alone.
                SurfaceWords.Counts counted = new SurfaceWords.Counts();
                batch.forEach(d -> counted.add(surface(d)));
                write(batch, counted.toMap());
            });
        }

        private void write(List<SearchDocument> batch, Map<String, Integer> counted) {
            db.inTransaction(() -> db.handle(h -> {
                load(h, "search_documents_next", batch);
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
            // Indexes built once over the loaded rows cost far less than kept up row by row. They
            // are built side by side, a connection a core, the largest first, with the vocabulary:
            // one after another they took a sixth of rebuilding a million stories.
            try (Workers builders = Workers.perCore("lede-search-rebuild-index")) {
                INDEXES.forEach((name, definition) -> builders.submit(() -> sorting(
                        h -> h.execute("CREATE INDEX " + name + "_next ON search_documents_next " + definition))));
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
                h.execute("DROP TABLE search_documents");
                h.execute("DROP TABLE search_words");
                h.execute("ALTER TABLE search_documents_next RENAME TO search_documents");
                h.execute("ALTER TABLE search_documents RESET (" + String.join(", ", LOADING) + ")");
                h.execute("ALTER TABLE search_words_next RENAME TO search_words");
                h.execute("ALTER INDEX search_documents_next_pkey RENAME TO search_documents_pkey");
                h.execute("ALTER INDEX search_words_next_pkey RENAME TO search_words_pkey");
                INDEXES.keySet().forEach(name -> h.execute("ALTER INDEX " + name + "_next RENAME TO " + name));
                WORD_INDEXES.keySet().forEach(name -> h.execute("ALTER INDEX " + name + "_next RENAME TO " + name));
                h.createUpdate("UPDATE search_position SET seq = :seq")
                        .bind("seq", throughSeq)
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
            h.execute("DROP TABLE IF EXISTS search_documents_next");
            h.execute("DROP TABLE IF EXISTS search_words_next");
            h.execute("DROP TABLE IF EXISTS search_words_staged");
        }
    }

    private record Row(String id, String date, double score) {}

    private record Window(Row row, int size, String oldest) {}

    /** A place in date order: the last hit of a page. */
    private record Key(String date, String id) {}

    /**
     * Where the next page starts: after a score and id within the ranked window (score is a
     * number), or after a date and id in date order (score is NaN); ref fixes the recency boost.
     */
    private record Cursor(long ref, double score, Key key) {
        boolean ranked() {
            return !Double.isNaN(score);
        }

        String encode() {
            String text = ref + "|" + (ranked() ? Double.toString(score) : "") + "|" + key.date() + "|" + key.id();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String cursor) {
            if (cursor == null) {
                return null;
            }
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = text.split("\\|", 4);
                if (parts.length != 4 || parts[3].isEmpty()) {
                    throw new IllegalArgumentException("parts");
                }
                long ref = Long.parseLong(parts[0]);
                double score = parts[1].isEmpty() ? Double.NaN : Double.parseDouble(parts[1]);
                if (Double.isInfinite(score) || parts[2].length() != DATE_WIDTH) {
                    throw new IllegalArgumentException("score or date");
                }
                Times.parse(parts[2]);
                return new Cursor(ref, score, new Key(parts[2], parts[3]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new ValidationException("after", "This link to a page of results is broken: search again.");
            }
        }
    }

    /**
     * The WHERE clause of a search: its scope, its filters and its text, with the values to bind;
     * {@code counting} is the same condition written for the statements that count matches (a
     * sample's too), {@code within} for the matches in the months of {@link #facets(String)},
     * bound as :within, and {@code facets} the tsquery parts of the filters that V24's facets
     * answer in the text index.
     */
    private record Filter(
            String sql,
            String counting,
            String within,
            List<String> facets,
            Map<String, Object> values,
            Map<String, Collection<String>> arrays) {
        static Filter of(SearchQuery query, Terms terms) {
            List<String> where = new ArrayList<>();
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, Collection<String>> arrays = new LinkedHashMap<>();
            List<String> facets = new ArrayList<>();
            if (query.scope() == SearchQuery.Scope.READERS) {
                where.add("live");
            } else {
                if (!query.statuses().isEmpty()) {
                    where.add("status = ANY(:statuses)");
                    arrays.put("statuses", query.statuses());
                }
                if (query.createdBy() != null) {
                    where.add("created_by = :createdBy");
                    values.put("createdBy", query.createdBy());
                }
            }
            if (!query.topicIds().isEmpty()) {
                where.add("topic_id = ANY(:topicIds)");
                arrays.put("topicIds", query.topicIds());
                facets.add(facet("t:", query.topicIds()));
            }
            if (!query.authorIds().isEmpty()) {
                where.add("author_ids && :authorIds::text[]");
                arrays.put("authorIds", query.authorIds());
            }
            if (!query.kinds().isEmpty()) {
                where.add("kind = ANY(:kinds)");
                arrays.put("kinds", query.kinds());
                facets.add(facet("k:", query.kinds()));
            }
            if (query.from() != null) {
                where.add("date >= :from");
                values.put("from", Times.format(query.from()));
            }
            if (query.to() != null) {
                where.add("date < :to");
                values.put("to", Times.format(query.to()));
            }
            String sql = where.isEmpty() ? "TRUE" : String.join(" AND ", where);
            if (terms.all()) {
                return new Filter(sql, sql, sql, List.of(), values, arrays);
            }
            String text = terms.column() + " @@ :q::tsquery";
            values.put("q", terms.query());
            // The other conditions as one boolean value, which no index can answer: counting then
            // has the text index's bitmap alone to find matches (see byTextIndex), narrowed in the
            // index by the facets of V24 where the words are in the column it indexes with them.
            String rest = " AND coalesce(" + sql + ", false)";
            String counting = text + rest;
            if (terms.sampled() && !facets.isEmpty()) {
                values.put("facets", String.join(" & ", facets));
                counting = text + " AND facets @@ :facets::tsquery" + rest;
            }
            String within = text + " AND facets @@ :within::tsquery" + rest;
            return new Filter(sql + " AND " + text, counting, within, List.copyOf(facets), values, arrays);
        }

        /** The facets of any one of {@code values}, each after {@code prefix}. */
        private static String facet(String prefix, Collection<String> values) {
            return "("
                    + String.join(
                            " | ",
                            values.stream()
                                    .sorted()
                                    .map(v -> Terms.quote(prefix + v))
                                    .toList()) + ")";
        }

        /** This filter's facets and {@code months}, as a tsquery. */
        String facets(String months) {
            List<String> all = new ArrayList<>(facets);
            all.add(months);
            return String.join(" & ", all);
        }

        /** Binds the values: :facets among them, which only the statements that count with it name. */
        void bind(Query q) {
            q.configure(SqlStatements.class, c -> c.setUnusedBindingAllowed(true));
            values.forEach(q::bind);
            arrays.forEach((name, array) -> q.bindArray(name, String.class, array));
        }
    }

    /**
     * The text of a search as tsqueries built from lexemes PostgreSQL's parser produced, never from
     * the typed text: {@code query} holds each word or its near-spellings, {@code exact} the words
     * as typed, which a document matching them scores extra for. A text of stop words only ("of
     * and") is matched against the headline's every word instead ({@code column} title_words).
     */
    private record Terms(boolean all, String column, String config, String query, String exact, boolean fuzzy) {
        boolean nothing() {
            return !all && query.isEmpty();
        }

        /** Whether the samples' partial indexes answer this search: they index the search column. */
        boolean sampled() {
            return !all && column.equals("search");
        }

        static Terms of(Handle h, QueryText text) {
            if (text.blank()) {
                return new Terms(true, "search", "english", "", "", false);
            }
            List<String> parts = new ArrayList<>();
            List<String> exactParts = new ArrayList<>();
            boolean fuzzy = false;
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
                fuzzy |= spellings.size() > word.lexemes().size();
                parts.add(or(spellings));
                exactParts.add(or(word.lexemes()));
            }
            phrases(h, "english", text.phrases()).forEach(phrase -> {
                parts.add(phrase);
                exactParts.add(phrase);
            });
            if (parts.isEmpty()) {
                return stopWords(h, text);
            }
            return new Terms(
                    false, "search", "english", String.join(" & ", parts), String.join(" & ", exactParts), fuzzy);
        }

        /** Every word of the headline as written, for a text that names nothing but stop words. */
        private static Terms stopWords(Handle h, QueryText text) {
            List<String> parts = new ArrayList<>();
            if (!text.words().isEmpty()) {
                h.createQuery("SELECT lower(w) FROM unnest(:words) AS t(w)")
                        .bindArray("words", String.class, text.words())
                        .mapTo(String.class)
                        .forEach(w -> parts.add(quote(w)));
            }
            parts.addAll(phrases(h, "simple", text.phrases()));
            String query = String.join(" & ", parts);
            return new Terms(false, "title_words", "simple", query, query, false);
        }

        private static List<String> phrases(Handle h, String config, List<String> phrases) {
            if (phrases.isEmpty()) {
                return List.of();
            }
            return h
                    .createQuery("SELECT phraseto_tsquery(:config::regconfig, p)::text FROM unnest(:phrases) AS t(p)")
                    .bind("config", config)
                    .bindArray("phrases", String.class, phrases)
                    .mapTo(String.class)
                    .stream()
                    .filter(phrase -> !phrase.isBlank())
                    .map(phrase -> "(" + phrase + ")")
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

        /** The relevance of a row: its rank with the headline weighing most, times the recency boost. */
        String score() {
            String rank = "ts_rank_cd(" + WEIGHTS + ", " + column + ", :q::tsquery, 1)";
            if (fuzzy) {
                rank = "(" + rank + " + ts_rank_cd(" + WEIGHTS + ", " + column + ", :exact::tsquery, 1))";
            }
            return rank + " * " + DECAY;
        }

        void bind(Query q) {
            if (!all) {
                q.bind("q", query);
                if (fuzzy) {
                    q.bind("exact", exact);
                }
            }
        }
    }

    /** A word of the query: its lexemes as typed (none for a stop word) and its near-spellings. */
    private record Word(List<String> lexemes, List<Near> near) {}

    private record Near(String lexeme, int distance, long documents) {}
}
