package org.lede.search;

import java.util.List;

/**
 * How an index turns the counts of a sample of the matches into estimates of the whole: scaled,
 * and rounded to two significant digits, as precise as a sample can tell.
 */
public final class Estimates {
    private Estimates() {}

    /** {@code estimate} rounded down to two significant digits: 12,345 is about 12,000. */
    public static long rough(double estimate) {
        long n = (long) estimate;
        long unit = 1;
        while (n / unit >= 100) {
            unit *= 10;
        }
        return n / unit * unit;
    }

    /** Each count times {@code scale}, rough, and at least one where any was counted; most first again. */
    public static SearchResult.Counts scaled(SearchResult.Counts counts, double scale) {
        return new SearchResult.Counts(
                scaled(counts.topics(), scale),
                scaled(counts.authors(), scale),
                scaled(counts.kinds(), scale),
                scaled(counts.years(), scale));
    }

    private static List<SearchResult.Count> scaled(List<SearchResult.Count> counts, double scale) {
        return counts.stream()
                .map(c -> new SearchResult.Count(c.value(), Math.max(1, rough(c.count() * scale))))
                .sorted(SearchResult.Count.MOST_FIRST)
                .toList();
    }
}
