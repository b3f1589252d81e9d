package org.lede.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.lede.search.SearchResult.Fragment;

/**
 * What a hit shows a reader: its headline with the matched words marked, and the passage of its
 * prose of about {@link #LENGTH} characters that holds the most distinct matched words. Both
 * indexes make them here from the stored text and the offsets of the words their own analysis
 * matched, so a hit reads the same whichever index found it.
 */
public final class Passages {
    /** How long a passage is at most, in characters, before the ellipsis that ends a cut one. */
    static final int LENGTH = 200;
    /** How much of the passage comes before its first match, so the match reads in context. */
    private static final int LEAD = 40;
    /**
     * How much of a text is searched for a passage. A page of hits analyzes every hit's text, and
     * a passage from the opening is what a reader skims anyway.
     */
    public static final int READ = 3000;

    private Passages() {}

    /** A hit's prose as both indexes store it: the dek, then the body's blocks, a line each. */
    public static String prose(String dek, String body) {
        return dek == null ? (body == null ? "" : body) : body == null ? dek : dek + "\n" + body;
    }

    /** The whole text with the words at {@code matches} (start and end offsets, in order) marked. */
    public static List<Fragment> marked(String text, List<int[]> matches) {
        return fragments(text, 0, text.length(), matches);
    }

    /**
     * The best passage of the text around its matches, or its start when nothing matched; only
     * the first {@link #READ} characters are given to {@code matcher}, which answers the offsets
     * of the words it matched there, in order.
     */
    public static List<Fragment> passage(String whole, Function<String, List<int[]>> matcher) {
        if (whole.isEmpty()) {
            return List.of();
        }
        String text = opening(whole);
        List<int[]> matches = matcher.apply(text);
        int start = matches.isEmpty() ? 0 : bestStart(text, matches);
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

    /** The first {@link #READ} characters of {@code whole}, never half a surrogate pair. */
    static String opening(String whole) {
        if (whole.length() <= READ) {
            return whole;
        }
        return whole.substring(0, Character.isHighSurrogate(whole.charAt(READ - 1)) ? READ - 1 : READ);
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
                        text.substring(matches.get(j)[0], matches.get(j)[1]).toLowerCase(Locale.ROOT));
                count++;
            }
            int score = distinct.size() * 1000 + count;
            if (score > bestScore) {
                bestScore = score;
                best = windowStart;
            }
        }
        if (best > 0) {
            // Start at a word: after the space or line break at or before the window's start.
            best = Math.max(text.lastIndexOf(' ', best), text.lastIndexOf('\n', best)) + 1;
        }
        return best;
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

    /** Neighbouring runs of unmatched text joined, and empty runs dropped. */
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
