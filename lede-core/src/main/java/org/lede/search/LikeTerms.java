package org.lede.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The words of a document that say most about it, which a more-like-this search looks for: each
 * weighed as Lucene's {@code MoreLikeThis} weighs it (its count in the document times the classic
 * idf), and boosted by its weight over the best one's. Both indexes choose them here.
 *
 * <p>A search reads the postings of every word chosen, and a word in a tenth of a million stories
 * is a hundred thousand postings: twenty-five such words were most of a story page's time. So the
 * best words are taken first, and a word is left out when its postings would take the total past a
 * budget, while rarer ones that still fit are taken. Each index sets its budget by what reading a
 * posting costs it.
 */
public final class LikeTerms {
    private LikeTerms() {}

    /** Lucene's budget: about two and a half milliseconds of reading its postings on the machine the budgets were set on. */
    public static final long POSTINGS = 200_000;

    /** The most words a search looks for. */
    static final int TERMS = 25;

    /** A word of one document alone finds nothing else. */
    static final int MIN_DOC_FREQ = 2;

    /** A word in a tenth of everything says little about a document; in a small index, a tenth is too few. */
    static final int MIN_MAX_DOC_FREQ = 10;

    /** A word chosen: how many documents hold it, and its weight over the best word's (1 for the best). */
    public record Term(String word, long docFreq, double boost) {}

    private record Weighed(String word, long docFreq, double weight) {}

    private static final Comparator<Weighed> BEST_FIRST =
            Comparator.comparingDouble(Weighed::weight).reversed().thenComparing(Weighed::word);

    /**
     * The words worth searching for, best first; none when no word of the document is.
     *
     * @param counts   each word of the document and how often it uses it
     * @param docFreq  how many documents of the index hold a word
     * @param numDocs  how many documents the index holds
     * @param postings the most postings the words chosen may hold together
     */
    public static List<Term> choose(
            Map<String, Integer> counts, ToLongFunction<String> docFreq, long numDocs, long postings) {
        long maxDocFreq = Math.max(numDocs / 10, MIN_MAX_DOC_FREQ);
        List<Weighed> weighed = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            long df = docFreq.applyAsLong(e.getKey());
            if (df >= MIN_DOC_FREQ && df <= maxDocFreq) {
                weighed.add(new Weighed(e.getKey(), df, e.getValue() * idf(df, numDocs)));
            }
        }
        weighed.sort(BEST_FIRST);
        List<Term> out = new ArrayList<>();
        long spent = 0;
        for (Weighed w : weighed.subList(0, Math.min(TERMS, weighed.size()))) {
            if (spent + w.docFreq() <= postings) {
                spent += w.docFreq();
                out.add(new Term(
                        w.word(), w.docFreq(), w.weight() / weighed.getFirst().weight()));
            }
        }
        return out;
    }

    /** Lucene's classic idf, which {@code MoreLikeThis} weighs words by. */
    public static double idf(long docFreq, long numDocs) {
        return Math.log((numDocs + 1) / (double) (docFreq + 1)) + 1.0;
    }
}
