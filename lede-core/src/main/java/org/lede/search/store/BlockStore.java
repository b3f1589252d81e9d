package org.lede.search.store;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.lede.search.SearchDocument;
import org.lede.search.store.BlockDictionary.Dimension;

/**
 * Writes the postings and columns of {@link PostgresSearchIndex} (V29): a lexeme's postings as one
 * row a block of ordinals ({@link PostingBlock}), a block's columns as one row ({@link ColumnBlock}
 * and its {@link BlockDictionary}). An apply rewrites each row its batch touches once; a rebuild
 * collects each block whole ({@link Building}) and copies it in.
 */
final class BlockStore {
    /** What headline words as written are kept after: no lexeme holds it, so they are a vocabulary of their own. */
    static final String TITLE = "\u0001";

    /** How many bits of an ordinal number its place in a block: a block holds 2^bits ordinals. */
    private final int bits;

    BlockStore(int bits) {
        if (bits < 6 || bits > 16) {
            throw new IllegalArgumentException("A block holds 2^6 to 2^16 ordinals, not 2^" + bits);
        }
        this.bits = bits;
    }

    int size() {
        return 1 << bits;
    }

    int block(int ordinal) {
        return ordinal >>> bits;
    }

    int offset(int ordinal) {
        return ordinal & (size() - 1);
    }

    /** A document's lexemes, each with its highest weight class, and its headline's words after {@link #TITLE}. */
    record Posted(int ordinal, Map<String, Integer> classes) {}

    /**
     * The lexemes of a document whose vectors were all made here, as {@link #stored} reads them back
     * once stored; null when PostgreSQL makes one of them.
     */
    static Map<String, Integer> classes(SearchVectors.Made made) {
        SearchVectors.Tsvector search = made.search();
        SearchVectors.Tsvector title = made.titleWords();
        if (search == null || title == null) {
            return null;
        }
        Map<String, Integer> classes = HashMap.newHashMap(search.lexemes().length + title.lexemes().length);
        for (int i = 0; i < search.lexemes().length; i++) {
            int best = PostingBlock.NAMES;
            for (int position : search.positions()[i]) {
                best = Math.max(best, position >>> 14);
            }
            classes.put(new String(search.lexemes()[i], StandardCharsets.UTF_8), best);
        }
        for (byte[] word : title.lexemes()) {
            classes.put(TITLE + new String(word, StandardCharsets.UTF_8), PostingBlock.HEADLINE);
        }
        return classes;
    }

    /** The lexemes of the documents {@code ids} as {@code table} holds them. */
    static List<Posted> stored(Handle h, String table, Collection<String> ids) {
        Map<Integer, Map<String, Integer>> byOrdinal = new TreeMap<>();
        h.createQuery("SELECT d.ordinal, u.lexeme, u.weights::text[] AS weights FROM " + table
                        + " d, unnest(" + DocumentRows.VECTOR
                        + ") u WHERE d.id = ANY(:ids) UNION ALL SELECT d.ordinal, chr(1) || u.lexeme, "
                        + "NULL FROM " + table + " d, unnest(d.title_words) u WHERE d.id = ANY(:ids)")
                .bindArray("ids", String.class, ids)
                .map((rs, ctx) -> {
                    Array weights = rs.getArray("weights");
                    int best = PostingBlock.HEADLINE;
                    if (weights != null) {
                        best = PostingBlock.NAMES;
                        for (String w : (String[]) weights.getArray()) {
                            best = Math.max(best, 'D' - w.charAt(0));
                        }
                    }
                    byOrdinal
                            .computeIfAbsent(rs.getInt("ordinal"), k -> new HashMap<>())
                            .put(rs.getString("lexeme"), best);
                    return null;
                })
                .list();
        List<Posted> out = new ArrayList<>();
        byOrdinal.forEach((ordinal, classes) -> out.add(new Posted(ordinal, classes)));
        return out;
    }

    private record Key(String lexeme, int block) {}

