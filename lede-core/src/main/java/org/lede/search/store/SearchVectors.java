package org.lede.search.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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

    /** One document's vectors: of the headline, dek and lead-ins, body, names, and the headline's words as written. */
    record Made(String headline, String dek, String body, String names, String title) {}

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
            texts.forEach(t -> made.add(new Made(null, null, null, null, null)));
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
        literals(h, parsed).forEach(l -> made.add(new Made(l[0], l[1], l[2], l[3], l[4])));
        return made;
    }

    /**
     * The literals of each document's tokens: the first four under english, the fifth under
     * simple, null where a text has no tokens. Each is made once all its tokens' lexemes are
     * known, so the tokens not yet known are asked for together.
     */
    private List<String[]> literals(Handle h, List<Tokens[]> parsed) {
        List<String[]> literals = new ArrayList<>(parsed.size());
        Set<String> stems = new HashSet<>();
        Set<String> plain = new HashSet<>();
        for (Tokens[] p : parsed) {
            String[] l = new String[5];
            for (int i = 0; i < 5; i++) {
                l[i] = p[i] == null ? null : literal(p[i], i < 4, stems, plain);
            }
            literals.add(l);
        }
        if (!stems.isEmpty() || !plain.isEmpty()) {
            english.learn(h, stems);
            simple.learn(h, plain);
            for (int d = 0; d < parsed.size(); d++) {
                Tokens[] p = parsed.get(d);
                String[] l = literals.get(d);
                for (int i = 0; i < 5; i++) {
                    if (p[i] != null && l[i] == null) {
                        l[i] = literal(p[i], i < 4, null, null);
                    }
                }
            }
        }
        return literals;
    }

    /**
     * The vector as a tsvector literal, under the english configuration or the simple one; null
     * if a lexeme is unknown, or not yet known: then the tokens to ask for go to {@code stems} and
     * {@code plain} when given.
     */
    private String literal(Tokens t, boolean stemming, Set<String> stems, Set<String> plain) {
        Map<String, Positions> positions = new LinkedHashMap<>();
        boolean known = true;
        for (int i = 0; i < t.text().size(); i++) {
            String token = t.text().get(i);
            boolean stem = stemming && t.stemmed()[i];
            String lexeme = (stem ? english : simple).lexemes.get(token);
            if (lexeme == null && stems != null) {
                (stem ? stems : plain).add(token);
                known = false;
            } else if (lexeme == null || lexeme.equals(Lexicon.UNKNOWN)) {
                return null;
            } else if (!lexeme.isEmpty()) {
                positions.computeIfAbsent(lexeme, k -> new Positions()).add(Math.min(i + 1, LAST_POSITION));
            }
        }
        if (!known) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        positions.forEach((lexeme, at) -> {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append('\'');
            for (int i = 0; i < lexeme.length(); i++) {
                char c = lexeme.charAt(i);
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

    /**
     * A lexeme's positions, rising, as to_tsvector keeps them: distinct, at most {@link
     * #POSITIONS}, none after the last position.
     */
    private static final class Positions {
        int[] at = new int[4];
        int n;

        void add(int position) {
            if (n > 0 && (n >= POSITIONS || at[n - 1] == LAST_POSITION || at[n - 1] == position)) {
                return;
            }
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
        String[] made = literals(h, List.<Tokens[]>of(new Tokens[] {t, null, null, null, t}))
                .getFirst();
        String stemmed = made[0];
        String asWritten = made[4];
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
        private final Map<String, String> lexemes = new ConcurrentHashMap<>();

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
                        String lexeme = found == null || found.length > 1 ? UNKNOWN : found.length == 0 ? "" : found[0];
                        return Map.entry(rs.getString(1), lexeme);
                    })
                    .forEach(e -> lexemes.put(e.getKey(), e.getValue()));
        }

        /** Kept for a token the dictionary does not take, or takes to several lexemes: PostgreSQL parses its text. */
        private static final String UNKNOWN = "\0";
    }
}
