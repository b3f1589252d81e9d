package org.lede.search;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One page of hits.
 *
 * @param total     how many documents match in all: counted exactly up to {@link #EXACT_UP_TO}; past it, more than
 *                  that, as a lower bound or an estimate (an index may count a sample of the matches and scale it)
 * @param exact     whether {@code total} is exact
 * @param hits      this page's hits, best (or newest) first
 * @param next      the cursor of the page after this one, or null when this is the last
 * @param counts    matches by topic, author, kind and year, when the query asked; else {@link Counts#NONE}; when
 *                  the total is not exact, of the same part of the matches or the same estimate as the total
 */
public record SearchResult(long total, boolean exact, List<Hit> hits, String next, Counts counts) {
    public static final long EXACT_UP_TO = 10_000;

    public SearchResult {
        hits = List.copyOf(hits);
    }

    /**
     * One hit. The headline and snippet come as fragments, the matched words marked, so that
     * whoever renders them escapes the text and adds the marks: no adapter writes HTML.
     *
     * @param snippet the best passage of the dek or body around the matches (the dek's start when nothing in the text matched)
     */
    public record Hit(
            String id, SearchDocument.Type type, double score, List<Fragment> headline, List<Fragment> snippet) {
        public Hit {
            headline = List.copyOf(headline);
            snippet = List.copyOf(snippet);
        }
    }

    /** A run of text, and whether it is a match. */
    public record Fragment(String text, boolean match) {}

    /** Matches by value, most first, then by value; values are topic ids, author ids, kind keys and years ("2024"). */
    public record Counts(List<Count> topics, List<Count> authors, List<Count> kinds, List<Count> years) {
        public static final Counts NONE = new Counts(List.of(), List.of(), List.of(), List.of());

        public Counts {
            topics = List.copyOf(topics);
            authors = List.copyOf(authors);
            kinds = List.copyOf(kinds);
            years = List.copyOf(years);
        }
    }

    public record Count(String value, long count) {
        /** The order of {@link Counts}' lists: most first, then by value. */
        public static final Comparator<Count> MOST_FIRST =
                Comparator.comparingLong(Count::count).reversed().thenComparing(Count::value);

        /** Each value's count, in the order of {@link #MOST_FIRST}. */
        public static List<Count> mostFirst(Map<String, Long> counts) {
            return counts.entrySet().stream()
                    .map(e -> new Count(e.getKey(), e.getValue()))
                    .sorted(MOST_FIRST)
                    .toList();
        }
    }
}