    /**
     * Rewrites the postings rows in {@code table} that the change touches, each once: the
     * documents {@code gone} held go out, then those {@code added} hold come in.
     */
    void change(Handle h, String table, List<Posted> gone, List<Posted> added) {
        Map<Key, Map<Integer, Integer>> edits = new LinkedHashMap<>();
        for (Posted p : gone) {
            p.classes()
                    .keySet()
                    .forEach(lexeme -> edits.computeIfAbsent(new Key(lexeme, block(p.ordinal())), k -> new HashMap<>())
                            .put(offset(p.ordinal()), -1));
        }
        for (Posted p : added) {
            p.classes()
                    .forEach((lexeme, weight) -> edits.computeIfAbsent(
                                    new Key(lexeme, block(p.ordinal())), k -> new HashMap<>())
                            .put(offset(p.ordinal()), weight));
        }
        if (edits.isEmpty()) {
            return;
        }
        List<String> lexemes = edits.keySet().stream().map(Key::lexeme).toList();
        List<Integer> blocks = edits.keySet().stream().map(Key::block).toList();
        Map<Key, PostingBlock> rows = new HashMap<>();
        h.createQuery("SELECT p.lexeme, p.block, p.n, p.ords, p.classes FROM " + table
                        + " p JOIN unnest(:lexemes, :blocks) AS k(lexeme, block) "
                        + "ON p.lexeme = k.lexeme AND p.block = k.block")
                .bindArray("lexemes", String.class, lexemes)
                .bindArray("blocks", Integer.class, blocks)
                .map((rs, ctx) -> rows.put(
                        new Key(rs.getString("lexeme"), rs.getInt("block")),
                        PostingBlock.decode(size(), rs.getInt("n"), rs.getBytes("ords"), rs.getBytes("classes"))))
                .list();
        // A saved story mostly keeps its words: only the rows whose postings differ are written.
        List<String> changedLexemes = new ArrayList<>();
        List<Integer> changedBlocks = new ArrayList<>();
        BinaryCopy copy = new BinaryCopy();
        edits.forEach((key, offsets) -> {
            PostingBlock was = rows.get(key);
            PostingBlock block = was == null ? PostingBlock.empty(size()) : was;
            for (Map.Entry<Integer, Integer> e : offsets.entrySet()) {
                block = e.getValue() < 0 ? block.without(e.getKey()) : block.with(e.getKey(), e.getValue());
            }
            if (was != null && same(was, block)) {
                return;
            }
            changedLexemes.add(key.lexeme());
            changedBlocks.add(key.block());
            if (block.count() > 0) {
                postingRow(copy, key.lexeme(), key.block(), block);
            }
        });
        if (changedLexemes.isEmpty()) {
            return;
        }
        h.createUpdate("DELETE FROM " + table + " p USING unnest(:lexemes, :blocks) AS k(lexeme, block) "
                        + "WHERE p.lexeme = k.lexeme AND p.block = k.block")
                .bindArray("lexemes", String.class, changedLexemes)
                .bindArray("blocks", Integer.class, changedBlocks)
                .execute();
        if (copy.rows() > 0) {
            copy.into(h, table, POSTING_COLUMNS);
        }
    }

    /** Whether two blocks hold the same postings of the same classes, as stored. */
    private static boolean same(PostingBlock a, PostingBlock b) {
        return a.count() == b.count()
                && Arrays.equals(a.ordinals(), b.ordinals())
                && Arrays.equals(a.classes(), b.classes());
    }

    private static final String POSTING_COLUMNS = "lexeme, block, n, ords, classes";

    private static void postingRow(BinaryCopy copy, String lexeme, int block, PostingBlock postings) {
        copy.row(5)
                .text(lexeme)
                .integer(block)
                .integer(postings.count())
                .bytea(postings.ordinals())
                .bytea(postings.classes());
    }

