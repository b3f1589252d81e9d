package org.lede.search.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * Search vectors made in Lede, each equal to what PostgreSQL's {@code to_tsvector} makes of the
 * same text, or null where PostgreSQL must make it.
 *
 * <p>Why: parsing text into search vectors was 98 % of what PostgreSQL did to store a document (a
 * rebuild of a million stories spent 380 s of a core on it), and a literal vector costs it a
 * fifth of that. Only the parser's share is done here: which runs of the text are tokens, which
 * dictionary takes each, and their positions. Each token's lexeme is PostgreSQL's own, asked once
 * with {@code ts_lexize} and kept ({@link Lexicon}), so stemming, stop words and case follow the
 * server. The rules cover the tokens of running prose: words, hyphenated words, whole numbers and
 * words with digits. Text holding anything else (addresses, decimals, signed numbers,
 * abbreviations with points, markup, characters outside the few known here) is left to
 * PostgreSQL: {@code SearchVectorsTest} holds the rules to PostgreSQL's output on generated text.
 */
final class SearchVectors {
    /** PostgreSQL's highest position; later tokens all take it (LIMITPOS). */
    static final int LAST_POSITION = 16383;

    /** Positions kept per lexeme, as to_tsvector keeps them (MAXNUMPOS - 1). */
    static final int POSITIONS = 255;

    /** Longer tokens are left to PostgreSQL, which skips those past its own limit. */
    static final int LONGEST = 100;

    /**
     * How many tokens each dictionary's lexicon keeps before starting afresh: a rebuild's
     * vocabulary fits, and a server's memory stays bounded.
     */
    static final int LEXICON_SIZE = 200_000;

    /**
     * Text in which the characters this class knows beyond ASCII stand where PostgreSQL's parser
     * puts them on some servers: it reads letters by the database's locale, and in the C locale
     * takes every character beyond ASCII for a letter. A server that parses this otherwise has its
     * vectors made here only for ASCII text.
     */
    static final String WIDE_PROBE = "Zoë Ünal’s naïve—«ÉCOLE» “déjà” vu… Łódź-Straße señor–ça æøå Þór ÿ";

    /** Text of the ASCII rules, which a server that parses otherwise has no vectors made here. */
    static final String ASCII_PROBE =
            "The council's right-to-repair law: 38,700 people (12th in 1990s), B52s & ten; \"voted\" - again!";

    private enum Mode {
        UNKNOWN,
        OFF,
        ASCII,
        WIDE
    }

    /** A text's tokens in order, each at the position after the last; whether each is a word the stemmer takes. */
    record Tokens(List<String> text, boolean[] stemmed) {}

    /**
     * One document's vectors, null where PostgreSQL must make one: of the headline, dek and
     * lead-ins, body, names, and the headline's words as written. They are joined as the rows
     * hold them once, here: the copy and the postings both read the joined ones. Joining them
     * was 15 % of a million-story rebuild's samples, half of it done twice.
     *
     * @param search the document's search vector as V18 defines it, {@code setweight(headline,
     *     'A') || setweight(dek, 'B') || setweight(body, 'C') || setweight(names, 'D')}; null
     *     unless all four were made here
     * @param titleWords the headline's words as written, as V18's title_words column holds them;
     *     null unless made here
     */
    record Made(
            Vector headline,
            Vector dek,
            Vector body,
            Vector names,
            Vector title,
            Tsvector search,
            Tsvector titleWords) {
        static final Made NONE = new Made(null, null, null, null, null, null, null);

        static Made of(Vector headline, Vector dek, Vector body, Vector names, Vector title) {
            return new Made(
                    headline,
                    dek,
                    body,
                    names,
                    title,
                    headline == null || dek == null || body == null || names == null
                            ? null
                            : Tsvector.joined(new int[] {3, 2, 1, 0}, headline, dek, body, names),
                    title == null ? null : Tsvector.joined(new int[] {0}, title));
        }
    }

    /** A text's vector, as to_tsvector makes it: each lexeme with its positions, in the order they first occur. */
    static final class Vector {
        private final Map<Lexeme, Positions> lexemes;

        private Vector(Map<Lexeme, Positions> lexemes) {
            this.lexemes = lexemes;
        }

