package org.lede.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feasibility prototype for issue 11, not the product: can PostgreSQL full text search answer
 * at a million stories within 20 ms if PostgreSQL keeps each lexeme's postings as compact blocks
 * and the node matches, counts and ranks them in memory, instead of visiting a heap row per match?
 *
 * <p>It numbers search_documents' rows by id (ordinals), and writes, from their own search vectors,
 * one row of {@code proto_postings} for each lexeme and block of 65,536 ordinals: the ordinals as a
 * bitmap (more than a sixteenth of the block) or as 16-bit offsets, and each posting's weight class (headline,
 * dek and lead-ins, body, names) in two bits. It keeps the documents' live flag, topic, kind, date,
 * authors and recency weight in memory, with per-block bitmaps of the first three. A query then
 * takes its lexemes and near spellings from PostgreSQL, fetches their rows in one statement, and
 * here: intersects the blocks' bitmaps with the filters' (exact total by popcount); counts by topic,
 * kind, year and author every match up to 10,000, else one bitmap word in sixteen (an estimate, as
 * the product's indexes make past that); ranks by idf times weight class times recency, newest
 * blocks first, skipping a block whose best possible score cannot enter the page. A phrase's best
 * 30 candidates and an even sample of 50 are checked by PostgreSQL ({@code search @@ query}) in one
 * statement, and its total is estimated from the sample. The page's snippets come from
 * ts_headline, as the product's do.
 *
 * <p>Left out, and needed by the product: keeping the rows current as stories change, the
 * newsroom's scope and roles, author and end-date filters, keyset paging, typo rules as the index's
 * own, and loading the columns without reading the whole table at start.
 *
 * <p>With {@code -Dwrites=N} it first rewrites the rows of N documents spread over the archive, one
 * transaction each, as applying a changed story would (every row of its lexemes in its block read,
 * decoded, changed and written back), and reports the time and write-ahead log of each.
 *
 * <pre>java -Xmx4g -cp benchmarks.jar org.lede.bench.PostingsPrototype JDBC_URL QUERIES [WARM_ROUNDS] [-Drebuild=true] [-Dwrites=N] [-DblockBits=B]</pre>
 */
public final class PostingsPrototype {
    /** Ordinals a block holds, as a power of two ({@code -DblockBits}, 16 by default): smaller blocks, smaller writes, more rows a search. */
    private static final int BLOCK_BITS = Integer.getInteger("blockBits", 16);

    private static final int BLOCK = 1 << BLOCK_BITS;
    /** Past this many postings a block's bitmap is smaller than its 16-bit offsets. */
    private static final int DENSE = BLOCK / 16;

    private static final double[] CLASS_WEIGHT = {0.1, 0.2, 0.4, 1.0};

    private final Connection c;
    private final String url;
    private String[] ids;
    private byte[] topic;
    private byte[] kind;
    private int[] seconds;
    private int[] firstAuthor;
    private int[][] moreAuthors;
    private float[] decay;
    private long[][] liveBits;
    private long[][][] topicBits;
    private long[][][] kindBits;
    private int[] minSeconds;
    private int[] maxSeconds;
    private float[] maxDecay;
    private byte[] year;
    private final Map<String, Integer> topics = new HashMap<>();
    private final Map<String, Integer> kinds = new HashMap<>();
    private final Map<String, Integer> authorIndex = new HashMap<>();
    private final Map<String, String> topicBySlug = new HashMap<>();

    private PostingsPrototype(String url) throws SQLException {
        this.url = url;
        this.c = DriverManager.getConnection(url);
    }

    public static void main(String[] args) throws Exception {
        PostingsPrototype p = new PostingsPrototype(args[0]);
        Connection c = p.c;
        QuerySet set = QuerySet.read(Path.of(args[1]));
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        boolean exists;
        try (ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('proto_postings') IS NOT NULL")) {
            rs.next();
            exists = rs.getBoolean(1);
        }
        long t0 = System.nanoTime();
        p.loadColumns();
        System.out.printf("columns of %,d documents loaded in %.1f s%n", p.ids.length, (System.nanoTime() - t0) / 1e9);
        if (exists && !Boolean.getBoolean("rebuild")) {
            try (ResultSet rs = c.createStatement()
                    .executeQuery("SELECT obj_description('proto_postings'::regclass, 'pg_class')")) {
                rs.next();
                if (!("blockBits=" + BLOCK_BITS).equals(rs.getString(1))) {
                    throw new IllegalStateException("proto_postings was built with " + rs.getString(1)
                            + ", not blockBits=" + BLOCK_BITS + ": add -Drebuild=true");
                }
            }
        }
        if (!exists || Boolean.getBoolean("rebuild")) {
            t0 = System.nanoTime();
            p.build();
            System.out.printf("postings built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        try (ResultSet rs = c.createStatement()
                .executeQuery(
                        "SELECT count(*), sum(n), pg_total_relation_size('proto_postings') FROM proto_postings")) {
            rs.next();
            System.out.printf(
                    "%,d rows, %,d postings, %,d bytes on disk%n", rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
        int writes = Integer.getInteger("writes", 0);
        if (writes > 0) {
            p.rewrite(writes);
        }
        for (int round = 0; round < warm; round++) {
            for (String q : set.warmups()) {
                p.search(q, false);
            }
        }
        List<Double> times = new ArrayList<>();
        for (QuerySet.Query q : set.timed()) {
            times.add(p.search(q.text(), true));
        }
        System.out.println(ArchiveProbe.summary(times.stream().sorted().toList()));
    }

    private void loadColumns() throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT id, slug FROM topics")) {
            while (rs.next()) {
                topicBySlug.put(rs.getString(2), rs.getString(1));
            }
        }
        int n;
        try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM search_documents")) {
            rs.next();
            n = rs.getInt(1);
        }
        ids = new String[n];
        topic = new byte[n];
        kind = new byte[n];
        boolean[] live = new boolean[n];
        seconds = new int[n];
        firstAuthor = new int[n];
        moreAuthors = new int[n][];
        decay = new float[n];
        year = new byte[n];
        long ref = Instant.now().getEpochSecond();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery(
                    "SELECT id, topic_id, kind, live, date, author_ids FROM search_documents ORDER BY id")) {
                int o = 0;
                while (rs.next()) {
                    ids[o] = rs.getString(1);
                    String t = rs.getString(2);
                    topic[o] = (byte) (t == null ? 0 : topics.computeIfAbsent(t, k -> topics.size() + 1));
                    kind[o] = (byte) (int) kinds.computeIfAbsent(rs.getString(3), k -> kinds.size());
                    live[o] = rs.getBoolean(4);
                    seconds[o] = (int) Instant.parse(rs.getString(5)).getEpochSecond();
                    decay[o] = (float) (0.5 + 0.5 * Math.exp(-Math.max(0, ref - seconds[o]) / (730 * 86400.0)));
                    year[o] = (byte) (seconds[o] / 31_556_952L - 20);
                    String[] as = (String[]) rs.getArray(6).getArray();
                    // Slot 0 counts documents without an author; the others are an author's index plus one.
                    firstAuthor[o] =
                            as.length == 0 ? 0 : authorIndex.computeIfAbsent(as[0], k -> authorIndex.size() + 1);
                    if (as.length > 1) {
                        int[] ai = new int[as.length - 1];
                        for (int i = 1; i < as.length; i++) {
                            ai[i - 1] = authorIndex.computeIfAbsent(as[i], k -> authorIndex.size() + 1);
                        }
                        moreAuthors[o] = ai;
                    }
                    o++;
                }
            }
        }
        c.commit();
        c.setAutoCommit(true);
        int blocks = (n + BLOCK - 1) / BLOCK;
        liveBits = new long[blocks][BLOCK / 64];
        topicBits = new long[topics.size() + 1][blocks][BLOCK / 64];
        kindBits = new long[kinds.size()][blocks][BLOCK / 64];
        minSeconds = new int[blocks];
        maxSeconds = new int[blocks];
        maxDecay = new float[blocks];
        Arrays.fill(minSeconds, Integer.MAX_VALUE);
        Arrays.fill(maxSeconds, Integer.MIN_VALUE);
        for (int o = 0; o < n; o++) {
            int b = o >> BLOCK_BITS;
            int w = (o & (BLOCK - 1)) >> 6;
            long bit = 1L << o;
            if (live[o]) {
                liveBits[b][w] |= bit;
            }
            topicBits[topic[o]][b][w] |= bit;
            kindBits[kind[o]][b][w] |= bit;
            minSeconds[b] = Math.min(minSeconds[b], seconds[o]);
            maxSeconds[b] = Math.max(maxSeconds[b], seconds[o]);
            maxDecay[b] = Math.max(maxDecay[b], decay[o]);
        }
    }

    private static void and(long[] match, long[] bits) {
        for (int w = 0; w < match.length; w++) {
            match[w] &= bits == null ? 0 : bits[w];
        }
    }

    /** A lexeme's postings in one block: low 16 bits of the ordinals, ascending, and each one's weight class. */
    private static final class Acc {
        short[] ords = new short[8];
        byte[] payload = new byte[8];
        int n;

        void add(int low, int p) {
            if (n == ords.length) {
                ords = Arrays.copyOf(ords, n * 2);
                payload = Arrays.copyOf(payload, n * 2);
            }
            ords[n] = (short) low;
            payload[n] = (byte) p;
            n++;
        }
    }

    private void build() throws SQLException {
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("DROP TABLE IF EXISTS proto_postings");
            s.execute("CREATE TABLE proto_postings (lexeme text, block int, n int NOT NULL, ords bytea NOT NULL, "
                    + "payload bytea NOT NULL, PRIMARY KEY (lexeme, block))");
            s.execute("COMMENT ON TABLE proto_postings IS 'blockBits=" + BLOCK_BITS + "'");
            s.execute("ALTER TABLE proto_postings ALTER COLUMN ords SET STORAGE EXTERNAL, "
                    + "ALTER COLUMN payload SET STORAGE EXTERNAL");
        }
        c.setAutoCommit(false);
        Map<String, Acc> block = new HashMap<>();
        int current = 0;
        // Written on a second connection: committing on the reading one would close its cursor.
        try (Connection w = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                PreparedStatement insert = w.prepareStatement("INSERT INTO proto_postings VALUES (?, ?, ?, ?, ?)")) {
            w.setAutoCommit(false);
            s.setFetchSize(2_000);
            try (ResultSet rs = s.executeQuery("SELECT id, search::text FROM search_documents ORDER BY id")) {
                int o = 0;
                while (rs.next()) {
                    if (!rs.getString(1).equals(ids[o])) {
                        throw new IllegalStateException("documents changed since the columns were read");
                    }
                    if (o >> BLOCK_BITS != current) {
                        flush(insert, current, block);
                        current = o >> BLOCK_BITS;
                    }
                    String v = rs.getString(2);
                    if (v != null) {
                        int low = o & (BLOCK - 1);
                        parse(
                                v,
                                (lexeme, payload) -> block.computeIfAbsent(lexeme, k -> new Acc())
                                        .add(low, payload));
                    }
                    o++;
                }
            }
            flush(insert, current, block);
        }
        c.commit();
        c.setAutoCommit(true);
        c.createStatement().execute("VACUUM ANALYZE proto_postings");
    }

    private void flush(PreparedStatement insert, int b, Map<String, Acc> block) throws SQLException {
        for (Map.Entry<String, Acc> e : block.entrySet()) {
            Acc a = e.getValue();
            insert.setString(1, e.getKey());
            insert.setInt(2, b);
            insert.setInt(3, a.n);
            insert.setBytes(4, encode(a));
            insert.setBytes(5, classes(a));
            insert.addBatch();
        }
        insert.executeBatch();
        insert.getConnection().commit();
        block.clear();
    }

    /** Rewrites the rows of {@code count} documents, one transaction each, timing each and its WAL. */
    private void rewrite(int count) throws SQLException {
        List<Double> times = new ArrayList<>();
        long walBytes = 0;
        int rows = 0;
        for (int k = 0; k < count; k++) {
            int o = (int) ((long) k * ids.length / count);
            long start = System.nanoTime();
            long lsn = wal();
            c.setAutoCommit(false);
            Map<String, Integer> wanted = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT search::text FROM search_documents WHERE id = ?")) {
                ps.setString(1, ids[o]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    parse(rs.getString(1), wanted::put);
                }
            }
            int b = o >> BLOCK_BITS;
            int low = o & (BLOCK - 1);
            try (PreparedStatement read = c.prepareStatement("SELECT lexeme, n, ords, payload FROM proto_postings "
                            + "WHERE block = ? AND lexeme = ANY(?) FOR UPDATE");
                    PreparedStatement write = c.prepareStatement(
                            "UPDATE proto_postings SET n = ?, ords = ?, payload = ? WHERE lexeme = ? AND block = ?")) {
                read.setInt(1, b);
                read.setArray(2, c.createArrayOf("text", wanted.keySet().toArray()));
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        String lexeme = rs.getString(1);
                        int weightClass = wanted.get(lexeme);
                        Acc a = decodeAcc(rs.getInt(2), rs.getBytes(3), rs.getBytes(4));
                        Acc changed = new Acc();
                        boolean placed = false;
                        for (int i = 0; i < a.n; i++) {
                            int at = a.ords[i] & 0xFFFF;
                            if (!placed && at >= low) {
                                changed.add(low, weightClass);
                                placed = true;
                            }
                            if (at != low) {
                                changed.add(at, a.payload[i]);
                            }
                        }
                        if (!placed) {
                            changed.add(low, weightClass);
                        }
                        write.setInt(1, changed.n);
                        write.setBytes(2, encode(changed));
                        write.setBytes(3, classes(changed));
                        write.setString(4, lexeme);
                        write.setInt(5, b);
                        write.addBatch();
                        rows++;
                    }
                }
                write.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            walBytes += wal() - lsn;
            times.add((System.nanoTime() - start) / 1e6);
        }
        List<Double> sorted = times.stream().sorted().toList();
        System.out.printf(
                "rewrote %d documents (%,d rows): median %.2f ms, p95 %.2f ms, %,d bytes of WAL each%n",
                count,
                rows,
                ArchiveProbe.percentile(sorted, 50),
                ArchiveProbe.percentile(sorted, 95),
                walBytes / count);
    }

    private long wal() throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Acc decodeAcc(int n, byte[] ords, byte[] classes) {
        Acc a = new Acc();
        int i = 0;
        if (n > DENSE) {
            for (int word = 0; word < ords.length; word++) {
                int bits = ords[word] & 0xFF;
                while (bits != 0) {
                    int low = (word << 3) | Integer.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    a.add(low, classAt(classes, i));
                    i++;
                }
            }
        } else {
            for (; i < n; i++) {
                int low = ((ords[2 * i] & 0xFF) << 8) | (ords[2 * i + 1] & 0xFF);
                a.add(low, classAt(classes, i));
            }
        }
        return a;
    }

    /** The weight class of posting {@code i}, as {@link #classes} packs them. */
    private static int classAt(byte[] classes, int i) {
        return (classes[i >> 2] >> ((i & 3) * 2)) & 3;
    }

    /** Each posting's weight class (0 names .. 3 headline) in two bits, four to a byte: tf is not kept. */
    private static byte[] classes(Acc a) {
        byte[] out = new byte[(a.n + 3) / 4];
        for (int i = 0; i < a.n; i++) {
            out[i >> 2] |= (byte) (a.payload[i] << ((i & 3) * 2));
        }
        return out;
    }

    private static byte[] encode(Acc a) {
        if (a.n > DENSE) {
            byte[] bits = new byte[BLOCK / 8];
            for (int i = 0; i < a.n; i++) {
                int low = a.ords[i] & 0xFFFF;
                bits[low >> 3] |= (byte) (1 << (low & 7));
            }
            return bits;
        }
        byte[] out = new byte[a.n * 2];
        for (int i = 0; i < a.n; i++) {
            out[2 * i] = (byte) (a.ords[i] >> 8);
            out[2 * i + 1] = (byte) a.ords[i];
        }
        return out;
    }

    interface PostingSink {
        void posting(String lexeme, int weightClass);
    }

    /** Reads tsvector text ('lex':1A,4 'other':2B): per lexeme its best weight class (A 3 .. D 0). */
    static void parse(String v, PostingSink sink) {
        int i = 0;
        int len = v.length();
        StringBuilder lex = new StringBuilder();
        while (i < len) {
            if (v.charAt(i) != '\'') {
                i++;
                continue;
            }
            i++;
            lex.setLength(0);
            while (i < len) {
                char ch = v.charAt(i);
                if (ch == '\'') {
                    if (i + 1 < len && v.charAt(i + 1) == '\'') {
                        lex.append('\'');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (ch == '\\' && i + 1 < len) {
                    lex.append(v.charAt(i + 1));
                    i += 2;
                    continue;
                }
                lex.append(ch);
                i++;
            }
            int best = 0;
            if (i < len && v.charAt(i) == ':') {
                i++;
                while (i < len && v.charAt(i) != ' ') {
                    char ch = v.charAt(i);
                    if (ch >= '0' && ch <= '9') {
                        while (i < len && Character.isDigit(v.charAt(i))) {
                            i++;
                        }
                        int cls = 0;
                        if (i < len) {
                            char w = v.charAt(i);
                            cls = w == 'A' ? 3 : w == 'B' ? 2 : w == 'C' ? 1 : 0;
                            if (w >= 'A' && w <= 'D') {
                                i++;
                            }
                        }
                        best = Math.max(best, cls);
                    } else {
                        i++;
                    }
                }
            }
            sink.posting(lex.toString(), best);
        }
    }

    private record Word(List<String> lexemes, boolean phrase) {}

    private static final Pattern PHRASE = Pattern.compile("\"([^\"]*)\"");

    /** Runs one query string, prints its parts when {@code print}; returns its time in ms. */
    double search(String queryString, boolean print) throws SQLException {
        long start = System.nanoTime();
        Map<String, String> params = new HashMap<>();
        QuerySet.parameters(queryString).forEach((name, values) -> params.put(name, values.getFirst()));
        String q = params.getOrDefault("q", "");
        List<String> phrases = new ArrayList<>();
        Matcher m = PHRASE.matcher(q);
        while (m.find()) {
            phrases.add(m.group(1));
        }
        String loose = PHRASE.matcher(q).replaceAll(" ");
        List<String> words = new ArrayList<>();
        for (String w : loose.split("[^\\p{L}\\p{N}'-]+")) {
            if (!w.isBlank()) {
                words.add(w.toLowerCase());
            }
        }
        // Groups: each loose word (its lexeme and near spellings), each phrase word (its lexeme).
        List<Word> groups = new ArrayList<>();
        List<String> phraseQueries = new ArrayList<>();
        for (String w : words) {
            List<String> lexemes = new ArrayList<>();
            String own = lexeme(w);
            if (own == null) {
                continue;
            }
            lexemes.add(own);
            if (w.length() >= 5) {
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT lexeme FROM (SELECT lexeme, "
                        + "levenshtein(word, ?) AS d, ndoc FROM search_words WHERE left(word, 1) = left(?, 1) "
                        + "AND length(word) BETWEEN ? AND ? AND lexeme IS NOT NULL) n WHERE d BETWEEN 1 AND ? "
                        + "ORDER BY lexeme LIMIT 8")) {
                    ps.setString(1, w);
                    ps.setString(2, w);
                    ps.setInt(3, w.length() - 2);
                    ps.setInt(4, w.length() + 2);
                    ps.setInt(5, w.length() >= 8 ? 2 : 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (!lexemes.contains(rs.getString(1))) {
                                lexemes.add(rs.getString(1));
                            }
                        }
                    }
                }
            }
            groups.add(new Word(lexemes, false));
        }
        for (String phrase : phrases) {
            List<String> lexemes = new ArrayList<>();
            for (String w : phrase.split("[^\\p{L}\\p{N}']+")) {
                String l = w.isBlank() ? null : lexeme(w.toLowerCase());
                if (l != null) {
                    lexemes.add(l);
                    groups.add(new Word(List.of(l), true));
                }
            }
            phraseQueries.add(String.join(
                    " <-> ", lexemes.stream().map(PostingsPrototype::quote).toList()));
        }
        long terms = System.nanoTime();
        List<String> all =
                groups.stream().flatMap(g -> g.lexemes().stream()).distinct().toList();
        // lexeme -> block -> (ords, payload, n)
        Map<String, Map<Integer, Object[]>> postings = new HashMap<>();
        long bytes = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT lexeme, block, n, ords, payload FROM proto_postings WHERE lexeme = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", all.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] ords = rs.getBytes(4);
                    byte[] payload = rs.getBytes(5);
                    bytes += ords.length + payload.length;
                    postings.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getInt(2), new Object[] {ords, payload, rs.getInt(3)});
                }
            }
        }
        long fetched = System.nanoTime();
        int n = ids.length;
        int topicFilter = params.containsKey("topic")
                ? topics.getOrDefault(topicBySlug.getOrDefault(params.get("topic"), "?"), -1)
                : 0;
        int kindFilter = params.containsKey("kind") ? kinds.getOrDefault(params.get("kind"), -1) : -2;
        long from = params.containsKey("from")
                ? LocalDate.parse(params.get("from"))
                        .atStartOfDay(ZoneOffset.UTC)
                        .toEpochSecond()
                : Long.MIN_VALUE;
        boolean newest = "newest".equals(params.get("sort"));
        boolean phrase = !phraseQueries.isEmpty();
        int keep = phrase ? 200 : 11;
        double[] idf = new double[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            long df = 0;
            for (String l : groups.get(g).lexemes()) {
                for (Object[] row : postings.getOrDefault(l, Map.of()).values()) {
                    df += (int) row[2];
                }
            }
            idf[g] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        }
        long total = 0;
        long[] byTopic = new long[topics.size() + 1];
        long[] byKind = new long[kinds.size()];
        long[] byYear = new long[64];
        long[] byAuthor = new long[authorIndex.size() + 1];
        double[] topScore = new double[keep];
        int[] topDoc = new int[keep];
        int size = 0;
        int worst = 0;
        int groupsN = groups.size();
        int blocks = (n + BLOCK - 1) / BLOCK;
        // Pass 1: each block's matches as a bitmap (words, live, topic and kind filters), and the exact total.
        long[][] matches = new long[blocks][];
        Row[][][] rows = new Row[blocks][groupsN][];
        for (int b = 0; b < blocks && groupsN > 0; b++) {
            long[] match = liveBits[b].clone();
            if (topicFilter != 0) {
                and(match, topicFilter > 0 ? topicBits[topicFilter][b] : null);
            }
            if (kindFilter != -2) {
                and(match, kindFilter >= 0 ? kindBits[kindFilter][b] : null);
            }
            boolean empty = false;
            for (int g = 0; g < groupsN && !empty; g++) {
                List<Row> rs = new ArrayList<>();
                long[] union = new long[BLOCK / 64];
                for (String l : groups.get(g).lexemes()) {
                    Object[] row = postings.getOrDefault(l, Map.of()).get(b);
                    if (row != null) {
                        Row r = Row.of(row);
                        rs.add(r);
                        for (int w = 0; w < union.length; w++) {
                            union[w] |= r.bits[w];
                        }
                    }
                }
                rows[b][g] = rs.toArray(Row[]::new);
                long any = 0;
                for (int w = 0; w < match.length; w++) {
                    match[w] &= union[w];
                    any |= match[w];
                }
                empty = any == 0;
            }
            if (empty) {
                continue;
            }
            int base = b << BLOCK_BITS;
            if (from != Long.MIN_VALUE && minSeconds[b] < from) {
                for (int w = 0; w < match.length; w++) {
                    long bits = match[w];
                    while (bits != 0) {
                        int bit = Long.numberOfTrailingZeros(bits);
                        bits &= bits - 1;
                        int o = base | (w << 6) | bit;
                        if (seconds[o] < from) {
                            match[w] &= ~(1L << bit);
                        }
                    }
                }
            }
            for (long word : match) {
                total += Long.bitCount(word);
            }
            matches[b] = match;
        }
        // Pass 2: counts by value, of every match up to ten thousand, else of one bitmap word in sixteen.
        int stride = total > 10_000 ? 16 : 1;
        for (int b = 0; b < blocks; b++) {
            long[] match = matches[b];
            if (match == null) {
                continue;
            }
            int base = b << BLOCK_BITS;
            for (int w = 0; w < match.length; w += stride) {
                long bits = match[w];
                while (bits != 0) {
                    int o = base | (w << 6) | Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    byTopic[topic[o]]++;
                    byKind[kind[o]]++;
                    byYear[year[o]]++;
                    byAuthor[firstAuthor[o]]++;
                    int[] more = moreAuthors[o];
                    if (more != null) {
                        for (int a : more) {
                            byAuthor[a]++;
                        }
                    }
                }
            }
        }
        // Printed, so the counting is work the JIT must do: how many values the filters would list.
        int values = 0;
        for (long[] counts : List.of(byTopic, byKind, byYear, byAuthor)) {
            for (long count : counts) {
                values += count > 0 ? 1 : 0;
            }
        }
        // Pass 3: the best matches, newest blocks first; a block whose best possible score cannot enter is skipped.
        float[][] classWeight = new float[groupsN][4];
        for (int g = 0; g < groupsN; g++) {
            for (int cls = 0; cls < 4; cls++) {
                classWeight[g][cls] = (float) (idf[g] * CLASS_WEIGHT[cls]);
            }
        }
        Integer[] order = new Integer[blocks];
        for (int b = 0; b < blocks; b++) {
            order[b] = b;
        }
        Arrays.sort(order, (x, y) -> Integer.compare(maxSeconds[y], maxSeconds[x]));
        int scored = 0;
        for (int b : order) {
            long[] match = matches[b];
            if (match == null) {
                continue;
            }
            if (size == keep) {
                double bound;
                if (newest) {
                    bound = maxSeconds[b];
                } else {
                    bound = 0;
                    for (int g = 0; g < groupsN; g++) {
                        int best = 0;
                        for (Row r : rows[b][g]) {
                            best = Math.max(best, r.maxClass());
                        }
                        bound += classWeight[g][best];
                    }
                    bound *= maxDecay[b];
                }
                if (bound <= topScore[worst]) {
                    continue;
                }
            }
            int base = b << BLOCK_BITS;
            for (int w = 0; w < match.length; w++) {
                long bits = match[w];
                while (bits != 0) {
                    int bit = Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    int o = base | (w << 6) | bit;
                    scored++;
                    double score;
                    if (newest) {
                        score = seconds[o];
                    } else {
                        float s = 0;
                        for (int g = 0; g < groupsN; g++) {
                            int best = 0;
                            for (Row r : rows[b][g]) {
                                best = Math.max(best, r.weightClass(w, bit));
                            }
                            s += classWeight[g][best];
                        }
                        score = s * decay[o];
                    }
                    if (size < keep) {
                        topScore[size] = score;
                        topDoc[size] = o;
                        size++;
                        if (size == keep) {
                            worst = worstOf(topScore, size);
                        }
                    } else if (score > topScore[worst]) {
                        topScore[worst] = score;
                        topDoc[worst] = o;
                        worst = worstOf(topScore, size);
                    }
                }
            }
        }
        int[] candidates = null;
        int ncand = 0;
        if (phrase) {
            candidates = new int[(int) Math.min(total, 100_000)];
            for (int b = 0; b < blocks && ncand < candidates.length; b++) {
                long[] match = matches[b];
                if (match == null) {
                    continue;
                }
                for (int w = 0; w < match.length && ncand < candidates.length; w++) {
                    long bits = match[w];
                    while (bits != 0 && ncand < candidates.length) {
                        candidates[ncand++] = (b << BLOCK_BITS) | (w << 6) | Long.numberOfTrailingZeros(bits);
                        bits &= bits - 1;
                    }
                }
            }
        }
        List<double[]> ranked = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ranked.add(new double[] {topScore[i], topDoc[i]});
        }
        ranked.sort((a, b) -> Double.compare(b[0], a[0]));
        long evaluated = System.nanoTime();
        List<String> page = new ArrayList<>();
        String tsquery = tsquery(groups, phraseQueries);
        long estimated = total;
        if (phrase) {
            // One statement checks the 30 best candidates for the page and an even sample of 50 for the
            // total; more of the best are checked only when the page is not full.
            List<String> best = new ArrayList<>();
            for (int j = 0; j < Math.min(ranked.size(), 30); j++) {
                best.add(ids[(int) ranked.get(j)[1]]);
            }
            List<String> sample = new ArrayList<>();
            int step = Math.max(1, ncand / 50);
            for (int j = 0; j < ncand; j += step) {
                sample.add(ids[candidates[j]]);
            }
            List<String> check = new ArrayList<>(best);
            check.addAll(sample);
            List<String> ok = verify(check, tsquery);
            for (String id : best) {
                if (ok.contains(id) && page.size() < 10) {
                    page.add(id);
                }
            }
            int i = 30;
            int batch = 60;
            while (page.size() < 10 && i < ranked.size()) {
                List<String> more = new ArrayList<>();
                for (int j = i; j < Math.min(ranked.size(), i + batch); j++) {
                    more.add(ids[(int) ranked.get(j)[1]]);
                }
                i += batch;
                batch *= 2;
                List<String> held = verify(more, tsquery);
                for (String id : more) {
                    if (held.contains(id) && page.size() < 10) {
                        page.add(id);
                    }
                }
            }
            long inSample = sample.stream().filter(ok::contains).count();
            estimated = total <= 50 ? inSample : Math.round((double) inSample / Math.max(1, sample.size()) * total);
        } else {
            for (int j = 0; j < Math.min(10, ranked.size()); j++) {
                page.add(ids[(int) ranked.get(j)[1]]);
            }
        }
        long verified = System.nanoTime();
        int snippets = 0;
        if (!page.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, ts_headline('english', headline, ?::tsquery, "
                    + "'HighlightAll=true') AS h, ts_headline('english', coalesce(dek, '') || E'\\n' || body, "
                    + "?::tsquery, 'MaxWords=30, MinWords=15, ShortWord=3, MaxFragments=1') AS s "
                    + "FROM search_documents WHERE id = ANY(?)")) {
                ps.setString(1, tsquery);
                ps.setString(2, tsquery);
                ps.setArray(3, c.createArrayOf("text", page.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        snippets += rs.getString(3).length();
                    }
                }
            }
        }
        long end = System.nanoTime();
        double ms = (end - start) / 1e6;
        if (print) {
            System.out.printf(
                    "%8.2f ms  %-50s terms %.2f fetch %.2f (%,d B) match %.2f (%,d scored, %d values) verify %.2f hits %.2f  total %,d%s%n",
                    ms,
                    queryString,
                    (terms - start) / 1e6,
                    (fetched - terms) / 1e6,
                    bytes,
                    (evaluated - fetched) / 1e6,
                    scored,
                    values,
                    (verified - evaluated) / 1e6,
                    (end - verified) / 1e6,
                    estimated,
                    snippets > 0 ? "" : " (no snippet)");
        }
        return ms;
    }

    private static int worstOf(double[] scores, int size) {
        int worst = 0;
        for (int i = 1; i < size; i++) {
            if (scores[i] < scores[worst]) {
                worst = i;
            }
        }
        return worst;
    }

    /** One lexeme's postings in one block, as a bitmap, with the rank of each word's first bit for its payload. */
    private record Row(long[] bits, int[] prefix, byte[] payloads, int maxClass) {
        static Row of(Object[] row) {
            byte[] ords = (byte[]) row[0];
            int count = (int) row[2];
            long[] bits = new long[BLOCK / 64];
            if (count > DENSE) {
                java.nio.ByteBuffer.wrap(ords)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .asLongBuffer()
                        .get(bits);
            } else {
                for (int i = 0; i < count; i++) {
                    int low = ((ords[2 * i] & 0xFF) << 8) | (ords[2 * i + 1] & 0xFF);
                    bits[low >> 6] |= 1L << low;
                }
            }
            int[] prefix = new int[bits.length];
            int sum = 0;
            for (int w = 0; w < bits.length; w++) {
                prefix[w] = sum;
                sum += Long.bitCount(bits[w]);
            }
            byte[] payloads = (byte[]) row[1];
            int maxClass = 0;
            for (byte p : payloads) {
                int v = p & 0xFF;
                maxClass = Math.max(maxClass, Math.max(Math.max(v & 3, (v >> 2) & 3), Math.max((v >> 4) & 3, v >> 6)));
            }
            return new Row(bits, prefix, payloads, maxClass);
        }

        int weightClass(int w, int bit) {
            long word = bits[w];
            if ((word & (1L << bit)) == 0) {
                return 0;
            }
            return classAt(payloads, prefix[w] + Long.bitCount(word & ((1L << bit) - 1)));
        }
    }

    private List<String> verify(List<String> check, String tsquery) throws SQLException {
        List<String> ok = new ArrayList<>();
        if (check.isEmpty()) {
            return ok;
        }
        try (PreparedStatement ps =
                c.prepareStatement("SELECT id FROM search_documents WHERE id = ANY(?) AND search @@ ?::tsquery")) {
            ps.setArray(1, c.createArrayOf("text", check.toArray()));
            ps.setString(2, tsquery);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ok.add(rs.getString(1));
                }
            }
        }
        return ok;
    }

    private static String tsquery(List<Word> groups, List<String> phrases) {
        List<String> parts = new ArrayList<>();
        for (Word w : groups) {
            if (!w.phrase()) {
                parts.add("("
                        + String.join(
                                " | ",
                                w.lexemes().stream()
                                        .map(PostingsPrototype::quote)
                                        .toList()) + ")");
            }
        }
        for (String p : phrases) {
            parts.add("(" + p + ")");
        }
        return String.join(" & ", parts);
    }

    private static String quote(String lexeme) {
        return "'" + lexeme.replace("'", "''").replace("\\", "\\\\") + "'";
    }

    private String lexeme(String word) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT (tsvector_to_array(to_tsvector('english'::regconfig, ?)))[1]")) {
            ps.setString(1, word);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
