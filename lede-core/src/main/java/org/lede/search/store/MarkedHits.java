package org.lede.search.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.lede.search.Passages;
import org.lede.search.SearchDocument;
import org.lede.search.SearchResult.Hit;

/**
 * A page of PostgreSQL's hits as readers see them: each hit's headline and passage made by
 * {@link Passages}, as Lucene's are, the words marked being those whose lexemes the search looked
 * for. ts_headline marked them before: it parsed each hit's whole text anew, the costliest
 * statement of a search at a million stories (about 4 of its 13 ms). The vocabulary already holds
 * each word's lexeme, so the words to mark are looked up there once a search, and each hit's
 * opening is only split into words.
 */
final class MarkedHits {
    private MarkedHits() {}

    /** The statement that reads the hits at {@code ordinals}: headline, dek and the opening of the body. */
    static Query query(Handle h, String explain, List<Integer> ordinals) {
        return h.createQuery(explain + "SELECT ordinal, id, type, headline, dek, left(body, :read) AS body "
                        + "FROM search_documents WHERE ordinal = ANY(:ordinals)")
                .bind("read", Passages.READ)
                .bindArray("ordinals", Integer.class, ordinals);
    }

    /** The page's hits in its order, each with its headline and passage marked where they hold {@code written}. */
    static List<Hit> read(Handle h, List<TopHits.Scored> page, Set<String> written, boolean byDate) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Integer, TopHits.Scored> scores = new HashMap<>();
        page.forEach(s -> scores.put(s.ordinal(), s));
        Map<Integer, Hit> byOrdinal = new HashMap<>();
        query(h, "", page.stream().map(TopHits.Scored::ordinal).toList())
                .map((rs, ctx) -> {
                    int ordinal = rs.getInt("ordinal");
                    String headline = rs.getString("headline");
                    return byOrdinal.put(
                            ordinal,
                            new Hit(
                                    rs.getString("id"),
                                    SearchDocument.Type.valueOf(
                                            rs.getString("type").toUpperCase(Locale.ROOT)),
                                    byDate ? 0 : scores.get(ordinal).score(),
                                    Passages.marked(headline, SurfaceWords.find(headline, written)),
                                    Passages.passage(
                                            Passages.prose(rs.getString("dek"), rs.getString("body")),
                                            text -> SurfaceWords.find(text, written))));
                })
                .list();
        return page.stream()
                .map(s -> byOrdinal.get(s.ordinal()))
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * The words as written that the search matches: those of the vocabulary whose lexeme it looked
     * for, near-spellings' included; for a text of stop words, which matches the headline's words
     * as written, those words.
     */
    static Set<String> written(Handle h, QueryTerms terms) {
        if (terms.all()) {
            return Set.of();
        }
        if (terms.titleWords()) {
            Set<String> words = new HashSet<>();
            terms.lexemes().forEach(lexeme -> words.add(lexeme.substring(BlockStore.TITLE.length())));
            return words;
        }
        return new HashSet<>(h.createQuery("SELECT word FROM search_words WHERE lexeme = ANY(:lexemes)")
                .bindArray("lexemes", String.class, terms.lexemes())
                .mapTo(String.class)
                .list());
    }
}
