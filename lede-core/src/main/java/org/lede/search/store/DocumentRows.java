package org.lede.search.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.lede.db.Times;
import org.lede.search.SearchDocument;

/**
 * Search documents as rows of search_documents, written by a save and by a rebuild alike: their
 * stored columns, and the search vectors made in Lede ({@link SearchVectors}) or, for the texts
 * it cannot read token for token, parsed by PostgreSQL as the row goes in.
 */
final class DocumentRows {
    private static final String COLUMNS = "id, type, headline, dek, lead_ins, body, topic_id, topic_name, tags, "
            + "author_ids, author_names, names, kind, status, live, created_by, date, ordinal";

    /**
     * The columns whose words as written ({@link SurfaceWords}) make the vocabulary in which typos
     * find their words. Typos are measured on words, not lexemes: "electoin" is one typo from
     * "election", but far from its lexeme "elect".
     */
    static final String SURFACE_COLUMNS = "headline, dek, lead_ins, body, topic_name, tags, author_names";

    private final SearchVectors vectors = new SearchVectors();

    /** Drops NUL, which PostgreSQL text cannot hold. */
    static String clean(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }

    /** The text of {@code d}'s {@link #SURFACE_COLUMNS} as a row stores them. */
    static String surface(SearchDocument d) {
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

    /**
     * The longest search vector, in bytes as stored, kept in its row (V31's {@code search}, PLAIN,
     * so a phrase check reads it with the row); a longer one goes out of line in {@code
     * search_long}. A row must fit a page of 8 kB, and the rest of it takes a few hundred bytes,
     * a few more for a long byline: the keys, the facets, and the texts (V32) or, when the row
     * would not fit a page with them, pointers to them out of line.
     */
    static final int IN_ROW = 6000;

    /**
     * A document's search vector, wherever its row keeps it (V31), for statements that read it:
     * they name the documents' table {@code d}.
     */
    static final String VECTOR = "coalesce(d.search, d.search_long)";

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
    record Prepared(SearchDocument document, String[] columns, String[] weighed, SearchVectors.Made made) {}

    /**
     * The documents as rows, the last of an id standing for it, as if each were stored in turn,
     * each with its ordinal from {@code ordinals}.
     */
    List<Prepared> prepare(Handle h, List<SearchDocument> documents, Map<String, Integer> ordinals) {
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
    static void upsert(Handle h, String table, List<Prepared> rows) {
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
        Update insert = h.createUpdate("INSERT INTO " + table + " (" + COLUMNS
                + ", search, search_long, title_words) "
                + "SELECT id, type, headline, dek, lead_ins, body, topic_id, topic_name, tags, "
                + "string_to_array(author_ids, chr(31)), author_names, names, kind, status, live, created_by, date, "
                + "CAST(ordinal AS integer), CASE WHEN pg_column_size(v) <= " + IN_ROW + " THEN v END, "
                + "CASE WHEN pg_column_size(v) > " + IN_ROW + " THEN v END, "
                + "coalesce(CAST(vt AS tsvector), to_tsvector('simple'::regconfig, tt)) "
                + "FROM unnest("
                + String.join(", ", Stream.of(ARRAYS).map(c -> ":" + c).toList()) + ", :live) "
                + "AS u(" + String.join(", ", ARRAYS) + ", live), LATERAL (SELECT " + SEARCH_VECTOR + " AS v) s "
                + "ON CONFLICT (id) DO UPDATE SET "
                + "type = excluded.type, headline = excluded.headline, dek = excluded.dek, "
                + "lead_ins = excluded.lead_ins, body = excluded.body, topic_id = excluded.topic_id, "
                + "topic_name = excluded.topic_name, tags = excluded.tags, author_ids = excluded.author_ids, "
                + "author_names = excluded.author_names, names = excluded.names, kind = excluded.kind, "
                + "status = excluded.status, live = excluded.live, created_by = excluded.created_by, "
                + "date = excluded.date, ordinal = excluded.ordinal, search = excluded.search, "
                + "search_long = excluded.search_long, "
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
    static void load(Handle h, String table, List<Prepared> rows) {
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
            copy.row(FIRST_VECTOR + 4);
            for (int k = 0; k < FIRST_VECTOR; k++) {
                if (k == AUTHOR_IDS) {
                    copy.texts(row.document().authorIds());
                } else if (k == ORDINAL) {
                    copy.integer(Integer.parseInt(c[k]));
                } else {
                    copy.text(c[k]);
                }
            }
            copy.bool(row.document().live());
            if (search.stored() <= IN_ROW) {
                copy.tsvector(search).nul();
            } else {
                copy.nul().tsvector(search);
            }
            copy.tsvector(titleWords);
        }
        if (copy.rows() > 0) {
            copy.into(h, table, COPIED);
        }
        upsert(h, table, parsedThere);
    }

    /** The columns {@link #load} copies, in its order: the stored ones of {@link #ARRAYS}, then live and the vectors. */
    private static final String COPIED =
            String.join(", ", List.of(ARRAYS).subList(0, FIRST_VECTOR)) + ", live, search, search_long, title_words";

    /** Where the author ids stand in {@link #ARRAYS}: copied as an array, not joined. */
    private static final int AUTHOR_IDS = List.of(ARRAYS).indexOf("author_ids");

    /** Where the ordinal stands in {@link #ARRAYS}: copied as an integer. */
    private static final int ORDINAL = List.of(ARRAYS).indexOf("ordinal");

    /**
     * The lexemes of {@code rows}, stored in {@code table}: those of vectors made here are at hand,
     * the few that PostgreSQL parsed are read back as stored.
     */
    static List<BlockStore.Posted> posted(Handle h, String table, List<Prepared> rows, Map<String, Integer> ordinals) {
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
}