    /**
     * Rewrites the column rows in {@code table} that the change touches, each once, with new
     * versions: the documents at {@code removed} go out, then {@code put} come in by ordinal.
     */
    void columns(Handle h, String table, Collection<Integer> removed, Map<Integer, SearchDocument> put) {
        Map<Integer, List<Integer>> gone = new TreeMap<>();
        removed.forEach(
                o -> gone.computeIfAbsent(block(o), k -> new ArrayList<>()).add(o));
        Map<Integer, Map<Integer, SearchDocument>> coming = new TreeMap<>();
        put.forEach((o, d) ->
                coming.computeIfAbsent(block(o), k -> new LinkedHashMap<>()).put(o, d));
        List<Integer> touched = new ArrayList<>(gone.keySet());
        coming.keySet().stream().filter(b -> !gone.containsKey(b)).forEach(touched::add);
        if (touched.isEmpty()) {
            return;
        }
        Map<Integer, Columns> stored = new HashMap<>();
        h.createQuery("SELECT block, codes, data FROM " + table + " WHERE block = ANY(:blocks)")
                .bindArray("blocks", Integer.class, touched)
                .map((rs, ctx) -> stored.put(rs.getInt("block"), Columns.read(rs)))
                .list();
        List<Written> written = new ArrayList<>();
        for (int b : touched) {
            Columns was = stored.get(b);
            BlockDictionary dictionary = was == null ? new BlockDictionary() : was.dictionary();
            ColumnBlock.Builder edit = (was == null ? ColumnBlock.empty(size()) : was.block()).edit();
            gone.getOrDefault(b, List.of()).forEach(o -> edit.remove(offset(o)));
            coming.getOrDefault(b, Map.of()).forEach((o, d) -> edit.put(offset(o), facts(dictionary, d)));
            ColumnBlock built = edit.build();
            // Saved with the same columns, a block keeps its row and its version, and no node reloads
            // it. A value new to the dictionary is one a document now has, so its block differs too.
            if (was == null || !Arrays.equals(was.block().encode(), built.encode())) {
                written.add(new Written(b, built, dictionary));
            }
        }
        if (written.isEmpty()) {
            return;
        }
        h.createUpdate("DELETE FROM " + table + " WHERE block = ANY(:blocks)")
                .bindArray(
                        "blocks",
                        Integer.class,
                        written.stream().map(Written::block).toList())
                .execute();
        writeColumns(h, table, written);
    }

    /** A block's columns and the values their codes stand for. */
    record Columns(ColumnBlock block, BlockDictionary dictionary) {
        /** The columns of a row of search_columns, from its {@code data} and {@code codes}. */
        static Columns read(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new Columns(ColumnBlock.decode(rs.getBytes("data")), BlockDictionary.of((String[])
                    rs.getArray("codes").getArray()));
        }
    }

    private record Written(int block, ColumnBlock columns, BlockDictionary dictionary) {}

    private static void writeColumns(Handle h, String table, List<Written> rows) {
        if (rows.isEmpty()) {
            return;
        }
        h.createUpdate("INSERT INTO " + table + " (block, version, codes, data) "
                        + "SELECT b, nextval('search_column_versions'), CAST(c AS text[]), decode(d, 'base64') "
                        + "FROM unnest(:blocks, :codes, :data) AS u(b, c, d)")
                .bindArray(
                        "blocks",
                        Integer.class,
                        rows.stream().map(Written::block).toList())
                .bindArray(
                        "codes",
                        String.class,
                        rows.stream()
                                .map(w -> literal(w.dictionary().entries()))
                                .toList())
                .bindArray(
                        "data",
                        String.class,
                        rows.stream()
                                .map(w -> java.util.Base64.getEncoder()
                                        .encodeToString(w.columns().encode()))
                                .toList())
                .execute();
    }

