package org.lede.search.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.lede.search.SearchDocument;
import org.lede.search.SearchResult.Fragment;
import org.lede.search.SearchResult.Hit;

/**
 * A page of PostgreSQL's hits as readers see them: each hit's headline and snippet, their matches
 * marked by ts_headline with two private-use characters that no indexed text holds.
 */
final class MarkedHits {
    /** Private-use characters that mark matches in ts_headline's output; stripped from all indexed text. */
    private static final char START = '\uE000';

    private static final char STOP = '\uE001';

    private static final String SNIPPET_OPTIONS = "StartSel=\"" + START + "\", StopSel=\"" + STOP
            + "\", MaxWords=30, MinWords=15, ShortWord=3, MaxFragments=1";

    private static final String HEADLINE_OPTIONS =
            "StartSel=\"" + START + "\", StopSel=\"" + STOP + "\", HighlightAll=true";

    private MarkedHits() {}

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

    /** The statement that reads the hits at {@code ordinals}, their headline and snippet marked by ts_headline. */
    static Query query(Handle h, String explain, QueryTerms terms, List<Integer> ordinals) {
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
    static List<Hit> read(Handle h, List<TopHits.Scored> page, QueryTerms terms, boolean byDate) {
        if (page.isEmpty()) {
            return List.of();
        }
        Query q = query(h, "", terms, page.stream().map(TopHits.Scored::ordinal).toList());
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
    private static List<Fragment> fragments(String marked) {
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
}