        /** The vector as a tsvector literal. */
        String literal() {
            StringBuilder out = new StringBuilder();
            lexemes.forEach((lexeme, at) -> {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append('\'');
                String text = lexeme.text();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '\'' || c == '\\') {
                        out.append(c);
                    }
                    out.append(c);
                }
                out.append('\'');
                for (int i = 0; i < at.n; i++) {
                    out.append(i == 0 ? ':' : ',').append(at.at[i]);
                }
            });
            return out.toString();
        }

        /** The literal of {@code v}, or null where PostgreSQL must make the vector. */
        static String literal(Vector v) {
            return v == null ? null : v.literal();
        }
    }

    /**
     * A vector as PostgreSQL stores it and reads it in binary: lexemes as UTF-8 in its order
     * (bytewise, a prefix first), each with its positions, a weight in the top two bits of each.
     */
    record Tsvector(byte[][] lexemes, int[][] positions) {
        /** The most positions a lexeme keeps when vectors are joined (MAXNUMPOS). */
        static final int JOINED_POSITIONS = 256;

        /**
         * The vectors joined as PostgreSQL's {@code setweight} and {@code ||} join them, each part
         * given its weight (3 for A down to 0 for D): a later part's positions follow the highest
         * so far, none past {@link #LAST_POSITION}, and a lexeme keeps at most {@link
         * #JOINED_POSITIONS} of them, stopping once it holds the last position (tsvector_concat).
         */
        static Tsvector joined(int[] weights, Vector... parts) {
            int most = 0;
            for (Vector part : parts) {
                most += part.lexemes.size();
            }
            Map<Lexeme, Positions> all = HashMap.newHashMap(most);
            int highest = 0;
            for (int p = 0; p < parts.length; p++) {
                int shift = highest;
                int weight = weights[p] << 14;
                for (Map.Entry<Lexeme, Positions> e : parts[p].lexemes.entrySet()) {
                    Positions from = e.getValue();
                    Positions to = all.get(e.getKey());
                    if (to == null) {
                        to = new Positions(from.n);
                        all.put(e.getKey(), to);
                    }
                    for (int i = 0; i < from.n; i++) {
                        if (to.n == JOINED_POSITIONS || to.n > 0 && (to.at[to.n - 1] & POSITION) == LAST_POSITION) {
                            break;
                        }
                        int position = Math.min(from.at[i] + shift, LAST_POSITION);
                        to.append(weight | position);
                        highest = Math.max(highest, position);
                    }
                }
            }
            @SuppressWarnings("unchecked")
            Map.Entry<Lexeme, Positions>[] entries = all.entrySet().toArray(new Map.Entry[0]);
            Arrays.sort(entries, Map.Entry.comparingByKey());
            byte[][] lexemes = new byte[entries.length][];
            int[][] positions = new int[entries.length][];
            for (int k = 0; k < entries.length; k++) {
                lexemes[k] = entries[k].getKey().utf8;
                Positions at = entries[k].getValue();
                positions[k] = at.n == at.at.length ? at.at : Arrays.copyOf(at.at, at.n);
            }
            return new Tsvector(lexemes, positions);
        }

        /**
         * The bytes PostgreSQL holds the vector in, uncompressed (CALCDATASIZE): a header, an
         * entry a lexeme, then each lexeme's text and its positions, which start at an even offset.
         */
        int stored() {
            int at = 0;
            for (int i = 0; i < lexemes.length; i++) {
                at += lexemes[i].length;
                int n = positions[i].length;
                if (n > 0) {
                    at = ((at + 1) & ~1) + 2 + 2 * n;
                }
            }
            return 8 + 4 * lexemes.length + at;
        }
    }

    /**
     * A lexeme as a dictionary gave it, in UTF-8, which a binary vector holds and is sorted by:
     * encoded once when the lexeme is learned, not for every document that holds it, and kept in
     * place of the text, so a lexicon takes no more memory than it did with strings.
     */
    private static final class Lexeme implements Comparable<Lexeme> {
        private final byte[] utf8;
        private final int hash;

        /**
         * The first eight bytes, unsigned and big-endian, zeros after a shorter lexeme: most
         * lexemes differ in them, so a vector is sorted mostly by comparing numbers. Sorting by
         * the arrays alone was half of joining a document's vectors.
         */
        private final long head;

        Lexeme(String text) {
            this.utf8 = text.getBytes(StandardCharsets.UTF_8);
            this.hash = Arrays.hashCode(utf8);
            long h = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                h = h << 8 | (i < utf8.length ? utf8[i] & 0xFF : 0);
            }
            this.head = h;
        }

        /** PostgreSQL's order of lexemes: bytewise, a prefix before what it begins. */
        @Override
        public int compareTo(Lexeme o) {
            int c = Long.compareUnsigned(head, o.head);
            return c != 0 ? c : Arrays.compareUnsigned(utf8, o.utf8);
        }

        String text() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Lexeme l && l.hash == hash && Arrays.equals(l.utf8, utf8);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The bits of a stored position that hold the position, below its weight's. */
    private static final int POSITION = 0x3FFF;

    private final Lexicon english = new Lexicon("english_stem");
    private final Lexicon simple = new Lexicon("simple");
    private volatile Mode mode = Mode.UNKNOWN;

    /**
     * The vectors of each document's texts, in order: {@code texts} holds four per document (the
     * texts of the A, B, C and D weights, as V18's search column joins them); a vector made from
     * the first is also the simple one of the headline. Null for each text PostgreSQL must parse.
     */
    List<Made> make(Handle h, List<String[]> texts) {
        Mode m = mode(h);
        List<Made> made = new ArrayList<>(texts.size());
        if (m == Mode.OFF) {
            texts.forEach(t -> made.add(Made.NONE));
            return made;
        }
        boolean wide = m == Mode.WIDE;
        List<Tokens[]> parsed = new ArrayList<>(texts.size());
        for (String[] t : texts) {
            Tokens[] p = new Tokens[5];
            for (int i = 0; i < 4; i++) {
                p[i] = tokens(t[i], wide);
            }
            p[4] = p[0];
            parsed.add(p);
        }
        vectors(h, parsed).forEach(v -> made.add(Made.of(v[0], v[1], v[2], v[3], v[4])));
        return made;
    }

    /**
     * The vectors of each document's tokens: the first four under english, the fifth under
     * simple, null where a text has no tokens. Each is made once all its tokens' lexemes are
     * known, so the tokens not yet known are asked for together.
     */
    private List<Vector[]> vectors(Handle h, List<Tokens[]> parsed) {
        List<Vector[]> vectors = new ArrayList<>(parsed.size());
        Set<String> stems = new HashSet<>();
        Set<String> plain = new HashSet<>();
        for (Tokens[] p : parsed) {
            Vector[] v = new Vector[5];
            for (int i = 0; i < 5; i++) {
                v[i] = p[i] == null ? null : vector(p[i], i < 4, stems, plain);
            }
            vectors.add(v);
        }
        if (!stems.isEmpty() || !plain.isEmpty()) {
            english.learn(h, stems);
            simple.learn(h, plain);
            for (int d = 0; d < parsed.size(); d++) {
                Tokens[] p = parsed.get(d);
                Vector[] v = vectors.get(d);
                for (int i = 0; i < 5; i++) {
                    if (p[i] != null && v[i] == null) {
                        v[i] = vector(p[i], i < 4, null, null);
                    }
                }
            }
        }
        return vectors;
    }

    /**
     * The vector of the tokens under the english configuration or the simple one; null if a
     * lexeme is unknown, or not yet known: then the tokens to ask for go to {@code stems} and
     * {@code plain} when given.
     */
    private Vector vector(Tokens t, boolean stemming, Set<String> stems, Set<String> plain) {
        Map<Lexeme, Positions> positions =
                LinkedHashMap.newLinkedHashMap(t.text().size());
        boolean known = true;
        for (int i = 0; i < t.text().size(); i++) {
            String token = t.text().get(i);
            boolean stem = stemming && t.stemmed()[i];
            Lexeme lexeme = (stem ? english : simple).lexemes.get(token);
            if (lexeme == null && stems != null) {
                (stem ? stems : plain).add(token);
                known = false;
            } else if (lexeme == null || lexeme == Lexicon.UNKNOWN) {
                return null;
            } else if (lexeme != Lexicon.STOP) {
                positions.computeIfAbsent(lexeme, k -> new Positions(4)).add(Math.min(i + 1, LAST_POSITION));
            }
        }
        return known ? new Vector(positions) : null;
    }

    /**
     * A lexeme's positions, rising, as to_tsvector keeps them: distinct, at most {@link
     * #POSITIONS}, none after the last position.
     */
    private static final class Positions {
        int[] at;
        int n;

        Positions(int room) {
            at = new int[Math.max(room, 1)];
        }

        void add(int position) {
            if (n > 0 && (n >= POSITIONS || at[n - 1] == LAST_POSITION || at[n - 1] == position)) {
                return;
            }
            append(position);
        }

        void append(int position) {
            if (n == at.length) {
                at = Arrays.copyOf(at, n * 2);
            }
            at[n++] = position;
        }
    }

    /**
     * How this server's parser reads the characters beyond ASCII, learned once by parsing the
     * probes both ways: a server whose locale reads them otherwise gets vectors made here for
     * ASCII text only, or none.
     */
    private Mode mode(Handle h) {
        Mode m = mode;
        if (m != Mode.UNKNOWN) {
            return m;
        }
        m = agrees(h, ASCII_PROBE, false) ? (agrees(h, WIDE_PROBE, true) ? Mode.WIDE : Mode.ASCII) : Mode.OFF;
        mode = m;
        return m;
    }

    private boolean agrees(Handle h, String probe, boolean wide) {
        Tokens t = tokens(probe, wide);
        if (t == null) {
            return false;
        }
        Vector[] made = vectors(h, List.<Tokens[]>of(new Tokens[] {t, null, null, null, t}))
                .getFirst();
        String stemmed = Vector.literal(made[0]);
        String asWritten = Vector.literal(made[4]);
        return stemmed != null
                && asWritten != null
                && h.createQuery("SELECT to_tsvector('english'::regconfig, :text) = CAST(:stemmed AS tsvector) "
                                + "AND to_tsvector('simple'::regconfig, :text) = CAST(:plain AS tsvector)")
                        .bind("text", probe)
                        .bind("stemmed", stemmed)
                        .bind("plain", asWritten)
                        .mapTo(Boolean.class)
                        .one();
    }

    /**
     * The tokens of {@code text} as PostgreSQL's default parser finds them, or null if the text
     * holds anything these rules do not cover. {@code wide}: the few letters and punctuation
     * marks beyond ASCII known here are read as the C.UTF-8 and UTF-8 locales read them.
     */
    static Tokens tokens(String text, boolean wide) {
        List<String> out = new ArrayList<>();
        List<Boolean> stemmed = new ArrayList<>();
        int n = text.length();
        int i = 0;
        // Where the last token ended, and whether it was a number or a word of letters only: only
        // after those (or a blank) does a hyphen and digits make a signed number.
        int lastEnd = -1;
        boolean lastPlain = true;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '-' && i + 1 < n && isDigit(text.charAt(i + 1))) {
                // "4-0", "covid-19": a whole number with its sign, unless it runs into letters or a point.
                int end = run(text, i + 1, wide);
                if (lastEnd == i && !lastPlain || !digitsOnly(text, i + 1, end) || pointAt(text, end, wide)) {
                    return null;
                }
                out.add(text.substring(i, end));
                stemmed.add(false);
                lastEnd = i = end;
                lastPlain = true;
                continue;
            }
            if (!isLetter(c, wide) && !isDigit(c)) {
                if (!isBlank(c, wide) || !blankAllowed(text, i, wide)) {
                    return null;
                }
                i++;
                continue;
            }
            int end = run(text, i, wide);
            boolean letters = true;
            for (int k = i; k < end; k++) {
                letters &= !isDigit(text.charAt(k));
            }
            if (letters && hyphenAt(text, end, wide)) {
                // A hyphenated word: the whole, then each part, each at a position of its own.
                List<String> parts = new ArrayList<>();
                parts.add(text.substring(i, end));
                int partEnd = end;
                while (hyphenAt(text, partEnd, wide)) {
                    int next = run(text, partEnd + 1, wide);
                    for (int k = partEnd + 1; k < next; k++) {
                        if (isDigit(text.charAt(k))) {
                            return null;
                        }
                    }
                    parts.add(text.substring(partEnd + 1, next));
                    partEnd = next;
                }
                if (partEnd - i > LONGEST) {
                    return null;
                }
                out.add(text.substring(i, partEnd));
                stemmed.add(true);
                for (String part : parts) {
                    out.add(part);
                    stemmed.add(true);
                }
                lastEnd = i = partEnd;
                lastPlain = false;
                continue;
            }
            boolean digits = digitsOnly(text, i, end);
            if (digits && end + 1 < n && text.charAt(end) == '.' && isDigit(text.charAt(end + 1))) {
                // "3.5": a decimal, unless its fraction runs into letters or another point (a version).
                int fraction = run(text, end + 1, wide);
                if (!digitsOnly(text, end + 1, fraction) || pointAt(text, fraction, wide)) {
                    return null;
                }
                end = fraction;
            } else if (!letters && !digits && (scientific(text, i, end) || hyphenAt(text, end, wide))) {
                // "1e5" is a number in scientific notation; a hyphenated word with digits takes
                // other dictionaries part by part.
                return null;
            }
            if (end - i > LONGEST) {
                return null;
            }
            out.add(text.substring(i, end));
            // Words take the stemmer; numbers and words with digits, the simple dictionary.
            stemmed.add(letters);
            lastEnd = i = end;
            lastPlain = letters || digits;
        }
        boolean[] flags = new boolean[stemmed.size()];
        for (int k = 0; k < flags.length; k++) {
            flags[k] = stemmed.get(k);
        }
        return new Tokens(out, flags);
    }

    private static boolean digitsOnly(String text, int from, int end) {
        for (int k = from; k < end; k++) {
            if (!isDigit(text.charAt(k))) {
                return false;
            }
        }
        return end > from;
    }

    /** Whether a point at {@code at} is followed by a letter or digit, which makes an address, version or decimal. */
    private static boolean pointAt(String text, int at, boolean wide) {
        return at + 1 < text.length()
                && text.charAt(at) == '.'
                && (isLetter(text.charAt(at + 1), wide) || isDigit(text.charAt(at + 1)));
    }

    private static int run(String text, int from, boolean wide) {
        int k = from;
        while (k < text.length() && (isLetter(text.charAt(k), wide) || isDigit(text.charAt(k)))) {
            k++;
        }
        return k;
    }

    /** Whether the run opens with a number in scientific notation ("1e5"), which the parser reads apart from the rest. */
    private static boolean scientific(String text, int from, int end) {
        int k = from;
        while (k < end && isDigit(text.charAt(k))) {
            k++;
        }
        return k > from
                && k + 1 < end
                && (text.charAt(k) == 'e' || text.charAt(k) == 'E')
                && isDigit(text.charAt(k + 1));
    }

    /** Whether a hyphen at {@code at} joins what precedes it to a following letter. */
    private static boolean hyphenAt(String text, int at, boolean wide) {
        return at + 1 < text.length() && text.charAt(at) == '-' && isLetter(text.charAt(at + 1), wide);
    }

    /**
     * Whether the blank at {@code i} stays a blank: a point before a letter or digit makes an
     * address, abbreviation or decimal, an ampersand before one an entity.
     */
    private static boolean blankAllowed(String text, int i, boolean wide) {
        char c = text.charAt(i);
        char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        boolean nextWord = isLetter(next, wide) || isDigit(next);
        return switch (c) {
            case '.', '&' -> !nextWord;
            default -> true;
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c, boolean wide) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }
        // Latin-1's letters (not × and ÷) and Latin Extended-A.
        return wide && (c >= 0xC0 && c <= 0x17F && c != 0xD7 && c != 0xF7);
    }

    private static boolean isBlank(char c, boolean wide) {
        return switch (c) {
            case ' ', '\n', '\r', '\t', ',', ';', ':', '!', '?', '"', '(', ')', '%', '$', '\'', '.', '-', '&' -> true;
            case '\u2018', '\u2019', '\u201C', '\u201D', '\u2013', '\u2014', '\u2026', '\u00AB', '\u00BB' -> wide;
            default -> false;
        };
    }

    /** Tokens' lexemes in one dictionary, as PostgreSQL's ts_lexize gives them: empty for a stop word. */
    private static final class Lexicon {
        private final String dictionary;
        private final Map<String, Lexeme> lexemes = new ConcurrentHashMap<>();

        Lexicon(String dictionary) {
            this.dictionary = dictionary;
        }

        void learn(Handle h, Collection<String> tokens) {
            List<String> missing =
                    tokens.stream().filter(t -> !lexemes.containsKey(t)).toList();
            if (missing.isEmpty()) {
                return;
            }
            if (lexemes.size() + missing.size() > LEXICON_SIZE) {
                lexemes.clear();
            }
            h.createQuery("SELECT t.w, ts_lexize('" + dictionary
                            + "'::regdictionary, t.w) FROM unnest(:tokens) AS t(w)")
                    .bindArray("tokens", String.class, missing)
                    .map((rs, ctx) -> {
                        java.sql.Array array = rs.getArray(2);
                        String[] found = array == null ? null : (String[]) array.getArray();
                        Lexeme lexeme = found == null || found.length > 1
                                ? UNKNOWN
                                : found.length == 0 || found[0].isEmpty() ? STOP : new Lexeme(found[0]);
                        return Map.entry(rs.getString(1), lexeme);
                    })
                    .forEach(e -> lexemes.put(e.getKey(), e.getValue()));
        }

        /** Kept for a token the dictionary does not take, or takes to several lexemes: PostgreSQL parses its text. */
        private static final Lexeme UNKNOWN = new Lexeme("\0");

        /** Kept for a stop word, which the vector skips but counts the position of. */
        private static final Lexeme STOP = new Lexeme("");
    }
}