    /** A text array's literal, every element quoted. */
    private static String literal(String[] values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"');
            String v = values[i];
            for (int c = 0; c < v.length(); c++) {
                char ch = v.charAt(c);
                if (ch == '"' || ch == '\\') {
                    out.append('\\');
                }
                out.append(ch);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    /** What the columns keep of {@code d}, its values coded in {@code dictionary}. */
    static ColumnBlock.Facts facts(BlockDictionary dictionary, SearchDocument d) {
        int[] authors = new int[d.authorIds().size()];
        for (int i = 0; i < authors.length; i++) {
            authors[i] = dictionary.code(Dimension.AUTHOR, d.authorIds().get(i));
        }
        return new ColumnBlock.Facts(
                d.live(),
                dictionary.code(Dimension.STATUS, d.status()),
                dictionary.code(Dimension.CREATOR, d.createdBy()),
                dictionary.code(Dimension.TOPIC, d.topicId()),
                dictionary.code(Dimension.KIND, d.kind()),
                d.date().getEpochSecond(),
                Arrays.stream(authors).distinct().toArray());
    }

    /**
     * A rebuild's blocks while documents come in, from several threads and in any order: each
     * block is copied in whole once every ordinal given out in it has come ({@link #add}),
     * so memory holds the few blocks in flight, not the archive.
     */
    final class Building {
        private final String postings;
        private final String columns;
        private final Map<Integer, Open> open = new HashMap<>();
        private int given;

        Building(String postings, String columns) {
            this.postings = postings;
            this.columns = columns;
        }

        /** Gives out the next {@code n} ordinals, the first returned. */
        synchronized int ordinals(int n) {
            int first = given;
            given += n;
            return first;
        }

        synchronized int given() {
            return given;
        }

        /** One block being collected: each lexeme's postings, in any order. */
        private final class Open {
            final Map<String, Collected> postings = new HashMap<>();
            final ColumnBlock.Builder columns = ColumnBlock.empty(size()).edit();
            final BlockDictionary dictionary = new BlockDictionary();
            int arrived;

            void add(Posted p, SearchDocument d) {
                int offset = offset(p.ordinal());
                p.classes()
                        .forEach((lexeme, weight) -> postings.computeIfAbsent(lexeme, k -> new Collected())
                                .add(offset << 2 | weight));
                columns.put(offset, facts(dictionary, d));
                arrived++;
            }
        }

        /** A lexeme's postings in a block as they came, each its offset and class in one int. */
        private static final class Collected {
            int[] items = new int[4];
            int size;

            void add(int posting) {
                if (size == items.length) {
                    items = Arrays.copyOf(items, size * 2);
                }
                items[size++] = posting;
            }
        }

        /** Adds documents that were given ordinals; returns the blocks they complete, to {@link #write}. */
        synchronized List<Integer> add(List<Posted> posted, Map<Integer, SearchDocument> documents) {
            List<Integer> complete = new ArrayList<>();
            for (Posted p : posted) {
                int b = block(p.ordinal());
                Open block = open.computeIfAbsent(b, k -> new Open());
                block.add(p, documents.get(p.ordinal()));
                if (block.arrived == size()) {
                    complete.add(b);
                }
            }
            return complete;
        }

        /** The blocks still open: at the end, every ordinal given has come, and these are the last. */
        synchronized List<Integer> remaining() {
            return List.copyOf(new TreeMap<>(open).keySet());
        }

        /** Copies block {@code b} in, and forgets it. */
        void write(Handle h, int b) {
            Open block;
            synchronized (this) {
                block = open.remove(b);
            }
            if (block == null) {
                return;
            }
            BinaryCopy copy = new BinaryCopy();
            block.postings.forEach((lexeme, collected) -> {
                int[] list = collected.items;
                Arrays.sort(list, 0, collected.size);
                PostingBlock.Builder builder = new PostingBlock.Builder(size());
                for (int i = 0; i < collected.size; i++) {
                    builder.add(list[i] >>> 2, list[i] & 3);
                }
                postingRow(copy, lexeme, b, builder.build());
            });
            if (copy.rows() > 0) {
                copy.into(h, postings, POSTING_COLUMNS);
            }
            writeColumns(h, columns, List.of(new Written(b, block.columns.build(), block.dictionary)));
        }
    }
}
