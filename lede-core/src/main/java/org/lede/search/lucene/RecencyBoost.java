package org.lede.search.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Recency as a clause beside the text's: a bonus added to text relevance, up to {@link
 * #WEIGHT_PER_WORD} per word searched for a story of the moment searched, half that at {@link
 * #HALF_LIFE_DAYS} days away, fading toward none with age. News is read for what is new, yet an
 * old story that matches much better still wins.
 *
 * <p>Added, not multiplied, because Lucene can then pass over every match that cannot reach the
 * page. The clause bounds its score over each run of {@link #BLOCK} documents by the dates in
 * the run, and stories are indexed about in the order they were written (a rebuild reads them by
 * id, and ids begin with the story's time), so once a page of good matches is found among recent
 * stories, runs of old ones whose words score too little are passed over unread: a word in half
 * of a million stories costs about what a rare one does. Per word, because each word adds its
 * own text score: a longer search would otherwise leave recency nothing to say.
 */
final class RecencyBoost {
    static final float WEIGHT_PER_WORD = 0.75f;
    static final long HALF_LIFE_DAYS = 30;
    /** Documents whose dates bound their bonus together: a run of stories of a few days in a large index. */
    static final int BLOCK = 512;

    private static final long DAY_MILLIS = 86_400_000L;

    /** Each segment's date ranges, read once per segment (a segment never changes) and dropped with it. */
    private final Map<IndexReader.CacheKey, DateRanges> ranges = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param reference the moment ages are measured from, in epoch milliseconds
     * @param words     how many words (or phrases) the text query requires
     */
    Query clause(long reference, int words) {
        return new Clause(reference, WEIGHT_PER_WORD * Math.max(1, words), HALF_LIFE_DAYS * DAY_MILLIS);
    }

    /** The bonus of a document dated {@code date}: all of {@code weight} at the reference, half at the pivot. */
    static float score(float weight, long pivot, long reference, long date) {
        double distance = Math.abs((double) reference - date);
        return (float) (weight * (pivot / (pivot + distance)));
    }

    /** The earliest and latest date of each block of a segment's documents. */
    record DateRanges(long[] earliest, long[] latest) {
        static DateRanges of(LeafReader reader) throws IOException {
            int blocks = (reader.maxDoc() + BLOCK - 1) / BLOCK;
            long[] earliest = new long[blocks];
            long[] latest = new long[blocks];
            Arrays.fill(earliest, Long.MAX_VALUE);
            Arrays.fill(latest, Long.MIN_VALUE);
            NumericDocValues dates = DocValues.getNumeric(reader, Fields.DATE);
            for (int doc = dates.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dates.nextDoc()) {
                int block = doc / BLOCK;
                long date = dates.longValue();
                earliest[block] = Math.min(earliest[block], date);
                latest[block] = Math.max(latest[block], date);
            }
            return new DateRanges(earliest, latest);
        }

        /** The best bonus in a block: at its date nearest the reference; none when no document in it has a date. */
        float best(int block, float weight, long pivot, long reference) {
            if (earliest[block] > latest[block]) {
                return 0;
            }
            return score(weight, pivot, reference, Math.clamp(reference, earliest[block], latest[block]));
        }
    }

    private DateRanges rangesOf(LeafReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) {
            return DateRanges.of(reader);
        }
        DateRanges known = ranges.get(helper.getKey());
        if (known == null) {
            known = DateRanges.of(reader);
            ranges.put(helper.getKey(), known);
        }
        return known;
    }

    private final class Clause extends Query {
        private final long reference;
        private final float weight;
        private final long pivot;

        Clause(long reference, float weight, long pivot) {
            this.reference = reference;
            this.weight = weight;
            this.pivot = pivot;
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
            float scaled = weight * boost;
            return new Weight(this) {
                @Override
                public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                    LeafReader reader = context.reader();
                    NumericDocValues dates = reader.getNumericDocValues(Fields.DATE);
                    if (dates == null) {
                        return null;
                    }
                    // Only a search for the best few asks for bounds; others need not read the dates twice.
                    DateRanges bounds = scoreMode == ScoreMode.TOP_SCORES ? rangesOf(reader) : null;
                    return new ScorerSupplier() {
                        @Override
                        public Scorer get(long leadCost) {
                            return new Bonus(dates, bounds, scaled, reader.maxDoc());
                        }

                        @Override
                        public long cost() {
                            return reader.maxDoc();
                        }
                    };
                }

                @Override
                public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                    NumericDocValues dates = context.reader().getNumericDocValues(Fields.DATE);
                    if (dates == null || !dates.advanceExact(doc)) {
                        return Explanation.noMatch("no date");
                    }
                    return Explanation.match(
                            score(scaled, pivot, reference, dates.longValue()),
                            "recency of " + dates.longValue() + " from " + reference + ", half at " + pivot);
                }

                @Override
                public boolean isCacheable(LeafReaderContext context) {
                    return false;
                }
            };
        }

        /** Every dated document, scored by its date; bounded over a span by its blocks' best. */
        private final class Bonus extends Scorer {
            private final NumericDocValues dates;
            private final DateRanges bounds;
            private final float weight;
            private final int maxDoc;
            private int shallow;

            Bonus(NumericDocValues dates, DateRanges bounds, float weight, int maxDoc) {
                this.dates = dates;
                this.bounds = bounds;
                this.weight = weight;
                this.maxDoc = maxDoc;
            }

            @Override
            public int docID() {
                return dates.docID();
            }

            @Override
            public DocIdSetIterator iterator() {
                return dates;
            }

            @Override
            public float score() throws IOException {
                return RecencyBoost.score(weight, pivot, reference, dates.longValue());
            }

            @Override
            public int advanceShallow(int target) {
                shallow = target;
                if (bounds == null) {
                    return DocIdSetIterator.NO_MORE_DOCS;
                }
                long end = ((long) target / BLOCK + 1) * BLOCK - 1;
                // The last block runs to the end, as a posting list's does, so a window never stops short.
                return end >= maxDoc - 1 ? DocIdSetIterator.NO_MORE_DOCS : (int) end;
            }

            @Override
            public float getMaxScore(int upTo) {
                if (bounds == null) {
                    return weight;
                }
                int from = Math.max(shallow, Math.max(docID(), 0)) / BLOCK;
                int to = Math.min(upTo, maxDoc - 1) / BLOCK;
                float best = 0;
                for (int block = from; block <= to; block++) {
                    best = Math.max(best, bounds.best(block, weight, pivot, reference));
                }
                return best;
            }
        }

        @Override
        public void visit(QueryVisitor visitor) {
            if (visitor.acceptField(Fields.DATE)) {
                visitor.visitLeaf(this);
            }
        }

        @Override
        public String toString(String field) {
            return "recency(" + reference + ", " + weight + ", " + pivot + ")";
        }

        @Override
        public boolean equals(Object o) {
            return sameClassAs(o)
                    && o instanceof Clause c
                    && c.reference == reference
                    && c.weight == weight
                    && c.pivot == pivot;
        }

        @Override
        public int hashCode() {
            return Objects.hash(classHash(), reference, weight, pivot);
        }
    }
}
