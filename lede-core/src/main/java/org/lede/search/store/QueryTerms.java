package org.lede.search.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.lede.search.store.BlockSearch.Spelling;

/**
 * The text of a search: each word's spellings (its lexemes as typed, which count double, and
 * near spellings from the vocabulary), and phrases, whose lexemes must all be present and whose
 * order PostgreSQL checks ({@code query}, a tsquery built from lexemes its parser produced,
 * never from the typed text). A text of stop words only ("of and")
 * is matched against the headline's every word instead ({@code titleWords}: the column
 * title_words, whose words the postings keep after {@link BlockStore#TITLE}).
 */
record QueryTerms(
        boolean all,
        boolean titleWords,
        String query,
        List<List<String>> typed,
        List<List<String>> near,
        boolean phrased) {
    /** How many near-spellings a query word brings in at most, the closest and most common first. */
    private static final int SPELLINGS = 8;

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

    static QueryTerms of(Handle h, QueryText text) {
        if (text.blank()) {
            return new QueryTerms(true, false, "", List.of(), List.of(), false);
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
        return new QueryTerms(false, false, String.join(" & ", parts), typed, near, !phrases.isEmpty());
    }

    /** Every word of the headline as written, for a text that names nothing but stop words. */
    private static QueryTerms stopWords(Handle h, QueryText text) {
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
        return new QueryTerms(false, true, query, typed, near, !phrases.isEmpty());
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
                                    lexemes.isEmpty() ? List.of() : List.of(lexemes.split(" ")), new ArrayList<>()));
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
        return "(" + String.join(" | ", lexemes.stream().map(QueryTerms::quote).toList()) + ")";
    }

    private static String quote(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** A word of the query: its lexemes as typed (none for a stop word) and its near-spellings. */
    private record Word(List<String> lexemes, List<Near> near) {}

    private record Near(String lexeme, int distance, long documents) {}
}
