package org.lede.search.lucene;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Matches one window of {@link #WINDOW} documents in every {@code stride}, by position in the
 * whole index: a sample spread evenly over it, so over the years the archive was written in.
 * As a filter beside a query, the query's postings skip from window to window, so counting a
 * sample costs about what the sample holds, not what the query matches.
 */
final class Sample extends Query {
    static final int WINDOW = 64;

    private final int stride;

    Sample(int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride " + stride);
        }
        this.stride = stride;
    }

    /** How many of the index's first {@code maxDoc} document numbers the sample takes. */
    long size(long maxDoc) {
        long windows = (maxDoc + WINDOW - 1) / WINDOW;
        long taken = (windows + stride - 1) / stride;
        long last = (taken - 1) * stride;
        // Every taken window is whole but maybe the last of the index.
        return taken == 0 ? 0 : (taken - 1) * WINDOW + Math.min(WINDOW, maxDoc - last * WINDOW);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) {
                DocIdSetIterator windows =
                        new Windows(context.docBase, context.reader().maxDoc(), stride);
                return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, windows));
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false;
            }
        };
    }

    /** The numbers of one segment ({@code base} to {@code base + maxDoc}) in the sample's windows. */
    private static final class Windows extends DocIdSetIterator {
        private final long base;
        private final int maxDoc;
        private final int stride;
        private int doc = -1;

        Windows(int base, int maxDoc, int stride) {
            this.base = base;
            this.maxDoc = maxDoc;
            this.stride = stride;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() throws IOException {
            return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
            if (target >= maxDoc) {
                return doc = NO_MORE_DOCS;
            }
            long window = (base + target) / WINDOW;
            if (window % stride == 0) {
                return doc = target;
            }
            long next = (window / stride + 1) * stride * WINDOW - base;
            return doc = next >= maxDoc ? NO_MORE_DOCS : (int) next;
        }

        @Override
        public long cost() {
            return Math.max(1, maxDoc / stride);
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "sample(1/" + stride + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && ((Sample) other).stride == stride;
    }

    @Override
    public int hashCode() {
        return classHash() * 31 + stride;
    }
}
