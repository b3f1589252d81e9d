package org.lede.search.lucene;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * Text relevance times a bonus for being recent: up to {@link #WEIGHT} more for a story of
 * today, half that at {@link #HALF_LIFE_DAYS} days old, fading toward none with age. News is
 * read for what is new, yet an old story that matches much better still wins.
 */
final class RecencyBoost extends DoubleValuesSource {
    static final double WEIGHT = 0.5;
    static final double HALF_LIFE_DAYS = 30;
    private static final double DAY_MILLIS = 86_400_000d;

    private final long reference;

    /** @param reference the moment ages are measured from, in epoch milliseconds */
    RecencyBoost(long reference) {
        this.reference = reference;
    }

    static double factor(long reference, long date) {
        double ageDays = Math.max(0, reference - date) / DAY_MILLIS;
        return 1 + WEIGHT * HALF_LIFE_DAYS / (HALF_LIFE_DAYS + ageDays);
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues dates = DocValues.getNumeric(ctx.reader(), Fields.DATE);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                double score = scores != null && scores.advanceExact(doc) ? scores.doubleValue() : 1;
                value = dates.advanceExact(doc) ? score * factor(reference, dates.longValue()) : score;
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return true;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(reference);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecencyBoost r && r.reference == reference;
    }

    @Override
    public String toString() {
        return "recency(" + reference + ")";
    }
}
