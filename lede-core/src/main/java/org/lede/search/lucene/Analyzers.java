package org.lede.search.lucene;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The two ways text is split into terms. Ranked fields are stemmed ("elections" finds
 * "election"), lower-cased and folded to ASCII ("Jose" finds "José"), with English stop words
 * left out; the exact copy keeps every word as written but for case, accents and a possessive 's, with positions,
 * for phrases and typo tolerance, which must compare what was typed with what was written.
 */
final class Analyzers {
    /** Wide enough that a phrase never spans two values of a field (the headline's end and the dek's start). */
    private static final int VALUE_GAP = 100;

    private Analyzers() {}

    static Analyzer stemmed() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, ranked(asWritten(source)));
            }

            @Override
            public int getPositionIncrementGap(String field) {
                return VALUE_GAP;
            }
        };
    }

    static Analyzer exact() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, asWritten(source));
            }

            @Override
            public int getPositionIncrementGap(String field) {
                return VALUE_GAP;
            }
        };
    }

    /** Words as written but for case, accents and a possessive 's: the exact copy's, and where ranking starts. */
    private static TokenStream asWritten(StandardTokenizer source) {
        // "Glenport's" is written "Glenport" for phrases and typos as for ranking.
        TokenStream out = new EnglishPossessiveFilter(source);
        out = new LowerCaseFilter(out);
        return new ASCIIFoldingFilter(out);
    }

    /**
     * Words as written made ranked terms: stop words out, the rest stemmed. The stemmed analyzer
     * is this over {@link #asWritten}, so text split once ({@link AnalyzedOnce}) ranks the same.
     */
    static TokenStream ranked(TokenStream asWritten) {
        TokenStream out = new StopFilter(asWritten, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return new KStemFilter(out);
    }

    /**
     * One word as written ({@link #asWritten}) to its stem: what {@link #ranked} makes of a word
     * that is not a stop word. The stemmer reads each word alone, so a word stems the same in a
     * text as by itself.
     */
    static Analyzer stemmer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                KeywordTokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, new KStemFilter(source));
            }
        };
    }

    /** Stemmed by default; the exact field as written. */
    static Analyzer perField(Analyzer stemmed, Analyzer exact) {
        return new PerFieldAnalyzerWrapper(stemmed, Map.of(Fields.EXACT, exact));
    }
}
