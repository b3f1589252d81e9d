package org.lede.search.lucene;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.lede.search.LikeTerms;

/**
 * The query of a more-like-this search: the words of a story's top that {@link LikeTerms} chooses,
 * each boosted by its weight over the best one's.
 *
 * <p>Two bounds keep its cost from growing with the archive:
 *
 * <ul>
 *   <li>The words chosen hold at most {@link LikeTerms#POSTINGS} postings together. Below 80,000
 *       stories every word fits (twenty-five, each in at most a tenth of them).
 *   <li>Weighing a word needs its document frequency, a seek in every segment's term dictionary,
 *       and a story's top has a few hundred distinct words: at a million stories those seeks were
 *       half of the choice. A common word's frequency barely moves while the index grows by a
 *       little, and the choice does not need it exact, so the frequencies of words in at least
 *       {@link #KEPT_FROM} documents are kept between searches until the index has grown or
 *       shrunk by a sixteenth. A rare word's frequency moves fast relative to itself (a new name,
 *       a new place), so it is read each time.
 * </ul>
 */
final class SimilarTerms {
    /** Frequencies from this many documents up are kept between searches. */
    static final int KEPT_FROM = 64;

    private static final int MIN_LENGTH = 3;
    /**
     * Words kept at most, about six megabytes: past it the cache starts over rather than grow,
     * and fills again with the words stories use most.
     */
    static final int KEPT_AT_MOST = 50_000;

    private final Analyzer analyzer;
    private final String field;
    private final int tokensPerText;
    private final long postings;
    private final int kept;
    private final int keptAtMost;
    private volatile Kept frequencies = new Kept(0);

    /** Frequencies counted while the index held about {@code numDocs} documents. */
    private record Kept(int numDocs, Map<String, Integer> docFreqs) {
        Kept(int numDocs) {
            this(numDocs, new ConcurrentHashMap<>());
        }
    }

    /**
     * @param tokensPerText words read from the top of each text: a story says what it is about
     *     there, and words deep in its body, each weighed, rarely change the best terms
     */
    SimilarTerms(Analyzer analyzer, String field, int tokensPerText, long postings, int kept, int keptAtMost) {
        this.analyzer = analyzer;
        this.field = field;
        this.tokensPerText = tokensPerText;
        this.postings = postings;
        this.kept = kept;
        this.keptAtMost = keptAtMost;
    }

    /** The terms of {@code texts} as a disjunction; with no term worth searching, one that matches nothing. */
    Query like(IndexReader reader, List<String> texts) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            count(text, counts);
        }
        Map<String, Integer> docFreqs = new HashMap<>();
        for (String word : counts.keySet()) {
            docFreqs.put(word, docFreq(reader, word));
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (LikeTerms.Term t : LikeTerms.choose(counts, docFreqs::get, reader.numDocs(), postings)) {
            query.add(new BoostQuery(new TermQuery(new Term(field, t.word())), (float) t.boost()), Occur.SHOULD);
        }
        return query.build();
    }

    private void count(String text, Map<String, Integer> counts) throws IOException {
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            for (int read = 0; read < tokensPerText && tokens.incrementToken(); read++) {
                if (term.length() >= MIN_LENGTH) {
                    counts.merge(term.toString(), 1, Integer::sum);
                }
            }
            tokens.end();
        }
    }

    /** The documents holding {@code word}: exact when it is rare, possibly a little out of date when it is common. */
    int docFreq(IndexReader reader, String word) throws IOException {
        int numDocs = reader.numDocs();
        Kept now = frequencies;
        if (Math.abs(numDocs - now.numDocs) > now.numDocs / 16 || now.docFreqs.size() >= keptAtMost) {
            now = new Kept(numDocs);
            frequencies = now;
        }
        Integer known = now.docFreqs.get(word);
        if (known != null) {
            return known;
        }
        int docFreq = reader.docFreq(new Term(field, word));
        if (docFreq >= kept) {
            now.docFreqs.put(word, docFreq);
        }
        return docFreq;
    }
}
