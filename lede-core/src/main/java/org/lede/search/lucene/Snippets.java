package org.lede.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.lede.search.Passages;
import org.lede.search.SearchResult.Fragment;

/**
 * Finds the words of a text that a search matched, by the same analysis the index used, for
 * {@link Passages} to mark. Offsets come from the analyzers, so what is marked is exactly what
 * was written.
 */
final class Snippets {
    /**
     * Words whose stems are kept, at most: a page of hits reads thousands of words, mostly the
     * same few thousand, and stemming each one again was a tenth of a search's time. Past it the
     * stems start over rather than grow (about two megabytes).
     */
    static final int STEMS_KEPT = 20_000;

    private final Analyzer exact = Analyzers.exact();
    private final Analyzer stemmer = Analyzers.stemmer();
    private volatile Map<String, String> stems = new ConcurrentHashMap<>();

    /** The whole text with its matched words marked. */
    List<Fragment> marked(String text, TextQuery query) {
        return Passages.marked(text, query == null ? List.of() : matches(text, query));
    }

    /** The best passage of the text around its matches ({@link Passages#passage}), or its start when nothing matched. */
    List<Fragment> passage(String whole, TextQuery query) {
        return Passages.passage(whole, text -> query == null ? List.of() : matches(text, query));
    }

    /** Start and end offsets of the matched words, in order: each word as written, and its stem unless it is a stop word. */
    private List<int[]> matches(String text, TextQuery query) {
        List<int[]> out = new ArrayList<>();
        try (TokenStream tokens = exact.tokenStream(Fields.BODY, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String form = term.toString();
                if (query.matches(form, stem(form))) {
                    out.add(new int[] {offset.startOffset(), offset.endOffset()});
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** What the ranked field makes of a word as written: its stem, or null for a stop word. */
    String stem(String form) {
        if (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(form)) {
            return null;
        }
        Map<String, String> kept = stems;
        String stem = kept.get(form);
        if (stem == null) {
            stem = TextQuery.terms(stemmer, form).getFirst();
            if (kept.size() >= STEMS_KEPT) {
                kept = new ConcurrentHashMap<>();
                stems = kept;
            }
            kept.put(form, stem);
        }
        return stem;
    }

    /** How many stems are kept now. */
    int kept() {
        return stems.size();
    }
}
