package org.lede.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.lede.search.SearchResult.Fragment;

/**
 * Marks the words of a text that a search matched, by the same analysis the index used, and picks
 * the passage of about {@link #LENGTH} characters that holds the most distinct matched words.
 * Offsets come from the analyzers, so what is marked is exactly what was written.
 */
final class Snippets {
    static final int LENGTH = 200;
    /** How much of the passage comes before its first match, so the match reads in context. */
    private static final int LEAD = 40;
    /** How much of a text is searched for a passage. */
    static final int READ = 3000;

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
        List<int[]> matches = query == null ? List.of() : matches(text, query);
        return fragments(text, 0, text.length(), matches);
    }

    /**
     * The best passage of the text around its matches, or its start when nothing matched. Only
     * the first {@link #READ} characters are read: a page of hits analyzes every hit's text, and
     * a passage from the opening is what a reader skims anyway.
     */
    List<Fragment> passage(String whole, TextQuery query) {
        if (whole.isEmpty()) {
            return List.of();
        }
        int read = Character.isHighSurrogate(whole.charAt(Math.min(READ, whole.length()) - 1)) ? READ - 1 : READ;
        String text = whole.length() <= read ? whole : whole.substring(0, read);
        List<int[]> matches = query == null ? List.of() : matches(text, query);
        int start = 0;
        if (!matches.isEmpty()) {
            start = bestStart(text, matches);
        }
        int end = Math.min(text.length(), start + LENGTH);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            if (space > start + LENGTH / 2) {
                end = space;
            }
        }
        List<Fragment> out = new ArrayList<>();
        if (start > 0) {
            out.add(new Fragment("…", false));
        }
        out.addAll(fragments(text, start, end, matches));
        if (end < whole.length()) {
            out.add(new Fragment("…", false));
        }
        return merged(out);
    }

    private static int bestStart(String text, List<int[]> matches) {
        int best = 0;
        int bestScore = -1;
        for (int i = 0; i < matches.size(); i++) {
            int windowStart = Math.max(0, matches.get(i)[0] - LEAD);
            int windowEnd = windowStart + LENGTH;
            Set<String> distinct = new HashSet<>();
            int count = 0;
            for (int j = i; j < matches.size() && matches.get(j)[1] <= windowEnd; j++) {
                distinct.add(
                        text.substring(matches.get(j)[0], matches.get(j)[1]).toLowerCase(java.util.Locale.ROOT));
                count++;
            }
            int score = distinct.size() * 1000 + count;
            if (score > bestScore) {
                bestScore = score;
                best = windowStart;
            }
        }
        if (best > 0) {
            // Start at a word: after the space at or before the window's start.
            int space = text.lastIndexOf(' ', best);
            int lineBreak = text.lastIndexOf('\n', best);
            best = Math.max(space, lineBreak) + 1;
        }
        return best;
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

    private static List<Fragment> fragments(String text, int start, int end, List<int[]> matches) {
        List<Fragment> out = new ArrayList<>();
        int at = start;
        for (int[] m : matches) {
            if (m[0] < at || m[1] > end) {
                continue;
            }
            if (m[0] > at) {
                out.add(new Fragment(oneLine(text.substring(at, m[0])), false));
            }
            out.add(new Fragment(text.substring(m[0], m[1]), true));
            at = m[1];
        }
        if (at < end) {
            out.add(new Fragment(oneLine(text.substring(at, end)), false));
        }
        return merged(out);
    }

    /** Blocks are lines in the stored text; a snippet is one run of prose. */
    private static String oneLine(String text) {
        return text.replace('\n', ' ');
    }

    /** Neighbours of the same kind joined, so "a b" with both matched is one mark. */
    private static List<Fragment> merged(List<Fragment> fragments) {
        List<Fragment> out = new ArrayList<>();
        for (Fragment f : fragments) {
            if (f.text().isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && out.getLast().match() == f.match() && !f.match()) {
                out.set(out.size() - 1, new Fragment(out.getLast().text() + f.text(), false));
            } else {
                out.add(f);
            }
        }
        return out;
    }
}
