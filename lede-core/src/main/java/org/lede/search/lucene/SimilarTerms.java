package org.lede.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Bounds the work of a more-like-this search. Its cost is the postings of its terms: a term in a
 * tenth of a million stories is a hundred thousand documents to read, and twenty-five such terms
 * were most of a story page's time. So the terms are taken best first, and a term is left out
 * when its postings would take the total past the bound, while rarer ones that still fit are
 * taken. Below 80,000 stories every term fits (twenty-five, each in at most a tenth of them)
 * and nothing changes; past that, the time a story's related coverage takes no longer grows
 * with the archive.
 */
final class SimilarTerms {
    /** About two and a half milliseconds of reading on the machine the budgets were set on. */
    static final long POSTINGS = 200_000;

    private SimilarTerms() {}

    /**
     * @param like     more-like-this's query: a disjunction of boosted term queries
     * @param postings how many postings the terms kept may hold together
     */
    static Query within(Query like, IndexReader reader, long postings) throws IOException {
        if (!(like instanceof BooleanQuery terms)) {
            return like;
        }
        List<BooleanClause> best = new ArrayList<>(terms.clauses());
        best.sort(Comparator.comparingDouble(SimilarTerms::boost).reversed());
        BooleanQuery.Builder kept = new BooleanQuery.Builder();
        long spent = 0;
        for (BooleanClause clause : best) {
            Query query = clause.query() instanceof BoostQuery boosted ? boosted.getQuery() : clause.query();
            long cost = query instanceof TermQuery term ? reader.docFreq(term.getTerm()) : 0;
            if (spent + cost <= postings) {
                spent += cost;
                kept.add(clause);
            }
        }
        return kept.build();
    }

    private static double boost(BooleanClause clause) {
        return clause.query() instanceof BoostQuery boosted ? boosted.getBoost() : 1;
    }
}
